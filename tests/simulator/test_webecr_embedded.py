"""`make run` with the WebECR simulator as the embedded terminal: the demo till pays over HTTP, signed, and keeps
working across restarts (a fresh simulator trusts the stored pairing; an old refresh token just means a login)."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

import pytest

from nexipos_desktop.payments.demo import configure_demo_terminal
from nexipos_desktop.payments.setup import build_service, terminal_settings
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.secrets import get_secret
from nexipos_desktop.simulator.embedded import start_embedded_simulator
from nexipos_desktop.simulator.ledger import read_ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.settings import all_settings, set_setting

pytestmark = pytest.mark.usefixtures("secrets_file")  # each test its own secrets store

COFFEE = [CartLine(None, "CAF", "Καφές", 250, 1, 1, Decimal(1))]


async def one_card_sale(db, ledger: Path) -> tuple[str, object]:
    """What `make run` does at start (app.start_payments), then one card sale; the simulator's kind and outcome."""
    with db.read() as session:
        settings = all_settings(session)
    terminal = terminal_settings(settings)
    simulator, terminal = await start_embedded_simulator(terminal, settings["simulator.public_key"], ledger,
                                                         time_scale=100.0)
    service = build_service(db, terminal, cashier="Ταμίας")
    try:
        sale = await asyncio.to_thread(service.open_sale, COFFEE)
        result = await service.charge(sale, 250)
        return type(simulator).__name__, result.outcome
    finally:
        await service.driver.close()
        await simulator.close()


def test_demo_till_pays_through_the_embedded_webecr_simulator_across_restarts(db, tmp_path: Path) -> None:
    assert configure_demo_terminal(db, "webecr")
    ledger = tmp_path / "simulator-ledger.jsonl"
    kind, first = asyncio.run(one_card_sale(db, ledger))
    assert kind == WebEcrSimulator.__name__ and first.kind == "approved"
    assert len(first.transaction_id) == 21 and first.tid == "64999999"
    key = get_secret("webecr.api_key")
    kind, second = asyncio.run(one_card_sale(db, ledger))  # a new simulator: new token secret, same pairing key
    assert second.kind == "approved" and get_secret("webecr.api_key") == key
    assert [e.transaction_id for e in read_ledger(ledger)] == [first.transaction_id, second.transaction_id]


def test_switching_the_demo_driver_to_webecr_switches_the_embedded_simulator(db, tmp_path: Path) -> None:
    assert configure_demo_terminal(db)  # socket, as on a first `make run`
    ledger = tmp_path / "simulator-ledger.jsonl"
    kind, outcome = asyncio.run(one_card_sale(db, ledger))
    assert kind == SocketTerminalSimulator.__name__ and outcome.kind == "approved"
    with db.write() as session:
        set_setting(session, "terminal.driver", "webecr")  # nexipos config set terminal.driver webecr
    kind, outcome = asyncio.run(one_card_sale(db, ledger))
    assert kind == WebEcrSimulator.__name__ and outcome.kind == "approved"
    assert len(read_ledger(ledger)) == 2  # one terminal, one ledger, whatever the protocol
