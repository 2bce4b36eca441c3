"""Gap-free receipt numbers: reserve the next number (or one an abandoned sale gave back), release it.

The database enforces the rules (unique key, next-number trigger, no deletes); this module only chooses.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, select

from nexipos_desktop.storage.models import Receipt, ReceiptLine


@dataclass(frozen=True)
class NumberKey:
    """What a numbering sequence is per: issuer ΑΦΜ, branch, document type and series."""

    issuer_vat: str
    branch: int
    invoice_type: str
    series: str

    def where(self):
        return (
            (Receipt.issuer_vat == self.issuer_vat)
            & (Receipt.branch == self.branch)
            & (Receipt.invoice_type == self.invoice_type)
            & (Receipt.series == self.series)
        )


def reserve_number(session: Session, key: NumberKey) -> Receipt:
    """Take the lowest released number of the sequence, or else the next new one. Call inside a write."""
    released = session.exec(
        select(Receipt).where(key.where(), Receipt.status == "released").order_by(Receipt.number).limit(1)
    ).first()
    if released is not None:
        released.status = "reserved"
        session.add(released)
        session.flush()
        return released
    last = session.exec(select(func.max(Receipt.number)).where(key.where())).one()
    receipt = Receipt(
        issuer_vat=key.issuer_vat,
        branch=key.branch,
        invoice_type=key.invoice_type,
        series=key.series,
        number=(last or 0) + 1,
        status="reserved",
    )
    session.add(receipt)
    session.flush()
    return receipt


def release_number(session: Session, receipt: Receipt) -> None:
    """Give a reserved number back (its sale was abandoned): the next sale of the sequence takes it."""
    if receipt.status != "reserved":
        raise ValueError(f"only a reserved number can be released (receipt {receipt.id} is {receipt.status})")
    session.execute(delete(ReceiptLine).where(ReceiptLine.receipt_id == receipt.id))
    receipt.status = "released"
    receipt.uid = None
    receipt.issue_date = receipt.issued_at = None
    receipt.net_cents = receipt.vat_cents = receipt.total_cents = 0
    session.add(receipt)
    session.flush()
