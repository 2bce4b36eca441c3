"""Payments a sale is settled with, before they are written (cash now; card in the terminal layer)."""

from __future__ import annotations

from dataclasses import dataclass

from nexipos_desktop.money import AmountError
from nexipos_desktop.receipts.codes import PAYMENT_CASH


@dataclass(frozen=True)
class PaymentInput:
    """A payment to record with a receipt. ``status`` is ``pending`` for a deferred card payment."""

    method: int
    amount_cents: int
    status: str = "settled"
    tendered_cents: int | None = None
    change_cents: int | None = None
    tip_cents: int = 0
    tid: str | None = None
    pan_masked: str | None = None
    card_type: str | None = None
    rrn: str | None = None
    stan: str | None = None
    auth_code: str | None = None
    transaction_id: str | None = None
    batch: str | None = None
    raw_reply: str | None = None
    attempt_id: int | None = None  # the card attempt (journal) this payment comes from


def cash_payment(due_cents: int, tendered_cents: int) -> PaymentInput:
    """Cash covering ``due_cents`` from what the customer handed over; the rest is change."""
    if due_cents <= 0:
        raise AmountError("Δεν υπάρχει ποσό προς πληρωμή")
    if tendered_cents < due_cents:
        missing = due_cents - tendered_cents
        raise AmountError(f"Τα μετρητά δεν καλύπτουν το ποσό· λείπουν {missing // 100},{missing % 100:02d} €")
    return PaymentInput(
        method=PAYMENT_CASH,
        amount_cents=due_cents,
        tendered_cents=tendered_cents,
        change_cents=tendered_cents - due_cents,
    )


def covered_cents(payments: list[PaymentInput]) -> int:
    """What the payments count towards the receipt total (settled and pending, not cancelled)."""
    return sum(p.amount_cents for p in payments if p.status in ("settled", "pending"))
