"""Money as integer cents, quantities as Decimal; parsing and formatting for Greek users."""

from nexipos_desktop.money.amounts import (
    AmountError,
    format_cents,
    parse_amount,
    parse_quantity,
    round_half_up,
)
from nexipos_desktop.money.vat import VAT_CATEGORIES, VatCategory, LineAmounts, line_amounts, vat_category

__all__ = [
    "AmountError",
    "LineAmounts",
    "VAT_CATEGORIES",
    "VatCategory",
    "format_cents",
    "line_amounts",
    "parse_amount",
    "parse_quantity",
    "round_half_up",
    "vat_category",
]
