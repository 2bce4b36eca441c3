"""Who is at the till: «Αλλαγή ταμία…» (F6), «Κλείδωμα ταμείου», sign-in at start-up (not in demo mode)."""

from __future__ import annotations

import json
import sqlite3

import platformdirs
import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from nexipos_desktop.admin.roles import Role, save_user
from nexipos_desktop.app import Startup
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import AuditEntry, Receipt
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_CASHIER, DEMO_PINS
from nexipos_desktop.ui.main_window import MainWindow, TillContext
from nexipos_desktop.ui.tasks import spawn

from pin_helpers import sign_in, until

OLIVES = "5206693052639"
MARIA, MARIA_PIN = "Μαρία", "2468"


@pytest.fixture
def till_db(db_path):
    db = open_database(db_path)
    with db.write() as session:
        save_user(session, MARIA, Role.CASHIER, MARIA_PIN, actor="test")
    yield db
    db.close()


def audit_rows(db, action: str) -> list[tuple[str, dict]]:
    with db.read() as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)).all()
    return [(row.actor, json.loads(row.details)) for row in rows]


def receipt_cashiers(db) -> list[str]:
    with db.read() as session:
        return [r.cashier for r in session.exec(select(Receipt).where(Receipt.status == "issued").order_by(Receipt.id))]


def open_switch(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_F6)
    until(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    return window.sign_in.dialog


def test_switching_cashier_puts_the_new_name_on_the_next_receipt_and_audits_both(pos_window, till_db, run, qtbot):
    window = pos_window()
    window.catalogue.add_by_code(OLIVES)
    run(window.issue_cash(5000, print_it=False))
    assert ("F6", "Αλλαγή ταμία…") in window.shortcut_help() and ("Ctrl+L", "Κλείδωμα ταμείου") in window.shortcut_help()
    dialog = open_switch(window, qtbot)
    assert dialog.windowTitle() == "Σύνδεση ταμία" and "«Ταμίας 1» θα αποσυνδεθεί" in dialog.prompt.text()
    assert [dialog.who.itemText(i) for i in range(dialog.who.count())] == [DEMO_CASHIER, MARIA, DEMO_ADMIN]
    assert dialog.who.currentText() == MARIA  # the first one who is not at the till
    sign_in(dialog, MARIA, MARIA_PIN)
    until(lambda: window.sign_in.dialog is None)
    assert window.cashier_label.text() == "Ταμίας: Μαρία" and window.context.cashier == MARIA
    assert "Συνδέθηκε: Μαρία (αποσυνδέθηκε: Ταμίας 1)" == window.banner.text()
    window.catalogue.add_by_code(OLIVES)
    run(window.issue_cash(5000, print_it=False))
    assert receipt_cashiers(till_db) == [DEMO_CASHIER, MARIA]
    [(actor, details)] = audit_rows(till_db, "pin.sign_in")
    assert (actor, details["signed_out"], details["role"]) == (MARIA, DEMO_CASHIER, "cashier")


def test_a_wrong_pin_keeps_the_cashier_and_says_why_then_locks(pos_window, till_db, run, qtbot):
    window = pos_window()
    dialog = open_switch(window, qtbot)
    sign_in(dialog, MARIA, "1111")
    assert dialog.isVisible() and "Λάθος PIN (απομένουν 2 προσπάθειες" in dialog.problem.text()
    assert dialog.pin.text() == "" and window.context.cashier == DEMO_CASHIER
    sign_in(dialog, MARIA, "1111")
    sign_in(dialog, MARIA, "1111")
    assert "κλειδώθηκε για 30 δευτερόλεπτα" in dialog.problem.text()
    sign_in(dialog, MARIA, MARIA_PIN)  # the right PIN, but locked
    assert "δοκιμάστε ξανά σε" in dialog.problem.text() and dialog.isVisible()
    dialog.reject()
    until(lambda: window.sign_in.dialog is None)
    assert window.cashier_label.text() == "Ταμίας: Ταμίας 1" and not window.sign_in.locked
    window.catalogue.add_by_code(OLIVES)
    run(window.issue_cash(5000, print_it=False))
    assert receipt_cashiers(till_db) == [DEMO_CASHIER]
    assert [d["failures"] for _, d in audit_rows(till_db, "pin.rejected")] == [1, 2, 3]
    assert audit_rows(till_db, "pin.sign_in") == []


def test_switching_is_refused_while_the_cart_has_lines(pos_window, till_db, qtbot):
    window = pos_window()
    window.catalogue.add_by_code(OLIVES)
    qtbot.keyClick(window, Qt.Key.Key_F6)
    window.sign_in.lock()
    assert window.sign_in.dialog is None and not window.sign_in.locked
    assert "Ολοκληρώστε ή ακυρώστε την τρέχουσα πώληση πριν από το κλείδωμα του ταμείου" in window.banner.text()
    assert len(window.model.cart.lines) == 1 and window.context.cashier == DEMO_CASHIER
    assert audit_rows(till_db, "till.sign_out") == []


def test_card_payments_carry_the_new_cashier_and_switching_waits_for_a_payment(pos_window, till_db, simulator,
                                                                             qtbot, wait_until):
    driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=simulator.port,
                                            result_timeout_s=10))
    service = PaymentService(till_db, driver, terminal_name="Προσομοιωτής", tid="64999999", cashier=DEMO_CASHIER)
    window = pos_window(payments=service, terminal_name="Προσομοιωτής")
    sign_in(open_switch(window, qtbot), MARIA, MARIA_PIN)
    until(lambda: window.sign_in.dialog is None)
    assert service.cashier == MARIA
    window.catalogue.add_by_code(OLIVES)
    qtbot.mouseClick(window.card_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.card_flow.dialog is not None and window.card_flow.dialog.isVisible())
    window.switch_action.trigger()  # from the menu while the card dialog is open
    assert window.sign_in.dialog is None and "Πληρωμή σε εξέλιξη" in window.banner.text()
    dialog = window.card_flow.dialog
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    assert receipt_cashiers(till_db) == [MARIA]
    assert [actor for actor, _ in audit_rows(till_db, "card.approved")] == [MARIA]


def test_locking_the_till_signs_out_and_the_same_dialog_brings_a_cashier_back(pos_window, till_db, run):
    window = pos_window()
    window.sign_in.lock()
    until(lambda: window.sign_in.locked)
    assert window.sale_stack.currentWidget() is window.sign_in.page
    assert window.cashier_label.text() == "Ταμείο κλειδωμένο" and window.context.cashier == ""
    assert not window.till_actions.isEnabled() and window.help_action.isEnabled()
    assert window.switch_action.text() == "Σύνδεση ταμία…"
    assert audit_rows(till_db, "till.sign_out") == [(DEMO_CASHIER, {"reason": "locked"})]
    window.attach(window.context)  # the admin saved settings: the till is re-attached and stays locked
    assert window.sign_in.locked and window.cashier_label.text() == "Ταμείο κλειδωμένο"
    window.catalogue.add_by_code(OLIVES)  # a scan at a locked till
    assert window.model.cart.is_empty and "Συνδεθείτε πρώτα" in window.banner.text()
    window.sign_in.sign_in_button.click()
    until(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    dialog = window.sign_in.dialog
    assert dialog.who.currentText() == DEMO_CASHIER and "αποσυνδεθεί" not in dialog.prompt.text()
    sign_in(dialog, DEMO_CASHIER, DEMO_PINS[DEMO_CASHIER])
    until(lambda: not window.sign_in.locked)
    assert window.sale_stack.currentWidget() is window.sale_area and window.till_actions.isEnabled()
    assert window.cashier_label.text() == "Ταμίας: Ταμίας 1"
    [(actor, details)] = audit_rows(till_db, "pin.sign_in")
    assert (actor, details["signed_out"]) == (DEMO_CASHIER, None)


def test_what_waits_for_the_first_sign_in_runs_only_after_it(pos_window, till_db):
    """At start-up the crash-recovery dialog waits for a cashier (it acts under their name)."""
    window = pos_window()
    after = []
    window.sign_in.require(then=lambda: after.append(window.context.cashier))
    until(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    sign_in(window.sign_in.dialog, MARIA, "0000")
    assert after == [] and window.sign_in.locked
    sign_in(window.sign_in.dialog, MARIA, MARIA_PIN)
    until(lambda: not window.sign_in.locked)
    assert after == [MARIA]


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch, loop):
    """A till started as the app starts it, on the given database."""
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *args, **kw: tmp_path / "data")
    startups = []

    def start(path):
        window = MainWindow(TillContext())
        qtbot.addWidget(window)
        window.show()
        startup = Startup(window, path)
        startups.append(startup)
        spawn(startup.run())
        return window

    yield start
    for startup in startups:
        loop.run_until_complete(startup.close())


def test_with_pins_the_till_starts_locked_until_someone_signs_in(started, db_path, monkeypatch, wait_until):
    monkeypatch.delenv("NEXIPOS_DEMO", raising=False)
    window = started(db_path)
    until(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    assert window.sign_in.locked and window.sale_stack.currentWidget() is window.sign_in.page
    assert not window.till_actions.isEnabled() and window.context.cashier == ""
    assert window.banner.text() == "Ταμείο κλειδωμένο: συνδεθείτε με το PIN σας (F6)."  # not «ready for sale»
    dialog = window.sign_in.dialog
    assert dialog.prompt.text() == "Επιλέξτε το όνομά σας και πληκτρολογήστε το PIN σας."
    dialog.reject()  # not now: the till stays locked, the button asks again
    until(lambda: window.sign_in.dialog is None)
    assert window.sign_in.locked and window.sign_in.sign_in_button.isVisible()
    window.sign_in.sign_in_button.click()
    until(lambda: window.sign_in.dialog is not None and window.sign_in.dialog.isVisible())
    sign_in(window.sign_in.dialog, DEMO_ADMIN, DEMO_PINS[DEMO_ADMIN])  # an admin may sell too
    until(lambda: not window.sign_in.locked)
    assert window.context.cashier == DEMO_ADMIN and window.cashier_label.text() == "Ταμίας: Διαχειριστής"
    window.catalogue.add_by_code(OLIVES)
    assert window.cash_button.isEnabled()


def test_demo_mode_signs_in_the_demo_cashier_by_itself(started, tmp_path, monkeypatch, wait_until):
    monkeypatch.setenv("NEXIPOS_DEMO", "1")
    window = started(tmp_path / "demo.db")
    wait_until(lambda: window.context.payments is not None)
    assert not window.sign_in.locked and window.sign_in.dialog is None
    assert window.context.cashier == DEMO_CASHIER and window.context.payments.cashier == DEMO_CASHIER
    assert window.cashier_label.text() == "Ταμίας: Ταμίας 1"
    with sqlite3.connect(tmp_path / "demo.db") as conn:
        assert conn.execute("SELECT actor, details FROM audit_log WHERE action = 'till.sign_in'").fetchall() == [
            (DEMO_CASHIER, '{"automatic": "demo mode"}')]


def test_without_any_pin_the_first_cashier_is_at_the_till_as_before(started, db_path, monkeypatch, wait_until):
    monkeypatch.delenv("NEXIPOS_DEMO", raising=False)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE cashier SET pin_hash = NULL")
    window = started(db_path)
    wait_until(lambda: window.context.db is not None)
    assert not window.sign_in.locked and window.sign_in.dialog is None
    assert window.cashier_label.text() == "Ταμίας: Ταμίας 1"
