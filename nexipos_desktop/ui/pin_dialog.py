"""The admin gate: settings, voids, refunds and forced resolutions of card payments need an admin's PIN.

:class:`AdminGate` asks with a :class:`PinDialog` (the PIN is checked off the GUI thread: scrypt is slow on
purpose) and returns the admin's name, which the caller records as the actor; every try is in the audit log.
"""

from __future__ import annotations

import asyncio
import logging

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from nexipos_desktop.admin.roles import PinRejected, Role, authenticate, list_users
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import off_thread, spawn

log = logging.getLogger(__name__)


class PinDialog(QDialog):
    """Who and the PIN; stays open on a wrong PIN and says why (tries left, lock time).

    As it stands it asks an admin to approve ``what``; :class:`~nexipos_desktop.ui.sign_in_dialog.SignInDialog`
    asks a cashier to sign in (``role`` and :meth:`texts` differ). The user chosen is in ``user`` once accepted.
    """

    role = Role.ADMIN

    def __init__(self, db: Database, users: list[str], action: str, what: str = "", details: dict | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.action, self.details = db, action, details or {}
        self.user: str | None = None
        self.checking = False
        window_title, prompt, who_label, ok_text = self.texts(what)
        self.setObjectName("pinDialog")
        self.setWindowTitle(window_title)
        self.who = QComboBox(objectName="pinUser")
        self.who.addItems(users)
        self.pin = QLineEdit(objectName="pinEdit", echoMode=QLineEdit.EchoMode.Password, maxLength=8)
        self.problem = QLabel(objectName="pinProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Άκυρο"))
        form = QFormLayout()
        form.addRow(who_label, self.who)
        form.addRow(self.tr("PIN:"), self.pin)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(prompt, objectName="pinPrompt", wordWrap=True)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.pin.setFocus()

    def texts(self, what: str) -> tuple[str, str, str, str]:
        """Window title, prompt, the label of the user list and the OK button's text."""
        return (self.tr("Έγκριση διαχειριστή"), self.tr("Η ενέργεια «{0}» χρειάζεται έγκριση διαχειριστή.").format(what),
                self.tr("Διαχειριστής:"), self.tr("Έγκριση"))

    def submit(self) -> None:
        if not self.checking:
            spawn(self.check(), on_error=lambda exc: self.problem.setText(str(exc)))

    async def check(self) -> bool:
        self.checking = True
        self.buttons.setEnabled(False)
        self.problem.setText(self.tr("Έλεγχος…"))
        name, pin = self.who.currentText(), self.pin.text()
        try:
            user = await off_thread(authenticate, self.db, name, pin, action=self.action, role=self.role,
                                    details=self.details)
        except PinRejected as exc:
            self.problem.setText(str(exc))
            self.pin.clear()
            self.pin.setFocus()
            return False
        finally:
            self.checking = False
            self.buttons.setEnabled(True)
        self.user = user.name
        self.accept()
        return True


class AdminGate:
    """Asks for an admin PIN before a protected action; the dialog is kept in ``dialog`` while it is open."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.dialog: PinDialog | None = None

    async def authorise(self, parent: QWidget | None, action: str, what: str, **details) -> str | None:
        """The approving admin's name, or None when cancelled. With no admin set up yet, the action is allowed
        and audited under ``no admin``, so an upgraded till is never locked out of its own settings."""
        admins = await off_thread(self._admins)
        if not admins:
            await off_thread(self._audit_unguarded, action, details)
            return "—"
        self.dialog = dialog = PinDialog(self.db, admins, action, what, details, parent)
        done: asyncio.Future = asyncio.get_event_loop().create_future()
        dialog.finished.connect(lambda result: done.done() or done.set_result(result))
        dialog.open()
        try:
            result = await done
        finally:
            self.dialog = None
            dialog.deleteLater()
        return dialog.user if result == QDialog.DialogCode.Accepted else None

    def _admins(self) -> list[str]:
        with self.db.read() as session:
            return [user.name for user in list_users(session, Role.ADMIN) if user.has_pin]

    def _audit_unguarded(self, action: str, details: dict) -> None:
        from nexipos_desktop.storage.audit import audit

        with self.db.write() as session:
            audit(session, "—", f"admin.{action}", unguarded="no admin PIN set", **details)


def gate_of(widget: QWidget | None) -> AdminGate | None:
    """The till's gate, found through the widget's parents (their ``context.admin_gate``)."""
    while widget is not None:
        context = getattr(widget, "context", None)
        if context is not None and hasattr(context, "admin_gate"):
            return context.admin_gate
        widget = widget.parentWidget()
    return None


async def authorise(widget: QWidget, action: str, what: str, **details) -> str | None:
    """Ask the till's gate; without a gate (an embedded window without administration) the action proceeds."""
    gate = gate_of(widget)
    if gate is None:
        return ""
    return await gate.authorise(widget, action, what, **details)
