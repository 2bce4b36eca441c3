"""Receipts history: filter, view, reprint as «ΑΝΤΙΓΡΑΦΟ», save as PDF, refund with a credit note."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox

MILK = "5200480147201"
OLIVES = "5206693052639"


def ring(window, run, *codes, tendered=5000):
    for code in codes:
        window.catalogue.add_by_code(code)
    return run(window.issue_cash(tendered, print_it=False))


def test_history_lists_views_and_saves_a_copy(pos_window, run, wait_until, tmp_path):
    window = pos_window()
    first = ring(window, run, MILK)
    second = ring(window, run, MILK, OLIVES)
    window.show_history()
    dialog = window.history_dialog
    wait_until(lambda: dialog.model.rowCount() == 2 and dialog.document is not None)
    assert dialog.model.item(0, 2).text() == f"Α-{second.number}"  # newest first
    assert second.uid in dialog.preview.toPlainText()
    dialog.number.setText(str(first.number))
    wait_until(lambda: dialog.model.rowCount() == 1 and dialog.document is not None
               and dialog.document.number == first.number)
    out = tmp_path / "copy.pdf"
    saved = run(dialog.save_pdf(out))
    text = PdfReader(saved).pages[0].extract_text()
    assert "ΑΝΤΙΓΡΑΦΟ" in text and "Γάλα φρέσκο πλήρες 1L" in text


def test_history_filters_by_day(pos_window, run, wait_until):
    window = pos_window()
    ring(window, run, MILK)
    window.show_history()
    dialog = window.history_dialog
    wait_until(lambda: dialog.model.rowCount() == 1)
    dialog.day.setDate(dialog.day.date().addDays(-1))
    wait_until(lambda: dialog.model.rowCount() == 0 and dialog.status.text() == "0 αποδείξεις")
    dialog.all_days.setChecked(True)
    wait_until(lambda: dialog.model.rowCount() == 1)


def test_refund_issues_a_linked_credit_note_once(pos_window, run, wait_until, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window = pos_window()
    sale = ring(window, run, OLIVES)
    window.show_history()
    dialog = window.history_dialog
    wait_until(lambda: dialog.document is not None)
    credit = run(dialog.issue_refund(dialog.rows[0].id))
    assert (credit.invoice_type, credit.total_cents, credit.correlated_uid) == ("11.4", sale.total_cents, sale.uid)
    wait_until(lambda: dialog.model.rowCount() == 2)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    original_row = next(i for i, row in enumerate(dialog.rows) if row.invoice_type == "11.1")
    assert run(dialog.issue_refund(dialog.rows[original_row].id)) is None
    assert warnings and "ήδη" in warnings[0]
