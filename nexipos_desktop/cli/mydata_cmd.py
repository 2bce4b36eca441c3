"""``nexipos receipts xml NUMBER [--validate]``: a receipt as the myDATA ``InvoicesDoc`` it is sent as."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from nexipos_desktop.cli.common import CliError, load_receipt, subcommand

if TYPE_CHECKING:
    from lxml import etree


def register_xml(actions: argparse._SubParsersAction) -> None:
    """Add the ``xml`` action to the ``receipts`` actions group."""
    xml = subcommand(actions, "xml", "η απόδειξη ως έγγραφο myDATA (InvoicesDoc XML)")
    xml.add_argument("number", metavar="NUMBER", help="αριθμός: 123, Α-123 ή 11.4/Π-5")
    xml.add_argument("--validate", action="store_true",
                     help="έλεγχος με τα επίσημα XSD του myDATA (κωδικός εξόδου 1 αν δεν είναι έγκυρο)")
    xml.set_defaults(handler=xml_command)


def xml_command(args: argparse.Namespace) -> int:
    """Print the receipt's ``InvoicesDoc``; with ``--validate`` report its XSD errors on stderr."""
    from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice
    from nexipos_desktop.fiscal.mydata_xml import MyDataError, invoices_doc, to_bytes

    invoice = load_receipt(args, load_mydata_invoice)
    try:
        document = invoices_doc([invoice])
    except MyDataError as exc:
        raise CliError(str(exc)) from exc
    sys.stdout.write(to_bytes(document).decode("utf-8"))
    if invoice.awaits_original_mark:
        print("προσοχή: το αρχικό παραστατικό δεν έχει ΜΑΡΚ ακόμη· λείπει το correlatedInvoices", file=sys.stderr)
    return _report_validation(document) if args.validate else 0


def _report_validation(document: etree._Element) -> int:
    from nexipos_desktop.fiscal.xsd import SchemaNotFound, validate

    try:
        errors = validate(document, "InvoicesDoc")
    except SchemaNotFound as exc:
        raise CliError(str(exc), exit_code=2) from exc
    for error in errors:
        print(f"XSD: {error}", file=sys.stderr)
    print("μη έγκυρο κατά το XSD του myDATA" if errors else "έγκυρο κατά το XSD του myDATA v2.0.1", file=sys.stderr)
    return 1 if errors else 0
