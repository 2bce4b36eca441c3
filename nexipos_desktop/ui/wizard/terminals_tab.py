"""The settings screen's terminals: the shop's table of them, add, re-pair (history kept), default, remove, test."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from nexipos_desktop.admin.setup_apply import SetupError, SetupPlan, apply_setup
from nexipos_desktop.admin.terminals import PROTOCOL_NAMES, TerminalDraft, TerminalError, list_terminals
from nexipos_desktop.admin.terminals import record_check, remove_terminal, set_default
from nexipos_desktop.payments.contract import EchoResult
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.wizard.common import SetupState, problem_label
from nexipos_desktop.ui.wizard.terminal_page import TerminalPage


class TerminalDialog(QDialog):
    """The wizard's terminal page on its own: add a terminal, or re-pair one (same row and name)."""

    def __init__(self, state: SetupState, existing: TerminalDraft | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terminalDialog")
        self.setWindowTitle(self.tr("Επανασύζευξη τερματικού") if existing else self.tr("Νέο τερματικό"))
        self.resize(820, 680)
        self.page = TerminalPage(state, existing)
        self.make_default = QCheckBox(self.tr("Προεπιλογή για αυτό το ταμείο"), objectName="makeDefault")
        self.make_default.setChecked(existing is None or existing.id is None)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Αποθήκευση"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Άκυρο"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.make_default)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.page.validatePage():
            super().accept()


class TerminalsTab(QWidget):
    changed = Signal()

    COLUMNS = 7

    def __init__(self, db: Database, state: SetupState, *, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.state, self.actor = db, state, actor
        self.rows: list = []
        self.dialog: TerminalDialog | None = None
        self.table = QTableWidget(0, self.COLUMNS, objectName="terminalsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Όνομα"), self.tr("Είδος"), self.tr("Πρωτόκολλο"),
                                              self.tr("Διεύθυνση"), "TID", self.tr("Προεπιλογή"),
                                              self.tr("Τελευταίος έλεγχος")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.add_button = QPushButton(self.tr("Προσθήκη…"), objectName="addTerminal")
        self.repair_button = QPushButton(self.tr("Επανασύζευξη / αλλαγή…"), objectName="repairTerminal")
        self.default_button = QPushButton(self.tr("Προεπιλογή για αυτό το ταμείο"), objectName="defaultTerminal")
        self.remove_button = QPushButton(self.tr("Αφαίρεση"), objectName="removeTerminal")
        self.check_button = QPushButton(self.tr("Δοκιμή σύνδεσης"), objectName="checkTerminal")
        self.status = QLabel(objectName="terminalsStatus", wordWrap=True)
        self.problem = problem_label("terminalsProblem")
        buttons = QHBoxLayout()
        for button in (self.add_button, self.repair_button, self.default_button, self.remove_button,
                       self.check_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        self.add_button.clicked.connect(lambda _=False: self.edit(None))
        self.repair_button.clicked.connect(lambda _=False: self.edit(self.selected()))
        self.default_button.clicked.connect(lambda _=False: self.run_change(set_default))
        self.remove_button.clicked.connect(lambda _=False: self.run_change(remove_terminal))
        self.check_button.clicked.connect(lambda _=False: self.start_check())

    async def load(self) -> None:
        self.rows = await off_thread(self._read)
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            where = f"{row.host}:{row.port}" if row.protocol == "tcp" else row.base_url
            if row.simulator:
                where = self.tr("ενσωματωμένος προσομοιωτής")
            check = "" if row.last_check_ok is None else (
                f"{row.last_check_at[:16].replace('T', ' ')} " + ("OK" if row.last_check_ok else row.last_check_message))
            cells = (row.name, row.kind, PROTOCOL_NAMES[row.protocol], where, row.tid, "✓" if row.is_default else "",
                     check)
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if self.rows:
            self.table.selectRow(next((i for i, r in enumerate(self.rows) if r.is_default), 0))

    def _read(self) -> list:
        with self.db.read() as session:
            return list_terminals(session)

    def selected(self) -> TerminalDraft | None:
        rows = self.table.selectionModel().selectedRows()
        return TerminalDraft.of(self.rows[rows[0].row()]) if rows else None

    def edit(self, existing: TerminalDraft | None) -> None:
        if self.dialog is not None:
            return
        self.state.plan = SetupPlan()
        self.dialog = TerminalDialog(self.state, existing, self)
        self.dialog.finished.connect(lambda result: spawn(self.after_edit(result), on_error=self._fail))
        self.dialog.open()

    async def after_edit(self, result: int) -> bool:
        dialog, self.dialog = self.dialog, None
        dialog.deleteLater()
        if result != QDialog.DialogCode.Accepted:
            return False
        plan = self.state.plan
        plan.terminal_default = dialog.make_default.isChecked()
        try:
            await off_thread(apply_setup, self.db, plan, actor=self.actor, action="terminal.saved")
        except SetupError as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        self.status.setText(self.tr("Το τερματικό «{0}» αποθηκεύτηκε.").format(plan.terminal.name))
        await self.load()
        self.changed.emit()
        return True

    def run_change(self, change) -> None:
        draft = self.selected()
        if draft is not None:
            spawn(self.apply_change(change, draft.id), on_error=self._fail)

    async def apply_change(self, change, terminal_id: int) -> None:
        def write() -> None:
            with self.db.write() as session:
                change(session, terminal_id, actor=self.actor)

        try:
            await off_thread(write)
        except TerminalError as exc:
            self.problem.setText(str(exc))
            return
        self.problem.clear()
        await self.load()
        self.changed.emit()

    def start_check(self) -> None:
        draft = self.selected()
        if draft is None or draft.protocol != "tcp" or draft.simulator:
            self.status.setText(self.tr("Η δοκιμή εδώ αφορά τερματικά TCPSocket· για WebECR κάντε επανασύζευξη."))
            return
        self.status.setText(self.tr("Δοκιμή σύνδεσης με {0}:{1}…").format(draft.host, draft.port))
        spawn(self.check(draft), on_error=self._fail)

    async def check(self, draft: TerminalDraft) -> bool:
        """ECHO a TCPSocket terminal and remember the answer on its row."""
        outcome = await self.state.echo(draft.host, draft.port)
        ok = isinstance(outcome, EchoResult)

        def write() -> None:
            with self.db.write() as session:
                record_check(session, draft.name, ok, "" if ok else outcome.message)

        await off_thread(write)
        self.status.setText(self.tr("Το τερματικό «{0}» απάντησε: TID {1}").format(draft.name, outcome.tid) if ok
                            else self.tr("Το τερματικό «{0}» δεν απαντά: {1}").format(draft.name, outcome.message))
        await self.load()
        return ok

    def _fail(self, error: BaseException) -> None:
        self.problem.setText(str(error))
