"""Who is at the till: sign-in at start, «Αλλαγή ταμία…» (F6) and «Κλείδωμα ταμείου» (Ctrl+L).

The cashier signed in goes on every later receipt and card attempt (``TillContext.cashier`` and the payment
service's ``cashier``). While nobody is signed in, the sale area gives way to a «Σύνδεση ταμία» page and the
till's actions are off. Switching is refused while a sale is under way, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from nexipos_desktop.ui.tasks import off_thread, spawn

if TYPE_CHECKING:  # the database layer loads after the window is shown
    from nexipos_desktop.ui.main_window import MainWindow
    from nexipos_desktop.ui.sign_in_dialog import SignInDialog

SWITCH_KEY = "F6"
LOCK_KEY = "Ctrl+L"


class TillSignIn(QObject):
    """Owned by the till window; ``locked`` while nobody is signed in. The open dialog is kept in ``dialog``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.locked = False
        self.dialog: SignInDialog | None = None
        self.signed_out = ""  # who left last (preselected when the till is unlocked)
        self._then: Callable[[], None] | None = None
        self.page = self._build_page()

    def _build_page(self) -> QWidget:
        page = QWidget(objectName="lockedPage")
        title = QLabel(self.tr("Κανένας ταμίας δεν έχει συνδεθεί"), objectName="lockedTitle")
        title.setStyleSheet("font-size: 26px; font-weight: bold; color: #0b3d91;")
        hint = QLabel(self.tr("Οι πωλήσεις ξεκινούν όταν συνδεθεί ταμίας με το PIN του."), objectName="lockedHint")
        hint.setStyleSheet("font-size: 16px; color: #3c4650;")
        self.sign_in_button = QPushButton(self.tr("Σύνδεση ταμία ({0})").format(SWITCH_KEY), objectName="signInButton")
        self.sign_in_button.setMinimumSize(320, 72)
        self.sign_in_button.setStyleSheet("QPushButton { font-size: 22px; font-weight: bold; color: white;"
                                          " background: #0b3d91; }")
        self.sign_in_button.clicked.connect(lambda _=False: self.switch())
        column = QVBoxLayout(page)
        column.addStretch(1)
        for widget in (title, hint, self.sign_in_button):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        return page

    # ----- what the cashier does -----
    def switch(self) -> None:
        """«Αλλαγή ταμία…» (or «Σύνδεση ταμία» while locked): the sign-in dialog, unless a sale is under way."""
        if self.dialog is not None or self.window.context.db is None:
            return
        problem = self.busy_reason()
        if problem:
            self.window.show_error_banner(problem)
            return
        spawn(self.ask(), on_error=self.window.report_error)

    def lock(self) -> None:
        """«Κλείδωμα ταμείου»: the cashier leaves; the next one (or the same) signs in with a PIN."""
        if self.locked or self.dialog is not None or self.window.context.db is None:
            return
        problem = self.busy_reason(self.tr("το κλείδωμα του ταμείου"))
        if problem:
            self.window.show_error_banner(problem)
            return
        spawn(self._lock(), on_error=self.window.report_error)

    def require(self, then: Callable[[], None] | None = None) -> None:
        """At start-up: nobody is signed in yet; ask now and call ``then`` after the first sign-in."""
        self._then = then
        self.set_cashier("")
        self.set_locked(True)
        self.switch()

    def busy_reason(self, what: str = "") -> str:
        """Why the cashier cannot change now ("" when they can): a sale in the cart, a payment under way."""
        window = self.window
        what = what or self.tr("την αλλαγή ταμία")
        flow = window.card_flow
        if window.issuing or (flow is not None and (flow.dialog is not None or flow.sale is not None)):
            return self.tr("Πληρωμή σε εξέλιξη: ολοκληρώστε την πριν από {0}.").format(what)
        if not window.model.cart.is_empty:
            return self.tr("Ολοκληρώστε ή ακυρώστε την τρέχουσα πώληση πριν από {0}. Το καλάθι έμεινε ως ήταν.").format(what)
        return ""

    # ----- steps -----
    async def ask(self) -> None:
        from nexipos_desktop.admin.sign_in import sign_in_users
        from nexipos_desktop.ui.sign_in_dialog import SignInDialog

        db = self.window.context.db
        users = await off_thread(self._read, sign_in_users)
        if not users:
            self.window.show_error_banner(self.tr("Κανένας χρήστης δεν έχει PIN: ορίστε τα στο «Διαχείριση» → "
                                                  "«Ρυθμίσεις» → «Χρήστες»."))
            return
        if self.dialog is not None:
            return
        current = self.window.context.cashier if not self.locked else ""
        names = [user.name for user in users]
        preselect = self.signed_out if self.locked else next((n for n in names if n != current), "")
        self.dialog = SignInDialog(db, names, signed_out=current, preselect=preselect, parent=self.window)
        self.dialog.finished.connect(self.on_dialog_finished)
        self.dialog.open()

    def on_dialog_finished(self, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted and dialog.user:
            self.signed_in(dialog.user)

    def signed_in(self, name: str) -> None:
        """``name`` is at the till from now on: every later receipt and card attempt carries it."""
        previous = self.window.context.cashier
        self.set_cashier(name)
        self.set_locked(False)
        if previous and previous != name:
            self.window.show_banner(self.tr("Συνδέθηκε: {0} (αποσυνδέθηκε: {1})").format(name, previous))
        else:
            self.window.show_banner(self.tr("Συνδέθηκε: {0}").format(name))
        then, self._then = self._then, None
        if then is not None:
            then()

    async def _lock(self) -> None:
        from nexipos_desktop.admin.sign_in import record_sign_out

        name = self.window.context.cashier
        await off_thread(record_sign_out, self.window.context.db, name, reason="locked")
        self.signed_out = name
        self.set_cashier("")
        self.set_locked(True)
        self.window.show_banner(self.tr("Το ταμείο κλειδώθηκε ({0} αποσυνδέθηκε).").format(name))

    # ----- state -----
    def set_cashier(self, name: str) -> None:
        context = self.window.context
        context.cashier = name
        if context.payments is not None:
            context.payments.cashier = name or "system"
        self.show_cashier()

    def set_locked(self, locked: bool) -> None:
        """Locked: the sale area gives way to the sign-in page, and only help, sign-in and admin stay on."""
        self.locked = locked
        window = self.window
        window.sale_stack.setCurrentWidget(self.page if locked else window.sale_area)
        window.till_actions.setEnabled(not locked)  # each action's own state comes back when unlocked
        window.switch_action.setText(self.tr("Σύνδεση ταμία…") if locked else self.tr("Αλλαγή ταμία…"))
        self.show_cashier()
        if locked:
            self.sign_in_button.setFocus()
        else:
            window.catalogue.search.setFocus()
        window.on_model_changed()

    def show_cashier(self) -> None:
        label = self.window.cashier_label
        if self.locked:
            label.setText(self.tr("Ταμείο κλειδωμένο"))
            label.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            label.setText(self.tr("Ταμίας: {0}").format(self.window.context.cashier))
            label.setStyleSheet("")

    def _read(self, function):
        with self.window.context.db.read() as session:
            return function(session)
