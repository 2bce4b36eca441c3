"""Open sales that hold a reserved receipt number: the lines and UID a card payment signs.

A card payment's A.1155 signature covers the receipt's UID, so the number is reserved and the UID fixed when the
first card attempt is signed; the lines are stored with it so a restart can issue the receipt under that UID.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete
from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.uid import mydata_uid
from nexipos_desktop.storage.models import Receipt, ReceiptLine
from nexipos_desktop.storage.numbering import NumberKey, reserve_number
from nexipos_desktop.storage.settings import load_issuer, series_for


def save_draft(
    session: Session,
    lines: list[CartLine],
    *,
    invoice_type: str = "11.1",
    cashier: str = "",
    receipt_id: int | None = None,
    correlated_receipt_id: int | None = None,
    now: datetime | None = None,
) -> Receipt:
    """Reserve a number (or reuse ``receipt_id``'s) and store the sale's lines, totals and UID on it."""
    if not lines:
        raise ValueError("Το καλάθι είναι άδειο")
    issuer = load_issuer(session)
    if receipt_id is None:
        key = NumberKey(issuer.vat_number, issuer.branch, invoice_type, series_for(session, invoice_type))
        receipt = reserve_number(session, key)
    else:
        receipt = session.get(Receipt, receipt_id)
        if receipt is None or receipt.status != "reserved":
            raise ValueError(f"η πώληση {receipt_id} δεν είναι πια ανοιχτή")
    moment = now or athens_now()
    session.execute(delete(ReceiptLine).where(ReceiptLine.receipt_id == receipt.id))
    amounts = [line.amounts for line in lines]
    for index, (line, amount) in enumerate(zip(lines, amounts, strict=True), start=1):
        session.add(ReceiptLine(
            receipt_id=receipt.id, line_number=index, product_id=line.product_id, code=line.code, name=line.name,
            quantity=str(line.quantity), unit=line.unit, unit_price_cents=line.unit_price_cents,
            discount_cents=line.discount_cents, vat_category=line.vat_category, vat_exemption=line.vat_exemption,
            net_cents=amount.net_cents, vat_cents=amount.vat_cents))
    receipt.net_cents = sum(a.net_cents for a in amounts)
    receipt.vat_cents = sum(a.vat_cents for a in amounts)
    receipt.total_cents = receipt.net_cents + receipt.vat_cents
    receipt.issue_date = moment.date().isoformat()
    receipt.uid = mydata_uid(issuer.vat_number, moment.date(), issuer.branch, receipt.invoice_type, receipt.series,
                             receipt.number)
    receipt.issuer_json = json.dumps(asdict(issuer), ensure_ascii=False)
    receipt.cashier = cashier
    receipt.correlated_receipt_id = correlated_receipt_id
    session.add(receipt)
    session.flush()
    return receipt


def draft_lines(session: Session, receipt_id: int) -> list[CartLine]:
    """The stored lines of an open (or issued) receipt, as cart lines."""
    rows = session.exec(select(ReceiptLine).where(ReceiptLine.receipt_id == receipt_id).order_by(ReceiptLine.line_number))
    return [
        CartLine(product_id=r.product_id, code=r.code, name=r.name, unit_price_cents=r.unit_price_cents,
                 vat_category=r.vat_category, unit=r.unit, quantity=Decimal(r.quantity),
                 discount_cents=r.discount_cents, vat_exemption=r.vat_exemption)
        for r in rows
    ]


def open_drafts(session: Session) -> list[Receipt]:
    """Receipts reserved by sales that were neither issued nor abandoned (e.g. after a crash)."""
    return list(session.exec(select(Receipt).where(Receipt.status == "reserved").order_by(Receipt.id)))
