"""The payment contract every terminal driver implements: operations, capabilities, requests, typed outcomes.

A driver turns a :class:`PaymentRequest` into exactly one :class:`PaymentOutcome`; expected results (a decline,
a busy terminal, a lost reply) are outcomes, never exceptions. A driver never re-sends a charge on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import ClassVar, Protocol, runtime_checkable


class Operation(StrEnum):
    """What a terminal can be asked to do (nexi-integration.md, "Supported transactions")."""

    ECHO = "echo"
    SALE = "sale"
    VOID = "void"
    REFUND = "refund"  # unlinked: the amount only
    LINKED_REFUND = "linked_refund"  # refers to the original transaction
    PREAUTH = "preauth"
    PREAUTH_COMPLETION = "preauth_completion"
    TIP = "tip"  # a sale with a tip
    INSTALMENTS = "instalments"  # a sale in instalments
    MOTO = "moto"  # mail/telephone order
    CASH_ADVANCE = "cash_advance"
    PRELOAD = "preload"  # deferred payment, paid later on the terminal
    STATUS_QUERY = "status_query"  # recover an in-doubt attempt by its reference
    TRANSACTION_LIST = "transaction_list"


class TerminalKind(StrEnum):
    A920PRO = "A920Pro"
    A910 = "A910"
    A50 = "A50"
    SOFTPOS = "SoftPOS"


#: What each kind of terminal can do at all, whatever the protocol (nexi-integration.md).
KIND_CAPABILITIES: dict[TerminalKind, frozenset[Operation]] = {
    TerminalKind.SOFTPOS: frozenset({Operation.ECHO, Operation.SALE, Operation.VOID, Operation.STATUS_QUERY,
                                     Operation.TRANSACTION_LIST, Operation.PRELOAD}),
    **{kind: frozenset(Operation) for kind in (TerminalKind.A920PRO, TerminalKind.A910, TerminalKind.A50)},
}


def effective_capabilities(driver_capabilities: frozenset[Operation], kind: TerminalKind) -> frozenset[Operation]:
    """What the register may offer: what the protocol allows, narrowed by what the terminal kind supports."""
    return driver_capabilities & KIND_CAPABILITIES[kind]


@dataclass(frozen=True)
class ProviderProof:
    """An A.1155 provider signature over the payment (provider route)."""

    uid: str
    mark: str
    timestamp: str  # YYYYMMDDhhmmss, Europe/Athens
    net_cents: int
    vat_cents: int
    total_cents: int
    provider_id: str
    signature_der: bytes


@dataclass(frozen=True)
class EcrTokenProof:
    """An A.1155 ECR token from the fiscal device (ΦΗΜΑΣ route)."""

    ecr_id: str
    token: str  # 8 hex digits


@dataclass(frozen=True)
class OriginalTransaction:
    """The transaction a void, linked refund or completion refers to."""

    transaction_id: str | None = None
    rrn: str | None = None
    auth_code: str | None = None
    amount_cents: int | None = None
    reference: str | None = None  # our reference of the original attempt (WebECR intent)


@dataclass(frozen=True)
class PaymentRequest:
    """One attempt, exactly as persisted before anything goes on the wire."""

    operation: Operation
    reference: str  # unique per attempt (WebECR CustomerReference); never reused
    amount_cents: int
    receipt_number: str = ""  # e.g. "Α-12": printed on the terminal slip
    session: int | None = None  # the socket protocol's 6-digit session number, allocated by the service
    operator: str = "1"
    tip_cents: int = 0
    instalments: int = 0
    original: OriginalTransaction | None = None
    provider_proof: ProviderProof | None = None
    ecr_token: EcrTokenProof | None = None
    preload_expiry_minutes: int | None = None


# ----- outcomes -----

@dataclass(frozen=True)
class Approved:
    """The terminal charged (or refunded) the card."""

    tid: str
    amount_cents: int
    final_amount_cents: int
    pan_masked: str = ""
    card_type: str = ""
    rrn: str = ""
    stan: str = ""
    batch: str = ""
    auth_code: str = ""
    transaction_id: str = ""
    terminal_time: str = ""
    received_at: datetime | None = None
    raw: str = ""
    kind: ClassVar[str] = "approved"


@dataclass(frozen=True)
class Declined:
    code: str
    message: str
    raw: str = ""
    kind: ClassVar[str] = "declined"


@dataclass(frozen=True)
class Cancelled:
    """Cancelled by the operator or customer on the terminal (red key) or timed out on the terminal."""

    message: str
    raw: str = ""
    kind: ClassVar[str] = "cancelled"


@dataclass(frozen=True)
class Failed:
    """Nothing was charged: the request never reached the terminal, or the terminal refused it outright."""

    message: str
    code: str = ""
    raw: str = ""
    kind: ClassVar[str] = "failed"


@dataclass(frozen=True)
class Busy:
    message: str
    raw: str = ""
    kind: ClassVar[str] = "busy"


@dataclass(frozen=True)
class BatchFull:
    message: str
    raw: str = ""
    kind: ClassVar[str] = "batch_full"


@dataclass(frozen=True)
class InDoubt:
    """The request may have reached the terminal but its result is unknown: resolve by query or by the cashier."""

    reason: str
    raw: str = ""
    kind: ClassVar[str] = "in_doubt"


@dataclass(frozen=True)
class Pending:
    """A deferred (preloaded) payment accepted by the terminal, to be paid later."""

    reference: str
    expires_at: datetime | None = None
    raw: str = ""
    kind: ClassVar[str] = "pending"


@dataclass(frozen=True)
class Expired:
    """A deferred (preloaded) payment that nobody paid before its expiry, or that was removed from the terminal."""

    message: str
    raw: str = ""
    kind: ClassVar[str] = "expired"


PaymentOutcome = Approved | Declined | Cancelled | Failed | Busy | BatchFull | InDoubt | Pending | Expired


@dataclass(frozen=True)
class TerminalTransaction:
    """One card transaction as the terminal's host lists it (WebECR ``transaction/``), for reconciliation."""

    tid: str
    rrn: str
    amount_cents: int  # charged amount without tip and cashback
    operation: Operation  # SALE, REFUND, PREAUTH, PREAUTH_COMPLETION, MOTO, ...
    timestamp: datetime | None = None
    tip_cents: int = 0
    auth_code: str = ""
    transaction_id: str = ""
    reference: str = ""  # CustomerReference when the register started it
    pan_masked: str = ""
    approved: bool = True
    voided: bool = False
    raw: str = ""


@dataclass(frozen=True)
class EchoResult:
    """A successful connection test."""

    tid: str
    app_version: str
    raw: str = ""


class TerminalState(StrEnum):
    """What the terminal is doing, for the cashier's screen (Greek text in :data:`STATE_TEXT`)."""

    CONNECTING = "connecting"
    SENT = "sent"
    WAITING_FOR_CARD = "waiting_for_card"
    PROCESSING = "processing"
    DONE = "done"


STATE_TEXT: dict[TerminalState, str] = {
    TerminalState.CONNECTING: "Σύνδεση με το τερματικό…",
    TerminalState.SENT: "Αποστολή στο τερματικό…",
    TerminalState.WAITING_FOR_CARD: "Ο πελάτης να ακουμπήσει ή να εισάγει την κάρτα στο τερματικό",
    TerminalState.PROCESSING: "Επεξεργασία συναλλαγής…",
    TerminalState.DONE: "Ολοκληρώθηκε",
}

ProgressCallback = Callable[[TerminalState], None]


@dataclass
class TerminalConfig:
    """Settings a driver is built from (secrets come from the keyring, not from here)."""

    driver: str
    kind: TerminalKind = TerminalKind.A920PRO
    name: str = ""
    host: str = ""
    port: int = 0
    confirm_timeout_s: float = 2.0
    result_timeout_s: float = 180.0
    ecr_no: str = "1"
    extra: dict[str, str] = field(default_factory=dict)


@runtime_checkable
class TerminalDriver(Protocol):
    """The contract. ``capabilities`` is what the protocol allows; the service narrows it by terminal kind."""

    name: ClassVar[str]
    capabilities: ClassVar[frozenset[Operation]]
    uses_session_numbers: ClassVar[bool]  # True: the service allocates a persisted 6-digit session per request

    async def echo(self) -> EchoResult | Failed: ...

    async def execute(self, request: PaymentRequest, progress: ProgressCallback | None = None) -> PaymentOutcome: ...

    async def close(self) -> None: ...


@runtime_checkable
class QueryingDriver(TerminalDriver, Protocol):
    """A driver that can answer "what happened to the attempt with this reference?" (Operation.STATUS_QUERY).

    ``query`` returns the attempt's outcome as the terminal's host knows it now: Approved/Declined/... when final,
    Pending while a preloaded payment waits, Expired when it lapsed, InDoubt when the host does not know yet, and
    None when the host has no record of the reference (nothing was charged).
    """

    async def query(self, reference: str) -> PaymentOutcome | None: ...


@runtime_checkable
class ListingDriver(TerminalDriver, Protocol):
    """A driver that lists the host's card transactions of a period (Operation.TRANSACTION_LIST)."""

    async def transactions(self, start: datetime, end: datetime) -> list[TerminalTransaction]: ...


class UnsupportedOperation(Exception):
    """A driver was asked for an operation it does not declare (a programming error, not a payment outcome)."""
