"""Validation of myDATA documents against the official XSDs (v2.0.1), which the project does not ship.

The schema folder is ``$NEXIPOS_MYDATA_XSD`` when set, else ``<project>/../shared/xsd/mydata-v2.0.1`` (beside a
development checkout). Parsed schemas are cached per file.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from lxml import etree

ENV_VAR = "NEXIPOS_MYDATA_XSD"
VERSION_DIR = "mydata-v2.0.1"
#: The root element of a document → the schema file that declares it.
SCHEMA_FILES: dict[str, str] = {
    "InvoicesDoc": "InvoicesDoc-v2.0.1.xsd",
    "PaymentMethodsDoc": "paymentMethods-v2.0.1.xsd",
}
_NAMESPACE = re.compile(r"\{[^}]*\}")


class SchemaNotFound(FileNotFoundError):
    """The official XSD folder is not where it is looked for (message in Greek, fit to show)."""


def schema_dir() -> Path:
    """The folder holding the official myDATA XSDs; raises :class:`SchemaNotFound` when it is absent."""
    configured = os.environ.get(ENV_VAR)
    folder = Path(configured) if configured else Path(__file__).resolve().parents[2].parent / "shared" / "xsd" / VERSION_DIR
    if not (folder / SCHEMA_FILES["InvoicesDoc"]).is_file():
        raise SchemaNotFound(f"Δεν βρέθηκαν τα XSD του myDATA στο «{folder}» (ορίστε το {ENV_VAR})")
    return folder


def load_schema(schema: str = "InvoicesDoc") -> etree.XMLSchema:
    """The parsed schema of a document type (``InvoicesDoc`` or ``PaymentMethodsDoc``), cached."""
    try:
        name = SCHEMA_FILES[schema]
    except KeyError:
        raise ValueError(f"Άγνωστο σχήμα myDATA «{schema}» (γνωστά: {', '.join(SCHEMA_FILES)})") from None
    return _parse(schema_dir() / name)


def validate(element: etree._Element, schema: str = "InvoicesDoc") -> list[str]:
    """Readable validation errors of ``element`` against ``schema`` (empty when the document is valid)."""
    xml_schema = load_schema(schema)
    if xml_schema.validate(element):
        return []
    return [_readable(element, error) for error in xml_schema.error_log]


@cache
def _parse(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


def _readable(root: etree._Element, error: etree._LogEntry) -> str:
    message = _NAMESPACE.sub("", error.message)
    path = _element_path(root, error.path)
    return f"{path}: {message}" if path else message


def _element_path(root: etree._Element, xpath: str | None) -> str:
    """``/*/*/*[4]/*[5]`` → ``InvoicesDoc/invoice/invoiceDetails[1]/vatCategory``: names, not positions."""
    try:
        found = root.getroottree().xpath(xpath) if xpath else []
    except etree.XPathError:
        return xpath or ""
    if not found or not isinstance(found[0], etree._Element):
        return xpath or ""
    steps = []
    for node in [found[0], *found[0].iterancestors()]:
        name = etree.QName(node).localname
        parent = node.getparent()
        same = [] if parent is None else [n for n in parent if n.tag == node.tag]
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
    return "/".join(reversed(steps))
