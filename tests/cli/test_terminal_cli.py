"""`nexipos config|terminal|payments|sale --card` as support staff and scripts see them, against the socket simulator.

The simulated terminal runs in a background thread (its own asyncio loop) or, once, as the real
``nexipos simulator --socket`` subprocess; every command runs in-process through ``main()``.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import select
import socket
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from nexipos_desktop.cli import main
from nexipos_desktop.simulator.ledger import Ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import DEFAULT_APP_VERSION, DEFAULT_TID, TerminalModel
from nexipos_desktop.storage.seed import DEMO_ADMIN
from cli_run import nexipos

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
TEST_PRIVATE_KEY = SHARED / "vectors" / "mellon-test-private-key.pem"
TEST_PUBLIC_KEY = SHARED / "vectors" / "mellon-test-public-key.pem"
needs_test_key = pytest.mark.skipif(not TEST_PRIVATE_KEY.exists() or not TEST_PUBLIC_KEY.exists(),
                                    reason=f"test signing keys not found in {SHARED / 'vectors'}")
MILK = "5200480147201"  # P0001, 1.89 €, VAT 13%
GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
CARD_KEYS = {"outcome", "tid", "amount_cents", "final_amount_cents", "pan_masked", "rrn", "auth_code",
             "transaction_id", "response_code"}



def query(db_path: Path, sql: str, *params) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(sql, params).fetchall()


def card_attempts(db_path: Path) -> list[tuple]:
    return query(db_path, "SELECT id, operation, amount_cents, session, state, rrn, auth_code, receipt_id "
                          "FROM card_attempt ORDER BY id")


def shown_settings(capsys, db_path: Path) -> dict:
    code, out, _ = nexipos(capsys, "config", "show", "--db", db_path, "--json")
    assert code == 0
    return json.loads(out)



class ThreadedTerminal:
    """The socket simulator on its own asyncio loop in a background thread, on a free loopback port."""

    def __init__(self, ledger_path: Path, **model_options) -> None:
        self.ledger_path = ledger_path
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="terminal-simulator", daemon=True)
        self.thread.start()
        model = TerminalModel(processing_delay_s=0.02, ledger=Ledger(ledger_path), **model_options)
        self.server = SocketTerminalSimulator(model)
        self._call(self.server.start("127.0.0.1", 0))
        self.socket = f"127.0.0.1:{self.server.port}"

    def _call(self, coroutine, timeout: float = 10):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def ledger(self) -> list:
        """What the terminal booked, once every transaction on it has finished."""
        self._call(self.server.wait_idle())
        return self.server.model.ledger.entries

    def close(self) -> None:
        try:
            self._call(self.server.close())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(5)
            self.loop.close()


@pytest.fixture
def signing_terminal(tmp_path):
    """A terminal that declines (04) anything not signed with the Mellon test provider key."""
    sim = ThreadedTerminal(tmp_path / "signing-ledger.jsonl", public_keys=[TEST_PUBLIC_KEY.read_bytes()],
                           require_signature=True)
    yield sim
    sim.close()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# ----- config set / show -----

@pytest.mark.parametrize(("key", "value", "message"), [
    ("terminal.host", "999.1.1.1", "μη έγκυρη διεύθυνση IP ή όνομα: «999.1.1.1»"),
    ("terminal.host", "abc def", "μη έγκυρη διεύθυνση IP ή όνομα: «abc def»"),
    ("terminal.host", "192.168.1.", "μη έγκυρη διεύθυνση IP ή όνομα"),
    ("terminal.port", "0", "μη έγκυρη θύρα «0» (1–65535)"),
    ("terminal.port", "70000", "μη έγκυρη θύρα «70000» (1–65535)"),
    ("terminal.port", "x", "μη έγκυρη θύρα «x»"),
    ("terminal.port", "-1", "μη έγκυρη θύρα"),
    ("terminal.kind", "A999", "άγνωστο είδος τερματικού «A999»"),
    ("terminal.driver", "webecr_magic", "άγνωστος οδηγός «webecr_magic» (ecr_socket"),
    ("fiscal.route", "signed", "fiscal.route: provider, ecr_token ή none"),
    ("terminal.result_timeout_s", "10", "30–600 δευτερόλεπτα"),
    ("terminal.result_timeout_s", "601", "30–600 δευτερόλεπτα"),
    ("terminal.result_timeout_s", "nan", "30–600 δευτερόλεπτα"),
    ("terminal.result_timeout_s", "λίγο", "μη έγκυρος χρόνος «λίγο»"),
])
def test_config_set_refuses_bad_values_in_greek(capsys, db_path, key, value, message):
    before = shown_settings(capsys, db_path)["settings"]
    code, out, err = nexipos(capsys, "config", "set", key, value, "--db", db_path)
    assert code == 2 and out == ""
    [line] = [line for line in err.splitlines() if line.startswith("nexipos: ")]
    assert message in line and GREEK.search(line) and "Traceback" not in err
    assert shown_settings(capsys, db_path)["settings"] == before
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE action = 'settings.changed'") == [(0,)]


def test_config_set_unknown_key_is_a_usage_error(capsys, db_path):
    with pytest.raises(SystemExit) as exited:
        main(["config", "set", "terminal.password", "x", "--db", str(db_path)])
    assert exited.value.code == 2
    assert "invalid choice: 'terminal.password'" in capsys.readouterr().err


def test_config_set_good_values_persist_typed_and_audited(capsys, db_path):
    changes = [("terminal.driver", "ecr_socket", "ecr_socket"), ("terminal.kind", "A910", "A910"),
               ("terminal.name", "Ταμείο 2", "Ταμείο 2"), ("terminal.host", " 192.168.1.50 ", "192.168.1.50"),
               ("terminal.port", "4000", 4000), ("terminal.tid", "64123456", "64123456"),
               ("terminal.result_timeout_s", "200", 200.0), ("terminal.simulator", "ναι", True),
               ("fiscal.route", "ecr_token", "ecr_token"), ("fiscal.ecr_id", "ABC00111222", "ABC00111222")]
    for key, text, _ in changes:
        code, out, err = nexipos(capsys, "config", "set", key, text, "--db", db_path)
        assert code == 0 and "Traceback" not in err
    assert out == "fiscal.ecr_id = ABC00111222\n"
    shown = shown_settings(capsys, db_path)
    for key, _, value in changes:
        assert shown["settings"][key] == value and type(shown["settings"][key]) is type(value), key
    assert shown["secrets"] == {"fiscal.provider_private_key": "", "fiscal.ecr_token_key": "",
                                "fiscal.ecr_master_key": "", "fiscal.ecr_session_key": "", "webecr.password": "",
                                "webecr.refresh_token": "", "webecr.api_key": "",
                                "mydata.user_id": "", "mydata.subscription_key": ""}
    assert "secrets.json" in shown["secret_store"]
    audited = [(actor, json.loads(details)) for actor, details in
               query(db_path, "SELECT actor, details FROM audit_log WHERE action = 'settings.changed' ORDER BY id")]
    assert audited == [(DEMO_ADMIN, {"key": key, "value": value}) for key, _, value in changes]
    # host names and IPv6 are addresses too; a later change wins and is audited again
    for host in ("nexi-a920.local", "fe80::1"):
        assert nexipos(capsys, "config", "set", "terminal.host", host, "--db", db_path)[0] == 0
    assert shown_settings(capsys, db_path)["settings"]["terminal.host"] == "fe80::1"
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE action = 'settings.changed'") == [(len(changes) + 2,)]
    code, out, _ = nexipos(capsys, "config", "show", "--db", db_path)
    assert code == 0 and re.search(r"^terminal\.port\s+4000\s+# θύρα TCP", out, re.M)
    assert re.search(r"^fiscal\.provider_private_key\s+\(κενό\)", out, re.M)


def test_configured_terminal_is_used_without_socket(capsys, db_path, terminal):
    code, _, err = nexipos(capsys, "terminal", "echo", "--db", db_path)
    assert code == 2 and "δεν έχει ρυθμιστεί τερματικό" in err
    host, _, port = terminal.socket.rpartition(":")
    for key, value in (("terminal.driver", "ecr_socket"), ("terminal.host", host), ("terminal.port", port)):
        assert nexipos(capsys, "config", "set", key, value, "--db", db_path)[0] == 0
    code, out, _ = nexipos(capsys, "terminal", "echo", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["tid"] == DEFAULT_TID


@needs_test_key
def test_provider_private_key_goes_to_the_secrets_store_only(capsys, db_path, secrets_file, signing_terminal):
    pem = TEST_PRIVATE_KEY.read_text(encoding="ascii")
    for key, value in (("fiscal.route", "provider"), ("fiscal.provider_id", "999"), ("terminal.tid", DEFAULT_TID)):
        assert nexipos(capsys, "config", "set", key, value, "--db", db_path)[0] == 0
    code, _, err = nexipos(capsys, "sale", "--item", MILK, "--card", "--socket", signing_terminal.socket,
                           "--db", db_path, "--json")
    assert code == 2 and "Λείπει το ιδιωτικό κλειδί" in err  # refused before anything is sent
    assert signing_terminal.ledger() == [] and card_attempts(db_path) == []

    code, out, err = nexipos(capsys, "config", "set", "fiscal.provider_private_key", TEST_PRIVATE_KEY, "--db", db_path)
    assert code == 0 and out.startswith("fiscal.provider_private_key: αποθηκεύτηκε") and str(secrets_file) in out
    stored = json.loads(secrets_file.read_text(encoding="utf-8"))
    assert list(stored) == ["fiscal.provider_private_key"]
    # kept as the same key, re-exported as clean PKCS#8 PEM (no text around it)
    from cryptography.hazmat.primitives import serialization

    def numbers(text):
        return serialization.load_pem_private_key(text.encode(), None).private_numbers().private_value

    assert numbers(stored["fiscal.provider_private_key"]) == numbers(pem)
    assert stored["fiscal.provider_private_key"].startswith("-----BEGIN PRIVATE KEY-----")
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    # the stored key signs: a terminal that verifies against the matching public key approves the sale
    code, out, _ = nexipos(capsys, "sale", "--item", MILK, "--card", "--socket", signing_terminal.socket,
                           "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["card"]["outcome"] == "approved"
    [(signature,)] = query(db_path, "SELECT signature FROM card_attempt")
    assert signature  # the attempt keeps the signature, never the key

    code, text_out, _ = nexipos(capsys, "config", "show", "--db", db_path)
    code_json, json_out, _ = nexipos(capsys, "config", "show", "--db", db_path, "--json")
    assert code == code_json == 0
    assert re.search(r"^fiscal\.provider_private_key\s+\(ορίστηκε\)", text_out, re.M)
    assert json.loads(json_out)["secrets"]["fiscal.provider_private_key"] == "ορίστηκε"

    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    scalar = load_pem_private_key(pem.encode("ascii"), password=None).private_numbers().private_value
    body_lines = [line for line in pem.splitlines() if line and not line.startswith("-----")]
    secrets_bits = [b"PRIVATE KEY", scalar.to_bytes(32, "big"), f"{scalar:064x}".encode(), f"{scalar:064X}".encode(),
                    *(line.encode("ascii") for line in body_lines)]
    for output in (text_out, json_out):
        assert "PRIVATE KEY" not in output and not any(line in output for line in body_lines)
    assert query(db_path, "SELECT key FROM setting WHERE key LIKE '%private%' OR value LIKE '%PRIVATE KEY%'") == []
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE details LIKE '%PRIVATE KEY%'") == [(0,)]
    database_files = [p for p in db_path.parent.iterdir() if p.name.startswith(db_path.name)]
    assert db_path in database_files
    for path in database_files:  # the database file and its WAL: not a byte of the key
        data = path.read_bytes()
        assert not any(bit in data for bit in secrets_bits), path.name

    code, out, _ = nexipos(capsys, "config", "set", "fiscal.provider_private_key", "", "--db", db_path)
    assert code == 0 and "διαγράφηκε" in out
    assert json.loads(secrets_file.read_text(encoding="utf-8")) == {}
    assert shown_settings(capsys, db_path)["secrets"]["fiscal.provider_private_key"] == ""


def _p384_key_pem() -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP384R1())
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


@pytest.mark.parametrize(("content", "message"), [
    ("public", "δεν είναι ιδιωτικό κλειδί ECDSA P-256"),
    (b"shop.name=Mini Market\n", "δεν είναι ιδιωτικό κλειδί ECDSA P-256"),
    ("p384", "δεν είναι ιδιωτικό κλειδί ECDSA P-256"),
    (None, "Δεν διαβάζεται το αρχείο"),
])
def test_a_file_that_is_not_a_p256_private_key_is_refused(capsys, db_path, tmp_path, secrets_file, content, message):
    path = tmp_path / "key.pem"
    if content == "public":
        if not TEST_PUBLIC_KEY.exists():
            pytest.skip(f"{TEST_PUBLIC_KEY} not found")
        path.write_bytes(TEST_PUBLIC_KEY.read_bytes())
    elif content == "p384":
        path.write_bytes(_p384_key_pem())
    elif content is not None:
        path.write_bytes(content)
    code, out, err = nexipos(capsys, "config", "set", "fiscal.provider_private_key", path, "--db", db_path)
    assert code == 2 and out == "" and message in err and "Traceback" not in err
    assert not secrets_file.exists()
    assert shown_settings(capsys, db_path)["secrets"]["fiscal.provider_private_key"] == ""


@needs_test_key
def test_a_valid_key_with_greek_explanatory_text_is_accepted(capsys, db_path, tmp_path):
    path = tmp_path / "provider.pem"
    path.write_bytes("Κλειδί παρόχου (δοκιμαστικό)\n".encode() + TEST_PRIVATE_KEY.read_bytes())
    code, out, _ = nexipos(capsys, "config", "set", "fiscal.provider_private_key", path, "--db", db_path)
    assert code == 0 and "αποθηκεύτηκε" in out


def test_a_superscript_port_is_a_clear_error(capsys, db_path):
    code, _, err = nexipos(capsys, "config", "set", "terminal.port", "²", "--db", db_path)
    assert code == 2 and "μη έγκυρη θύρα" in err


# ----- terminal echo -----

def test_echo_reports_tid_and_version(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "terminal", "echo", "--socket", terminal.socket, "--db", db_path)
    assert code == 0 and out == f"Το τερματικό απαντά: TID {DEFAULT_TID}, έκδοση εφαρμογής {DEFAULT_APP_VERSION}\n"
    code, out, _ = nexipos(capsys, "terminal", "echo", "--socket", terminal.socket, "--db", db_path, "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "tid": DEFAULT_TID, "app_version": DEFAULT_APP_VERSION}
    assert card_attempts(db_path) == [] and terminal.ledger() == []  # an echo moves no money


def test_echo_to_a_closed_port_is_refused(capsys, db_path):
    port = closed_port()
    code, out, err = nexipos(capsys, "terminal", "echo", "--socket", f"127.0.0.1:{port}", "--db", db_path)
    assert code == 7 and out == ""
    assert f"nexipos: Το τερματικό στο 127.0.0.1:{port} αρνήθηκε τη σύνδεση" in err
    code, out, err = nexipos(capsys, "terminal", "echo", "--socket", f"127.0.0.1:{port}", "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 7 and data["ok"] is False and data["code"] == "refused" and "αρνήθηκε" in data["message"]


@pytest.mark.parametrize("target", ["nope", "127.0.0.1", ":4000", "127.0.0.1:", "127.0.0.1:0", "127.0.0.1:70000",
                                    "127.0.0.1:x"])
def test_malformed_socket_is_a_usage_error_before_anything_is_sent(capsys, db_path, target):
    for command in (["terminal", "echo"], ["terminal", "sale", "1.00"], ["sale", "--item", MILK, "--card"]):
        code, out, err = nexipos(capsys, *command, "--socket", target, "--db", db_path)
        assert code == 2 and out == "", command
        assert f"μη έγκυρο --socket «{target}» (HOST:PORT" in err
    assert card_attempts(db_path) == [] and query(db_path, "SELECT count(*) FROM receipt") == [(0,)]


def test_superscript_socket_port_is_a_usage_error(capsys, db_path):
    code, _, err = nexipos(capsys, "terminal", "echo", "--socket", "127.0.0.1:²", "--db", db_path)
    assert code == 2 and "μη έγκυρο --socket" in err


def test_echo_against_the_simulator_command(capsys, db_path, tmp_path):
    """`nexipos simulator --socket --port 0` prints HOST:PORT first; the till talks to it and its ledger books."""
    ledger = tmp_path / "cli-ledger.jsonl"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    process = subprocess.Popen([sys.executable, "-m", "nexipos_desktop", "simulator", "--socket", "--port", "0",
                                "--ledger", str(ledger)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=Path(__file__).resolve().parents[2])
    try:
        ready, _, _ = select.select([process.stdout], [], [], 30)
        first = process.stdout.readline() if ready else ""
        match = re.search(r"(\S+):(\d+)$", first.strip())
        problem = process.stderr.read() if process.poll() is not None else ""
        assert match, f"no HOST:PORT in {first!r}; stderr: {problem}"
        target = f"{match[1]}:{match[2]}"
        code, out, _ = nexipos(capsys, "terminal", "echo", "--socket", target, "--db", db_path, "--json")
        assert code == 0 and json.loads(out) == {"ok": True, "tid": DEFAULT_TID, "app_version": DEFAULT_APP_VERSION}
        code, out, _ = nexipos(capsys, "terminal", "sale", "2,50", "--socket", target, "--db", db_path, "--json")
        charged = json.loads(out)
        assert code == 0 and charged["outcome"] == "approved" and charged["amount_cents"] == 250
        deadline = time.monotonic() + 10
        while not ledger.exists() and time.monotonic() < deadline:  # booked just after the reply went out
            time.sleep(0.02)
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    code, out, _ = nexipos(capsys, "simulator", "ledger", "--ledger", ledger, "--json")
    [entry] = json.loads(out)
    assert code == 0 and (entry["amount_cents"], entry["rrn"], entry["auth_code"], entry["delivered"]) == (
        250, charged["rrn"], charged["auth_code"], True)
    [(session,)] = query(db_path, "SELECT session FROM card_attempt")
    assert entry["reference"] == f"{session:06d}"


# ----- terminal sale / refund / void -----

def test_terminal_sale_approved_json(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "terminal", "sale", "2.00", "--socket", terminal.socket, "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 0 and CARD_KEYS <= data.keys()
    [booked] = terminal.ledger()
    assert data["outcome"] == "approved" and data["response_code"] == "00"
    assert (data["tid"], data["amount_cents"], data["final_amount_cents"]) == (DEFAULT_TID, 200, 200)
    assert (data["rrn"], data["auth_code"], data["pan_masked"]) == (booked.rrn, booked.auth_code, booked.pan_masked)
    assert re.fullmatch(r"\*+\d{4}", data["pan_masked"]) and re.fullmatch(r"\d{12}", data["rrn"])
    assert isinstance(data["transaction_id"], str)
    [(attempt_id, operation, amount, session, state, rrn, auth_code, receipt_id)] = card_attempts(db_path)
    assert (operation, amount, state, rrn, auth_code, receipt_id) == ("sale", 200, "approved", booked.rrn,
                                                                       booked.auth_code, None)
    assert booked.reference == f"{session:06d}" and booked.delivered
    code, out, _ = nexipos(capsys, "terminal", "sale", "1,50", "--socket", terminal.socket, "--db", db_path)
    assert code == 0 and out.startswith("Εγκρίθηκε 1,50 € · TID 64999999 ·") and "RRN " in out


def test_terminal_sale_declined_exits_5(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "terminal", "sale", "9.99", "--socket", terminal.socket, "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 5 and CARD_KEYS <= data.keys()
    assert (data["outcome"], data["response_code"], data["amount_cents"]) == ("declined", "05", 999)
    assert data["rrn"] is None and data["auth_code"] is None and GREEK.search(data["message"])
    assert terminal.ledger() == []
    assert [(a[1], a[2], a[4]) for a in card_attempts(db_path)] == [("sale", 999, "declined")]


@pytest.mark.parametrize(("amount", "message"), [
    ("abc", "Μη έγκυρο ποσό: «abc»"), ("0", "μεγαλύτερο από μηδέν"), ("-1", "δεν μπορεί να είναι αρνητικό"),
    ("1.234", "περισσότερα από δύο δεκαδικά"),
])
def test_terminal_sale_bad_amount_sends_nothing(capsys, db_path, terminal, amount, message):
    code, out, err = nexipos(capsys, "terminal", "sale", amount, "--socket", terminal.socket, "--db", db_path)
    assert code == 2 and out == "" and message in err
    assert card_attempts(db_path) == [] and terminal.ledger() == []


def test_in_doubt_is_listed_and_resolved_from_the_terminal_slip(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "terminal", "sale", "13.13", "--socket", terminal.socket, "--db", db_path, "--json")
    data = json.loads(out)
    assert code == 10 and data["outcome"] == "in_doubt" and data["rrn"] is None
    assert "μην την επαναλάβετε" in data["message"]
    code, out, _ = nexipos(capsys, "payments", "unresolved", "--db", db_path, "--json")
    [unresolved] = json.loads(out)
    assert code == 0 and (unresolved["state"], unresolved["amount_cents"], unresolved["reference"]) == (
        "in_doubt", 1313, data["reference"])
    code, out, _ = nexipos(capsys, "payments", "unresolved", "--db", db_path)
    assert code == 0 and "13,13 €" in out and out.endswith("1 σε αβεβαιότητα\n")
    # the terminal's own record (what the slip shows): charged, reply never delivered
    terminal.ledger()
    code, out, _ = nexipos(capsys, "simulator", "ledger", "--ledger", terminal.ledger_path, "--json")
    [slip] = json.loads(out)
    assert code == 0 and slip["amount_cents"] == 1313 and slip["delivered"] is False
    attempt = str(unresolved["id"])
    for extra, message in ((["--auth-code", "12", "--rrn", slip["rrn"]], "6 γράμματα ή ψηφία"),
                           (["--auth-code", "12-456", "--rrn", slip["rrn"]], "6 γράμματα ή ψηφία"),
                           (["--rrn", slip["rrn"]], "6 γράμματα ή ψηφία"),
                           (["--auth-code", slip["auth_code"], "--rrn", "12345"], "12 ψηφία"),
                           (["--auth-code", slip["auth_code"]], "12 ψηφία")):
        code, out, err = nexipos(capsys, "payments", "resolve", attempt, "--approved", *extra, "--db", db_path)
        assert code == 2 and out == "" and message in err, extra
    assert [a["id"] for a in json.loads(nexipos(capsys, "payments", "unresolved", "--db", db_path, "--json")[1])] == [
        unresolved["id"]]
    code, out, _ = nexipos(capsys, "payments", "resolve", attempt, "--approved", "--auth-code", slip["auth_code"],
                           "--rrn", slip["rrn"], "--db", db_path)
    assert code == 0 and out == f"{data['reference']}: resolved_approved\n"
    assert json.loads(nexipos(capsys, "payments", "unresolved", "--db", db_path, "--json")[1]) == []
    assert query(db_path, "SELECT state, rrn, auth_code, resolution, resolved_by FROM card_attempt") == [
        ("resolved_approved", slip["rrn"], slip["auth_code"].upper(), "cashier", DEMO_ADMIN)]
    [(actor, details)] = query(db_path, "SELECT actor, details FROM audit_log WHERE action = 'card.resolved'")
    assert actor == DEMO_ADMIN
    assert json.loads(details) == {"approved": True, "how": "cashier", "reference": data["reference"]}
    assert len(terminal.ledger()) == 1  # charged once, never re-sent


def test_in_doubt_resolved_as_not_approved(capsys, db_path, terminal):
    assert nexipos(capsys, "terminal", "sale", "13.13", "--socket", terminal.socket, "--db", db_path)[0] == 10
    [(attempt_id, *_)] = card_attempts(db_path)
    code, out, _ = nexipos(capsys, "payments", "resolve", attempt_id, "--not-approved", "--db", db_path)
    assert code == 0 and out.endswith(": resolved_not_approved\n")
    assert json.loads(nexipos(capsys, "payments", "unresolved", "--db", db_path, "--json")[1]) == []


def test_resolving_an_unknown_attempt_is_a_clear_error(capsys, db_path):
    code, _, err = nexipos(capsys, "payments", "resolve", "99", "--approved", "--auth-code", "123456",
                           "--rrn", "123456789012", "--db", db_path)
    assert code == 2 and "99" in err


def test_resolving_a_settled_attempt_is_a_clear_error(capsys, db_path, terminal):
    assert nexipos(capsys, "terminal", "sale", "2.00", "--socket", terminal.socket, "--db", db_path)[0] == 0
    [(attempt_id, *_)] = card_attempts(db_path)
    code, _, err = nexipos(capsys, "payments", "resolve", attempt_id, "--not-approved", "--db", db_path)
    assert code == 2 and GREEK.search(err)
    assert [a[4] for a in card_attempts(db_path)] == ["approved"]


def test_every_terminal_command_is_journaled_with_unique_sessions(capsys, db_path, terminal):
    runs = [("sale", "2.00", 0), ("refund", "1.00", 0), ("void", "1.50", 0), ("sale", "9.99", 5), ("sale", "13.13", 10),
            ("sale", "3.33", 6)]
    for operation, amount, expected in runs:
        code, _, _ = nexipos(capsys, "terminal", operation, amount, "--socket", terminal.socket, "--db", db_path)
        assert code == expected, (operation, amount)
    code, _, _ = nexipos(capsys, "sale", "--item", MILK, "--card", "--socket", terminal.socket, "--db", db_path)
    assert code == 0
    attempts = card_attempts(db_path)
    assert [(a[1], a[2], a[4]) for a in attempts] == [
        ("sale", 200, "approved"), ("refund", 100, "approved"), ("void", 150, "approved"), ("sale", 999, "declined"),
        ("sale", 1313, "in_doubt"), ("sale", 333, "cancelled"), ("sale", 189, "approved")]
    sessions = [a[3] for a in attempts]
    assert None not in sessions and len(set(sessions)) == len(sessions)
    booked = {entry.reference: entry for entry in terminal.ledger()}
    assert sorted(booked) == sorted(f"{a[3]:06d}" for a in attempts if a[4] in ("approved", "in_doubt"))
    for attempt in attempts:
        if attempt[4] == "approved":
            assert (attempt[5], attempt[6]) == (booked[f"{attempt[3]:06d}"].rrn, booked[f"{attempt[3]:06d}"].auth_code)
    assert [e.operation for e in terminal.ledger()] == ["sale", "refund", "void", "sale", "sale"]
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE action = 'card.attempt_created'") == [(len(runs) + 1,)]


# ----- sale --card -----

def test_card_sale_json_has_the_receipt_and_the_card(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "sale", "--item", MILK, "--card", "--socket", terminal.socket, "--db", db_path,
                           "--json")
    doc = json.loads(out)
    [booked] = terminal.ledger()
    assert code == 0 and doc["outcome"] == "approved" and (doc["series"], doc["number"], doc["total_cents"]) == (
        "Α", 1, 189)
    assert CARD_KEYS <= doc["card"].keys()
    assert (doc["card"]["outcome"], doc["card"]["amount_cents"], doc["card"]["rrn"], doc["card"]["auth_code"]) == (
        "approved", 189, booked.rrn, booked.auth_code)
    [payment] = doc["payments"]
    assert (payment["method"], payment["amount_cents"], payment["rrn"], payment["tid"]) == (7, 189, booked.rrn,
                                                                                             DEFAULT_TID)
    listed = json.loads(nexipos(capsys, "receipts", "list", "--db", db_path, "--json")[1])
    assert [(r["number"], r["uid"]) for r in listed] == [(1, doc["uid"])]
    [(attempt_id, _, _, _, state, _, _, receipt_id)] = card_attempts(db_path)
    assert state == "approved" and receipt_id is not None
    code, out, _ = nexipos(capsys, "sale", "--item", MILK, "--card", "--socket", terminal.socket, "--db", db_path)
    assert code == 0 and "ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ" in out and "Κάρτα" in out and "Αρ.: 2" in out


def test_split_card_then_cash(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "sale", "--item", f"{MILK}x2", "--card", "1.00", "--cash", "5",
                           "--socket", terminal.socket, "--db", db_path, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["outcome"] == "approved" and doc["total_cents"] == 378
    assert [(p["method"], p["amount_cents"]) for p in doc["payments"]] == [(7, 100), (3, 278)]
    assert (doc["payments"][1]["tendered_cents"], doc["payments"][1]["change_cents"]) == (500, 222)
    assert doc["card"]["amount_cents"] == 100
    assert [(e.amount_cents, e.operation) for e in terminal.ledger()] == [(100, "sale")]


def test_declined_card_sale_issues_nothing_and_releases_the_number(capsys, db_path, tmp_path, terminal):
    catalogue = tmp_path / "magic.csv"
    catalogue.write_text("code,barcode,name,price,vat_category,unit\nZ999,,Δοκιμαστικό είδος,9.99,1,1\n",
                         encoding="utf-8")
    code, out, _ = nexipos(capsys, "products", "import", catalogue, "--db", db_path)
    assert code == 0 and "1 νέα" in out
    code, out, _ = nexipos(capsys, "sale", "--item", "Z999", "--card", "--socket", terminal.socket, "--db", db_path,
                           "--json")
    data = json.loads(out)
    assert code == 5 and (data["outcome"], data["response_code"], data["amount_cents"]) == ("declined", "05", 999)
    assert "series" not in data and "payments" not in data
    assert json.loads(nexipos(capsys, "receipts", "list", "--db", db_path, "--json")[1]) == []
    assert query(db_path, "SELECT status, uid FROM receipt") == [("released", None)]
    assert terminal.ledger() == []
    assert query(db_path, "SELECT count(*) FROM audit_log WHERE action = 'sale.abandoned'") == [(1,)]
    code, out, _ = nexipos(capsys, "sale", "--item", MILK, "--cash", "5", "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["number"] == 1  # the next sale gets the released number


@pytest.mark.parametrize(("extra", "message"), [
    (["--card", "1.00"], "το υπόλοιπο 0,89 € θέλει --cash"),
    (["--card", "1.00", "--cash", "0.50"], "το υπόλοιπο 0,89 € θέλει --cash"),
    (["--card", "5"], "το ποσό της κάρτας υπερβαίνει το σύνολο"),
])
def test_card_amounts_are_checked_before_anything_is_sent(capsys, db_path, terminal, extra, message):
    code, out, err = nexipos(capsys, "sale", "--item", MILK, *extra, "--socket", terminal.socket, "--db", db_path)
    assert code == 2 and out == "" and message in err
    assert terminal.ledger() == [] and card_attempts(db_path) == []
    assert query(db_path, "SELECT count(*) FROM receipt") == [(0,)]  # not even a number was reserved


# ----- a new database -----

def test_a_fresh_database_gets_the_demo_terminal(capsys, tmp_path, secrets_file):
    fresh = tmp_path / "fresh" / "nexipos.db"
    shown = shown_settings(capsys, fresh)
    settings = shown["settings"]
    assert settings["terminal.simulator"] is True and settings["fiscal.route"] == "provider"
    assert (settings["terminal.driver"], settings["terminal.host"], settings["terminal.tid"]) == (
        "ecr_socket", "127.0.0.1", DEFAULT_TID)
    assert shown["secrets"]["fiscal.provider_private_key"] == "ορίστηκε"
    stored = json.loads(secrets_file.read_text(encoding="utf-8"))["fiscal.provider_private_key"]
    assert "PRIVATE KEY" in stored and stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    [(public,)] = query(fresh, "SELECT value FROM setting WHERE key = 'simulator.public_key'")
    assert "PUBLIC KEY" in public
    assert query(fresh, "SELECT count(*) FROM audit_log WHERE action = 'terminal.demo_configured'") == [(1,)]
    body = [line for line in stored.splitlines() if line and not line.startswith("-----")]
    for path in fresh.parent.iterdir():
        data = path.read_bytes()
        assert b"PRIVATE KEY" not in data and not any(line.encode() in data for line in body), path.name
    # opening it again changes nothing: the key is not regenerated
    assert shown_settings(capsys, fresh) == shown
    assert json.loads(secrets_file.read_text(encoding="utf-8"))["fiscal.provider_private_key"] == stored


def test_a_configured_database_keeps_its_terminal(capsys, db_path, secrets_file):
    assert nexipos(capsys, "config", "set", "terminal.driver", "ecr_socket", "--db", db_path)[0] == 0
    settings = shown_settings(capsys, db_path)["settings"]
    assert settings["terminal.simulator"] == "" and settings["fiscal.route"] == ""
    assert not secrets_file.exists()



def test_successful_commands_write_nothing_to_stderr(capsys, db_path, terminal):
    """Scripts treat stderr output as trouble: a clean run must leave it empty."""
    for args in (["config", "set", "terminal.port", "4000"], ["config", "show", "--json"],
                 ["terminal", "echo", "--socket", terminal.socket, "--json"],
                 ["terminal", "sale", "2.00", "--socket", terminal.socket, "--json"],
                 ["payments", "unresolved", "--json"],
                 ["sale", "--item", MILK, "--card", "--socket", terminal.socket, "--json"]):
        code, out, err = nexipos(capsys, *args, "--db", db_path)
        assert code == 0 and out and err == "", (args, err)
