from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nexipos_desktop.money import AmountError, format_cents, parse_amount, parse_quantity, round_half_up


@pytest.mark.parametrize(
    ("text", "cents"),
    [("2.50", 250), ("2,50", 250), ("20", 2000), ("0,05", 5), ("1.234,56", 123456), ("1,234.56", 123456),
     (" 3,10 € ", 310)],
)
def test_parse_amount_accepts_greek_and_english_forms(text, cents):
    assert parse_amount(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "-1", "0", "2.555", "NaN", "inf", "1e400"])
def test_parse_amount_rejects_bad_input_with_a_greek_message(text):
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert any(ch in str(info.value) for ch in "αεηιουω")


def test_zero_is_allowed_only_when_asked():
    assert parse_amount("0,00", allow_zero=True) == 0


@pytest.mark.parametrize(("text", "qty"), [("1", Decimal(1)), ("0,750", Decimal("0.750")), ("2.5", Decimal("2.5"))])
def test_parse_quantity(text, qty):
    assert parse_quantity(text) == qty


@pytest.mark.parametrize("text", ["0", "-1", "1.2345", "x", "100000"])
def test_parse_quantity_rejects(text):
    with pytest.raises(AmountError):
        parse_quantity(text)


def test_round_half_up_rounds_halves_away_from_zero():
    assert round_half_up(Decimal("0.5")) == 1
    assert round_half_up(Decimal("2.5")) == 3  # banker's rounding would give 2
    assert round_half_up(Decimal("2.4999")) == 2


def test_format_cents_greek_style():
    assert format_cents(123456789) == "1.234.567,89"
    assert format_cents(5) == "0,05"
    assert format_cents(-250, symbol=True) == "-2,50 €"


@given(st.integers(min_value=1, max_value=99_999_999_99))
def test_format_then_parse_round_trips(cents):
    assert parse_amount(format_cents(cents)) == cents
