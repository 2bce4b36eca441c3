"""Card payments from the till window against the socket terminal simulator."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.models import CardAttempt, Receipt

MILK = "5200480147201"  # 1.89 €


@pytest.fixture
def card_window(pos_window, simulator, db_path):
    db = open_database(db_path)
    driver = EcrSocketDriver(TerminalConfig(driver="ecr_socket", host="127.0.0.1", port=simulator.port,
                                            result_timeout_s=10))
    service = PaymentService(db, driver, terminal_name="Προσομοιωτής", tid="64999999", cashier="Ταμίας 1")
    yield pos_window(payments=service, terminal_name="Προσομοιωτής")
    db.close()


def ring_custom(window, cents):
    """A line priced at a magic amount."""
    window.model.add_line(CartLine(None, "MAGIC", "Δοκιμαστικό είδος", cents, 1, 1))


def open_card_dialog(window, qtbot, wait_until):
    assert window.card_button.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_F9)
    wait_until(lambda: window.card_flow.dialog is not None and window.card_flow.dialog.isVisible())
    return window.card_flow.dialog


def test_card_sale_issues_the_receipt_with_the_card_data(card_window, qtbot, wait_until, simulator):
    window = card_window
    window.catalogue.add_by_code(MILK)
    dialog = open_card_dialog(window, qtbot, wait_until)
    assert dialog.amount.text() == "1,89"
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    assert dialog.outcome.text().startswith("Εγκρίθηκε · ") and "1,89 €" in dialog.outcome.text()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    [payment] = window.last_document.payments
    [charge] = list(simulator.model.ledger)
    assert (payment.method, payment.amount_cents, payment.tid) == (7, 189, "64999999")
    assert payment.rrn == charge.rrn and payment.auth_code == charge.auth_code and "*" in payment.pan_masked
    assert window.model.cart.is_empty and "Εκδόθηκε" in window.banner.text()


def test_declined_card_keeps_the_sale_open(card_window, qtbot, wait_until):
    window = card_window
    ring_custom(window, 999)
    dialog = open_card_dialog(window, qtbot, wait_until)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.close_button.isEnabled() and dialog.outcome.text())
    assert dialog.outcome.text().startswith("Απορρίφθηκε")
    assert dialog.send_button.isEnabled() and dialog.send_button.text() == "Νέα προσπάθεια"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.card_flow.dialog is None)
    assert window.last_document is None and not window.model.cart.is_empty
    with window.context.db.read() as session:
        assert session.exec(select(Receipt.status)).all() == ["reserved"]  # the number waits for this sale


def test_split_card_then_cash(card_window, qtbot, wait_until):
    window = card_window
    window.catalogue.add_by_code(MILK)
    window.catalogue.add_by_code(MILK)  # 3.78 €
    dialog = open_card_dialog(window, qtbot, wait_until)
    dialog.amount.setText("2,00")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: "Υπόλοιπο 1,78" in window.banner.text())
    assert not window.model.set_quantity(0, "5")  # the signed cart is locked
    window.pay_cash()
    cash = window.cash_dialog
    assert cash.total_cents == 178
    qtbot.keyClicks(cash.tendered, "2")
    qtbot.keyClick(cash.tendered, Qt.Key.Key_Return)
    wait_until(lambda: window.last_document is not None)
    assert [(p.method, p.amount_cents) for p in window.last_document.payments] == [(7, 200), (3, 178)]
    assert window.banner.text().endswith("Ρέστα: 0,22 €")


def test_lost_connection_is_in_doubt_and_the_cashier_resolves_it(card_window, qtbot, wait_until, simulator):
    window = card_window
    ring_custom(window, 1313)  # approved on the terminal, connection dropped before the result
    dialog = open_card_dialog(window, qtbot, wait_until)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: getattr(dialog, "in_doubt_panel", None) is not None)
    assert dialog.outcome.text().startswith("Άγνωστο αποτέλεσμα")
    [charge] = list(simulator.model.ledger)
    assert charge.delivered is False
    panel = dialog.in_doubt_panel
    qtbot.keyClicks(panel.auth_code, "12")
    qtbot.mouseClick(panel.approved_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: "6" in panel.problem.text())
    panel.auth_code.setText(charge.auth_code)
    panel.rrn.setText(charge.rrn)
    qtbot.mouseClick(panel.approved_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    assert window.last_document.payments[0].rrn == charge.rrn
    with window.context.db.read() as session:
        attempts = session.exec(select(CardAttempt)).all()
    assert [(a.state, a.resolution) for a in attempts] == [("resolved_approved", "cashier")]
    assert len(list(simulator.model.ledger)) == 1  # charged once, never re-sent


def test_cancelling_a_sale_with_an_approved_card_payment_is_refused(card_window, qtbot, wait_until, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = card_window
    window.catalogue.add_by_code(MILK)
    window.catalogue.add_by_code(MILK)
    dialog = open_card_dialog(window, qtbot, wait_until)
    dialog.amount.setText("1,00")
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.card_flow.paid_cents == 100)
    window.cancel_sale()
    assert warnings and "κάρτα" in warnings[0]
    assert not window.model.cart.is_empty


def test_refund_to_card_from_the_history(card_window, qtbot, wait_until, simulator, run, monkeypatch):
    window = card_window
    window.catalogue.add_by_code(MILK)
    dialog = open_card_dialog(window, qtbot, wait_until)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    sale = window.last_document
    window.show_history()
    history = window.history_dialog
    wait_until(lambda: history.document is not None)
    assert history.card_refund_button.isEnabled() and history.void_button.isEnabled()
    assert not history.refund_button.isEnabled()  # a card sale is refunded to the card, not in cash
    credit = run(history.card_refund(history.rows[0].id, void=False))
    assert (credit.invoice_type, credit.total_cents, credit.correlated_uid) == ("11.4", 189, sale.uid)
    assert [(p.method, p.amount_cents) for p in credit.payments] == [(7, 189)]
    assert [e.operation for e in simulator.model.ledger] == ["sale", "refund"]
    assert "πιστωτικό" in history.status.text()


class QueryableDriver:
    """A terminal that loses the result but can be asked about it afterwards (as WebECR can)."""

    from nexipos_desktop.payments.contract import Operation as _Op

    name = "queryable"
    capabilities = frozenset({_Op.ECHO, _Op.SALE, _Op.STATUS_QUERY})
    uses_session_numbers = False

    def __init__(self):
        self.sent, self.queried = [], []

    async def execute(self, request, progress=None):
        from nexipos_desktop.payments.contract import InDoubt

        self.sent.append(request)
        return InDoubt("Δεν ήρθε απάντηση")

    async def query(self, reference):
        from nexipos_desktop.payments.contract import Approved

        self.queried.append(reference)
        return Approved(tid="64999999", amount_cents=189, final_amount_cents=189, rrn="000000000042",
                        auth_code="QRY123")

    async def close(self):
        pass


def test_in_doubt_is_resolved_by_query_first(pos_window, qtbot, wait_until, db_path):
    db = open_database(db_path)
    driver = QueryableDriver()
    service = PaymentService(db, driver, terminal_name="Cloud", tid="64999999", cashier="Ταμίας 1")
    window = pos_window(payments=service, terminal_name="Cloud")
    window.catalogue.add_by_code(MILK)
    dialog = open_card_dialog(window, qtbot, wait_until)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: dialog.approved)
    assert len(driver.sent) == 1 and driver.queried == [driver.sent[0].reference]
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: window.last_document is not None)
    assert window.last_document.payments[0].auth_code == "QRY123"
    db.close()
