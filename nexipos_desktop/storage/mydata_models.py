"""The myDATA transmission outbox (migration 0003): one row per document the till owes AADE.

A row is written in the transaction that issues its receipt, so a crash cannot lose it and issuing never waits
for the network. ``kind``: ``invoice`` (``SendInvoices``), ``payment_methods`` (``SendPaymentsMethod``, a
deferred card payment attached to a transmitted receipt) or ``cancel`` (``CancelInvoice``).

``state``: ``pending`` (waiting for its next try) → ``sending`` (on the wire; committed before the request) →
``sent`` (final: its MARK is stored), or ``failed`` (myDATA refused it: the admin reads the error and retries).
A row found ``sending`` at start-up may have reached myDATA: it goes back to ``pending`` and is sent again only
because no MARK was recorded; myDATA then answers "duplicate" with the existing MARK, which is stored.
Triggers keep a stored MARK (of the row and of its receipt) from ever changing and a ``sent`` row final.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, text
from sqlmodel import Field, SQLModel

KINDS = ("invoice", "payment_methods", "cancel")
STATES = ("pending", "sending", "sent", "failed")


class MyDataOutbox(SQLModel, table=True):
    """A document to transmit to myDATA, its attempts and what myDATA answered."""

    __tablename__ = "mydata_outbox"
    __table_args__ = (
        CheckConstraint("kind IN ('invoice', 'payment_methods', 'cancel')", name="ck_mydata_outbox_kind"),
        CheckConstraint("state IN ('pending', 'sending', 'sent', 'failed')", name="ck_mydata_outbox_state"),
        CheckConstraint("transmission_failure IS NULL OR transmission_failure IN (1, 2, 3)",
                        name="ck_mydata_outbox_transmission_failure"),
        CheckConstraint("state <> 'sent' OR mark IS NOT NULL OR cancellation_mark IS NOT NULL",
                        name="ck_mydata_outbox_sent_has_mark"),
        CheckConstraint("kind <> 'payment_methods' OR payment_id IS NOT NULL", name="ck_mydata_outbox_payment"),
        # one transmission of each receipt, one cancellation, one attachment per deferred payment
        Index("ux_mydata_outbox_invoice", "receipt_id", unique=True, sqlite_where=text("kind = 'invoice'")),
        Index("ux_mydata_outbox_cancel", "receipt_id", unique=True, sqlite_where=text("kind = 'cancel'")),
        Index("ux_mydata_outbox_payment", "payment_id", unique=True, sqlite_where=text("kind = 'payment_methods'")),
        Index("ix_mydata_outbox_due", "state", "next_try_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    receipt_id: int = Field(sa_column=Column(Integer, ForeignKey("receipt.id"), nullable=False))
    payment_id: int | None = Field(default=None, foreign_key="payment.id")
    state: str = "pending"
    attempts: int = 0
    next_try_at: float = 0.0  # epoch seconds (UTC); due when <= now
    channel: str | None = None  # erp | provider: the channel of the last attempt
    last_error_code: str | None = None
    last_error_message: str | None = None
    transmission_failure: int | None = None  # 3: connection lost on the ERP channel, sent later with the flag
    mark: int | None = None  # invoiceMark (invoice) or paymentMethodMark (payment_methods)
    uid: str | None = Field(default=None, max_length=40)
    authentication_code: str | None = None
    qr_url: str | None = None
    cancellation_mark: int | None = None
    created_at: str  # ISO 8601, Athens
    updated_at: str
    sent_at: str | None = None
