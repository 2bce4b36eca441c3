"""store administration

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

The shop's card terminals (one default per till, mirrored into the terminal.* settings) and PIN lockouts;
users and roles stay in ``cashier`` (issue 6). Models in storage/admin_models.py.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    text = sqlmodel.sql.sqltypes.AutoString
    op.create_table('terminal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', text(length=60), nullable=False),
    sa.Column('protocol', text(), nullable=False),
    sa.Column('driver', text(), nullable=False),
    sa.Column('kind', text(), nullable=False),
    sa.Column('host', text(), nullable=False),
    sa.Column('port', sa.Integer(), nullable=False),
    sa.Column('tid', text(), nullable=False),
    sa.Column('app_version', text(), nullable=False),
    sa.Column('environment', text(), nullable=False),
    sa.Column('base_url', text(), nullable=False),
    sa.Column('username', text(), nullable=False),
    sa.Column('remote_id', text(), nullable=False),
    sa.Column('simulator', sa.Boolean(), nullable=False),
    sa.Column('is_default', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_check_at', text(), nullable=True),
    sa.Column('last_check_ok', sa.Boolean(), nullable=True),
    sa.Column('last_check_message', text(), nullable=False),
    sa.Column('created_at', text(), nullable=False),
    sa.Column('updated_at', text(), nullable=False),
    sa.CheckConstraint("protocol IN ('tcp', 'webecr')", name='ck_terminal_protocol'),
    sa.CheckConstraint("kind IN ('A920Pro', 'A910', 'A50', 'SoftPOS')", name='ck_terminal_kind'),
    sa.CheckConstraint('port BETWEEN 0 AND 65535', name='ck_terminal_port'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_index('uq_terminal_default', 'terminal', ['is_default'], unique=True,
                    sqlite_where=sa.text('is_default = 1'))
    op.create_table('pin_lockout',
    sa.Column('cashier_id', sa.Integer(), nullable=False),
    sa.Column('failures', sa.Integer(), nullable=False),
    sa.Column('locked_until', text(), nullable=True),
    sa.ForeignKeyConstraint(['cashier_id'], ['cashier.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('cashier_id')
    )


def downgrade() -> None:
    op.drop_table('pin_lockout')
    op.drop_index('uq_terminal_default', table_name='terminal', sqlite_where=sa.text('is_default = 1'))
    op.drop_table('terminal')
