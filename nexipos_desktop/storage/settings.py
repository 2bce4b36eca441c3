"""Settings stored as JSON values in the ``setting`` table (secrets go to the keyring, never here)."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from nexipos_desktop.receipts.document import Issuer
from nexipos_desktop.storage.models import Setting

DEFAULT_SERIES = {"11.1": "Α", "11.2": "Β", "11.4": "Π"}

DEFAULTS: dict[str, Any] = {
    "shop.name": "",
    "shop.vat": "",
    "shop.tax_office": "",
    "shop.address": "",
    "shop.phone": "",
    "shop.activity": "",
    "shop.branch": 0,
    "series.11.1": DEFAULT_SERIES["11.1"],
    "series.11.2": DEFAULT_SERIES["11.2"],
    "series.11.4": DEFAULT_SERIES["11.4"],
    "ui.language": "el",
    "printing.paper": "80mm",
    "printing.printer": "",
    "printing.auto_print": False,
    "terminal.driver": "",
}


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row.value)


def set_setting(session: Session, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
        session.add(row)


def all_settings(session: Session) -> dict[str, Any]:
    values = dict(DEFAULTS)
    values.update({row.key: json.loads(row.value) for row in session.exec(select(Setting))})
    return values


def load_issuer(session: Session) -> Issuer:
    """The shop's details as printed on receipts."""
    values = all_settings(session)
    return Issuer(
        name=values["shop.name"],
        vat_number=values["shop.vat"],
        tax_office=values["shop.tax_office"],
        address=values["shop.address"],
        branch=int(values["shop.branch"]),
        phone=values["shop.phone"],
        activity=values["shop.activity"],
    )


def series_for(session: Session, invoice_type: str) -> str:
    return str(get_setting(session, f"series.{invoice_type}", DEFAULT_SERIES.get(invoice_type, "0")))
