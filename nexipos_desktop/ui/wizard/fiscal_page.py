"""Page 3: the A.1155 route: an e-invoicing provider's signature, or the fiscal device's ECR token."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
    QWidget, QWizardPage,
)

from nexipos_desktop.admin.fiscal_keys import ECR_MASTER_KEY_SECRET, PROVIDER_KEY_SECRET, FiscalKeyError, ProviderKey
from nexipos_desktop.admin.fiscal_keys import check_master_key, load_provider_key, validate_ecr_id
from nexipos_desktop.admin.fiscal_keys import validate_provider_id
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.wizard.common import SetupState, ok_style, problem_label


class FiscalPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.key: ProviderKey | None = None
        self.setTitle(self.tr("Φορολογική διαδρομή (ΑΑΔΕ 1155)"))
        self.setSubTitle(self.tr("Πώς υπογράφεται κάθε πληρωμή με κάρτα: με υπογραφή παρόχου (ΥΠΑΗΕΣ) ή με ECR token από ΦΗΜΑΣ."))
        self.provider_radio = QRadioButton(self.tr("Πάροχος ηλεκτρονικής τιμολόγησης (Provider Signature)"), objectName="routeProvider")
        self.device_radio = QRadioButton(self.tr("Φορολογικός μηχανισμός ΦΗΜΑΣ (ECR Token)"), objectName="routeDevice")
        group = QButtonGroup(self)
        group.addButton(self.provider_radio)
        group.addButton(self.device_radio)
        self.provider_id = QLineEdit(objectName="providerId", placeholderText="999")
        self.key_button = QPushButton(self.tr("Εισαγωγή κλειδιού PEM…"), objectName="keyButton")
        self.key_status = QLabel(objectName="keyStatus", wordWrap=True)
        self.ecr_id = QLineEdit(objectName="ecrId", placeholderText="ABC00111222")
        self.master_key = QLineEdit(objectName="masterKey", echoMode=QLineEdit.EchoMode.Password,
                                    placeholderText=self.tr("32 δεκαεξαδικά ψηφία"))
        self.exchange_button = QPushButton(self.tr("Δοκιμή ανταλλαγής κλειδιού"), objectName="exchangeButton")
        self.exchange_status = QLabel(objectName="exchangeStatus", wordWrap=True)
        self.problem = problem_label("fiscalProblem")
        self.provider_box, self.device_box = QWidget(), QWidget()
        provider_form = QFormLayout(self.provider_box)
        provider_form.addRow(self.tr("Αριθμός παρόχου:"), self.provider_id)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_button)
        key_row.addWidget(self.key_status, 1)
        provider_form.addRow(self.tr("Κλειδί υπογραφής:"), key_row)
        device_form = QFormLayout(self.device_box)
        device_form.addRow(self.tr("Αριθμός μητρώου ΦΗΜΑΣ (ECR id):"), self.ecr_id)
        device_form.addRow(self.tr("Master key:"), self.master_key)
        exchange_row = QHBoxLayout()
        exchange_row.addWidget(self.exchange_button)
        exchange_row.addWidget(self.exchange_status, 1)
        device_form.addRow("", exchange_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.provider_radio)
        layout.addWidget(self.provider_box)
        layout.addWidget(self.device_radio)
        layout.addWidget(self.device_box)
        layout.addStretch()
        layout.addWidget(self.problem)
        self.provider_radio.toggled.connect(lambda _on: self._show_route())
        self.key_button.clicked.connect(lambda _=False: self.ask_key_file())
        self.exchange_button.clicked.connect(lambda _=False: self.try_exchange())
        self.load()

    def load(self) -> None:
        values = self.state.values
        route = values.get("fiscal.route") or "provider"
        (self.device_radio if route == "ecr_token" else self.provider_radio).setChecked(True)
        self.provider_id.setText(str(values.get("fiscal.provider_id") or ""))
        self.ecr_id.setText(str(values.get("fiscal.ecr_id") or ""))
        if PROVIDER_KEY_SECRET in self.state.secrets_set:
            self.key_status.setText(self.tr("Υπάρχει αποθηκευμένο κλειδί· εισάγετε νέο μόνο για αλλαγή."))
        if ECR_MASTER_KEY_SECRET in self.state.secrets_set:
            self.master_key.setPlaceholderText(self.tr("αποθηκευμένο· αφήστε κενό για να μείνει"))
        self._show_route()

    def _show_route(self) -> None:
        self.provider_box.setEnabled(self.provider_radio.isChecked())
        self.device_box.setEnabled(self.device_radio.isChecked())

    def ask_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Ιδιωτικό κλειδί του παρόχου"), str(Path.home()),
                                              self.tr("Κλειδιά PEM (*.pem *.key);;Όλα τα αρχεία (*)"))
        if path:
            spawn(self.import_key(Path(path)), on_error=lambda exc: self.problem.setText(str(exc)))

    async def import_key(self, path: Path) -> bool:
        """Read the key off the GUI thread, sign and verify a test text; kept in memory until Finish."""
        self.key_status.setText(self.tr("Έλεγχος κλειδιού…"))
        try:
            self.key = await off_thread(load_provider_key, path)
        except FiscalKeyError as exc:
            self.key = None
            self.key_status.setText(str(exc))
            ok_style(self.key_status, False)
            return False
        self.key_status.setText(self.tr("Το κλειδί {0} επαληθεύτηκε: υπογράφει και η υπογραφή του επαληθεύεται.").format(path.name))
        ok_style(self.key_status, True)
        return True

    def try_exchange(self) -> bool:
        try:
            kcv = check_master_key(self.ecr_id.text(), self.master_key.text())
        except FiscalKeyError as exc:
            self.exchange_status.setText(str(exc))
            ok_style(self.exchange_status, False)
            return False
        self.exchange_status.setText(self.tr("Η δοκιμαστική ανταλλαγή κλειδιού πέτυχε (KCV {0}).").format(kcv))
        ok_style(self.exchange_status, True)
        return True

    def untouched_without_route(self) -> bool:
        """A till without a fiscal route (cash only so far) whose admin changed nothing on this page."""
        return (not self.state.first_run and (self.state.values.get("fiscal.route") or "none") == "none"
                and self.key is None and not self.provider_id.text().strip() and not self.ecr_id.text().strip()
                and not self.master_key.text().strip())

    def validatePage(self) -> bool:
        plan = self.state.plan
        if self.untouched_without_route():
            return True
        try:
            if self.provider_radio.isChecked():
                provider = validate_provider_id(self.provider_id.text())
                if self.key is None and PROVIDER_KEY_SECRET not in self.state.secrets_set:
                    raise FiscalKeyError(self.tr("Εισαγάγετε το ιδιωτικό κλειδί υπογραφής του παρόχου (αρχείο PEM)."))
                plan.settings.update({"fiscal.route": "provider", "fiscal.provider_id": provider})
                if self.key is not None:
                    plan.secrets[PROVIDER_KEY_SECRET] = self.key.pem
                plan.secrets.pop(ECR_MASTER_KEY_SECRET, None)
            else:
                ecr_id = validate_ecr_id(self.ecr_id.text())
                if self.master_key.text().strip() or ECR_MASTER_KEY_SECRET not in self.state.secrets_set:
                    if not self.try_exchange():
                        raise FiscalKeyError(self.exchange_status.text())
                    plan.secrets[ECR_MASTER_KEY_SECRET] = "".join(self.master_key.text().split()).upper()
                plan.settings.update({"fiscal.route": "ecr_token", "fiscal.ecr_id": ecr_id})
                plan.secrets.pop(PROVIDER_KEY_SECRET, None)
        except FiscalKeyError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        return True
