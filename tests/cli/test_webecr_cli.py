"""`nexipos config set webecr.*`, `nexipos terminal pair` and the terminal/sale commands over WebECR, against a
scripted WebECR server on 127.0.0.1 (real HTTP): the same ``--json`` keys as over the socket."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import httpx
import pytest

from nexipos_desktop.cli.terminal_cmd import outcome_json
from nexipos_desktop.payments.contract import Failed

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "payments"))
from webecr_fake import ServedWebEcr  # noqa: E402
from cli_run import nexipos

MILK = "5200480147201"  # P0001, 1.89 €




@pytest.fixture
def server():
    served = ServedWebEcr()
    yield served
    served.close()


def configure(capsys, monkeypatch, db_path, server, **extra):
    values = {"webecr.environment": "custom", "webecr.base_url": server.base_url, "webecr.username": "erp",
              "webecr.poll_interval_s": "0.2", "webecr.recovery_s": "1", **extra}
    for key, value in values.items():
        assert nexipos(capsys, "config", "set", key, value, "--db", db_path)[0] == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pass\n"))
    code, out, _ = nexipos(capsys, "config", "set", "webecr.password", "-", "--db", db_path)
    assert code == 0 and "s3cret" not in out


@pytest.fixture
def paired(capsys, monkeypatch, db_path, server):
    configure(capsys, monkeypatch, db_path, server)
    code, out, err = nexipos(capsys, "terminal", "pair", "12345678", "--db", db_path, "--json")
    assert code == 0, err
    return json.loads(out)


def query(db_path, sql, *params):
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def test_pair_stores_the_key_as_a_secret_and_the_terminal_as_settings(capsys, db_path, secrets_file, server, paired):
    assert paired == {"ok": True, "tid": "64990001", "terminal_id": "17", "merchant": "Καφέ Αθηνά", "acquirer": "NEXI",
                      "terminals": [{"tid": "64990001", "terminal_id": "17", "merchant": "Καφέ Αθηνά",
                                     "acquirer": "NEXI"}]}
    [redeem] = server.fake.seen("authorization/redeem/")
    assert redeem.body == {"Type": "webecr", "Code": "12345678"}
    code, out, _ = nexipos(capsys, "config", "show", "--db", db_path, "--json")
    shown = json.loads(out)
    assert shown["settings"]["terminal.driver"] == "webecr" and shown["settings"]["webecr.terminal_id"] == "17"
    assert shown["settings"]["terminal.tid"] == "64990001"
    assert shown["secrets"]["webecr.api_key"] == "ορίστηκε" and shown["secrets"]["webecr.password"] == "ορίστηκε"
    assert json.loads(secrets_file.read_text())["webecr.api_key"] == "KEY-ABCDEF-0001"
    stored = json.dumps(query(db_path, "SELECT * FROM setting") + query(db_path, "SELECT * FROM audit_log"),
                        ensure_ascii=False)
    assert "KEY-ABCDEF" not in stored and "s3cret" not in stored and "webecr.paired" in stored


@pytest.mark.parametrize(("code_text", "message", "sent"), [
    ("1234", "8 ψηφία", False), ("87654321", "λάθος ή έληξε", True)])
def test_a_bad_or_refused_code_is_a_clear_error(capsys, monkeypatch, db_path, server, code_text, message, sent):
    configure(capsys, monkeypatch, db_path, server)
    code, out, err = nexipos(capsys, "terminal", "pair", code_text, "--db", db_path)
    assert code == 2 and message in err and "Traceback" not in err
    assert bool(server.fake.seen("authorization/redeem/")) is sent
    assert query(db_path, "SELECT value FROM setting WHERE key = 'terminal.driver'") != [('"webecr"',)]


def test_several_terminals_then_choose_by_tid_without_a_new_code(capsys, monkeypatch, db_path, server):
    server.fake.terminals = [{"id": 17, "TerminalID": "64990001"}, {"id": 18, "TerminalID": "64990002"}]
    configure(capsys, monkeypatch, db_path, server)
    code, out, err = nexipos(capsys, "terminal", "pair", "12345678", "--db", db_path, "--json")
    assert code == 2 and json.loads(out)["code"] == "choose_tid" and "--tid" in err
    code, out, err = nexipos(capsys, "terminal", "pair", "--tid", "64990002", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["terminal_id"] == "18"
    assert len(server.fake.seen("authorization/redeem/")) == 1


def test_wrong_password_and_unreachable_host(capsys, monkeypatch, db_path, server):
    configure(capsys, monkeypatch, db_path, server)
    monkeypatch.setattr(sys, "stdin", io.StringIO("wrong\n"))
    nexipos(capsys, "config", "set", "webecr.password", "-", "--db", db_path)
    code, _, err = nexipos(capsys, "terminal", "pair", "12345678", "--db", db_path)
    assert code == 2 and "webecr.password" in err
    nexipos(capsys, "config", "set", "webecr.base_url", "http://127.0.0.1:9/v1", "--db", db_path)
    code, _, err = nexipos(capsys, "terminal", "pair", "12345678", "--db", db_path)
    assert code == 7 and "Δεν είναι δυνατή η σύνδεση" in err


@pytest.mark.parametrize(("key", "value", "message"), [
    ("webecr.environment", "staging", "sandbox | production | custom"),
    ("webecr.auth", "oauth", "token | api_key | both"),
    ("webecr.base_url", "http://ecr.example.com/v1", "https://"),
    ("webecr.base_url", "ftp://x", "μη έγκυρη διεύθυνση WebECR"),
    ("webecr.path_prefix", "/v2 2", "πρόθεμα"),
    ("webecr.signature_field", "Sig", "Signature | ProviderSignature"),
    ("webecr.mode", "later", "sync | async"),
    ("terminal.tid", "123", "8 γράμματα ή ψηφία"),
    ("webecr.recovery_s", "-1", "0–900"),
])
def test_bad_webecr_settings_are_refused_in_greek(capsys, db_path, key, value, message):
    code, _, err = nexipos(capsys, "config", "set", key, value, "--db", db_path)
    assert code == 2 and message in err


def test_echo_and_sale_have_the_socket_json_keys(capsys, db_path, server, paired):
    code, out, _ = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "tid": "64990001", "app_version": "WebECR NEXI"}
    code, out, _ = nexipos(capsys, "terminal", "sale", "2,00", "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 0 and set(data) == set(outcome_json(Failed("x"), 1))
    assert (data["outcome"], data["amount_cents"], data["tid"], data["auth_code"]) == ("approved", 200, "64990001",
                                                                                     "A1B2C3")
    [sent] = server.fake.seen("terminal/17/txninit/")
    assert sent.body["CustomerReference"] == data["reference"] and sent.body["Amount"] == 200
    assert query(db_path, "SELECT driver, state, transaction_id FROM card_attempt WHERE reference = ?",
                 data["reference"]) == [("webecr", "approved", data["transaction_id"])]


def test_void_and_linked_refund_by_transaction_id(capsys, db_path, server, paired):
    code, out, _ = nexipos(capsys, "terminal", "sale", "1,00", "--db", db_path, "--json")
    txn = json.loads(out)["transaction_id"]
    code, out, _ = nexipos(capsys, "terminal", "void", "1,00", "--transaction-id", txn, "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["outcome"] == "approved"
    [void] = server.fake.seen("terminal/17/txnvoid/")
    assert (void.body["OriginalIdentifier"], void.body["OriginalIdentifierType"]) == (txn, 2)
    code, out, _ = nexipos(capsys, "terminal", "refund", "1,00", "--transaction-id", txn, "--db", db_path, "--json")
    assert code == 0
    refund = server.fake.seen("terminal/17/txninit/")[-1]
    assert (refund.body["TxnType"], refund.body["InitialTransaction"]) == (1, txn)
    assert query(db_path, "SELECT operation FROM card_attempt ORDER BY id") == [("sale",), ("void",),
                                                                                ("linked_refund",)]


def test_card_sale_issues_the_receipt_with_the_transaction_id(capsys, db_path, server, paired):
    code, out, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--db", db_path, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["card"]["outcome"] == "approved" and data["card"]["transaction_id"]
    [sent] = server.fake.seen("terminal/17/txninit/")
    assert sent.body["Amount"] == 189 and sent.body["Timeout"] == 180


def test_revoked_key_is_pair_again_everywhere(capsys, db_path, server, paired):
    server.fake.keys.clear()
    code, out, _ = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 7 and json.loads(out)["code"] == "pair_again"
    code, out, _ = nexipos(capsys, "terminal", "sale", "2,00", "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 7 and data["outcome"] == "failed" and data["response_code"] == "pair_again"
    assert "σύζευξη" in data["message"] and server.fake.intents == []


def test_lost_reply_is_recovered_by_query(capsys, db_path, server, paired):
    def approve_then_drop(body):
        server.fake.approve(body)
        return None

    server.fake.on_txninit = approve_then_drop
    code, out, _ = nexipos(capsys, "terminal", "sale", "13,13", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["outcome"] == "approved"
    assert len(server.fake.seen("terminal/17/txninit/")) == 1 and server.fake.seen("transactionintent/")


def test_no_answer_at_all_stays_in_doubt_and_is_listed(capsys, db_path, server, paired):
    server.fake.on_txninit = lambda body: None
    code, out, _ = nexipos(capsys, "terminal", "sale", "13,13", "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 10 and data["outcome"] == "in_doubt" and len(server.fake.seen("terminal/17/txninit/")) == 1
    code, out, _ = nexipos(capsys, "payments", "unresolved", "--db", db_path, "--json")
    assert [a["reference"] for a in json.loads(out)] == [data["reference"]]


def test_card_sale_in_instalments_and_with_a_tip(capsys, db_path, server, paired):
    code, out, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--instalments", "3", "--db", db_path, "--json")
    assert code == 0, err
    code, out, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--tip", "0,50", "--db", db_path, "--json")
    assert code == 0, err
    instalments, tip = server.fake.seen("terminal/17/txninit/")
    assert (instalments.body["Amount"], instalments.body["Instalments"]) == (189, 3)
    assert (tip.body["Amount"], tip.body["TipAmount"]) == (189, 50)
    assert json.loads(out)["card"]["final_amount_cents"] == 239
    code, _, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--instalments", "1", "--db", db_path)
    assert code == 2 and "2–60" in err


# ----- against the WebECR simulator (its own loop in a background thread) -----

class ThreadedWebEcr:
    def __init__(self) -> None:
        import asyncio
        import threading

        from nexipos_desktop.simulator.terminal_model import TerminalModel
        from nexipos_desktop.simulator.webecr_host import WebEcrHost
        from nexipos_desktop.simulator.webecr_server import WebEcrSimulator

        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        host = WebEcrHost(TerminalModel(time_scale=100.0, processing_delay_s=0.0), require_api_key=True)
        self.sim = WebEcrSimulator(host)
        self._call(self.sim.start("127.0.0.1", 0))

    def _call(self, coroutine):
        import asyncio

        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(10)

    def code(self) -> str:
        return httpx.get(self.sim.url + "/_sim/code").json()["Code"]

    def close(self) -> None:
        self._call(self.sim.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def simulator():
    sim = ThreadedWebEcr()
    yield sim
    sim.close()


def test_pair_sale_void_and_refund_against_the_simulator(capsys, monkeypatch, db_path, simulator):
    from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME

    for key, value in (("webecr.environment", "custom"), ("webecr.base_url", simulator.sim.base_url),
                       ("webecr.username", DEMO_USERNAME), ("webecr.password", DEMO_PASSWORD)):
        assert nexipos(capsys, "config", "set", key, value, "--db", db_path)[0] == 0
    tid = simulator.sim.host.first_terminal().tid
    code, out, err = nexipos(capsys, "terminal", "pair", simulator.code(), "--tid", tid, "--db", db_path, "--json")
    assert code == 0, err
    assert json.loads(out)["terminal_id"] == "1001"
    code, out, _ = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["tid"] == tid
    code, out, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--db", db_path, "--json")
    assert code == 0, err
    card = json.loads(out)["card"]
    assert card["outcome"] == "approved" and card["tid"] == tid and len(card["transaction_id"]) == 21
    code, out, _ = nexipos(capsys, "terminal", "refund", "1,00", "--transaction-id", card["transaction_id"],
                           "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["outcome"] == "approved"
    code, out, _ = nexipos(capsys, "terminal", "void", "1,89", "--reference", card["reference"],
                           "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["outcome"] == "approved"
    code, out, _ = nexipos(capsys, "terminal", "sale", "9,99", "--db", db_path, "--json")
    assert code == 5 and json.loads(out)["outcome"] == "declined"
    assert [e.amount_cents for e in simulator.sim.host.ledger_entries()] == [189, 100, 189]


def test_ecr_bind_binds_the_fiscal_device_and_keeps_the_session_key_secret(capsys, monkeypatch, db_path, server,
                                                                           paired, secrets_file):
    code, _, err = nexipos(capsys, "config", "set", "fiscal.ecr_master_key", "not-hex", "--db", db_path)
    assert code == 2 and "32 δεκαεξαδικά" in err
    code, _, err = nexipos(capsys, "terminal", "ecr-bind", "--db", db_path)
    assert code == 2 and "fiscal.ecr_master_key" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("abcdef01234567899876543210abcdef\n"))
    assert nexipos(capsys, "config", "set", "fiscal.ecr_master_key", "-", "--db", db_path)[0] == 0
    assert nexipos(capsys, "config", "set", "fiscal.ecr_id", "ABC00111222", "--db", db_path)[0] == 0
    code, out, err = nexipos(capsys, "terminal", "ecr-bind", "--db", db_path, "--json")
    assert code == 0, err
    assert json.loads(out) == {"ok": True, "ecr_id": "ABC00111222"}
    stored = json.loads(secrets_file.read_text())
    assert bytes.fromhex(stored["fiscal.ecr_session_key"]) == server.fake.session_key
    assert server.fake.session_key.hex().upper() not in json.dumps(query(db_path, "SELECT * FROM audit_log"))
