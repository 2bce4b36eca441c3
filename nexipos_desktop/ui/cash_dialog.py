"""«Μετρητά»: the tendered amount, the change due, issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
    QWidget,
)

from nexipos_desktop.money import AmountError, format_cents, parse_amount

QUICK_NOTES_CENTS = (500, 1000, 2000, 5000, 10000)


class CashDialog(QDialog):
    """Asks what the customer handed over; «Έκδοση» is enabled only when it covers the total."""

    def __init__(self, total_cents: int, *, print_receipt: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total_cents = total_cents
        self.setWindowTitle(self.tr("Πληρωμή με μετρητά"))
        total = QLabel(f"{format_cents(total_cents)} €", objectName="cashTotal")
        total.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.tendered = QLineEdit(objectName="tendered", placeholderText=format_cents(total_cents))
        self.tendered.setStyleSheet("font-size: 22px;")
        self.tendered.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.change = QLabel(objectName="change")
        self.change.setStyleSheet("font-size: 22px;")
        self.problem = QLabel(objectName="cashProblem")
        self.problem.setStyleSheet("color: #b00020;")
        self.print_box = QCheckBox(self.tr("Εκτύπωση απόδειξης"), checked=print_receipt, objectName="printReceipt")
        form = QFormLayout()
        form.addRow(self.tr("Σύνολο:"), total)
        form.addRow(self.tr("Δόθηκαν:"), self.tendered)
        form.addRow(self.tr("Ρέστα:"), self.change)
        notes = QHBoxLayout()
        exact = QPushButton(self.tr("Ακριβές ποσό"), objectName="exactAmount")
        exact.clicked.connect(lambda: self.tendered.setText(format_cents(total_cents)))
        notes.addWidget(exact)
        for cents in QUICK_NOTES_CENTS:
            if cents >= total_cents:
                button = QPushButton(f"{cents // 100} €")
                button.clicked.connect(lambda _=False, c=cents: self.tendered.setText(format_cents(c)))
                notes.addWidget(button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.issue_button = self.buttons.addButton(self.tr("Έκδοση (Enter)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.issue_button.setObjectName("issue")
        self.issue_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(notes)
        layout.addWidget(self.problem)
        layout.addWidget(self.print_box)
        layout.addWidget(self.buttons)
        self.tendered.textChanged.connect(self._update)
        self.tendered.returnPressed.connect(self.accept)
        self._update()

    def tendered_cents(self) -> int | None:
        """What was handed over: an empty field means the exact amount."""
        text = self.tendered.text().strip()
        if not text:
            return self.total_cents
        try:
            return parse_amount(text)
        except AmountError:
            return None

    def _update(self) -> None:
        tendered = self.tendered_cents()
        if tendered is None:
            self.problem.setText(self.tr("Μη έγκυρο ποσό"))
            self.change.setText("—")
        elif tendered < self.total_cents:
            self.problem.setText(self.tr("Λείπουν {0} €").format(format_cents(self.total_cents - tendered)))
            self.change.setText("—")
        else:
            self.problem.setText("")
            self.change.setText(f"{format_cents(tendered - self.total_cents)} €")
        self.issue_button.setEnabled(tendered is not None and tendered >= self.total_cents)

    def accept(self) -> None:
        if self.issue_button.isEnabled():
            super().accept()
