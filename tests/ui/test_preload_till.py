"""Deferred card payments, fault declarations and the end-of-day reconciliation from the till window, against the
WebECR simulator over HTTP on the test's loop."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.webecr import WebEcrDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_records import TxnType
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt
from nexipos_desktop.storage.settings import set_setting

MILK = "5200480147201"  # 1.89 €


@pytest.fixture
def webecr(loop):
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(processing_delay_s=0.01)))
    loop.run_until_complete(sim.start())
    yield sim
    loop.run_until_complete(sim.close())


@pytest.fixture
def till(pos_window, webecr, db_path, loop):
    db = open_database(db_path)
    with db.write() as session:
        set_setting(session, "terminal.preload_expiry_minutes", 45)
    terminal = webecr.host.first_terminal()
    extra = {"webecr.environment": "custom", "webecr.base_url": webecr.base_url, "webecr.username": DEMO_USERNAME,
             "webecr.terminal_id": str(terminal.id), "tid": terminal.tid, "webecr.auth": "token",
             "webecr.poll_interval_s": "0.05"}
    driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=10, extra=extra),
                          secret={"webecr.password": DEMO_PASSWORD}.get, save_secret=lambda *_: None)
    service = PaymentService(db, driver, terminal_name="WebECR (προσομοιωτής)", tid=terminal.tid, cashier="Ταμίας 1")
    window = pos_window(payments=service, terminal_name="WebECR (προσομοιωτής)")
    window.deferred.timer.stop()  # the test drives the tracker itself
    yield window, webecr, db
    loop.run_until_complete(driver.close())
    db.close()


def press(window, qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()  # a closed dialog may leave no active window offscreen
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)


def receipts(db):
    with db.read() as session:
        return list(session.exec(select(Receipt).where(Receipt.status == "issued")))


def send_preload(window, qtbot, wait_until, shots=None, by_button=False):
    window.catalogue.add_by_code(MILK)
    if by_button:  # the pay row's third button, shown because this terminal takes preloaded receipts
        assert window.later_button.isVisibleTo(window) and window.later_button.isEnabled()
        qtbot.mouseClick(window.later_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(window, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: getattr(window.deferred, "send_dialog", None) is not None
               and window.deferred.send_dialog.isVisible())
    dialog = window.deferred.send_dialog
    assert dialog.expiry.value() == 45 and dialog.findChild(type(dialog.state), "preloadAmount").text() == "1,89 €"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.document is not None)
    assert "εκκρεμότητα" in dialog.state.text() and dialog.close_button.isEnabled()
    if shots is not None:
        dialog.grab().save(str(shots / "send.png"))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.model.cart.is_empty)
    return dialog.document


def test_preload_from_the_till_then_paid_for_less_and_the_rest_in_cash(till, qtbot, wait_until, run, tmp_path):
    window, sim, db = till
    document = send_preload(window, qtbot, wait_until, shots=tmp_path)
    assert [(p.method, p.amount_cents, p.status) for p in document.payments] == [(7, 189, "pending")]
    assert "πληρωμή αργότερα" in window.banner.text()
    wait_until(lambda: window.deferred.status_button.text() == "Προφορτωμένες: 1")
    [waiting] = sim.host.pending_preloads()
    assert waiting.amount == 189 and waiting.extra.get("PreloadTransaction", True)

    run(sim.host.pay_preload(waiting.id, 150))
    run(window.deferred.tracker.check_now())
    run(window.deferred.refresh())
    assert window.deferred.status_button.text() == "Προφορτωμένες: 0 · 1 θέλουν ενέργεια"
    window.grab().save(str(tmp_path / "till.png"))

    press(window, qtbot, Qt.Key.Key_F11)
    dialog = window.deferred.dialog
    wait_until(lambda: dialog.table.rowCount() == 1)
    cells = [dialog.table.item(0, c).text() for c in range(8)]
    assert cells[:4] == [f"{document.series}-{document.number}", "1,89", "1,50", "0,39"]
    assert cells[6] == "Πληρώθηκε" and "0,39 €" in dialog.advice.text()
    assert dialog.cash_button.isEnabled() and dialog.card_button.isEnabled()
    dialog.grab().save(str(tmp_path / "preloads.png"))

    qtbot.mouseClick(dialog.cash_button, Qt.MouseButton.LeftButton)
    cash = dialog.cash_dialog
    cash.tendered.setText("0,50")
    cash.accept()
    wait_until(lambda: dialog.table.rowCount() == 0)
    assert "μετρητά" in dialog.advice.text()
    with db.read() as session:
        paid = session.exec(select(Payment).where(Payment.receipt_id == document_id(db, document))
                            .order_by(Payment.id)).all()
    assert [(p.method, p.amount_cents, p.status) for p in paid] == [(7, 150, "settled"), (3, 39, "settled")]
    assert paid[1].change_cents == 11


def document_id(db, document):
    return next(r.id for r in receipts(db) if r.number == document.number and r.series == document.series)


def test_expired_preload_is_flagged_in_the_status_bar_and_the_view(till, qtbot, wait_until, run):
    window, sim, db = till
    document = send_preload(window, qtbot, wait_until, by_button=True)
    [waiting] = sim.host.pending_preloads()
    sim.host.expire_preload(waiting.id)
    run(window.deferred.tracker.check_now())
    run(window.deferred.refresh())
    assert "1 θέλουν ενέργεια" in window.deferred.status_button.text()
    window.deferred.show_preloads()
    dialog = window.deferred.dialog
    wait_until(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 6).text() == "Έληξε" and dialog.table.item(0, 3).text() == "1,89"
    assert "πιστωτικό" in dialog.advice.text()
    qtbot.mouseClick(dialog.credit_button, Qt.MouseButton.LeftButton)  # no credit note yet: refused, explained
    wait_until(lambda: "Ιστορικό" in dialog.advice.text())
    assert dialog.table.rowCount() == 1 and document.number >= 1


def test_fault_declaration_from_the_till_issues_the_receipt(till, qtbot, wait_until):
    window, _, db = till
    window.catalogue.add_by_code(MILK)
    qtbot.keyClick(window, Qt.Key.Key_F9, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(lambda: getattr(window.deferred, "fault_dialog", None) is not None)
    dialog = window.deferred.fault_dialog
    dialog.rrn.setText("1234")
    dialog.auth_code.setText("ZZ9988")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: "RRN" in dialog.problem.text())
    dialog.rrn.setText("555555555555")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.model.cart.is_empty and len(receipts(db)) == 1)
    with db.read() as session:
        attempt = session.exec(select(CardAttempt)).one()
    assert (attempt.resolution, attempt.driver, attempt.rrn, attempt.state) == (
        "fault_declaration", "manual", "555555555555", "approved")


def test_reconcile_dialog_shows_the_differences(till, qtbot, wait_until, run, tmp_path):
    window, sim, db = till
    send_preload(window, qtbot, wait_until)
    [waiting] = sim.host.pending_preloads()
    run(sim.host.pay_preload(waiting.id))
    run(window.deferred.tracker.check_now())
    run(sim.host.terminal_transaction(sim.host.first_terminal().id, TxnType.SALE, 1234))
    press(window, qtbot, Qt.Key.Key_F12)
    dialog = window.deferred.reconcile_dialog
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.report is not None)
    assert dialog.table.rowCount() == 2
    statuses = sorted(dialog.table.item(r, 0).text() for r in range(2))
    assert statuses == ["Μόνο στο τερματικό", "Συμφωνεί"]
    assert dialog.status.text().startswith("Υπάρχουν διαφορές") and dialog.run_button.isEnabled()
    assert dialog.progress.isHidden()
    dialog.grab().save(str(tmp_path / "reconcile.png"))
