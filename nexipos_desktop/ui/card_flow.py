"""The card side of a sale in the till window: open the sale, pay by card (or several), settle the rest, issue."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.ui.tasks import off_thread, spawn

if TYPE_CHECKING:
    from nexipos_desktop.payments.service import OpenSale, PaymentService
    from nexipos_desktop.ui.card_dialog import CardPaymentDialog

log = logging.getLogger(__name__)


class CardFlow:
    """Holds the open sale (its reserved number and signed UID) while card payments are taken."""

    def __init__(self, window, service: PaymentService) -> None:
        self.window = window
        self.service = service
        self.sale: OpenSale | None = None
        self.paid_cents = 0
        self.dialog: CardPaymentDialog | None = None

    @property
    def due_cents(self) -> int:
        return (self.sale.total_cents if self.sale else self.window.model.cart.total_cents) - self.paid_cents

    def start(self) -> None:
        if self.dialog is None and not self.window.model.cart.is_empty:
            spawn(self.open_dialog(), on_error=self.window.report_error)

    async def sync_sale(self) -> OpenSale:
        """Store the current cart on the sale (reserving its number the first time); locked once paid."""
        if self.paid_cents == 0:
            self.sale = await off_thread(self.service.open_sale, list(self.window.model.cart.lines), sale=self.sale)
        return self.sale

    async def open_dialog(self) -> None:
        from nexipos_desktop.ui.card_dialog import CardPaymentDialog

        sale = await self.sync_sale()
        self.dialog = CardPaymentDialog(self.service, sale, self.due_cents, parent=self.window)
        self.dialog.finished.connect(lambda _result: spawn(self.after_dialog(), on_error=self.window.report_error))
        self.dialog.open()

    async def after_dialog(self) -> ReceiptDocument | None:
        self.dialog.deleteLater()
        self.dialog = None
        self.paid_cents = await off_thread(self.service.paid_cents, self.sale)
        self.window.model.locked = self.paid_cents > 0 or bool(await off_thread(self.service.unresolved))
        if self.paid_cents >= self.sale.total_cents:
            return await self.issue()
        if self.paid_cents:
            self.window.show_banner(self.window.tr("Πληρώθηκαν {0} € με κάρτα · Υπόλοιπο {1} €: Μετρητά (F8) ή Κάρτα (F9)")
                                    .format(format_cents(self.paid_cents), format_cents(self.due_cents)))
        self.window.on_model_changed()
        return None

    async def issue(self, cash_tendered_cents: int | None = None, *, print_it: bool = True) -> ReceiptDocument | None:
        """Issue the open sale with its card payments and, for the rest, cash."""
        if self.paid_cents == 0:
            await self.sync_sale()
        try:
            document = await off_thread(self.service.issue, self.sale, cash_tendered_cents=cash_tendered_cents)
        except PaymentError as exc:
            self.window.show_error_banner(str(exc))
            return None
        self.reset()
        await self.window.after_issue(document, print_it=print_it)
        return document

    def cancel(self) -> bool:
        """Abandon the open sale (its number goes to the next sale); refused once card money may have moved."""
        if self.sale is None:
            return True
        try:
            self.service.abandon(self.sale)
        except PaymentError as exc:
            QMessageBox.warning(self.window, self.window.tr("Η πώληση δεν ακυρώνεται"), str(exc))
            return False
        self.reset()
        return True

    def reset(self) -> None:
        self.sale = None
        self.paid_cents = 0
        self.window.model.locked = False
