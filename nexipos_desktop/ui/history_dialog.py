"""Receipts history: filter by date and number, view, reprint («ΑΝΤΙΓΡΑΦΟ»), save as PDF, refund."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDateEdit, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from nexipos_desktop.clock import athens_now
from nexipos_desktop.money import format_cents
from nexipos_desktop.printing.receipt_text import render_receipt_text
from nexipos_desktop.payments.contract import Operation
from nexipos_desktop.receipts.codes import CREDIT_TYPES, PAYMENT_CARD
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.storage.credit_notes import issue_cash_refund
from nexipos_desktop.storage.receipt_queries import ReceiptSummary, list_receipts
from nexipos_desktop.storage.errors import SaleError, StorageError
from nexipos_desktop.storage.receipt_store import load_document
from nexipos_desktop.ui.receipt_printer import save_pdf
from nexipos_desktop.ui.tasks import off_thread, spawn

log = logging.getLogger(__name__)


class HistoryDialog(QDialog):
    """Lists issued receipts (read off the GUI thread) and acts on the selected one."""

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.document: ReceiptDocument | None = None
        self.rows: list[ReceiptSummary] = []
        self.setWindowTitle(self.tr("Ιστορικό αποδείξεων"))
        self.resize(1000, 640)
        today = athens_now().date()  # receipts carry the shop's (Athens) date, whatever the PC's zone
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="historyDate", calendarPopup=True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.all_days = QCheckBox(self.tr("Όλες οι ημέρες"), objectName="allDays")
        self.number = QLineEdit(objectName="historyNumber", placeholderText=self.tr("Αριθμός"))
        self.table = QTableView(objectName="historyTable")
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels([self.tr("Ημ/νία ώρα"), self.tr("Τύπος"), self.tr("Αριθμός"),
                                              self.tr("Σύνολο"), self.tr("ΜΑΡΚ")])
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.preview = QPlainTextEdit(objectName="historyPreview", readOnly=True)
        self.preview.setFont(QFont("DejaVu Sans Mono", 10))
        self.status = QLabel(objectName="historyStatus")
        self.reprint_button = QPushButton(self.tr("Επανεκτύπωση (ΑΝΤΙΓΡΑΦΟ)"), objectName="reprintButton")
        self.pdf_button = QPushButton(self.tr("Αποθήκευση PDF…"), objectName="pdfButton")
        self.refund_button = QPushButton(self.tr("Επιστροφή (πιστωτικό)"), objectName="refundButton")
        self.card_refund_button = QPushButton(self.tr("Επιστροφή στην κάρτα"), objectName="cardRefundButton")
        self.void_button = QPushButton(self.tr("Ακύρωση χρέωσης κάρτας"), objectName="voidButton")
        self.cancel_mydata_button = QPushButton(self.tr("Ακύρωση στο myDATA"), objectName="cancelMyDataButton")
        self.cancel_mydata_button.setToolTip(self.tr("Ακύρωση διαβιβασμένου παραστατικού (CancelInvoice): μόνο "
                                                     "διαχειριστής"))
        self.mydata_rows: list = []
        self._layout()
        self.day.dateChanged.connect(lambda _d: self.refresh())
        self.all_days.toggled.connect(lambda _c: self.refresh())
        self.number.textChanged.connect(lambda _t: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.on_selection_changed())
        self.reprint_button.clicked.connect(lambda _=False: self.reprint())
        self.pdf_button.clicked.connect(lambda _=False: self.ask_save_pdf())
        self.refund_button.clicked.connect(lambda _=False: self.refund())
        self.card_refund_button.clicked.connect(lambda _=False: self.ask_card_refund(void=False))
        self.void_button.clicked.connect(lambda _=False: self.ask_card_refund(void=True))
        self.cancel_mydata_button.clicked.connect(lambda _=False: self.request_mydata_cancellation())
        self._set_actions_enabled(False)

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Ημέρα:")))
        filters.addWidget(self.day)
        filters.addWidget(self.all_days)
        filters.addWidget(QLabel(self.tr("Αριθμός:")))
        filters.addWidget(self.number)
        filters.addStretch()
        actions = QHBoxLayout()
        for button in (self.reprint_button, self.pdf_button, self.refund_button, self.card_refund_button,
                       self.void_button, self.cancel_mydata_button):
            actions.addWidget(button)
        actions.addStretch()
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addLayout(actions)

    # ----- loading -----
    def filters(self) -> tuple[date | None, int | None]:
        day = None if self.all_days.isChecked() else self.day.date().toPython()
        text = self.number.text().strip()
        return day, int(text) if text.isdigit() else None

    def refresh(self) -> None:
        spawn(self.load(), on_error=self._report)

    async def load(self) -> None:
        day, number = self.filters()
        self.status.setText(self.tr("Φόρτωση…"))
        rows = await off_thread(self._query, day, number)
        self.rows = rows
        self.model.removeRows(0, self.model.rowCount())
        for row in rows:
            items = [QStandardItem(row.issued_at[:16].replace("T", " ")), QStandardItem(row.invoice_type),
                     QStandardItem(f"{row.series}-{row.number}"), QStandardItem(f"{format_cents(row.total_cents)} €"),
                     QStandardItem(str(row.mark or ""))]
            items[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.model.appendRow(items)
        self.status.setText(self.tr("{0} αποδείξεις").format(len(rows)))
        self.document = None
        self.preview.clear()
        self._set_actions_enabled(False)
        if rows:
            self.table.selectRow(0)

    def _query(self, day: date | None, number: int | None) -> list[ReceiptSummary]:
        with self.context.db.read() as session:
            return list_receipts(session, day=day, number=number, limit=5000)

    def on_selection_changed(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if selected:
            spawn(self.show_receipt(self.rows[selected[0].row()].id), on_error=self._report)

    async def show_receipt(self, receipt_id: int) -> None:
        document = await off_thread(self._load_document, receipt_id)
        self.mydata_rows = await off_thread(self._load_mydata, receipt_id)
        self.document = document
        self.preview.setPlainText(render_receipt_text(document))
        self._set_actions_enabled(True)
        is_sale = document.invoice_type not in CREDIT_TYPES
        paid_by_card = any(p.method == PAYMENT_CARD for p in document.payments)
        payments = self.context.payments
        self.refund_button.setEnabled(is_sale and not paid_by_card)
        self.card_refund_button.setEnabled(is_sale and paid_by_card and payments is not None
                                           and Operation.REFUND in payments.capabilities)
        self.void_button.setEnabled(is_sale and paid_by_card and payments is not None
                                    and Operation.VOID in payments.capabilities)
        cancel = next((row for row in self.mydata_rows if row.kind == "cancel"), None)
        self.cancel_mydata_button.setEnabled(document.mark is not None and cancel is None)
        self.status.setText(self.mydata_text(document, cancel))

    def mydata_text(self, document: ReceiptDocument, cancel) -> str:
        """Where the receipt stands with myDATA, for the status line."""
        invoice = next((row for row in self.mydata_rows if row.kind == "invoice"), None)
        if cancel is not None and cancel.cancellation_mark is not None:
            return self.tr("Ακυρώθηκε στο myDATA · ΜΑΡΚ ακύρωσης {0}").format(cancel.cancellation_mark)
        if cancel is not None:
            return self.tr("Η ακύρωση στο myDATA εκκρεμεί") + (f" · {cancel.last_error_message}"
                                                                 if cancel.last_error_message else "")
        if document.mark is not None:
            return self.tr("Διαβιβάστηκε στο myDATA · ΜΑΡΚ {0}").format(document.mark)
        if invoice is not None and invoice.state == "failed":
            return self.tr("Απορρίφθηκε από το myDATA: {0}").format(invoice.last_error_message or "")
        return self.tr("Εκκρεμεί διαβίβαση στο myDATA")

    def _load_document(self, receipt_id: int) -> ReceiptDocument:
        with self.context.db.read() as session:
            return load_document(session, receipt_id)

    def _load_mydata(self, receipt_id: int) -> list:
        from nexipos_desktop.storage.mydata_outbox import outbox_for_receipt

        with self.context.db.read() as session:
            return outbox_for_receipt(session, receipt_id)

    def _set_actions_enabled(self, enabled: bool) -> None:
        for button in (self.reprint_button, self.pdf_button, self.refund_button, self.card_refund_button,
                       self.void_button, self.cancel_mydata_button):
            button.setEnabled(enabled)

    # ----- actions -----
    def reprint(self) -> None:
        if self.document is not None:
            spawn(self.reprint_as_stored(self.document), on_error=self._report)

    async def reprint_as_stored(self, document: ReceiptDocument) -> None:
        """The copy carries what is stored now (a MARK that arrived since the receipt was selected)."""
        window = self.parent()
        await window.print_document(await window.reload(document), copy=True, ask=True)

    def ask_save_pdf(self) -> None:
        if self.document is None:
            return
        doc = self.document
        suggested = str(Path.home() / f"{doc.invoice_type}-{doc.series}-{doc.number}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Αποθήκευση PDF"), suggested, "PDF (*.pdf)")
        if path:
            spawn(self.save_pdf(Path(path)), on_error=self._report)

    async def save_pdf(self, path: Path, *, copy: bool = True) -> Path:
        saved = await save_pdf(self.document, path, paper=self.context.paper, copy=copy)
        self.status.setText(self.tr("Αποθηκεύτηκε: {0}").format(saved))
        return saved

    def refund(self) -> None:
        if self.document is not None:
            spawn(self._refund_with_admin(self.document), on_error=self._report)

    async def _refund_with_admin(self, doc: ReceiptDocument) -> None:
        from nexipos_desktop.ui.pin_dialog import authorise

        if await authorise(self, "refund", self.tr("Επιστροφή"), receipt=f"{doc.series}-{doc.number}") is None:
            return
        paid = min(sum(p.amount_cents for p in doc.payments if p.status == "settled"), doc.total_cents)
        question = self.tr("Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €) με επιστροφή "
                           "μετρητών;").format(doc.series, doc.number, format_cents(doc.total_cents))
        if paid < doc.total_cents:  # a deferred card payment that lapsed: only what was taken goes back
            question = self.tr("Έκδοση πιστωτικού στοιχείου για ολόκληρη την απόδειξη {0}-{1} ({2} €). Επιστροφή "
                               "μετρητών μόνο {3} € (όσα πληρώθηκαν)· τα υπόλοιπα {4} € πιστώνονται «Επί "
                               "πιστώσει», δεν δίνονται μετρητά.").format(
                doc.series, doc.number, format_cents(doc.total_cents), format_cents(paid),
                format_cents(doc.total_cents - paid))
        answer = QMessageBox.question(self, self.tr("Επιστροφή"), question)
        if answer == QMessageBox.StandardButton.Yes:
            spawn(self.issue_refund(self.rows[self.table.selectionModel().selectedRows()[0].row()].id),
                  on_error=self._report)

    async def issue_refund(self, receipt_id: int) -> ReceiptDocument | None:
        try:
            credit = await off_thread(self._refund, receipt_id)
        except (SaleError, StorageError) as exc:
            self._report(exc)
            return None
        self.status.setText(self.tr("Εκδόθηκε πιστωτικό {0}-{1}").format(credit.series, credit.number))
        await self.load()
        return credit

    def ask_card_refund(self, *, void: bool) -> None:
        if self.document is not None:
            spawn(self._card_refund_with_admin(self.document, void), on_error=self._report)

    async def _card_refund_with_admin(self, doc: ReceiptDocument, void: bool) -> None:
        from nexipos_desktop.ui.pin_dialog import authorise

        what = self.tr("Ακύρωση χρέωσης κάρτας") if void else self.tr("Επιστροφή στην κάρτα")
        if await authorise(self, "void" if void else "card_refund", what,
                           receipt=f"{doc.series}-{doc.number}") is None:
            return
        question = (self.tr("Ακύρωση (void) της χρέωσης κάρτας της απόδειξης {0}-{1} ({2} €) και έκδοση πιστωτικού;")
                    if void else
                    self.tr("Επιστροφή στην κάρτα για την απόδειξη {0}-{1} ({2} €) και έκδοση πιστωτικού;"))
        answer = QMessageBox.question(self, self.tr("Επιστροφή στην κάρτα"),
                                      question.format(doc.series, doc.number, format_cents(doc.total_cents)))
        if answer == QMessageBox.StandardButton.Yes:
            receipt_id = self.rows[self.table.selectionModel().selectedRows()[0].row()].id
            spawn(self.card_refund(receipt_id, void=void), on_error=self._report)

    async def card_refund(self, receipt_id: int, *, void: bool) -> ReceiptDocument | None:
        """Refund or void on the terminal; the credit note is issued only when the terminal approves."""
        from nexipos_desktop.payments.contract import STATE_TEXT
        from nexipos_desktop.payments.errors import PaymentError
        from nexipos_desktop.payments.refunds import refund_to_card

        self._set_actions_enabled(False)
        try:
            result = await refund_to_card(self.context.payments, receipt_id, void=void,
                                          progress=lambda state: self.status.setText(STATE_TEXT[state]))
        except (PaymentError, SaleError, StorageError) as exc:
            self._report(exc)
            self._set_actions_enabled(True)
            return None
        if result.credit_note is None:
            outcome = result.card.outcome
            self.status.setText(self.tr("Το τερματικό δεν ολοκλήρωσε την επιστροφή ({0}): {1}").format(
                outcome.kind, getattr(outcome, "message", "") or getattr(outcome, "reason", "")))
            self._set_actions_enabled(True)
            return None
        credit = result.credit_note
        await self.load()
        self.status.setText(self.tr("Εκδόθηκε πιστωτικό {0}-{1}").format(credit.series, credit.number))
        return credit

    def request_mydata_cancellation(self) -> None:
        """An admin's PIN, then a confirmation, then cancel the selected transmitted receipt in myDATA."""
        doc = self.document
        if doc is None or doc.mark is None:
            return
        spawn(self._cancel_with_admin(doc), on_error=self._report)

    async def _cancel_with_admin(self, doc: ReceiptDocument) -> None:
        from nexipos_desktop.ui.pin_dialog import authorise

        admin = await authorise(self, "mydata_cancel", self.tr("Ακύρωση στο myDATA"),
                                receipt=f"{doc.series}-{doc.number}", mark=doc.mark)
        if admin is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Ακύρωση στο myDATA"),
            self.tr("Ακύρωση στο myDATA της απόδειξης {0}-{1} (ΜΑΡΚ {2}); Η ακύρωση δεν αναιρείται.").format(
                doc.series, doc.number, doc.mark))
        if answer == QMessageBox.StandardButton.Yes:
            receipt_id = self.rows[self.table.selectionModel().selectedRows()[0].row()].id
            spawn(self.cancel_transmitted_receipt(receipt_id, admin=admin), on_error=self._report)

    async def cancel_transmitted_receipt(self, receipt_id: int, *, admin: str = "") -> None:
        """Queue ``CancelInvoice`` for a transmitted receipt; the cancellation MARK is stored when myDATA answers.
        Admin only: callers go through :meth:`request_mydata_cancellation` (PIN) and name the admin."""
        from nexipos_desktop.storage.mydata_outbox import enqueue_cancel

        def queue() -> None:
            with self.context.db.write() as session:
                enqueue_cancel(session, receipt_id, actor=admin or self.context.cashier or "admin")

        try:
            await off_thread(queue)
        except (SaleError, StorageError) as exc:
            self._report(exc)
            return
        if self.context.mydata is not None:
            self.context.mydata.wake()
        self.cancel_mydata_button.setEnabled(False)
        self.status.setText(self.tr("Η ακύρωση στο myDATA στάλθηκε για διαβίβαση"))

    def _refund(self, receipt_id: int) -> ReceiptDocument:
        with self.context.db.write() as session:
            return issue_cash_refund(session, receipt_id, cashier=self.context.cashier)

    def _report(self, error: BaseException) -> None:
        log.warning("history action failed: %s", error)
        self.status.setText(str(error))
        QMessageBox.warning(self, self.tr("Σφάλμα"), str(error))
