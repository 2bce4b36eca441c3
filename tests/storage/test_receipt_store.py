"""Issuing receipts: one transaction, gap-free numbers enforced by the database, UID, payments, audit."""

from datetime import datetime
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from nexipos_desktop.clock import ATHENS
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.payments import PaymentInput, cash_payment
from nexipos_desktop.receipts.uid import mydata_uid
from nexipos_desktop.storage.credit_notes import issue_cash_refund
from nexipos_desktop.storage.models import AuditEntry, Payment, Receipt, ReceiptLine
from nexipos_desktop.storage.numbering import NumberKey, release_number, reserve_number
from nexipos_desktop.storage.receipt_store import SaleError, issue_receipt

LINES = [
    CartLine(None, "T1", "Γάλα φρέσκο 1L", 165, 2, 1, Decimal(2)),
    CartLine(None, "T2", "Απορρυπαντικό", 499, 1, 1, Decimal(1)),
]
KEY = NumberKey("094014201", 0, "11.1", "Α")


def issue(db, lines=LINES, tendered=5000, **kwargs):
    with db.write() as session:
        total = sum(line.amounts.gross_cents for line in lines)
        return issue_receipt(session, lines, [cash_payment(total, tendered)], **kwargs)


def test_cash_sale_writes_receipt_lines_payment_and_audit(db):
    moment = datetime(2026, 11, 27, 10, 30, tzinfo=ATHENS)
    doc = issue(db, now=moment, cashier="Ταμίας 1")
    assert (doc.series, doc.number, doc.invoice_type) == ("Α", 1, "11.1")
    assert doc.total_cents == 829 and doc.net_cents + doc.vat_cents == 829
    assert doc.uid == mydata_uid("094014201", moment.date(), 0, "11.1", "Α", 1)
    with db.read() as session:
        receipt = session.exec(select(Receipt)).one()
        assert receipt.status == "issued" and receipt.issued_at == "2026-11-27T10:30:00+02:00"
        assert [l.code for l in session.exec(select(ReceiptLine).order_by(ReceiptLine.line_number))] == ["T1", "T2"]
        payment = session.exec(select(Payment)).one()
        assert (payment.method, payment.amount_cents, payment.tendered_cents, payment.change_cents) == (3, 829, 5000, 4171)
        entry = session.exec(select(AuditEntry).where(AuditEntry.action == "receipt.issued")).one()
        assert entry.actor == "Ταμίας 1" and '"number": 1' in entry.details


def test_numbers_follow_each_other_per_series_and_type(db):
    assert [issue(db).number for _ in range(3)] == [1, 2, 3]
    assert issue(db, invoice_type="11.2").number == 1
    assert issue(db).series == "Α"


def test_a_failed_sale_leaves_nothing_and_its_number_goes_to_the_next(db):
    with pytest.raises(SaleError):
        with db.write() as session:
            issue_receipt(session, LINES, [cash_payment(100, 100)])  # 1.00 € does not cover 8.29 €
    with db.read() as session:
        assert session.exec(select(Receipt)).all() == []
        assert session.exec(select(ReceiptLine)).all() == []
    assert issue(db).number == 1


def test_an_abandoned_reservation_goes_to_the_next_sale(db):
    with db.write() as session:
        first = reserve_number(session, KEY)
        second = reserve_number(session, KEY)
    assert (first.number, second.number) == (1, 2)
    with db.write() as session:
        release_number(session, session.get(Receipt, first.id))
    doc = issue(db)
    assert doc.number == 1  # the released number, not 3
    with db.write() as session:
        doc2 = issue_receipt(session, LINES, [cash_payment(829, 829)], reserved=session.get(Receipt, second.id))
    assert doc2.number == 2
    assert issue(db).number == 3


def test_database_refuses_a_gap_a_duplicate_and_a_deletion(db):
    issue(db)
    with db.writer.connect() as conn:
        columns = "(issuer_vat, branch, invoice_type, series, number, status, net_cents, vat_cents, total_cents)"
        with pytest.raises(IntegrityError, match="gap-free"):
            conn.exec_driver_sql(f"INSERT INTO receipt {columns} VALUES ('094014201', 0, '11.1', 'Α', 3, 'reserved', 0, 0, 0)")
        with pytest.raises(IntegrityError):
            conn.exec_driver_sql(f"INSERT INTO receipt {columns} VALUES ('094014201', 0, '11.1', 'Α', 1, 'reserved', 0, 0, 0)")
        with pytest.raises(IntegrityError, match="never deleted"):
            conn.exec_driver_sql("DELETE FROM receipt")
        with pytest.raises(IntegrityError, match="cannot change"):
            conn.exec_driver_sql("UPDATE receipt SET number = 7")
        with pytest.raises(IntegrityError, match="cannot be changed"):
            conn.exec_driver_sql("UPDATE receipt SET total_cents = 1")
        with pytest.raises(IntegrityError, match="cannot change"):
            conn.exec_driver_sql("DELETE FROM receipt_line")
        conn.exec_driver_sql("UPDATE receipt SET mark = 400001234567890")  # transmission results may be added


def test_database_refuses_to_issue_an_unpaid_receipt(db):
    with db.writer.connect() as conn:
        with pytest.raises(IntegrityError, match="issued only after"):
            conn.exec_driver_sql(
                "INSERT INTO receipt (issuer_vat, branch, invoice_type, series, number, status, net_cents, vat_cents,"
                " total_cents) VALUES ('094014201', 0, '11.1', 'Α', 1, 'issued', 0, 0, 0)")
    with pytest.raises(IntegrityError, match="payments do not cover"):
        with db.write() as session:
            receipt = reserve_number(session, KEY)
            session.add(ReceiptLine(receipt_id=receipt.id, line_number=1, code="X", name="X", quantity="1",
                                    unit_price_cents=100, vat_category=8, net_cents=100, vat_cents=0))
            session.flush()
            receipt.uid, receipt.issued_at, receipt.issue_date = "U" * 40, "2026-01-01T00:00:00+02:00", "2026-01-01"
            receipt.net_cents, receipt.total_cents, receipt.status = 100, 100, "issued"
            session.add(receipt)
            session.flush()


def test_card_numbers_are_stored_only_masked(db):
    issue(db)
    with db.writer.connect() as conn:
        with pytest.raises(IntegrityError, match="pan_masked"):
            conn.exec_driver_sql("UPDATE payment SET pan_masked = '4111111111111111'")
        conn.exec_driver_sql("UPDATE payment SET pan_masked = '411111******1111'")


def test_a_deferred_card_payment_lets_the_receipt_be_issued(db):
    with db.write() as session:
        doc = issue_receipt(session, LINES, [PaymentInput(method=7, amount_cents=829, status="pending")])
    assert doc.payments[0].status == "pending"


def test_credit_note_refunds_the_original_once(db):
    original = issue(db)
    with db.read() as session:
        original_id = session.exec(select(Receipt.id)).one()
    with db.write() as session:
        credit = issue_cash_refund(session, original_id, cashier="Ταμίας 1")
    assert credit.invoice_type == "11.4" and credit.series == "Π" and credit.number == 1
    assert credit.total_cents == original.total_cents
    assert credit.correlated_uid == original.uid
    with pytest.raises(SaleError, match="ήδη"):
        with db.write() as session:
            issue_cash_refund(session, original_id)
