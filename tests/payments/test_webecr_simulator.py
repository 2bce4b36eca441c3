"""The WebECR driver end to end against the WebECR simulator (real HTTP on 127.0.0.1, time scale 100):
pairing, the certification scenarios, and the simulator's ledger as the proof that nothing is charged twice."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from nexipos_desktop.fiscal.provider_signature import ProviderSigner
from nexipos_desktop.payments.contract import Approved, BatchFull, Busy, Cancelled, Declined, EchoResult, Failed
from nexipos_desktop.payments.contract import InDoubt, Operation, OriginalTransaction, PaymentRequest, Pending
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.webecr import WebEcrDriver
from nexipos_desktop.payments.fiscal_route import ProviderRoute, ReceiptTotals
from nexipos_desktop.payments.webecr.account import WebEcrAccount
from nexipos_desktop.payments.webecr.pairing import list_terminals, redeem_code, with_api_key
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PRIVATE_KEY, PUBLIC_KEY = SHARED / "vectors" / "mellon-test-private-key.pem", SHARED / "vectors" / "mellon-test-public-key.pem"
UID = "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC"


class Till:
    """A paired driver plus the simulator's control routes."""

    def __init__(self, sim: WebEcrSimulator, driver: WebEcrDriver, account: WebEcrAccount) -> None:
        self.sim, self.driver, self.account = sim, driver, account
        self.count = 0

    async def pay(self, amount: int, operation: Operation = Operation.SALE, **fields: Any):
        self.count += 1
        request = PaymentRequest(operation, f"NXE2E{self.count:04d}", amount, "Α-1", session=self.count, **fields)
        return request.reference, await self.driver.execute(request)

    async def control(self, method: str, path: str, body: dict | None = None) -> Any:
        async with httpx.AsyncClient(base_url=self.sim.url) as client:
            reply = await client.request(method, "/_sim" + path, json=body)
            assert reply.status_code == 200, reply.text
            return reply.json()

    def charges(self) -> list:
        return self.sim.host.ledger_entries()


@asynccontextmanager
async def paired_till(tmp_path: Path | None = None, **model: Any) -> AsyncIterator[Till]:
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(**{"time_scale": 100.0, "processing_delay_s": 0.0, **model}),
                                     require_api_key=True))
    await sim.start("127.0.0.1", 0)
    try:
        account = WebEcrAccount(base_url=sim.base_url, username=DEMO_USERNAME, password=DEMO_PASSWORD)
        async with httpx.AsyncClient(base_url=sim.url) as client:
            code = (await client.get("/_sim/code")).json()["Code"]
        key = await redeem_code(account, code)
        account = with_api_key(account, key)
        [terminal] = await list_terminals(account)
        secrets = {"webecr.password": DEMO_PASSWORD, "webecr.api_key": key}
        extra = {"webecr.environment": "custom", "webecr.base_url": sim.base_url, "webecr.username": DEMO_USERNAME,
                 "webecr.terminal_id": terminal.id, "tid": terminal.tid, "webecr.poll_interval_s": "0.05",
                 "webecr.recovery_s": "2"}
        driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=180, extra=extra),
                              secret=secrets.get, save_secret=lambda k, v: None)
        try:
            yield Till(sim, driver, account)
        finally:
            await driver.close()
    finally:
        await sim.close()


def run(scenario) -> None:
    async def go():
        async with paired_till() as till:
            await scenario(till)
    asyncio.run(go())


def test_pairing_sale_void_and_refunds():
    async def scenario(till: Till) -> None:
        assert isinstance(await till.driver.echo(), EchoResult)
        _, sale1 = await till.pay(100)
        _, sale2 = await till.pay(200)
        assert isinstance(sale1, Approved) and isinstance(sale2, Approved)
        assert sale1.transaction_id and sale1.tid == till.sim.host.first_terminal().tid
        _, void = await till.pay(100, Operation.VOID, original=OriginalTransaction(transaction_id=sale1.transaction_id))
        assert isinstance(void, Approved)
        _, linked = await till.pay(200, Operation.LINKED_REFUND,
                                   original=OriginalTransaction(transaction_id=sale2.transaction_id))
        _, unlinked = await till.pay(137, Operation.REFUND)
        assert isinstance(linked, Approved) and isinstance(unlinked, Approved)
        _, by_reference = await till.pay(200, Operation.SALE)
        _, void2 = await till.pay(200, Operation.VOID, original=OriginalTransaction(reference="NXE2E0006"))
        assert isinstance(by_reference, Approved) and isinstance(void2, Approved)
        rows = await till.driver.transactions(*_today())
        assert {r.reference for r in rows} >= {"NXE2E0001", "NXE2E0002", "NXE2E0005"}
        assert [r.voided for r in rows if r.reference == "NXE2E0001"] == [True]
    run(scenario)


def test_instalments_moto_tip_and_preauth_completion():
    async def scenario(till: Till) -> None:
        _, instalments = await till.pay(300, Operation.INSTALMENTS, instalments=3)
        _, moto = await till.pay(300, Operation.MOTO)
        _, tip = await till.pay(300, Operation.TIP, tip_cents=50)
        assert isinstance(instalments, Approved) and isinstance(moto, Approved)
        assert isinstance(tip, Approved) and tip.final_amount_cents == 350
        preauth = await till.control("POST", f"/terminal/{till.account.terminal_id or 1001}/transaction",
                                     {"TxnType": 2, "Amount": 500})
        _, completion = await till.pay(500, Operation.PREAUTH_COMPLETION,
                                       original=OriginalTransaction(transaction_id=preauth["TransactionId"]))
        assert isinstance(completion, Approved)
    run(scenario)


@pytest.mark.parametrize(("amount", "kind", "text"), [
    (999, Declined, ""), (333, Cancelled, ""), (777, Busy, "απασχολημένο"), (888, BatchFull, "Κλείσιμο Πακέτου"),
])
def test_magic_amounts(amount, kind, text):
    async def scenario(till: Till) -> None:
        _, outcome = await till.pay(amount)
        assert type(outcome) is kind and text in outcome.message
        assert till.charges() == []
    run(scenario)


def test_approval_after_150_seconds_is_waited_for():
    async def scenario(till: Till) -> None:
        _, outcome = await till.pay(2222)
        assert isinstance(outcome, Approved) and len(till.charges()) == 1
    run(scenario)


def test_connection_lost_at_approval_is_recovered_by_query_and_charged_once():
    async def scenario(till: Till) -> None:
        reference, outcome = await till.pay(1313)
        assert isinstance(outcome, Approved) and outcome.amount_cents == 1313
        assert len(till.charges()) == 1 and till.sim.host.txninits[reference] == 1
        assert till.sim.host.queries[reference] >= 1
        assert isinstance(await till.driver.query(reference), Approved)
    run(scenario)


def test_no_report_from_the_terminal_stays_in_doubt_without_a_second_txninit():
    async def scenario(till: Till) -> None:
        reference, outcome = await till.pay(666)
        assert isinstance(outcome, InDoubt) and till.sim.host.txninits[reference] == 1 and till.charges() == []
    run(scenario)


def test_preload_is_pending_then_paid_for_less_on_the_terminal():
    async def scenario(till: Till) -> None:
        reference, outcome = await till.pay(200, Operation.PRELOAD, preload_expiry_minutes=30)
        assert isinstance(outcome, Pending) and outcome.expires_at is not None
        assert isinstance(await till.driver.query(reference), Pending)
        await till.control("POST", f"/preloads/{reference}/pay", {"Amount": 150})
        paid = await till.driver.query(reference)
        assert isinstance(paid, Approved) and paid.amount_cents == 150
    run(scenario)


def test_revoked_key_and_expired_tokens():
    async def scenario(till: Till) -> None:
        await till.control("POST", "/tokens/expire", {"Kind": "access"})
        _, outcome = await till.pay(100)
        assert isinstance(outcome, Approved)  # refreshed, not failed
        await till.control("POST", "/keys/revoke", {})
        _, outcome = await till.pay(100)
        assert isinstance(outcome, Failed) and outcome.code == "pair_again" and till.driver.pairing_problem
        assert len(till.charges()) == 1
    run(scenario)


@pytest.mark.skipif(not PRIVATE_KEY.exists(), reason="Mellon test keys not found")
def test_provider_signed_sale_is_verified_by_the_simulator():
    async def go():
        async with paired_till(public_keys=[PUBLIC_KEY.read_bytes()], require_signature=True) as till:
            route = ProviderRoute(ProviderSigner(PRIVATE_KEY.read_bytes()), "999")
            tid = till.sim.host.first_terminal().tid
            proof = route.prove(ReceiptTotals(UID, "", 177, 23, 200), 200, tid, "").provider
            _, signed = await till.pay(200, provider_proof=proof)
            assert isinstance(signed, Approved)
            _, unsigned = await till.pay(200)
            assert isinstance(unsigned, Failed) and unsigned.code == "rejected" and "ProviderData" in unsigned.message
            assert len(till.charges()) == 1
    asyncio.run(go())


def _today():
    from datetime import timedelta

    from nexipos_desktop.clock import athens_now

    now = athens_now()
    return now - timedelta(days=1), now + timedelta(days=1)


def test_expired_and_reused_pairing_codes_are_refused_clearly():
    from nexipos_desktop.payments.webecr.pairing import PairingError

    async def go():
        sim = WebEcrSimulator(WebEcrHost(TerminalModel(time_scale=100.0), require_api_key=True))
        await sim.start("127.0.0.1", 0)
        try:
            account = WebEcrAccount(base_url=sim.base_url, username=DEMO_USERNAME, password=DEMO_PASSWORD)
            async with httpx.AsyncClient(base_url=sim.url) as client:
                code = (await client.get("/_sim/code")).json()["Code"]
                await client.post("/_sim/clock/advance", json={"Seconds": 16 * 60})
            with pytest.raises(PairingError) as expired:
                await redeem_code(account, code)
            async with httpx.AsyncClient(base_url=sim.url) as client:
                fresh = (await client.get("/_sim/code")).json()["Code"]
            assert await redeem_code(account, fresh)
            with pytest.raises(PairingError) as reused:
                await redeem_code(account, fresh)
            return expired.value, reused.value
        finally:
            await sim.close()

    expired, reused = asyncio.run(go())
    assert expired.code == reused.code == "code_refused" and "έληξε" in expired.message


def test_ecr_bind_and_key_exchange_with_the_simulator():
    from nexipos_desktop.payments.webecr.ecr_binding import bind_and_exchange
    from nexipos_desktop.simulator.webecr_host import DEFAULT_MASTER_KEY

    async def scenario(till: Till) -> None:
        account = WebEcrAccount(**{**till.account.__dict__, "terminal_id": "1001"})
        key = await bind_and_exchange(account, "ABC00111222", DEFAULT_MASTER_KEY)
        terminal = till.sim.host.first_terminal()
        assert (terminal.ecr_id, terminal.session_key) == ("ABC00111222", key)
    run(scenario)
