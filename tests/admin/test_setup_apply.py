"""Applying a setup: settings, terminal rows, users and keyring entries together, or nothing."""

import pytest
from sqlmodel import select

from nexipos_desktop.admin.roles import Role
from nexipos_desktop.admin.setup_apply import SetupError, SetupPlan, UserDraft, apply_setup
from nexipos_desktop.admin.terminals import TerminalDraft, TerminalError, adopt_configured_terminal, list_terminals
from nexipos_desktop.admin.terminals import remove_terminal, save_terminal, set_default
from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.storage.admin_models import Terminal
from nexipos_desktop.storage.models import AuditEntry, Cashier
from nexipos_desktop.storage.settings import all_settings


def plan(**overrides) -> SetupPlan:
    values = dict(
        settings={"shop.name": "Φούρνος Ο Άγιος", "shop.vat": "090000045"},
        secrets={"mydata.subscription_key": "sub-key-1"},
        terminal=TerminalDraft(name="Ταμείο 1", host="192.168.1.50", port=4000, tid="12345678"),
        users=[UserDraft("Μαρία", Role.ADMIN, "4321")],
    )
    values.update(overrides)
    return SetupPlan(**values)


def test_everything_is_written_and_the_default_terminal_is_mirrored(empty_db):
    terminal_id = apply_setup(empty_db, plan(), actor="Μαρία")
    with empty_db.read() as session:
        values = all_settings(session)
        [row] = list_terminals(session)
        users = session.exec(select(Cashier)).all()
        actions = [e.action for e in session.exec(select(AuditEntry))]
    assert row.id == terminal_id and row.is_default and row.driver == "ecr_socket"
    assert (values["shop.name"], values["terminal.host"], values["terminal.port"], values["terminal.name"]) == (
        "Φούρνος Ο Άγιος", "192.168.1.50", 4000, "Ταμείο 1")
    assert values["shop.configured"] is True
    assert [(u.name, u.role) for u in users] == [("Μαρία", "admin")]
    assert get_secret("mydata.subscription_key") == "sub-key-1"
    assert "sub-key-1" not in str(values) and "setup.completed" in actions and "terminal.added" in actions


def test_a_failing_transaction_restores_the_previous_secrets_and_writes_nothing(empty_db):
    set_secret("mydata.subscription_key", "old")
    clash = plan(users=[UserDraft("Μαρία", Role.ADMIN, "12")])  # a bad PIN fails inside the transaction
    with pytest.raises(SetupError, match="τίποτα δεν άλλαξε"):
        apply_setup(empty_db, clash, actor="x")
    assert get_secret("mydata.subscription_key") == "old"
    with empty_db.read() as session:
        assert "shop.configured" not in all_settings(session) or not all_settings(session)["shop.configured"]
        assert list_terminals(session) == []


def test_repairing_keeps_the_row_and_several_terminals_have_one_default(empty_db):
    apply_setup(empty_db, plan(), actor="a")
    with empty_db.write() as session:
        [first] = list_terminals(session)
        second = save_terminal(session, TerminalDraft(name="Ταμείο 2", host="192.168.1.51", port=4000),
                               make_default=False, actor="a")
        assert not second.is_default
        with pytest.raises(TerminalError, match="Υπάρχει ήδη"):
            save_terminal(session, TerminalDraft(name="Ταμείο 1"), make_default=False, actor="a")
    with empty_db.write() as session:
        set_default(session, second.id, actor="a")
    with empty_db.write() as session:
        repaired = TerminalDraft.of(session.get(Terminal, first.id))
        repaired.host, repaired.tid = "192.168.1.77", "87654321"
        save_terminal(session, repaired, make_default=False, actor="a")
        with pytest.raises(TerminalError):
            remove_terminal(session, second.id, actor="a")
    with empty_db.read() as session:
        rows = {t.name: (t.id, t.host, t.is_default) for t in list_terminals(session)}
        values = all_settings(session)
    assert rows == {"Ταμείο 1": (first.id, "192.168.1.77", False), "Ταμείο 2": (second.id, "192.168.1.51", True)}
    assert values["terminal.name"] == "Ταμείο 2" and values["terminal.host"] == "192.168.1.51"


def test_a_till_configured_before_terminal_rows_is_adopted(db):
    from nexipos_desktop.payments.demo import configure_demo_terminal

    configure_demo_terminal(db)
    with db.write() as session:
        row = adopt_configured_terminal(session)
    assert (row.name, row.simulator, row.is_default, row.protocol) == ("Προσομοιωτής NEXI", True, True, "tcp")
    with db.write() as session:
        assert adopt_configured_terminal(session) is None


def test_the_default_row_follows_a_terminal_changed_on_the_command_line(empty_db):
    from nexipos_desktop.storage.settings import set_setting

    apply_setup(empty_db, plan(), actor="a")
    with empty_db.write() as session:
        [before] = list_terminals(session)
        set_setting(session, "terminal.host", "192.168.1.99")  # as `nexipos config set terminal.host` does
    with empty_db.write() as session:
        row = adopt_configured_terminal(session, actor="cli")
        assert adopt_configured_terminal(session) is None  # in step now
    assert (row.id, row.name, row.host, row.tid) == (before.id, "Ταμείο 1", "192.168.1.99", "12345678")
