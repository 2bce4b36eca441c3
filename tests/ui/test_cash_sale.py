"""Ringing and issuing a cash sale in the till window, as a cashier does it."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlmodel import select

from nexipos_desktop.storage.models import Payment, Receipt

MILK = "5200480147201"  # P0001 Γάλα φρέσκο πλήρες 1L, 1.89 €, 13%


def receipts(window):
    with window.context.db.read() as session:
        return session.exec(select(Receipt).where(Receipt.status == "issued")).all()


def test_search_enter_cash_issue_print(pos_window, qtbot, wait_until, tmp_path):
    window = pos_window()
    window.catalogue.search.setText("γαλα φρεσκο πληρ")  # QTest types ASCII only; Greek arrives as text
    assert window.catalogue.results.count() >= 1
    qtbot.keyClick(window.catalogue.search, Qt.Key.Key_Return)
    assert [line.code for line in window.model.cart.lines] == ["P0001"]
    assert window.totals.total.text() == "1,89 €"
    assert "13%" in window.totals.breakdown.text()
    assert window.card_button.isEnabled() is False and "τερματικό" in window.card_button.toolTip()

    qtbot.keyClick(window, Qt.Key.Key_F8)
    dialog = window.cash_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.tendered, "1,50")
    assert not dialog.issue_button.isEnabled() and "0,39" in dialog.problem.text()
    dialog.tendered.clear()
    qtbot.keyClicks(dialog.tendered, "5")
    assert dialog.change.text() == "3,11 €"
    qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)

    pdf = tmp_path / "receipts" / "11.1-Α-1.pdf"
    wait_until(lambda: pdf.exists() and "PDF" in window.statusBar().currentMessage())
    doc = window.last_document
    assert (doc.invoice_type, doc.series, doc.number, doc.total_cents) == ("11.1", "Α", 1, 189)
    assert window.model.cart.is_empty and window.totals.total.text() == "0,00 €"
    assert window.banner.text() == "Εκδόθηκε ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ Α-1 · Ρέστα: 3,11 €"
    [receipt] = receipts(window)
    assert receipt.uid == doc.uid and receipt.total_cents == 189
    with window.context.db.read() as session:
        payment = session.exec(select(Payment)).one()
        assert (payment.tendered_cents, payment.change_cents) == (500, 311)
    text = PdfReader(pdf).pages[0].extract_text()
    assert "Γάλα φρέσκο πλήρες 1L" in text and "1,89" in text


def test_change_is_announced_after_issue(pos_window, qtbot, wait_until, run):
    window = pos_window()
    window.catalogue.add_by_code(MILK)
    document = run(window.issue_cash(1000, print_it=False))
    assert document.number == 1
    assert window.banner.text().endswith("Ρέστα: 8,11 €")
    assert window.last_receipt_label.text() == "Τελευταία: Α-1"


def test_scanner_burst_adds_the_product_wherever_the_focus_is(pos_window, qtbot):
    window = pos_window()
    window.cart_view.setFocus()
    QTest.keyClicks(window.cart_view, MILK)  # a scanner types digits within milliseconds…
    QTest.keyClick(window.cart_view, Qt.Key.Key_Return)  # …and Enter
    assert [line.code for line in window.model.cart.lines] == ["P0001"]
    window.catalogue.search.setFocus()
    QTest.keyClicks(window.catalogue.search, MILK)
    QTest.keyClick(window.catalogue.search, Qt.Key.Key_Return)
    assert window.model.cart.lines[0].quantity == 2
    assert window.catalogue.search.text() == ""  # the digits did not land in the search box


def test_digits_typed_by_hand_reach_the_focused_field(pos_window, qtbot):
    window = pos_window()
    window.catalogue.search.setFocus()
    for digit in "5200":
        QTest.keyClick(window.catalogue.search, digit)
        qtbot.wait(80)  # people type slower than the scanner threshold
    qtbot.wait(80)
    assert window.catalogue.search.text() == "5200"
    assert window.model.cart.is_empty


def test_unknown_barcode_is_reported_and_nothing_added(pos_window, qtbot):
    window = pos_window()
    QTest.keyClicks(window.cart_view, "9999999999994")
    QTest.keyClick(window.cart_view, Qt.Key.Key_Return)
    assert window.model.cart.is_empty
    assert "9999999999994" in window.banner.text() and "Άγνωστος" in window.banner.text()


def test_quick_key_quantity_discount_and_remove(pos_window, qtbot):
    window = pos_window()
    first_key = window.catalogue.quick_keys.findChild(type(window.cash_button), "quickKey1")
    qtbot.mouseClick(first_key, Qt.MouseButton.LeftButton)
    assert len(window.model.cart.lines) == 1
    price = window.model.cart.lines[0].unit_price_cents
    assert window.model.set_quantity(0, "3")
    assert window.model.cart.total_cents == 3 * price
    assert window.model.set_discount(0, "10%")
    assert window.model.cart.lines[0].discount_cents == round(3 * price / 10)
    assert not window.model.set_quantity(0, "-2")
    assert "θετική" in window.banner.text()
    assert window.model.cart.lines[0].quantity == 3  # the bad edit changed nothing
    assert not window.model.set_discount(0, "999")
    window.cart_view.selectRow(0)
    qtbot.keyClick(window.cart_view, Qt.Key.Key_Delete)
    assert window.model.cart.is_empty
    assert not window.cash_button.isEnabled()


def test_locked_database_keeps_the_cart_and_says_why(pos_window, qtbot, run, monkeypatch, db_path):
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    window = pos_window(busy_timeout_ms=100)
    window.catalogue.add_by_code(MILK)
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        assert run(window.issue_cash(500, print_it=False)) is None
    finally:
        blocker.rollback()
        blocker.close()
    assert shown and "κλειδωμένη" in shown[0]
    assert [line.code for line in window.model.cart.lines] == ["P0001"]
    assert receipts(window) == []
    assert window.cash_button.isEnabled()
    assert run(window.issue_cash(500, print_it=False)).number == 1  # and the same sale goes through after


def test_help_overlay_lists_the_function_keys(pos_window, qtbot):
    window = pos_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help_overlay.isVisible()
    keys = [key for key, _ in window.shortcut_help()]
    assert {"F1", "F2", "F4", "F5", "F8", "F9", "F10", "Esc", "Del"} <= set(keys)
    qtbot.keyClick(window.help_overlay, Qt.Key.Key_Escape)
    assert not window.help_overlay.isVisible()


@pytest.mark.parametrize("tendered", ["abc", "-5"])
def test_cash_dialog_refuses_bad_amounts(pos_window, qtbot, tendered):
    window = pos_window()
    window.catalogue.add_by_code(MILK)
    window.pay_cash()
    qtbot.keyClicks(window.cash_dialog.tendered, tendered)
    assert not window.cash_dialog.issue_button.isEnabled()
    assert window.cash_dialog.problem.text()
