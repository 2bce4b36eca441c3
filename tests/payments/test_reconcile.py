"""End-of-day reconciliation: the register's card payments against the terminal's transaction list."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlmodel import select
from hypothesis import given, settings
from hypothesis import strategies as st

from nexipos_desktop.clock import ATHENS, athens_now
from nexipos_desktop.payments.contract import Operation, OriginalTransaction, TerminalTransaction
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.fault_declaration import record_fault_declaration
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.reconcile import (
    RegisterCardPayment, Status, day_bounds, match, reconcile_day, register_payments,
)
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.models import CardAttempt
from preload_fake_driver import TID, FakePreloadTerminal

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2))]  # 3.78
AT = datetime(2026, 11, 27, 12, 0, tzinfo=ATHENS)


def reg(rrn, cents, **kw):
    return RegisterCardPayment(operation=kw.pop("operation", "sale"), charged_cents=cents, at=AT, tid=TID, rrn=rrn,
                               **kw)


def term(rrn, cents, **kw):
    return TerminalTransaction(tid=kw.pop("tid", TID), rrn=rrn, amount_cents=cents,
                               operation=kw.pop("operation", Operation.SALE), timestamp=AT, **kw)


def statuses(rows):
    return sorted((r.status.value, (r.register or r.terminal).rrn) for r in rows)


def test_matches_register_only_terminal_only_and_amount_mismatch():
    rows = match([reg("000000000001", 100), reg("000000000002", 200), reg("000000000003", 300)],
                 [term("000000000001", 100), term("000000000002", 250), term("000000000009", 900),
                  term("000000000008", 50, approved=False)])  # a declined card is not money
    assert statuses(rows) == [("amount_mismatch", "000000000002"), ("matched", "000000000001"),
                              ("register_only", "000000000003"), ("terminal_only", "000000000009")]
    mismatch = next(r for r in rows if r.status == Status.AMOUNT_MISMATCH)
    assert mismatch.note == "Ταμείο 2,00 € · τερματικό 2,50 €"


def test_transaction_id_and_reference_win_over_rrn():
    rows = match([reg("", 100, transaction_id="075121702285176315144"), reg("", 200, reference="NXABC")],
                 [term("111111111111", 100, transaction_id="075121702285176315144"),
                  term("222222222222", 200, reference="NXABC")])
    assert [(r.status, r.matched_by) for r in rows] == [(Status.MATCHED, "transaction_id"), (Status.MATCHED, "reference")]


def test_same_rrn_on_another_terminal_does_not_match():
    rows = match([reg("000000000001", 100)], [term("000000000001", 100, tid="12345678")])
    # RRN and amount agree: paired, but only as the weakest key
    assert rows[0].matched_by == "rrn_amount"
    rows = match([reg("000000000001", 100)], [term("000000000001", 120, tid="12345678")])
    assert statuses(rows) == [("register_only", "000000000001"), ("terminal_only", "000000000001")]


def test_voids_and_refunds():
    sale = reg("000000000001", 100, attempt_id=1)
    void = reg("000000000001", 100, operation="void", attempt_id=2, original_attempt_id=1, receipt_label="Π-1")
    refund = reg("000000000005", 80, operation="refund", attempt_id=3)
    rows = match([sale, void, refund], [term("000000000001", 100, voided=True),
                                        term("000000000005", 80, operation=Operation.REFUND)])
    assert [(r.status, r.register.rrn) for r in rows] == [(Status.VOIDED, "000000000001"),
                                                          (Status.MATCHED, "000000000005")]
    assert rows[0].note == "Ακύρωση στο ταμείο: Π-1"
    # voided on the terminal only / on the register only
    assert match([sale], [term("000000000001", 100, voided=True)])[0].status == Status.VOID_MISMATCH
    rows = match([sale, void], [term("000000000001", 100)])
    assert [r.status for r in rows] == [Status.MATCHED, Status.VOID_MISMATCH]
    # a refund never pairs with a sale of the same RRN and amount
    rows = match([refund], [term("000000000005", 80)])
    assert {r.status for r in rows} == {Status.REGISTER_ONLY, Status.TERMINAL_ONLY}


rrns = st.sampled_from([f"{n:012d}" for n in range(1, 6)])
amounts = st.sampled_from([100, 200, 300])
registers = st.lists(st.builds(lambda rrn, cents: reg(rrn, cents), rrns, amounts), max_size=6)
terminals = st.lists(st.builds(lambda rrn, cents, voided: term(rrn, cents, voided=voided), rrns, amounts,
                               st.booleans()), max_size=6)


@settings(max_examples=150, deadline=None)
@given(registers, terminals)
def test_every_payment_and_transaction_appears_exactly_once(register, terminal):
    rows = match(register, terminal)
    assert sorted(id(r.register) for r in rows if r.register) == sorted(id(r) for r in register)
    assert sorted(id(r.terminal) for r in rows if r.terminal) == sorted(id(t) for t in terminal)
    for row in rows:
        if row.register and row.terminal:
            assert row.register.rrn == row.terminal.rrn
            if row.status == Status.MATCHED:
                assert row.register.charged_cents == row.terminal.amount_cents and not row.terminal.voided


def test_day_bounds_follow_athens_time_across_dst():
    start, end = day_bounds(date(2026, 10, 25))  # the night clocks go back: a 25-hour day
    elapsed = end.astimezone(timezone.utc) - start.astimezone(timezone.utc)
    assert start.utcoffset().total_seconds() == 3 * 3600 and elapsed.total_seconds() == 25 * 3600


# ----- against the database and a fake terminal -----
@pytest.fixture
def till(db):
    terminal = FakePreloadTerminal(db)
    payments = PaymentService(db, terminal, tid=TID, cashier="Ταμίας 1")
    return terminal, payments


def test_day_report_with_a_preload_paid_for_less_a_fault_declaration_and_both_sides_only(db, till):
    terminal, payments = till
    # 1. an ordinary card sale
    sale = payments.open_sale(LINES)
    asyncio.run(payments.charge(sale, 378))
    payments.issue(sale)
    # 2. a preload, paid on the terminal for less
    preloads = PreloadService(payments)
    preload_sale = payments.open_sale(LINES)
    sent = asyncio.run(preloads.send(preload_sale, expiry_minutes=30))
    terminal.pay(sent.card.reference, 300)
    asyncio.run(PreloadTracker(preloads).check_due())
    # 3. a fault declaration: taken on the terminal alone, recorded from its slip; the terminal lists it too
    manual_sale = payments.open_sale(LINES)
    record_fault_declaration(payments, manual_sale, 378, tid=TID, rrn="555555555555", auth_code="zz9988")
    payments.issue(manual_sale)
    terminal.listed.append(dataclasses.replace(terminal.listed[0], rrn="555555555555", auth_code="ZZ9988",
                                               transaction_id="", reference=""))
    # 4. a charge the register never heard of, and 5. one the terminal lost
    terminal.listed.append(dataclasses.replace(terminal.listed[0], rrn="777777777777", transaction_id="", reference="",
                                               amount_cents=1234))
    lost = payments.open_sale(LINES)
    asyncio.run(payments.charge(lost, 378))
    payments.issue(lost)
    terminal.listed.pop()  # the terminal's record of the lost sale

    today = athens_now().date()
    progress = []
    report = asyncio.run(reconcile_day(db, terminal, today, progress=progress.append))
    assert progress[-1] == "Ολοκληρώθηκε"
    by_status = {s: [r for r in report.rows if r.status == s] for s in Status}
    assert len(by_status[Status.MATCHED]) == 3 and not report.ok
    manual = next(r for r in by_status[Status.MATCHED] if r.register.manual)
    assert manual.matched_by == "tid_rrn" and "Δήλωση βλάβης" in manual.note
    preload_row = next(r for r in by_status[Status.MATCHED] if r.register.operation == "preload")
    assert preload_row.register.charged_cents == 300 and preload_row.matched_by == "transaction_id"
    assert [r.terminal.rrn for r in by_status[Status.TERMINAL_ONLY]] == ["777777777777"]
    assert [r.register.receipt_label for r in by_status[Status.REGISTER_ONLY]] == [f"{lost.series}-{lost.number}"]
    data = report.as_json()
    assert data["counts"] == {"matched": 3, "amount_mismatch": 0, "voided": 0, "void_mismatch": 0,
                              "register_only": 1, "terminal_only": 1}
    assert data["date"] == today.isoformat()
    # another day has nothing
    assert register_payments(db, date(2020, 1, 1)) == []


def test_fault_declaration_checks_the_slip_and_refuses_duplicates(db, till):
    _, payments = till
    sale = payments.open_sale(LINES)
    for kwargs, message in ((dict(tid="1234", rrn="555555555555", auth_code="ZZ9988"), "TID"),
                            (dict(tid=TID, rrn="5555", auth_code="ZZ9988"), "RRN"),
                            (dict(tid=TID, rrn="555555555555", auth_code="Z"), "έγκρισης")):
        with pytest.raises(PaymentError, match=message):
            record_fault_declaration(payments, sale, 378, **kwargs)
    with pytest.raises(PaymentError, match="υπερβαίνει"):
        record_fault_declaration(payments, sale, 379, tid=TID, rrn="555555555555", auth_code="ZZ9988")
    record_fault_declaration(payments, sale, 200, tid=TID, rrn="555555555555", auth_code="ZZ9988", pan_last4="3489")
    with pytest.raises(PaymentError, match="ήδη"):
        record_fault_declaration(payments, sale, 100, tid=TID, rrn="555555555555", auth_code="ZZ9988")
    doc = payments.issue(sale, cash_tendered_cents=200)
    assert [(p.method, p.amount_cents, p.rrn, p.pan_masked) for p in doc.payments] == [
        (7, 200, "555555555555", "************3489"), (3, 178, None, None)]


def test_a_driver_without_a_list_is_refused(db):
    class NoList:
        name, capabilities = "socket", frozenset({Operation.SALE})

    with pytest.raises(PaymentError, match="λίστα"):
        asyncio.run(reconcile_day(db, NoList(), athens_now().date()))


def test_a_void_from_the_support_commands_is_linked_to_the_sale_it_voids(db):
    """`nexipos terminal void --transaction-id X` names the original by the terminal's id: the journal links the
    void to the register's own sale, so the day's reconciliation pairs them (no void mismatch)."""
    terminal = FakePreloadTerminal(db)
    payments = PaymentService(db, terminal, tid=TID, cashier="Ταμίας 1")
    sale = asyncio.run(payments.terminal_operation(Operation.SALE, 378))
    void = asyncio.run(payments.terminal_operation(
        Operation.VOID, 378, original=OriginalTransaction(transaction_id=sale.outcome.transaction_id)))
    unknown = asyncio.run(payments.terminal_operation(
        Operation.VOID, 100, original=OriginalTransaction(transaction_id="075100000000000000000")))
    with db.read() as session:
        links = {a.id: a.original_attempt_id for a in session.exec(select(CardAttempt))}
    assert (links[void.attempt_id], links[unknown.attempt_id]) == (sale.attempt_id, None)
