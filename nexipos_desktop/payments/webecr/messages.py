"""WebECR wire format as pure functions: request bodies from a :class:`PaymentRequest`, replies to outcomes.

Replies are read defensively: unknown fields are ignored (and kept in ``raw``), a field of the wrong type is
treated as absent, amounts are integer cents (an amount that is not an integer is a malformed reply). A reply
that is not about our request (another ``CustomerReference``, another amount) is :class:`InDoubt`, never
approved: nothing may be charged twice because of a confused reply.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.contract import Approved, BatchFull, Busy, Cancelled, Declined, Expired, Failed
from nexipos_desktop.payments.contract import InDoubt, Operation, PaymentOutcome, PaymentRequest, Pending
from nexipos_desktop.payments.contract import TerminalTransaction, UnsupportedOperation
from nexipos_desktop.payments.webecr.codes import CURRENCY_EUR, ResultCode, Status, TxnType  # noqa: F401 (re-exported)

MAX_REFERENCE = 50
CHECK = " Ελέγξτε στο τερματικό αν έγινε η συναλλαγή· μην την επαναλάβετε χωρίς έλεγχο."


TXN_TYPES: dict[Operation, TxnType] = {
    Operation.SALE: TxnType.SALE, Operation.TIP: TxnType.SALE, Operation.INSTALMENTS: TxnType.SALE,
    Operation.PRELOAD: TxnType.SALE, Operation.REFUND: TxnType.REFUND, Operation.LINKED_REFUND: TxnType.REFUND,
    Operation.PREAUTH: TxnType.PREAUTH, Operation.PREAUTH_COMPLETION: TxnType.PREAUTH_COMPLETION,
    Operation.MOTO: TxnType.MOTO, Operation.CASH_ADVANCE: TxnType.CASH_ADVANCE,
}
OPERATIONS_BY_TYPE: dict[int, Operation] = {
    TxnType.SALE: Operation.SALE, TxnType.REFUND: Operation.REFUND, TxnType.PREAUTH: Operation.PREAUTH,
    TxnType.PREAUTH_COMPLETION: Operation.PREAUTH_COMPLETION, TxnType.MOTO: Operation.MOTO,
    TxnType.CASH_ADVANCE: Operation.CASH_ADVANCE,
}
#: Operations that must name the original transaction (``InitialTransaction``).
NEEDS_ORIGINAL = frozenset({Operation.LINKED_REFUND, Operation.PREAUTH_COMPLETION})
DEFAULT_PRELOAD_MINUTES = 60

BUSY_TEXT = "Το τερματικό είναι απασχολημένο με άλλη συναλλαγή: δοκιμάστε ξανά σε λίγο. Δεν έγινε χρέωση."
BATCH_FULL_TEXT = ("Το πακέτο του τερματικού είναι γεμάτο: στο τερματικό «Πακέτο» → «Κλείσιμο Πακέτου» και μετά "
                   "ξαναδοκιμάστε. Δεν έγινε χρέωση.")


class ReplyFormatError(ValueError):
    """A reply that is not a transaction intent (Greek message)."""


# ----- requests -----

def txninit_body(request: PaymentRequest, *, timeout_s: int, initial_transaction: str | None = None,
                 signature_field: str = "Signature", amount_command: str | None = None) -> dict[str, Any]:
    """The ``txninit`` body for ``request`` (``timeout_s`` 0 = asynchronous).

    ``amount_command``: on the ECR-token route, the signed socket AMOUNT command (A.1155 version 10) that carries
    the fiscal device's token."""
    kind = TXN_TYPES.get(request.operation)
    if kind is None:
        raise UnsupportedOperation(f"Ο οδηγός webecr δεν εκτελεί «{request.operation}» με txninit")
    if not 0 < len(request.reference) <= MAX_REFERENCE:
        raise ValueError("CustomerReference must be 1..50 characters")
    if request.ecr_token is not None and request.provider_proof is not None:
        raise ValueError("A payment carries either an ECR token or a provider signature, not both")
    if request.operation in NEEDS_ORIGINAL and not initial_transaction:
        raise ValueError(f"{request.operation} needs the original TransactionId")
    body: dict[str, Any] = {"TxnType": int(kind), "Amount": request.amount_cents, "CurrencyCode": CURRENCY_EUR,
                            "CustomerReference": request.reference}
    if request.tip_cents:
        body["TipAmount"] = request.tip_cents
    if request.instalments:
        body["Instalments"] = request.instalments
    if request.operation is Operation.PRELOAD:
        body["PreloadTransaction"] = True
        body["PreloadExpiration"] = request.preload_expiry_minutes or DEFAULT_PRELOAD_MINUTES
    if initial_transaction and request.operation in NEEDS_ORIGINAL:
        body["InitialTransaction"] = initial_transaction
    if (proof := request.provider_proof) is not None:
        body["ProviderData"] = {
            "Uid": proof.uid, "Mark": proof.mark or None, "SignatureTimestamp": proof.timestamp,
            "NetAmount": proof.net_cents, "VatAmount": proof.vat_cents, "TotalAmount": proof.total_cents,
            "ProviderId": proof.provider_id, signature_field: base64.b64encode(proof.signature_der).decode("ascii"),
        }
    if request.ecr_token is not None:
        if not amount_command:
            raise ValueError("The ECR-token route needs the signed AMOUNT command")
        body["EcrTokenData"] = {"AmountCommand": amount_command}
    body["Timeout"] = max(0, min(int(timeout_s), 180))
    return body


def txnvoid_body(identifier: str, by_intent: bool, reference: str) -> dict[str, Any]:
    """The ``txnvoid`` body (1 = intent Id, 2 = TransactionId). ``CustomerReference`` is our recovery key: the
    void is a new intent, found again by it after a lost reply (a server that does not know it ignores it)."""
    return {"OriginalIdentifier": identifier, "OriginalIdentifierType": 1 if by_intent else 2,
            "CustomerReference": reference}


# ----- replies -----

@dataclass(frozen=True)
class Intent:
    """A transaction intent as the server reported it (``raw`` keeps the whole reply, unknown fields included)."""

    id: str
    status: int | None
    result: int | None
    amount: int | None
    tip: int
    reference: str | None
    transaction_id: str
    transaction: dict[str, Any] | None
    preload: bool
    preload_expires_at: datetime | None
    message: str
    raw: str
    response_code: str = ""  # the terminal's own code where the host passes it on (not in the contract)

    @property
    def finished(self) -> bool:
        return self.result is not None or self.status == Status.COMPLETED


def parse_intent(data: Any, raw: str = "") -> Intent:
    """A transaction intent from decoded JSON; ReplyFormatError for anything that is not one."""
    if not isinstance(data, dict):
        raise ReplyFormatError("Η απάντηση του WebECR δεν είναι αντικείμενο συναλλαγής.")
    ident = data.get("Id")
    if isinstance(ident, bool) or not isinstance(ident, str | int) or ident == "":
        raise ReplyFormatError("Η απάντηση του WebECR δεν έχει αναγνωριστικό (Id) συναλλαγής.")
    status, result = _int(data, "Status"), _int(data, "Result")
    amount = _int(data, "Amount")
    transaction = data.get("Transaction") if isinstance(data.get("Transaction"), dict) else None
    txn_id = _text(data.get("TransactionId")) or (_text(transaction.get("Id")) if transaction else "")
    reference = data.get("CustomerReference")
    return Intent(
        id=str(ident), status=status, result=result, amount=amount, tip=_int(data, "TipAmount") or 0,
        reference=reference if isinstance(reference, str) else None, transaction_id=txn_id, transaction=transaction,
        preload=data.get("PreloadTransaction") is True, preload_expires_at=_time(data.get("PreloadExpiresAt")),
        message=_text(data.get("Message")), raw=raw or json.dumps(data, ensure_ascii=False),
        response_code=_text(data.get("ResponseCode"))[:8],
    )


def _int(data: dict, key: str) -> int | None:
    """An integer field; absent/null → None; a float, bool or text where an integer belongs → ReplyFormatError."""
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and value.isascii() and value.isdigit():
            return int(value)
        raise ReplyFormatError(f"Το πεδίο {key} της απάντησης WebECR δεν είναι ακέραιος.")
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    return str(value) if isinstance(value, str | int) else ""


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=athens_now().tzinfo)


def intent_outcome(intent: Intent, *, reference: str, amount_cents: int | None, tid: str = "",
                   preload_minutes: int | None = None) -> PaymentOutcome | None:
    """The outcome an intent stands for, or None while the terminal is still working on it.

    ``amount_cents`` None: the amount is not checked (a query by reference alone); a preload may be completed
    for a lower amount on the terminal, never a higher one.
    """
    if intent.reference is not None and intent.reference != reference:
        return InDoubt(f"Το WebECR απάντησε για άλλη συναλλαγή (αναφορά «{intent.reference[:50]}» αντί για "
                       f"«{reference}»)." + CHECK, intent.raw)
    preload = preload_minutes is not None or intent.preload
    if amount_cents is not None and intent.amount is not None and not _amount_fits(intent.amount, amount_cents,
                                                                                    preload):
        return InDoubt(f"Το WebECR απάντησε με ποσό {intent.amount} λεπτά αντί για {amount_cents}." + CHECK,
                       intent.raw)
    if not intent.finished:
        if preload:
            if intent.preload_expires_at is not None and intent.preload_expires_at <= athens_now():
                return Expired("Η προφορτωμένη πληρωμή έληξε χωρίς να πληρωθεί.", intent.raw)
            expires = intent.preload_expires_at or (
                athens_now() + timedelta(minutes=preload_minutes) if preload_minutes else None)
            return Pending(reference, expires, intent.raw)
        return None
    result = intent.result
    if result == ResultCode.APPROVED:
        return _approved(intent, amount_cents, tid, preload)
    if result == ResultCode.DECLINED:
        return Declined(intent.response_code or "DECLINED", _said(intent, "Η συναλλαγή απορρίφθηκε."), intent.raw)
    if result == ResultCode.CANCELLED:
        if preload and intent.preload_expires_at is not None and intent.preload_expires_at <= athens_now():
            return Expired("Η προφορτωμένη πληρωμή έληξε χωρίς να πληρωθεί.", intent.raw)
        return Cancelled(_said(intent, "Η συναλλαγή ακυρώθηκε στο τερματικό."), intent.raw)
    if result == ResultCode.FAILED:
        return Failed(_said(intent, "Η συναλλαγή απέτυχε στο τερματικό.") + " Δεν έγινε χρέωση.", "FAILED",
                      intent.raw)
    if result == ResultCode.BUSY:
        return Busy(BUSY_TEXT, intent.raw)
    if result == ResultCode.MAX_TRANSACTIONS:
        return BatchFull(BATCH_FULL_TEXT, intent.raw)
    if result == ResultCode.UNKNOWN:
        return InDoubt("Το τερματικό δεν ανέφερε αποτέλεσμα στο WebECR (UNKNOWN)." + CHECK, intent.raw)
    return InDoubt(f"Άγνωστο αποτέλεσμα WebECR «{result}»." + CHECK, intent.raw)


def _amount_fits(reported: int, requested: int, preload: bool) -> bool:
    return 0 < reported <= requested if preload else reported == requested


def _said(intent: Intent, default: str) -> str:
    return intent.message[:200] if intent.message else default


def _approved(intent: Intent, amount_cents: int | None, tid: str, preload: bool) -> PaymentOutcome:
    txn = intent.transaction or {}
    try:
        amount = _int(txn, "Amount")
        tip, cashback = _int(txn, "TipAmount") or 0, _int(txn, "CashbackAmount") or 0
    except ReplyFormatError as exc:
        return InDoubt(str(exc) + CHECK, intent.raw)
    amount = amount if amount is not None else intent.amount if intent.amount is not None else amount_cents
    if amount is None:
        return InDoubt("Η έγκριση του WebECR δεν αναφέρει ποσό." + CHECK, intent.raw)
    if amount_cents is not None and not _amount_fits(amount, amount_cents, preload):
        return InDoubt(f"Το WebECR ενέκρινε ποσό {amount} λεπτά αντί για {amount_cents}." + CHECK, intent.raw)
    if txn.get("Approved") is False:
        return InDoubt("Το WebECR ανέφερε έγκριση, αλλά η συναλλαγή του δεν είναι εγκεκριμένη." + CHECK, intent.raw)
    tip = tip or intent.tip
    return Approved(
        tid=_text(txn.get("TID")) or tid, amount_cents=amount, final_amount_cents=amount + tip + cashback,
        pan_masked=_text(txn.get("CardPAN")), card_type=_text(txn.get("CardType")), rrn=_text(txn.get("RRN")),
        stan=_text(txn.get("STAN")), batch=_text(txn.get("BatchNumber")), auth_code=_text(txn.get("AuthCode")),
        transaction_id=intent.transaction_id, terminal_time=_text(txn.get("Timestamp")), received_at=athens_now(),
        raw=intent.raw,
    )


def parse_transaction(row: Any) -> TerminalTransaction | None:
    """One ``transaction/`` row for reconciliation; None when it is not a usable transaction."""
    if not isinstance(row, dict):
        return None
    try:
        amount, kind = _int(row, "Amount"), _int(row, "TxnType")
        tip = _int(row, "TipAmount") or 0
    except ReplyFormatError:
        return None
    if amount is None:
        return None
    return TerminalTransaction(
        tid=_text(row.get("TID")), rrn=_text(row.get("RRN")), amount_cents=amount,
        operation=OPERATIONS_BY_TYPE.get(kind if kind is not None else -1, Operation.SALE),
        timestamp=_time(row.get("Timestamp")), tip_cents=tip, auth_code=_text(row.get("AuthCode")),
        transaction_id=_text(row.get("TransactionId")) or _text(row.get("Id")),
        reference=_text(row.get("CustomerReference")), pan_masked=_text(row.get("CardPAN")),
        approved=row.get("Approved") is not False, voided=row.get("Voided") is True,
        raw=json.dumps(row, ensure_ascii=False),
    )
