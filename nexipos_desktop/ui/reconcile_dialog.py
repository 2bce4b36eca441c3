"""«Συμφωνία καρτών ημέρας»: the day's card payments of the register against the terminal's list."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QDialog, QHBoxLayout, QHeaderView, QLabel, QProgressBar, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from nexipos_desktop.clock import athens_now
from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.contract import TerminalDriver
from nexipos_desktop.payments.reconcile import ReconcileReport, Status, reconcile_day
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import spawn

STATUS_LABEL = {
    Status.MATCHED: QT_TRANSLATE_NOOP("ReconcileDialog", "Συμφωνεί"),
    Status.AMOUNT_MISMATCH: QT_TRANSLATE_NOOP("ReconcileDialog", "Διαφορά ποσού"),
    Status.VOIDED: QT_TRANSLATE_NOOP("ReconcileDialog", "Ακυρωμένη και στα δύο"),
    Status.VOID_MISMATCH: QT_TRANSLATE_NOOP("ReconcileDialog", "Ακύρωση μόνο στο ένα"),
    Status.REGISTER_ONLY: QT_TRANSLATE_NOOP("ReconcileDialog", "Μόνο στο ταμείο"),
    Status.TERMINAL_ONLY: QT_TRANSLATE_NOOP("ReconcileDialog", "Μόνο στο τερματικό"),
}
COLOURS = {Status.MATCHED: None, Status.VOIDED: None, Status.AMOUNT_MISMATCH: "#fdecea",
           Status.VOID_MISMATCH: "#fdecea", Status.REGISTER_ONLY: "#fff4e0", Status.TERMINAL_ONLY: "#fff4e0"}


def status_label(status: Status) -> str:
    return QCoreApplication.translate("ReconcileDialog", STATUS_LABEL[status])


class ReconcileDialog(QDialog):
    """Fetches the terminal's list off the GUI thread with progress, then shows every row and the differences."""

    def __init__(self, db: Database, driver: TerminalDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.driver = db, driver
        self.report: ReconcileReport | None = None
        self.setWindowTitle(self.tr("Συμφωνία καρτών ημέρας"))
        self.resize(1080, 520)
        today = athens_now().date()
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="reconcileDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.run_button = QPushButton(self.tr("Συμφωνία"), objectName="reconcileButton")
        self.close_button = QPushButton(self.tr("Κλείσιμο"), objectName="reconcileCloseButton")
        self.progress = QProgressBar(objectName="reconcileProgress")
        self.progress.setRange(0, 0)
        self.progress.setFixedWidth(220)
        self.progress.hide()
        self.status = QLabel(self.tr("Επιλέξτε ημέρα και πατήστε «Συμφωνία»."), objectName="reconcileStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 15px;")
        self.table = QTableWidget(0, 8, objectName="reconcileTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Αποτέλεσμα"), self.tr("Απόδειξη"), self.tr("Ποσό ταμείου"), self.tr("Ποσό τερματικού"),
            self.tr("TID"), self.tr("RRN"), self.tr("Κωδ. έγκρισης"), self.tr("Σημείωση")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Ημέρα:")))
        top.addWidget(self.day)
        top.addWidget(self.run_button)
        top.addWidget(self.progress)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch()
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.run_button.clicked.connect(lambda _=False: self.on_run_button_clicked())
        self.close_button.clicked.connect(self.accept)

    def on_run_button_clicked(self) -> None:
        spawn(self.run(), on_error=self.show_error)

    async def run(self) -> ReconcileReport | None:
        day = self.day.date().toPython()
        self.run_button.setEnabled(False)
        self.progress.show()
        self.table.setRowCount(0)
        self.status.setStyleSheet("font-size: 15px;")
        try:
            self.report = await reconcile_day(self.db, self.driver, day, progress=self.status.setText)
        except Exception as exc:  # the host could not be asked: say so, keep the dialog usable
            self.show_error(exc)
            return None
        finally:
            self.progress.hide()
            self.run_button.setEnabled(True)
        self.show_report(self.report)
        return self.report

    def show_report(self, report: ReconcileReport) -> None:
        self.table.setRowCount(len(report.rows))
        for index, row in enumerate(report.rows):
            side = row.register or row.terminal
            terminal_amount = row.terminal.amount_cents + row.terminal.tip_cents if row.terminal else None
            values = [status_label(row.status), row.register.receipt_label if row.register else "—",
                      format_cents(row.register.charged_cents) if row.register else "—",
                      format_cents(terminal_amount) if terminal_amount is not None else "—",
                      side.tid, side.rrn, side.auth_code, row.note]
            colour = COLOURS[row.status]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if colour:
                    item.setBackground(QColor(colour))
                self.table.setItem(index, column, item)
        parts = [f"{status_label(status)}: {count}" for status, count in report.counts.items() if count]
        text = " · ".join(parts) or self.tr("Καμία πληρωμή με κάρτα αυτή την ημέρα")
        if report.pending_preloads:
            text += " · " + self.tr("Προφορτωμένες σε αναμονή: {0}").format(report.pending_preloads)
        if report.ok:
            self.status.setStyleSheet("font-size: 15px; color: #0d5223; font-weight: bold;")
            self.status.setText(self.tr("Χωρίς διαφορές. {0}").format(text))
        else:
            self.status.setStyleSheet("font-size: 15px; color: #8a1c12; font-weight: bold;")
            self.status.setText(self.tr("Υπάρχουν διαφορές: ελέγξτε τις χρωματισμένες γραμμές. {0}").format(text))

    def show_error(self, error: BaseException) -> None:
        self.status.setStyleSheet("font-size: 15px; color: #8a1c12;")
        self.status.setText(self.tr("Η συμφωνία δεν έγινε: {0}").format(error))
