"""card attempts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

The card payment journal (exactly-once) and persistent counters, and a partial index so that finding a
released receipt number does not read the whole receipt history. Triggers keep the journal honest: an attempt
is never deleted, and a final state never changes (only an in-doubt attempt is resolved, once).
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('counter',
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('name')
    )
    op.create_table('card_attempt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reference', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=True),
    sa.Column('operation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('tip_cents', sa.Integer(), nullable=False),
    sa.Column('instalments', sa.Integer(), nullable=False),
    sa.Column('session', sa.Integer(), nullable=True),
    sa.Column('driver', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('terminal', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('signature_timestamp', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('signature', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('original_attempt_id', sa.Integer(), nullable=True),
    sa.Column('response_code', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('message', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('tid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('pan_masked', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('card_type', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('rrn', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('stan', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('auth_code', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('transaction_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('final_amount_cents', sa.Integer(), nullable=True),
    sa.Column('raw_reply', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('resolution', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('resolved_by', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('payment_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.CheckConstraint("pan_masked IS NULL OR pan_masked NOT GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'", name='ck_card_attempt_pan_masked'),
    sa.CheckConstraint("state IN ('created', 'sent', 'confirmed', 'approved', 'declined', 'cancelled', 'failed', 'busy', 'batch_full', 'in_doubt', 'pending', 'resolved_approved', 'resolved_not_approved')", name='ck_card_attempt_state'),
    sa.CheckConstraint('amount_cents > 0', name='ck_card_attempt_amount_positive'),
    sa.ForeignKeyConstraint(['original_attempt_id'], ['card_attempt.id'], ),
    sa.ForeignKeyConstraint(['payment_id'], ['payment.id'], ),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipt.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('reference')
    )
    with op.batch_alter_table('card_attempt', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_attempt_receipt_id'), ['receipt_id'], unique=False)
        batch_op.create_index('ix_card_attempt_state', ['state'], unique=False)

    for statement in _TRIGGERS:
        op.execute(statement)
    with op.batch_alter_table("receipt", schema=None) as batch_op:
        batch_op.create_index("ix_receipt_released", ["issuer_vat", "branch", "invoice_type", "series", "number"],
                              unique=False, sqlite_where=sa.text("status = 'released'"))


def downgrade() -> None:
    with op.batch_alter_table("receipt", schema=None) as batch_op:
        batch_op.drop_index("ix_receipt_released", sqlite_where=sa.text("status = 'released'"))
    for name in ('card_attempt_final_states', 'card_attempt_no_delete'):
        op.execute(f'DROP TRIGGER IF EXISTS {name}')
    with op.batch_alter_table('card_attempt', schema=None) as batch_op:
        batch_op.drop_index('ix_card_attempt_state')
        batch_op.drop_index(batch_op.f('ix_card_attempt_receipt_id'))

    op.drop_table('card_attempt')
    op.drop_table('counter')


_TRIGGERS = [
    "CREATE TRIGGER card_attempt_no_delete BEFORE DELETE ON card_attempt BEGIN "
    "SELECT RAISE(ABORT, 'card attempts are never deleted'); END",
    # created → sent → confirmed → outcome; in_doubt → resolved_*; nothing leaves a final state.
    "CREATE TRIGGER card_attempt_final_states BEFORE UPDATE OF state ON card_attempt "
    "WHEN NEW.state IS NOT OLD.state AND ("
    "OLD.state IN ('approved', 'declined', 'cancelled', 'failed', 'busy', 'batch_full', "
    "'resolved_approved', 'resolved_not_approved') "
    "OR (OLD.state = 'in_doubt' AND NEW.state NOT IN ('resolved_approved', 'resolved_not_approved')) "
    "OR (OLD.state = 'pending' AND NEW.state NOT IN ('approved', 'cancelled', 'failed', 'in_doubt')) "
    "OR (OLD.state = 'confirmed' AND NEW.state IN ('created', 'sent')) "
    "OR (OLD.state = 'sent' AND NEW.state = 'created')) BEGIN "
    "SELECT RAISE(ABORT, 'a card attempt cannot go back or leave a final state'); END",
]
