"""The settings screen: everything the wizard set, changed later (the wizard's pages re-used as tabs)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from nexipos_desktop.admin.setup_apply import SetupError, SetupPlan, apply_setup
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.wizard.business_page import BusinessPage
from nexipos_desktop.ui.wizard.common import SetupState
from nexipos_desktop.ui.wizard.fiscal_page import FiscalPage
from nexipos_desktop.ui.wizard.printer_page import PrinterPage
from nexipos_desktop.ui.wizard.terminals_tab import TerminalsTab
from nexipos_desktop.ui.wizard.users_tab import UsersTab

log = logging.getLogger(__name__)


class SettingsDialog(QDialog):
    """Business, fiscal route and printer are saved together with «Αποθήκευση»; terminals and users at once."""

    saved = Signal()

    def __init__(self, db: Database, state: SetupState, *, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.state, self.actor = db, state, actor
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Ρυθμίσεις"))
        self.resize(900, 720)
        self.business = BusinessPage(state)
        self.fiscal = FiscalPage(state)
        self.printer = PrinterPage(state)
        self.terminals = TerminalsTab(db, state, actor=actor)
        self.users = UsersTab(db, actor=actor)
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(self.business, self.tr("Επιχείρηση"))
        self.tabs.addTab(self.fiscal, self.tr("Φορολογική διαδρομή"))
        self.tabs.addTab(self.terminals, self.tr("Τερματικά"))
        self.tabs.addTab(self.printer, self.tr("Εκτύπωση"))
        self.tabs.addTab(self.users, self.tr("Χρήστες"))
        self.problem = QLabel(objectName="settingsProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Αποθήκευση"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Κλείσιμο"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(lambda: spawn(self.save(), on_error=self._fail))
        self.buttons.rejected.connect(self.reject)
        self.terminals.changed.connect(self.saved)
        self.users.changed.connect(self.saved)
        spawn(self.load(), on_error=self._fail)

    async def load(self) -> None:
        await self.terminals.load()
        await self.users.load()

    async def save(self) -> bool:
        """Validate the business, fiscal and printer tabs, then write them in one transaction."""
        self.state.plan = SetupPlan()
        self.problem.setStyleSheet("color: #b00020;")
        for page in (self.business, self.fiscal, self.printer):
            if not page.validatePage():
                self.tabs.setCurrentWidget(page)
                self.problem.setText(self.tr("Διορθώστε την καρτέλα «{0}».").format(
                    self.tabs.tabText(self.tabs.indexOf(page))))
                return False
        try:
            await off_thread(apply_setup, self.db, self.state.plan, actor=self.actor, action="settings.changed")
        except SetupError as exc:
            self.problem.setText(str(exc))
            return False
        self.state.values.update(self.state.plan.settings)
        self.state.secrets_set = self.state.secrets_set | frozenset(self.state.plan.secrets)
        self.problem.setStyleSheet("color: #0d5223;")
        self.problem.setText(self.tr("Αποθηκεύτηκε."))
        self.saved.emit()
        return True

    def _fail(self, error: BaseException) -> None:
        log.error("settings: %s", error, exc_info=error)
        self.problem.setText(str(error))
