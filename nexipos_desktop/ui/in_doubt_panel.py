"""Resolving a card payment whose outcome is unknown: from the terminal's slip, never by charging again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.contract import Operation
from nexipos_desktop.payments.service import PaymentError, PaymentService
from nexipos_desktop.storage.models import CardAttempt
from nexipos_desktop.ui.tasks import off_thread, spawn


class InDoubtPanel(QWidget):
    """Guides the cashier: query the terminal where possible, else read its last transaction and say what it shows."""

    resolved = Signal(bool)  # approved?

    def __init__(self, service: PaymentService, attempt: CardAttempt, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.attempt = attempt
        self.setObjectName("inDoubtPanel")
        title = QLabel(self.tr("Άγνωστο αποτέλεσμα πληρωμής {0} € ({1})").format(
            format_cents(attempt.amount_cents), attempt.reference), objectName="inDoubtTitle")
        title.setStyleSheet("font-weight: bold; color: #8a4b00;")
        guide = QLabel(self.tr(
            "Η σύνδεση με το τερματικό χάθηκε πριν έρθει το αποτέλεσμα. ΜΗΝ ξαναχρεώσετε την κάρτα.\n"
            "Δείτε στο τερματικό την τελευταία συναλλαγή (ή την απόδειξή του) και δηλώστε τι δείχνει."))
        guide.setWordWrap(True)
        self.auth_code = QLineEdit(objectName="authCode", placeholderText=self.tr("6 χαρακτήρες"))
        self.rrn = QLineEdit(objectName="rrn", placeholderText=self.tr("12 ψηφία"))
        self.problem = QLabel(objectName="inDoubtProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Κωδ. έγκρισης:"), self.auth_code)
        form.addRow(self.tr("RRN:"), self.rrn)
        self.query_button = QPushButton(self.tr("Ερώτηση στο τερματικό"), objectName="queryButton")
        self.approved_button = QPushButton(self.tr("Εγκρίθηκε"), objectName="approvedButton")
        self.not_approved_button = QPushButton(self.tr("Δεν εγκρίθηκε"), objectName="notApprovedButton")
        buttons = QHBoxLayout()
        for button in (self.query_button, self.approved_button, self.not_approved_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(guide)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.query_button.setVisible(getattr(service.driver, "query", None) is not None
                                     and Operation.STATUS_QUERY in service.capabilities)
        self.preload = attempt.operation == Operation.PRELOAD.value
        if self.preload:  # paid later on the terminal, never from a slip now: only the terminal's host can say
            guide.setText(self.tr(
                "Η σύνδεση χάθηκε ενώ η πληρωμή στελνόταν στο τερματικό για αργότερα. ΜΗΝ τη στείλετε ξανά.\n"
                "Πατήστε «Ερώτηση στο τερματικό»: αν έφτασε, η απόδειξη εκδίδεται και η πληρωμή παρακολουθείται "
                "στις «Προφορτωμένες»."))
            for widget in (self.auth_code, self.rrn, self.approved_button, self.not_approved_button):
                widget.setVisible(False)
            for label in (form.labelForField(self.auth_code), form.labelForField(self.rrn)):
                label.setVisible(False)
        self.query_button.clicked.connect(lambda _=False: spawn(self.query(), on_error=self._show_error))
        self.approved_button.clicked.connect(lambda _=False: spawn(self.force_resolve(True), on_error=self._show_error))
        self.not_approved_button.clicked.connect(lambda _=False: spawn(self.force_resolve(False), on_error=self._show_error))

    async def query(self) -> None:
        self.problem.setText(self.tr("Ερώτηση στο τερματικό…"))
        outcome = await self.service.resolve_by_query(self.attempt.id)
        if outcome is None or outcome.kind == "in_doubt":
            self.problem.setText(self.tr("Το τερματικό δεν έδωσε απάντηση· δηλώστε τι δείχνει η απόδειξή του.")
                                 if not self.preload else
                                 self.tr("Το τερματικό δεν έδωσε ακόμη απάντηση· δοκιμάστε ξανά σε λίγο."))
            return
        if outcome.kind == "pending":
            self.problem.setStyleSheet("color: #0d5223;")
            self.problem.setText(self.tr("Η πληρωμή περιμένει στο τερματικό («Προφορτωμένες»): η απόδειξη "
                                         "εκδόθηκε και η πληρωμή παρακολουθείται."))
        self.resolved.emit(outcome.kind == "approved")

    async def force_resolve(self, approved: bool) -> None:
        """The cashier's word instead of the terminal's: an admin approves it first (audited)."""
        from nexipos_desktop.ui.pin_dialog import authorise

        if await authorise(self, "force_resolve", self.tr("Χειροκίνητη επίλυση πληρωμής"),
                           reference=self.attempt.reference, approved=approved) is None:
            self.problem.setText(self.tr("Χρειάζεται έγκριση διαχειριστή για να δηλωθεί το αποτέλεσμα."))
            return
        await self.declare(approved)

    async def declare(self, approved: bool) -> None:
        try:
            await off_thread(self.service.resolve_by_cashier, self.attempt.id, approved=approved,
                             auth_code=self.auth_code.text().strip(), rrn=self.rrn.text().strip())
        except PaymentError as exc:
            self.problem.setText(str(exc))
            return
        self.resolved.emit(approved)

    def _show_error(self, error: BaseException) -> None:
        self.problem.setText(str(error))
