"""Database tables (SQLModel). Migrations in ``migrations/`` create exactly this schema."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# A masked card number keeps at most the first 6 and last 4 digits: never 13+ digits in a row.
_UNMASKED_PAN = "*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*"


class Product(SQLModel, table=True):
    """A catalogue item with its gross shelf price and myDATA codes."""

    __tablename__ = "product"
    __table_args__ = (
        CheckConstraint("price_cents > 0", name="ck_product_price_positive"),
        CheckConstraint("vat_category BETWEEN 1 AND 10", name="ck_product_vat_category"),
        CheckConstraint("unit BETWEEN 1 AND 7", name="ck_product_unit"),
    )

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(unique=True, max_length=50)
    name: str = Field(max_length=200)
    price_cents: int
    vat_category: int
    unit: int = 1
    vat_exemption: int | None = None  # myDATA vatExemptionCategory, required with VAT category 7
    quick_key: int | None = Field(default=None, index=True)
    active: bool = True


class ProductBarcode(SQLModel, table=True):
    """A barcode (EAN-13, EAN-8, …) that identifies a product; a product may have several."""

    __tablename__ = "product_barcode"

    barcode: str = Field(primary_key=True, max_length=50)
    product_id: int = Field(sa_column=Column(Integer, ForeignKey("product.id", ondelete="CASCADE"), nullable=False, index=True))


class Receipt(SQLModel, table=True):
    """A fiscal document (11.1, 11.2, 11.4) and the number it holds.

    ``status``: ``reserved`` (number taken, not yet issued), ``issued``, or ``released`` (a reserved number
    given back by an abandoned sale, to be taken by the next one). Triggers keep numbers gap-free and issued
    receipts immutable.
    """

    __tablename__ = "receipt"
    __table_args__ = (
        UniqueConstraint("issuer_vat", "branch", "invoice_type", "series", "number", name="uq_receipt_number"),
        CheckConstraint("number >= 1", name="ck_receipt_number_positive"),
        CheckConstraint("status IN ('reserved', 'issued', 'released')", name="ck_receipt_status"),
        CheckConstraint("invoice_type IN ('11.1', '11.2', '11.4')", name="ck_receipt_type"),
        Index("ix_receipt_issue_date", "issue_date"),
        # numbers given back by abandoned sales are looked up on every sale: keep that lookup off the history
        Index("ix_receipt_released", "issuer_vat", "branch", "invoice_type", "series", "number",
              sqlite_where=text("status = 'released'")),
    )

    id: int | None = Field(default=None, primary_key=True)
    issuer_vat: str = Field(max_length=9)
    branch: int = 0
    invoice_type: str = Field(max_length=5)
    series: str = Field(max_length=50)
    number: int
    status: str = "reserved"
    issue_date: str | None = Field(default=None, max_length=10)  # YYYY-MM-DD, Athens
    issued_at: str | None = None  # ISO 8601 with offset, Athens
    uid: str | None = Field(default=None, unique=True, max_length=40)
    mark: int | None = Field(default=None, unique=True)
    authentication_code: str | None = None
    qr_url: str | None = None
    net_cents: int = 0
    vat_cents: int = 0
    total_cents: int = 0
    issuer_json: str | None = None  # the issuer's details as printed, frozen at issue
    cashier: str | None = None
    correlated_receipt_id: int | None = Field(default=None, foreign_key="receipt.id")


class ReceiptLine(SQLModel, table=True):
    """One line of a receipt, with the product data frozen as sold."""

    __tablename__ = "receipt_line"
    __table_args__ = (
        UniqueConstraint("receipt_id", "line_number", name="uq_receipt_line_number"),
        CheckConstraint("net_cents + vat_cents >= 0", name="ck_receipt_line_amounts"),
        CheckConstraint("discount_cents >= 0", name="ck_receipt_line_discount"),
    )

    id: int | None = Field(default=None, primary_key=True)
    receipt_id: int = Field(sa_column=Column(Integer, ForeignKey("receipt.id", ondelete="CASCADE"), nullable=False, index=True))
    line_number: int
    product_id: int | None = Field(default=None, foreign_key="product.id")
    code: str
    name: str
    quantity: str  # Decimal as text: exact kg/litres
    unit: int = 1
    unit_price_cents: int
    discount_cents: int = 0
    vat_category: int
    vat_exemption: int | None = None
    net_cents: int
    vat_cents: int


class Payment(SQLModel, table=True):
    """Money received (or refunded, on a credit note) against a receipt.

    ``status``: ``settled``, ``pending`` (a deferred card payment that settles after issue) or ``cancelled``.
    Card fields hold only what the terminal printed; the card number only masked.
    """

    __tablename__ = "payment"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="ck_payment_amount_positive"),
        CheckConstraint("status IN ('settled', 'pending', 'cancelled')", name="ck_payment_status"),
        CheckConstraint(f"pan_masked IS NULL OR pan_masked NOT GLOB '{_UNMASKED_PAN}'", name="ck_payment_pan_masked"),
    )

    id: int | None = Field(default=None, primary_key=True)
    receipt_id: int = Field(sa_column=Column(Integer, ForeignKey("receipt.id"), nullable=False, index=True))
    method: int  # myDATA payment method type: 3 cash, 7 card
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
    created_at: str
    settled_at: str | None = None


class Setting(SQLModel, table=True):
    """A configuration value (JSON text); secrets never go here, they go to the keyring."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True)
    value: str


class Cashier(SQLModel, table=True):
    """A person who works the till."""

    __tablename__ = "cashier"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    role: str = "cashier"
    pin_hash: str | None = None
    active: bool = True


class AuditEntry(SQLModel, table=True):
    """Append-only log of who did what, when (triggers forbid updates and deletes)."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: str  # ISO 8601 with offset, Athens
    actor: str
    action: str
    details: str = "{}"


class CardAttempt(SQLModel, table=True):
    """One card operation sent (or about to be sent) to a terminal: the exactly-once journal.

    Written before a byte goes on the wire; every state change is committed. ``state``: created → sent →
    confirmed → approved / declined / cancelled / failed / busy / batch_full / in_doubt / pending; an in-doubt
    attempt ends ``resolved_approved`` or ``resolved_not_approved`` (by query or by the cashier).
    """

    __tablename__ = "card_attempt"
    __table_args__ = (
        CheckConstraint("amount_cents > 0", name="ck_card_attempt_amount_positive"),
        CheckConstraint(f"pan_masked IS NULL OR pan_masked NOT GLOB '{_UNMASKED_PAN}'", name="ck_card_attempt_pan_masked"),
        CheckConstraint(
            "state IN ('created', 'sent', 'confirmed', 'approved', 'declined', 'cancelled', 'failed', 'busy', "
            "'batch_full', 'in_doubt', 'pending', 'resolved_approved', 'resolved_not_approved')",
            name="ck_card_attempt_state",
        ),
        Index("ix_card_attempt_state", "state"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reference: str = Field(unique=True, max_length=64)
    receipt_id: int | None = Field(default=None, foreign_key="receipt.id", index=True)
    operation: str
    amount_cents: int
    tip_cents: int = 0
    instalments: int = 0
    session: int | None = None
    driver: str
    terminal: str = ""  # the terminal's name in the settings
    state: str = "created"
    signature_timestamp: str | None = None
    signature: str | None = None  # base64 DER of the provider signature, or the ECR token
    original_attempt_id: int | None = Field(default=None, foreign_key="card_attempt.id")
    response_code: str | None = None
    message: str | None = None
    tid: str | None = None
    pan_masked: str | None = None
    card_type: str | None = None
    rrn: str | None = None
    stan: str | None = None
    auth_code: str | None = None
    transaction_id: str | None = None
    batch: str | None = None
    final_amount_cents: int | None = None
    raw_reply: str | None = None
    resolution: str | None = None  # query | cashier
    resolved_by: str | None = None
    payment_id: int | None = Field(default=None, foreign_key="payment.id")
    created_at: str
    updated_at: str


class Counter(SQLModel, table=True):
    """Persistent counters (the socket protocol's session numbers must never repeat)."""

    __tablename__ = "counter"

    name: str = Field(primary_key=True)
    value: int = 0


# Tables of later features live in their own modules; importing them here registers them on SQLModel.metadata.
import nexipos_desktop.storage.mydata_models  # noqa: E402,F401
import nexipos_desktop.storage.webecr_models  # noqa: E402,F401
import nexipos_desktop.storage.admin_models  # noqa: E402,F401
