"""«Σύνδεση ταμία»: choose who you are and type your PIN (the admin gate's dialog, asking a cashier)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from nexipos_desktop.admin.roles import Role
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.pin_dialog import PinDialog


class SignInDialog(PinDialog):
    """Cashiers and admins with a PIN; the PIN is checked off the GUI thread and audited as ``pin.sign_in`` with
    the cashier signed out (``signed_out``). A wrong or locked PIN keeps the dialog open and says why."""

    role = Role.CASHIER

    def __init__(self, db: Database, users: list[str], *, signed_out: str = "", preselect: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(db, users, "sign_in", signed_out, {"signed_out": signed_out or None}, parent)
        self.setObjectName("signInDialog")
        if preselect in users:
            self.who.setCurrentText(preselect)
        self.setMinimumWidth(380)

    def texts(self, what: str) -> tuple[str, str, str, str]:
        prompt = (self.tr("Ο ταμίας «{0}» θα αποσυνδεθεί. Ποιος συνδέεται;").format(what) if what
                  else self.tr("Επιλέξτε το όνομά σας και πληκτρολογήστε το PIN σας."))
        return self.tr("Σύνδεση ταμία"), prompt, self.tr("Χρήστης:"), self.tr("Σύνδεση")
