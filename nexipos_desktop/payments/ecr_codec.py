"""Pure codec for the ECR–POS socket protocol: frames (bytes) ↔ typed messages.

``encode(message)`` gives the frame with its 2-byte length prefix; ``decode(frame)`` checks the prefix and
returns the typed message, or raises :class:`ProtocolError` (never another exception, never blocks). Field
letters and orders come from :mod:`nexipos_desktop.payments.ecr_fields`. No I/O here.

Quirks kept on purpose (``ecr-socket-protocol.md``):
- The v01 worked example sends ``G:0:0:0:0`` (five subfields, the first empty) while the text says
  ``G0:0:0:0``; its byte count (81 → prefix ``00 51``) matches the example as printed. VAT slots are therefore
  raw subfields: ``("", "0", "0", "0", "0")`` reproduces the example, the default gives ``G0:0:0:0``.
- The v10 AMOUNT example orders its fields ``S F R D M H T Q``: the encoder uses a per-version order.
- ``/P`` print data is ISO-8859-7 and may contain ``/``: it is always the last field and runs to the end.
- ``\\`` is reserved for escaping in the spec, but no example uses it: nothing is escaped or unescaped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from nexipos_desktop.payments.ecr_decoding import decode_payload
from nexipos_desktop.payments.ecr_fields import AMOUNT_FIELD_ORDER, FIELD_LETTERS, RESULT_FIELD_ORDER
from nexipos_desktop.payments.ecr_fields import RESULT_TAIL_FIELD
from nexipos_desktop.payments.ecr_framing import FrameReader, add_prefix, strip_prefix
from nexipos_desktop.payments.ecr_messages import AmountRequest, Confirmed, EchoReply, EchoRequest, ErrorReply
from nexipos_desktop.payments.ecr_messages import Message, Reply, Request, Result
from nexipos_desktop.payments.ecr_types import ErrorCode, Header, ProtocolError, ResponseCode, TransactionType
from nexipos_desktop.payments.ecr_types import Direction, Variant, Version
from nexipos_desktop.payments.ecr_values import PrintData, ProviderSignatureData, TransData, fail
from nexipos_desktop.payments.ecr_values import format_timestamp

__all__ = [
    "AmountRequest", "Confirmed", "Direction", "EchoReply", "EchoRequest", "ErrorCode", "ErrorReply",
    "FrameReader", "Header", "Message", "PrintData", "ProtocolError", "ProviderSignatureData", "Reply",
    "Request", "ResponseCode", "Result", "TransData", "TransactionType", "Variant", "Version", "decode",
    "encode",
]

_PRINT_LETTER = FIELD_LETTERS[RESULT_TAIL_FIELD].encode("ascii")
_TERMINAL_LETTER = FIELD_LETTERS["terminal"]

_AMOUNT_FORMAT: dict[str, Callable[[AmountRequest], str | None]] = {
    "session": lambda m: f"{m.session:06d}",
    "amount": lambda m: f"{m.amount_cents}:{m.currency:03d}:{m.exponent}",
    "timestamp": lambda m: format_timestamp(m.timestamp),
    "ecr_no": lambda m: m.ecr_no,
    "operator": lambda m: m.operator,
    "receipt_no": lambda m: m.receipt_no,
    "vat_slots": lambda m: None if m.vat_slots is None else ":".join(m.vat_slots),
    "custom": lambda m: m.custom,
    "ecr_id": lambda m: m.ecr_id,
    "ecr_token": lambda m: m.ecr_token,
    "provider_data": lambda m: None if m.provider_data is None else ":".join(m.provider_data.subfields),
    "provider_signature": lambda m: None if m.provider_signature is None else m.provider_signature.hex().upper(),
}


def _lettered(pairs: Iterable[tuple[str, str | None]]) -> list[str]:
    return [FIELD_LETTERS[name] + value for name, value in pairs if value is not None]


def _extras(extra: tuple[tuple[str, str], ...]) -> list[str]:
    return [letter + value for letter, value in extra]


def _amount_parts(m: AmountRequest) -> list[str]:
    order = AMOUNT_FIELD_ORDER[m.header.version]
    return [m.kind.value, *_lettered((name, _AMOUNT_FORMAT[name](m)) for name in order)]


def _confirmed_parts(m: Confirmed) -> list[str]:
    amount = str(m.amount_cents)
    if m.currency is not None:
        amount += f":{m.currency:03d}:{m.exponent}"
    return ["A", *_lettered([("session", f"{m.session:06d}"), ("amount", amount)]), *_extras(m.extra_fields)]


def _result_parts(m: Result) -> list[str]:
    trans = None if m.trans_data is None else ":".join(m.trans_data.subfields)
    values = {"session": f"{m.session:06d}", "ecr_id": m.ecr_id, "receipt_no": m.receipt_no,
              "custom": m.custom, "response_code": m.response_code, "trans_data": trans}
    return ["R", *_lettered((name, values[name]) for name in RESULT_FIELD_ORDER), *_extras(m.extra_fields)]


def _echo_reply_parts(m: EchoReply) -> list[str]:
    terminal = m.tid if m.app_version is None else f"{m.tid}:{m.app_version}"
    return ["X", m.text, _TERMINAL_LETTER + terminal, *_extras(m.extra_fields)]


def _body(message: Message) -> bytes:
    match message:
        case EchoRequest():
            parts = ["X", message.text]
        case EchoReply():
            parts = _echo_reply_parts(message)
        case AmountRequest():
            parts = _amount_parts(message)
        case Confirmed():
            parts = _confirmed_parts(message)
        case Result():
            parts = _result_parts(message)
        case ErrorReply():
            parts = ["E", message.code]
        case _:
            fail(f"Δεν είναι μήνυμα του πρωτοκόλλου ECR: {message!r}")
    body = "/".join(parts).encode("ascii")
    if isinstance(message, Result) and message.print_data is not None:
        body += b"/" + _PRINT_LETTER + message.print_data.raw
    return body


def encode(message: Message) -> bytes:
    """Encode a message as a complete frame: length prefix, header, body."""
    return add_prefix(str(message.header).encode("ascii") + _body(message))


def decode(frame: bytes) -> Message:
    """Decode one complete frame (length prefix included) into its typed message.

    Raises :class:`ProtocolError` for anything that is not a valid message, and nothing else.
    """
    try:
        payload = strip_prefix(frame)
        return decode_payload(payload)
    except ProtocolError:
        raise
    except (ValueError, TypeError, IndexError, KeyError, AttributeError) as exc:  # a codec bug: still the contract
        raise ProtocolError(f"Μη έγκυρο πλαίσιο ({type(exc).__name__}: {exc})") from exc
