"""«Κάρτα»: one card payment on the terminal, with what the terminal is doing and what to do next."""

from __future__ import annotations

import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from nexipos_desktop.money import AmountError, format_cents, parse_amount
from nexipos_desktop.payments.contract import STATE_TEXT, Operation, TerminalState
from nexipos_desktop.payments.service import CardResult, OpenSale, PaymentError, PaymentService
from nexipos_desktop.payments.webecr.errors import PAIR_AGAIN
from nexipos_desktop.storage.models import CardAttempt
from nexipos_desktop.ui.in_doubt_panel import InDoubtPanel
from nexipos_desktop.ui.tasks import off_thread, spawn

OUTCOME_TEXT = {
    "approved": QT_TRANSLATE_NOOP("CardPaymentDialog", "Εγκρίθηκε"),
    "declined": QT_TRANSLATE_NOOP("CardPaymentDialog", "Απορρίφθηκε"),
    "cancelled": QT_TRANSLATE_NOOP("CardPaymentDialog", "Ακυρώθηκε στο τερματικό"),
    "failed": QT_TRANSLATE_NOOP("CardPaymentDialog", "Δεν ολοκληρώθηκε (δεν χρεώθηκε)"),
    "busy": QT_TRANSLATE_NOOP("CardPaymentDialog", "Το τερματικό είναι απασχολημένο· δοκιμάστε ξανά σε λίγο"),
    "batch_full": QT_TRANSLATE_NOOP("CardPaymentDialog", "Το πακέτο του τερματικού είναι γεμάτο: κλείστε το πακέτο "
                                                          "(«Πακέτο» → «Κλείσιμο Πακέτου»)"),
    "in_doubt": QT_TRANSLATE_NOOP("CardPaymentDialog", "Άγνωστο αποτέλεσμα"),
}


class CardPaymentDialog(QDialog):
    """Sends one payment and shows its progress; the register cannot cancel a payment once it is sent."""

    def __init__(self, service: PaymentService, sale: OpenSale, due_cents: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.sale, self.due_cents = service, sale, due_cents
        self.result: CardResult | None = None
        self.approved = False
        self._started = 0.0
        self.setWindowTitle(self.tr("Πληρωμή με κάρτα"))
        self.setMinimumWidth(520)
        self.amount = QLineEdit(format_cents(due_cents), objectName="cardAmount")
        self.amount.setStyleSheet("font-size: 22px;")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.tip = QSpinBox(objectName="tip", maximum=100000, suffix=" λεπτά")
        self.instalments = QSpinBox(objectName="instalments", maximum=36)
        form = QFormLayout()
        form.addRow(self.tr("Τερματικό:"), QLabel(service.terminal_name, objectName="terminalName"))
        form.addRow(self.tr("Ποσό:"), self.amount)
        if Operation.TIP in service.capabilities and getattr(service.driver, "sends_tip", False):
            form.addRow(self.tr("Φιλοδώρημα:"), self.tip)
        if Operation.INSTALMENTS in service.capabilities and getattr(service.driver, "sends_instalments", False):
            form.addRow(self.tr("Δόσεις:"), self.instalments)
        self.state = QLabel(self.tr("Πατήστε «Αποστολή» και δώστε το τερματικό στον πελάτη"), objectName="cardState")
        self.state.setWordWrap(True)
        self.state.setStyleSheet("font-size: 17px;")
        self.elapsed = QLabel(objectName="elapsed")
        self.outcome = QLabel(objectName="cardOutcome")
        self.outcome.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Αποστολή στο τερματικό"), objectName="sendButton")
        self.close_button = QPushButton(self.tr("Κλείσιμο"), objectName="closeButton")
        self.send_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(form)
        self.body.addWidget(self.state)
        self.body.addWidget(self.elapsed)
        self.body.addWidget(self.outcome)
        self.body.addLayout(buttons)
        self.timer = QTimer(self, interval=1000, timeout=self._tick)
        self.send_button.clicked.connect(lambda _=False: self.send())
        self.close_button.clicked.connect(self.accept)

    def amount_cents(self) -> int:
        cents = parse_amount(self.amount.text())
        if cents > self.due_cents:
            raise AmountError(f"Το ποσό υπερβαίνει το υπόλοιπο ({format_cents(self.due_cents)} €)")
        return cents

    def send(self) -> None:
        try:
            amount = self.amount_cents()
        except AmountError as exc:
            self.outcome.setText(str(exc))
            return
        for widget in (self.amount, self.tip, self.instalments, self.send_button, self.close_button):
            widget.setEnabled(False)
        spawn(self.run(amount), on_error=self._failed)

    async def run(self, amount_cents: int) -> CardResult | None:
        self._started = time.monotonic()
        self.timer.start()
        try:
            self.result = await self.service.charge(self.sale, amount_cents, tip_cents=self.tip.value(),
                                                    instalments=self.instalments.value(), progress=self.on_progress)
        except PaymentError as exc:
            self._failed(exc)
            return None
        finally:
            self.timer.stop()
        self.show_outcome(self.result)
        return self.result

    def on_progress(self, state: TerminalState) -> None:
        self.state.setText(STATE_TEXT[state])

    def show_outcome(self, result: CardResult) -> None:
        kind = result.outcome.kind
        detail = getattr(result.outcome, "message", "") or getattr(result.outcome, "reason", "")
        self.approved = kind == "approved"
        colour = "#0d5223" if self.approved else "#8a1c12"
        self.outcome.setStyleSheet(f"font-size: 18px; font-weight: bold; color: {colour};")
        text = QCoreApplication.translate("CardPaymentDialog", OUTCOME_TEXT.get(kind, kind))
        pair_again = kind == "failed" and getattr(result.outcome, "code", "") == PAIR_AGAIN
        if pair_again:  # the pairing key was revoked: not a payment failure, the admin pairs the terminal again
            text = self.tr("Χρειάζεται νέα σύζευξη του τερματικού (τίποτα δεν χρεώθηκε)")
            self.outcome.setStyleSheet("font-size: 18px; font-weight: bold; color: #8a4b00;")
            window = self.parent()
            if hasattr(window, "show_terminal"):
                window.show_terminal(window.context, detail)
        if self.approved:
            card = result.outcome
            text += f" · {card.card_type} {card.pan_masked} · {format_cents(card.final_amount_cents)} € · {card.auth_code}"
        if detail and not self.approved and not pair_again:  # the driver's own wording, once (it may already say what the headline says)
            text = detail if detail.startswith(text.split(":")[0]) else f"{text}: {detail}"
        self.outcome.setText(text + (f"\n{detail}" if pair_again else ""))
        self.adjustSize()  # a long wrapped message must not be clipped
        self.state.setText(self.tr("Έτοιμο") if kind != "in_doubt" else self.tr("Απαιτείται επιβεβαίωση"))
        if kind == "in_doubt":
            spawn(self._show_in_doubt(result.attempt_id), on_error=self._failed)
            return
        self.close_button.setEnabled(True)
        self.send_button.setEnabled(not self.approved)
        self.send_button.setText(self.tr("Νέα προσπάθεια"))
        self.amount.setEnabled(not self.approved)

    async def _show_in_doubt(self, attempt_id: int) -> None:
        attempt = await off_thread(self._load_attempt, attempt_id)
        panel = InDoubtPanel(self.service, attempt, self)
        panel.resolved.connect(self.on_in_doubt_resolved)
        self.body.insertWidget(self.body.count() - 1, panel)
        self.in_doubt_panel = panel
        if not panel.query_button.isHidden():  # the terminal can be asked: try that before the cashier
            await panel.query()

    def _load_attempt(self, attempt_id: int) -> CardAttempt:
        with self.service.db.read() as session:
            return session.get(CardAttempt, attempt_id)

    def on_in_doubt_resolved(self, approved: bool) -> None:
        self.approved = approved
        self.in_doubt_panel.setEnabled(False)
        self.outcome.setText(self.tr("Εγκρίθηκε (επιβεβαιώθηκε)") if approved else self.tr("Δεν χρεώθηκε"))
        self.close_button.setEnabled(True)
        self.send_button.setEnabled(not approved)
        self.send_button.setText(self.tr("Νέα προσπάθεια"))
        self.amount.setEnabled(not approved)

    def _tick(self) -> None:
        seconds = int(time.monotonic() - self._started)
        self.elapsed.setText(self.tr("Χρόνος: {0}:{1:02d}").format(seconds // 60, seconds % 60))

    def _failed(self, error: BaseException) -> None:
        self.outcome.setText(str(error))
        self.close_button.setEnabled(True)
        self.send_button.setEnabled(True)
        self.amount.setEnabled(True)

    def reject(self) -> None:  # Esc: only when nothing is running
        if self.close_button.isEnabled():
            super().reject()
