"""Every issued receipt (cash, card, credit note) is owed to myDATA from the commit that issues it."""

from __future__ import annotations

import asyncio
import sqlite3
from decimal import Decimal

import pytest

from nexipos_desktop.payments.contract import Approved
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.credit_notes import issue_cash_refund
from nexipos_desktop.storage.errors import SaleError
from nexipos_desktop.storage.mydata_outbox import (
    claim, enqueue_payment_methods, list_outbox, outbox_counts, record_failed, recover_in_flight, retry_now,
)
from nexipos_desktop.storage.receipt_store import issue_cash_sale

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2))]


def rows(db):
    with sqlite3.connect(db.path) as conn:
        return conn.execute("SELECT kind, receipt_id, state, attempts, payment_id FROM mydata_outbox ORDER BY id").fetchall()


class ApprovingDriver:
    name = "approving"
    capabilities = frozenset()
    uses_session_numbers = False

    async def execute(self, request, progress=None):
        return Approved(tid="64999999", amount_cents=request.amount_cents, final_amount_cents=request.amount_cents,
                        rrn="133030119089", auth_code="787032", transaction_id="TX1")


def test_cash_card_and_credit_note_are_queued_when_issued(db):
    cash = issue_cash_sale(db, LINES, 1000)
    service = PaymentService(db, ApprovingDriver(), tid="64999999")
    from nexipos_desktop.payments.contract import Operation

    service.capabilities = frozenset({Operation.SALE})
    sale = service.open_sale(LINES)
    asyncio.run(service.charge(sale, sale.total_cents))
    card = service.issue(sale)
    with db.write() as session:
        credit = issue_cash_refund(session, 1)
    assert [p.method for p in card.payments] == [7] and credit.invoice_type == "11.4"
    assert rows(db) == [("invoice", 1, "pending", 0, None), ("invoice", sale.receipt_id, "pending", 0, None),
                        ("invoice", sale.receipt_id + 1, "pending", 0, None)]
    assert outbox_counts(db).pending == 3
    with db.read() as session:
        labels = [view.receipt_label for view in list_outbox(session)]
    assert labels == [f"11.4 Π-{credit.number}", f"11.1 Α-{card.number}", f"11.1 Α-{cash.number}"]


def test_a_receipt_that_is_not_issued_leaves_no_outbox_row(db):
    with pytest.raises(Exception):
        issue_cash_sale(db, LINES, 1)  # not enough cash: nothing issued, nothing queued
    with pytest.raises(SaleError):
        with db.write() as session:
            from nexipos_desktop.storage.receipt_store import issue_receipt
            from nexipos_desktop.receipts.payments import cash_payment

            issue_receipt(session, LINES, [cash_payment(378, 378)])
            raise SaleError("rolled back after issuing")  # the whole transaction, queue row included
    assert rows(db) == []


def test_in_flight_rows_go_back_to_pending_at_start_and_retry_rules(db):
    issue_cash_sale(db, LINES, 1000)
    issue_cash_sale(db, LINES, 1000)
    assert claim(db, 1, "erp").state == "sending"
    assert claim(db, 1, "erp") is None  # claimed once
    assert recover_in_flight(db) == 1
    assert rows(db)[0][2:4] == ("pending", 1)
    record_failed(db, 2, "101", "XSD")
    assert outbox_counts(db).failed == 1
    assert retry_now(db, 2, actor="admin").state == "pending"
    with pytest.raises(LookupError):
        retry_now(db, 99, actor="admin")


def test_a_deferred_payment_is_queued_once_and_only_for_its_receipt(db):
    issue_cash_sale(db, LINES, 1000)
    issue_cash_sale(db, LINES, 1000)
    with db.write() as session:
        first = enqueue_payment_methods(session, 1, 1)
        assert enqueue_payment_methods(session, 1, 1).id == first.id
        with pytest.raises(SaleError):
            enqueue_payment_methods(session, 2, 1)
    assert rows(db)[-1] == ("payment_methods", 1, "pending", 0, 1)
