"""The admin view of the myDATA outbox: every document owed to AADE, its state, myDATA's error in Greek, retry."""

from __future__ import annotations

import logging
import time
from datetime import datetime

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView,
    QVBoxLayout, QWidget,
)

from nexipos_desktop.clock import ATHENS
from nexipos_desktop.ui.tasks import off_thread, spawn

log = logging.getLogger(__name__)


class MyDataDialog(QDialog):
    """Lists outbox documents (read off the GUI thread); the selected refused one can be sent again."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.rows: list = []
        self.setWindowTitle(self.tr("Διαβίβαση στο myDATA"))
        self.resize(1100, 520)
        self.kinds = {"invoice": self.tr("Παραστατικό"), "payment_methods": self.tr("Πληρωμή (εκ των υστέρων)"),
                      "cancel": self.tr("Ακύρωση")}
        self.states = {"pending": self.tr("Σε αναμονή"), "sending": self.tr("Αποστέλλεται"),
                       "sent": self.tr("Διαβιβάστηκε"), "failed": self.tr("Απορρίφθηκε")}
        self.show_sent = QCheckBox(self.tr("Και όσα διαβιβάστηκαν"), objectName="showSent")
        self.table = QTableView(objectName="mydataTable")
        self.model = QStandardItemModel(0, 7, self)
        self.model.setHorizontalHeaderLabels([
            self.tr("Α/Α"), self.tr("Είδος"), self.tr("Απόδειξη"), self.tr("Κατάσταση"), self.tr("Προσπάθειες"),
            self.tr("ΜΑΡΚ"), self.tr("Σφάλμα / σημείωση")])
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.status = QLabel(objectName="mydataDialogStatus", wordWrap=True)
        self.retry_button = QPushButton(self.tr("Νέα προσπάθεια"), objectName="retryButton")
        self.send_button = QPushButton(self.tr("Αποστολή τώρα"), objectName="sendNowButton")
        self.close_button = QPushButton(self.tr("Κλείσιμο"), objectName="closeButton")
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.show_sent)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.show_sent.toggled.connect(lambda _c: self.refresh())
        self.retry_button.clicked.connect(lambda _=False: self.retry_selected())
        self.send_button.clicked.connect(lambda _=False: self.send_now())
        self.close_button.clicked.connect(lambda _=False: self.close())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_selection_changed())
        self.retry_button.setEnabled(False)
        self.send_button.setEnabled(context.mydata is not None)

    def refresh(self) -> None:
        spawn(self.load(), on_error=self._report)

    async def load(self) -> None:
        from nexipos_desktop.storage.mydata_outbox import list_outbox

        include_sent = self.show_sent.isChecked()

        def query():
            with self.context.db.read() as session:
                return list_outbox(session, include_sent=include_sent)

        self.rows = await off_thread(query)
        self.model.removeRows(0, self.model.rowCount())
        for view in self.rows:
            entry = view.entry
            mark = entry.mark or entry.cancellation_mark
            note = entry.last_error_message or ""
            if entry.state == "pending" and entry.next_try_at > time.time():
                when = datetime.fromtimestamp(entry.next_try_at, ATHENS).strftime("%H:%M:%S")
                note += (" · " if note else "") + self.tr("νέα προσπάθεια στις {0}").format(when)
            if entry.transmission_failure:
                note = (self.tr("Εκδόθηκε χωρίς σύνδεση (transmissionFailure {0})").format(entry.transmission_failure)
                        + (" · " + note if note else ""))
            self.model.appendRow([QStandardItem(str(entry.id)), QStandardItem(self.kinds.get(entry.kind, entry.kind)),
                                  QStandardItem(view.receipt_label),
                                  QStandardItem(self.states.get(entry.state, entry.state)),
                                  QStandardItem(str(entry.attempts)), QStandardItem(str(mark or "")),
                                  QStandardItem(note)])
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        sender = self.context.mydata
        summary = self.tr("{0} έγγραφα").format(len(self.rows))
        if sender is None:
            summary += " · " + self.tr("Η διαβίβαση δεν έχει ρυθμιστεί (στοιχεία πρόσβασης myDATA)")
        elif sender.last_problem:
            summary += " · " + sender.last_problem
        self.status.setText(summary)
        self.on_selection_changed()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def on_selection_changed(self) -> None:
        view = self.selected()
        self.retry_button.setEnabled(view is not None and view.entry.state in ("failed", "pending"))

    def retry_selected(self) -> None:
        view = self.selected()
        if view is not None:
            spawn(self.retry(view.entry.id), on_error=self._report)

    async def retry(self, outbox_id: int) -> None:
        """The refused document goes back to the queue, due now, and the sender is woken."""
        from nexipos_desktop.storage.mydata_outbox import retry_now
        from nexipos_desktop.ui.pin_dialog import authorise

        admin = await authorise(self, "mydata_retry", self.tr("Νέα αποστολή στο myDATA"), outbox_id=outbox_id)
        if admin is None:
            return
        await off_thread(retry_now, self.context.db, outbox_id, actor=admin or self.context.cashier or "admin")
        self.send_now()
        await self.load()
        self.status.setText(self.tr("Το έγγραφο {0} θα σταλεί ξανά").format(outbox_id))

    def send_now(self) -> None:
        if self.context.mydata is not None:
            self.context.mydata.wake()

    def _report(self, error: BaseException) -> None:
        log.warning("myDATA view: %s", error)
        self.status.setText(str(error))
        QMessageBox.warning(self, self.tr("Σφάλμα"), str(error))
