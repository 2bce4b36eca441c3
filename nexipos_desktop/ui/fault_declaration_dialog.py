"""«Δήλωση βλάβης»: record a card payment the terminal took on its own, from its slip (TID, RRN, auth code)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from nexipos_desktop.money import AmountError, format_cents, parse_amount
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.fault_declaration import record_fault_declaration
from nexipos_desktop.payments.service import OpenSale, PaymentService
from nexipos_desktop.ui.tasks import off_thread, spawn


class FaultDeclarationDialog(QDialog):
    """The slip's data, checked before anything is stored; ``recorded`` is True once it is in the journal."""

    def __init__(self, service: PaymentService, sale: OpenSale, due_cents: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.sale, self.due_cents = service, sale, due_cents
        self.recorded = False
        self.setWindowTitle(self.tr("Δήλωση βλάβης: πληρωμή από την απόδειξη του τερματικού"))
        self.setMinimumWidth(540)
        guide = QLabel(self.tr("Όταν χάνεται η σύνδεση, το τερματικό δουλεύει αυτόνομα: «Ρυθμίσεις ECR» → «Κλείδωμα πληκτρολογίου» (απενεργοποίηση). Χρεώστε την κάρτα στο τερματικό και γράψτε εδώ τα στοιχεία της απόδειξής του. Η πληρωμή σημειώνεται ως δήλωση βλάβης και ελέγχεται στη συμφωνία ημέρας."))
        guide.setWordWrap(True)
        self.amount = QLineEdit(format_cents(due_cents), objectName="faultAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.tid = QLineEdit(service.tid, objectName="faultTid", placeholderText=self.tr("8 χαρακτήρες"))
        self.rrn = QLineEdit(objectName="faultRrn", placeholderText=self.tr("12 ψηφία"))
        self.auth_code = QLineEdit(objectName="faultAuthCode", placeholderText=self.tr("6 χαρακτήρες"))
        self.last4 = QLineEdit(objectName="faultLast4", placeholderText=self.tr("προαιρετικά"))
        form = QFormLayout()
        form.addRow(self.tr("Ποσό:"), self.amount)
        form.addRow(self.tr("TID:"), self.tid)
        form.addRow(self.tr("RRN:"), self.rrn)
        form.addRow(self.tr("Κωδ. έγκρισης:"), self.auth_code)
        form.addRow(self.tr("Τελευταία 4 ψηφία κάρτας:"), self.last4)
        self.problem = QLabel(objectName="faultProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(self.tr("Καταχώριση"), objectName="faultSaveButton")
        self.cancel_button = QPushButton(self.tr("Άκυρο"), objectName="faultCancelButton")
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(guide)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(lambda _=False: spawn(self.save(), on_error=self.show_problem))
        self.cancel_button.clicked.connect(self.reject)

    async def save(self) -> bool:
        try:
            amount = parse_amount(self.amount.text())
        except AmountError as exc:
            self.show_problem(exc)
            return False
        self.save_button.setEnabled(False)
        try:
            await off_thread(record_fault_declaration, self.service, self.sale, amount, tid=self.tid.text(),
                             rrn=self.rrn.text(), auth_code=self.auth_code.text(), pan_last4=self.last4.text())
        except PaymentError as exc:
            self.show_problem(exc)
            return False
        finally:
            self.save_button.setEnabled(True)
        self.recorded = True
        self.accept()
        return True

    def show_problem(self, error: BaseException) -> None:
        self.problem.setText(str(error))
