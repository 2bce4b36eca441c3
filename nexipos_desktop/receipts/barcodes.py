"""GTIN barcodes (EAN-8, UPC-A, EAN-13, GTIN-14): check digits."""

from __future__ import annotations

GTIN_LENGTHS = frozenset({8, 12, 13, 14})


def gtin_check_digit(body: str) -> int:
    """The check digit for the digits before it (weights 3,1,3,… from the right)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def is_valid_gtin(code: str) -> bool:
    """True for an EAN-8/UPC-A/EAN-13/GTIN-14 whose last digit is its correct check digit."""
    return code.isdigit() and len(code) in GTIN_LENGTHS and gtin_check_digit(code[:-1]) == int(code[-1])


def barcode_problem(code: str) -> str | None:
    """A Greek description of what is wrong with a barcode, or None when it is acceptable.

    GTIN lengths must carry a correct check digit; other lengths (in-store codes) must be 4–20 digits.
    """
    if not code.isdigit():
        return f"ο γραμμωτός κώδικας «{code}» πρέπει να έχει μόνο ψηφία"
    if len(code) in GTIN_LENGTHS and not is_valid_gtin(code):
        return f"λάθος ψηφίο ελέγχου στον γραμμωτό κώδικα «{code}»"
    if not 4 <= len(code) <= 20:
        return f"ο γραμμωτός κώδικας «{code}» έχει μη αποδεκτό μήκος"
    return None
