"""The Greek VAT number (ΑΦΜ): nine digits, the last one a check digit."""

from __future__ import annotations


class VatNumberError(ValueError):
    """The text is not a valid ΑΦΜ; the message is Greek, fit to show."""


def afm_check_digit(first_eight: str) -> int:
    """The check digit of the first eight digits: Σ d[i]·2^(8−i), mod 11, mod 10."""
    total = sum(int(digit) << (8 - index) for index, digit in enumerate(first_eight))
    return total % 11 % 10


def validate_afm(text: str) -> str:
    """The ΑΦΜ as nine digits (spaces removed), or :class:`VatNumberError` saying what is wrong."""
    afm = "".join(str(text or "").split())
    if afm.upper().startswith("EL"):
        afm = afm[2:]
    if not afm:
        raise VatNumberError("Συμπληρώστε το ΑΦΜ της επιχείρησης (9 ψηφία).")
    if not (afm.isascii() and afm.isdigit()):
        raise VatNumberError(f"Το ΑΦΜ έχει μόνο ψηφία· «{text}» δεν είναι ΑΦΜ.")
    if len(afm) != 9:
        raise VatNumberError(f"Το ΑΦΜ έχει 9 ψηφία· δόθηκαν {len(afm)}.")
    if afm == "000000000":
        raise VatNumberError("Το ΑΦΜ 000000000 δεν είναι έγκυρο.")
    if afm_check_digit(afm[:8]) != int(afm[8]):
        raise VatNumberError(f"Το ΑΦΜ {afm} δεν είναι έγκυρο (λάθος ψηφίο ελέγχου): ελέγξτε τα ψηφία.")
    return afm


def is_valid_afm(text: str) -> bool:
    try:
        validate_afm(text)
    except VatNumberError:
        return False
    return True
