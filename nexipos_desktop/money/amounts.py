"""Parsing and formatting of amounts (integer cents) and quantities (Decimal)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MAX_AMOUNT_CENTS = 99_999_999_99  # 99,999,999.99 €: far above any till, below the terminal's 12 digits
MAX_QUANTITY = Decimal("99999")
QUANTITY_PLACES = Decimal("0.001")


class AmountError(ValueError):
    """An amount or quantity typed by a user or read from a file is not acceptable.

    The message is Greek and meant to be shown as is.
    """


def round_half_up(value: Decimal) -> int:
    """Round a Decimal number of cents to whole cents, halves away from zero."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _to_decimal(text: str) -> Decimal:
    cleaned = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    if "," in cleaned and "." in cleaned:
        # Greek grouping "1.234,56" or English "1,234.56": the last separator is the decimal one.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(f"Μη έγκυρο ποσό: «{text}»") from None
    if not value.is_finite():
        raise AmountError(f"Μη έγκυρο ποσό: «{text}»")
    return value


def parse_amount(text: str, *, allow_zero: bool = False) -> int:
    """Parse a euro amount such as ``2.50``, ``2,50`` or ``1.234,56 €`` into integer cents.

    Rejects negative amounts, more than two decimals and absurd sizes with a Greek message.
    """
    value = _to_decimal(text)
    if abs(value) * 100 > MAX_AMOUNT_CENTS:
        raise AmountError(f"Το ποσό «{text}» είναι υπερβολικά μεγάλο")
    if value != value.quantize(Decimal("0.01")):
        raise AmountError(f"Το ποσό «{text}» έχει περισσότερα από δύο δεκαδικά")
    cents = int(value * 100)
    if cents < 0:
        raise AmountError(f"Το ποσό δεν μπορεί να είναι αρνητικό: «{text}»")
    if cents == 0 and not allow_zero:
        raise AmountError("Το ποσό πρέπει να είναι μεγαλύτερο από μηδέν")
    if cents > MAX_AMOUNT_CENTS:
        raise AmountError(f"Το ποσό «{text}» είναι υπερβολικά μεγάλο")
    return cents


def parse_quantity(text: str | Decimal | int) -> Decimal:
    """Parse a positive quantity with at most three decimals (kg, litres, pieces)."""
    value = text if isinstance(text, Decimal) else _to_decimal(str(text))
    if value <= 0:
        raise AmountError(f"Η ποσότητα πρέπει να είναι θετική: «{text}»")
    if value > MAX_QUANTITY:
        raise AmountError(f"Η ποσότητα «{text}» είναι υπερβολικά μεγάλη")
    if value != value.quantize(QUANTITY_PLACES):
        raise AmountError(f"Η ποσότητα «{text}» έχει περισσότερα από τρία δεκαδικά")
    return value.normalize() if value == value.to_integral_value() else value


def format_cents(cents: int, *, symbol: bool = False) -> str:
    """Format cents the Greek way: ``1234567`` → ``12.345,67`` (optionally with ``€``)."""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", ".")
    text = f"{sign}{grouped},{frac:02d}"
    return f"{text} €" if symbol else text


def format_quantity(quantity: Decimal) -> str:
    """Format a quantity for display: ``2``, ``1,25``."""
    text = format(quantity.normalize(), "f")
    return text.replace(".", ",")
