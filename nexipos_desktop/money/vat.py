"""myDATA VAT categories and the per-line gross/net/VAT split.

Greek shelf prices include VAT. Per line (the rule myDATA checks: round per line, then sum):
gross = quantity × unit price − discount, rounded half-up to the cent; net = gross / (1 + rate), rounded;
VAT = gross − net.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from nexipos_desktop.money.amounts import AmountError, round_half_up


@dataclass(frozen=True)
class VatCategory:
    """A myDATA VAT category (``vatCategory``) and its rate."""

    code: int
    rate: Decimal
    label: str
    needs_exemption: bool = False

    @property
    def percent_text(self) -> str:
        return f"{self.rate * 100:.0f}%" if self.code != 8 else "—"


VAT_CATEGORIES: dict[int, VatCategory] = {
    c.code: c
    for c in (
        VatCategory(1, Decimal("0.24"), "ΦΠΑ 24%"),
        VatCategory(2, Decimal("0.13"), "ΦΠΑ 13%"),
        VatCategory(3, Decimal("0.06"), "ΦΠΑ 6%"),
        VatCategory(4, Decimal("0.17"), "ΦΠΑ 17%"),
        VatCategory(5, Decimal("0.09"), "ΦΠΑ 9%"),
        VatCategory(6, Decimal("0.04"), "ΦΠΑ 4%"),
        VatCategory(7, Decimal("0"), "ΦΠΑ 0%", needs_exemption=True),
        VatCategory(8, Decimal("0"), "Χωρίς ΦΠΑ"),
        VatCategory(9, Decimal("0.03"), "ΦΠΑ 3%"),
        VatCategory(10, Decimal("0.04"), "ΦΠΑ 4%"),
    )
}


def vat_category(code: int | str) -> VatCategory:
    """Look up a myDATA VAT category by its code (1–10)."""
    try:
        return VAT_CATEGORIES[int(code)]
    except (KeyError, ValueError):
        raise AmountError(f"Άγνωστη κατηγορία ΦΠΑ myDATA: «{code}» (επιτρέπονται 1–10)") from None


@dataclass(frozen=True)
class LineAmounts:
    """Gross, net and VAT of one receipt line, in cents."""

    gross_cents: int
    net_cents: int
    vat_cents: int


def line_amounts(
    quantity: Decimal, unit_price_cents: int, category: VatCategory, discount_cents: int = 0
) -> LineAmounts:
    """Split one line into gross, net and VAT (cents), following the myDATA per-line rounding."""
    if unit_price_cents <= 0:
        raise AmountError("Η τιμή μονάδας πρέπει να είναι θετική")
    if discount_cents < 0:
        raise AmountError("Η έκπτωση δεν μπορεί να είναι αρνητική")
    before_discount = round_half_up(quantity * unit_price_cents)
    if discount_cents > before_discount:
        raise AmountError("Η έκπτωση δεν μπορεί να υπερβαίνει την αξία της γραμμής")
    gross = before_discount - discount_cents
    net = round_half_up(Decimal(gross) / (1 + category.rate))
    return LineAmounts(gross_cents=gross, net_cents=net, vat_cents=gross - net)
