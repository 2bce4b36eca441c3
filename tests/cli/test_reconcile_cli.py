"""`nexipos terminal reconcile` and `nexipos terminal preloads` as support staff and scripts see them, against
the WebECR simulator running on its own loop in a background thread."""

from __future__ import annotations

import asyncio
import json
import threading
from decimal import Decimal

import pytest

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.preload import PreloadService
from nexipos_desktop.payments.setup import build_service, terminal_settings
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.secrets import set_secret
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_records import TxnType
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.settings import all_settings, set_setting
from cli_run import nexipos

LINES = [CartLine(None, "PRE", "Παραγγελία", 200, 1, 1, Decimal(1))]


class ThreadedWebEcr:
    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="webecr-simulator", daemon=True)
        self.thread.start()
        self.sim = WebEcrSimulator(WebEcrHost(TerminalModel(processing_delay_s=0.01)))
        self.run(self.sim.start())

    def run(self, coroutine, timeout=10):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def close(self):
        self.run(self.sim.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def webecr_till(db_path):
    sim = ThreadedWebEcr()
    terminal = sim.sim.host.first_terminal()
    db = open_database(db_path)
    with db.write() as session:
        for key, value in {"terminal.driver": "webecr", "terminal.simulator": False, "terminal.tid": terminal.tid,
                           "webecr.environment": "custom", "webecr.base_url": sim.sim.base_url,
                           "webecr.username": DEMO_USERNAME, "webecr.terminal_id": str(terminal.id),
                           "webecr.auth": "token", "webecr.poll_interval_s": "0.05"}.items():
            set_setting(session, key, value)
        settings = terminal_settings(all_settings(session))
    set_secret("webecr.password", DEMO_PASSWORD)
    yield sim, db, settings
    db.close()
    sim.close()



def test_reconcile_and_preloads_from_the_command_line(webecr_till, db_path, capsys):
    sim, db, settings = webecr_till
    code, out, _ = nexipos(capsys, "config", "set", "terminal.preload_expiry_minutes", "25", "--db", db_path)
    assert code == 0

    async def sell():
        service = build_service(db, settings, cashier="Ταμίας 1")
        try:
            sale = await asyncio.to_thread(service.open_sale, LINES)
            await service.charge(sale, 200)
            await asyncio.to_thread(service.issue, sale)
            preloaded = await asyncio.to_thread(service.open_sale, LINES)
            return await PreloadService(service).send(preloaded)  # expiry from the setting
        finally:
            await service.driver.close()

    sent = asyncio.run(sell())
    code, out, _ = nexipos(capsys, "terminal", "preloads", "--db", db_path, "--json")
    [row] = json.loads(out)
    assert code == 0 and (row["state"], row["amount_cents"], row["reference"]) == ("pending", 200, sent.card.reference)

    [waiting] = sim.sim.host.pending_preloads()
    assert waiting.preload_expiration == 25
    sim.run(sim.sim.host.pay_preload(waiting.id, 180))
    sim.run(sim.sim.host.terminal_transaction(sim.sim.host.first_terminal().id, TxnType.SALE, 1234))
    code, out, _ = nexipos(capsys, "terminal", "preloads", "--db", db_path, "--check")
    assert code == 0 and "Πληρώθηκε" in out and "υπόλοιπο 0,20 €" in out

    today = athens_now().date().isoformat()
    code, out, _ = nexipos(capsys, "terminal", "reconcile", "--db", db_path, "--date", today, "--json")
    report = json.loads(out)
    assert code == 4 and not report["ok"]  # a terminal-only sale is a difference
    assert report["counts"]["matched"] == 2 and report["counts"]["terminal_only"] == 1
    [extra] = [r for r in report["rows"] if r["status"] == "terminal_only"]
    assert extra["terminal"]["amount_cents"] == 1234 and extra["register"] is None
    [preload] = [r for r in report["rows"] if r["register"] and r["register"]["operation"] == "preload"]
    assert preload["register"]["amount_cents"] == preload["terminal"]["amount_cents"] == 180

    code, out, _ = nexipos(capsys, "terminal", "reconcile", "--db", db_path, "--date", today)
    assert code == 4 and "Μόνο στο τερματικό" in out and "ΥΠΑΡΧΟΥΝ ΔΙΑΦΟΡΕΣ" in out
    code, out, _ = nexipos(capsys, "terminal", "reconcile", "--db", db_path, "--date", "2020-01-01")
    assert code == 0 and "Χωρίς διαφορές" in out


def test_bad_date_is_a_clear_error(db_path, capsys):
    code, _, err = nexipos(capsys, "terminal", "reconcile", "--db", db_path, "--date", "27/11/2026")
    assert code == 2 and "ΕΕΕΕ-ΜΜ-ΗΗ" in err


def test_the_socket_terminal_cannot_list_transactions(db_path, capsys):
    db = open_database(db_path)
    with db.write() as session:  # the built-in socket simulator, as in the demo shop
        set_setting(session, "terminal.driver", "ecr_socket")
        set_setting(session, "terminal.simulator", True)
    db.close()
    code, _, err = nexipos(capsys, "terminal", "reconcile", "--db", db_path)
    assert code == 2 and "λίστα συναλλαγών" in err
