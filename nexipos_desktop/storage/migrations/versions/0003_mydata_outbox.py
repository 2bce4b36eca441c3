"""myDATA transmission outbox

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

The outbox of documents owed to myDATA (models in storage/mydata_models.py) and the triggers that make a MARK
final: a stored MARK (of an outbox row or of a receipt) never changes, a transmitted row is never sent again,
and a receipt that has a MARK is never put on the wire a second time.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mydata_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("receipt_id", sa.Integer(), nullable=False),
        sa.Column("payment_id", sa.Integer(), nullable=True),
        sa.Column("state", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_try_at", sa.Float(), nullable=False),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_error_code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("last_error_message", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("transmission_failure", sa.Integer(), nullable=True),
        sa.Column("mark", sa.Integer(), nullable=True),
        sa.Column("uid", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("authentication_code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("qr_url", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("cancellation_mark", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sent_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.CheckConstraint("kind IN ('invoice', 'payment_methods', 'cancel')", name="ck_mydata_outbox_kind"),
        sa.CheckConstraint("state IN ('pending', 'sending', 'sent', 'failed')", name="ck_mydata_outbox_state"),
        sa.CheckConstraint("transmission_failure IS NULL OR transmission_failure IN (1, 2, 3)",
                           name="ck_mydata_outbox_transmission_failure"),
        sa.CheckConstraint("state <> 'sent' OR mark IS NOT NULL OR cancellation_mark IS NOT NULL",
                           name="ck_mydata_outbox_sent_has_mark"),
        sa.CheckConstraint("kind <> 'payment_methods' OR payment_id IS NOT NULL", name="ck_mydata_outbox_payment"),
        sa.ForeignKeyConstraint(["payment_id"], ["payment.id"]),
        sa.ForeignKeyConstraint(["receipt_id"], ["receipt.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("mydata_outbox", schema=None) as batch_op:
        batch_op.create_index("ix_mydata_outbox_due", ["state", "next_try_at"], unique=False)
        batch_op.create_index("ux_mydata_outbox_cancel", ["receipt_id"], unique=True,
                              sqlite_where=sa.text("kind = 'cancel'"))
        batch_op.create_index("ux_mydata_outbox_invoice", ["receipt_id"], unique=True,
                              sqlite_where=sa.text("kind = 'invoice'"))
        batch_op.create_index("ux_mydata_outbox_payment", ["payment_id"], unique=True,
                              sqlite_where=sa.text("kind = 'payment_methods'"))
    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in _TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table("mydata_outbox", schema=None) as batch_op:
        batch_op.drop_index("ux_mydata_outbox_payment", sqlite_where=sa.text("kind = 'payment_methods'"))
        batch_op.drop_index("ux_mydata_outbox_invoice", sqlite_where=sa.text("kind = 'invoice'"))
        batch_op.drop_index("ux_mydata_outbox_cancel", sqlite_where=sa.text("kind = 'cancel'"))
        batch_op.drop_index("ix_mydata_outbox_due")
    op.drop_table("mydata_outbox")


_RECEIPT_HAS_MARK = "(SELECT mark FROM receipt WHERE id = NEW.receipt_id) IS NOT NULL"

_TRIGGERS = [
    "CREATE TRIGGER mydata_outbox_no_delete BEFORE DELETE ON mydata_outbox BEGIN "
    "SELECT RAISE(ABORT, 'myDATA outbox rows are never deleted'); END",
    "CREATE TRIGGER mydata_outbox_mark_final BEFORE UPDATE ON mydata_outbox WHEN "
    "(OLD.mark IS NOT NULL AND NEW.mark IS NOT OLD.mark) "
    "OR (OLD.cancellation_mark IS NOT NULL AND NEW.cancellation_mark IS NOT OLD.cancellation_mark) BEGIN "
    "SELECT RAISE(ABORT, 'a stored myDATA MARK never changes'); END",
    "CREATE TRIGGER mydata_outbox_sent_final BEFORE UPDATE ON mydata_outbox "
    "WHEN OLD.state = 'sent' AND NEW.state IS NOT 'sent' BEGIN "
    "SELECT RAISE(ABORT, 'a transmitted myDATA document is never sent again'); END",
    "CREATE TRIGGER mydata_outbox_never_twice BEFORE UPDATE OF state ON mydata_outbox "
    f"WHEN NEW.state = 'sending' AND NEW.kind = 'invoice' AND {_RECEIPT_HAS_MARK} BEGIN "
    "SELECT RAISE(ABORT, 'the receipt already has a MARK: it is never sent twice'); END",
    "CREATE TRIGGER mydata_outbox_insert_once BEFORE INSERT ON mydata_outbox "
    f"WHEN NEW.kind = 'invoice' AND {_RECEIPT_HAS_MARK} BEGIN "
    "SELECT RAISE(ABORT, 'the receipt already has a MARK: it is never sent twice'); END",
    "CREATE TRIGGER receipt_mark_final BEFORE UPDATE OF mark, authentication_code, qr_url ON receipt "
    "WHEN OLD.mark IS NOT NULL AND (NEW.mark IS NOT OLD.mark "
    "OR NEW.authentication_code IS NOT OLD.authentication_code OR NEW.qr_url IS NOT OLD.qr_url) BEGIN "
    "SELECT RAISE(ABORT, 'a stored myDATA MARK never changes'); END",
]

_TRIGGER_NAMES = ["receipt_mark_final", "mydata_outbox_insert_once", "mydata_outbox_never_twice",
                  "mydata_outbox_sent_final", "mydata_outbox_mark_final", "mydata_outbox_no_delete"]
