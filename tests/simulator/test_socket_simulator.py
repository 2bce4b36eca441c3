"""The terminal simulator: bytes on the wire, the terminal model, the ledger file and the command line.

Tests are plain functions running ``asyncio.run(...)`` (no pytest-asyncio); the simulator listens on 127.0.0.1
with port 0 and a time scale that keeps everything fast.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nexipos_desktop.cli import main
from nexipos_desktop.fiscal.provider_signature import ProviderSigner, from_hex
from nexipos_desktop.payments.contract import EchoResult, Operation, PaymentRequest, ProviderProof
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.ecr_codec import AmountRequest, EchoRequest, FrameReader, Header, TransactionType
from nexipos_desktop.payments.ecr_codec import ProtocolError, Version, decode, encode
from nexipos_desktop.simulator import terminal_model
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry, read_ledger
from nexipos_desktop.simulator.socket_server import GARBAGE, Fault, SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import MAGIC_AMOUNTS, Charge, ChargeOperation, Refusal
from nexipos_desktop.simulator.terminal_model import TerminalModel

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
T0 = datetime(2021, 11, 22, 12, 36, 52)


def amount(session: int, cents: int = 2500, **fields: Any) -> AmountRequest:
    return AmountRequest(TransactionType.SALE, session, cents, T0, ecr_no="8", operator="121", receipt_no="677",
                         **fields)


@asynccontextmanager
async def simulator(*faults: Fault, **model: Any) -> AsyncIterator[SocketTerminalSimulator]:
    sim = SocketTerminalSimulator(TerminalModel(**{"time_scale": 100.0, "processing_delay_s": 0.0, **model}), faults)
    await sim.start("127.0.0.1", 0)
    try:
        yield sim
    finally:
        await sim.close()


async def exchange(port: int, data: bytes, *, count_reads: list[int] | None = None) -> list[str]:
    """Send raw bytes, read until the terminal closes; the reply frames as text (after the length prefix)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    frames, reads = FrameReader(), 0
    out: list[str] = []
    while chunk := await asyncio.wait_for(reader.read(4096), 5):
        reads += 1
        out += [f[2:].decode("iso-8859-7") for f in frames.feed(chunk)]
    writer.close()
    if count_reads is not None:
        count_reads.append(reads)
    return out


def talk(data: bytes, *faults: Fault, **model: Any) -> list[str]:
    async def go() -> list[str]:
        async with simulator(*faults, **model) as sim:
            return await exchange(sim.port, data)

    return asyncio.run(go())


def raw_frame(text: str) -> bytes:
    return len(text).to_bytes(2, "big") + text.encode("ascii")


# ----- bytes on the wire -----

def test_echo_reply_shows_tid_and_version_tagged_mel() -> None:
    assert talk(encode(EchoRequest("hello there"))) == ["MEL0101X/hello there/T64999999:NEXIPOS-SIM 1.0"]


def test_amount_gets_confirmed_then_result_with_v01_trans_data() -> None:
    confirmed, result = talk(encode(amount(677)))
    assert confirmed == "MEL0101A/S000677/F2500"
    fields = result.split("/")
    assert fields[:3] == ["MEL0101R", "S000677", "C00"]
    trans = fields[3][1:].split(":")
    assert len(trans) == 11 and trans[2:4] == ["2500", "2500"] and trans[5] == "64999999"
    assert trans[1].startswith("************") and re.fullmatch(r"\d{12}", trans[7])


def test_v10_replies_are_tagged_pos_and_echo_r_t_m() -> None:
    request = AmountRequest(TransactionType.SALE, 11, 100, T0, ecr_id="ABC00111222", operator="0", receipt_no="11",
                            vat_slots=None, ecr_token="D93EDE48", header=Header(version=Version.A1155))
    confirmed, result = talk(encode(request))
    assert confirmed == "POS0110A/S000011/F100"
    assert result.startswith("POS0110R/S000011/RABC00111222/T11/M0/C00/D")
    assert len(result.split("/D")[1].split(":")) == 16  # the v10 trans-data layout


@pytest.mark.parametrize(("request_text", "reply"), [
    ("ECR0101Q/nonsense", "MEL0101E/003"),  # unknown message type
    ("ECR0101A/S12/F100:978:2/D20211122123652", "MEL0101E/003"),  # a 2-digit session
    ("ECR0199X/hello", "MEL0101E/001"),  # unknown protocol version
    ("ECR0101A/S000001/F100:840:2/D20211122123652", "MEL0101E/004"),  # dollars
    ("MEL0101E/999", "MEL0101E/003"),  # a reply sent to the terminal
])
def test_bad_requests_get_their_error_code(request_text: str, reply: str) -> None:
    assert talk(raw_frame(request_text)) == [reply]


def test_an_impossible_length_prefix_gets_003() -> None:
    assert talk(b"\x00\x01X") == ["MEL0101E/003"]


def test_repeated_session_gets_002_and_is_not_processed() -> None:
    async def go() -> tuple[list[str], list[str], int]:
        async with simulator() as sim:
            first = await exchange(sim.port, encode(amount(5)))
            second = await exchange(sim.port, encode(amount(5)))
            return first, second, len(sim.model.ledger)

    first, second, charges = asyncio.run(go())
    assert len(first) == 2 and second == ["MEL0101E/002"] and charges == 1


def test_second_connection_during_a_transaction_gets_999() -> None:
    async def go() -> tuple[list[str], list[str], list[str]]:
        async with simulator() as sim:
            running = asyncio.create_task(exchange(sim.port, encode(amount(1, 555))))  # slow PIN, 0.3 s
            while not sim.model.busy:
                await asyncio.sleep(0.005)
            busy_amount = await exchange(sim.port, encode(amount(2)))
            busy_echo = await exchange(sim.port, encode(EchoRequest()))
            return await running, busy_amount, busy_echo

    first, busy_amount, busy_echo = asyncio.run(go())
    assert first[1].startswith("MEL0101R/S000001/C00/")
    assert busy_amount == ["MEL0101E/999"] and busy_echo == ["MEL0101E/999"]


def test_time_scale_divides_the_magic_delay() -> None:
    started = time.monotonic()
    result = talk(encode(amount(1, 2222)), time_scale=500.0)  # 150 s → 0.3 s
    waited = time.monotonic() - started
    assert result[1].startswith("MEL0101R/S000001/C00/") and 0.29 <= waited < 2.0


def test_slow_drip_sends_replies_byte_by_byte() -> None:
    async def go() -> tuple[list[str], int]:
        reads: list[int] = []
        async with simulator(Fault.SLOW_DRIP) as sim:
            return await exchange(sim.port, encode(EchoRequest()), count_reads=reads), reads[0]

    replies, reads = asyncio.run(go())
    assert replies == ["MEL0101X/NEXIPOS/T64999999:NEXIPOS-SIM 1.0"] and reads >= 20


def test_garbage_fault_sends_undecodable_bytes_instead_of_a_reply() -> None:
    async def go() -> bytes:
        async with simulator(Fault.GARBAGE) as sim:
            reader, writer = await asyncio.open_connection("127.0.0.1", sim.port)
            writer.write(encode(EchoRequest()))
            data = await asyncio.wait_for(reader.read(), 5)
            writer.close()
            return data

    data = asyncio.run(go())
    assert data == GARBAGE
    [frame] = FrameReader().feed(data)
    with pytest.raises(ProtocolError):
        decode(frame)


# ----- the model -----

def test_magic_amount_table_has_the_certification_amounts_and_is_documented() -> None:
    assert MAGIC_AMOUNTS[999].response_code == "05"
    assert MAGIC_AMOUNTS[2222].delay_s == 150.0 and MAGIC_AMOUNTS[2222].response_code == "00"
    assert MAGIC_AMOUNTS[1313].drop_after_approval
    assert MAGIC_AMOUNTS[333].response_code == "03" and MAGIC_AMOUNTS[777].busy
    assert MAGIC_AMOUNTS[888].response_code == "66"
    doc = terminal_model.__doc__ or ""
    for cents in MAGIC_AMOUNTS:
        assert f" {cents // 100}.{cents % 100:02d} €" in doc, f"{cents} is not in the module docstring"


def test_model_refuses_busy_and_duplicate_and_frees_after_finish() -> None:
    model = TerminalModel()
    charge = Charge(ChargeOperation.SALE, 100, "000001")
    assert model.accept(charge) is None and model.busy
    assert model.accept(Charge(ChargeOperation.SALE, 100, "000002")) is Refusal.BUSY
    model.finish()
    assert model.accept(charge) is Refusal.DUPLICATE
    assert model.accept(Charge(ChargeOperation.SALE, 777, "000003")) is Refusal.BUSY
    assert "000003" not in model.sessions_seen and not model.busy


def test_batch_capacity_answers_66_once_full() -> None:
    async def go() -> list[str]:
        model = TerminalModel(processing_delay_s=0, batch_capacity=1)
        first = await model.process(Charge(ChargeOperation.SALE, 100, "1"))
        second = await model.process(Charge(ChargeOperation.SALE, 100, "2"))
        model.close_batch()
        third = await model.process(Charge(ChargeOperation.SALE, 100, "3"))
        return [first.response_code, second.response_code, third.response_code]

    assert asyncio.run(go()) == ["00", "66", "00"]


@pytest.fixture
def mellon_vector() -> dict[str, Any]:
    path = SHARED / "vectors" / "provider-signature.json"
    if not path.exists():
        pytest.skip(f"shared test vectors missing: {path}")
    data = json.loads(path.read_text())
    data["public_pem"] = (path.parent / data["public_key_pem"]).read_bytes()
    data["private_pem"] = (path.parent / data["private_key_pem"]).read_bytes()
    return data


def _proof(fields: dict[str, Any], signature: bytes) -> ProviderProof:
    return ProviderProof(uid=fields["uid"], mark=fields["mark"], timestamp=fields["signature_timestamp"],
                         net_cents=fields["net_cents"], vat_cents=fields["vat_cents"],
                         total_cents=fields["total_cents"], provider_id="999", signature_der=signature)


def test_model_verifies_the_published_provider_signature_vector(mellon_vector: dict[str, Any]) -> None:
    vector = mellon_vector["vectors"][0]
    fields = vector["fields"]
    proof = _proof(fields, from_hex(vector["signature_der_hex"]))
    model = TerminalModel(tid=fields["tid"], processing_delay_s=0, public_keys=[mellon_vector["public_pem"]])

    def code(cents: int, tid_model: TerminalModel = model) -> str:
        return asyncio.run(tid_model.process(Charge(ChargeOperation.SALE, cents, "1", proof))).response_code

    assert code(fields["amount_cents"]) == "00"
    assert code(fields["amount_cents"] + 1) == "04"  # the amount is part of the signed text
    other_tid = TerminalModel(processing_delay_s=0, public_keys=[mellon_vector["public_pem"]])
    assert code(fields["amount_cents"], other_tid) == "04"  # so is the terminal's TID


def test_model_signature_policy(mellon_vector: dict[str, Any]) -> None:
    signer = ProviderSigner(mellon_vector["private_pem"])
    fields = mellon_vector["vectors"][0]["fields"] | {"mark": ""}
    signed = signer.sign_payment(fields["uid"], "", fields["net_cents"], fields["vat_cents"], fields["total_cents"],
                                 100, "64999999", timestamp=fields["signature_timestamp"])
    good = _proof(fields, signed.signature)
    bad = _proof(fields, signed.signature[:-1] + bytes([signed.signature[-1] ^ 1]))

    def code(proof: ProviderProof | None, **model: Any) -> str:
        terminal = TerminalModel(processing_delay_s=0, **model)
        return asyncio.run(terminal.process(Charge(ChargeOperation.SALE, 100, "1", proof))).response_code

    keys = [mellon_vector["public_pem"]]
    assert code(good, public_keys=keys) == "00" and code(bad, public_keys=keys) == "04"
    assert code(None, public_keys=keys) == "00"  # unsigned is accepted…
    assert code(None, public_keys=keys, require_signature=True) == "04"  # …unless signatures are required
    assert code(bad) == "00" and code(bad, require_signature=True) == "04"  # no keys: nothing to verify against


# ----- the ledger -----

def test_ledger_appends_json_lines_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "ledger.jsonl"

    async def go(model: TerminalModel) -> None:
        sim = SocketTerminalSimulator(model)
        await sim.start("127.0.0.1", 0)
        driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=sim.port))
        for session, cents in ((1, 100), (2, 1313)):
            await driver.execute(PaymentRequest(Operation.REFUND, "r", cents, session=session))
        await sim.wait_idle()
        await sim.close()

    asyncio.run(go(TerminalModel(time_scale=100, processing_delay_s=0, ledger=Ledger(path))))
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(e["operation"], e["amount_cents"], e["delivered"]) for e in lines] == [("refund", 100, True),
                                                                                  ("refund", 1313, False)]
    assert set(lines[0]) >= {"time", "reference", "operation", "amount_cents", "final_amount_cents", "rrn", "stan",
                             "auth_code", "transaction_id", "tid", "delivered"}
    restarted = TerminalModel(processing_delay_s=0, ledger=Ledger(path))
    outcome = asyncio.run(restarted.process(Charge(ChargeOperation.SALE, 100, "9")))
    assert outcome.approval is not None and outcome.approval.stan == "000003"  # the STAN counter carries on


def test_a_torn_last_line_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    entry = LedgerEntry(1, "2026-01-01T10:00:00+02:00", "000001", "sale", 100, 100, "600010000001", "000001",
                        "123456", "abc", "64999999", "000001", "Visa Credit", "************0010", True)
    Ledger(path).append(entry)
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"seq": 2, "time": "2026-')
    assert read_ledger(path) == [entry]


# ----- the command line -----

def test_cli_simulator_starts_prints_its_port_and_answers_echo(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.jsonl"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "nexipos_desktop", "simulator", "--socket", "--port", "0", "--ledger",
               str(ledger), "--time-scale", "100", "--tid", "12345678"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        assert process.stdout is not None
        first = process.stdout.readline().decode("utf-8")
        match = re.search(r"127\.0\.0\.1:(\d+)\s*$", first)
        assert match, f"no address in {first!r} (stderr: {process.stderr.read().decode() if process.poll() else ''})"
        config = TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=int(match.group(1)))
        result = asyncio.run(EcrSocketDriver(config).echo())
        assert isinstance(result, EchoResult) and result.tid == "12345678"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_cli_ledger_lists_charges(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ledger.jsonl"
    for seq, delivered in ((1, True), (2, False)):
        Ledger(path).append(LedgerEntry(seq, "2026-01-01T10:00:00+02:00", f"{seq:06d}", "sale", 1313, 1313,
                                        "600010000001", "000001", "123456", "abc", "64999999", "000001",
                                        "Visa Credit", "************0010", delivered))
    assert main(["simulator", "ledger", "--ledger", str(path), "--json", "--db", str(tmp_path / "unused.db")]) == 0
    assert [e["delivered"] for e in json.loads(capsys.readouterr().out)] == [True, False]
    assert main(["simulator", "ledger", "--ledger", str(path)]) == 0
    out = capsys.readouterr().out
    assert "13,13" in out and "ΟΧΙ" in out and "1 χωρίς παράδοση" in out
    assert not (tmp_path / "unused.db").exists()


def test_cli_simulator_without_a_protocol_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["simulator"]) == 2
    assert "--socket" in capsys.readouterr().err
