"""The cashier's window: catalogue on the left, cart and totals on the right, function keys for everything."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QMessageBox,
    QPushButton, QSplitter, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from nexipos_desktop.money import AmountError, format_cents
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.storage.catalogue import ProductRow
from nexipos_desktop.storage.errors import SaleError, StorageError
from nexipos_desktop.ui.barcode import BarcodeScanner
from nexipos_desktop.ui.card_flow import CardFlow
from nexipos_desktop.ui.cart_model import DISCOUNT, NAME, QUANTITY, CartModel
from nexipos_desktop.ui.cash_dialog import CashDialog
from nexipos_desktop.ui.catalogue_panel import CataloguePanel
from nexipos_desktop.ui.deferred_payments import DeferredPayments
from nexipos_desktop.ui.help_overlay import HelpOverlay
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.till_sign_in import LOCK_KEY, SWITCH_KEY, TillSignIn
from nexipos_desktop.ui.totals_panel import TotalsPanel

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable

    from nexipos_desktop.fiscal.outbox_sender import OutboxSender
    from nexipos_desktop.payments.service import PaymentService
    from nexipos_desktop.ui.pin_dialog import AdminGate
    from nexipos_desktop.storage.db import Database

log = logging.getLogger(__name__)


@dataclass
class TillContext:
    """What the window works with: the database, who is at the till, where receipts go."""

    db: Database | None = None  # None while the database opens (the window is shown before it)
    cashier: str = ""  # who is signed in ("" while the till is locked); on every receipt and card attempt
    shop_name: str = ""
    receipts_dir: Path = field(default_factory=Path.cwd)
    paper: str = "80mm"
    printer_name: str = ""  # "" the system's default printer, "pdf" save PDFs only, or a printer's name
    payments: PaymentService | None = None  # None until a card terminal is configured
    terminal_name: str | None = None  # None until a card terminal is configured
    admin_gate: AdminGate | None = None  # asks an admin's PIN for settings, voids, refunds (None: no administration)
    reconfigure: Callable[[], Awaitable[None]] | None = None  # reloads settings and terminal after the admin saved
    mydata: OutboxSender | None = None  # None until myDATA transmission is configured
    mydata_print_wait_s: float = 0.0  # how long a print waits for the receipt's MARK


class MainWindow(QMainWindow):
    """The till. Never blocks: issuing, rendering and printing run off the GUI thread."""

    def __init__(self, context: TillContext) -> None:
        super().__init__()
        self.context = context
        self.last_document: ReceiptDocument | None = None
        self.history_dialog = None
        self.mydata_dialog = None
        self.cash_dialog: CashDialog | None = None
        self.card_flow: CardFlow | None = None
        self.issuing = False  # a receipt is being issued: no second payment, no cashier switch meanwhile
        self.resize(1280, 800)
        self.model = CartModel(parent=self)
        self.catalogue = CataloguePanel(None)
        self.totals = TotalsPanel()
        self.banner = QLabel(objectName="banner")
        self.banner.setWordWrap(True)
        self.cart_view = self._build_cart_view()
        self.sign_in = TillSignIn(self)  # who is at the till: sign-in, «Αλλαγή ταμία…», «Κλείδωμα ταμείου»
        self.till_actions = QActionGroup(self)  # what a locked till turns off (help, sign-in and admin stay on)
        self.till_actions.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        self._build_layout()
        self._build_actions()
        self._build_status_bar()
        self.deferred = DeferredPayments(self)  # «Κάρτες»: preloads, fault declaration, reconciliation
        self._help_overlay: HelpOverlay | None = None
        self.scanner = BarcodeScanner(self)
        self.scanner.scanned.connect(self.on_scanner_scanned)
        self.catalogue.product_chosen.connect(self.add_product)
        self.catalogue.not_found.connect(self.on_catalogue_not_found)
        self.model.changed.connect(self.on_model_changed)
        self.model.rejected.connect(self.show_error_banner)
        self.attach(context)

    def attach(self, context: TillContext) -> None:
        """Start working on ``context`` (the window may be shown before the database is open)."""
        self.context = context
        ready = context.db is not None
        self.setWindowTitle(self.tr("NexiPOS — {0}").format(context.shop_name) if context.shop_name else "NexiPOS")
        self.card_flow = CardFlow(self, context.payments) if context.payments else None
        self.deferred.attach(context)
        self.catalogue.attach(context.db)
        if context.mydata is not None:
            self.mydata_signals.attach(context.mydata)
        self.mydata_indicator.attach(context)
        self.sign_in.show_cashier()
        self.show_terminal(context)
        self.card_button.setToolTip(
            self.tr("Πληρωμή στο τερματικό {0}").format(context.terminal_name) if self.card_flow
            else self.tr("Δεν έχει ρυθμιστεί τερματικό καρτών: ρυθμίστε το από τις Ρυθμίσεις"))
        if not ready:
            self.show_banner(self.tr("Άνοιγμα βάσης δεδομένων…"))
        elif self.banner.text() == self.tr("Άνοιγμα βάσης δεδομένων…"):
            self.show_banner(self.tr("Ταμείο κλειδωμένο: συνδεθείτε με το PIN σας ({0}).").format(SWITCH_KEY)
                             if self.sign_in.locked else self.tr("Έτοιμο για πώληση"))
        self.on_model_changed()
        if not self.sign_in.locked:
            self.catalogue.search.setFocus()

    def show_terminal(self, context: TillContext, problem: str = "") -> None:
        """The terminal card payments go to, in the status bar (red with a tooltip when it does not answer)."""
        terminal = context.terminal_name or self.tr("δεν έχει ρυθμιστεί")
        tid = getattr(context.payments, "tid", "") if context.payments else ""
        text = self.tr("Τερματικό: {0}").format(terminal) + (f" · TID {tid}" if tid else "")
        self.terminal_label.setText(text + (" ⚠" if problem else ""))
        self.terminal_label.setStyleSheet("color: #b00020;" if problem else "")
        self.terminal_label.setToolTip(problem)

    def warn_terminal_silent(self, address: str, reason: str) -> None:
        """The saved terminal address did not answer at start (an IP that changed under DHCP, a terminal off)."""
        self.show_terminal(self.context, reason)
        self.show_error_banner(self.tr("Το τερματικό δεν απαντά στην αποθηκευμένη διεύθυνση {0}: {1} Αν άλλαξε η IP του, ορίστε στατική IP στο τερματικό και διορθώστε τη διεύθυνση στο «Διαχείριση» → «Ρυθμίσεις» → «Τερματικά».").format(address, reason))

    # ----- building -----
    def _build_cart_view(self) -> QTableView:
        view = QTableView(objectName="cart")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.verticalHeader().setVisible(False)
        view.setStyleSheet("font-size: 15px;")
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        return view

    def _build_layout(self) -> None:
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.cart_view, 1)
        edit_row = QHBoxLayout()
        self.quantity_button = self._button(self.tr("Ποσότητα (F4)"), "quantityButton", self.edit_quantity)
        self.discount_button = self._button(self.tr("Έκπτωση (F5)"), "discountButton", self.edit_discount)
        self.remove_button = self._button(self.tr("Διαγραφή (Del)"), "removeButton", self.remove_line)
        self.clear_button = self._button(self.tr("Ακύρωση πώλησης (Esc)"), "clearButton", self.cancel_sale)
        for button in (self.quantity_button, self.discount_button, self.remove_button, self.clear_button):
            edit_row.addWidget(button)
        column.addLayout(edit_row)
        column.addWidget(self.totals)
        pay_row = QHBoxLayout()
        self.cash_button = self._button(self.tr("Μετρητά (F8)"), "cashButton", self.pay_cash)
        self.card_button = self._button(self.tr("Κάρτα (F9)"), "cardButton", self.pay_card)
        for button, colour in ((self.cash_button, "#1b7f3b"), (self.card_button, "#0b3d91")):
            button.setMinimumHeight(64)
            button.setStyleSheet(f"QPushButton {{ font-size: 20px; font-weight: bold; color: white; background: {colour}; }}"
                                 "QPushButton:disabled { background: #9aa3ad; color: #eef1f4; }")
            pay_row.addWidget(button)
        self.card_button.setEnabled(False)
        # deferred payment: shown only when the paired terminal takes preloaded receipts (ui/deferred_payments.py)
        self.later_button = self._button(self.tr("Αργότερα στο τερματικό (Ctrl+F9)"), "laterButton",
                                         lambda: self.deferred.send_preload())
        self.later_button.setMinimumHeight(64)
        self.later_button.setToolTip(self.tr("Η απόδειξη εκδίδεται και η πληρωμή περιμένει στο τερματικό "
                                             "(«Προφορτωμένες Αποδείξεις» / «Προπαραγγελίες»)"))
        self.later_button.setVisible(False)
        self.later_button.setEnabled(False)
        pay_row.addWidget(self.later_button)
        column.addLayout(pay_row)
        splitter = QSplitter()
        splitter.addWidget(self.catalogue)
        splitter.addWidget(right)
        splitter.setSizes([540, 740])
        self.sale_area = splitter
        self.sale_stack = QStackedWidget(objectName="saleStack")  # the sale area, or the sign-in page when locked
        self.sale_stack.addWidget(splitter)
        self.sale_stack.addWidget(self.sign_in.page)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.addWidget(self.banner)
        outer.addWidget(self.sale_stack, 1)
        self.setCentralWidget(central)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.setMinimumHeight(40)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Ταμείο"))
        entries = [
            ("F1", self.tr("Βοήθεια: πλήκτρα συντόμευσης"), lambda: self.help_overlay.toggle()),
            ("F2", self.tr("Αναζήτηση προϊόντος"), self.focus_search),
            ("F4", self.tr("Αλλαγή ποσότητας της επιλεγμένης γραμμής"), self.edit_quantity),
            ("F5", self.tr("Έκπτωση στην επιλεγμένη γραμμή (ποσό ή %)"), self.edit_discount),
            ("Del", self.tr("Διαγραφή της επιλεγμένης γραμμής"), self.remove_line),
            ("F8", self.tr("Πληρωμή με μετρητά"), self.pay_cash),
            ("F9", self.tr("Πληρωμή με κάρτα στο τερματικό"), self.pay_card),
            ("F10", self.tr("Ιστορικό αποδείξεων: προβολή, επανεκτύπωση, PDF"), self.show_history),
            ("Ctrl+M", self.tr("Διαβίβαση στο myDATA: εκκρεμή και απορριφθέντα"), self.show_mydata),
            ("Ctrl+P", self.tr("Επανεκτύπωση της τελευταίας απόδειξης"), self.reprint_last),
            ("Esc", self.tr("Ακύρωση της τρέχουσας πώλησης"), self.cancel_sale),
            (SWITCH_KEY, self.tr("Αλλαγή ταμία…"), self.sign_in.switch),
            (LOCK_KEY, self.tr("Κλείδωμα ταμείου"), self.sign_in.lock),
        ]
        self._shortcuts = [(key, text) for key, text, _ in entries]
        for key, text, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, s=slot: s())
            if key == SWITCH_KEY:
                menu.addSeparator()
            menu.addAction(action)
            self.addAction(action)
            if key == "F1":
                self.help_action = action
            elif key == SWITCH_KEY:
                self.switch_action = action
            else:
                self.till_actions.addAction(action)
        self._shortcuts.append(("Barcode", self.tr("Σάρωση οπουδήποτε στο παράθυρο: προσθήκη στο καλάθι")))
        admin = self.menuBar().addMenu(self.tr("&Διαχείριση"))
        self.settings_action = admin.addAction(self.tr("Ρυθμίσεις…"), lambda: self.open_admin("settings"))
        self.wizard_action = admin.addAction(self.tr("Οδηγός ρύθμισης…"), lambda: self.open_admin("wizard"))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.cashier_label = QLabel(objectName="cashierLabel")
        self.last_receipt_label = QLabel(objectName="lastReceiptLabel")
        self.terminal_label = QLabel(objectName="terminalLabel")
        for label in (self.cashier_label, self.last_receipt_label, self.terminal_label):
            bar.addPermanentWidget(label)
        from nexipos_desktop.ui.mydata_status import MyDataIndicator, MyDataSignals

        self.mydata_indicator = MyDataIndicator(self)
        self.mydata_indicator.clicked.connect(lambda _=False: self.show_mydata())
        self.mydata_signals = MyDataSignals(self)
        self.mydata_signals.changed.connect(self.on_mydata_changed)
        bar.addPermanentWidget(self.mydata_indicator)

    @property
    def help_overlay(self) -> HelpOverlay:
        """The F1 overlay, built the first time it is needed."""
        if self._help_overlay is None:
            self._help_overlay = HelpOverlay(self.shortcut_help(), self.centralWidget())
        return self._help_overlay

    def shortcut_help(self) -> list[tuple[str, str]]:
        return list(self._shortcuts)

    # ----- cart -----
    def add_product(self, product: ProductRow, quantity: Decimal = Decimal(1)) -> None:
        if self.sign_in.locked:  # e.g. a barcode scanned at a locked till
            self.show_error_banner(self.tr("Συνδεθείτε πρώτα: «Σύνδεση ταμία» ({0}).").format(SWITCH_KEY))
            return
        line = CartLine(product.id, product.code, product.name, product.price_cents, product.vat_category,
                        product.unit, quantity, vat_exemption=product.vat_exemption)
        row = self.model.add_line(line)
        if row >= 0:
            self.cart_view.selectRow(row)
            self.show_banner(self.tr("Προστέθηκε: {0}").format(product.name))

    def on_scanner_scanned(self, code: str) -> None:
        if self.catalogue.add_by_code(code) is None:
            QApplication.beep()

    def on_catalogue_not_found(self, code: str) -> None:
        self.show_error_banner(self.tr("Άγνωστος κωδικός ή barcode: «{0}»").format(code))

    def on_model_changed(self) -> None:
        self.totals.show_cart(self.model.cart)
        has_lines = not self.model.cart.is_empty and self.context.db is not None
        for button in (self.quantity_button, self.discount_button, self.remove_button, self.clear_button):
            button.setEnabled(has_lines)
        self.cash_button.setEnabled(has_lines and not self.issuing)
        self.card_button.setEnabled(has_lines and not self.issuing and self.card_flow is not None)
        self.later_button.setEnabled(self.card_button.isEnabled())

    def selected_row(self) -> int:
        rows = self.cart_view.selectionModel().selectedRows()
        if rows:
            return rows[0].row()
        return len(self.model.cart.lines) - 1

    def edit_quantity(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.cart_view.edit(self.model.index(row, QUANTITY))

    def edit_discount(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.cart_view.edit(self.model.index(row, DISCOUNT))

    def remove_line(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove_row(row)

    def cancel_sale(self) -> None:
        if self._help_overlay is not None and self._help_overlay.isVisible():
            self._help_overlay.hide()
            return
        if self.model.cart.is_empty or self.issuing:
            return
        if self.card_flow is not None and self.card_flow.paid_cents:
            self.card_flow.cancel()  # explains why a paid sale cannot be cancelled
            return
        answer = QMessageBox.question(self, self.tr("Ακύρωση πώλησης"),
                                      self.tr("Να αδειάσει το καλάθι; Δεν θα εκδοθεί απόδειξη."))
        if answer == QMessageBox.StandardButton.Yes and (self.card_flow is None or self.card_flow.cancel()):
            self.model.clear()
            self.show_banner(self.tr("Η πώληση ακυρώθηκε"))

    def focus_search(self) -> None:
        self.catalogue.search.setFocus()
        self.catalogue.search.selectAll()

    # ----- payment -----
    def pay_cash(self) -> None:
        if self.model.cart.is_empty or self.issuing or self.cash_dialog is not None:
            return
        due = self.card_flow.due_cents if self.card_flow is not None else self.model.cart.total_cents
        self.cash_dialog = CashDialog(due, parent=self)
        self.cash_dialog.finished.connect(self.on_cash_dialog_finished)
        self.cash_dialog.open()

    def on_cash_dialog_finished(self, result: int) -> None:
        dialog, self.cash_dialog = self.cash_dialog, None
        dialog.deleteLater()
        tendered = dialog.tendered_cents()
        if result != CashDialog.DialogCode.Accepted or tendered is None:
            return
        if self.card_flow is not None and self.card_flow.sale is not None:
            spawn(self.card_flow.issue(tendered, print_it=dialog.print_box.isChecked()), on_error=self.report_error)
        else:
            spawn(self.issue_cash(tendered, print_it=dialog.print_box.isChecked()), on_error=self.report_error)

    def pay_card(self) -> None:
        if self.card_flow is not None and not self.issuing:
            self.card_flow.start()

    async def issue_cash(self, tendered_cents: int, *, print_it: bool) -> ReceiptDocument | None:
        """Issue the cart as a cash receipt; on failure the cart stays as it was and the reason is shown."""
        if self.issuing:
            return None
        self._set_issuing(True)
        from nexipos_desktop.storage.receipt_store import issue_cash_sale

        lines = list(self.model.cart.lines)
        try:
            document = await off_thread(issue_cash_sale, self.context.db, lines, tendered_cents,
                                        cashier=self.context.cashier)
        except (SaleError, AmountError, StorageError) as exc:
            log.warning("cash sale not issued: %s", exc)
            self.show_error_banner(str(exc))
            QMessageBox.warning(self, self.tr("Δεν εκδόθηκε απόδειξη"), str(exc))
            return None
        finally:
            self._set_issuing(False)
        await self.after_issue(document, print_it=print_it)
        return document

    async def after_issue(self, document: ReceiptDocument, *, print_it: bool) -> None:
        """The sale is done: clear the cart, tell the change, print."""
        self.model.clear()
        self.last_document = document
        change = sum(p.change_cents or 0 for p in document.payments)
        self.show_banner(self.tr("Εκδόθηκε {0} {1}-{2} · Ρέστα: {3} €").format(
            document.type_name, document.series, document.number, format_cents(change)))
        self.last_receipt_label.setText(self.tr("Τελευταία: {0}-{1}").format(document.series, document.number))
        self.mydata_indicator.refresh()
        if self.context.mydata is not None:
            self.context.mydata.wake()
        if print_it:
            await self.print_document(await self.with_transmission(document))

    async def with_transmission(self, document: ReceiptDocument) -> ReceiptDocument:
        """The document with its MARK and QR when myDATA answers within the print wait, else as it is
        (printed «pending transmission»; a reprint later carries the MARK)."""
        sender, wait = self.context.mydata, self.context.mydata_print_wait_s
        if sender is None or wait <= 0 or document.mark is not None or sender.online is False:
            return document  # known offline: print at once, «pending transmission»
        from nexipos_desktop.storage.mydata_outbox import receipt_id_for_uid

        receipt_id = await off_thread(self._read, receipt_id_for_uid, document.uid)
        if receipt_id is None or not await sender.wait_transmitted(receipt_id, wait):
            return document
        return await self.reload(document)

    async def reload(self, document: ReceiptDocument) -> ReceiptDocument:
        """The document as stored now (e.g. with the MARK that arrived after it was issued)."""
        from nexipos_desktop.storage.mydata_outbox import receipt_id_for_uid
        from nexipos_desktop.storage.receipt_store import load_document

        def load() -> ReceiptDocument:
            with self.context.db.read() as session:
                receipt_id = receipt_id_for_uid(session, document.uid)
                return load_document(session, receipt_id) if receipt_id is not None else document

        fresh = await off_thread(load)
        if self.last_document is not None and self.last_document.uid == fresh.uid:
            self.last_document = fresh
        return fresh

    def _read(self, function, *args):
        with self.context.db.read() as session:
            return function(session, *args)

    def _set_issuing(self, issuing: bool) -> None:
        self.issuing = issuing
        self.on_model_changed()

    # ----- printing and history -----
    async def print_document(self, document: ReceiptDocument, *, copy: bool = False, ask: bool = False) -> None:
        from nexipos_desktop.ui.receipt_printer import print_receipt

        try:
            outcome = await print_receipt(document, paper=self.context.paper, copy=copy, ask=ask, parent=self,
                                          fallback_dir=self.context.receipts_dir,
                                          printer_name=self.context.printer_name)
        except Exception as exc:  # a printer fault must not lose the sale: it is issued, show and log
            log.exception("printing failed")
            self.show_error_banner(self.tr("Η εκτύπωση απέτυχε: {0}").format(exc))
            return
        if outcome is not None and outcome.saved_to is not None:
            self.statusBar().showMessage(self.tr("Η απόδειξη αποθηκεύτηκε ως PDF: {0}").format(outcome.saved_to))
        elif outcome is not None:
            self.statusBar().showMessage(self.tr("Εκτυπώθηκε στον {0}").format(outcome.printed_on), 10000)

    def reprint_last(self) -> None:
        if self.last_document is not None:
            spawn(self.reprint(self.last_document))

    async def reprint(self, document: ReceiptDocument) -> None:
        """A copy as stored now: after transmission it carries the MARK and QR code."""
        await self.print_document(await self.reload(document), copy=True)

    def show_history(self) -> None:
        from nexipos_desktop.ui.history_dialog import HistoryDialog

        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.context, parent=self)
        self.history_dialog.refresh()
        self.history_dialog.show()
        self.history_dialog.raise_()

    def show_mydata(self) -> None:
        """The myDATA admin view (outbox documents, errors, retry)."""
        if self.context.db is None:
            return
        from nexipos_desktop.ui.mydata_dialog import MyDataDialog

        if self.mydata_dialog is None:
            self.mydata_dialog = MyDataDialog(self.context, parent=self)
        self.mydata_dialog.context = self.context
        self.mydata_dialog.refresh()
        self.mydata_dialog.show()
        self.mydata_dialog.raise_()

    def on_mydata_changed(self) -> None:
        self.mydata_indicator.refresh()
        if self.mydata_dialog is not None and self.mydata_dialog.isVisible():
            self.mydata_dialog.refresh()

    # ----- administration -----
    def open_admin(self, what: str) -> None:
        """The settings screen or the setup wizard, after an admin's PIN (ui/admin_actions.py)."""
        from nexipos_desktop.ui.admin_actions import open_admin

        spawn(open_admin(self, what), on_error=self.report_error)

    # ----- messages -----
    def report_error(self, error: BaseException) -> None:
        log.error("action failed: %s", error, exc_info=error)
        self.show_error_banner(str(error))

    def show_banner(self, text: str) -> None:
        self.banner.setStyleSheet("background: #e6f4ea; color: #0d5223; padding: 6px; font-size: 15px;")
        self.banner.setText(text)

    def show_error_banner(self, text: str) -> None:
        self.banner.setStyleSheet("background: #fdecea; color: #8a1c12; padding: 6px; font-size: 15px;")
        self.banner.setText(text)
