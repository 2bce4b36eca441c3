"""Page 1: what to do on the terminal before pairing (NEXI's checklist), support contacts, the demo shortcut."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QPushButton, QVBoxLayout, QWizardPage

from nexipos_desktop.ui.wizard.common import SetupState, note_label, problem_label

SUPPORT_PHONE = "2106244300"
SUPPORT_EMAIL = "pos.support@nexigroup.com"


class WelcomePage(QWizardPage):
    """The checklist must be ticked before Next; on a first run, one click sets up the demo shop instead."""

    demo_requested = Signal()

    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Καλώς ήρθατε στο NexiPOS"))
        self.setSubTitle(self.tr("Πριν από τη σύνδεση με το τερματικό NEXI, κάντε τα παρακάτω στο τερματικό."))
        self.checks = [
            QCheckBox(self.tr("Τερματικό ήδη σε χρήση: έκλεισα το πακέτο («Πακέτο» → «Κλείσιμο Πακέτου») ώστε να μην υπάρχουν εκκρεμείς συναλλαγές"), objectName="checkBatch"),
            QCheckBox(self.tr("Επανεκκίνησα την εφαρμογή πληρωμών (έξοδος και είσοδος από το εικονίδιο «Πληρωμή»)"), objectName="checkRestart"),
            QCheckBox(self.tr("Το τερματικό είναι στο ίδιο τοπικό δίκτυο Wi-Fi με το ταμείο (TCPSocket) ή έχει Internet με Wi-Fi ή 4G (WebECR)"), objectName="checkNetwork"),
        ]
        support = note_label(self.tr("Υποστήριξη NEXI POS: τηλ. {0} · e-mail {1}").format(SUPPORT_PHONE, SUPPORT_EMAIL),
                             "supportContacts")
        self.demo_button = QPushButton(self.tr("Χρήση ενσωματωμένου προσομοιωτή"), objectName="demoButton")
        self.demo_button.setToolTip(self.tr("Κατάστημα επίδειξης με προϊόντα και προσομοιωτή τερματικού, χωρίς ρυθμίσεις"))
        self.demo_button.clicked.connect(lambda _=False: self.demo_requested.emit())
        self.demo_button.setVisible(state.first_run)
        self.demo_pins = note_label(self.tr("Στο κατάστημα επίδειξης: PIN ταμία «Ταμίας 1» 0000, PIN διαχειριστή «Διαχειριστής» 1234."),
                                    "demoPins")
        self.demo_pins.setVisible(state.first_run)
        self.problem = problem_label("welcomeProblem")
        layout = QVBoxLayout(self)
        for check in self.checks:
            check.setStyleSheet("QCheckBox { padding: 4px; }")
            layout.addWidget(check)
        layout.addWidget(support)
        layout.addStretch()
        layout.addWidget(self.problem)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.demo_pins)

    def validatePage(self) -> bool:
        if all(check.isChecked() for check in self.checks):
            self.problem.clear()
            return True
        self.problem.setText(self.tr("Σημειώστε ότι ολοκληρώσατε κάθε βήμα· αλλιώς το τερματικό μπορεί να απορρίψει τη σύνδεση."))
        return False
