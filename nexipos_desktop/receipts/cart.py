"""The cashier's cart: lines being rung up, before a receipt exists."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal

from nexipos_desktop.money import AmountError, LineAmounts, line_amounts, parse_quantity, vat_category
from nexipos_desktop.receipts.totals import VatTotals, vat_breakdown


@dataclass(frozen=True)
class CartLine:
    """One product on the cart, with a snapshot of its price and VAT category."""

    product_id: int | None
    code: str
    name: str
    unit_price_cents: int
    vat_category: int
    unit: int = 1
    quantity: Decimal = Decimal(1)
    discount_cents: int = 0
    vat_exemption: int | None = None

    @property
    def amounts(self) -> LineAmounts:
        return line_amounts(self.quantity, self.unit_price_cents, vat_category(self.vat_category), self.discount_cents)


@dataclass
class Cart:
    """An ordered, editable list of cart lines with receipt totals."""

    lines: list[CartLine] = field(default_factory=list)

    def add(self, line: CartLine) -> int:
        """Add a line; the same product without a discount merges into the last such line. Returns its index."""
        line.amounts  # validates price and VAT category before it enters the cart
        for index in range(len(self.lines) - 1, -1, -1):
            existing = self.lines[index]
            if existing.code == line.code and existing.discount_cents == 0 and line.discount_cents == 0:
                self.set_quantity(index, existing.quantity + line.quantity)
                return index
        self.lines.append(line)
        return len(self.lines) - 1

    def set_quantity(self, index: int, quantity: Decimal | str) -> None:
        qty = parse_quantity(quantity)
        candidate = replace(self.lines[index], quantity=qty)
        if candidate.discount_cents > round(qty * candidate.unit_price_cents):
            raise AmountError("Η έκπτωση υπερβαίνει την αξία της γραμμής· αλλάξτε πρώτα την έκπτωση")
        candidate.amounts
        self.lines[index] = candidate

    def set_discount(self, index: int, discount_cents: int) -> None:
        candidate = replace(self.lines[index], discount_cents=discount_cents)
        candidate.amounts
        self.lines[index] = candidate

    def remove(self, index: int) -> None:
        del self.lines[index]

    def clear(self) -> None:
        self.lines.clear()

    @property
    def is_empty(self) -> bool:
        return not self.lines

    @property
    def total_cents(self) -> int:
        return sum(line.amounts.gross_cents for line in self.lines)

    def breakdown(self) -> list[VatTotals]:
        return vat_breakdown((line.vat_category, line.amounts) for line in self.lines)
