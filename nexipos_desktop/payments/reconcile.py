"""End-of-day reconciliation: the register's card payments of a day against the terminal host's transaction list.

Pairs are found by the strongest key both sides have: the transaction id (Greek law's unique payment id), our
reference (WebECR ``CustomerReference``), then TID + RRN, then RRN + amount. Each pair is then checked for the
charged amount and for voids; what is left over is register-only or terminal-only (certification scenarios 17
and 19). Card payments recorded by hand from the terminal's slip (fault declaration) reconcile like the others
and are marked as such.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from sqlalchemy import func
from sqlmodel import select

from nexipos_desktop.clock import ATHENS
from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import Operation, TerminalDriver, TerminalTransaction
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.fault_declaration import FAULT_DECLARATION
from nexipos_desktop.receipts.codes import PAYMENT_CARD
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt
from nexipos_desktop.storage.webecr_models import PreloadedPayment

REFUNDS = frozenset({Operation.REFUND.value, Operation.LINKED_REFUND.value})


class Status(StrEnum):
    MATCHED = "matched"
    AMOUNT_MISMATCH = "amount_mismatch"
    VOIDED = "voided"  # voided on both sides
    VOID_MISMATCH = "void_mismatch"  # voided on one side only
    REGISTER_ONLY = "register_only"
    TERMINAL_ONLY = "terminal_only"


STATUS_TEXT: dict[Status, str] = {
    Status.MATCHED: "Συμφωνεί",
    Status.AMOUNT_MISMATCH: "Διαφορά ποσού",
    Status.VOIDED: "Ακυρωμένη και στα δύο",
    Status.VOID_MISMATCH: "Ακύρωση μόνο στο ένα",
    Status.REGISTER_ONLY: "Μόνο στο ταμείο",
    Status.TERMINAL_ONLY: "Μόνο στο τερματικό",
}


@dataclass(frozen=True)
class RegisterCardPayment:
    """A card payment as the register knows it (from the journal, with its receipt)."""

    operation: str  # sale, preload, refund, void, ...
    charged_cents: int  # what the card was charged (or refunded), tip included
    at: datetime
    tid: str = ""
    rrn: str = ""
    auth_code: str = ""
    transaction_id: str = ""
    reference: str = ""
    receipt_label: str = ""  # "Α-12", "Π-3"; "" for an operation outside any receipt
    attempt_id: int | None = None
    original_attempt_id: int | None = None
    payment_id: int | None = None
    manual: bool = False  # recorded from the terminal's slip (fault declaration)

    @property
    def is_void(self) -> bool:
        return self.operation == Operation.VOID.value


@dataclass(frozen=True)
class ReconcileRow:
    status: Status
    register: RegisterCardPayment | None
    terminal: TerminalTransaction | None
    matched_by: str = ""  # transaction_id | reference | tid_rrn | rrn_amount
    note: str = ""

    @property
    def ok(self) -> bool:
        return self.status in (Status.MATCHED, Status.VOIDED)


@dataclass
class ReconcileReport:
    day: date
    rows: list[ReconcileRow]
    pending_preloads: int = 0  # preloads still waiting on the terminal (not charged yet)
    counts: dict[Status, int] = field(init=False)

    def __post_init__(self) -> None:
        self.counts = {status: sum(1 for r in self.rows if r.status == status) for status in Status}

    @property
    def ok(self) -> bool:
        return all(row.ok for row in self.rows)

    def as_json(self) -> dict:
        """The report for ``--json`` output and for files."""
        return {
            "date": self.day.isoformat(), "ok": self.ok, "pending_preloads": self.pending_preloads,
            "counts": {status.value: n for status, n in self.counts.items()},
            "rows": [_row_json(row) for row in self.rows],
        }


def _row_json(row: ReconcileRow) -> dict:
    register = row.register
    terminal = row.terminal
    return {
        "status": row.status.value, "matched_by": row.matched_by, "note": row.note,
        "register": None if register is None else {
            "receipt": register.receipt_label, "operation": register.operation, "amount_cents": register.charged_cents,
            "tid": register.tid, "rrn": register.rrn, "auth_code": register.auth_code,
            "transaction_id": register.transaction_id, "reference": register.reference,
            "at": register.at.isoformat(), "manual": register.manual},
        "terminal": None if terminal is None else {
            "operation": terminal.operation.value, "amount_cents": terminal.amount_cents + terminal.tip_cents,
            "tid": terminal.tid, "rrn": terminal.rrn, "auth_code": terminal.auth_code,
            "transaction_id": terminal.transaction_id, "reference": terminal.reference,
            "at": terminal.timestamp.isoformat() if terminal.timestamp else None, "voided": terminal.voided},
    }


# ----- matching (pure) -----
def _keys(tid: str, rrn: str, transaction_id: str, reference: str, amount: int) -> list[tuple[str, tuple]]:
    keys = []
    if transaction_id:
        keys.append(("transaction_id", (transaction_id,)))
    if reference:
        keys.append(("reference", (reference,)))
    if tid and rrn:
        keys.append(("tid_rrn", (tid, rrn)))
    if rrn:
        keys.append(("rrn_amount", (rrn, amount)))
    return keys


def _register_keys(r: RegisterCardPayment) -> list[tuple[str, tuple]]:
    return _keys(r.tid, r.rrn, r.transaction_id, r.reference, r.charged_cents)


def _terminal_keys(t: TerminalTransaction) -> list[tuple[str, tuple]]:
    return _keys(t.tid, t.rrn, t.transaction_id, t.reference, t.amount_cents + t.tip_cents)


def _is_refund(operation: str) -> bool:
    return operation in REFUNDS


def match(register: Iterable[RegisterCardPayment], terminal: Iterable[TerminalTransaction]) -> list[ReconcileRow]:
    """Pair the register's payments with the terminal's approved transactions; every input appears exactly once
    (a register void that the terminal shows as a voided original is folded into that original's row)."""
    register = list(register)
    approved = [t for t in terminal if t.approved]
    index: dict[tuple[str, tuple], list[int]] = {}
    for i, t in enumerate(approved):
        for key in _terminal_keys(t):
            index.setdefault(key, []).append(i)
    taken: set[int] = set()
    pairs: dict[int, tuple[int, str]] = {}  # register position → (terminal position, key name)

    def find(position: int, r: RegisterCardPayment) -> None:
        for key in _register_keys(r):
            for i in index.get(key, []):
                if i not in taken and (approved[i].operation == Operation.VOID) == r.is_void \
                        and _is_refund(approved[i].operation.value) == _is_refund(r.operation):
                    taken.add(i)
                    pairs[position] = (i, key[0])
                    return

    for position, r in enumerate(register):  # originals first, so a void never takes its original's row
        if not r.is_void:
            find(position, r)
    for position, r in enumerate(register):
        if r.is_void:
            find(position, r)

    voids_of = {r.original_attempt_id: position for position, r in enumerate(register)
                if r.is_void and r.original_attempt_id is not None}
    folded: set[int] = set()
    rows: list[ReconcileRow] = []
    for position, r in enumerate(register):
        if r.is_void:
            continue
        if position not in pairs:
            rows.append(ReconcileRow(Status.REGISTER_ONLY, r, None, note=_register_note(r)))
            continue
        i, how = pairs[position]
        t = approved[i]
        void_position = voids_of.get(r.attempt_id) if r.attempt_id is not None else None
        void = register[void_position] if void_position is not None else None
        void_on_terminal = void_position in pairs
        if t.voided and void is not None and not void_on_terminal:
            folded.add(void_position)
            rows.append(ReconcileRow(Status.VOIDED, r, t, how, f"Ακύρωση στο ταμείο: {void.receipt_label}"))
        elif t.voided and void is None:
            rows.append(ReconcileRow(Status.VOID_MISMATCH, r, t, how, "Ακυρώθηκε στο τερματικό, όχι στο ταμείο"))
        elif t.amount_cents + t.tip_cents != r.charged_cents:
            rows.append(ReconcileRow(Status.AMOUNT_MISMATCH, r, t, how,
                                     f"Ταμείο {_euro(r.charged_cents)} · τερματικό {_euro(t.amount_cents + t.tip_cents)}"))
        else:
            rows.append(ReconcileRow(Status.MATCHED, r, t, how, _register_note(r)))
    for position, r in enumerate(register):
        if not r.is_void or position in folded:
            continue
        if position in pairs:
            i, how = pairs[position]
            rows.append(ReconcileRow(Status.MATCHED, r, approved[i], how, _register_note(r)))
        else:
            rows.append(ReconcileRow(Status.VOID_MISMATCH, r, None, note="Ακυρώθηκε στο ταμείο, όχι στο τερματικό"))
    rows.extend(ReconcileRow(Status.TERMINAL_ONLY, None, t) for i, t in enumerate(approved) if i not in taken)
    return rows


def _register_note(r: RegisterCardPayment) -> str:
    notes = []
    if r.manual:
        notes.append("Δήλωση βλάβης (από την απόδειξη του τερματικού)")
    if r.operation == Operation.PRELOAD.value:
        notes.append("Προφορτωμένη")
    return " · ".join(notes)


def _euro(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d} €"


# ----- the register's side -----
def day_bounds(day: date) -> tuple[datetime, datetime]:
    """Midnight to midnight in Athens (DST-aware)."""
    start = datetime.combine(day, time(0), ATHENS)
    return start, datetime.combine(day + timedelta(days=1), time(0), ATHENS)


def register_payments(db: Database, day: date) -> list[RegisterCardPayment]:
    """The register's card operations that moved money on ``day`` (Athens): approved journal attempts, dated by
    the settlement of their receipt payment (a preload paid today counts today)."""
    prefix = day.isoformat()
    result = []
    with db.read() as session:
        moved_at = func.coalesce(Payment.settled_at, CardAttempt.updated_at)
        query = (select(CardAttempt, Payment, Receipt)
                 .join(Payment, Payment.id == CardAttempt.payment_id, isouter=True)
                 .join(Receipt, Receipt.id == CardAttempt.receipt_id, isouter=True)
                 .where(CardAttempt.state.in_(journal.APPROVED_STATES), moved_at.startswith(prefix)))
        for attempt, payment, receipt in session.exec(query):
            stamp = (payment.settled_at if payment is not None and payment.settled_at else None) or attempt.updated_at
            charged = attempt.final_amount_cents or attempt.amount_cents
            result.append(RegisterCardPayment(
                operation=attempt.operation, charged_cents=charged, at=datetime.fromisoformat(stamp),
                tid=attempt.tid or "", rrn=attempt.rrn or "", auth_code=attempt.auth_code or "",
                transaction_id=attempt.transaction_id or "", reference="" if attempt.driver == "manual" else
                attempt.reference, receipt_label=f"{receipt.series}-{receipt.number}" if receipt else "",
                attempt_id=attempt.id, original_attempt_id=attempt.original_attempt_id,
                payment_id=payment.id if payment else None, manual=attempt.resolution == FAULT_DECLARATION))
        linked = select(CardAttempt.payment_id).where(CardAttempt.payment_id.is_not(None))
        for payment, receipt in session.exec(
                select(Payment, Receipt).join(Receipt, Receipt.id == Payment.receipt_id)
                .where(Payment.method == PAYMENT_CARD, Payment.status == "settled", Payment.id.not_in(linked),
                       Payment.settled_at.startswith(prefix))):
            result.append(RegisterCardPayment(
                operation="refund" if receipt.invoice_type == "11.4" else "sale",
                charged_cents=payment.amount_cents + payment.tip_cents, at=datetime.fromisoformat(payment.settled_at),
                tid=payment.tid or "", rrn=payment.rrn or "", auth_code=payment.auth_code or "",
                transaction_id=payment.transaction_id or "", receipt_label=f"{receipt.series}-{receipt.number}",
                payment_id=payment.id, manual=True))
    return sorted(result, key=lambda r: r.at)


def pending_preloads(db: Database) -> int:
    with db.read() as session:
        return len(session.exec(select(PreloadedPayment.id).where(PreloadedPayment.state == "pending")).all())


# ----- the whole job -----
Progress = Callable[[str], None]


async def reconcile_day(db: Database, driver: TerminalDriver, day: date, *,
                        progress: Progress | None = None) -> ReconcileReport:
    """Fetch both sides of ``day`` and match them."""
    listing = getattr(driver, "transactions", None)
    if listing is None or Operation.TRANSACTION_LIST not in driver.capabilities:
        raise PaymentError("Το τερματικό δεν δίνει λίστα συναλλαγών· η συμφωνία γίνεται μόνο με WebECR")
    say = progress or (lambda _text: None)
    say("Ανάγνωση πληρωμών με κάρτα του ταμείου…")
    register = await asyncio.to_thread(register_payments, db, day)
    waiting = await asyncio.to_thread(pending_preloads, db)
    say("Λήψη συναλλαγών από το τερματικό…")
    start, end = day_bounds(day)
    terminal = [t for t in await listing(start, end)  # the host's bounds are inclusive: midnight is tomorrow's
                if t.timestamp is None or start <= t.timestamp < end]
    say("Σύγκριση…")
    report = ReconcileReport(day, match(register, terminal), waiting)
    say("Ολοκληρώθηκε")
    return report
