"""The terminal commands on a till configured like ``make run-webecr`` (the demo shop, ``terminal.simulator = true``,
``nexipos config set terminal.driver webecr``): every command starts the embedded WebECR simulator, so each one is
also a restart of it on the same ledger. They exit 0 with the same ``--json`` keys as over the socket simulator,
and a sale made before a restart (or over the socket, before the switch) is refunded and reconciled."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nexipos_desktop.cli import main
from nexipos_desktop.payments.demo import configure_demo_terminal
from nexipos_desktop.simulator.ledger import read_ledger
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS

MILK = "5200480147201"  # P0001, 1.89 €
REPORT_KEYS = {"date", "ok", "pending_preloads", "counts", "rows"}


def nexipos(capsys, *args) -> tuple[int, dict, str]:
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return code, json.loads(captured.out) if captured.out.strip() else {}, captured.err


@pytest.fixture
def demo_till(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_path: Path) -> Path:
    """The demo shop's till on the embedded socket simulator, as a first ``make run`` leaves it; the simulator's
    ledger (platformdirs user data) and the secrets in tmp."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("NEXIPOS_NO_KEYRING", "1")
    monkeypatch.setenv("NEXIPOS_SECRETS_FILE", str(tmp_path / "secrets" / "secrets.json"))
    monkeypatch.setenv("NEXIPOS_ADMIN_PIN", DEMO_PINS[DEMO_ADMIN])  # refunds need an admin's approval
    db = open_database(db_path)
    try:
        assert configure_demo_terminal(db)
    finally:
        db.close()
    return tmp_path / "data" / "NexiPOS" / "simulator-ledger.jsonl"


def test_terminal_commands_on_the_embedded_webecr_simulator(capsys, db_path: Path, demo_till: Path) -> None:
    code, socket_echo, err = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 0, err
    code, socket_sale, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--db", db_path, "--json")
    assert code == 0 and socket_sale["card"]["outcome"] == "approved", err

    assert main(["config", "set", "terminal.driver", "webecr", "--db", str(db_path)]) == 0  # make run-webecr
    capsys.readouterr()
    code, echo, err = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 0, err
    assert echo.keys() == socket_echo.keys() and echo["ok"] and echo["tid"] == socket_echo["tid"]
    code, sale, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--db", db_path, "--json")
    assert code == 0, err
    assert sale.keys() == socket_sale.keys() and sale["card"].keys() == socket_sale["card"].keys()
    card = sale["card"]
    assert card["outcome"] == "approved" and len(card["transaction_id"]) == 21 and card["reference"].startswith("NX")

    # a new simulator again: the sale before this restart is still the host's, so a linked refund finds it
    code, refund, err = nexipos(capsys, "terminal", "refund", "1,89", "--transaction-id", card["transaction_id"],
                                "--db", db_path, "--json")
    assert code == 0 and refund["outcome"] == "approved", (refund, err)
    assert refund.keys() == card.keys()
    code, too_much, _ = nexipos(capsys, "terminal", "refund", "0,01", "--transaction-id", card["transaction_id"],
                                "--db", db_path, "--json")
    assert code != 0 and too_much["outcome"] == "failed"  # already refunded in full, as the host remembers

    code, report, err = nexipos(capsys, "terminal", "reconcile", "--db", db_path, "--json")
    assert code == 0, (report, err)
    assert set(report) == REPORT_KEYS and report["ok"]
    assert report["counts"]["matched"] == 3  # the socket sale, the WebECR sale, its refund
    assert report["counts"]["register_only"] == report["counts"]["terminal_only"] == 0
    booked = read_ledger(demo_till)
    assert [e.operation for e in booked] == ["sale", "sale", "refund"]
    assert booked[2].original_transaction_id == card["transaction_id"]
