"""The lean journal path of ``PaymentService.charge``: what is committed, when, and in how many transactions.

``charge`` writes the journal with plain SQL (``journal.open_attempt`` → ``mark_sent`` → ``commit_outcome``) on
one worker-thread hop before the wire and one after. These tests pin down the exactly-once rules on that path:
the attempt is committed as ``created`` and then as ``sent`` before the driver is called, the outcome is committed
before ``charge`` returns, the due/unsettled check runs under the same write lock as the insert, and a refused
charge leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
from decimal import Decimal

import pytest
from sqlalchemy import event
from sqlmodel import select

from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import Approved, Declined, InDoubt, Operation, TerminalState
from nexipos_desktop.payments.fiscal_route import Proof
from nexipos_desktop.payments.service import PaymentError, PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.errors import StorageError
from nexipos_desktop.storage.models import AuditEntry, CardAttempt, Counter

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2)),
         CartLine(None, "P0175", "Μπύρα weiss 500ml", 260, 1, 1, Decimal(1))]  # 6.38 €


def committed_attempts(path) -> list[dict]:
    """The card attempts as another process would see them: a fresh connection reads only committed data."""
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(row) for row in conn.execute("SELECT * FROM card_attempt ORDER BY id")]


def approve(request):
    return Approved(tid="64999999", amount_cents=request.amount_cents, final_amount_cents=request.amount_cents,
                    pan_masked="479275******3489", card_type="Visa", rrn="133030119089", stan="000065",
                    auth_code="787032", transaction_id="TX1", raw="R/S000001/C00/D…")


class WitnessDriver:
    """A terminal that notes what the journal had committed when it was called (through a fresh connection)."""

    name = "witness"
    capabilities = frozenset({Operation.SALE, Operation.REFUND, Operation.ECHO})
    uses_session_numbers = True

    def __init__(self, path, outcomes=(approve,), *, log: list | None = None, gate: asyncio.Event | None = None):
        self.path, self.outcomes, self.log, self.gate = path, list(outcomes), log, gate
        self.requests, self.seen = [], []

    async def execute(self, request, progress=None):
        if self.log is not None:
            self.log.append("DRIVER")
        self.seen.append([a for a in committed_attempts(self.path) if a["reference"] == request.reference])
        self.requests.append(request)
        if progress:
            progress(TerminalState.WAITING_FOR_CARD)
        if self.gate is not None:
            await self.gate.wait()
        outcome = self.outcomes.pop(0)
        return outcome(request) if callable(outcome) else outcome

    async def echo(self):
        return None

    async def close(self):
        pass


def make(db, **kwargs) -> tuple[PaymentService, WitnessDriver]:
    driver = WitnessDriver(db.path, **kwargs)
    return PaymentService(db, driver, tid="64999999", cashier="Ταμίας 1"), driver


def trace_statements(db) -> list[str]:
    """Every SQL statement the till's connections run from now on (fresh pooled connections, traced)."""
    statements: list[str] = []
    for engine in (db.writer, db.reader):
        engine.dispose()
        event.listen(engine, "connect", lambda conn, _record: conn.set_trace_callback(statements.append))
    return statements


def test_three_commits_created_and_sent_before_the_wire_outcome_before_returning(db):
    svc, driver = make(db)
    sale = svc.open_sale(LINES)
    log = trace_statements(db)
    driver.log = log
    result = asyncio.run(svc.charge(sale, sale.total_cents))

    # what the terminal was asked only after the journal said 'sent', with everything that identifies it
    [[seen]] = driver.seen
    request = driver.requests[0]
    assert seen["state"] == "sent"
    assert (seen["reference"], seen["session"], seen["amount_cents"], seen["receipt_id"]) == (
        request.reference, request.session, 638, sale.receipt_id)
    # and the outcome was durable when charge returned
    [after] = committed_attempts(db.path)
    assert (after["id"], after["state"], after["rrn"], after["auth_code"]) == (
        result.attempt_id, "approved", "133030119089", "787032")

    words = [s.split()[0].upper() for s in log]
    driver_at = words.index("DRIVER")
    assert words.count("COMMIT") == 3 and words[:driver_at].count("COMMIT") == 2
    assert words.count("BEGIN") == 3 and all(s == "BEGIN IMMEDIATE" for s in log if s.upper().startswith("BEGIN"))
    assert "ROLLBACK" not in words
    # the first transaction: the due check, the session number, the attempt and its audit entry
    first = log[:log.index("COMMIT") + 1]
    assert [s.split()[0] for s in first] == ["BEGIN", "SELECT", "INSERT", "INSERT", "INSERT", "COMMIT"]
    assert "card_attempt WHERE receipt_id" in first[1] and "counter" in first[2] and "card_attempt" in first[3]
    assert "audit_log" in first[4]


def test_every_state_change_is_committed_on_its_own(db, monkeypatch):
    """created and sent are two commits: between them (while the proof is made) the journal says 'created'."""
    svc, _ = make(db)
    sale = svc.open_sale(LINES)
    during_proof = []

    def prove(receipt, amount_cents, tid, command):
        during_proof.append((command, committed_attempts(db.path)))
        return Proof(timestamp="20261127120000", text="SIGNATURE")

    monkeypatch.setattr(svc.route, "prove", prove)
    asyncio.run(svc.charge(sale, 400))
    [(command, [attempt])] = during_proof
    assert attempt["state"] == "created" and command == f"A/S{attempt['session']:06d}/F400:978:2"
    [final] = committed_attempts(db.path)
    assert (final["signature"], final["signature_timestamp"], final["state"]) == ("SIGNATURE", "20261127120000",
                                                                                  "approved")


def test_refused_charge_leaves_nothing_and_sends_nothing(db):
    svc, driver = make(db, outcomes=[approve])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 300))
    with db.read() as session:
        counter = session.get(Counter, journal.SESSION_COUNTER).value
        audits = len(session.exec(select(AuditEntry)).all())
    with pytest.raises(PaymentError, match="υπερβαίνει το υπόλοιπο \\(3,38 €\\)"):
        asyncio.run(svc.charge(sale, 339))
    assert len(driver.requests) == 1 and len(committed_attempts(db.path)) == 1
    with db.read() as session:
        assert session.get(Counter, journal.SESSION_COUNTER).value == counter  # no session number used
        assert len(session.exec(select(AuditEntry)).all()) == audits


def test_unsettled_attempt_refuses_a_new_charge_before_anything_is_written(db):
    svc, driver = make(db, outcomes=[InDoubt("Χάθηκε η σύνδεση"), approve])
    sale = svc.open_sale(LINES)
    first = asyncio.run(svc.charge(sale, 638))
    with pytest.raises(PaymentError, match="αβεβαιότητα"):
        asyncio.run(svc.charge(sale, 100))
    assert [a["state"] for a in committed_attempts(db.path)] == ["in_doubt"] and len(driver.requests) == 1
    svc.resolve_by_cashier(first.attempt_id, approved=False)
    assert asyncio.run(svc.charge(sale, 638)).outcome.kind == "approved"


def test_concurrent_charges_of_one_sale_send_once(db):
    """Two charges of the same sale at once: the second sees the first under the write lock and is refused."""
    async def both():
        gate = asyncio.Event()
        svc, driver = make(db, outcomes=[approve, approve], gate=gate)
        sale = svc.open_sale(LINES)
        first = asyncio.create_task(svc.charge(sale, 638))
        second = asyncio.create_task(svc.charge(sale, 638))
        while not driver.requests and not second.done():
            await asyncio.sleep(0.001)
        await asyncio.sleep(0.05)
        gate.set()
        return await asyncio.gather(first, second, return_exceptions=True), driver

    results, driver = asyncio.run(both())
    assert len(driver.requests) == 1
    assert sorted(type(r).__name__ for r in results) == ["CardResult", "PaymentError"]
    assert [a["state"] for a in committed_attempts(db.path)] == ["approved"]


def test_the_guard_runs_under_the_write_lock(db):
    """No check-then-act gap: a second writer's check waits until the first attempt is committed, and sees it."""
    svc, _ = make(db)
    receipt_id = svc.open_sale(LINES).receipt_id
    inside, seen, errors = threading.Event(), [], []

    def slow_guard(earlier):
        inside.set()
        time.sleep(0.2)  # the write lock is held: nobody else can check or insert meanwhile

    def first():
        try:
            journal.open_attempt(db, needs_session=True, actor="t", guard=slow_guard, receipt_id=receipt_id,
                                 operation="sale", amount_cents=100, driver="d")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=first)
    thread.start()
    assert inside.wait(5)
    journal.open_attempt(db, needs_session=True, actor="t", guard=seen.extend, receipt_id=receipt_id,
                         operation="sale", amount_cents=200, driver="d")
    thread.join(5)
    assert not errors
    assert seen == [("created", 100)]  # its check ran only once the first attempt was committed
    assert [a["session"] for a in committed_attempts(db.path)] == [1, 2]


def test_the_guard_sees_the_sales_earlier_attempts(db):
    svc, _ = make(db, outcomes=[Declined("05", "x"), approve])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 638))
    asyncio.run(svc.charge(sale, 300))
    seen = []
    journal.open_attempt(db, needs_session=False, actor="t", guard=seen.extend, receipt_id=sale.receipt_id,
                         operation="sale", amount_cents=1, driver="d")
    assert seen == [("declined", 638), ("approved", 300)]


def test_a_proof_that_cannot_be_made_fails_the_attempt_and_sends_nothing(db, monkeypatch):
    svc, driver = make(db)
    sale = svc.open_sale(LINES)

    def broken(*_args):
        raise RuntimeError("η φορολογική συσκευή δεν απαντά")

    monkeypatch.setattr(svc.route, "prove", broken)
    with pytest.raises(RuntimeError, match="δεν απαντά"):
        asyncio.run(svc.charge(sale, 638))
    [attempt] = committed_attempts(db.path)
    assert attempt["state"] == "failed" and "δεν απαντά" in attempt["message"] and not driver.requests
    monkeypatch.undo()
    assert asyncio.run(svc.charge(sale, 638)).outcome.kind == "approved"  # the sale is not blocked


def test_cancelled_while_waiting_for_the_terminal_is_committed_in_doubt(db):
    async def cancel_mid_payment():
        svc, driver = make(db, gate=asyncio.Event())
        sale = svc.open_sale(LINES)
        task = asyncio.create_task(svc.charge(sale, 638))
        while not driver.requests:
            await asyncio.sleep(0.001)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(cancel_mid_payment())
    [attempt] = committed_attempts(db.path)
    assert attempt["state"] == "in_doubt" and "διακόπηκε" in attempt["message"]


def test_terminal_operation_is_journaled_the_same_way(db):
    svc, driver = make(db)
    result = asyncio.run(svc.terminal_operation(Operation.SALE, 250))
    [[seen]] = driver.seen
    assert seen["state"] == "sent" and seen["receipt_id"] is None and seen["session"] == driver.requests[0].session
    [attempt] = committed_attempts(db.path)
    assert (attempt["id"], attempt["state"], attempt["amount_cents"]) == (result.attempt_id, "approved", 250)


def test_audit_entries_are_written_as_storage_audit_writes_them(db):
    svc, _ = make(db)
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    with db.read() as session:
        entries = session.exec(select(AuditEntry).where(AuditEntry.action.like("card.%")).order_by(AuditEntry.id)).all()
    assert [(e.action, e.actor) for e in entries] == [("card.attempt_created", "Ταμίας 1"), ("card.approved", "Ταμίας 1")]
    created, approved = (json.loads(e.details) for e in entries)
    assert created == {"reference": result.reference, "operation": "sale", "amount_cents": 638,
                       "receipt_id": sale.receipt_id}
    assert approved == {"reference": result.reference, "amount_cents": 638, "rrn": "133030119089",
                        "auth_code": "787032", "message": None}
    assert entries[1].details == json.dumps(approved, ensure_ascii=False, sort_keys=True)


def test_session_numbers_continue_and_wrap_after_999999(db):
    svc, driver = make(db, outcomes=[approve, approve])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 100))
    with db.write() as session:
        session.get(Counter, journal.SESSION_COUNTER).value = journal.MAX_SESSION - 1
    asyncio.run(svc.charge(sale, 100))
    assert [r.session for r in driver.requests] == [1, journal.MAX_SESSION]
    assert journal.open_attempt(db, needs_session=True, actor="t", receipt_id=None, operation="sale",
                                amount_cents=1, driver="d").session == 1


def test_public_journal_functions_keep_their_contract(db):
    created = journal.create_attempt(db, needs_session=True, actor="t", receipt_id=None, operation="sale",
                                     amount_cents=100, driver="scripted")
    assert isinstance(created, CardAttempt)
    assert (created.state, created.tip_cents, created.instalments, created.terminal, created.session) == (
        "created", 0, 0, "", 1)
    sent = journal.set_state(db, created.id, "sent")
    assert sent.state == "sent"
    outcome = journal.record_outcome(db, created.id, Declined("05", "Απόρριψη"), actor="t")
    assert isinstance(outcome, CardAttempt)
    assert (outcome.id, outcome.state, outcome.response_code, outcome.message) == (created.id, "declined", "05",
                                                                                   "Απόρριψη")
    with pytest.raises(TypeError):
        journal.create_attempt(db, needs_session=False, actor="t", state="sent", operation="sale",
                               amount_cents=1, driver="d")


def test_final_states_and_unsent_moves_are_refused_without_writing(db):
    attempt = journal.open_attempt(db, needs_session=True, actor="t", receipt_id=None, operation="sale",
                                   amount_cents=100, driver="d")
    journal.mark_sent(db, attempt.id)
    with pytest.raises(RuntimeError, match="must not be sent"):
        journal.mark_sent(db, attempt.id)  # already sent: never a second time
    journal.commit_outcome(db, attempt.id, Approved(tid="64999999", amount_cents=100, final_amount_cents=100),
                           actor="t")
    with db.read() as session:
        audits = len(session.exec(select(AuditEntry)).all())
    with pytest.raises(sqlite3.IntegrityError, match="final state"):
        journal.commit_outcome(db, attempt.id, Declined("05", "x"), actor="t")
    with db.read() as session:
        assert session.get(CardAttempt, attempt.id).state == "approved"
        assert len(session.exec(select(AuditEntry)).all()) == audits


def test_crash_recovery_of_the_lean_path(db):
    unsent = journal.open_attempt(db, needs_session=True, actor="t", receipt_id=None, operation="sale",
                                  amount_cents=100, driver="d")
    sent = journal.open_attempt(db, needs_session=True, actor="t", receipt_id=None, operation="sale",
                                amount_cents=200, driver="d")
    journal.mark_sent(db, sent.id)
    assert [a.id for a in journal.recover_after_crash(db)] == [sent.id]
    assert [(a["id"], a["state"]) for a in committed_attempts(db.path)] == [(unsent.id, "failed"),
                                                                             (sent.id, "in_doubt")]


def test_a_locked_database_is_a_storage_error_and_nothing_is_sent(db_path):
    db = open_database(db_path, busy_timeout_ms=50)
    try:
        svc, driver = make(db)
        sale = svc.open_sale(LINES)
        blocker = sqlite3.connect(db_path, isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StorageError, match="κλειδωμένη"):
                asyncio.run(svc.charge(sale, 638))
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert not driver.requests and committed_attempts(db_path) == []
        assert asyncio.run(svc.charge(sale, 638)).outcome.kind == "approved"
    finally:
        db.close()
