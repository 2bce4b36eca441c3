"""The A.1155 provider signature: ECDSA P-256 / SHA-256 over the payment's clear text.

A store that issues receipts through an e-invoicing provider (ΥΠΑΗΕΣ) proves that a card payment belongs to a
receipt by signing ``UID;MARK;SignatureTimestamp;NetAmount;VatAmount;TotalAmount;Amount;TID`` (amounts in
integer cents). The terminal or the cloud middleware verifies it with the provider's public key before charging
(``aade-1155-signing.md``). The signature travels DER-encoded, as base64 (WebECR) or upper-case hex (socket).
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

ATHENS = ZoneInfo("Europe/Athens")
TIMESTAMP_FORMAT = "%Y%m%d%H%M%S"

_UID = re.compile(r"[0-9A-F]{40}")
_MARK = re.compile(r"[0-9]{0,20}")
_TIMESTAMP = re.compile(r"[0-9]{14}")
_TID = re.compile(r"[0-9A-Za-z]{1,16}")
_ECDSA_SHA256 = ec.ECDSA(hashes.SHA256())


class SigningError(ValueError):
    """A key or a field cannot be used for a provider signature. The message is Greek, fit to show."""


def signature_timestamp(moment: datetime | None = None) -> str:
    """Return ``YYYYMMDDhhmmss`` in Europe/Athens local time for ``moment`` (default: now).

    Aware datetimes are converted to Athens time; naive ones are rejected because their zone is unknown.
    """
    if moment is None:
        moment = datetime.now(ATHENS)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("signature_timestamp needs an aware datetime (naive times have no known zone)")
    local = moment.astimezone(ATHENS)
    return f"{local.year:04d}{local.month:02d}{local.day:02d}{local.hour:02d}{local.minute:02d}{local.second:02d}"


def _check_cents(name: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise SigningError(f"Το ποσό {name} πρέπει να είναι μη αρνητικός ακέραιος σε λεπτά, όχι {value!r}")
    return value


def _check_text(name: str, value: str, pattern: re.Pattern[str]) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise SigningError(f"Μη έγκυρο πεδίο υπογραφής {name}: {value!r}")
    return value


def _check_timestamp(value: str) -> str:
    _check_text("SignatureTimestamp", value, _TIMESTAMP)
    try:
        datetime.strptime(value, TIMESTAMP_FORMAT)
    except ValueError:
        raise SigningError(f"Μη έγκυρη ημερομηνία υπογραφής: {value!r}") from None
    return value


def signature_clear_text(
    uid: str,
    mark: str | int | None,
    timestamp: str,
    net_cents: int,
    vat_cents: int,
    total_cents: int,
    amount_cents: int,
    tid: str,
) -> str:
    """Build ``UID;MARK;SignatureTimestamp;NetAmount;VatAmount;TotalAmount;Amount;TID``.

    ``uid`` is the receipt's 40-character upper-case hex myDATA UID; ``mark`` may be empty or ``None`` (payment
    before transmission); ``timestamp`` is ``YYYYMMDDhhmmss`` (see :func:`signature_timestamp`); amounts are
    non-negative integer cents; ``tid`` is the terminal id. Raises :class:`SigningError` for a malformed field.
    """
    mark_text = "" if mark is None else str(mark)
    fields = [
        _check_text("UID", uid, _UID),
        _check_text("MARK", mark_text, _MARK),
        _check_timestamp(timestamp),
        str(_check_cents("NetAmount", net_cents)),
        str(_check_cents("VatAmount", vat_cents)),
        str(_check_cents("TotalAmount", total_cents)),
        str(_check_cents("Amount", amount_cents)),
        _check_text("TID", tid, _TID),
    ]
    return ";".join(fields)


def to_base64(der_signature: bytes) -> str:
    """Encode a DER signature as standard base64 (the WebECR form)."""
    return base64.b64encode(der_signature).decode("ascii")


def from_base64(text: str) -> bytes:
    """Decode standard base64; raises :class:`SigningError` for text that is not base64."""
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise SigningError("Η υπογραφή δεν είναι έγκυρο base64") from None


def to_hex_upper(der_signature: bytes) -> str:
    """Encode a DER signature as upper-case hex (the socket form: base64 could contain ``/``)."""
    return der_signature.hex().upper()


def from_hex(text: str) -> bytes:
    """Decode hex in either case; raises :class:`SigningError` for text that is not hex."""
    try:
        return bytes.fromhex(text)
    except (TypeError, ValueError):
        raise SigningError("Η υπογραφή δεν είναι έγκυρο δεκαεξαδικό κείμενο") from None


@dataclass(frozen=True)
class SignedPayment:
    """One card payment's signed A.1155 fields, ready to send to the terminal or the middleware."""

    uid: str
    mark: str
    signature_timestamp: str
    net_cents: int
    vat_cents: int
    total_cents: int
    amount_cents: int
    tid: str
    signature: bytes

    @property
    def clear_text(self) -> str:
        """The exact text that was signed."""
        return signature_clear_text(
            self.uid, self.mark, self.signature_timestamp, self.net_cents, self.vat_cents,
            self.total_cents, self.amount_cents, self.tid,
        )

    @property
    def base64(self) -> str:
        """The DER signature as base64 (WebECR)."""
        return to_base64(self.signature)

    @property
    def hex(self) -> str:
        """The DER signature as upper-case hex (socket, provisional)."""
        return to_hex_upper(self.signature)


def _load_private_key(pem: bytes, password: bytes | None) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, password=password)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SigningError(f"Δεν ήταν δυνατή η ανάγνωση του ιδιωτικού κλειδιού υπογραφής ({exc})") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or not isinstance(key.curve, ec.SECP256R1):
        raise SigningError("Το κλειδί υπογραφής πρέπει να είναι ECDSA P-256 (secp256r1)")
    return key


def _load_public_key(pem: bytes | str) -> ec.EllipticCurvePublicKey:
    data = pem.encode("ascii") if isinstance(pem, str) else pem
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SigningError(f"Δεν ήταν δυνατή η ανάγνωση του δημόσιου κλειδιού ({exc})") from None
    if not isinstance(key, ec.EllipticCurvePublicKey) or not isinstance(key.curve, ec.SECP256R1):
        raise SigningError("Το δημόσιο κλειδί πρέπει να είναι ECDSA P-256 (secp256r1)")
    return key


class ProviderSigner:
    """Signs payment clear texts with the provider's EC P-256 private key (PEM, optionally encrypted)."""

    def __init__(self, private_key_pem: bytes, password: bytes | None = None) -> None:
        self._key = _load_private_key(private_key_pem, password)

    @property
    def public_key_pem(self) -> bytes:
        """The matching public key as PEM (SubjectPublicKeyInfo)."""
        return self._key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, clear_text: str) -> bytes:
        """Return the DER-encoded ECDSA/SHA-256 signature of the ASCII ``clear_text`` (randomised)."""
        try:
            data = clear_text.encode("ascii")
        except UnicodeEncodeError:
            raise SigningError("Το κείμενο υπογραφής πρέπει να είναι ASCII") from None
        return self._key.sign(data, _ECDSA_SHA256)

    def sign_payment(
        self,
        uid: str,
        mark: str | int | None,
        net_cents: int,
        vat_cents: int,
        total_cents: int,
        amount_cents: int,
        tid: str,
        *,
        timestamp: str | None = None,
    ) -> SignedPayment:
        """Sign one payment; ``timestamp`` defaults to now in Athens time."""
        stamp = timestamp if timestamp is not None else signature_timestamp()
        mark_text = "" if mark is None else str(mark)
        text = signature_clear_text(uid, mark_text, stamp, net_cents, vat_cents, total_cents, amount_cents, tid)
        return SignedPayment(
            uid, mark_text, stamp, net_cents, vat_cents, total_cents, amount_cents, tid, self.sign(text)
        )


def verify_signature(public_key_pem: bytes | str, clear_text: str, der_signature: bytes) -> bool:
    """Tell whether ``der_signature`` signs ``clear_text`` under the P-256 public key.

    A wrong, malformed or empty signature gives ``False``; only an unusable key raises :class:`SigningError`.
    """
    key = _load_public_key(public_key_pem)
    try:
        key.verify(bytes(der_signature), clear_text.encode("ascii"), _ECDSA_SHA256)
    except (InvalidSignature, UnicodeEncodeError, ValueError, TypeError):
        return False
    return True
