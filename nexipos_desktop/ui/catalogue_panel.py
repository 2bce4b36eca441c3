"""Finding products: instant prefix search and the quick-key grid."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from nexipos_desktop.money import format_cents
from nexipos_desktop.storage.catalogue import ProductRow, find_product, quick_key_products, search_catalogue

if TYPE_CHECKING:
    from nexipos_desktop.storage.db import Database

QUICK_KEY_COLUMNS = 4
QUICK_KEY_WRAP = 16  # characters per line on a quick key
RESULT_LIMIT = 50


class SearchField(QLineEdit):
    """The search box: Down moves into the results, Enter picks."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)


class CataloguePanel(QWidget):
    """Emits ``product_chosen`` when the cashier picks a product by search, Enter or quick key."""

    product_chosen = Signal(object)  # ProductRow
    not_found = Signal(str)

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.search = SearchField(objectName="search")
        self.search.setPlaceholderText(self.tr("Αναζήτηση προϊόντος: όνομα, κωδικός ή barcode (F2)"))
        self.search.setClearButtonEnabled(True)
        self.search.setStyleSheet("font-size: 18px; padding: 6px;")
        self.results = QListWidget(objectName="results")
        self.results.setStyleSheet("font-size: 15px;")
        self.quick_keys = QWidget(objectName="quickKeys")
        grid = QGridLayout(self.quick_keys)
        grid.setSpacing(4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 2)
        layout.addWidget(self.quick_keys, 3)
        self.search.textChanged.connect(self.on_search_text_changed)
        self.search.returnPressed.connect(self.on_search_return_pressed)
        self.search.down_pressed.connect(self._focus_results)
        self.results.itemActivated.connect(self.on_results_item_activated)
        self.attach(db)

    def attach(self, db: Database | None) -> None:
        """Work on ``db`` (None while the database is still opening: searching waits)."""
        self._db = db
        self.search.setEnabled(db is not None)
        if db is not None:
            self.reload_quick_keys()

    def reload_quick_keys(self) -> None:
        grid: QGridLayout = self.quick_keys.layout()
        while grid.count():
            grid.takeAt(0).widget().deleteLater()
        with self._db.read() as session:
            products = quick_key_products(session)
        for index, product in enumerate(products):
            name = "\n".join(textwrap.wrap(product.name, QUICK_KEY_WRAP)[:2])
            button = QPushButton(f"{name}\n{format_cents(product.price_cents)} €")
            button.setObjectName(f"quickKey{index + 1}")
            button.setMinimumHeight(64)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            button.setStyleSheet("text-align: center; font-size: 12px;")
            button.setToolTip(product.name)
            button.clicked.connect(lambda _=False, p=product: self.product_chosen.emit(p))
            grid.addWidget(button, index // QUICK_KEY_COLUMNS, index % QUICK_KEY_COLUMNS)

    def on_search_text_changed(self, text: str) -> None:
        self.results.clear()
        if not text.strip():
            return
        rows = search_catalogue(self._db, text, RESULT_LIMIT)  # GUI thread: well under a millisecond at 100k products
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ·  {format_cents(row.price_cents)} €  ·  {row.code}")
            item.setData(Qt.ItemDataRole.UserRole, row)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)

    def on_search_return_pressed(self) -> None:
        text = self.search.text().strip()
        if not text:
            return
        with self._db.read() as session:
            exact = find_product(session, text)
        item = self.results.currentItem()
        product: ProductRow | None = exact or (item.data(Qt.ItemDataRole.UserRole) if item else None)
        if product is None:
            self.not_found.emit(text)
            return
        self.product_chosen.emit(product)
        self.search.clear()

    def on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.product_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
        self.search.clear()
        self.search.setFocus()

    def add_by_code(self, code: str) -> ProductRow | None:
        """What a barcode scan does: the product with exactly this barcode or code."""
        with self._db.read() as session:
            product = find_product(session, code)
        if product is None:
            self.not_found.emit(code)
        else:
            self.product_chosen.emit(product)
        return product

    def _focus_results(self) -> None:
        if self.results.count():
            self.results.setFocus()
            self.results.setCurrentRow(max(self.results.currentRow(), 0))
