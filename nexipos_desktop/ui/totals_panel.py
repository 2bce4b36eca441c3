"""The totals: grand total in large type and the VAT breakdown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nexipos_desktop.money import format_cents
from nexipos_desktop.receipts.cart import Cart


class TotalsPanel(QWidget):
    """Shows ``ΣΥΝΟΛΟ`` and a row per VAT rate (net, VAT, gross) for the current cart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.total = QLabel(objectName="total")
        self.total.setStyleSheet("font-size: 34px; font-weight: bold; color: #0b3d91;")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.items = QLabel(objectName="itemCount")
        self.breakdown = QLabel(objectName="vatBreakdown")
        self.breakdown.setTextFormat(Qt.TextFormat.RichText)
        left = QVBoxLayout()
        left.addWidget(self.items)
        left.addWidget(self.breakdown)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        caption = QLabel(self.tr("ΣΥΝΟΛΟ"))
        caption.setStyleSheet("font-size: 20px; font-weight: bold;")
        row.addWidget(caption)
        row.addWidget(self.total)
        self.show_cart(Cart())

    def show_cart(self, cart: Cart) -> None:
        self.total.setText(f"{format_cents(cart.total_cents)} €")
        self.items.setText(self.tr("Γραμμές: {0}").format(len(cart.lines)))
        rows = "".join(
            f"<tr><td>{row.category.percent_text}</td><td align='right'>{format_cents(row.net_cents)}</td>"
            f"<td align='right'>{format_cents(row.vat_cents)}</td><td align='right'>{format_cents(row.gross_cents)}</td></tr>"
            for row in cart.breakdown()
        )
        titles = (self.tr("ΦΠΑ"), self.tr("Καθαρή"), self.tr("Φόρος"), self.tr("Σύνολο"))
        header = "<tr>" + "".join(f"<th>{title}</th>" for title in titles) + "</tr>"
        self.breakdown.setText(f"<table cellspacing='0' cellpadding='2'>{header}{rows}</table>" if rows else "")


