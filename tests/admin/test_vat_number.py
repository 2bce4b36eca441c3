"""The ΑΦΜ check digit."""

import pytest
from hypothesis import given, strategies as st

from nexipos_desktop.admin.vat_number import VatNumberError, afm_check_digit, is_valid_afm, validate_afm
from nexipos_desktop.storage.seed import DEMO_SHOP


def test_the_demo_shop_and_known_numbers_are_valid():
    assert validate_afm(DEMO_SHOP["shop.vat"]) == "094014201"
    assert validate_afm(" 094 014 201 ") == "094014201"
    assert validate_afm("EL094014201") == "094014201"
    assert is_valid_afm("090000045")  # the ΑΦΜ of the Greek state's test taxpayer


@pytest.mark.parametrize("text, says", [
    ("", "Συμπληρώστε"), ("09401420", "9 ψηφία"), ("0940142011", "9 ψηφία"), ("09401420Χ", "μόνο ψηφία"),
    ("000000000", "000000000"), ("094014202", "ψηφίο ελέγχου"),
])
def test_invalid_numbers_are_explained_in_greek(text, says):
    with pytest.raises(VatNumberError, match=says):
        validate_afm(text)


eight_digits = st.text("0123456789", min_size=8, max_size=8)


@given(eight_digits)
def test_exactly_one_check_digit_completes_any_eight_digits(first):
    valid = [d for d in "0123456789" if is_valid_afm(first + d)]
    assert valid == ([] if first == "00000000" else [str(afm_check_digit(first))])


@given(eight_digits, st.integers(0, 7), st.integers(1, 9))
def test_changing_one_of_the_first_eight_digits_is_caught_unless_the_sum_wraps(first, position, delta):
    afm = first + str(afm_check_digit(first))
    changed = first[:position] + str((int(first[position]) + delta) % 10) + first[position + 1:]
    weights_sum = sum(int(d) << (8 - i) for i, d in enumerate(changed)) % 11 % 10
    assert is_valid_afm(changed + afm[8]) == (weights_sum == int(afm[8]) and changed != "00000000")


@given(st.text(max_size=12))
def test_any_text_is_either_a_valid_afm_or_an_explained_error(text):
    try:
        afm = validate_afm(text)
    except VatNumberError as exc:
        assert str(exc)
    else:
        assert len(afm) == 9 and afm.isdigit() and afm != "000000000"
