"""Tables of deferred (preloaded) card payments, issue 4 (created by migration 0004)."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Index
from sqlmodel import Field, SQLModel

#: The life of a preloaded payment on the terminal: waiting, then exactly one of paid / expired / cancelled.
PRELOAD_STATES = ("pending", "paid", "expired", "cancelled")
#: How the cashier settled what a preload left unpaid (lower final amount, expiry, cancellation).
BALANCE_METHODS = ("cash", "card", "credit_note")


class PreloadedPayment(SQLModel, table=True):
    """A receipt sent to the terminal to be paid later («Προφορτωμένες Αποδείξεις» / «Προπαραγγελίες»).

    The receipt is issued with a ``pending`` card payment (``payment_id``); the tracker learns the outcome from
    the terminal. ``balance_cents`` is what the cashier must still collect another way (the terminal lowered the
    amount, or nobody paid); ``balance_settled_at`` closes it. Triggers (migration 0004) forbid deleting a row,
    leaving a final state, or changing what was sent.
    """

    __tablename__ = "preloaded_payment"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="ck_preloaded_payment_amount_positive"),
        CheckConstraint("expiry_minutes > 0", name="ck_preloaded_payment_expiry_positive"),
        CheckConstraint("state IN ('pending', 'paid', 'expired', 'cancelled')", name="ck_preloaded_payment_state"),
        CheckConstraint("(state = 'paid') = (final_amount_cents IS NOT NULL)", name="ck_preloaded_payment_final"),
        CheckConstraint("final_amount_cents IS NULL OR final_amount_cents > 0",
                        name="ck_preloaded_payment_final_positive"),
        CheckConstraint("balance_cents BETWEEN 0 AND amount_cents", name="ck_preloaded_payment_balance"),
        CheckConstraint("balance_method IS NULL OR balance_method IN ('cash', 'card', 'credit_note')",
                        name="ck_preloaded_payment_balance_method"),
        CheckConstraint("(balance_settled_at IS NULL) = (balance_method IS NULL)",
                        name="ck_preloaded_payment_balance_settled"),
        Index("ix_preloaded_payment_open", "state", "balance_settled_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    attempt_id: int = Field(foreign_key="card_attempt.id", unique=True)  # the journaled PRELOAD attempt
    receipt_id: int = Field(foreign_key="receipt.id", index=True)
    payment_id: int | None = Field(default=None, foreign_key="payment.id", unique=True)  # the pending card payment
    amount_cents: int  # what was sent
    expiry_minutes: int
    expires_at: str  # ISO 8601 with offset, Athens
    state: str = "pending"
    final_amount_cents: int | None = None  # what the card was charged (the terminal may lower the amount)
    balance_cents: int = 0  # still to collect another way
    balance_method: str | None = None
    balance_settled_at: str | None = None
    balance_settled_by: str | None = None
    checks: int = 0  # how many times the terminal was asked
    last_checked_at: str | None = None
    last_message: str | None = None  # the terminal's last answer or the reason it could not be asked
    completed_at: str | None = None  # when it left ``pending``
    created_at: str
    updated_at: str
