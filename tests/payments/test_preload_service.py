"""Deferred (preloaded) card payments: journaled like a charge, receipt issued with the payment pending, tracked
until paid (possibly for less), expired or cancelled; balances settled another way; a restart resumes."""

from __future__ import annotations

import asyncio
import json
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from nexipos_desktop.fiscal import xsd
from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice
from nexipos_desktop.fiscal.mydata_xml import invoices_doc
from nexipos_desktop.payments import preload_store
from nexipos_desktop.payments.contract import Cancelled, Declined, InDoubt, Pending
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.storage.errors import SaleError
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.models import AuditEntry, CardAttempt, Payment, Receipt
from nexipos_desktop.storage.settings import set_setting
from nexipos_desktop.storage.webecr_models import PreloadedPayment
from preload_fake_driver import FakePreloadTerminal

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2)),
         CartLine(None, "P0175", "Μπύρα weiss 500ml", 260, 1, 1, Decimal(1))]  # 3.78 + 2.60 = 6.38


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def till(db):
    terminal = FakePreloadTerminal(db)
    payments = PaymentService(db, terminal, tid="64999999", cashier="Ταμίας 1")
    preloads = PreloadService(payments)
    completed = []
    preloads.on_completed(lambda receipt_id, payment_id: completed.append((receipt_id, payment_id)))
    clock = Clock()
    tracker = PreloadTracker(preloads, first_interval_s=5, max_interval_s=40, grace_s=60, monotonic=clock)
    return terminal, payments, preloads, tracker, completed, clock


def send(payments, preloads, minutes=None):
    sale = payments.open_sale(LINES)
    return sale, asyncio.run(preloads.send(sale, expiry_minutes=minutes))


def rows(db, model, **where):
    with db.read() as session:
        query = select(model)
        for key, value in where.items():
            query = query.where(getattr(model, key) == value)
        return list(session.exec(query))


def actions(db):
    return [a.action for a in rows(db, AuditEntry)]


def test_sending_a_preload_issues_the_receipt_with_the_card_payment_pending(db, till):
    terminal, payments, preloads, *_ = till
    with db.write() as session:
        set_setting(session, "terminal.preload_expiry_minutes", 45)
    sale, result = send(payments, preloads)
    assert result.card.outcome.kind == "pending" and result.preload_id is not None
    [request] = terminal.requests
    assert (request.operation, request.amount_cents, request.preload_expiry_minutes) == ("preload", 638, 45)
    assert request.reference == result.card.reference and request.receipt_number == sale.label
    doc = result.document
    assert (doc.number, doc.uid, doc.total_cents) == (sale.number, sale.uid, 638)
    assert [(p.method, p.amount_cents, p.status) for p in doc.payments] == [(7, 638, "pending")]
    [attempt] = rows(db, CardAttempt)
    [preload] = rows(db, PreloadedPayment)
    assert attempt.state == "pending" and attempt.operation == "preload" and attempt.payment_id == preload.payment_id
    assert (preload.state, preload.amount_cents, preload.expiry_minutes, preload.balance_cents) == ("pending", 638, 45, 0)
    assert rows(db, Receipt, id=sale.receipt_id)[0].status == "issued"
    assert actions(db)[-3:] == ["card.attempt_created", "receipt.issued", "preload.sent"]


def test_a_preload_the_terminal_refuses_leaves_the_sale_open(db, till):
    terminal, payments, preloads, *_ = till
    terminal.preload_answer = Declined("05", "Δεν επιτρέπεται")
    sale, result = send(payments, preloads, minutes=10)
    assert result.document is None and result.card.outcome.kind == "declined"
    assert rows(db, Receipt, id=sale.receipt_id)[0].status == "reserved"
    assert rows(db, PreloadedPayment) == []
    payments.abandon(sale)  # nothing moved: the number goes back


def test_bad_expiry_is_refused_before_anything_is_sent(db, till):
    terminal, payments, preloads, *_ = till
    sale = payments.open_sale(LINES)
    with pytest.raises(PaymentError, match="λήξη"):
        asyncio.run(preloads.send(sale, expiry_minutes=0))
    assert terminal.requests == [] and rows(db, CardAttempt) == []


def test_paid_in_full_settles_the_payment_with_the_card_data_and_calls_the_hook(db, till):
    terminal, payments, preloads, tracker, completed, clock = till
    sale, result = send(payments, preloads)
    assert asyncio.run(tracker.check_due()) == 0  # still waiting
    terminal.pay(result.card.reference, 638)
    clock.now += 5
    assert asyncio.run(tracker.check_due()) == 1
    [payment] = rows(db, Payment, receipt_id=sale.receipt_id)
    assert (payment.status, payment.amount_cents, payment.tid, payment.pan_masked, payment.auth_code) == (
        "settled", 638, "64999999", "479275******3489", "A1B2C3")
    assert payment.rrn and payment.transaction_id.startswith("0751217") and payment.settled_at
    [preload] = rows(db, PreloadedPayment)
    assert (preload.state, preload.final_amount_cents, preload.balance_cents) == ("paid", 638, 0)
    assert rows(db, CardAttempt)[0].state == "approved"
    assert completed == [(sale.receipt_id, payment.id)]
    assert preload_store.preload_rows(db) == []  # nothing left for the cashier
    assert "preload.paid" in actions(db)


def test_a_lower_final_amount_leaves_a_balance_settled_in_cash(db, till):
    terminal, payments, preloads, tracker, completed, clock = till
    sale, result = send(payments, preloads)
    terminal.pay(result.card.reference, 500)  # the cashier lowered it on the terminal
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    assert (row.state, row.final_amount_cents, row.balance_cents, row.needs_cashier) == ("paid", 500, 138, True)
    card_payment = rows(db, Payment, receipt_id=sale.receipt_id)[0]
    assert (card_payment.amount_cents, card_payment.status) == (500, "settled")
    with pytest.raises(Exception, match="καλύπτουν|λείπουν"):
        asyncio.run(preloads.settle_balance_in_cash(row.id, 100))
    cash_id = asyncio.run(preloads.settle_balance_in_cash(row.id, 200))
    cash = rows(db, Payment, id=cash_id)[0]
    assert (cash.method, cash.amount_cents, cash.change_cents) == (3, 138, 62)
    assert completed == [(sale.receipt_id, card_payment.id), (sale.receipt_id, cash_id)]
    assert preload_store.preload_rows(db) == []
    with pytest.raises(PaymentError, match="υπόλοιπο"):
        asyncio.run(preloads.settle_balance_in_cash(row.id, 200))  # once only


def test_expired_preload_is_flagged_and_its_balance_taken_by_card(db, till):
    terminal, payments, preloads, tracker, completed, clock = till
    sale, result = send(payments, preloads)
    terminal.expire(result.card.reference)
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    assert (row.state, row.balance_cents, row.needs_cashier) == ("expired", 638, True)
    assert rows(db, Payment, receipt_id=sale.receipt_id)[0].status == "cancelled"
    assert rows(db, CardAttempt)[0].state == "cancelled"
    card = asyncio.run(preloads.settle_balance_by_card(row.id))
    assert card.outcome.kind == "approved" and terminal.requests[-1].amount_cents == 638
    payments_now = rows(db, Payment, receipt_id=sale.receipt_id)
    assert [(p.method, p.amount_cents, p.status) for p in payments_now] == [(7, 638, "cancelled"), (7, 638, "settled")]
    assert completed == [(sale.receipt_id, payments_now[1].id)]
    [preload] = rows(db, PreloadedPayment)
    assert (preload.balance_method, preload.balance_settled_by) == ("card", "Ταμίας 1")


@pytest.mark.parametrize("answer, attempt_state", [(Cancelled("Ακύρωση στο τερματικό"), "cancelled"),
                                                   (Declined("51", "Ανεπαρκές υπόλοιπο"), "declined")])
def test_cancelled_or_declined_preload_is_flagged(db, till, answer, attempt_state):
    terminal, payments, preloads, tracker, *_ = till
    _, result = send(payments, preloads)
    terminal.answers[result.card.reference] = answer
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    assert (row.state, row.needs_cashier, row.last_message) == ("cancelled", True, answer.message)
    assert rows(db, CardAttempt)[0].state == attempt_state


def test_credit_note_closes_a_lapsed_preload_only_once_issued(db, till):
    terminal, payments, preloads, tracker, *_ = till
    sale, result = send(payments, preloads)
    terminal.expire(result.card.reference)
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    with pytest.raises(PaymentError, match="πιστωτικό"):
        asyncio.run(preloads.close_by_credit_note(row.id))


@pytest.mark.parametrize(("paid", "expected"), [(None, [(5, 638)]), (500, [(3, 500), (5, 138)])])
def test_a_credit_note_refunds_in_cash_only_what_was_paid(db, till, paid, expected):
    """An expired preload (nothing paid) or one paid for less with the balance left open: the credit note gives
    back in cash what was taken and credits the rest «Επί πιστώσει» (type 5), then closes the preload."""
    from nexipos_desktop.storage.credit_notes import issue_cash_refund

    terminal, payments, preloads, tracker, *_ = till
    sale, result = send(payments, preloads)
    if paid is None:
        terminal.expire(result.card.reference)
    else:
        terminal.pay(result.card.reference, paid)
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    with db.write() as session:
        credit = issue_cash_refund(session, sale.receipt_id, cashier="Ταμίας 1")
    assert [(p.method, p.amount_cents) for p in credit.payments] == expected
    if xsd.schema_dir().exists():  # and myDATA's schema accepts the credit note as it will be transmitted
        with db.read() as session:
            credit_id = session.exec(select(Receipt.id).where(Receipt.uid == credit.uid)).one()
            assert xsd.validate(invoices_doc([load_mydata_invoice(session, credit_id)])) == []
    asyncio.run(preloads.close_by_credit_note(row.id))
    assert preload_store.preload_rows(db) == []


def test_backoff_doubles_up_to_the_limit_and_a_failed_query_is_retried(db, till):
    terminal, payments, preloads, tracker, _, clock = till
    _, result = send(payments, preloads)
    times = []
    for _ in range(40):
        before = len(terminal.queries)
        asyncio.run(tracker.check_due())
        if len(terminal.queries) > before:
            times.append(clock.now)
        clock.now += 1
    assert [b - a for a, b in zip(times, times[1:])] == [5, 10, 20]
    terminal.query_error = OSError("Connection refused")
    clock.now += 40
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    assert row.state == "pending" and "Connection refused" in row.last_message and row.checks >= 5


def test_no_record_past_expiry_and_grace_counts_as_expired(db, till):
    terminal, payments, preloads, tracker, *_ = till
    _, result = send(payments, preloads, minutes=1)
    terminal.forget(result.card.reference)
    asyncio.run(tracker.check_due())
    assert preload_store.preload_rows(db)[0].state == "pending"  # not yet past expiry + grace
    tracker.grace_s = -120  # as if two minutes had passed after the grace period
    asyncio.run(tracker.check_now())
    assert preload_store.preload_rows(db)[0].state == "expired"


def test_restart_resumes_tracking_from_the_database(db, till):
    terminal, payments, preloads, _, _, clock = till
    sale, result = send(payments, preloads)
    terminal.pay(result.card.reference, 638)
    # a new till process: new service, new tracker, same database
    again = PreloadService(PaymentService(db, terminal, tid="64999999", cashier="Ταμίας 2"))
    seen = []
    again.on_completed(lambda *ids: seen.append(ids))
    assert asyncio.run(PreloadTracker(again, monotonic=clock).check_due()) == 1
    assert rows(db, PreloadedPayment)[0].state == "paid" and seen[0][0] == sale.receipt_id


def test_an_in_doubt_preload_found_waiting_on_the_terminal_issues_its_receipt(db, till):
    terminal, payments, preloads, *_ = till
    terminal.preload_answer = InDoubt("Χάθηκε η σύνδεση")
    sale, result = send(payments, preloads, minutes=30)
    assert result.document is None
    terminal.answers[result.card.reference] = Pending(result.card.reference)
    assert asyncio.run(payments.resolve_by_query(result.card.attempt_id)).kind == "pending"
    assert rows(db, Receipt, id=sale.receipt_id)[0].status == "issued"
    [attempt] = rows(db, CardAttempt)
    assert (attempt.state, attempt.resolution) == ("pending", "query")
    assert len(terminal.requests) == 1  # never re-sent


def test_a_receipt_not_issued_after_the_terminal_took_the_preload_is_issued_on_resume(db, till, monkeypatch):
    terminal, payments, preloads, tracker, *_ = till
    real = preload_store.record_pending

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(preload_store, "record_pending", broken)
    sale = payments.open_sale(LINES)
    with pytest.raises(RuntimeError):
        asyncio.run(preloads.send(sale, expiry_minutes=20))
    assert rows(db, CardAttempt)[0].state == "pending"  # the terminal's answer is kept
    monkeypatch.setattr(preload_store, "record_pending", real)
    assert asyncio.run(tracker.resume()) == 1
    assert rows(db, Receipt, id=sale.receipt_id)[0].status == "issued"
    assert rows(db, PreloadedPayment)[0].state == "pending"


# ----- the database's own rules (migration 0004) -----
def sql(db, statement):
    with db.writer.begin() as conn:
        conn.exec_driver_sql(statement)


def test_only_a_card_payment_can_be_pending(db, till):
    _, payments, _, *_ = till
    sale = payments.open_sale(LINES)  # not issued yet
    with pytest.raises(IntegrityError, match="only a deferred card payment"):
        sql(db, "INSERT INTO payment (receipt_id, method, amount_cents, status, tip_cents, created_at) "
                f"VALUES ({sale.receipt_id}, 3, 100, 'pending', 0, 'x')")


def test_pending_payment_settles_only_through_its_paid_preload(db, till):
    terminal, payments, preloads, tracker, *_ = till
    sale, result = send(payments, preloads)
    for statement in ("UPDATE payment SET status = 'settled', settled_at = 'x'",
                      "UPDATE payment SET amount_cents = 1", "UPDATE payment SET status = 'cancelled'"):
        with pytest.raises(IntegrityError, match="cannot change"):
            sql(db, statement)
    with pytest.raises(IntegrityError, match="only to settle"):  # no extra money on an issued receipt
        sql(db, "INSERT INTO payment (receipt_id, method, amount_cents, status, tip_cents, created_at) "
                f"VALUES ({sale.receipt_id}, 3, 100, 'settled', 0, 'x')")
    terminal.pay(result.card.reference, 600)
    asyncio.run(tracker.check_due())
    with pytest.raises(IntegrityError, match="cannot change"):  # settled: frozen again
        sql(db, "UPDATE payment SET amount_cents = 638")
    with pytest.raises(IntegrityError, match="only to settle"):  # never beyond the total
        sql(db, "INSERT INTO payment (receipt_id, method, amount_cents, status, tip_cents, created_at) "
                f"VALUES ({sale.receipt_id}, 3, 39, 'settled', 0, 'x')")
    sql(db, "UPDATE payment SET pan_masked = '479275******3489'")  # card details may still be filled in


def test_preloaded_payments_keep_their_history(db, till):
    terminal, payments, preloads, tracker, *_ = till
    _, result = send(payments, preloads)
    terminal.pay(result.card.reference, 638)
    asyncio.run(tracker.check_due())
    for statement, message in (("DELETE FROM preloaded_payment", "never deleted"),
                               ("UPDATE preloaded_payment SET state = 'cancelled'",
                                "final state"),
                               ("UPDATE preloaded_payment SET amount_cents = 1", "cannot change"),
                               ("UPDATE card_attempt SET state = 'pending'", "final state")):
        with pytest.raises(IntegrityError, match=message):
            sql(db, statement)


def test_audit_entries_name_the_preload(db, till):
    terminal, payments, preloads, tracker, *_ = till
    _, result = send(payments, preloads)
    terminal.pay(result.card.reference, 500)
    asyncio.run(tracker.check_due())
    [entry] = [e for e in rows(db, AuditEntry) if e.action == "preload.paid"]
    details = json.loads(entry.details)
    assert (details["reference"], details["charged_cents"], details["balance_cents"]) == (
        result.card.reference, 500, 138)


def test_an_in_doubt_preload_the_host_never_saw_is_resolved_as_not_sent(db, till):
    terminal, payments, preloads, *_ = till
    terminal.preload_answer = InDoubt("Χάθηκε η σύνδεση")
    sale, result = send(payments, preloads, minutes=30)
    terminal.forget(result.card.reference)
    assert asyncio.run(payments.resolve_by_query(result.card.attempt_id)) is None
    assert rows(db, CardAttempt)[0].state == "resolved_not_approved"
    payments.abandon(sale)  # nothing moved: the sale can go


def test_process_wide_completion_hooks_hear_every_service(db, till):
    from nexipos_desktop.payments.preload import add_completion_hook, remove_completion_hook

    terminal, payments, preloads, tracker, completed, _ = till
    heard = []

    def listen(*ids):
        heard.append(ids)

    def broken(*ids):  # a listener's bug never undoes a payment
        raise ZeroDivisionError

    add_completion_hook(broken)
    add_completion_hook(listen)
    try:
        sale, result = send(payments, preloads)
        terminal.pay(result.card.reference, 638)
        asyncio.run(tracker.check_due())
    finally:
        remove_completion_hook(broken)
        remove_completion_hook(listen)
    assert heard == completed and heard[0][0] == sale.receipt_id
    assert rows(db, PreloadedPayment)[0].state == "paid"


def test_part_by_card_now_and_the_rest_preloaded(db, till):
    terminal, payments, preloads, *_ = till
    sale = payments.open_sale(LINES)
    asyncio.run(payments.charge(sale, 300))
    result = asyncio.run(preloads.send(sale, expiry_minutes=10))
    assert terminal.requests[-1].amount_cents == 338
    assert [(p.method, p.amount_cents, p.status) for p in result.document.payments] == [
        (7, 300, "settled"), (7, 338, "pending")]


def test_a_lost_reply_on_the_balance_charge_is_asked_about_never_charged_again(db, till):
    terminal, payments, preloads, tracker, completed, _ = till
    sale, result = send(payments, preloads)
    terminal.expire(result.card.reference)
    asyncio.run(tracker.check_due())
    [row] = preload_store.preload_rows(db)
    real_execute = terminal.execute

    async def lost(request, progress=None):
        await real_execute(request, progress)  # the terminal charges, the reply is lost
        return InDoubt("Χάθηκε η σύνδεση")

    terminal.execute = lost
    card = asyncio.run(preloads.settle_balance_by_card(row.id))
    assert card.outcome.kind == "approved" and len(terminal.requests) == 2
    assert preload_store.preload_rows(db) == [] and len(completed) == 1


def test_a_waiting_or_lapsed_preload_is_never_refunded_or_credited(db, till):
    from nexipos_desktop.payments.contract import Operation
    from nexipos_desktop.storage.credit_notes import issue_cash_refund

    terminal, payments, preloads, tracker, *_ = till
    sale, result = send(payments, preloads)
    credit = payments.open_sale(LINES, invoice_type="11.4", correlated_receipt_id=sale.receipt_id)
    with pytest.raises(PaymentError, match="δεν έχει εγκριθεί"):
        asyncio.run(payments.charge(credit, 638, operation=Operation.REFUND,
                                    original_attempt_id=result.card.attempt_id))
    payments.abandon(credit)
    with pytest.raises(SaleError, match="περιμένει ακόμη στο τερματικό"), db.write() as session:
        issue_cash_refund(session, sale.receipt_id)  # said in Greek before the database's own refusal
    with pytest.raises(IntegrityError, match="credit note waits"), db.write() as session:
        credit = session.get(Receipt, credit.receipt_id)  # the database refuses it too, whatever the code
        credit.status = "issued"
        session.add(credit)
    terminal.pay(result.card.reference, 638)
    asyncio.run(tracker.check_due())
    with db.write() as session:  # paid: now it can be credited
        assert issue_cash_refund(session, sale.receipt_id).invoice_type == "11.4"
