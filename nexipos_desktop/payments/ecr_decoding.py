"""Decoding of ECR socket frames: the payload after the length prefix → typed message.

Use :func:`nexipos_desktop.payments.ecr_codec.decode`, which also checks the prefix and guarantees that only
:class:`ProtocolError` escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from nexipos_desktop.payments.ecr_fields import AMOUNT_FIELD_ORDER, CONFIRMED_FIELD_ORDER, FIELD_LETTERS
from nexipos_desktop.payments.ecr_fields import RESULT_FIELD_ORDER, RESULT_TAIL_FIELD, letters_to_names
from nexipos_desktop.payments.ecr_framing import HEADER_LENGTH
from nexipos_desktop.payments.ecr_messages import AmountRequest, Confirmed, EchoReply, EchoRequest, ErrorReply
from nexipos_desktop.payments.ecr_messages import Message, Result
from nexipos_desktop.payments.ecr_types import Direction, ErrorCode, Header, ProtocolError, TransactionType
from nexipos_desktop.payments.ecr_types import Variant, Version
from nexipos_desktop.payments.ecr_values import PrintData, ProviderSignatureData, TransData, fail
from nexipos_desktop.payments.ecr_values import parse_digits, parse_timestamp

_AMOUNT_LETTERS = {version: letters_to_names(order) for version, order in AMOUNT_FIELD_ORDER.items()}
_CONFIRMED_LETTERS = letters_to_names(CONFIRMED_FIELD_ORDER)
_RESULT_LETTERS = letters_to_names((*RESULT_FIELD_ORDER, RESULT_TAIL_FIELD))
_PRINT_LETTER = FIELD_LETTERS[RESULT_TAIL_FIELD].encode("ascii")
_TERMINAL_LETTER = FIELD_LETTERS["terminal"]
_PRINTABLE = re.compile(rb"[\x20-\x7e]*")
_UPPER_HEX = re.compile(r"(?:[0-9A-F]{2})+")
_AMOUNT_KINDS = frozenset(kind.value for kind in TransactionType)
_COMPOSITE_AMOUNT_FIELDS = frozenset({"session", "amount", "timestamp"})


def _parse_header(payload: bytes) -> Header:
    text = payload[:HEADER_LENGTH].decode("ascii", errors="replace")
    try:
        direction = Direction(text[0:3])
        variant = Variant(text[3:5])
    except ValueError:
        fail(f"Μη έγκυρη κεφαλίδα πλαισίου {text!r}")
    try:
        version = Version(text[5:7])
    except ValueError:
        message = f"Μη υποστηριζόμενη έκδοση πρωτοκόλλου {text[5:7]!r}"
        raise ProtocolError(message, ErrorCode.VERSION_NOT_SUPPORTED) from None
    return Header(direction, variant, version)


def _ascii_field(raw: bytes) -> str:
    if not _PRINTABLE.fullmatch(raw):
        fail(f"Μη εκτυπώσιμοι χαρακτήρες σε πεδίο: {raw[:40]!r}")
    return raw.decode("ascii")


def _split_body(body: bytes, *, with_tail: bool) -> tuple[str, list[str], bytes | None]:
    """Split ``<type>/<field>/…`` into the type letter, the ASCII fields and the raw ``P`` tail (if any)."""
    kind, rest = _ascii_field(body[:1]), body[1:]
    if rest and not rest.startswith(b"/"):
        fail(f"Μετά τον τύπο μηνύματος αναμένεται '/': {body[:20]!r}")
    fields: list[str] = []
    tail: bytes | None = None
    remaining: bytes | None = rest[1:] if rest else None
    while remaining is not None:
        if with_tail and remaining.startswith(_PRINT_LETTER):
            tail, remaining = remaining[1:], None
            break
        field, separator, after = remaining.partition(b"/")
        fields.append(_ascii_field(field))
        remaining = after if separator else None
    return kind, fields, tail


def _by_letter(
    fields: list[str], letters: dict[str, str], *, allow_extra: bool
) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    known: dict[str, str] = {}
    extra: list[tuple[str, str]] = []
    for field in fields:
        if not field:
            fail("Κενό πεδίο στο μήνυμα")
        name = letters.get(field[0])
        if name is None:
            if not allow_extra:
                fail(f"Άγνωστο πεδίο {field[0]!r} σε αίτημα")
            extra.append((field[0], field[1:]))
        elif name in known:
            fail(f"Το πεδίο {field[0]!r} εμφανίζεται δύο φορές")
        else:
            known[name] = field[1:]
    return known, tuple(extra)


def _require(known: dict[str, str], *names: str) -> None:
    for name in names:
        if name not in known:
            fail(f"Λείπει το υποχρεωτικό πεδίο {FIELD_LETTERS[name]!r} ({name})")


def _session(text: str) -> int:
    if len(text) != 6:
        fail(f"Πεδίο S: αναμένονται 6 ψηφία, όχι {text!r}")
    return parse_digits("S", text, 6)


def _amount(text: str, *, full: bool) -> dict[str, Any]:
    parts = text.split(":")
    if len(parts) not in ((3,) if full else (1, 3)):
        fail(f"Πεδίο F: αναμένεται <ποσό>:<νόμισμα>:<εκθέτης>, όχι {text!r}")
    result: dict[str, Any] = {"amount_cents": parse_digits("F.amount", parts[0], 12)}
    if len(parts) == 3:
        if len(parts[1]) != 3 or len(parts[2]) != 1:
            fail(f"Πεδίο F: μη έγκυρο νόμισμα/εκθέτης {text!r}")
        result["currency"] = parse_digits("F.currency", parts[1], 3)
        result["exponent"] = parse_digits("F.exponent", parts[2], 1)
    return result


def _provider_data(text: str) -> ProviderSignatureData:
    parts = text.split(":")
    if len(parts) != 7:
        fail(f"Πεδίο U: αναμένονται 7 υποπεδία, όχι {len(parts)}")
    uid, mark, stamp, net, vat, total, provider_id = parts
    return ProviderSignatureData(
        uid, mark, stamp, parse_digits("U.net", net, 12), parse_digits("U.vat", vat, 12),
        parse_digits("U.total", total, 12), provider_id,
    )


def _provider_signature(text: str) -> bytes:
    if not _UPPER_HEX.fullmatch(text):
        fail("Πεδίο K: η υπογραφή πρέπει να είναι κεφαλαία δεκαεξαδικά ψηφία, άρτιου πλήθους")
    return bytes.fromhex(text)


_AMOUNT_PARSE: dict[str, Callable[[str], dict[str, Any]]] = {
    "session": lambda t: {"session": _session(t)},
    "amount": lambda t: _amount(t, full=True),
    "timestamp": lambda t: {"timestamp": parse_timestamp("D", t)},
    "vat_slots": lambda t: {"vat_slots": tuple(t.split(":"))},
    "provider_data": lambda t: {"provider_data": _provider_data(t)},
    "provider_signature": lambda t: {"provider_signature": _provider_signature(t)},
}


def _decode_amount(kind: str, header: Header, fields: list[str], raw: bytes) -> AmountRequest:
    order = AMOUNT_FIELD_ORDER[header.version]
    known, _ = _by_letter(fields, _AMOUNT_LETTERS[header.version], allow_extra=False)
    _require(known, "session", "amount", "timestamp")
    kwargs: dict[str, Any] = {name: None for name in order if name not in _COMPOSITE_AMOUNT_FIELDS}
    for name, text in known.items():
        kwargs.update(_AMOUNT_PARSE[name](text) if name in _AMOUNT_PARSE else {name: text})
    return AmountRequest(kind=TransactionType(kind), header=header, raw=raw, **kwargs)


def _decode_request(kind: str, header: Header, fields: list[str], raw: bytes) -> Message:
    if kind == "X":
        if len(fields) != 1:
            fail("Το ECHO έχει ακριβώς ένα πεδίο κειμένου")
        return EchoRequest(fields[0], header, raw)
    if kind in _AMOUNT_KINDS:
        return _decode_amount(kind, header, fields, raw)
    fail(f"Άγνωστος τύπος αιτήματος {kind!r}")


def _decode_echo_reply(header: Header, fields: list[str], raw: bytes) -> EchoReply:
    if len(fields) < 2 or not fields[1].startswith(_TERMINAL_LETTER):
        fail("Η απάντηση ECHO πρέπει να είναι X/<κείμενο>/T<tid>:<έκδοση>")
    tid, separator, version = fields[1][1:].partition(":")
    _, extra = _by_letter(fields[2:], {_TERMINAL_LETTER: "terminal"}, allow_extra=True)
    if len(extra) != len(fields) - 2:
        fail("Το πεδίο T εμφανίζεται δύο φορές")
    return EchoReply(fields[0], tid, version if separator else None, extra, header, raw)


def _decode_confirmed(header: Header, fields: list[str], raw: bytes) -> Confirmed:
    known, extra = _by_letter(fields, _CONFIRMED_LETTERS, allow_extra=True)
    _require(known, "session", "amount")
    amount = _amount(known["amount"], full=False)
    return Confirmed(session=_session(known["session"]), extra_fields=extra, header=header, raw=raw, **amount)


def _decode_result(header: Header, fields: list[str], tail: bytes | None, raw: bytes) -> Result:
    known, extra = _by_letter(fields, _RESULT_LETTERS, allow_extra=True)
    _require(known, "session", "response_code")
    trans = known.get("trans_data")
    return Result(
        session=_session(known["session"]), response_code=known["response_code"],
        trans_data=None if trans is None else TransData(tuple(trans.split(":")), header.version),
        print_data=None if tail is None else PrintData(tail),
        ecr_id=known.get("ecr_id"), receipt_no=known.get("receipt_no"), custom=known.get("custom"),
        extra_fields=extra, header=header, raw=raw,
    )


def _decode_reply(kind: str, header: Header, fields: list[str], tail: bytes | None, raw: bytes) -> Message:
    if kind == "X":
        return _decode_echo_reply(header, fields, raw)
    if kind == "A":
        return _decode_confirmed(header, fields, raw)
    if kind == "R":
        return _decode_result(header, fields, tail, raw)
    if kind == "E":
        if len(fields) != 1:
            fail("Το ERROR έχει ακριβώς ένα πεδίο: E/<κωδικός>")
        return ErrorReply(fields[0], header, raw)
    fail(f"Άγνωστος τύπος απάντησης {kind!r}")


def decode_payload(payload: bytes) -> Message:
    """Decode the bytes after the length prefix (header and body) into a typed message."""
    header = _parse_header(payload)
    body = payload[HEADER_LENGTH:]
    if header.direction.is_request:
        kind, fields, _ = _split_body(body, with_tail=False)
        return _decode_request(kind, header, fields, payload)
    # Only a RESULT carries /P, whose ISO-8859-7 text may contain '/' and runs to the end of the frame.
    kind, fields, tail = _split_body(body, with_tail=body[:1] == b"R")
    return _decode_reply(kind, header, fields, tail, payload)
