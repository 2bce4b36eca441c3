"""What the simulated WebECR cloud keeps: transaction intents and card transactions, and how lists filter them.

JSON is PascalCase with integer cents, as in ``webecr-api.md``. Besides the documented fields an intent carries
a few extra ones a client must ignore or may use: ``TID``, ``Timestamp``, ``IsVoid``, ``PreloadTransaction``,
``PreloadExpiration``, ``PreloadExpiresAt``, ``ResponseCode`` (the terminal's two-digit code) and ``Message``
(the terminal's Greek text).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from nexipos_desktop.payments.webecr.codes import CURRENCY_EUR as EURO  # noqa: F401 (used by the requests)
from nexipos_desktop.payments.webecr.codes import ResultCode as Result
from nexipos_desktop.payments.webecr.codes import Status, TxnType

ATHENS = ZoneInfo("Europe/Athens")


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


@dataclass
class HostTransaction:
    """One card transaction as the acquirer's host lists it (``transaction/``)."""

    id: int
    transaction_id: str
    txn_type: TxnType
    timestamp: datetime
    tid: str
    mid: str
    acquirer: str
    amount: int
    tip: int = 0
    cashback: int = 0
    instalments: int = 0
    pan_masked: str = ""
    card_type: str = ""
    stan: str = ""
    batch: str = ""
    rrn: str = ""
    auth_code: str = ""
    original_rrn: str | None = None
    original_auth_code: str | None = None
    customer_reference: str | None = None
    approved: bool = True
    voided: bool = False
    void_timestamp: datetime | None = None
    refunded: int = 0  # cents refunded with a link to this transaction
    completed: bool = False  # a pre-authorisation that was completed

    def to_json(self) -> dict[str, Any]:
        return {
            "Id": self.id, "TransactionId": self.transaction_id, "TxnType": int(self.txn_type),
            "Timestamp": _iso(self.timestamp), "VoidTimestamp": _iso(self.void_timestamp),
            "CardPAN": self.pan_masked, "CardType": self.card_type, "Approved": self.approved,
            "Voided": self.voided, "STAN": self.stan, "BatchNumber": self.batch, "Acquirer": self.acquirer,
            "TID": self.tid, "MID": self.mid, "Amount": self.amount, "TipAmount": self.tip,
            "CashbackAmount": self.cashback, "LoyaltyRedemptionAmount": 0, "Instalments": self.instalments,
            "RRN": self.rrn, "AuthCode": self.auth_code, "OriginalRRN": self.original_rrn,
            "OriginalAuthCode": self.original_auth_code, "CurrencyCode": EURO,
            "CustomerReference": self.customer_reference,
        }


@dataclass
class Intent:
    """One ``txninit`` or ``txnvoid`` and where it stands.

    ``drop_next``: the next response that would carry this intent's result is dropped (connection lost at
    approval time, 13.13 € or the ``drop_after_charge`` fault); only a later query shows the outcome.
    """

    id: str
    terminal_id: int
    tid: str
    txn_type: TxnType
    amount: int
    customer_reference: str
    timestamp: datetime
    tip: int = 0
    cashback: int = 0
    instalments: int = 0
    initial_transaction: str | None = None
    is_void: bool = False
    preload: bool = False
    preload_expiration: int | None = None  # minutes
    preload_expires_at: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # the request's other fields, echoed
    status: Status = Status.PENDING
    result: Result | None = None
    transaction: HostTransaction | None = None
    response_code: str | None = None
    message: str = ""
    drop_next: bool = False
    done: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    def complete(self, result: Result, message: str = "", response_code: str | None = None,
                 transaction: HostTransaction | None = None) -> None:
        self.status, self.result, self.message = Status.COMPLETED, result, message
        self.response_code, self.transaction = response_code, transaction
        self.done.set()

    def to_json(self) -> dict[str, Any]:
        tx = self.transaction
        return {
            "Id": self.id, "Status": int(self.status), "Result": None if self.result is None else int(self.result),
            "TxnType": int(self.txn_type), "Amount": self.amount, "TipAmount": self.tip,
            "CashbackAmount": self.cashback, "CurrencyCode": EURO, "Instalments": self.instalments,
            "CustomerReference": self.customer_reference, "Terminal": self.terminal_id, "TID": self.tid,
            "Timestamp": _iso(self.timestamp), "InitialTransaction": self.initial_transaction,
            "TransactionId": tx.transaction_id if tx is not None else None,
            "Transaction": tx.to_json() if tx is not None else None, "IsVoid": self.is_void,
            "PreloadTransaction": self.preload, "PreloadExpiration": self.preload_expiration,
            "PreloadExpiresAt": _iso(self.preload_expires_at), "ResponseCode": self.response_code,
            "Message": self.message, **self.extra,
        }


class FilterError(ValueError):
    """A filter or pagination parameter that cannot be read: ``field`` and an English message (HTTP 400)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def parse_time(name: str, text: str) -> datetime:
    """An ISO 8601 filter value; naive times are Europe/Athens."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FilterError(name, "Enter a valid date/time (ISO 8601).") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=ATHENS)


def _int(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise FilterError(name, "A valid integer is required.") from None


def _bool(name: str, text: str) -> bool:
    if text.lower() in ("true", "1"):
        return True
    if text.lower() in ("false", "0"):
        return False
    raise FilterError(name, "Must be true or false.")


_PARSERS: dict[type, Callable[[str, str], Any]] = {int: _int, bool: _bool, str: lambda _name, text: text}
INTENT_FILTERS: dict[str, type] = {
    "Id": str, "CustomerReference": str, "Status": int, "Result": int, "TxnType": int, "Amount": int,
    "Terminal": int, "TID": str, "TransactionId": str, "InitialTransaction": str, "PreloadTransaction": bool,
}
TRANSACTION_FILTERS: dict[str, type] = {
    "Id": int, "TransactionId": str, "TxnType": int, "Amount": int, "TID": str, "MID": str, "RRN": str,
    "AuthCode": str, "CustomerReference": str, "Approved": bool, "Voided": bool, "BatchNumber": str,
}
_RANGES = ("Timestamp", "Amount")


def matches(item: Mapping[str, Any], params: Mapping[str, str], exact: Mapping[str, type]) -> bool:
    """Whether a JSON record passes the query's filters (exact fields, ``Timestamp``/``Amount`` ``_min``/``_max``)."""
    for name, text in params.items():
        if name in exact:
            if item.get(name) != _PARSERS[exact[name]](name, text):
                return False
            continue
        base, _, bound = name.rpartition("_")
        if base not in _RANGES or bound not in ("min", "max"):
            continue  # unknown parameters are ignored, like pagination ones
        limit: Any = parse_time(name, text) if base == "Timestamp" else _int(name, text)
        value = item.get(base)
        if value is None:
            return False
        if base == "Timestamp":
            value = datetime.fromisoformat(value)
        if (bound == "min" and value < limit) or (bound == "max" and value > limit):
            return False
    return True
