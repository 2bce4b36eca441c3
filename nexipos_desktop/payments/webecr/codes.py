"""The numbers of the WebECR wire contract (``webecr-api.md``), shared by the client and the simulated host."""

from __future__ import annotations

from enum import IntEnum

CURRENCY_EUR = 978


class Status(IntEnum):
    """An intent's progress."""

    PENDING = 1
    SENT = 2
    COMPLETED = 3


class ResultCode(IntEnum):
    """An intent's result (UNKNOWN: the device did not report — in doubt)."""

    APPROVED = 1
    DECLINED = 2
    CANCELLED = 3
    FAILED = 4
    UNKNOWN = 5
    BUSY = 6
    MAX_TRANSACTIONS = 7


class TxnType(IntEnum):
    SALE = 0
    REFUND = 1
    PREAUTH = 2
    PREAUTH_COMPLETION = 3
    MOTO = 4
    CASH_ADVANCE = 5
    CARD_PAYMENT = 6
    BILL_PAYMENT = 7
    OTHER = 8
    PREPAYMENT = 9
