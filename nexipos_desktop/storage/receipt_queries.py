"""Finding issued receipts: by date, by number, by the ``[TYPE/][SERIES-]NUMBER`` text users type."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from nexipos_desktop.storage.models import Receipt
from nexipos_desktop.storage.settings import series_for

_SPEC = re.compile(r"^\s*(?:(?P<type>11\.[124])\s*/\s*)?(?:(?P<series>[^\s/-]+)\s*-\s*)?(?P<number>\d+)\s*$")


@dataclass(frozen=True)
class ReceiptSummary:
    """A row of the receipts history."""

    id: int
    invoice_type: str
    series: str
    number: int
    issued_at: str
    total_cents: int
    uid: str
    mark: int | None
    cashier: str


def list_receipts(
    session: Session, day: date | None = None, number: int | None = None, limit: int = 1000
) -> list[ReceiptSummary]:
    """Issued receipts, newest first, optionally of one day and/or one number."""
    query = select(Receipt).where(Receipt.status == "issued")
    if day is not None:
        query = query.where(Receipt.issue_date == day.isoformat())
    if number is not None:
        query = query.where(Receipt.number == number)
    query = query.order_by(Receipt.issued_at.desc(), Receipt.id.desc()).limit(limit)
    return [
        ReceiptSummary(r.id, r.invoice_type, r.series, r.number, r.issued_at or "", r.total_cents, r.uid or "",
                       r.mark, r.cashier or "")
        for r in session.exec(query)
    ]


def find_receipt(session: Session, spec: str) -> Receipt:
    """The issued receipt named by ``123``, ``Α-123`` or ``11.4/Π-5`` (type 11.1 and its series by default)."""
    match = _SPEC.match(spec)
    if not match:
        raise LookupError(f"Μη έγκυρος αριθμός απόδειξης «{spec}» (π.χ. 123, Α-123 ή 11.4/Π-5)")
    invoice_type = match["type"] or "11.1"
    series = match["series"] or series_for(session, invoice_type)
    receipt = session.exec(
        select(Receipt).where(
            Receipt.invoice_type == invoice_type,
            Receipt.series == series,
            Receipt.number == int(match["number"]),
            Receipt.status == "issued",
        )
    ).first()
    if receipt is None:
        raise LookupError(f"Δεν βρέθηκε απόδειξη {invoice_type} {series}-{match['number']}")
    return receipt


def day_totals(session: Session, day: date) -> dict[str, tuple[int, int]]:
    """Count and total (cents) of the issued receipts of one day, per document type."""
    rows = session.exec(
        select(Receipt.invoice_type, func.count(), func.sum(Receipt.total_cents))
        .where(Receipt.status == "issued", Receipt.issue_date == day.isoformat())
        .group_by(Receipt.invoice_type)
    )
    return {invoice_type: (count, total or 0) for invoice_type, count, total in rows}
