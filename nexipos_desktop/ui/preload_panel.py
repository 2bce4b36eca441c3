"""«Προφορτωμένες»: the preloaded card payments still waiting on the terminal or needing the cashier."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from nexipos_desktop.clock import athens_now
from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.preload_store import PreloadRow
from nexipos_desktop.ui.cash_dialog import CashDialog
from nexipos_desktop.ui.tasks import off_thread, spawn

STATE_TEXT = {
    "pending": QT_TRANSLATE_NOOP("PreloadsDialog", "Αναμονή πληρωμής"),
    "paid": QT_TRANSLATE_NOOP("PreloadsDialog", "Πληρώθηκε"),
    "expired": QT_TRANSLATE_NOOP("PreloadsDialog", "Έληξε"),
    "cancelled": QT_TRANSLATE_NOOP("PreloadsDialog", "Ακυρώθηκε"),
}
RECEIPT, AMOUNT, PAID, BALANCE, AGE, EXPIRES, STATE, MESSAGE = range(8)


def age_text(seconds: float) -> str:
    minutes = int(seconds // 60)
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else f"{minutes}′"


class PreloadsDialog(QDialog):
    """Lists preloads with amount, age, expiry and state; says what to do next; collects balances."""

    def __init__(self, preloads: PreloadService, tracker: PreloadTracker | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preloads, self.tracker = preloads, tracker
        self.rows: list[PreloadRow] = []
        self.cash_dialog: CashDialog | None = None
        self.setWindowTitle(self.tr("Προφορτωμένες πληρωμές"))
        self.resize(980, 460)
        self.table = QTableWidget(0, 8, objectName="preloadTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Απόδειξη"), self.tr("Ποσό"), self.tr("Πληρώθηκε"), self.tr("Υπόλοιπο"), self.tr("Ηλικία"),
            self.tr("Λήξη"), self.tr("Κατάσταση"), self.tr("Τελευταίο μήνυμα")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.advice = QLabel(objectName="preloadAdvice")
        self.advice.setWordWrap(True)
        self.advice.setStyleSheet("font-size: 15px;")
        self.summary = QLabel(objectName="preloadSummary")
        self.show_all = QCheckBox(self.tr("Και οι ολοκληρωμένες"), objectName="preloadShowAll")
        self.check_button = QPushButton(self.tr("Έλεγχος τώρα"), objectName="preloadCheckButton")
        self.cash_button = QPushButton(self.tr("Υπόλοιπο σε μετρητά"), objectName="preloadCashButton")
        self.card_button = QPushButton(self.tr("Υπόλοιπο με κάρτα"), objectName="preloadCardButton")
        self.credit_button = QPushButton(self.tr("Εκδόθηκε πιστωτικό"), objectName="preloadCreditButton")
        self.close_button = QPushButton(self.tr("Κλείσιμο"), objectName="preloadListCloseButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all)
        buttons.addStretch()
        for button in (self.check_button, self.cash_button, self.card_button, self.credit_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)
        layout.addLayout(buttons)
        self.check_button.setVisible(tracker is not None)
        self.check_button.clicked.connect(lambda _=False: spawn(self.check_now(), on_error=self.show_error))
        self.cash_button.clicked.connect(lambda _=False: self.on_cash_button_clicked())
        self.card_button.clicked.connect(lambda _=False: spawn(self.settle_by_card(), on_error=self.show_error))
        self.credit_button.clicked.connect(lambda _=False: spawn(self.close_by_credit_note(), on_error=self.show_error))
        self.close_button.clicked.connect(self.accept)
        self.show_all.toggled.connect(lambda _on: spawn(self.refresh(), on_error=self.show_error))
        self.table.itemSelectionChanged.connect(self.on_table_item_selection_changed)
        self._update_buttons()

    # ----- data -----
    async def refresh(self) -> None:
        selected = self.selected()
        self.rows = await off_thread(self.preloads.rows, open_only=not self.show_all.isChecked())
        self.fill(selected.id if selected else None)

    def fill(self, keep_id: int | None = None) -> None:
        now = athens_now()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            paid = format_cents(row.final_amount_cents) if row.final_amount_cents is not None else "—"
            expired = row.expired_locally(now)
            state = QCoreApplication.translate("PreloadsDialog", STATE_TEXT.get(row.state, row.state))
            if expired:
                state = self.tr("Έληξε; αναμονή επιβεβαίωσης")
            values = [row.receipt_label, format_cents(row.amount_cents), paid, format_cents(row.balance_cents),
                      age_text((now - row.created_at).total_seconds()), f"{row.expires_at:%d/%m %H:%M}", state,
                      row.last_message]
            colour = QColor("#fdecea") if row.needs_cashier else QColor("#fff4e0") if expired else None
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (AMOUNT, PAID, BALANCE):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour is not None:
                    item.setBackground(colour)
                self.table.setItem(index, column, item)
        waiting = sum(1 for r in self.rows if r.state == "pending")
        attention = sum(1 for r in self.rows if r.needs_cashier)
        self.summary.setText(self.tr("Σε αναμονή: {0} · Θέλουν ενέργεια: {1}").format(waiting, attention))
        ids = [r.id for r in self.rows]
        if keep_id in ids:
            self.table.selectRow(ids.index(keep_id))
        elif self.rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> PreloadRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    # ----- what to do next -----
    def on_table_item_selection_changed(self) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        needs = row is not None and row.needs_cashier
        for button in (self.cash_button, self.card_button, self.credit_button):
            button.setEnabled(needs)
        self.advice.setStyleSheet("font-size: 15px;" + (" color: #8a1c12;" if needs else ""))
        self.advice.setText(self.advice_for(row) if row else self.tr("Δεν υπάρχουν προφορτωμένες πληρωμές σε εκκρεμότητα."))

    def advice_for(self, row: PreloadRow) -> str:
        balance = format_cents(row.balance_cents)
        if row.state == "pending":
            return self.tr("Ο πελάτης πληρώνει στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ταμείο ελέγχει αυτόματα.")
        if row.state == "paid" and row.needs_cashier:
            return self.tr("Πληρώθηκε μικρότερο ποσό στο τερματικό. Εισπράξτε το υπόλοιπο {0} € με μετρητά ή άλλη κάρτα.").format(balance)
        if row.needs_cashier:
            return self.tr("Δεν πληρώθηκε ({0}). Εισπράξτε {1} € με μετρητά ή κάρτα, ή εκδώστε πιστωτικό από το Ιστορικό αποδείξεων (F10) και πατήστε «Εκδόθηκε πιστωτικό».").format(
                QCoreApplication.translate("PreloadsDialog", STATE_TEXT.get(row.state, row.state)), balance)
        return self.tr("Ολοκληρώθηκε.")

    async def check_now(self) -> None:
        if self.tracker is None:
            return
        self.check_button.setEnabled(False)
        self.advice.setText(self.tr("Έλεγχος στο τερματικό…"))
        try:
            await self.tracker.check_now()
            await self.refresh()
        finally:
            self.check_button.setEnabled(True)

    def on_cash_button_clicked(self) -> None:
        row = self.selected()
        if row is None or not row.needs_cashier or self.cash_dialog is not None:
            return
        self.cash_dialog = CashDialog(row.balance_cents, print_receipt=False, parent=self)
        self.cash_dialog.finished.connect(lambda result, preload_id=row.id: self.on_cash_dialog_finished(result, preload_id))
        self.cash_dialog.open()

    def on_cash_dialog_finished(self, result: int, preload_id: int) -> None:
        dialog, self.cash_dialog = self.cash_dialog, None
        dialog.deleteLater()
        tendered = dialog.tendered_cents()
        if result == CashDialog.DialogCode.Accepted and tendered is not None:
            spawn(self.settle_in_cash(preload_id, tendered), on_error=self.show_error)

    async def settle_in_cash(self, preload_id: int, tendered_cents: int) -> None:
        try:
            await self.preloads.settle_balance_in_cash(preload_id, tendered_cents)
        except (PaymentError, ValueError) as exc:
            self.show_error(exc)
            return
        await self.refresh()
        self.show_done(self.tr("Το υπόλοιπο εισπράχθηκε σε μετρητά."))

    async def settle_by_card(self) -> None:
        row = self.selected()
        if row is None or not row.needs_cashier:
            return
        self.setEnabled(False)
        self.advice.setText(self.tr("Πληρωμή {0} € στο τερματικό: ο πελάτης να ακουμπήσει ή να εισάγει την κάρτα").format(
            format_cents(row.balance_cents)))
        try:
            result = await self.preloads.settle_balance_by_card(row.id)
        except PaymentError as exc:
            self.show_error(exc)
            return
        finally:
            self.setEnabled(True)
        await self.refresh()
        if result is None or result.outcome.kind == "approved":
            self.show_done(self.tr("Το υπόλοιπο πληρώθηκε με κάρτα."))
        else:
            detail = getattr(result.outcome, "message", "") or getattr(result.outcome, "reason", "")
            self.show_error(PaymentError(self.tr("Η κάρτα δεν χρεώθηκε: {0}").format(detail or result.outcome.kind)))

    async def close_by_credit_note(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            await self.preloads.close_by_credit_note(row.id)
        except PaymentError as exc:
            self.show_error(exc)
            return
        await self.refresh()
        self.show_done(self.tr("Η προφορτωμένη πληρωμή έκλεισε με πιστωτικό."))

    def show_done(self, text: str) -> None:
        self.advice.setStyleSheet("font-size: 15px; color: #0d5223;")
        self.advice.setText(text)

    def show_error(self, error: BaseException) -> None:
        self.advice.setStyleSheet("font-size: 15px; color: #8a1c12;")
        self.advice.setText(str(error))
