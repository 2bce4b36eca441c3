"""Users (first run only): the admin who authorises settings, voids, refunds and forced resolutions, and a cashier."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWizardPage

from nexipos_desktop.admin.pins import PinError, check_pin_format
from nexipos_desktop.admin.roles import Role
from nexipos_desktop.admin.setup_apply import UserDraft
from nexipos_desktop.ui.wizard.common import SetupState, note_label, problem_label


def pin_edit(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password, maxLength=8)
    edit.setInputMask("")
    return edit


class UsersPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Χρήστες και PIN"))
        self.setSubTitle(self.tr("Ο διαχειριστής εγκρίνει ρυθμίσεις, ακυρώσεις, επιστροφές και χειροκίνητη επίλυση πληρωμών."))
        self.admin_name = QLineEdit(self.tr("Διαχειριστής"), objectName="adminName")
        self.admin_pin, self.admin_pin2 = pin_edit("adminPin"), pin_edit("adminPin2")
        self.cashier_name = QLineEdit(self.tr("Ταμίας 1"), objectName="cashierName")
        self.cashier_pin = pin_edit("cashierPin")
        self.problem = problem_label("usersProblem")
        form = QFormLayout()
        form.addRow(self.tr("Διαχειριστής:"), self.admin_name)
        form.addRow(self.tr("PIN διαχειριστή (4–8 ψηφία):"), self.admin_pin)
        form.addRow(self.tr("PIN ξανά:"), self.admin_pin2)
        form.addRow(QLabel(""))
        form.addRow(self.tr("Ταμίας:"), self.cashier_name)
        form.addRow(self.tr("PIN ταμία:"), self.cashier_pin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note_label(self.tr("Τα PIN αποθηκεύονται μόνο ως αργό κρυπτογραφικό αποτύπωμα (scrypt). Μετά από 3 λάθος PIN το PIN κλειδώνει για λίγο.")))
        layout.addStretch()
        layout.addWidget(self.problem)

    def validatePage(self) -> bool:
        admin, cashier = self.admin_name.text().strip(), self.cashier_name.text().strip()
        try:
            if not admin or not cashier:
                raise PinError(self.tr("Συμπληρώστε τα ονόματα."))
            if admin == cashier:
                raise PinError(self.tr("Ο διαχειριστής και ο ταμίας χρειάζονται διαφορετικά ονόματα."))
            check_pin_format(self.admin_pin.text())
            if self.admin_pin.text() != self.admin_pin2.text():
                raise PinError(self.tr("Τα δύο PIN του διαχειριστή διαφέρουν."))
            check_pin_format(self.cashier_pin.text())
            if self.cashier_pin.text() == self.admin_pin.text():
                raise PinError(self.tr("Ο ταμίας χρειάζεται άλλο PIN από τον διαχειριστή."))
        except PinError as exc:
            self.problem.setText(str(exc))
            return False
        self.state.plan.users = [UserDraft(cashier, Role.CASHIER, self.cashier_pin.text()),
                                 UserDraft(admin, Role.ADMIN, self.admin_pin.text())]
        self.problem.clear()
        return True
