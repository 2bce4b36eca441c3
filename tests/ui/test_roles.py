"""The admin gate: refunds, voids and forced resolutions of in-doubt card payments need an admin's PIN."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlmodel import select

from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import AuditEntry, CardAttempt, Receipt
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS
from nexipos_desktop.ui.pin_dialog import AdminGate

from pin_helpers import enter_pin, until

OLIVES = "5206693052639"


@pytest.fixture
def gate_db(db_path):
    db = open_database(db_path)
    yield db
    db.close()


@pytest.fixture
def gated_window(pos_window, gate_db):
    def make(**overrides):
        return pos_window(admin_gate=AdminGate(gate_db), **overrides)

    return make


def audit_rows(db, action_prefix: str) -> list[tuple[str, str, dict]]:
    with db.read() as session:
        rows = session.exec(select(AuditEntry).where(AuditEntry.action.startswith(action_prefix))).all()
    return [(e.actor, e.action, json.loads(e.details)) for e in rows]


def test_a_cash_refund_waits_for_the_admin_pin_and_is_audited(gated_window, run, wait_until, monkeypatch, gate_db):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window = gated_window()
    window.catalogue.add_by_code(OLIVES)
    sale = run(window.issue_cash(5000, print_it=False))
    window.show_history()
    history = window.history_dialog
    wait_until(lambda: history.document is not None)
    gate = window.context.admin_gate
    history.refund_button.click()
    enter_pin(gate, "9999", wait_until)
    assert "Λάθος PIN" in gate.dialog.problem.text() and gate.dialog.isVisible()
    with gate_db.read() as session:
        assert len(session.exec(select(Receipt)).all()) == 1  # nothing issued on a wrong PIN
    dialog = gate.dialog
    dialog.pin.setText(DEMO_PINS[DEMO_ADMIN])
    dialog.submit()
    wait_until(lambda: history.model.rowCount() == 2)
    rejected = audit_rows(gate_db, "pin.rejected")
    approved = audit_rows(gate_db, "admin.refund")
    assert [(a, d["attempted"]) for a, _, d in rejected] == [(DEMO_ADMIN, "refund")]
    assert [(a, d["receipt"]) for a, _, d in approved] == [(DEMO_ADMIN, f"{sale.series}-{sale.number}")]


def test_cancelling_the_pin_cancels_the_void(gated_window, run, wait_until, gate_db):
    window = gated_window()
    window.catalogue.add_by_code(OLIVES)
    run(window.issue_cash(5000, print_it=False))
    window.show_history()
    history = window.history_dialog
    wait_until(lambda: history.document is not None)
    gate = window.context.admin_gate
    history.ask_card_refund(void=True)
    until(lambda: gate.dialog is not None and gate.dialog.isVisible())
    assert "Ακύρωση χρέωσης κάρτας" in gate.dialog.findChildren(type(gate.dialog.problem))[0].text()
    gate.dialog.reject()
    wait_until(lambda: gate.dialog is None)
    assert audit_rows(gate_db, "admin.") == []


def test_forcing_an_in_doubt_payment_needs_the_admin(gated_window, simulator, qtbot, wait_until, gate_db):
    driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=simulator.port,
                                            result_timeout_s=10))
    service = PaymentService(gate_db, driver, terminal_name="Προσομοιωτής", tid="64999999", cashier="Ταμίας 1")
    window = gated_window(payments=service, terminal_name="Προσομοιωτής")
    assert window.terminal_label.text() == "Τερματικό: Προσομοιωτής · TID 64999999"
    window.model.add_line(CartLine(None, "MAGIC", "Δοκιμαστικό είδος", 1313, 1, 1))  # lost reply: in doubt
    qtbot.keyClick(window, Qt.Key.Key_F9)
    wait_until(lambda: window.card_flow.dialog is not None and window.card_flow.dialog.isVisible())
    dialog = window.card_flow.dialog
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: getattr(dialog, "in_doubt_panel", None) is not None)
    [charge] = list(simulator.model.ledger)
    panel = dialog.in_doubt_panel
    panel.auth_code.setText(charge.auth_code)
    panel.rrn.setText(charge.rrn)
    gate = window.context.admin_gate
    qtbot.mouseClick(panel.approved_button, Qt.MouseButton.LeftButton)
    until(lambda: gate.dialog is not None)
    gate.dialog.reject()
    wait_until(lambda: "διαχειριστή" in panel.problem.text())
    with gate_db.read() as session:
        [attempt] = session.exec(select(CardAttempt)).all()
    assert attempt.state == "in_doubt"
    qtbot.mouseClick(panel.approved_button, Qt.MouseButton.LeftButton)
    enter_pin(gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    wait_until(lambda: dialog.approved)
    with gate_db.read() as session:
        [attempt] = session.exec(select(CardAttempt)).all()
    assert (attempt.state, attempt.resolution) == ("resolved_approved", "cashier")
    [(actor, _, details)] = audit_rows(gate_db, "admin.force_resolve")
    assert (actor, details["reference"], details["approved"]) == (DEMO_ADMIN, attempt.reference, True)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)


def socket_till(gated_window, simulator, gate_db):
    driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=simulator.port,
                                            result_timeout_s=10))
    service = PaymentService(gate_db, driver, terminal_name="Προσομοιωτής", tid="64999999", cashier="Ταμίας 1")
    return gated_window(payments=service, terminal_name="Προσομοιωτής"), service


def test_a_void_approved_by_the_admin_reaches_the_terminal_and_is_audited(gated_window, simulator, run, wait_until,
                                                                          gate_db, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window, service = socket_till(gated_window, simulator, gate_db)
    sale = service.open_sale([CartLine(None, "X1", "Δοκιμαστικό είδος", 200, 1, 1)])
    assert run(service.charge(sale, 200)).outcome.kind == "approved"
    service.issue(sale)
    window.show_history()
    history = window.history_dialog
    wait_until(lambda: history.document is not None)
    gate = window.context.admin_gate
    history.ask_card_refund(void=True)
    enter_pin(gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    wait_until(lambda: history.model.rowCount() == 2)
    with gate_db.read() as session:
        attempts = session.exec(select(CardAttempt).order_by(CardAttempt.id)).all()
    assert [(a.operation, a.state) for a in attempts] == [("sale", "approved"), ("void", "approved")]
    [(actor, _, details)] = audit_rows(gate_db, "admin.void")
    assert (actor, details["receipt"]) == (DEMO_ADMIN, f"{sale.series}-{sale.number}")


def test_a_fault_declaration_needs_the_admin(gated_window, simulator, qtbot, wait_until, gate_db):
    window, _ = socket_till(gated_window, simulator, gate_db)
    window.catalogue.add_by_code(OLIVES)
    assert not window.later_button.isVisibleTo(window)  # a socket terminal takes no preloaded receipts
    gate = window.context.admin_gate
    window.deferred.fault_action.trigger()  # «Κάρτες» → «Δήλωση βλάβης» (not the key: a modal dialog opening
    # between a modifier's press and release leaves the modifier held for every later test)
    until(lambda: gate.dialog is not None and gate.dialog.isVisible())
    gate.dialog.reject()
    until(lambda: gate.dialog is None)
    assert getattr(window.deferred, "fault_dialog", None) is None  # no PIN, no form
    window.deferred.declare_fault()  # again, from the «Κάρτες» menu
    enter_pin(gate, DEMO_PINS[DEMO_ADMIN], wait_until)
    until(lambda: getattr(window.deferred, "fault_dialog", None) is not None)
    assert [actor for actor, _, _ in audit_rows(gate_db, "admin.fault_declaration")] == [DEMO_ADMIN]
