"""Page 5: where receipts go (a printer, or PDF files only), the paper, and a test print."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout,
    QWizardPage,
)

from nexipos_desktop.ui.receipt_printer import SAVE_AS_PDF
from nexipos_desktop.ui.tasks import spawn
from nexipos_desktop.ui.wizard.common import SetupState, ok_style, problem_label


class PrinterPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(self.tr("Εκτυπωτής αποδείξεων"))
        self.setSubTitle(self.tr("Εκτυπωτής θερμικός 80 mm ή A4, ή μόνο αρχεία PDF."))
        self.printer_radio = QRadioButton(self.tr("Εκτυπωτής:"), objectName="usePrinter")
        self.pdf_radio = QRadioButton(self.tr("Μόνο PDF (χωρίς εκτύπωση)"), objectName="usePdf")
        group = QButtonGroup(self)
        group.addButton(self.printer_radio)
        group.addButton(self.pdf_radio)
        self.printers = QComboBox(objectName="printerName")
        self.printers.addItem(self.tr("Προεπιλεγμένος εκτυπωτής συστήματος"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printers.addItem(name, name)
        self.paper = QComboBox(objectName="paper")
        self.paper.addItem(self.tr("Χαρτοταινία 80 mm"), "80mm")
        self.paper.addItem("A4", "A4")
        self.auto_print = QCheckBox(self.tr("Εκτύπωση κάθε απόδειξης αυτόματα"), objectName="autoPrint")
        self.test_button = QPushButton(self.tr("Δοκιμαστική εκτύπωση"), objectName="testPrintButton")
        self.result = QLabel(objectName="printResult", wordWrap=True)
        self.problem = problem_label("printerProblem")
        printer_row = QHBoxLayout()
        printer_row.addWidget(self.printer_radio)
        printer_row.addWidget(self.printers, 1)
        form = QFormLayout()
        form.addRow(self.tr("Χαρτί:"), self.paper)
        layout = QVBoxLayout(self)
        layout.addLayout(printer_row)
        layout.addWidget(self.pdf_radio)
        layout.addLayout(form)
        layout.addWidget(self.auto_print)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.result, 1)
        layout.addLayout(test_row)
        layout.addStretch()
        layout.addWidget(self.problem)
        self.printer_radio.toggled.connect(lambda on: self.printers.setEnabled(on))
        self.test_button.clicked.connect(lambda _=False: spawn(self.test_print(), on_error=self._fail))
        self.load()

    def load(self) -> None:
        values = self.state.values
        name = str(values.get("printing.printer") or "")
        (self.pdf_radio if name == SAVE_AS_PDF else self.printer_radio).setChecked(True)
        self.printers.setEnabled(name != SAVE_AS_PDF)
        if name and name != SAVE_AS_PDF:
            if self.printers.findData(name) < 0:
                self.printers.addItem(name, name)
            self.printers.setCurrentIndex(self.printers.findData(name))
        self.paper.setCurrentIndex(max(0, self.paper.findData(values.get("printing.paper") or "80mm")))
        self.auto_print.setChecked(bool(values.get("printing.auto_print")))

    def printer_name(self) -> str:
        return SAVE_AS_PDF if self.pdf_radio.isChecked() else self.printers.currentData()

    async def test_print(self) -> bool:
        """A sample receipt marked as a copy, on the chosen printer (or as a PDF in the receipts folder)."""
        from nexipos_desktop.printing.sample import sample_document
        from nexipos_desktop.ui.receipt_printer import print_receipt

        self.test_button.setEnabled(False)
        self.result.setText(self.tr("Εκτύπωση…"))
        try:
            outcome = await print_receipt(sample_document(transmitted=False), paper=self.paper.currentData(),
                                          copy=True, parent=self, fallback_dir=self.state.receipts_dir,
                                          printer_name=self.printer_name())
        finally:
            self.test_button.setEnabled(True)
        if outcome.saved_to is not None:
            self.result.setText(self.tr("Αποθηκεύτηκε PDF: {0}").format(outcome.saved_to))
        else:
            self.result.setText(self.tr("Εστάλη στον εκτυπωτή {0}").format(outcome.printed_on))
        ok_style(self.result, True)
        return True

    def _fail(self, error: BaseException) -> None:
        self.result.setText(self.tr("Η εκτύπωση απέτυχε: {0}").format(error))
        ok_style(self.result, False)

    def validatePage(self) -> bool:
        self.state.plan.settings.update({"printing.printer": self.printer_name(),
                                         "printing.paper": self.paper.currentData(),
                                         "printing.auto_print": self.auto_print.isChecked()})
        return True
