"""The command line's admin gate: voids, refunds, completions, forced resolutions, settings and myDATA retries need
an admin's PIN, checked and audited as the till's PIN dialog does (same lockout, same action names)."""

from __future__ import annotations

import io
import json
import select
import socket
import sqlite3

import pytest

from nexipos_desktop.admin.roles import Role, save_user
from nexipos_desktop.cli.admin_gate import PIN_ENV
from nexipos_desktop.secrets import get_secret
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_CASHIER, DEMO_PINS
from cli_run import nexipos
from test_terminal_cli import card_attempts, query


@pytest.fixture
def listener():
    """A TCP port that only listens: any connection to it would be something sent toward a terminal."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    yield server
    server.close()


def connected(server: socket.socket) -> bool:
    return bool(select.select([server], [], [], 0.2)[0])


def audit_rows(db_path, *actions: str) -> list[tuple]:
    marks = ",".join("?" * len(actions))
    return [(actor, action, json.loads(details)) for actor, action, details in query(
        db_path, f"SELECT actor, action, details FROM audit_log WHERE action IN ({marks}) ORDER BY id", *actions)]


def setting(db_path, key: str):
    rows = query(db_path, "SELECT value FROM setting WHERE key = ?", key)
    return json.loads(rows[0][0]) if rows else None


@pytest.mark.parametrize(("operation", "extra", "action"), [
    ("void", ["--transaction-id", "T1"], "void"),
    ("refund", [], "card_refund"),
    ("completion", ["--reference", "000001"], "completion"),
])
def test_a_wrong_pin_sends_nothing_to_the_terminal(capsys, db_path, listener, monkeypatch, operation, extra, action):
    monkeypatch.setenv(PIN_ENV, "9999")
    port = listener.getsockname()[1]
    code, out, err = nexipos(capsys, "terminal", operation, "1,50", *extra, "--socket", f"127.0.0.1:{port}",
                             "--db", db_path, "--json")
    assert code == 2 and out == ""
    assert "Λάθος PIN (απομένουν 2 προσπάθειες" in err and "Η ενέργεια δεν έγινε." in err
    assert not connected(listener) and card_attempts(db_path) == []
    assert audit_rows(db_path, "pin.rejected", f"admin.{action}") == [
        (DEMO_ADMIN, "pin.rejected", {"attempted": action, "failures": 1, "locked_s": 0})]


def test_a_wrong_pin_changes_no_setting_and_no_secret(capsys, db_path, monkeypatch):
    before = setting(db_path, "terminal.host")
    monkeypatch.setenv(PIN_ENV, "4321")
    code, out, err = nexipos(capsys, "config", "set", "terminal.host", "192.168.1.77", "--db", db_path)
    assert code == 2 and out == "" and "Λάθος PIN" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    code, out, err = nexipos(capsys, "config", "set", "webecr.password", "-", "--db", db_path)
    assert code == 2 and out == "" and "Λάθος PIN" in err
    assert setting(db_path, "terminal.host") == before and get_secret("webecr.password") is None
    assert audit_rows(db_path, "settings.changed", "secret.changed", "admin.settings") == []
    assert [d["attempted"] for _, _, d in audit_rows(db_path, "pin.rejected")] == ["settings", "settings"]


def test_bad_input_is_refused_before_the_pin_is_asked(capsys, db_path, monkeypatch):
    monkeypatch.delenv(PIN_ENV)
    code, _, err = nexipos(capsys, "config", "set", "terminal.port", "70000", "--db", db_path)
    assert code == 2 and "μη έγκυρη θύρα" in err
    code, _, err = nexipos(capsys, "terminal", "void", "1,5x", "--db", db_path)
    assert code == 2 and "PIN" not in err
    code, _, err = nexipos(capsys, "payments", "resolve", "42", "--not-approved", "--db", db_path)
    assert code == 2 and "Δεν βρέθηκε η πληρωμή 42" in err
    assert audit_rows(db_path, "pin.rejected") == []


def test_the_right_pin_voids_on_the_terminal_audited_under_the_admin(capsys, db_path, terminal):
    code, out, _ = nexipos(capsys, "terminal", "sale", "1,50", "--socket", terminal.socket, "--db", db_path, "--json")
    sale = json.loads(out)
    assert code == 0
    code, out, err = nexipos(capsys, "terminal", "void", "1,50", "--reference", sale["reference"],
                             "--socket", terminal.socket, "--db", db_path, "--json")
    assert code == 0 and json.loads(out)["outcome"] == "approved" and err == ""
    assert [row[1] for row in card_attempts(db_path)] == ["sale", "void"] and len(terminal.ledger()) == 2
    assert audit_rows(db_path, "admin.void") == [
        (DEMO_ADMIN, "admin.void", {"role": "admin", "amount_cents": 150, "reference": sale["reference"],
                                    "via": "cli"})]


def test_force_resolve_needs_the_admin_and_is_resolved_in_their_name(capsys, db_path, terminal, monkeypatch):
    assert nexipos(capsys, "terminal", "sale", "13.13", "--socket", terminal.socket, "--db", db_path)[0] == 10
    [(attempt_id, *_)] = card_attempts(db_path)
    monkeypatch.setenv(PIN_ENV, "0000")  # the cashier's PIN is not the admin's
    code, out, err = nexipos(capsys, "payments", "resolve", attempt_id, "--not-approved", "--db", db_path)
    assert code == 2 and out == "" and "Λάθος PIN" in err
    assert query(db_path, "SELECT state FROM card_attempt") == [("in_doubt",)]
    monkeypatch.delenv(PIN_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO_PINS[DEMO_ADMIN] + "\n"))
    code, out, _ = nexipos(capsys, "payments", "resolve", attempt_id, "--not-approved", "--pin-stdin", "--db", db_path)
    assert code == 0 and out.endswith(": resolved_not_approved\n")
    [(reference, resolved_by)] = query(db_path, "SELECT reference, resolved_by FROM card_attempt")
    assert resolved_by == DEMO_ADMIN
    assert audit_rows(db_path, "admin.force_resolve", "card.resolved") == [
        (DEMO_ADMIN, "admin.force_resolve", {"role": "admin", "reference": reference, "approved": False, "via": "cli"}),
        (DEMO_ADMIN, "card.resolved", {"reference": reference, "how": "cashier", "approved": False})]


def test_repeated_wrong_pins_lock_the_admin_even_for_the_right_pin(capsys, db_path, monkeypatch, listener):
    port = listener.getsockname()[1]
    command = ["terminal", "refund", "2,00", "--socket", f"127.0.0.1:{port}", "--db", db_path]
    monkeypatch.setenv(PIN_ENV, "9999")
    errors = [nexipos(capsys, *command) for _ in range(3)]
    assert [code for code, _, _ in errors] == [2, 2, 2]
    assert "απομένουν 1" in errors[1][2] and "Το PIN κλειδώθηκε για 30 δευτερόλεπτα" in errors[2][2]
    monkeypatch.setenv(PIN_ENV, DEMO_PINS[DEMO_ADMIN])
    code, _, err = nexipos(capsys, *command)
    assert code == 2 and "Πολλά λάθος PIN: δοκιμάστε ξανά σε" in err
    assert not connected(listener) and card_attempts(db_path) == []
    assert [d["failures"] for _, _, d in audit_rows(db_path, "pin.rejected")] == [1, 2, 3]
    assert audit_rows(db_path, "admin.card_refund") == []


def test_without_a_pin_a_script_is_told_how_to_give_it(capsys, db_path, monkeypatch, terminal):
    monkeypatch.delenv(PIN_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = nexipos(capsys, "config", "set", "terminal.host", "192.168.1.77", "--db", db_path)
    assert code == 2 and out == "" and PIN_ENV in err and "--pin-stdin" in err
    # a sale is not gated
    assert nexipos(capsys, "terminal", "sale", "1,00", "--socket", terminal.socket, "--db", db_path)[0] == 0


def test_at_a_terminal_the_pin_is_asked_hidden(capsys, db_path, monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts = []
    monkeypatch.delenv(PIN_ENV)
    monkeypatch.setattr("sys.stdin", Tty(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or DEMO_PINS[DEMO_ADMIN])
    code, out, _ = nexipos(capsys, "config", "set", "terminal.port", "4001", "--db", db_path)
    assert code == 0 and out == "terminal.port = 4001\n" and prompts == [f"PIN διαχειριστή ({DEMO_ADMIN}): "]


def test_pin_then_secret_from_stdin(capsys, db_path, monkeypatch):
    monkeypatch.delenv(PIN_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{DEMO_PINS[DEMO_ADMIN]}\nP@ss w0rd\n"))
    code, out, _ = nexipos(capsys, "config", "set", "webecr.password", "-", "--pin-stdin", "--db", db_path)
    assert code == 0 and get_secret("webecr.password") == "P@ss w0rd"
    assert [(a, action) for a, action, _ in audit_rows(db_path, "admin.settings", "secret.changed")] == [
        (DEMO_ADMIN, "admin.settings"), (DEMO_ADMIN, "secret.changed")]
    assert "P@ss" not in json.dumps(query(db_path, "SELECT details FROM audit_log"), ensure_ascii=False)


def test_with_several_admins_the_approver_is_named(capsys, db_path, monkeypatch):
    db = open_database(db_path)
    with db.write() as session:
        save_user(session, "Μαρία", Role.ADMIN, "5678", actor="test")
    db.close()
    code, _, err = nexipos(capsys, "config", "set", "terminal.port", "4002", "--db", db_path)
    assert code == 2 and "--admin" in err and DEMO_ADMIN in err and "Μαρία" in err
    monkeypatch.setenv(PIN_ENV, "5678")
    code, _, _ = nexipos(capsys, "config", "set", "terminal.port", "4002", "--admin", "Μαρία", "--db", db_path)
    assert code == 0 and setting(db_path, "terminal.port") == 4002
    monkeypatch.setenv(PIN_ENV, DEMO_PINS[DEMO_CASHIER])
    code, _, err = nexipos(capsys, "config", "set", "terminal.port", "4003", "--admin", DEMO_CASHIER, "--db", db_path)
    assert code == 2 and "δεν έχει δικαίωμα" in err and setting(db_path, "terminal.port") == 4002
    assert [a for a, _, _ in audit_rows(db_path, "settings.changed")] == ["Μαρία"]


def test_a_till_without_an_admin_pin_is_not_locked_out_and_says_so_in_the_audit(capsys, db_path, monkeypatch):
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE cashier SET pin_hash = NULL")
    monkeypatch.delenv(PIN_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, _ = nexipos(capsys, "config", "set", "terminal.port", "4005", "--db", db_path)
    assert code == 0 and out == "terminal.port = 4005\n"
    assert audit_rows(db_path, "admin.settings") == [
        ("—", "admin.settings", {"unguarded": "no admin PIN set", "key": "terminal.port", "via": "cli"})]


def test_mydata_retry_needs_the_admin(capsys, db_path, monkeypatch):
    monkeypatch.setenv(PIN_ENV, "9999")
    code, _, err = nexipos(capsys, "mydata", "retry", "1", "--db", db_path)
    assert code == 2 and "Λάθος PIN" in err
    monkeypatch.setenv(PIN_ENV, DEMO_PINS[DEMO_ADMIN])
    code, _, err = nexipos(capsys, "mydata", "retry", "1", "--db", db_path)
    assert code == 2 and "Δεν υπάρχει έγγραφο myDATA με id 1" in err
    assert [(a, action) for a, action, _ in audit_rows(db_path, "pin.rejected", "admin.mydata_retry")] == [
        (DEMO_ADMIN, "pin.rejected"), (DEMO_ADMIN, "admin.mydata_retry")]
