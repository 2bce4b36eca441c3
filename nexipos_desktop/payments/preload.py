"""Deferred card payments («Προφορτωμένες Αποδείξεις» / «Προπαραγγελίες»): send, track, settle what is left.

:class:`PreloadService` sends a sale to the terminal as a preloaded payment, journaled exactly like a charge
(created → sent → ``pending``); the receipt is issued in the same commit as the ``pending`` outcome, with its card
payment pending. :class:`PreloadTracker` asks the terminal about every pending preload (``driver.query``) with
backoff, and records the outcome: paid (possibly for less), expired or cancelled. What a preload leaves unpaid is
a balance the cashier collects in cash or by card, or cancels with a credit note.

Every settled payment is announced as ``hook(receipt_id, payment_id)`` to the hooks registered with
:func:`add_completion_hook` (process-wide) or :meth:`PreloadService.on_completed` (one service): the myDATA outbox
queues ``SendPaymentsMethod`` from there.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments import journal, preload_store
from nexipos_desktop.payments.contract import (
    Approved, Cancelled, Declined, Expired, Failed, InDoubt, Operation, Pending, PaymentOutcome, ProgressCallback,
    UnsupportedOperation,
)
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.preload_store import PreloadRow
from nexipos_desktop.payments.service import CardResult, OpenSale, PaymentService
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Receipt

log = logging.getLogger(__name__)

#: ``hook(receipt_id, payment_id)``: a payment of an already issued receipt was settled (preload paid on the
#: terminal, or its balance collected). Hooks run on a worker thread and must not raise.
CompletionHook = Callable[[int, int], None]
_GLOBAL_HOOKS: list[CompletionHook] = []


def add_completion_hook(hook: CompletionHook) -> None:
    """Call ``hook(receipt_id, payment_id)`` for payments settled by ANY PreloadService of this process (the till,
    the CLI): where the myDATA outbox queues ``SendPaymentsMethod``."""
    if hook not in _GLOBAL_HOOKS:
        _GLOBAL_HOOKS.append(hook)


def remove_completion_hook(hook: CompletionHook) -> None:
    if hook in _GLOBAL_HOOKS:
        _GLOBAL_HOOKS.remove(hook)


@dataclass(frozen=True)
class PreloadResult:
    """What sending a preload did: the journaled attempt and, when the terminal took it, the issued receipt."""

    card: CardResult
    document: ReceiptDocument | None = None
    preload_id: int | None = None


class PreloadService:
    """Preloaded payments of one till's terminal."""

    def __init__(self, payments: PaymentService) -> None:
        self.payments = payments
        self.db: Database = payments.db
        self._hooks: list[CompletionHook] = []

    @property
    def supported(self) -> bool:
        """The terminal takes preloads and can be asked about them."""
        caps = self.payments.capabilities
        return (Operation.PRELOAD in caps and Operation.STATUS_QUERY in caps
                and getattr(self.payments.driver, "query", None) is not None)

    def on_completed(self, hook: CompletionHook) -> None:
        """Call ``hook(receipt_id, payment_id)`` whenever a payment of an issued receipt settles."""
        self._hooks.append(hook)

    def notify_completed(self, receipt_id: int, payment_id: int) -> None:
        for hook in [*_GLOBAL_HOOKS, *self._hooks]:
            try:
                hook(receipt_id, payment_id)
            except Exception:  # a listener's bug must not undo a payment that is already committed
                log.exception("preload completion hook failed for receipt %s", receipt_id)

    # ----- sending -----
    async def send(self, sale: OpenSale, *, expiry_minutes: int | None = None,
                   progress: ProgressCallback | None = None) -> PreloadResult:
        """Preload what is still due on the sale; on ``Pending`` the receipt is issued with the payment pending."""
        if not self.supported:
            raise UnsupportedOperation("Το τερματικό δεν δέχεται προφορτωμένες πληρωμές")
        minutes = preload_store.check_expiry(expiry_minutes) if expiry_minutes is not None else \
            await asyncio.to_thread(preload_store.default_expiry_minutes, self.db)
        due = sale.total_cents - await asyncio.to_thread(self.payments.paid_cents, sale)
        issued: dict[str, object] = {}

        def commit(db: Database, attempt_id: int, outcome: PaymentOutcome, *, actor: str) -> None:
            if not isinstance(outcome, Pending):
                journal.commit_outcome(db, attempt_id, _journal_outcome(outcome), actor=actor)
                return
            try:
                issued["document"], issued["preload_id"] = preload_store.record_pending(
                    db, attempt_id, outcome, actor=actor, expiry_minutes=minutes)
            except Exception:  # the terminal holds it: keep that fact, the tracker issues the receipt later
                log.exception("preload %s accepted but its receipt was not issued", attempt_id)
                journal.commit_outcome(db, attempt_id, outcome, actor=actor)
                raise

        card = await self.payments.charge(sale, due, operation=Operation.PRELOAD, preload_expiry_minutes=minutes,
                                          progress=progress, commit=commit)
        return PreloadResult(card, issued.get("document"), issued.get("preload_id"))

    # ----- balances -----
    async def settle_balance_in_cash(self, preload_id: int, tendered_cents: int) -> int:
        """Collect a preload's balance in cash; returns the new payment's id."""
        receipt_id, payment_id = await asyncio.to_thread(
            preload_store.settle_balance_in_cash, self.db, preload_id, tendered_cents, actor=self.payments.cashier)
        await asyncio.to_thread(self.notify_completed, receipt_id, payment_id)
        return payment_id

    async def settle_balance_by_card(self, preload_id: int, *,
                                     progress: ProgressCallback | None = None) -> CardResult | None:
        """Charge a preload's balance on the terminal; added to the receipt when approved.

        An approved charge of the balance that was not yet added (resolved after a lost reply) is added instead of
        charging again. Returns None in that case."""
        earlier = await asyncio.to_thread(preload_store.balance_card_attempt, self.db, preload_id)
        if earlier is not None:
            await self._add_card_balance(preload_id, earlier.id)
            return None
        row = await asyncio.to_thread(self._row, preload_id)
        sale = await asyncio.to_thread(self._issued_sale, row.receipt_id)
        result = await self.payments.charge(sale, row.balance_cents, progress=progress)
        outcome = result.outcome
        if isinstance(outcome, InDoubt):  # ask the terminal at once; never charge again
            answer = await self.payments.resolve_by_query(result.attempt_id)
            if isinstance(answer, Approved):
                outcome = answer
                result = CardResult(result.attempt_id, result.reference, answer)
        if isinstance(outcome, Approved):
            await self._add_card_balance(preload_id, result.attempt_id)
        return result

    async def _add_card_balance(self, preload_id: int, attempt_id: int) -> None:
        receipt_id, payment_id = await asyncio.to_thread(
            preload_store.settle_balance_by_card, self.db, preload_id, attempt_id, actor=self.payments.cashier)
        await asyncio.to_thread(self.notify_completed, receipt_id, payment_id)

    async def close_by_credit_note(self, preload_id: int) -> None:
        await asyncio.to_thread(preload_store.close_by_credit_note, self.db, preload_id, actor=self.payments.cashier)

    def _row(self, preload_id: int) -> PreloadRow:
        for row in preload_store.preload_rows(self.db):
            if row.id == preload_id:
                if not row.needs_cashier:
                    raise PaymentError("Δεν υπάρχει υπόλοιπο για είσπραξη σε αυτή την προφορτωμένη πληρωμή")
                return row
        raise PaymentError(f"Δεν βρέθηκε ανοιχτή προφορτωμένη πληρωμή {preload_id}")

    def _issued_sale(self, receipt_id: int) -> OpenSale:
        with self.db.read() as session:
            r = session.get(Receipt, receipt_id)
            return OpenSale(r.id, r.number, r.series, r.uid or "", r.invoice_type, r.net_cents, r.vat_cents,
                            r.total_cents)

    def rows(self, *, open_only: bool = True) -> list[PreloadRow]:
        return preload_store.preload_rows(self.db, open_only=open_only)


def _journal_outcome(outcome: PaymentOutcome) -> PaymentOutcome:
    """The journal has no ``expired`` state: a preload that lapsed at once is journaled as cancelled."""
    return Cancelled(outcome.message, outcome.raw) if isinstance(outcome, Expired) else outcome


class PreloadTracker:
    """Asks the terminal about every pending preload, with backoff, and records what it learns. Qt-free.

    The state lives in SQLite (the pending rows), so a restarted till resumes where it stopped. Drive it with
    :meth:`check_due` from a timer (the till does), or :meth:`run` in a headless program.
    """

    def __init__(self, preloads: PreloadService, *, first_interval_s: float = 5.0, max_interval_s: float = 60.0,
                 grace_s: float = 120.0, on_change: Callable[[], None] | None = None,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self.preloads = preloads
        self.db = preloads.db
        self.first_interval_s, self.max_interval_s, self.grace_s = first_interval_s, max_interval_s, grace_s
        self.on_change = on_change
        self._monotonic = monotonic
        self._schedule: dict[int, tuple[float, float]] = {}  # preload id → (next check, current interval)
        self._busy = False
        self._resumed = False

    async def resume(self) -> int:
        """After a restart: issue the receipts of preloads the terminal accepted but the till never issued."""
        adopted = 0
        for attempt in await asyncio.to_thread(preload_store.orphaned_preload_attempts, self.db):
            try:
                await asyncio.to_thread(preload_store.record_pending, self.db, attempt.id, Pending(attempt.reference),
                                        actor="system", how="recovery")
                adopted += 1
            except Exception:
                log.exception("could not issue the receipt of preload attempt %s", attempt.id)
        self._resumed = True
        return adopted

    async def check_due(self) -> int:
        """Ask about every pending preload whose time has come; returns how many changed state."""
        if self._busy:
            return 0
        self._busy = True
        try:
            if not self._resumed:
                await self.resume()
            rows = await asyncio.to_thread(preload_store.pending_rows, self.db)
            now = self._monotonic()
            live = {row.id for row in rows}
            self._schedule = {k: v for k, v in self._schedule.items() if k in live}
            changed = 0
            for row in rows:
                due, interval = self._schedule.get(row.id, (now, self.first_interval_s))
                if due > now:
                    continue
                if await self.check(row):
                    changed += 1
                    self._schedule.pop(row.id, None)
                else:
                    self._schedule[row.id] = (self._monotonic() + interval, min(interval * 2, self.max_interval_s))
            if changed and self.on_change is not None:
                self.on_change()
            return changed
        finally:
            self._busy = False

    async def check_now(self) -> int:
        """Ask about every pending preload now, whatever its backoff (the cashier pressed «Έλεγχος τώρα»)."""
        self._schedule.clear()
        return await self.check_due()

    async def check(self, row: PreloadRow) -> bool:
        """Ask the terminal about one preload and record the answer; True when it left ``pending``."""
        try:
            outcome = await self.preloads.payments.driver.query(row.reference)
        except Exception as exc:  # a network fault: ask again later
            log.warning("preload %s: query failed: %s", row.reference, exc)
            await asyncio.to_thread(preload_store.record_check, self.db, row.id,
                                    f"Δεν απάντησε το τερματικό: {exc}")
            return False
        return await asyncio.to_thread(self._record, row, outcome)

    def _record(self, row: PreloadRow, outcome: PaymentOutcome | None) -> bool:
        """Worker thread: store what the terminal said about ``row``."""
        actor = "system"
        if isinstance(outcome, Approved):
            receipt_id, payment_id = preload_store.record_paid(self.db, row.id, outcome, actor=actor)
            self.preloads.notify_completed(receipt_id, payment_id)
            return True
        if isinstance(outcome, Expired):
            preload_store.record_lapsed(self.db, row.id, state="expired", attempt_state="cancelled",
                                        message=outcome.message or "Έληξε χωρίς πληρωμή", actor=actor, raw=outcome.raw)
            return True
        if isinstance(outcome, (Cancelled, Declined, Failed)):
            message = getattr(outcome, "message", "") or "Ακυρώθηκε στο τερματικό"
            preload_store.record_lapsed(self.db, row.id, state="cancelled", attempt_state=outcome.kind,
                                        message=message, actor=actor, raw=outcome.raw)
            return True
        if outcome is None and athens_now() >= row.expires_at + timedelta(seconds=self.grace_s):
            preload_store.record_lapsed(self.db, row.id, state="expired", attempt_state="cancelled",
                                        message="Το τερματικό δεν έχει πια την προφορτωμένη πληρωμή (έληξε)",
                                        actor=actor)
            return True
        if isinstance(outcome, Pending):
            message = "Αναμονή πληρωμής στο τερματικό"
        elif outcome is None:
            message = "Το τερματικό δεν βρίσκει ακόμη την προφορτωμένη πληρωμή"
        else:
            message = getattr(outcome, "message", "") or getattr(outcome, "reason", "") or outcome.kind
        preload_store.record_check(self.db, row.id, message)
        return False

    async def run(self, tick_s: float = 1.0) -> None:
        """Check forever (headless use); cancel the task to stop."""
        while True:
            try:
                await self.check_due()
            except Exception:
                log.exception("preload tracking pass failed")
            await asyncio.sleep(tick_s)
