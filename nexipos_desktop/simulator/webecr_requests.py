"""Reading ``txninit`` and ``txnvoid`` bodies the way the WebECR cloud does: 400 with DRF-style field errors.

The provider signature (``ProviderData.Signature`` or ``ProviderData.ProviderSignature``, base64 DER) is
verified here, over Uid, Mark, SignatureTimestamp, Net, Vat, Total, the request's **Amount** and the **TID of the
terminal in the URL** (``aade-1155-signing.md``), so a bad or missing signature is a 400 and nothing reaches the
terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from nexipos_desktop.fiscal.provider_signature import SigningError, from_base64, signature_clear_text
from nexipos_desktop.fiscal.provider_signature import verify_signature
from nexipos_desktop.payments.contract import ProviderProof
from nexipos_desktop.simulator.webecr_records import EURO, TxnType

MAX_TIMEOUT_S = 180
MAX_PRELOAD_MINUTES = 60 * 60  # a signed payment nobody pays is rejected after 60 hours (A.1155)
_ECHOED = ("IsTaxFree", "OnBehalfCollection", "CustomerEmail", "CustomerPhone")
_TOKEN = re.compile(r"/Q([0-9A-Fa-f]{8})")
_AMOUNT = re.compile(r"/F(\d+):978")


class RequestError(Exception):
    """An invalid request: HTTP ``status`` (400 unless said) with a JSON ``body``."""

    def __init__(self, errors: dict[str, Any] | str, status: int = 400) -> None:
        self.body = {"detail": errors} if isinstance(errors, str) else errors
        self.status = status
        super().__init__(str(self.body))


@dataclass(frozen=True)
class IntentRequest:
    """A valid ``txninit`` body."""

    txn_type: TxnType
    amount: int
    reference: str
    tip: int = 0
    cashback: int = 0
    instalments: int = 0
    initial_transaction: str | None = None
    preload: bool = False
    preload_expiration: int | None = None
    timeout_s: int = 0
    proof: ProviderProof | None = None
    ecr_command: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class _Reader:
    """Collects every field error of one body before failing, like a DRF serializer."""

    def __init__(self, body: object) -> None:
        if not isinstance(body, dict):
            raise RequestError({"non_field_errors": ["Invalid data. Expected a dictionary."]})
        self.body: dict[str, Any] = body
        self.errors: dict[str, list[str]] = {}

    def fail(self, name: str, message: str) -> None:
        self.errors.setdefault(name, []).append(message)

    def integer(self, name: str, *, required: bool = False, low: int = 0, high: int | None = None) -> int | None:
        value = self.body.get(name)
        if value is None:
            if required:
                self.fail(name, "This field is required.")
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, "A valid integer is required (amounts are integer cents).")
        elif value < low:
            self.fail(name, f"Ensure this value is greater than or equal to {low}.")
        elif high is not None and value > high:
            self.fail(name, f"Ensure this value is less than or equal to {high}.")
        else:
            return value
        return None

    def text(self, name: str, *, required: bool = False, max_length: int = 255) -> str | None:
        value = self.body.get(name)
        if value is None or value == "":
            if required:
                self.fail(name, "This field is required.")
            return None
        if not isinstance(value, str) or len(value) > max_length:
            self.fail(name, f"Enter a string of at most {max_length} characters.")
            return None
        return value

    def flag(self, name: str) -> bool:
        value = self.body.get(name, False)
        if not isinstance(value, bool):
            self.fail(name, "Must be a valid boolean.")
            return False
        return value

    def done(self) -> None:
        if self.errors:
            raise RequestError(self.errors)


def parse_txninit(body: object) -> IntentRequest:
    """Check a ``txninit`` body; the signature is checked apart (:func:`check_proof`) once the terminal is known."""
    r = _Reader(body)
    txn_type = r.integer("TxnType", required=True, high=max(TxnType))
    amount = r.integer("Amount", required=True, low=1)
    currency = r.integer("CurrencyCode", required=True)
    if currency is not None and currency != EURO:
        r.fail("CurrencyCode", "Only 978 (euro) is accepted.")
    reference = r.text("CustomerReference", required=True, max_length=50)
    tip, cashback = r.integer("TipAmount") or 0, r.integer("CashbackAmount") or 0
    instalments = r.integer("Instalments", high=99) or 0
    preload = r.flag("PreloadTransaction")
    expiration = r.integer("PreloadExpiration", required=preload, low=1, high=MAX_PRELOAD_MINUTES)
    initial = r.text("InitialTransaction", required=txn_type == TxnType.PREAUTH_COMPLETION, max_length=64)
    timeout = r.integer("Timeout", high=MAX_TIMEOUT_S) or 0
    for name in ("IsTaxFree", "OnBehalfCollection"):
        r.flag(name)
    proof = _proof(r)
    command = _ecr_command(r, amount)
    r.done()
    assert txn_type is not None and amount is not None and reference is not None
    return IntentRequest(
        TxnType(txn_type), amount, reference, tip, cashback, instalments, initial, preload,
        expiration if preload else None, 0 if preload else timeout, proof, command,
        {name: r.body[name] for name in _ECHOED if name in r.body})


def _proof(r: _Reader) -> ProviderProof | None:
    data = r.body.get("ProviderData")
    if data is None:
        return None
    if not isinstance(data, dict):
        r.fail("ProviderData", "Expected an object.")
        return None
    signature = data.get("Signature") or data.get("ProviderSignature")
    amounts = [data.get(name) for name in ("NetAmount", "VatAmount", "TotalAmount")]
    texts = [data.get(name) for name in ("Uid", "SignatureTimestamp")]
    if not isinstance(signature, str) or not all(isinstance(t, str) for t in texts) or not all(
            isinstance(a, int) and not isinstance(a, bool) for a in amounts):
        r.fail("ProviderData", "Uid, SignatureTimestamp, NetAmount, VatAmount, TotalAmount and Signature "
                               "(or ProviderSignature) are required.")
        return None
    try:
        der = from_base64(signature)
    except SigningError:
        r.fail("ProviderData", "The signature is not base64.")
        return None
    mark = data.get("Mark")
    return ProviderProof(texts[0], "" if mark is None else str(mark), texts[1], amounts[0], amounts[1], amounts[2],
                         str(data.get("ProviderId") or ""), der)


def _ecr_command(r: _Reader, amount: int | None) -> str | None:
    data = r.body.get("EcrTokenData")
    if data is None:
        return None
    command = data.get("AmountCommand") if isinstance(data, dict) else None
    if not isinstance(command, str) or not _TOKEN.search(command):
        r.fail("EcrTokenData", "AmountCommand must be the signed AMOUNT command (with its /Q token).")
        return None
    sent = _AMOUNT.search(command)
    if sent is None or int(sent.group(1)) != amount:
        r.fail("EcrTokenData", "The AMOUNT command's amount differs from Amount.")
    return command


def split_token(command: str) -> tuple[str, str]:
    """The signed AMOUNT command without its ``/Q`` field, and the token."""
    match = _TOKEN.search(command)
    assert match is not None
    return command.replace(match.group(0), ""), match.group(1).upper()


def check_proof(request: IntentRequest, tid: str, keys: Iterable[bytes | str], *, required: bool) -> None:
    """400 when the provider signature does not verify for this terminal's TID, or a required proof is missing."""
    proof = request.proof
    if proof is None:
        if required and request.ecr_command is None:
            raise RequestError({"ProviderData": ["An A.1155 signature (ProviderData or EcrTokenData) is required."]})
        return
    keys = tuple(keys)
    if not keys:
        if required:
            raise RequestError({"ProviderData": ["No provider public key is configured to verify the signature."]})
        return
    try:
        text = signature_clear_text(proof.uid, proof.mark, proof.timestamp, proof.net_cents, proof.vat_cents,
                                    proof.total_cents, request.amount, tid)
    except SigningError as exc:
        raise RequestError({"ProviderData": [str(exc)]}) from None
    if not any(verify_signature(key, text, proof.signature_der) for key in keys):
        raise RequestError({"ProviderData": ["Invalid provider signature for this amount and terminal."]})


def parse_void(body: object) -> tuple[str, int, str | None, int]:
    """``txnvoid``: (original identifier, its type 1 = intent Id / 2 = TransactionId, reference, timeout)."""
    r = _Reader(body)
    identifier = r.body.get("OriginalIdentifier")
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    if not isinstance(identifier, str) or not identifier:
        r.fail("OriginalIdentifier", "This field is required.")
    kind = r.integer("OriginalIdentifierType", required=True, low=1, high=2)
    reference = r.text("CustomerReference", max_length=50)
    timeout = r.integer("Timeout", high=MAX_TIMEOUT_S) or 0
    r.done()
    assert kind is not None
    return str(identifier), kind, reference, timeout
