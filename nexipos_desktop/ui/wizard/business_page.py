"""Page 2: the business as printed on receipts and reported to myDATA; the subscription key goes to the keyring."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWizardPage

from nexipos_desktop.admin.vat_number import VatNumberError, validate_afm
from nexipos_desktop.ui.wizard.common import SetupState, problem_label

SUBSCRIPTION_SECRET = "mydata.subscription_key"
USER_ID_SECRET = "mydata.user_id"  # both myDATA credentials live in the keyring (fiscal/mydata_client.py)
SERIES_TYPES = (("11.1", "ΑΛΠ (11.1)"), ("11.2", "ΑΠΥ (11.2)"), ("11.4", "Πιστωτικό λιανικής (11.4)"))


class BusinessPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Στοιχεία επιχείρησης"))
        self.setSubTitle(self.tr("Όπως τυπώνονται στις αποδείξεις και δηλώνονται στο myDATA."))
        self.name = QLineEdit(objectName="shopName")
        self.vat = QLineEdit(objectName="shopVat", maxLength=11, placeholderText="094014201")
        self.tax_office = QLineEdit(objectName="shopTaxOffice", placeholderText=self.tr("π.χ. Α' Αθηνών"))
        self.address = QLineEdit(objectName="shopAddress")
        self.phone = QLineEdit(objectName="shopPhone")
        self.activity = QLineEdit(objectName="shopActivity")
        self.branch = QSpinBox(objectName="shopBranch", minimum=0, maximum=9999)
        self.series = {code: QLineEdit(objectName=f"series{code.replace('.', '')}", maxLength=50)
                       for code, _label in SERIES_TYPES}
        self.mydata_user = QLineEdit(objectName="mydataUser")
        self.subscription_key = QLineEdit(objectName="mydataKey", echoMode=QLineEdit.EchoMode.Password)
        self.problem = problem_label("businessProblem")
        form = QFormLayout()
        form.addRow(self.tr("Επωνυμία:"), self.name)
        form.addRow(self.tr("ΑΦΜ:"), self.vat)
        form.addRow(self.tr("ΔΟΥ:"), self.tax_office)
        form.addRow(self.tr("Διεύθυνση:"), self.address)
        form.addRow(self.tr("Τηλέφωνο:"), self.phone)
        form.addRow(self.tr("Δραστηριότητα:"), self.activity)
        form.addRow(self.tr("Αριθμός εγκατάστασης (υποκατάστημα, 0 = έδρα):"), self.branch)
        for code, label in SERIES_TYPES:
            form.addRow(self.tr("Σειρά {0}:").format(label), self.series[code])
        form.addRow(self.tr("myDATA όνομα χρήστη:"), self.mydata_user)
        form.addRow(self.tr("myDATA κλειδί συνδρομής:"), self.subscription_key)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.load()

    def load(self) -> None:
        values = self.state.values
        self.name.setText(str(values.get("shop.name", "")))
        self.vat.setText(str(values.get("shop.vat", "")))
        self.tax_office.setText(str(values.get("shop.tax_office", "")))
        self.address.setText(str(values.get("shop.address", "")))
        self.phone.setText(str(values.get("shop.phone", "")))
        self.activity.setText(str(values.get("shop.activity", "")))
        self.branch.setValue(int(values.get("shop.branch") or 0))
        for code, edit in self.series.items():
            edit.setText(str(values.get(f"series.{code}", "")))
        self.mydata_user.setText(str(values.get("mydata.user_id", "")))
        if SUBSCRIPTION_SECRET in self.state.secrets_set:
            self.subscription_key.setPlaceholderText(self.tr("αποθηκευμένο· αφήστε κενό για να μείνει"))

    def validatePage(self) -> bool:
        try:
            afm = validate_afm(self.vat.text())
        except VatNumberError as exc:
            return self._refuse(str(exc), self.vat)
        required = ((self.name, self.tr("Συμπληρώστε την επωνυμία.")),
                    (self.tax_office, self.tr("Συμπληρώστε τη ΔΟΥ.")),
                    (self.address, self.tr("Συμπληρώστε τη διεύθυνση.")))
        for edit, message in required:
            if not edit.text().strip():
                return self._refuse(message, edit)
        for code, edit in self.series.items():
            if not edit.text().strip():
                return self._refuse(self.tr("Συμπληρώστε τη σειρά για κάθε τύπο παραστατικού."), edit)
        key = self.subscription_key.text().strip()
        if self.mydata_user.text().strip() and not key and SUBSCRIPTION_SECRET not in self.state.secrets_set:
            return self._refuse(self.tr("Δώστε και το κλειδί συνδρομής του myDATA."), self.subscription_key)
        self.vat.setText(afm)
        settings = self.state.plan.settings
        settings.update({"shop.name": self.name.text().strip(), "shop.vat": afm,
                         "shop.tax_office": self.tax_office.text().strip(), "shop.address": self.address.text().strip(),
                         "shop.phone": self.phone.text().strip(), "shop.activity": self.activity.text().strip(),
                         "shop.branch": self.branch.value()})
        settings.update({f"series.{code}": edit.text().strip() for code, edit in self.series.items()})
        if key:
            self.state.plan.secrets[SUBSCRIPTION_SECRET] = key
        user = self.mydata_user.text().strip()
        if user and user != self.state.values.get(USER_ID_SECRET):
            self.state.plan.secrets[USER_ID_SECRET] = user
        self.problem.clear()
        return True

    def _refuse(self, message: str, widget) -> bool:
        self.problem.setText(message)
        widget.setFocus()
        return False
