"""An issued receipt as plain data: what is printed, listed as JSON and (later) sent to myDATA."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from nexipos_desktop.money import LineAmounts
from nexipos_desktop.receipts.codes import INVOICE_TYPES
from nexipos_desktop.receipts.totals import VatTotals, vat_breakdown


@dataclass(frozen=True)
class Issuer:
    """The shop issuing the receipt (myDATA ``issuer``)."""

    name: str
    vat_number: str
    tax_office: str
    address: str
    branch: int = 0
    phone: str = ""
    activity: str = ""


@dataclass(frozen=True)
class DocumentLine:
    """One line of an issued receipt."""

    line_number: int
    code: str
    name: str
    quantity: Decimal
    unit: int
    unit_price_cents: int
    discount_cents: int
    vat_category: int
    net_cents: int
    vat_cents: int
    vat_exemption: int | None = None

    @property
    def gross_cents(self) -> int:
        return self.net_cents + self.vat_cents


@dataclass(frozen=True)
class DocumentPayment:
    """A payment on a receipt: cash (myDATA type 3) or card (type 7) with the terminal's data."""

    method: int
    amount_cents: int
    status: str = "settled"  # settled | pending (deferred card payment) | cancelled
    tendered_cents: int | None = None
    change_cents: int | None = None
    tip_cents: int = 0
    tid: str | None = None
    pan_masked: str | None = None
    card_type: str | None = None
    rrn: str | None = None
    auth_code: str | None = None
    transaction_id: str | None = None


@dataclass(frozen=True)
class ReceiptDocument:
    """An issued receipt with its Greek tax identity."""

    issuer: Issuer
    invoice_type: str
    series: str
    number: int
    issued_at: datetime  # Europe/Athens, timezone-aware
    lines: tuple[DocumentLine, ...]
    payments: tuple[DocumentPayment, ...]
    uid: str
    mark: int | None = None
    authentication_code: str | None = None
    qr_url: str | None = None
    cashier: str = ""
    correlated_uid: str | None = None  # the original receipt of a credit note
    correlated_mark: int | None = None
    correlated_number: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def type_name(self) -> str:
        return INVOICE_TYPES.get(self.invoice_type, self.invoice_type)

    @property
    def net_cents(self) -> int:
        return sum(line.net_cents for line in self.lines)

    @property
    def vat_cents(self) -> int:
        return sum(line.vat_cents for line in self.lines)

    @property
    def total_cents(self) -> int:
        return self.net_cents + self.vat_cents

    def breakdown(self) -> list[VatTotals]:
        return vat_breakdown(
            (line.vat_category, LineAmounts(line.gross_cents, line.net_cents, line.vat_cents)) for line in self.lines
        )

    def to_json(self) -> dict[str, Any]:
        """The object printed by ``--json`` (stable keys, amounts in integer cents)."""
        return {
            "series": self.series,
            "number": self.number,
            "invoice_type": self.invoice_type,
            "issue_date": self.issued_at.date().isoformat(),
            "issued_at": self.issued_at.isoformat(timespec="seconds"),
            "issuer_vat": self.issuer.vat_number,
            "branch": self.issuer.branch,
            "uid": self.uid,
            "mark": self.mark,
            "authentication_code": self.authentication_code,
            "qr_url": self.qr_url,
            "net_cents": self.net_cents,
            "vat_cents": self.vat_cents,
            "total_cents": self.total_cents,
            "correlated_uid": self.correlated_uid,
            "lines": [
                {
                    "code": line.code,
                    "name": line.name,
                    "quantity": _json_number(line.quantity),
                    "unit": line.unit,
                    "unit_price_cents": line.unit_price_cents,
                    "discount_cents": line.discount_cents,
                    "net_cents": line.net_cents,
                    "vat_cents": line.vat_cents,
                    "vat_category": line.vat_category,
                }
                for line in self.lines
            ],
            "payments": [
                {
                    "method": p.method,
                    "amount_cents": p.amount_cents,
                    "status": p.status,
                    "tendered_cents": p.tendered_cents,
                    "change_cents": p.change_cents,
                    "tid": p.tid,
                    "pan_masked": p.pan_masked,
                    "rrn": p.rrn,
                    "auth_code": p.auth_code,
                    "transaction_id": p.transaction_id,
                }
                for p in self.payments
            ],
        }


def _json_number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)
