from decimal import Decimal

import pytest

from nexipos_desktop.money import AmountError
from nexipos_desktop.receipts.cart import Cart, CartLine


def line(code="A1", price=250, vat=1, qty="1"):
    return CartLine(None, code, f"Είδος {code}", price, vat, 1, Decimal(qty))


def test_same_product_merges_into_one_line():
    cart = Cart()
    cart.add(line())
    cart.add(line())
    assert len(cart.lines) == 1 and cart.lines[0].quantity == 2
    assert cart.total_cents == 500


def test_totals_and_breakdown_are_sums_of_lines():
    cart = Cart()
    cart.add(line("A", 199, 1, "3"))  # 5.97: net 4.81 vat 1.16
    cart.add(line("B", 990, 2, "0.755"))  # 7.47: net 6.61 vat 0.86
    cart.add(line("C", 100, 1))  # 1.00: net 0.81 vat 0.19
    rows = {row.category.code: (row.net_cents, row.vat_cents, row.gross_cents) for row in cart.breakdown()}
    assert rows == {1: (562, 135, 697), 2: (661, 86, 747)}
    assert cart.total_cents == 1444


def test_quantity_and_discount_edits_are_validated():
    cart = Cart()
    cart.add(line(price=500))
    cart.set_quantity(0, "2")
    cart.set_discount(0, 300)
    assert cart.total_cents == 700
    with pytest.raises(AmountError):
        cart.set_discount(0, 1001)
    with pytest.raises(AmountError):
        cart.set_quantity(0, "0")
    with pytest.raises(AmountError):
        cart.set_quantity(0, "0.5")  # 2.50 € would be less than the 3.00 € discount
    assert cart.total_cents == 700  # nothing half-applied


def test_a_line_with_a_bad_price_never_enters_the_cart():
    cart = Cart()
    with pytest.raises(AmountError):
        cart.add(line(price=0))
    assert cart.is_empty
