"""«Πληρωμή αργότερα»: send the sale to the terminal as a preloaded payment; the receipt is issued with it pending."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.contract import STATE_TEXT, TerminalState
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.preload import PreloadResult, PreloadService
from nexipos_desktop.payments.preload_store import MAX_EXPIRY_MINUTES, issued_document
from nexipos_desktop.payments.service import OpenSale
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.ui.tasks import off_thread, spawn


class PreloadSendDialog(QDialog):
    """Sends one preload; ``document`` holds the issued receipt once the terminal has taken it."""

    def __init__(self, preloads: PreloadService, sale: OpenSale, due_cents: int, expiry_minutes: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preloads, self.sale, self.due_cents = preloads, sale, due_cents
        self.document: ReceiptDocument | None = None
        self.attempt_id: int | None = None
        self.setWindowTitle(self.tr("Πληρωμή αργότερα στο τερματικό"))
        self.setMinimumWidth(560)
        self.expiry = QSpinBox(objectName="preloadExpiry", minimum=1, maximum=MAX_EXPIRY_MINUTES)
        self.expiry.setValue(expiry_minutes)
        self.expiry.setSuffix(self.tr(" λεπτά"))
        amount = QLabel(f"{format_cents(due_cents)} €", objectName="preloadAmount")
        amount.setStyleSheet("font-size: 22px; font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Τερματικό:"), QLabel(preloads.payments.terminal_name))
        form.addRow(self.tr("Ποσό:"), amount)
        form.addRow(self.tr("Λήξη σε:"), self.expiry)
        guide = QLabel(self.tr("Η απόδειξη εκδίδεται τώρα με την πληρωμή με κάρτα σε εκκρεμότητα. Ο πελάτης πληρώνει αργότερα στο τερματικό: «Άλλες Συναλλαγές» → «Προφορτωμένες Αποδείξεις» (Android POS) ή «Λειτουργίες» → «Προπαραγγελίες» (SoftPOS). Το ποσό μπορεί να μειωθεί στο τερματικό."),
                       objectName="preloadGuide")
        guide.setWordWrap(True)
        self.state = QLabel(objectName="preloadState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-size: 16px;")
        self.send_button = QPushButton(self.tr("Αποστολή στο τερματικό"), objectName="preloadSendButton")
        self.query_button = QPushButton(self.tr("Ερώτηση στο τερματικό"), objectName="preloadQueryButton")
        self.close_button = QPushButton(self.tr("Κλείσιμο"), objectName="preloadCloseButton")
        self.query_button.hide()
        self.send_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        for button in (self.send_button, self.query_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(guide)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(lambda _=False: self.on_send_button_clicked())
        self.query_button.clicked.connect(lambda _=False: spawn(self.query(), on_error=self._failed))
        self.close_button.clicked.connect(self.accept)

    def on_send_button_clicked(self) -> None:
        for widget in (self.send_button, self.close_button, self.expiry):
            widget.setEnabled(False)
        self.state.setText(self.tr("Αποστολή στο τερματικό…"))
        spawn(self.send(), on_error=self._failed)

    async def send(self) -> PreloadResult | None:
        try:
            result = await self.preloads.send(self.sale, expiry_minutes=self.expiry.value(), progress=self.on_progress)
        except PaymentError as exc:
            self._failed(exc)
            return None
        self.attempt_id = result.card.attempt_id
        outcome = result.card.outcome
        if result.document is not None:
            self._sent(result.document)
        elif outcome.kind == "in_doubt":
            self.show_in_doubt()
        else:
            detail = getattr(outcome, "message", "") or getattr(outcome, "reason", "") or outcome.kind
            self._failed(PaymentError(self.tr("Το τερματικό δεν δέχτηκε την προφόρτωση: {0}").format(detail)))
        return result

    def on_progress(self, state: TerminalState) -> None:
        self.state.setText(STATE_TEXT[state] if state != TerminalState.DONE else self.tr("Αναμονή απάντησης…"))

    async def query(self) -> None:
        self.query_button.setEnabled(False)
        self.state.setText(self.tr("Ερώτηση στο τερματικό…"))
        outcome = await self.preloads.payments.resolve_by_query(self.attempt_id)
        if outcome is not None and outcome.kind == "pending":
            self._sent(await off_thread(issued_document, self.preloads.db, self.sale.receipt_id))
        elif outcome is None:
            self.query_button.hide()
            self._failed(PaymentError(self.tr("Το τερματικό δεν έλαβε την προφόρτωση· δεν εκδόθηκε απόδειξη. Δοκιμάστε ξανά.")))
        else:
            self.query_button.setEnabled(True)
            self.state.setText(self.tr("Το τερματικό δεν απάντησε ακόμη· δοκιμάστε ξανά σε λίγο."))

    def _sent(self, document: ReceiptDocument) -> None:
        self.document = document
        self.state.setStyleSheet("font-size: 17px; font-weight: bold; color: #0d5223;")
        self.state.setText(self.tr("Στάλθηκε στο τερματικό · εκδόθηκε η απόδειξη {0}-{1} με την πληρωμή σε εκκρεμότητα").format(
            document.series, document.number))
        self.query_button.hide()
        self.send_button.hide()
        self.close_button.setEnabled(True)

    def show_in_doubt(self) -> None:
        self.state.setStyleSheet("font-size: 16px; font-weight: bold; color: #8a4b00;")
        self.state.setText(self.tr("Άγνωστο αν το τερματικό πήρε την προφόρτωση. ΜΗΝ τη στείλετε ξανά: ρωτήστε το τερματικό."))
        self.query_button.show()
        self.query_button.setEnabled(True)
        self.send_button.setEnabled(False)
        self.expiry.setEnabled(False)
        self.close_button.setEnabled(True)  # the sale stays open and locked until the query answers

    def _failed(self, error: BaseException) -> None:
        self.state.setStyleSheet("font-size: 16px; color: #8a1c12;")
        self.state.setText(str(error))
        in_doubt = not self.query_button.isHidden()
        self.close_button.setEnabled(True)
        self.send_button.setEnabled(not in_doubt)
        self.expiry.setEnabled(not in_doubt)
        self.query_button.setEnabled(in_doubt)

    def reject(self) -> None:  # Esc: only when nothing is running
        if self.close_button.isEnabled():
            super().reject()
