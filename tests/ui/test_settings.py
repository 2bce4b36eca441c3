"""The settings screen: change the business details, re-pair the terminal keeping its history, several terminals
with one default, users; and the till's «Διαχείριση» menu behind the admin PIN."""

from __future__ import annotations

import socket

import pytest
from sqlmodel import select

from nexipos_desktop.admin.terminals import TerminalDraft, save_terminal
from nexipos_desktop.clock import athens_now
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.storage.admin_models import Terminal
from nexipos_desktop.storage.models import AuditEntry, CardAttempt, Cashier
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS
from nexipos_desktop.storage.settings import all_settings
from nexipos_desktop.ui.pin_dialog import AdminGate
from nexipos_desktop.ui.settings_dialog import SettingsDialog
from nexipos_desktop.ui.wizard.wizard import read_setup_state

from pin_helpers import enter_pin, until


@pytest.fixture
def simulator(loop):
    sim = SocketTerminalSimulator(TerminalModel(tid="64555555", processing_delay_s=0.01))
    loop.run_until_complete(sim.start("127.0.0.1", 0))
    yield sim
    loop.run_until_complete(sim.close())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def shop(db):
    """The demo shop with a LAN terminal «Ταμείο 1» that already took a card payment; its saved address no longer
    answers (nothing listens there: as when a DHCP terminal got another IP)."""
    with db.write() as session:
        save_terminal(session, TerminalDraft(name="Ταμείο 1", host="127.0.0.1", port=free_port(), tid="64000001"),
                      make_default=True, actor="test")
        now = athens_now().isoformat()
        session.add(CardAttempt(reference="R-1", operation="sale", amount_cents=250, driver="ecr_socket",
                                terminal="Ταμείο 1", state="approved", tid="64000001", created_at=now, updated_at=now))
    return db


@pytest.fixture
def settings_dialog(qtbot, shop, wait_until, tmp_path):
    state, _existing = read_setup_state(shop, receipts_dir=tmp_path)
    dialog = SettingsDialog(shop, state, actor=DEMO_ADMIN)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_until(lambda: dialog.terminals.table.rowCount() == 1 and dialog.users.table.rowCount() == 2)
    return dialog


def test_business_details_change_after_validation(settings_dialog, run, shop):
    dialog = settings_dialog
    dialog.business.name.setText("Μίνι Μάρκετ Η Νέα Γωνιά")
    dialog.business.vat.setText("123456789")
    assert not run(dialog.save())
    assert dialog.tabs.currentWidget() is dialog.business and "ΑΦΜ" in dialog.business.problem.text()
    dialog.business.vat.setText("094014201")
    assert run(dialog.save())
    with shop.read() as session:
        values = all_settings(session)
        [entry] = session.exec(select(AuditEntry).where(AuditEntry.action == "settings.changed")).all()
    assert values["shop.name"] == "Μίνι Μάρκετ Η Νέα Γωνιά" and entry.actor == DEMO_ADMIN


def test_repairing_keeps_the_terminal_and_its_history(settings_dialog, run, shop, simulator, wait_until):
    tab = settings_dialog.terminals
    tab.table.selectRow(0)
    tab.edit(tab.selected())
    terminal_dialog = tab.dialog
    page = terminal_dialog.page
    assert page.name.isReadOnly() and page.name.text() == "Ταμείο 1"
    wait_until(lambda: "δεν απαντά πια" in page.tcp.warning.text())  # the saved address is silent
    page.tcp.host.setText("127.0.0.1")
    page.tcp.port.setText(str(simulator.port))
    assert run(page.tcp.run_test())
    terminal_dialog.accept()
    wait_until(lambda: tab.dialog is None and "αποθηκεύτηκε" in tab.status.text())
    with shop.read() as session:
        rows = session.exec(select(Terminal)).all()
        [attempt] = session.exec(select(CardAttempt)).all()
        values = all_settings(session)
        actions = [e.action for e in session.exec(select(AuditEntry))]
    assert [(r.name, r.host, r.port, r.tid, r.is_default) for r in rows] == [
        ("Ταμείο 1", "127.0.0.1", simulator.port, "64555555", True)]
    assert (attempt.terminal, attempt.tid) == ("Ταμείο 1", "64000001")  # history untouched
    assert (values["terminal.host"], values["terminal.tid"]) == ("127.0.0.1", "64555555")
    assert "terminal.repaired" in actions


def test_a_second_terminal_and_the_default_switch(settings_dialog, run, shop, simulator, wait_until):
    tab = settings_dialog.terminals
    tab.edit(None)
    page = tab.dialog.page
    page.name.setText("Ταμείο 2")
    page.tcp.host.setText("127.0.0.1")
    page.tcp.port.setText(str(simulator.port))
    assert run(page.tcp.run_test())
    tab.dialog.make_default.setChecked(False)
    tab.dialog.accept()
    wait_until(lambda: tab.table.rowCount() == 2)
    assert [tab.table.item(r, 5).text() for r in range(2)] == ["✓", ""]
    tab.table.selectRow(1)
    run(tab.apply_change(__import__("nexipos_desktop.admin.terminals", fromlist=["x"]).set_default, tab.rows[1].id))
    assert [tab.table.item(r, 5).text() for r in range(2)] == ["", "✓"]
    with shop.read() as session:
        assert all_settings(session)["terminal.name"] == "Ταμείο 2"


def test_users_tab_changes_a_pin(settings_dialog, run, shop, wait_until):
    users = settings_dialog.users
    settings_dialog.tabs.setCurrentWidget(users)  # as the admin does: open the tab, pick the row
    users.table.selectRow(1)
    wait_until(lambda: users.name.text() == DEMO_ADMIN)
    users.pin.setText("12")
    assert not run(users.save()) and "4 έως 8" in users.problem.text()
    users.pin.setText("86420")
    assert run(users.save())
    from nexipos_desktop.admin.pins import verify_pin

    with shop.read() as session:
        admin = session.exec(select(Cashier).where(Cashier.name == DEMO_ADMIN)).one()
    assert verify_pin("86420", admin.pin_hash) and not verify_pin(DEMO_PINS[DEMO_ADMIN], admin.pin_hash)


def test_the_admin_menu_asks_for_the_pin_and_reloads_the_till(pos_window, db_path, run, wait_until, simulator):
    from nexipos_desktop.storage.db import open_database

    db = open_database(db_path)
    reloads = []

    async def reconfigure():
        reloads.append(True)

    window = pos_window(admin_gate=AdminGate(db), reconfigure=reconfigure)
    assert window.terminal_label.text() == "Τερματικό: δεν έχει ρυθμιστεί"
    window.settings_action.trigger()
    enter_pin(window.context.admin_gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    until(lambda: getattr(window, "admin_dialog", None) is not None)
    dialog = window.admin_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.printer.pdf_radio.setChecked(True)
    assert run(dialog.save())
    wait_until(lambda: reloads and window.banner.text() == "Οι ρυθμίσεις αποθηκεύτηκαν.")
    with db.read() as session:
        entries = [(e.actor, e.action) for e in session.exec(select(AuditEntry))]
    assert (DEMO_ADMIN, "admin.settings") in entries and (DEMO_ADMIN, "settings.changed") in entries
    dialog.reject()
    db.close()
