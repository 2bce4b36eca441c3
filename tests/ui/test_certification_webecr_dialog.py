"""Certification scenarios 14, 16 and 18 as the cashier sees them: the card dialog of the till window, paying
through the WebECR driver against the WebECR simulator over HTTP (time ×100). The full scenario list, with the
rows the register stores, is in ``tests/certification/``."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.webecr import WebEcrDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import CardAttempt, Receipt


@pytest.fixture
def webecr(loop):
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(time_scale=100.0, processing_delay_s=0.01)))
    loop.run_until_complete(sim.start())
    yield sim
    loop.run_until_complete(sim.close())


@pytest.fixture
def window(pos_window, webecr, db_path, loop):
    db = open_database(db_path)
    terminal = webecr.host.first_terminal()
    extra = {"webecr.environment": "custom", "webecr.base_url": webecr.base_url, "webecr.username": DEMO_USERNAME,
             "webecr.terminal_id": str(terminal.id), "tid": terminal.tid, "webecr.auth": "token",
             "webecr.poll_interval_s": "0.05", "webecr.recovery_s": "2"}
    driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=10, extra=extra),
                          secret={"webecr.password": DEMO_PASSWORD}.get, save_secret=lambda *_: None)
    service = PaymentService(db, driver, terminal_name="WebECR", tid=terminal.tid, cashier="Ταμίας 1")
    yield pos_window(payments=service, terminal_name="WebECR")
    loop.run_until_complete(driver.close())
    db.close()


def pay_by_card(window, qtbot, wait_until, cents: int):
    window.model.add_line(CartLine(None, "CERT", "Είδος δοκιμής", cents, 1, 1))
    qtbot.keyClick(window, Qt.Key.Key_F9)
    wait_until(lambda: window.card_flow.dialog is not None and window.card_flow.dialog.isVisible())
    dialog = window.card_flow.dialog
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.close_button.isEnabled() and dialog.outcome.text() != "")
    return dialog


def attempts(window) -> list[CardAttempt]:
    with window.context.db.read() as session:
        return list(session.exec(select(CardAttempt).order_by(CardAttempt.id)))


def test_scenario_14_dialog_shows_the_decline_and_offers_a_new_attempt(window, qtbot, wait_until, webecr):
    dialog = pay_by_card(window, qtbot, wait_until, 999)
    assert dialog.outcome.text() == "Απορρίφθηκε: Η συναλλαγή απορρίφθηκε από την τράπεζα"
    assert dialog.send_button.isEnabled() and dialog.send_button.text() == "Νέα προσπάθεια"
    assert [a.state for a in attempts(window)] == ["declined"] and webecr.host.ledger_entries() == []


def test_scenario_16_dialog_shows_the_approval_recovered_by_query(window, qtbot, wait_until, webecr):
    dialog = pay_by_card(window, qtbot, wait_until, 1313)
    wait_until(lambda: dialog.approved)
    [entry] = webecr.host.ledger_entries()
    assert dialog.outcome.text().startswith("Εγκρίθηκε") and not entry.delivered
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    assert window.last_document.payments[0].transaction_id == entry.transaction_id
    assert webecr.host.txninits[attempts(window)[0].reference] == 1


def test_scenario_18_dialog_says_to_close_the_batch_and_nothing_is_charged(window, qtbot, wait_until, webecr):
    dialog = pay_by_card(window, qtbot, wait_until, 888)
    text = dialog.outcome.text()
    assert "Κλείσιμο Πακέτου" in text and "Δεν έγινε χρέωση" in text
    assert text.count("πακέτο του τερματικού είναι γεμάτο") == 1  # said once, in the terminal's words
    assert dialog.outcome.height() >= dialog.outcome.heightForWidth(dialog.outcome.width())  # not clipped
    if shots := os.environ.get("NEXIPOS_SHOTS"):
        dialog.grab().save(f"{shots}/card-batch-full.png")
    assert [a.state for a in attempts(window)] == ["batch_full"] and webecr.host.ledger_entries() == []
    with window.context.db.read() as session:
        assert session.exec(select(Receipt.status)).all() == ["reserved"]  # the sale stays open


def test_a_revoked_pairing_key_says_pair_again_not_payment_failed(pos_window, webecr, db_path, loop, qtbot,
                                                                 wait_until):
    """The merchant revoked the pairing: the cashier is told the terminal must be paired again (and the status
    bar keeps saying so), not that a payment failed; nothing is charged."""
    db = open_database(db_path)
    terminal = webecr.host.first_terminal()
    key = webecr.host.accounts.trust_key("paired-key", terminal.id, terminal.merchant).key
    extra = {"webecr.environment": "custom", "webecr.base_url": webecr.base_url, "webecr.username": DEMO_USERNAME,
             "webecr.terminal_id": str(terminal.id), "tid": terminal.tid, "webecr.auth": "both"}
    secrets = {"webecr.password": DEMO_PASSWORD, "webecr.api_key": key}
    driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=10, extra=extra),
                          secret=secrets.get, save_secret=lambda *_: None)
    service = PaymentService(db, driver, terminal_name="WebECR", tid=terminal.tid, cashier="Ταμίας 1")
    window = pos_window(payments=service, terminal_name="WebECR")
    try:
        webecr.host.accounts.revoke(key)
        dialog = pay_by_card(window, qtbot, wait_until, 200)
        assert dialog.outcome.text().startswith("Χρειάζεται νέα σύζευξη του τερματικού (τίποτα δεν χρεώθηκε)")
        assert "WebECR Code" in dialog.outcome.text()
        assert "⚠" in window.terminal_label.text() and "σύζευξη" in window.terminal_label.toolTip()
        assert webecr.host.ledger_entries() == []
    finally:
        loop.run_until_complete(driver.close())
        db.close()
