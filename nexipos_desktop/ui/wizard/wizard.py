"""The setup wizard (QWizard): pages validated before Next; Finish saves everything at once (admin/setup_apply)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from nexipos_desktop.admin.demo import set_up_demo
from nexipos_desktop.admin.setup_apply import SetupError, apply_setup
from nexipos_desktop.admin.terminals import TerminalDraft
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.wizard.business_page import BusinessPage
from nexipos_desktop.ui.wizard.common import SetupState
from nexipos_desktop.ui.wizard.fiscal_page import FiscalPage
from nexipos_desktop.ui.wizard.printer_page import PrinterPage
from nexipos_desktop.ui.wizard.summary_page import SummaryPage
from nexipos_desktop.ui.wizard.terminal_page import TerminalPage
from nexipos_desktop.ui.wizard.users_page import UsersPage
from nexipos_desktop.ui.wizard.welcome_page import WelcomePage

log = logging.getLogger(__name__)
#: Secrets the wizard may replace (their presence, never their values, is shown).
KNOWN_SECRETS = ("mydata.subscription_key", "fiscal.provider_private_key", "fiscal.ecr_master_key", "webecr.password")


def read_setup_state(db: Database, **options) -> tuple[SetupState, TerminalDraft | None]:
    """The current settings, users and default terminal (blocking: keyring and SQLite; run it off the GUI thread)."""
    from nexipos_desktop.admin.roles import has_admin
    from nexipos_desktop.admin.setup_apply import is_configured
    from nexipos_desktop.admin.terminals import default_terminal
    from nexipos_desktop.secrets import get_secret
    from nexipos_desktop.storage.settings import all_settings

    with db.read() as session:
        values = all_settings(session)
        admin = has_admin(session)
        row = default_terminal(session)
        existing = TerminalDraft.of(row) if row is not None else None
    present = frozenset(name for name in KNOWN_SECRETS if get_secret(name))
    values["mydata.user_id"] = get_secret("mydata.user_id") or ""  # shown on the business page, kept in the keyring
    options.setdefault("first_run", not is_configured(values))
    return SetupState(values=values, has_admin=admin, secrets_set=present, **options), existing


class SetupWizard(QWizard):
    """``saved`` after Finish wrote the setup; ``demo_chosen`` after the one-click demo shop was set up."""

    saved = Signal()
    demo_chosen = Signal()
    WELCOME, BUSINESS, FISCAL, TERMINAL, PRINTER, USERS, SUMMARY = range(7)

    def __init__(self, db: Database, state: SetupState, *, actor: str, existing: TerminalDraft | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.state, self.actor = db, state, actor
        self.finishing = False
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Οδηγός ρύθμισης NexiPOS"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.resize(860, 720)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("Επόμενο >")),
                             (QWizard.WizardButton.BackButton, self.tr("< Πίσω")),
                             (QWizard.WizardButton.FinishButton, self.tr("Ολοκλήρωση")),
                             (QWizard.WizardButton.CancelButton, self.tr("Άκυρο"))):
            self.setButtonText(button, text)
        self.welcome = WelcomePage(state)
        self.business = BusinessPage(state)
        self.fiscal = FiscalPage(state)
        self.terminal = TerminalPage(state, existing)
        self.printer = PrinterPage(state)
        self.users = UsersPage(state)
        self.summary = SummaryPage(state)
        for page_id, page in enumerate((self.welcome, self.business, self.fiscal, self.terminal, self.printer,
                                        self.users, self.summary)):
            self.setPage(page_id, page)
        self.welcome.demo_requested.connect(lambda: spawn(self.use_demo(), on_error=self._failed))

    def nextId(self) -> int:
        if self.currentId() == self.PRINTER:
            return self.SUMMARY if self.state.has_admin else self.USERS
        return super().nextId()

    def accept(self) -> None:
        """Finish: save off the GUI thread; the wizard closes only when everything was written."""
        if not self.finishing:
            spawn(self.finish(), on_error=self._failed)

    async def finish(self) -> bool:
        self.finishing = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.summary.problem.setText(self.tr("Αποθήκευση…"))
        try:
            await off_thread(apply_setup, self.db, self.state.plan, actor=self.actor)
        except SetupError as exc:
            self.summary.problem.setText(str(exc))
            return False
        finally:
            self.finishing = False
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.summary.problem.clear()
        self.saved.emit()
        super().accept()
        return True

    async def use_demo(self) -> None:
        """The one-click path: the demo shop with its products, users and the built-in terminal simulator."""
        self.welcome.problem.setText(self.tr("Δημιουργία καταστήματος επίδειξης…"))
        await off_thread(set_up_demo, self.db)
        self.demo_chosen.emit()
        QDialog.done(self, QDialog.DialogCode.Accepted)  # QWizard.done would first validate the checklist page

    def _failed(self, error: BaseException) -> None:
        log.error("setup wizard: %s", error, exc_info=error)
        page = self.currentPage()
        getattr(page, "problem", self.summary.problem).setText(str(error))
