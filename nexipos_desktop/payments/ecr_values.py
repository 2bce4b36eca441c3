"""Value types inside ECR socket messages (trans-data, print data, provisional provider-signature data) and
the validation rules shared by the message classes. Invalid values raise :class:`ProtocolError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from nexipos_desktop.payments.ecr_fields import TRANS_DATA_LAYOUT
from nexipos_desktop.payments.ecr_types import ProtocolError, Version

PRINT_ENCODING = "iso-8859-7"
ESC = "\x1b"
# ESC codes inside /P (Mellon v1.00B); the code is the one character after ESC.
PRINT_CODES = {
    "\x01": "logo", "\x02": "second logo", "\x03": "contactless icon", "\x0c": "pause before customer copy",
    "C": "centre", "R": "right", "L": "left", "N": "normal", "B": "bold", "S": "small",
}

_TEXT = re.compile(r"[\x20-\x2e\x30-\x7e]*")  # printable ASCII without '/'
_SUBFIELD = re.compile(r"[\x20-\x2e\x30-\x39\x3b-\x7e]*")  # … and without ':'
_DIGITS = re.compile(r"[0-9]+")
_ALNUM = re.compile(r"[0-9A-Za-z]+")
_UPPER_HEX_40 = re.compile(r"[0-9A-F]{40}")
_FIELD_LETTER = re.compile(r"[A-Za-z]")
MAX_CENTS = 999_999_999_999  # 12 digits


def fail(message: str) -> NoReturn:
    """Raise the codec's one error type."""
    raise ProtocolError(message)


def check_int(name: str, value: object, low: int, high: int) -> int:
    """Check an integer field's range (booleans are not integers here)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        fail(f"Πεδίο {name}: αναμένεται ακέραιος {low}..{high}, όχι {value!r}")
    return value


def check_text(name: str, value: object, *, max_len: int, min_len: int = 0, subfield: bool = False) -> str:
    """Check printable ASCII without ``/`` (and without ``:`` for a subfield)."""
    pattern = _SUBFIELD if subfield else _TEXT
    if not isinstance(value, str) or not min_len <= len(value) <= max_len or not pattern.fullmatch(value):
        fail(f"Πεδίο {name}: μη έγκυρο κείμενο {value!r}")
    return value


def check_pattern(name: str, value: object, pattern: re.Pattern[str], max_len: int) -> str:
    """Check a value against a regular expression and a maximum length."""
    if not isinstance(value, str) or len(value) > max_len or not pattern.fullmatch(value):
        fail(f"Πεδίο {name}: μη έγκυρη τιμή {value!r}")
    return value


def check_alnum(name: str, value: object, max_len: int) -> str:
    """Check ASCII letters and digits, 1..max_len characters."""
    return check_pattern(name, value, _ALNUM, max_len)


def parse_digits(name: str, text: str, max_len: int) -> int:
    """Parse 1..max_len ASCII digits."""
    if len(text) > max_len or not _DIGITS.fullmatch(text):
        fail(f"Πεδίο {name}: αναμένονται έως {max_len} ψηφία, όχι {text!r}")
    return int(text)


def check_extra_fields(extra: object, known_letters: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """Check fields a reply carried that this codec does not know (kept, re-sent verbatim)."""
    if not isinstance(extra, tuple):
        fail("Τα επιπλέον πεδία πρέπει να είναι tuple από (γράμμα, τιμή)")
    known = set(known_letters)
    for item in extra:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            fail(f"Μη έγκυρο επιπλέον πεδίο {item!r}")
        letter, value = item
        if not _FIELD_LETTER.fullmatch(letter) or letter in known:
            fail(f"Μη έγκυρο γράμμα επιπλέον πεδίου {letter!r}")
        check_text(letter, value, max_len=1000)
    return extra


def format_timestamp(moment: datetime) -> str:
    """``YYYYMMDDhhmmss`` of a wall-clock time."""
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}{moment.hour:02d}{moment.minute:02d}{moment.second:02d}"


def parse_timestamp(name: str, text: str) -> datetime:
    """Parse ``YYYYMMDDhhmmss``."""
    if len(text) != 14 or not _DIGITS.fullmatch(text):
        fail(f"Πεδίο {name}: αναμένεται ημερομηνία YYYYMMDDhhmmss, όχι {text!r}")
    try:
        return datetime.strptime(text, "%Y%m%d%H%M%S")
    except ValueError:
        fail(f"Πεδίο {name}: μη έγκυρη ημερομηνία {text!r}")


@dataclass(frozen=True)
class ProviderSignatureData:
    """PROVISIONAL ``/U`` field: the signed receipt fields the terminal cannot know by itself.

    The terminal adds the amount (``/F``) and its own TID to rebuild the provider signature's clear text.
    """

    uid: str
    mark: str
    signature_timestamp: str
    net_cents: int
    vat_cents: int
    total_cents: int
    provider_id: str

    def __post_init__(self) -> None:
        check_pattern("U.uid", self.uid, _UPPER_HEX_40, 40)
        if self.mark != "":
            check_pattern("U.mark", self.mark, _DIGITS, 20)
        parse_timestamp("U.timestamp", check_text("U.timestamp", self.signature_timestamp, max_len=14))
        for name in ("net_cents", "vat_cents", "total_cents"):
            check_int(f"U.{name}", getattr(self, name), 0, MAX_CENTS)
        check_alnum("U.provider_id", self.provider_id, 20)

    @property
    def subfields(self) -> tuple[str, ...]:
        """The seven ``:``-separated subfields, in wire order."""
        return (
            self.uid, self.mark, self.signature_timestamp, str(self.net_cents), str(self.vat_cents),
            str(self.total_cents), self.provider_id,
        )


@dataclass(frozen=True)
class TransData:
    """The ``/D`` trans-data of an approved RESULT: raw subfields, read by position per version.

    Reading never fails: a subfield that is missing, unknown or not a number reads as ``None``. Keep
    :attr:`subfields` with the payment; the v10 layout is provisional (see ``ecr_fields``).
    """

    subfields: tuple[str, ...]
    version: Version = Version.BASE

    def __post_init__(self) -> None:
        if not isinstance(self.subfields, tuple) or not self.subfields:
            fail("Τα trans-data πρέπει να έχουν τουλάχιστον ένα υποπεδίο")
        for value in self.subfields:
            check_text("D", value, max_len=200, subfield=True)
        if not isinstance(self.version, Version):
            fail(f"Μη έγκυρη έκδοση trans-data {self.version!r}")

    def value(self, name: str) -> str | None:
        """The subfield called ``name`` in this version's layout, or None when absent or empty."""
        layout = TRANS_DATA_LAYOUT[self.version]
        if name not in layout:
            return None
        index = layout.index(name)
        text = self.subfields[index] if index < len(self.subfields) else ""
        return text or None

    def _cents(self, name: str) -> int | None:
        text = self.value(name)
        return int(text) if text is not None and len(text) <= 12 and _DIGITS.fullmatch(text) else None

    @property
    def card_type(self) -> str | None:
        """Card scheme/product, e.g. ``Visa Credit``."""
        return self.value("card_type")

    @property
    def pan_masked(self) -> str | None:
        """Masked card number."""
        return self.value("pan_masked")

    @property
    def acquirer_id(self) -> str | None:
        """Acquirer id."""
        return self.value("acquirer_id")

    @property
    def tid(self) -> str | None:
        """Terminal id."""
        return self.value("tid")

    @property
    def batch(self) -> str | None:
        """Batch number."""
        return self.value("batch")

    @property
    def rrn(self) -> str | None:
        """Retrieval reference number."""
        return self.value("rrn")

    @property
    def stan(self) -> str | None:
        """System trace audit number."""
        return self.value("stan")

    @property
    def auth_code(self) -> str | None:
        """Authorisation code."""
        return self.value("auth_code")

    @property
    def amount_cents(self) -> int | None:
        """The requested amount as the terminal reports it."""
        return self._cents("amount")

    @property
    def final_amount_cents(self) -> int | None:
        """The amount actually charged (may differ: tip, loyalty redemption). Store both."""
        return self._cents("final_amount")

    @property
    def transaction_time(self) -> datetime | None:
        """The terminal's transaction time, when it parses."""
        text = self.value("datetime")
        try:
            return parse_timestamp("D.datetime", text) if text is not None else None
        except ProtocolError:
            return None


@dataclass(frozen=True)
class PrintData:
    """The ``/P`` print data (variant 02): the terminal's slip as ISO-8859-7 bytes with ESC codes."""

    raw: bytes

    def __post_init__(self) -> None:
        if not isinstance(self.raw, bytes):
            fail("Τα δεδομένα εκτύπωσης πρέπει να είναι bytes")

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> PrintData:
        """Build print data from text lines (ESC codes included as characters)."""
        try:
            return cls("\n".join(lines).encode(PRINT_ENCODING))
        except UnicodeEncodeError:
            fail("Το κείμενο εκτύπωσης δεν κωδικοποιείται σε ISO-8859-7")

    @property
    def lines(self) -> tuple[str, ...]:
        """The lines (split on 0x0A) with ESC codes kept; undecodable bytes become U+FFFD."""
        return tuple(self.raw.decode(PRINT_ENCODING, errors="replace").split("\n"))

    @property
    def plain_lines(self) -> tuple[str, ...]:
        """The lines with every ESC code (ESC and the character after it) removed."""
        return tuple(re.sub(f"{ESC}.?", "", line, flags=re.DOTALL) for line in self.lines)
