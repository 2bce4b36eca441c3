"""Deferred payments and reconciliation end to end: the WebECR driver against the WebECR simulator over HTTP
(certification scenarios 8–9, 17 and 19)."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from sqlmodel import select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments import preload_store
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.webecr import WebEcrDriver
from nexipos_desktop.payments.fault_declaration import record_fault_declaration
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.reconcile import Status, reconcile_day
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_records import TxnType
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.storage.models import Payment

TWO_EUROS = [CartLine(None, "PRE", "Παραγγελία", 200, 1, 1, Decimal(1))]  # scenario 8–9: deferred 2.00 €


class Till:
    """One till process: a WebECR driver, the payment and preload services, a tracker (time-scaled)."""

    def __init__(self, db, sim, cashier="Ταμίας 1"):
        terminal = sim.host.first_terminal()
        extra = {"webecr.environment": "custom", "webecr.base_url": sim.base_url, "webecr.username": DEMO_USERNAME,
                 "webecr.terminal_id": str(terminal.id), "tid": terminal.tid, "webecr.poll_interval_s": "0.05",
                 "webecr.recovery_s": "2", "webecr.auth": "token"}
        self.driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=10, extra=extra),
                                   secret={"webecr.password": DEMO_PASSWORD}.get, save_secret=lambda *_: None)
        self.payments = PaymentService(db, self.driver, tid=terminal.tid, cashier=cashier)
        self.preloads = PreloadService(self.payments)
        self.completed = []
        self.preloads.on_completed(lambda *ids: self.completed.append(ids))
        self.tracker = PreloadTracker(self.preloads, first_interval_s=0.01, max_interval_s=0.05, grace_s=0)

    async def track_until(self, predicate, timeout=5.0):
        deadline = asyncio.get_running_loop().time() + timeout
        while not predicate():
            assert asyncio.get_running_loop().time() < deadline, "the tracker did not learn the outcome in time"
            await self.tracker.check_due()
            await asyncio.sleep(0.02)

    async def close(self):
        await self.driver.close()


def scenario(db, body):
    async def run():
        sim = WebEcrSimulator(WebEcrHost(TerminalModel(processing_delay_s=0.01)))
        await sim.start()
        try:
            return await body(sim)
        finally:
            await sim.close()

    return asyncio.run(run())


def rows(db):
    return preload_store.preload_rows(db, open_only=False)


def test_preload_paid_later_for_less_then_the_balance_in_cash(db):
    async def body(sim):
        till = Till(db, sim)
        sale = await asyncio.to_thread(till.payments.open_sale, TWO_EUROS)
        result = await till.preloads.send(sale, expiry_minutes=15)
        assert result.card.outcome.kind == "pending" and result.document.payments[0].status == "pending"
        [waiting] = sim.host.pending_preloads()
        assert (waiting.customer_reference, waiting.amount) == (result.card.reference, 200)
        await till.tracker.check_due()
        assert rows(db)[0].state == "pending" and rows(db)[0].last_message == "Αναμονή πληρωμής στο τερματικό"
        await sim.host.pay_preload(waiting.id, 150)  # lowered on the terminal
        await till.track_until(lambda: rows(db)[0].state == "paid")
        await till.preloads.settle_balance_in_cash(rows(db)[0].id, 100)
        await till.close()
        return sale

    sale = scenario(db, body)
    [row] = rows(db)
    assert (row.final_amount_cents, row.balance_cents, row.balance_method) == (150, 50, "cash")
    with db.read() as session:
        payments = session.exec(select(Payment).where(Payment.receipt_id == sale.receipt_id).order_by(Payment.id)).all()
    assert [(p.method, p.amount_cents, p.status) for p in payments] == [(7, 150, "settled"), (3, 50, "settled")]
    assert payments[0].rrn and payments[0].auth_code and len(payments[0].transaction_id) == 21


def test_preload_expires_on_the_terminal_and_is_flagged(db):
    async def body(sim):
        till = Till(db, sim)
        sale = await asyncio.to_thread(till.payments.open_sale, TWO_EUROS)
        await till.preloads.send(sale, expiry_minutes=1)
        [waiting] = sim.host.pending_preloads()
        sim.host.expire_preload(waiting.id)
        await till.track_until(lambda: rows(db)[0].state != "pending")
        await till.close()

    scenario(db, body)
    [row] = rows(db)
    assert (row.state, row.needs_cashier, row.balance_cents) == ("expired", True, 200)
    assert "έληξε" in row.last_message


def test_a_restarted_till_resumes_tracking(db):
    async def body(sim):
        first = Till(db, sim)
        sale = await asyncio.to_thread(first.payments.open_sale, TWO_EUROS)
        await first.preloads.send(sale, expiry_minutes=15)
        await first.close()  # the till closes while the preload waits
        [waiting] = sim.host.pending_preloads()
        await sim.host.pay_preload(waiting.id)
        second = Till(db, sim, cashier="Ταμίας 2")
        await second.track_until(lambda: rows(db)[0].state == "paid")
        await second.close()
        return second.completed

    completed = scenario(db, body)
    assert rows(db)[0].final_amount_cents == 200 and len(completed) == 1


def test_reconciliation_shows_terminal_only_and_register_only_rows(db):
    async def body(sim):
        till = Till(db, sim)
        sale = await asyncio.to_thread(till.payments.open_sale, TWO_EUROS)
        await till.payments.charge(sale, 200)
        await asyncio.to_thread(till.payments.issue, sale)
        preloaded = await asyncio.to_thread(till.payments.open_sale, TWO_EUROS)
        await till.preloads.send(preloaded, expiry_minutes=15)
        [waiting] = sim.host.pending_preloads()
        await sim.host.pay_preload(waiting.id)
        await till.track_until(lambda: rows(db)[0].state == "paid")
        # on the terminal only: a sale keyed in on the terminal's own menu
        await sim.host.terminal_transaction(sim.host.first_terminal().id, TxnType.SALE, 1234)
        # on the register only: a slip typed in by hand that the host never had
        manual = await asyncio.to_thread(till.payments.open_sale, TWO_EUROS)
        await asyncio.to_thread(record_fault_declaration, till.payments, manual, 200,
                                tid=sim.host.first_terminal().tid, rrn="999999999999", auth_code="ZZ9988")
        await asyncio.to_thread(till.payments.issue, manual)
        report = await reconcile_day(db, till.driver, athens_now().date())
        await till.close()
        return report

    report = scenario(db, body)
    counts = {status: n for status, n in report.counts.items() if n}
    assert counts == {Status.MATCHED: 2, Status.TERMINAL_ONLY: 1, Status.REGISTER_ONLY: 1}
    [terminal_only] = [r for r in report.rows if r.status == Status.TERMINAL_ONLY]
    assert terminal_only.terminal.amount_cents == 1234 and not terminal_only.terminal.reference
    [register_only] = [r for r in report.rows if r.status == Status.REGISTER_ONLY]
    assert register_only.register.manual and register_only.register.rrn == "999999999999"
    assert {r.matched_by for r in report.rows if r.status == Status.MATCHED} <= {"transaction_id", "reference"}


@pytest.fixture(autouse=True)
def _quiet_httpx(caplog):
    caplog.set_level("WARNING", logger="httpx")
