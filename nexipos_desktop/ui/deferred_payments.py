"""The till's deferred card payments, fault declarations and end-of-day reconciliation: the «Κάρτες» menu, the
status-bar count of preloads, and the timer that lets the (Qt-free) PreloadTracker ask the terminal."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QPushButton

from nexipos_desktop.money import format_cents
from nexipos_desktop.ui.tasks import off_thread, spawn

if TYPE_CHECKING:  # the database layer loads after the window is shown
    from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
    from nexipos_desktop.payments.preload_store import PreloadRow
    from nexipos_desktop.ui.main_window import MainWindow, TillContext

log = logging.getLogger(__name__)
POLL_MS = 2000


class DeferredPayments(QObject):
    """Owned by the till window. ``preloads`` (a PreloadService, or None without a suitable terminal) is where
    other features subscribe to settled payments: ``window.deferred.preloads.on_completed(hook)``."""

    changed = Signal(int, int)  # preloads waiting, preloads needing the cashier

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.preloads: PreloadService | None = None
        self.tracker: PreloadTracker | None = None
        self.dialog = None
        self._polling = False
        self.status_button = QPushButton(objectName="preloadStatusButton", flat=True)
        self.status_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.status_button.clicked.connect(lambda _=False: self.show_preloads())
        self.status_button.hide()
        window.statusBar().addPermanentWidget(self.status_button)
        menu = window.menuBar().addMenu(self.tr("&Κάρτες"))
        self.send_action = self._action(menu, "Ctrl+F9", self.tr("Πληρωμή αργότερα στο τερματικό (προφόρτωση)"),
                                        self.send_preload)
        self.list_action = self._action(menu, "F11", self.tr("Προφορτωμένες πληρωμές"), self.show_preloads)
        self.fault_action = self._action(menu, "Ctrl+Shift+F9",
                                         self.tr("Δήλωση βλάβης: πληρωμή από την απόδειξη του τερματικού"),
                                         self.declare_fault)
        self.reconcile_action = self._action(menu, "F12", self.tr("Συμφωνία καρτών ημέρας"), self.show_reconcile)
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.on_timer_timeout)

    def _action(self, menu, key: str, text: str, slot) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        self.window.addAction(action)
        self.window.till_actions.addAction(action)  # off while the till is locked
        self.window._shortcuts.append((key, text))
        return action

    def attach(self, context: TillContext) -> None:
        """Follow the till's payment service (none until a terminal is configured)."""
        payments = context.payments
        self.timer.stop()
        if payments is not None:
            from nexipos_desktop.payments.contract import Operation
            from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
        self.preloads = PreloadService(payments) if payments is not None else None
        supported = self.preloads is not None and self.preloads.supported
        self.tracker = PreloadTracker(self.preloads) if supported else None
        self.send_action.setEnabled(supported)
        self.window.later_button.setVisible(supported)
        self.list_action.setEnabled(self.preloads is not None)
        self.fault_action.setEnabled(payments is not None)
        self.reconcile_action.setEnabled(payments is not None and hasattr(payments.driver, "transactions")
                                         and Operation.TRANSACTION_LIST in payments.capabilities)
        if self.preloads is not None and context.db is not None:
            spawn(self.refresh(), on_error=self.window.report_error)
        if supported:
            self.timer.start()

    # ----- tracking -----
    def on_timer_timeout(self) -> None:
        if not self._polling and self.tracker is not None:
            spawn(self.poll(), on_error=lambda exc: log.warning("preload tracking failed: %s", exc))

    async def poll(self) -> None:
        """One pass of the tracker, then the count (and the open view) are refreshed."""
        if self._polling or self.tracker is None:
            return
        self._polling = True
        try:
            changed = await self.tracker.check_due()
        finally:
            self._polling = False
        await self.refresh()
        if changed and self.dialog is not None and self.dialog.isVisible():
            await self.dialog.refresh()

    async def refresh(self) -> list[PreloadRow]:
        if self.preloads is None:
            return []
        rows = await off_thread(self.preloads.rows)
        waiting = sum(1 for r in rows if r.state == "pending")
        attention = sum(1 for r in rows if r.needs_cashier)
        self.status_button.setVisible(bool(rows))
        text = self.tr("Προφορτωμένες: {0}").format(waiting)
        if attention:
            text += " · " + self.tr("{0} θέλουν ενέργεια").format(attention)
        self.status_button.setText(text)
        self.status_button.setStyleSheet("color: #8a1c12; font-weight: bold;" if attention else "")
        self.changed.emit(waiting, attention)
        return rows

    # ----- actions -----
    def _card_sale_ready(self) -> bool:
        window = self.window
        if window.card_flow is None or window.model.cart.is_empty or window.issuing:
            window.show_error_banner(self.tr("Χρειάζεται πώληση με είδη και ρυθμισμένο τερματικό καρτών"))
            return False
        return True

    def send_preload(self) -> None:
        if self.tracker is None:
            self.window.show_error_banner(self.tr("Το τερματικό δεν δέχεται προφορτωμένες πληρωμές (χρειάζεται WebECR)"))
            return
        if self._card_sale_ready():
            spawn(self.open_send_dialog(), on_error=self.window.report_error)

    async def open_send_dialog(self):
        from nexipos_desktop.payments.preload_store import default_expiry_minutes
        from nexipos_desktop.ui.preload_send_dialog import PreloadSendDialog

        flow = self.window.card_flow
        sale = await flow.sync_sale()
        minutes = await off_thread(default_expiry_minutes, self.preloads.db)
        dialog = PreloadSendDialog(self.preloads, sale, flow.due_cents, minutes, parent=self.window)
        unsure = [a for a in await off_thread(flow.service.unresolved)
                  if a.receipt_id == sale.receipt_id and a.operation == "preload"]
        if unsure:  # an earlier preload of this sale is in doubt: ask about it, never send another
            dialog.attempt_id = unsure[0].id
            dialog.show_in_doubt()
        dialog.finished.connect(lambda _result: spawn(self.after_send(dialog), on_error=self.window.report_error))
        self.send_dialog = dialog
        dialog.open()
        return dialog

    async def after_send(self, dialog) -> None:
        dialog.deleteLater()
        self.send_dialog = None
        flow = self.window.card_flow
        if dialog.document is None:
            self.window.model.locked = bool(await off_thread(flow.service.unresolved)) or flow.paid_cents > 0
            return
        flow.reset()
        await self.window.after_issue(dialog.document, print_it=True)
        self.window.show_banner(self.tr("Εκδόθηκε {0}-{1} με πληρωμή αργότερα στο τερματικό ({2} €)").format(
            dialog.document.series, dialog.document.number, format_cents(dialog.document.total_cents)))
        await self.refresh()

    def declare_fault(self) -> None:
        if self._card_sale_ready():
            spawn(self.open_fault_dialog(), on_error=self.window.report_error)

    async def open_fault_dialog(self):
        """A card payment taken on the terminal by hand, typed in from its slip: like forcing an in-doubt payment,
        it records a charge on someone's word, so an admin's PIN comes first (and goes to the audit log)."""
        from nexipos_desktop.ui.fault_declaration_dialog import FaultDeclarationDialog
        from nexipos_desktop.ui.pin_dialog import authorise

        if await authorise(self.window, "fault_declaration", self.tr("Δήλωση βλάβης")) is None:
            return None
        flow = self.window.card_flow
        sale = await flow.sync_sale()
        dialog = FaultDeclarationDialog(flow.service, sale, flow.due_cents, parent=self.window)
        dialog.finished.connect(lambda _result: spawn(self.after_fault(dialog), on_error=self.window.report_error))
        self.fault_dialog = dialog
        dialog.open()
        return dialog

    async def after_fault(self, dialog) -> None:
        dialog.deleteLater()
        self.fault_dialog = None
        if not dialog.recorded:
            return
        flow = self.window.card_flow
        flow.paid_cents = await off_thread(flow.service.paid_cents, flow.sale)
        self.window.model.locked = True
        if flow.paid_cents >= flow.sale.total_cents:
            await flow.issue()
            return
        self.window.show_banner(self.tr("Καταχωρίστηκε πληρωμή {0} € από την απόδειξη του τερματικού · Υπόλοιπο {1} €").format(
            format_cents(flow.paid_cents), format_cents(flow.due_cents)))
        self.window.on_model_changed()

    def show_preloads(self) -> None:
        if self.preloads is None:
            return
        from nexipos_desktop.ui.preload_panel import PreloadsDialog

        if self.dialog is None:
            self.dialog = PreloadsDialog(self.preloads, self.tracker, parent=self.window)
        spawn(self.dialog.refresh(), on_error=self.window.report_error)
        self.dialog.show()
        self.dialog.raise_()

    def show_reconcile(self) -> None:
        payments = self.window.context.payments
        if payments is None or not self.reconcile_action.isEnabled():
            self.window.show_error_banner(self.tr("Η συμφωνία καρτών χρειάζεται τερματικό WebECR"))
            return
        from nexipos_desktop.ui.reconcile_dialog import ReconcileDialog

        self.reconcile_dialog = ReconcileDialog(payments.db, payments.driver, parent=self.window)
        self.reconcile_dialog.show()
