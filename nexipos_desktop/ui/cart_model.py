"""The cart as a Qt table model: description, quantity and discount editable in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from nexipos_desktop.money import AmountError, format_cents, parse_amount, vat_category
from nexipos_desktop.receipts.cart import Cart, CartLine
from nexipos_desktop.receipts.codes import quantity_text

NAME, QUANTITY, PRICE, DISCOUNT, VAT, VALUE = range(6)


class CartModel(QAbstractTableModel):
    """Wraps a domain ``Cart``; every change goes through it, so its rules hold (bad input is refused whole)."""

    changed = Signal()
    rejected = Signal(str)  # a Greek message for the cashier

    def __init__(self, cart: Cart | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cart = cart or Cart()
        self.locked = False  # a card payment went through: the cart it signed cannot change
        self._headers = [self.tr("Περιγραφή"), self.tr("Ποσότητα"), self.tr("Τιμή"), self.tr("Έκπτωση"),
                         self.tr("ΦΠΑ"), self.tr("Αξία")]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.cart.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self.cart.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(line, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == QUANTITY:
                return format(line.quantity, "f").replace(".", ",")
            if column == DISCOUNT:
                return format_cents(line.discount_cents)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, line: CartLine, column: int) -> str:
        if column == NAME:
            return line.name
        if column == QUANTITY:
            return quantity_text(line.quantity, line.unit)
        if column == PRICE:
            return format_cents(line.unit_price_cents)
        if column == DISCOUNT:
            return f"-{format_cents(line.discount_cents)}" if line.discount_cents else ""
        if column == VAT:
            return vat_category(line.vat_category).percent_text
        return format_cents(line.amounts.gross_cents)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in (QUANTITY, DISCOUNT) else base

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() == QUANTITY:
            return self.set_quantity(index.row(), str(value))
        if index.column() == DISCOUNT:
            return self.set_discount(index.row(), str(value))
        return False

    def add_line(self, line: CartLine) -> int:
        """Add (or merge) a line; returns its row, or -1 when refused."""
        if self._refuse_if_locked():
            return -1
        self.beginResetModel()
        try:
            row = self.cart.add(line)
        except AmountError as exc:
            row = -1
            self.rejected.emit(str(exc))
        finally:
            self.endResetModel()
        if row >= 0:
            self.changed.emit()
        return row

    def set_quantity(self, row: int, text: str) -> bool:
        return self._edit(row, lambda: self.cart.set_quantity(row, text))

    def set_discount(self, row: int, text: str) -> bool:
        """A discount as an amount (``1,50``) or a percentage of the line (``10%``)."""
        def apply() -> None:
            line = self.cart.lines[row]
            cleaned = text.strip()
            if cleaned.endswith("%"):
                percent = parse_amount(cleaned[:-1], allow_zero=True)  # hundredths of a percent
                before = line.amounts.gross_cents + line.discount_cents
                cents = (before * percent + 5000) // 10000
            else:
                cents = parse_amount(cleaned or "0", allow_zero=True)
            self.cart.set_discount(row, cents)
        return self._edit(row, apply)

    def remove_row(self, row: int) -> None:
        if self._refuse_if_locked():
            return
        if 0 <= row < len(self.cart.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            self.cart.remove(row)
            self.endRemoveRows()
            self.changed.emit()

    def clear(self) -> None:
        self.beginResetModel()
        self.cart.clear()
        self.endResetModel()
        self.changed.emit()

    def _refuse_if_locked(self) -> bool:
        if self.locked:
            self.rejected.emit(self.tr("Η πώληση έχει ήδη πληρωμή με κάρτα: το καλάθι δεν αλλάζει. "
                                       "Ολοκληρώστε την πληρωμή του υπολοίπου."))
        return self.locked

    def _edit(self, row: int, change) -> bool:
        if self._refuse_if_locked() or not 0 <= row < len(self.cart.lines):
            return False
        try:
            change()
        except AmountError as exc:
            self.rejected.emit(str(exc))
            return False
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self.changed.emit()
        return True
