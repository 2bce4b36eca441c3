"""The ECR socket driver against the real simulator on 127.0.0.1 (time-scaled), plus scripted misbehaving peers.

Every test is a plain function running ``asyncio.run(...)`` (no pytest-asyncio).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nexipos_desktop.fiscal.ecr_token import HmacTestTokenSource
from nexipos_desktop.fiscal.provider_signature import ProviderSigner
from nexipos_desktop.payments.contract import Approved, Busy, Cancelled, Declined, EchoResult, EcrTokenProof
from nexipos_desktop.payments.contract import Failed, InDoubt, Operation, PaymentRequest, ProviderProof
from nexipos_desktop.payments.contract import TerminalConfig, TerminalDriver, TerminalState, UnsupportedOperation
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver, build_amount_request, protocol_alnum
from nexipos_desktop.payments.ecr_codec import encode
from nexipos_desktop.payments.registry import create_driver
from nexipos_desktop.simulator.ledger import Ledger
from nexipos_desktop.simulator.socket_server import Fault, SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import DEFAULT_TID, TerminalModel

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SCALE = 100.0  # 150 s of terminal time → 1.5 s
T0 = datetime(2024, 4, 12, 12, 40, 19)
UID = "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC"


def make_driver(port: int, **config: Any) -> EcrSocketDriver:
    settings = {"confirm_timeout_s": 1.0, "result_timeout_s": 5.0, **config}
    return EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=port, **settings),
                           clock=lambda: T0)


def sale(amount_cents: int, session: int = 1, **fields: Any) -> PaymentRequest:
    return PaymentRequest(Operation.SALE, f"att-{session}", amount_cents, "Α-12", session=session, **fields)


@asynccontextmanager
async def terminal(*faults: Fault, ledger: Ledger | None = None, **model: Any
                   ) -> AsyncIterator[tuple[SocketTerminalSimulator, EcrSocketDriver]]:
    sim = SocketTerminalSimulator(TerminalModel(time_scale=SCALE, processing_delay_s=0.0, ledger=ledger, **model),
                                  faults)
    await sim.start("127.0.0.1", 0)
    try:
        yield sim, make_driver(sim.port)
    finally:
        await sim.close()


def run_sale(amount_cents: int, *faults: Fault, **model: Any) -> tuple[Any, SocketTerminalSimulator]:
    async def go() -> tuple[Any, SocketTerminalSimulator]:
        async with terminal(*faults, **model) as (sim, driver):
            outcome = await driver.execute(sale(amount_cents))
            await sim.wait_idle()
            return outcome, sim

    return asyncio.run(go())


@asynccontextmanager
async def scripted_peer(respond: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]
                        ) -> AsyncIterator[int]:
    """A TCP peer that misbehaves as scripted; yields its port."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await respond(reader, writer)
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield server.sockets[0].getsockname()[1]
    finally:
        server.close()


def replies(*frames: bytes, after: float = 0.0) -> Callable[[asyncio.StreamReader, asyncio.StreamWriter],
                                                             Awaitable[None]]:
    async def respond(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(4096)
        for data in frames:
            writer.write(data)
            await writer.drain()
        await asyncio.sleep(after)

    return respond


def frame(text: str) -> bytes:
    return len(text).to_bytes(2, "big") + text.encode("ascii")


def execute_against(respond: Callable[..., Awaitable[None]], request: PaymentRequest | None = None, **config: Any):
    async def go() -> Any:
        async with scripted_peer(respond) as port:
            return await make_driver(port, **config).execute(request or sale(1000, session=42))

    return asyncio.run(go())


def free_port() -> int:
    async def go() -> int:
        server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        server.close()
        await server.wait_closed()
        return port

    return asyncio.run(go())


# ----- registration and requests on the wire -----

def test_registered_as_ecr_socket_with_what_the_protocol_allows() -> None:
    driver = create_driver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=4000))
    assert isinstance(driver, EcrSocketDriver) and isinstance(driver, TerminalDriver)
    assert driver.capabilities == {Operation.ECHO, Operation.SALE, Operation.VOID, Operation.REFUND,
                                   Operation.CASH_ADVANCE, Operation.TIP, Operation.INSTALMENTS}
    assert driver.uses_session_numbers


def test_sale_goes_on_the_wire_as_a_v01_amount_request() -> None:
    wire = encode(build_amount_request(sale(2500, session=677, operator="Μαρία"), ecr_no="8", timestamp=T0))
    assert wire == frame("ECR0101A/S000677/F2500:978:2/D20240412124019/R8/HMARIA/TA12/G0:0:0:0/M0")


@pytest.mark.parametrize(("operation", "letter"), [
    (Operation.SALE, "A"), (Operation.TIP, "A"), (Operation.INSTALMENTS, "A"), (Operation.CASH_ADVANCE, "H"),
    (Operation.REFUND, "Z"), (Operation.VOID, "V"),
])
def test_operations_map_to_type_letters(operation: Operation, letter: str) -> None:
    request = PaymentRequest(operation, "r", 100, session=5)
    assert encode(build_amount_request(request, ecr_no="1", timestamp=T0))[9:10] == letter.encode()


@pytest.mark.parametrize(("text", "expected"), [
    ("Α-12", "A12"), ("ΑΠΥ-000123", "PY000123"), ("Χά/5", "CHA5"), ("b 7", "B7"), ("---", "000042"), ("", "000042"),
])
def test_receipt_number_is_sanitised_to_1_to_8_alphanumerics(text: str, expected: str) -> None:
    assert protocol_alnum(text, "000042") == expected


def test_programming_errors_raise_before_anything_is_sent() -> None:
    driver = make_driver(free_port())
    with pytest.raises(ValueError, match="session"):
        asyncio.run(driver.execute(sale(100, session=None)))  # type: ignore[arg-type]
    with pytest.raises(UnsupportedOperation):
        asyncio.run(driver.execute(PaymentRequest(Operation.PREAUTH, "r", 100, session=1)))


# ----- echo -----

def test_echo_shows_the_tid_and_app_version() -> None:
    async def go() -> Any:
        async with terminal() as (_, driver):
            return await driver.echo()

    result = asyncio.run(go())
    assert result == EchoResult(DEFAULT_TID, "NEXIPOS-SIM 1.0", f"MEL0101X/NEXIPOS/T{DEFAULT_TID}:NEXIPOS-SIM 1.0")


async def _silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.read(4096)
    await asyncio.sleep(2)


async def _http(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    await reader.read(4096)
    writer.write(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
    await writer.drain()


@pytest.mark.parametrize(("peer", "code", "words"), [
    (_silent, "timeout", "δεν απάντησε"), (_http, "wrong_protocol", "πρωτόκολλο ECR"),
])
def test_echo_fails_with_a_specific_code_for_a_wrong_peer(peer: Any, code: str, words: str) -> None:
    async def go() -> Any:
        async with scripted_peer(peer) as port:
            return await make_driver(port, confirm_timeout_s=0.3).echo()

    result = asyncio.run(go())
    assert isinstance(result, Failed) and result.code == code and words in result.message


@pytest.mark.parametrize(("host", "port", "code"), [
    ("127.0.0.1", None, "refused"), ("no-such-terminal.invalid", 4000, "unreachable"), ("", 4000, "unreachable"),
    ("127.0.0.1", 70000, "unreachable"),
])
def test_echo_fails_with_a_specific_code_when_nothing_answers(host: str, port: int | None, code: str) -> None:
    config = TerminalConfig(driver="ecr_socket", host=host, port=port or free_port())
    result = asyncio.run(EcrSocketDriver(config).echo())
    assert isinstance(result, Failed) and result.code == code and result.message


# ----- outcomes from the simulator -----

def test_approved_sale_carries_every_trans_data_field() -> None:
    states: list[TerminalState] = []

    async def go() -> Any:
        async with terminal() as (sim, driver):
            outcome = await driver.execute(sale(1234), states.append)
            await sim.wait_idle()
            return outcome, sim.model.ledger.entries

    outcome, ledger = asyncio.run(go())
    assert isinstance(outcome, Approved)
    [entry] = ledger
    assert entry.delivered and entry.reference == "000001" and entry.operation == "sale"
    assert (outcome.tid, outcome.amount_cents, outcome.final_amount_cents) == (DEFAULT_TID, 1234, 1234)
    assert (outcome.rrn, outcome.stan, outcome.auth_code, outcome.batch) == (entry.rrn, entry.stan, entry.auth_code,
                                                                               entry.batch)
    assert (outcome.card_type, outcome.pan_masked) == (entry.card_type, entry.pan_masked)
    assert outcome.pan_masked.startswith("************") and len(outcome.rrn) == 12
    assert len(outcome.terminal_time) == 14 and outcome.received_at is not None
    assert outcome.raw.startswith("MEL0101R/S000001/C00/D") and outcome.rrn in outcome.raw
    assert states == [TerminalState.CONNECTING, TerminalState.SENT, TerminalState.WAITING_FOR_CARD]


def test_tip_added_on_the_terminal_gives_a_different_final_amount() -> None:
    outcome, _ = run_sale(444)
    assert isinstance(outcome, Approved) and (outcome.amount_cents, outcome.final_amount_cents) == (444, 494)


@pytest.mark.parametrize(("amount", "kind", "code"), [
    (999, Declined, "05"), (404, Declined, "04"), (606, Declined, "06"), (909, Declined, "09"), (888, Declined, "66"),
    (333, Cancelled, None),
])
def test_magic_amounts_give_their_outcome_and_charge_nothing(amount: int, kind: type, code: str | None) -> None:
    outcome, sim = run_sale(amount)
    assert isinstance(outcome, kind)
    if code is not None:
        assert outcome.code == code and outcome.message
    assert len(sim.model.ledger) == 0


def test_9_99_is_declined_by_the_host_with_a_greek_message() -> None:
    outcome, _ = run_sale(999)
    assert outcome == Declined("05", "Η συναλλαγή απορρίφθηκε από την τράπεζα", "MEL0101R/S000001/C05")


def test_22_22_is_approved_after_the_scaled_150_s_and_the_driver_waits_for_it() -> None:
    async def go(result_timeout: float) -> tuple[Any, float]:
        async with terminal() as (sim, _):
            started = time.monotonic()
            outcome = await make_driver(sim.port, result_timeout_s=result_timeout).execute(sale(2222))
            return outcome, time.monotonic() - started

    outcome, waited = asyncio.run(go(3.0))  # 150 s / 100 = 1.5 s < 3 s; an unscaled 150 s would time out
    assert isinstance(outcome, Approved) and outcome.amount_cents == 2222
    assert 150 / SCALE - 0.05 <= waited < 3.0
    outcome, waited = asyncio.run(go(0.5))  # a result timeout shorter than the terminal: in doubt, not failed
    assert isinstance(outcome, InDoubt) and "0.5" in outcome.reason and waited < 1.4


def test_13_13_is_in_doubt_and_the_ledger_shows_the_undelivered_charge(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    outcome, sim = run_sale(1313, ledger=Ledger(path))
    assert isinstance(outcome, InDoubt) and "έκλεισε" in outcome.reason
    [entry] = Ledger(path).entries
    assert (entry.amount_cents, entry.reference, entry.delivered) == (1313, "000001", False)


def test_7_77_busy_terminal_gives_busy() -> None:
    outcome, sim = run_sale(777)
    assert isinstance(outcome, Busy) and outcome.raw == "MEL0101E/999"
    assert "000001" not in sim.model.sessions_seen


def test_a_second_register_during_a_transaction_gets_busy() -> None:
    async def go() -> tuple[Any, Any]:
        async with terminal() as (sim, first):
            running = asyncio.create_task(first.execute(sale(555, session=1)))  # slow PIN: 0.3 s scaled
            while not sim.model.busy:
                await asyncio.sleep(0.005)
            other = await make_driver(sim.port).execute(sale(100, session=2))
            return await running, other

    slow, other = asyncio.run(go())
    assert isinstance(slow, Approved) and isinstance(other, Busy)


def test_a_repeated_session_number_fails_with_002_and_charges_nothing_more() -> None:
    async def go() -> tuple[Any, Any, int]:
        async with terminal() as (sim, driver):
            first = await driver.execute(sale(100, session=7))
            again = await driver.execute(sale(100, session=7))
            await sim.wait_idle()
            return first, again, len(sim.model.ledger)

    first, again, charges = asyncio.run(go())
    assert isinstance(first, Approved)
    assert isinstance(again, Failed) and again.code == "002" and "συνεδρίας" in again.message
    assert charges == 1


@pytest.mark.parametrize("fault", [Fault.WRONG_SESSION, Fault.WRONG_CONFIRMATION])
def test_a_reply_for_another_session_is_in_doubt(fault: Fault) -> None:
    outcome, sim = run_sale(100, fault)
    assert isinstance(outcome, InDoubt) and "000002" in outcome.reason
    assert len(sim.model.ledger) == 1  # the terminal did charge: only the cashier can settle it


def test_garbage_instead_of_a_reply_is_in_doubt() -> None:
    outcome, _ = run_sale(100, Fault.GARBAGE)
    assert isinstance(outcome, InDoubt) and "μη αναγνώσιμη" in outcome.reason


@pytest.mark.parametrize("fault", [Fault.SPLIT_FRAMES, Fault.SLOW_DRIP])
def test_split_and_dripped_replies_are_still_approved(fault: Fault) -> None:
    outcome, sim = run_sale(1234, fault)
    assert isinstance(outcome, Approved) and outcome.rrn == sim.model.ledger.entries[0].rrn
    assert outcome.raw.startswith("MEL0101R/S000001/C00/D")


def test_drop_after_approval_fault_is_in_doubt_for_any_amount() -> None:
    outcome, sim = run_sale(100, Fault.DROP_AFTER_APPROVAL)
    assert isinstance(outcome, InDoubt)
    assert [(e.amount_cents, e.delivered) for e in sim.model.ledger] == [(100, False)]


def test_drop_before_confirmed_is_in_doubt_not_failed() -> None:
    outcome, sim = run_sale(100, Fault.DROP_BEFORE_CONFIRMED)
    assert isinstance(outcome, InDoubt) and "επιβεβαίωση" in outcome.reason
    assert len(sim.model.ledger) == 0


def test_connection_refused_fails_and_nothing_is_charged() -> None:
    states: list[TerminalState] = []

    async def go() -> tuple[Any, int]:
        async with terminal() as (sim, _):
            port, model = sim.port, sim.model
        outcome = await make_driver(port).execute(sale(100), states.append)  # the terminal has stopped listening
        return outcome, len(model.ledger)

    outcome, charges = asyncio.run(go())
    assert isinstance(outcome, Failed) and outcome.code == "refused" and "Δεν έγινε χρέωση" in outcome.message
    assert charges == 0 and states == [TerminalState.CONNECTING]


def test_a_concurrent_execute_gets_busy_at_once_without_sending() -> None:
    async def go() -> tuple[Any, Any, float, set[str]]:
        async with terminal() as (sim, driver):
            running = asyncio.create_task(driver.execute(sale(555, session=1)))
            while not sim.model.busy:
                await asyncio.sleep(0.005)
            started = time.monotonic()
            second = await driver.execute(sale(100, session=2))
            took = time.monotonic() - started
            first = await running
            await sim.wait_idle()
            return first, second, took, set(sim.model.sessions_seen)

    first, second, took, sessions = asyncio.run(go())
    assert isinstance(first, Approved) and isinstance(second, Busy)
    assert took < 0.05 and sessions == {"000001"}


# ----- A.1155 proofs -----

@pytest.fixture
def mellon_private_key() -> bytes:
    path = SHARED / "vectors" / "mellon-test-private-key.pem"
    if not path.exists():
        pytest.skip(f"shared test key missing: {path}")
    return path.read_bytes()


def provider_proof(private_pem: bytes, amount_cents: int, tid: str = DEFAULT_TID) -> ProviderProof:
    signed = ProviderSigner(private_pem).sign_payment(UID, "", 1000, 240, 1240, amount_cents, tid,
                                                      timestamp="20240510164340")
    return ProviderProof(uid=UID, mark="", timestamp=signed.signature_timestamp, net_cents=1000, vat_cents=240,
                         total_cents=1240, provider_id="999", signature_der=signed.signature)


def test_provider_signature_is_verified_by_the_simulator(mellon_private_key: bytes) -> None:
    public = ProviderSigner(mellon_private_key).public_key_pem

    async def go() -> tuple[Any, Any, Any]:
        async with terminal(public_keys=[public], require_signature=True) as (sim, driver):
            good = await driver.execute(sale(1240, session=1, provider_proof=provider_proof(mellon_private_key, 1240)))
            bad = await driver.execute(sale(1240, session=2, provider_proof=provider_proof(mellon_private_key, 999)))
            unsigned = await driver.execute(sale(1240, session=3))
            return good, bad, unsigned

    good, bad, unsigned = asyncio.run(go())
    assert isinstance(good, Approved) and good.raw.startswith("POS0110R/S000001/R1/TA12/M0/C00/D")
    assert isinstance(bad, Declined) and bad.code == "04"
    assert isinstance(unsigned, Declined) and unsigned.code == "04"


def test_provider_signature_travels_in_the_provisional_u_and_k_fields(mellon_private_key: bytes) -> None:
    proof = provider_proof(mellon_private_key, 1240)
    text = encode(build_amount_request(sale(1240, provider_proof=proof), ecr_no="7", timestamp=T0))[2:].decode()
    assert text.startswith("ECR0110A/S000001/F1240:978:2/R7/D20240412124019/M0/H1/TA12/")
    assert text.endswith(f"/U{UID}::20240510164340:1000:240:1240:999/K{proof.signature_der.hex().upper()}")


def test_ecr_token_request_is_sent_as_version_10_and_accepted() -> None:
    source = HmacTestTokenSource("ABC00111222")

    def with_token(request: PaymentRequest) -> PaymentRequest:
        probe = replace(request, ecr_token=EcrTokenProof(source.ecr_id, "00000000"))
        command = encode(build_amount_request(probe, ecr_no="1", timestamp=T0))[2:].decode().replace("/Q00000000", "")
        return replace(request, ecr_token=EcrTokenProof(source.ecr_id, source.token_for(command).token))

    async def go() -> tuple[Any, Any]:
        async with terminal(token_verifier=source.verify, require_signature=True) as (_, driver):
            good = await driver.execute(with_token(sale(100, session=11)))
            forged = replace(sale(100, session=12), ecr_token=EcrTokenProof(source.ecr_id, "DEADBEEF"))
            return good, await driver.execute(forged)

    good, forged = asyncio.run(go())
    assert isinstance(good, Approved) and good.raw.startswith("POS0110R/S000011/RABC00111222/TA12/M0/C00/D")
    assert isinstance(forged, Declined) and forged.code == "04"


# ----- misbehaving peers (scripted) -----

@pytest.mark.parametrize("code", ["001", "003", "004", "100"])
def test_error_replies_fail_with_their_code_and_greek_message(code: str) -> None:
    outcome = execute_against(replies(frame(f"MEL0101E/{code}")))
    assert isinstance(outcome, Failed) and outcome.code == code and outcome.raw == f"MEL0101E/{code}"
    assert outcome.message and not outcome.message.startswith("Άγνωστο")


@pytest.mark.parametrize(("script", "words"), [
    (replies(frame("MEL0101A/S000042/F999")), "άλλη συναλλαγή"),  # confirmed another amount
    (replies(frame("MEL0101A/S000042/F1000"), frame("MEL0101R/S000042/C77")), "Άγνωστος κωδικός"),
    (replies(frame("MEL0101A/S000042/F1000"), frame("MEL0101E/100")), "Απρόσμενη απάντηση"),
    (replies(frame("MEL0101A/S000042/F1000"), b"\xff\xff" + b"x" * 64), "μη αναγνώσιμη"),  # frame too long
    (replies(frame("MEL0101A/S000042/F1000"), frame("MEL0101R/S000042/C00/DVisa")[:12]), "έκλεισε"),
    (replies(frame("MEL0101A/S000042/F1000"), after=1.0), "δεν απάντησε"),
    (_silent, "επιβεβαίωση"),
])
def test_any_loss_after_sending_is_in_doubt(script: Any, words: str) -> None:
    outcome = execute_against(script, confirm_timeout_s=0.3, result_timeout_s=0.3)
    assert isinstance(outcome, InDoubt) and words in outcome.reason and "μην την επαναλάβετε" in outcome.reason


def test_a_reset_after_sending_is_in_doubt() -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(4096)
        writer.transport.abort()  # RST instead of FIN

    outcome = execute_against(reset)
    assert isinstance(outcome, InDoubt)


def test_a_failing_progress_callback_does_not_disturb_the_payment() -> None:
    def explode(state: TerminalState) -> None:
        raise RuntimeError("UI bug")

    async def go() -> Any:
        async with terminal() as (_, driver):
            return await driver.execute(sale(100), explode)

    assert isinstance(asyncio.run(go()), Approved)
