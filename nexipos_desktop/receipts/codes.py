"""myDATA codes the register uses, with their Greek names (see shared/reference/mydata.md)."""

from __future__ import annotations

from decimal import Decimal

from nexipos_desktop.money.amounts import format_quantity

INVOICE_TYPES: dict[str, str] = {
    "11.1": "ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ",
    "11.2": "ΑΠΟΔΕΙΞΗ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ",
    "11.4": "ΠΙΣΤΩΤΙΚΟ ΣΤΟΙΧΕΙΟ ΛΙΑΝΙΚΗΣ",
}

#: Invoice types whose amounts count against sales (credit notes subtract).
CREDIT_TYPES = frozenset({"11.4"})

UNITS: dict[int, str] = {
    1: "τεμ.",
    2: "κιλά",
    3: "λίτρα",
    4: "μέτρα",
    5: "m²",
    6: "m³",
    7: "λοιπά",
}

PAYMENT_CASH = 3
PAYMENT_ON_CREDIT = 5
PAYMENT_CARD = 7

PAYMENT_METHODS: dict[int, str] = {
    1: "Επαγ. λογαριασμός ημεδαπής",
    2: "Επαγ. λογαριασμός αλλοδαπής",
    PAYMENT_CASH: "Μετρητά",
    4: "Επιταγή",
    PAYMENT_ON_CREDIT: "Επί πιστώσει",
    6: "Web banking",
    PAYMENT_CARD: "Κάρτα (POS)",
    8: "IRIS",
}


def unit_label(code: int) -> str:
    """Greek short label of a myDATA measurement unit."""
    return UNITS.get(int(code), "λοιπά")


def quantity_text(quantity: Decimal, unit: int) -> str:
    """Pieces as whole numbers («2 τεμ.»), weighed or measured goods with three decimals («0,750 κιλά»)."""
    if int(unit) == 1:
        return f"{format_quantity(quantity)} {unit_label(unit)}"
    return f"{format(quantity.quantize(Decimal('0.001')), 'f').replace('.', ',')} {unit_label(unit)}"
