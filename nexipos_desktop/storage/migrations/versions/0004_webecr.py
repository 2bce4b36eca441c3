"""WebECR deferred payments

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28

Preloaded (deferred) card payments, issue 4; model in storage/webecr_models.py.

A preloaded receipt is issued with its card payment ``pending`` (the 0001 issue check already counts a pending
payment as covering). These triggers keep that exception narrow:
- only a card payment can be pending, and it never carries a settlement time;
- once its receipt is issued, a payment's money (receipt, method, amount, tip, status) is frozen, except that a
  pending card payment settles (for at most its amount) when its preload was paid, or is cancelled when its
  preload expired or was cancelled;
- a payment is added to an issued receipt only to settle what its preload left unpaid, never beyond the total;
- a preloaded payment is never deleted, never leaves a final state, and keeps what was sent;
- a receipt is not credited while its preload waits (voids and refunds of an unapproved original are refused by
  the payment service before anything is journaled: no trigger on the journal's hot path).
The card attempt journal's state machine (0002) gains two moves for preloads: an in-doubt preload that the
terminal reports waiting becomes ``pending``, and a pending one may end ``declined``.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('preloaded_payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('expiry_minutes', sa.Integer(), nullable=False),
    sa.Column('expires_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('final_amount_cents', sa.Integer(), nullable=True),
    sa.Column('balance_cents', sa.Integer(), nullable=False),
    sa.Column('balance_method', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('balance_settled_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('balance_settled_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('checks', sa.Integer(), nullable=False),
    sa.Column('last_checked_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('last_message', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('completed_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("(balance_settled_at IS NULL) = (balance_method IS NULL)", name='ck_preloaded_payment_balance_settled'),
    sa.CheckConstraint("(state = 'paid') = (final_amount_cents IS NOT NULL)", name='ck_preloaded_payment_final'),
    sa.CheckConstraint("amount_cents > 0", name='ck_preloaded_payment_amount_positive'),
    sa.CheckConstraint("balance_cents BETWEEN 0 AND amount_cents", name='ck_preloaded_payment_balance'),
    sa.CheckConstraint("balance_method IS NULL OR balance_method IN ('cash', 'card', 'credit_note')", name='ck_preloaded_payment_balance_method'),
    sa.CheckConstraint("expiry_minutes > 0", name='ck_preloaded_payment_expiry_positive'),
    sa.CheckConstraint("final_amount_cents IS NULL OR final_amount_cents > 0", name='ck_preloaded_payment_final_positive'),
    sa.CheckConstraint("state IN ('pending', 'paid', 'expired', 'cancelled')", name='ck_preloaded_payment_state'),
    sa.ForeignKeyConstraint(['attempt_id'], ['card_attempt.id'], ),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], ),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipt.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('attempt_id'),
    sa.UniqueConstraint('payment_id')
    )
    with op.batch_alter_table('preloaded_payment', schema=None) as batch_op:
        batch_op.create_index('ix_preloaded_payment_open', ['state', 'balance_settled_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_preloaded_payment_receipt_id'), ['receipt_id'], unique=False)

    op.execute("DROP TRIGGER card_attempt_final_states")
    for statement in _TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in reversed(_TRIGGER_NAMES):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute(_ATTEMPT_STATES_0002)
    with op.batch_alter_table('preloaded_payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_preloaded_payment_receipt_id'))
        batch_op.drop_index('ix_preloaded_payment_open')

    op.drop_table('preloaded_payment')


_FINAL = "'approved', 'declined', 'cancelled', 'failed', 'busy', 'batch_full', 'resolved_approved', 'resolved_not_approved'"

#: 0002's journal state machine, restored by the downgrade.
_ATTEMPT_STATES_0002 = (
    "CREATE TRIGGER card_attempt_final_states BEFORE UPDATE OF state ON card_attempt "
    "WHEN NEW.state IS NOT OLD.state AND ("
    f"OLD.state IN ({_FINAL}) "
    "OR (OLD.state = 'in_doubt' AND NEW.state NOT IN ('resolved_approved', 'resolved_not_approved')) "
    "OR (OLD.state = 'pending' AND NEW.state NOT IN ('approved', 'cancelled', 'failed', 'in_doubt')) "
    "OR (OLD.state = 'confirmed' AND NEW.state IN ('created', 'sent')) "
    "OR (OLD.state = 'sent' AND NEW.state = 'created')) BEGIN "
    "SELECT RAISE(ABORT, 'a card attempt cannot go back or leave a final state'); END"
)

_RECEIPT_ISSUED = "(SELECT status FROM receipt WHERE id = {id}) = 'issued'"
_COVERED = ("(SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE receipt_id = NEW.receipt_id "
            "AND status IN ('settled', 'pending'))")

_TRIGGER_NAMES = [
    "card_attempt_final_states", "payment_pending_is_card", "payment_added_after_issue", "payment_issued_frozen",
    "preloaded_payment_no_delete", "preloaded_payment_final_states", "preloaded_payment_sent_frozen",
    "receipt_credit_waits_for_preload",
]

_TRIGGERS = [
    # 0002's machine, plus: an in-doubt preload the terminal reports waiting → pending; pending → declined.
    "CREATE TRIGGER card_attempt_final_states BEFORE UPDATE OF state ON card_attempt "
    "WHEN NEW.state IS NOT OLD.state AND ("
    f"OLD.state IN ({_FINAL}) "
    "OR (OLD.state = 'in_doubt' AND NEW.state NOT IN ('resolved_approved', 'resolved_not_approved') "
    "AND NOT (NEW.state = 'pending' AND OLD.operation = 'preload')) "
    "OR (OLD.state = 'pending' AND NEW.state NOT IN ('approved', 'declined', 'cancelled', 'failed', 'in_doubt')) "
    "OR (OLD.state = 'confirmed' AND NEW.state IN ('created', 'sent')) "
    "OR (OLD.state = 'sent' AND NEW.state = 'created')) BEGIN "
    "SELECT RAISE(ABORT, 'a card attempt cannot go back or leave a final state'); END",
    "CREATE TRIGGER payment_pending_is_card BEFORE INSERT ON payment "
    "WHEN NEW.status = 'pending' AND (NEW.method <> 7 OR NEW.settled_at IS NOT NULL) BEGIN "
    "SELECT RAISE(ABORT, 'only a deferred card payment can be pending'); END",
    "CREATE TRIGGER payment_added_after_issue BEFORE INSERT ON payment "
    f"WHEN {_RECEIPT_ISSUED.format(id='NEW.receipt_id')} AND NOT ("
    "NEW.status = 'settled' AND EXISTS (SELECT 1 FROM preloaded_payment WHERE receipt_id = NEW.receipt_id "
    "AND state <> 'pending' AND balance_cents > 0 AND balance_settled_at IS NULL) "
    f"AND {_COVERED} + NEW.amount_cents <= (SELECT total_cents FROM receipt WHERE id = NEW.receipt_id)) BEGIN "
    "SELECT RAISE(ABORT, 'a payment is added to an issued receipt only to settle what its preloaded card payment "
    "left unpaid'); END",
    "CREATE TRIGGER payment_issued_frozen BEFORE UPDATE OF receipt_id, method, amount_cents, tip_cents, status "
    f"ON payment WHEN {_RECEIPT_ISSUED.format(id='OLD.receipt_id')} AND NOT ("
    "NEW.receipt_id = OLD.receipt_id AND NEW.method = OLD.method AND OLD.status = 'pending' AND ("
    "(NEW.status = 'settled' AND NEW.amount_cents <= OLD.amount_cents AND NEW.settled_at IS NOT NULL "
    "AND EXISTS (SELECT 1 FROM preloaded_payment WHERE payment_id = OLD.id AND state = 'paid')) "
    "OR (NEW.status = 'cancelled' AND NEW.amount_cents = OLD.amount_cents AND NEW.tip_cents = OLD.tip_cents "
    "AND EXISTS (SELECT 1 FROM preloaded_payment WHERE payment_id = OLD.id AND state IN ('expired', 'cancelled')))"
    ")) BEGIN "
    "SELECT RAISE(ABORT, 'the payments of an issued receipt cannot change (only a preloaded card payment "
    "settles or lapses)'); END",
    "CREATE TRIGGER preloaded_payment_no_delete BEFORE DELETE ON preloaded_payment BEGIN "
    "SELECT RAISE(ABORT, 'preloaded payments are never deleted'); END",
    "CREATE TRIGGER preloaded_payment_final_states BEFORE UPDATE OF state ON preloaded_payment "
    "WHEN NEW.state IS NOT OLD.state AND OLD.state <> 'pending' BEGIN "
    "SELECT RAISE(ABORT, 'a preloaded payment cannot leave a final state'); END",
    "CREATE TRIGGER preloaded_payment_sent_frozen BEFORE UPDATE ON preloaded_payment "
    "WHEN NEW.attempt_id IS NOT OLD.attempt_id OR NEW.receipt_id IS NOT OLD.receipt_id "
    "OR NEW.amount_cents <> OLD.amount_cents OR NEW.expiry_minutes <> OLD.expiry_minutes "
    "OR NEW.expires_at IS NOT OLD.expires_at OR NEW.created_at IS NOT OLD.created_at "
    "OR (OLD.payment_id IS NOT NULL AND NEW.payment_id IS NOT OLD.payment_id) "
    "OR (OLD.state <> 'pending' AND (NEW.final_amount_cents IS NOT OLD.final_amount_cents "
    "OR NEW.completed_at IS NOT OLD.completed_at)) "
    "OR (OLD.balance_settled_at IS NOT NULL AND (NEW.balance_settled_at IS NOT OLD.balance_settled_at "
    "OR NEW.balance_method IS NOT OLD.balance_method OR NEW.balance_cents <> OLD.balance_cents)) BEGIN "
    "SELECT RAISE(ABORT, 'what was sent to the terminal and what was settled cannot change'); END",
    # A receipt whose preloaded card payment still waits on the terminal is credited only after it ends.
    "CREATE TRIGGER receipt_credit_waits_for_preload BEFORE UPDATE OF status ON receipt "
    "WHEN NEW.status = 'issued' AND OLD.status <> 'issued' AND NEW.correlated_receipt_id IS NOT NULL "
    "AND EXISTS (SELECT 1 FROM preloaded_payment WHERE receipt_id = NEW.correlated_receipt_id AND state = 'pending') "
    "BEGIN SELECT RAISE(ABORT, 'a credit note waits until the preloaded card payment of its receipt ends'); END",
]
