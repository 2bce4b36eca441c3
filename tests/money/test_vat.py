from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nexipos_desktop.money import VAT_CATEGORIES, AmountError, line_amounts, vat_category


def test_mydata_categories_and_rates():
    rates = {code: str(c.rate) for code, c in VAT_CATEGORIES.items()}
    assert rates == {1: "0.24", 2: "0.13", 3: "0.06", 4: "0.17", 5: "0.09", 6: "0.04", 7: "0", 8: "0",
                     9: "0.03", 10: "0.04"}
    assert VAT_CATEGORIES[7].needs_exemption and not VAT_CATEGORIES[8].needs_exemption


def test_line_split_follows_the_per_line_rule():
    # 3 × 1.99 € at 24%: gross 5.97, net 5.97/1.24 = 4.8145… → 4.81, VAT 1.16
    amounts = line_amounts(Decimal(3), 199, vat_category(1))
    assert (amounts.gross_cents, amounts.net_cents, amounts.vat_cents) == (597, 481, 116)


def test_decimal_quantity_rounds_half_up():
    # 0.755 kg × 9.90 € = 7.4745 € → 7.47; at 13%: net 6.6106… → 6.61
    amounts = line_amounts(Decimal("0.755"), 990, vat_category(2))
    assert (amounts.gross_cents, amounts.net_cents, amounts.vat_cents) == (747, 661, 86)
    # exactly half a cent: 0.5 × 0.05 € = 0.025 € → 0.03
    assert line_amounts(Decimal("0.5"), 5, vat_category(8)).gross_cents == 3


def test_discount_reduces_gross_before_the_split():
    amounts = line_amounts(Decimal(2), 500, vat_category(1), discount_cents=100)
    assert (amounts.gross_cents, amounts.net_cents, amounts.vat_cents) == (900, 726, 174)


def test_without_vat_the_net_is_the_gross():
    amounts = line_amounts(Decimal(1), 1000, vat_category(8))
    assert (amounts.net_cents, amounts.vat_cents) == (1000, 0)


@pytest.mark.parametrize(("price", "discount"), [(0, 0), (-5, 0), (100, -1), (100, 101)])
def test_bad_prices_and_discounts_are_refused(price, discount):
    with pytest.raises(AmountError):
        line_amounts(Decimal(1), price, vat_category(1), discount)


def test_unknown_category_is_refused():
    with pytest.raises(AmountError):
        vat_category(11)


@given(
    st.decimals(min_value="0.001", max_value="1000", places=3),
    st.integers(min_value=1, max_value=10_000_00),
    st.sampled_from(sorted(VAT_CATEGORIES)),
)
def test_net_plus_vat_is_always_the_gross(quantity, price, code):
    amounts = line_amounts(quantity, price, vat_category(code))
    assert amounts.net_cents + amounts.vat_cents == amounts.gross_cents
    assert amounts.vat_cents >= 0
