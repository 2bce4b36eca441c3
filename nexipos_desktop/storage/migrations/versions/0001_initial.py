"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27

Tables from ``storage/models.py`` plus what SQLAlchemy metadata cannot express: the FTS5 catalogue index and
its sync triggers, and the triggers that make receipt numbering gap-free, issued receipts immutable and the
audit log append-only.
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('actor', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('details', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('cashier',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pin_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('price_cents', sa.Integer(), nullable=False),
    sa.Column('vat_category', sa.Integer(), nullable=False),
    sa.Column('unit', sa.Integer(), nullable=False),
    sa.Column('vat_exemption', sa.Integer(), nullable=True),
    sa.Column('quick_key', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.CheckConstraint('price_cents > 0', name='ck_product_price_positive'),
    sa.CheckConstraint('unit BETWEEN 1 AND 7', name='ck_product_unit'),
    sa.CheckConstraint('vat_category BETWEEN 1 AND 10', name='ck_product_vat_category'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_quick_key'), ['quick_key'], unique=False)

    op.create_table('receipt',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('issuer_vat', sqlmodel.sql.sqltypes.AutoString(length=9), nullable=False),
    sa.Column('branch', sa.Integer(), nullable=False),
    sa.Column('invoice_type', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('series', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('issue_date', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True),
    sa.Column('issued_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
    sa.Column('mark', sa.Integer(), nullable=True),
    sa.Column('authentication_code', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('qr_url', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('net_cents', sa.Integer(), nullable=False),
    sa.Column('vat_cents', sa.Integer(), nullable=False),
    sa.Column('total_cents', sa.Integer(), nullable=False),
    sa.Column('issuer_json', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('cashier', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('correlated_receipt_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("invoice_type IN ('11.1', '11.2', '11.4')", name='ck_receipt_type'),
    sa.CheckConstraint("status IN ('reserved', 'issued', 'released')", name='ck_receipt_status'),
    sa.CheckConstraint('number >= 1', name='ck_receipt_number_positive'),
    sa.ForeignKeyConstraint(['correlated_receipt_id'], ['receipt.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('issuer_vat', 'branch', 'invoice_type', 'series', 'number', name='uq_receipt_number'),
    sa.UniqueConstraint('mark'),
    sa.UniqueConstraint('uid')
    )
    with op.batch_alter_table('receipt', schema=None) as batch_op:
        batch_op.create_index('ix_receipt_issue_date', ['issue_date'], unique=False)

    op.create_table('setting',
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('payment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.Integer(), nullable=False),
    sa.Column('amount_cents', sa.Integer(), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('tendered_cents', sa.Integer(), nullable=True),
    sa.Column('change_cents', sa.Integer(), nullable=True),
    sa.Column('tip_cents', sa.Integer(), nullable=False),
    sa.Column('tid', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('pan_masked', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('card_type', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('rrn', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('stan', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('auth_code', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('transaction_id', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('batch', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('raw_reply', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('created_at', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('settled_at', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.CheckConstraint("pan_masked IS NULL OR pan_masked NOT GLOB '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]*'", name='ck_payment_pan_masked'),
    sa.CheckConstraint("status IN ('settled', 'pending', 'cancelled')", name='ck_payment_status'),
    sa.CheckConstraint('amount_cents > 0', name='ck_payment_amount_positive'),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipt.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_payment_receipt_id'), ['receipt_id'], unique=False)

    op.create_table('product_barcode',
    sa.Column('barcode', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('barcode')
    )
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_product_barcode_product_id'), ['product_id'], unique=False)

    op.create_table('receipt_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_id', sa.Integer(), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('quantity', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('unit', sa.Integer(), nullable=False),
    sa.Column('unit_price_cents', sa.Integer(), nullable=False),
    sa.Column('discount_cents', sa.Integer(), nullable=False),
    sa.Column('vat_category', sa.Integer(), nullable=False),
    sa.Column('vat_exemption', sa.Integer(), nullable=True),
    sa.Column('net_cents', sa.Integer(), nullable=False),
    sa.Column('vat_cents', sa.Integer(), nullable=False),
    sa.CheckConstraint('discount_cents >= 0', name='ck_receipt_line_discount'),
    sa.CheckConstraint('net_cents + vat_cents >= 0', name='ck_receipt_line_amounts'),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], ),
    sa.ForeignKeyConstraint(['receipt_id'], ['receipt.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('receipt_id', 'line_number', name='uq_receipt_line_number')
    )
    with op.batch_alter_table('receipt_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_receipt_line_receipt_id'), ['receipt_id'], unique=False)



    for statement in _EXTRA_SCHEMA:
        op.execute(statement)


def downgrade() -> None:
    for name in _EXTRA_OBJECTS:
        op.execute(name)
    with op.batch_alter_table('receipt_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_receipt_line_receipt_id'))

    op.drop_table('receipt_line')
    with op.batch_alter_table('product_barcode', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_barcode_product_id'))

    op.drop_table('product_barcode')
    with op.batch_alter_table('payment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payment_receipt_id'))

    op.drop_table('payment')
    op.drop_table('setting')
    with op.batch_alter_table('receipt', schema=None) as batch_op:
        batch_op.drop_index('ix_receipt_issue_date')

    op.drop_table('receipt')
    with op.batch_alter_table('product', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_product_quick_key'))

    op.drop_table('product')
    op.drop_table('cashier')
    op.drop_table('audit_log')


_PRODUCT_BARCODES = "(SELECT coalesce(group_concat(barcode, ' '), '') FROM product_barcode WHERE product_id = {id})"
# fold() (lower case, no accents) is registered by the app on every connection: see storage/textfold.py.

_RECEIPT_KEY = (
    "issuer_vat = NEW.issuer_vat AND branch = NEW.branch AND invoice_type = NEW.invoice_type AND series = NEW.series"
)

_EXTRA_SCHEMA = [
    # Catalogue search: prefix-indexed, over folded text so case and Greek accents do not matter.
    "CREATE VIRTUAL TABLE product_fts USING fts5(name, code, barcodes, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE TRIGGER product_fts_insert AFTER INSERT ON product BEGIN "
    "INSERT INTO product_fts(rowid, name, code, barcodes) "
    f"VALUES (NEW.id, fold(NEW.name), fold(NEW.code), {_PRODUCT_BARCODES.format(id='NEW.id')}); END",
    "CREATE TRIGGER product_fts_update AFTER UPDATE OF name, code ON product BEGIN "
    "UPDATE product_fts SET name = fold(NEW.name), code = fold(NEW.code) WHERE rowid = NEW.id; END",
    "CREATE TRIGGER product_fts_delete AFTER DELETE ON product BEGIN "
    "DELETE FROM product_fts WHERE rowid = OLD.id; END",
    "CREATE TRIGGER product_barcode_fts_insert AFTER INSERT ON product_barcode BEGIN "
    f"UPDATE product_fts SET barcodes = {_PRODUCT_BARCODES.format(id='NEW.product_id')} "
    "WHERE rowid = NEW.product_id; END",
    "CREATE TRIGGER product_barcode_fts_delete AFTER DELETE ON product_barcode BEGIN "
    f"UPDATE product_fts SET barcodes = {_PRODUCT_BARCODES.format(id='OLD.product_id')} "
    "WHERE rowid = OLD.product_id; END",
    # Gap-free numbering: a new number is exactly one more than the last of its (issuer, branch, type, series).
    "CREATE TRIGGER receipt_number_gap_free BEFORE INSERT ON receipt "
    f"WHEN NEW.number <> (SELECT coalesce(max(number), 0) + 1 FROM receipt WHERE {_RECEIPT_KEY}) BEGIN "
    "SELECT RAISE(ABORT, 'receipt numbering must be gap-free: the number is not the next one'); END",
    "CREATE TRIGGER receipt_number_immutable BEFORE UPDATE OF issuer_vat, branch, invoice_type, series, number "
    "ON receipt BEGIN SELECT RAISE(ABORT, 'a receipt number cannot change'); END",
    "CREATE TRIGGER receipt_no_delete BEFORE DELETE ON receipt BEGIN "
    "SELECT RAISE(ABORT, 'receipts are never deleted: numbering stays gap-free'); END",
    # An issued receipt keeps its content; only the myDATA transmission results may be filled in.
    "CREATE TRIGGER receipt_issued_immutable BEFORE UPDATE ON receipt WHEN OLD.status = 'issued' AND ("
    "NEW.status IS NOT 'issued' OR NEW.uid IS NOT OLD.uid OR NEW.issued_at IS NOT OLD.issued_at "
    "OR NEW.issue_date IS NOT OLD.issue_date OR NEW.net_cents <> OLD.net_cents OR NEW.vat_cents <> OLD.vat_cents "
    "OR NEW.total_cents <> OLD.total_cents OR NEW.issuer_json IS NOT OLD.issuer_json "
    "OR NEW.correlated_receipt_id IS NOT OLD.correlated_receipt_id) BEGIN "
    "SELECT RAISE(ABORT, 'an issued receipt cannot be changed'); END",
    # Issuing needs a UID, totals equal to the sum of the lines, and payments that cover the total.
    "CREATE TRIGGER receipt_issue_checks BEFORE UPDATE OF status ON receipt "
    "WHEN NEW.status = 'issued' AND OLD.status <> 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'an issued receipt needs a UID and an issue time') "
    "WHERE NEW.uid IS NULL OR NEW.issued_at IS NULL OR NEW.issue_date IS NULL; "
    "SELECT RAISE(ABORT, 'receipt totals must equal the sum of its lines') "
    "WHERE (SELECT count(*) FROM receipt_line WHERE receipt_id = NEW.id) = 0 "
    "OR NEW.net_cents <> (SELECT coalesce(sum(net_cents), 0) FROM receipt_line WHERE receipt_id = NEW.id) "
    "OR NEW.vat_cents <> (SELECT coalesce(sum(vat_cents), 0) FROM receipt_line WHERE receipt_id = NEW.id) "
    "OR NEW.total_cents <> NEW.net_cents + NEW.vat_cents; "
    "SELECT RAISE(ABORT, 'payments do not cover the receipt total') "
    "WHERE (SELECT coalesce(sum(amount_cents), 0) FROM payment "
    "WHERE receipt_id = NEW.id AND status IN ('settled', 'pending')) < NEW.total_cents; END",
    "CREATE TRIGGER receipt_insert_not_issued BEFORE INSERT ON receipt WHEN NEW.status = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'a receipt is issued only after its lines and payments are written'); END",
    "CREATE TRIGGER receipt_line_frozen_insert BEFORE INSERT ON receipt_line "
    "WHEN (SELECT status FROM receipt WHERE id = NEW.receipt_id) = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'lines of an issued receipt cannot change'); END",
    "CREATE TRIGGER receipt_line_frozen_update BEFORE UPDATE ON receipt_line "
    "WHEN (SELECT status FROM receipt WHERE id = OLD.receipt_id) = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'lines of an issued receipt cannot change'); END",
    "CREATE TRIGGER receipt_line_frozen_delete BEFORE DELETE ON receipt_line "
    "WHEN (SELECT status FROM receipt WHERE id = OLD.receipt_id) = 'issued' BEGIN "
    "SELECT RAISE(ABORT, 'lines of an issued receipt cannot change'); END",
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN "
    "SELECT RAISE(ABORT, 'the audit log is append-only'); END",
]

_EXTRA_OBJECTS = [
    "DROP TRIGGER IF EXISTS audit_log_no_delete",
    "DROP TRIGGER IF EXISTS audit_log_no_update",
    "DROP TRIGGER IF EXISTS receipt_line_frozen_delete",
    "DROP TRIGGER IF EXISTS receipt_line_frozen_update",
    "DROP TRIGGER IF EXISTS receipt_line_frozen_insert",
    "DROP TRIGGER IF EXISTS receipt_issue_checks",
    "DROP TRIGGER IF EXISTS receipt_insert_not_issued",
    "DROP TRIGGER IF EXISTS receipt_issued_immutable",
    "DROP TRIGGER IF EXISTS receipt_no_delete",
    "DROP TRIGGER IF EXISTS receipt_number_immutable",
    "DROP TRIGGER IF EXISTS receipt_number_gap_free",
    "DROP TRIGGER IF EXISTS product_barcode_fts_delete",
    "DROP TRIGGER IF EXISTS product_barcode_fts_insert",
    "DROP TRIGGER IF EXISTS product_fts_delete",
    "DROP TRIGGER IF EXISTS product_fts_update",
    "DROP TRIGGER IF EXISTS product_fts_insert",
    "DROP TABLE IF EXISTS product_fts",
]
