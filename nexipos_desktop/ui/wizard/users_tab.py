"""The settings screen's users: who has which role; add a user or change a PIN (hashed with scrypt)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QFormLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from nexipos_desktop.admin.pins import PinError
from nexipos_desktop.admin.roles import Role, RoleError, list_users, save_user
from nexipos_desktop.storage.db import Database
from nexipos_desktop.ui.tasks import off_thread, spawn
from nexipos_desktop.ui.wizard.common import problem_label


class UsersTab(QWidget):
    changed = Signal()

    def __init__(self, db: Database, *, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor = db, actor
        self.table = QTableWidget(0, 3, objectName="usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("Όνομα"), self.tr("Ρόλος"), self.tr("PIN")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.name = QLineEdit(objectName="userName")
        self.role = QComboBox(objectName="userRole")
        self.role.addItem(self.tr("Ταμίας"), Role.CASHIER.value)
        self.role.addItem(self.tr("Διαχειριστής"), Role.ADMIN.value)
        self.pin = QLineEdit(objectName="userPin", echoMode=QLineEdit.EchoMode.Password, maxLength=8,
                             placeholderText=self.tr("4–8 ψηφία· κενό = χωρίς αλλαγή"))
        self.save_button = QPushButton(self.tr("Αποθήκευση χρήστη"), objectName="saveUser")
        self.status = QLabel(objectName="usersStatus")
        self.problem = problem_label("usersTabProblem")
        form = QFormLayout()
        form.addRow(self.tr("Όνομα:"), self.name)
        form.addRow(self.tr("Ρόλος:"), self.role)
        form.addRow(self.tr("Νέο PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        self.table.itemSelectionChanged.connect(self.on_selection_changed)
        self.save_button.clicked.connect(lambda _=False: spawn(self.save(), on_error=self._fail))
        self.users = []

    async def load(self) -> None:
        self.users = await off_thread(self._read)
        role_names = {Role.CASHIER: self.tr("Ταμίας"), Role.ADMIN: self.tr("Διαχειριστής")}
        self.table.setRowCount(len(self.users))
        for index, user in enumerate(self.users):
            for column, text in enumerate((user.name, role_names[user.role], "✓" if user.has_pin else "—")):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.on_selection_changed()  # a reload keeps the form in step with the selected row

    def _read(self) -> list:
        with self.db.read() as session:
            return list_users(session)

    def on_selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            user = self.users[rows[0].row()]
            self.name.setText(user.name)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.pin.clear()

    async def save(self) -> bool:
        name, role, pin = self.name.text(), Role(self.role.currentData()), self.pin.text() or None

        def write():
            with self.db.write() as session:
                return save_user(session, name, role, pin, actor=self.actor)

        try:
            user = await off_thread(write)
        except (RoleError, PinError) as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        self.pin.clear()
        self.status.setText(self.tr("Ο χρήστης «{0}» αποθηκεύτηκε.").format(user.name))
        await self.load()
        self.changed.emit()
        return True

    def _fail(self, error: BaseException) -> None:
        self.problem.setText(str(error))
