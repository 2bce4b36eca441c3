"""The typed messages of the ECR–POS socket protocol (``ecr-socket-protocol.md``).

Requests go register → terminal (``ECR``); replies come back as ``MEL`` or ``POS``. Every message validates
itself on construction and raises :class:`ProtocolError` when a value cannot go on the wire. Decoded messages
keep the frame's bytes after the length prefix in ``raw`` (not part of equality).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from nexipos_desktop.payments.ecr_fields import AMOUNT_FIELD_ORDER, CONFIRMED_FIELD_ORDER, FIELD_LETTERS
from nexipos_desktop.payments.ecr_fields import RESULT_FIELD_ORDER, RESULT_TAIL_FIELD
from nexipos_desktop.payments.ecr_types import REPLY_HEADER, REQUEST_HEADER, ErrorCode, Header
from nexipos_desktop.payments.ecr_types import ResponseCode, TransactionType
from nexipos_desktop.payments.ecr_values import MAX_CENTS, PrintData, ProviderSignatureData, TransData
from nexipos_desktop.payments.ecr_values import check_alnum, check_extra_fields, check_int, check_pattern
from nexipos_desktop.payments.ecr_values import check_text, fail

DEFAULT_VAT_SLOTS = ("0", "0", "0", "0")  # "G0:0:0:0": unused VAT slots
MAX_ECHO_TEXT = 200
MAX_SESSION = 999_999
_TOKEN = re.compile(r"[0-9A-Fa-f]{8}")
_VAT_SLOT = re.compile(r"[0-9]{0,12}")
_RESPONSE_CODE = re.compile(r"[0-9A-Za-z]{2}")
_ERROR_CODE = re.compile(r"[0-9]{3}")
_NO_BACKSLASH = re.compile(r"[^\\]*")  # '\' is reserved for escaping, which this codec does not do


def _check_header(header: object, *, request: bool) -> None:
    if not isinstance(header, Header):
        fail(f"Μη έγκυρη κεφαλίδα {header!r}")
    if header.direction.is_request != request:
        fail(f"Η κατεύθυνση {header.direction} δεν ταιριάζει σε αυτό το μήνυμα")


def _check_request_text(name: str, value: object, max_len: int, min_len: int = 0) -> str:
    text = check_text(name, value, max_len=max_len, min_len=min_len)
    return check_pattern(name, text, _NO_BACKSLASH, max_len)


def _letters(names: tuple[str, ...]) -> set[str]:
    return {FIELD_LETTERS[name] for name in names}


@dataclass(frozen=True)
class EchoRequest:
    """ECHO ``X/<text>``: a connection test; the reply shows the TID and the terminal's app version."""

    text: str = "NEXIPOS"
    header: Header = REQUEST_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=True)
        _check_request_text("X", self.text, MAX_ECHO_TEXT)


@dataclass(frozen=True)
class EchoReply:
    """ECHO reply ``X/<text>/T<tid>:<app-version>``."""

    text: str
    tid: str
    app_version: str | None = None
    extra_fields: tuple[tuple[str, str], ...] = ()
    header: Header = REPLY_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=False)
        check_text("X", self.text, max_len=MAX_ECHO_TEXT)
        check_text("T.tid", self.tid, max_len=32, min_len=1, subfield=True)
        if self.app_version is not None:
            check_text("T.version", self.app_version, max_len=64)
        check_extra_fields(self.extra_fields, _letters(("terminal",)))


@dataclass(frozen=True)
class AmountRequest:
    """AMOUNT: start a sale, cash advance, refund or void of ``amount_cents`` on the terminal.

    ``session`` must differ on every request (persist the counter). ``timestamp`` is the register's wall-clock
    time (tzinfo and microseconds are dropped). Optional fields set to ``None`` are not sent. Version ``10``
    (A.1155) sends ``ecr_id`` in ``/R`` instead of ``ecr_no``, plus either ``ecr_token`` or the provisional
    ``provider_data`` and ``provider_signature`` (DER, sent as upper-case hex).
    """

    kind: TransactionType
    session: int
    amount_cents: int
    timestamp: datetime
    ecr_no: str | None = None
    operator: str | None = None
    receipt_no: str | None = None
    vat_slots: tuple[str, ...] | None = DEFAULT_VAT_SLOTS
    custom: str | None = "0"
    ecr_id: str | None = None
    ecr_token: str | None = None
    provider_data: ProviderSignatureData | None = None
    provider_signature: bytes | None = None
    currency: int = 978
    exponent: int = 2
    header: Header = REQUEST_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=True)
        if not isinstance(self.kind, TransactionType):
            fail(f"Μη έγκυρος τύπος συναλλαγής {self.kind!r}")
        check_int("S", self.session, 0, MAX_SESSION)
        check_int("F.amount", self.amount_cents, 1, MAX_CENTS)
        check_int("F.currency", self.currency, 0, 999)
        check_int("F.exponent", self.exponent, 0, 9)
        self._normalise_timestamp()
        self._check_optional_fields()
        self._check_version_fields()

    def _normalise_timestamp(self) -> None:
        if not isinstance(self.timestamp, datetime) or self.timestamp.year < 1000:
            fail(f"Πεδίο D: μη έγκυρη ημερομηνία {self.timestamp!r}")
        object.__setattr__(self, "timestamp", self.timestamp.replace(tzinfo=None, microsecond=0))

    def _check_optional_fields(self) -> None:
        for name, max_len in (("ecr_no", 8), ("operator", 8), ("receipt_no", 8), ("ecr_id", 15)):
            if getattr(self, name) is not None:
                check_alnum(name, getattr(self, name), max_len)
        if self.vat_slots is not None:
            if not isinstance(self.vat_slots, tuple) or not 1 <= len(self.vat_slots) <= 8:
                fail(f"Πεδίο G: αναμένονται 1..8 υποπεδία, όχι {self.vat_slots!r}")
            for slot in self.vat_slots:
                check_pattern("G", slot, _VAT_SLOT, 12)
        if self.custom is not None:
            _check_request_text("M", self.custom, MAX_ECHO_TEXT)
        if self.ecr_token is not None:
            check_pattern("Q", self.ecr_token, _TOKEN, 8)
        if self.provider_data is not None and not isinstance(self.provider_data, ProviderSignatureData):
            fail(f"Πεδίο U: μη έγκυρη τιμή {self.provider_data!r}")
        if self.provider_signature is not None:
            if not isinstance(self.provider_signature, bytes) or not 1 <= len(self.provider_signature) <= 255:
                fail("Πεδίο K: η υπογραφή πρέπει να είναι 1..255 bytes")

    def _check_version_fields(self) -> None:
        order = AMOUNT_FIELD_ORDER[self.header.version]
        for name in ("ecr_no", "operator", "receipt_no", "vat_slots", "custom", "ecr_id", "ecr_token",
                     "provider_data", "provider_signature"):
            if getattr(self, name) is not None and name not in order:
                fail(f"Το πεδίο {name} δεν στέλνεται στην έκδοση {self.header.version} του πρωτοκόλλου")


@dataclass(frozen=True)
class Confirmed:
    """CONFIRMED ``A/S<session>/F<amount>``: the terminal took the request; check session and amount."""

    session: int
    amount_cents: int
    currency: int | None = None
    exponent: int | None = None
    extra_fields: tuple[tuple[str, str], ...] = ()
    header: Header = REPLY_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=False)
        check_int("S", self.session, 0, MAX_SESSION)
        check_int("F.amount", self.amount_cents, 0, MAX_CENTS)
        if (self.currency is None) != (self.exponent is None):
            fail("Πεδίο F: νόμισμα και εκθέτης δίνονται μαζί ή καθόλου")
        if self.currency is not None:
            check_int("F.currency", self.currency, 0, 999)
            check_int("F.exponent", self.exponent, 0, 9)
        check_extra_fields(self.extra_fields, _letters(CONFIRMED_FIELD_ORDER))

    def matches(self, request: AmountRequest) -> bool:
        """True when session and amount are those of ``request`` (anything else: do not trust the reply)."""
        return self.session == request.session and self.amount_cents == request.amount_cents


@dataclass(frozen=True)
class Result:
    """RESULT ``R/S<session>/C<rsp>{/D<trans-data>{/P<print-data>}}``; A.1155 terminals also echo R, T, M."""

    session: int
    response_code: str
    trans_data: TransData | None = None
    print_data: PrintData | None = None
    ecr_id: str | None = None
    receipt_no: str | None = None
    custom: str | None = None
    extra_fields: tuple[tuple[str, str], ...] = ()
    header: Header = REPLY_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=False)
        check_int("S", self.session, 0, MAX_SESSION)
        check_pattern("C", self.response_code, _RESPONSE_CODE, 2)
        for name in ("ecr_id", "receipt_no", "custom"):
            if getattr(self, name) is not None:
                check_text(name, getattr(self, name), max_len=MAX_ECHO_TEXT)
        if self.trans_data is not None:
            if not isinstance(self.trans_data, TransData) or self.trans_data.version != self.header.version:
                fail("Πεδίο D: τα trans-data πρέπει να είναι TransData της ίδιας έκδοσης με το μήνυμα")
        if self.print_data is not None and not isinstance(self.print_data, PrintData):
            fail("Πεδίο P: μη έγκυρα δεδομένα εκτύπωσης")
        check_extra_fields(self.extra_fields, _letters((*RESULT_FIELD_ORDER, RESULT_TAIL_FIELD)))

    @property
    def approved(self) -> bool:
        """True only for response code ``00``: the card was charged."""
        return self.response_code == ResponseCode.APPROVED

    @property
    def response(self) -> ResponseCode | None:
        """The known response code, or None for a code this codec does not know."""
        try:
            return ResponseCode(self.response_code)
        except ValueError:
            return None

    @property
    def message(self) -> str:
        """A Greek explanation of the response code."""
        known = self.response
        return known.message if known is not None else f"Άγνωστος κωδικός απάντησης τερματικού {self.response_code}"


@dataclass(frozen=True)
class ErrorReply:
    """ERROR ``E/<code>``: the terminal refused the request (nothing was charged)."""

    code: str
    header: Header = REPLY_HEADER
    raw: bytes = field(default=b"", compare=False, repr=False)

    def __post_init__(self) -> None:
        _check_header(self.header, request=False)
        check_pattern("E", self.code, _ERROR_CODE, 3)

    @property
    def error(self) -> ErrorCode | None:
        """The known error code, or None for a code this codec does not know."""
        try:
            return ErrorCode(self.code)
        except ValueError:
            return None

    @property
    def message(self) -> str:
        """A Greek explanation of the error code."""
        known = self.error
        return known.message if known is not None else f"Άγνωστο σφάλμα τερματικού {self.code}"


Request = EchoRequest | AmountRequest
Reply = EchoReply | Confirmed | Result | ErrorReply
Message = Request | Reply
