"""The simulated WebECR cloud behind the HTTP routes: terminals, intents, transactions, preloads, faults.

Every intent runs on a :class:`~nexipos_desktop.simulator.terminal_model.TerminalModel`, so the magic amounts,
the busy flag, the batch and the ledger are the socket simulator's (one model may serve both protocols). An
intent runs to its end whatever happens to the HTTP request that started it: the ledger shows what was charged
even when the response was lost.

Outcomes: approved → Result APPROVED with its Transaction; declined (04, 05) → DECLINED; red key (03) →
CANCELLED; batch full (8.88 € or a full batch) → MAX_TRANSACTIONS; busy (7.77 € or a terminal closing its batch)
→ BUSY; no report (6.66 €) → UNKNOWN; anything else → FAILED. 13.13 € is approved and booked, and the response
that would carry it is dropped.

The Python API is for tests and the ``/_sim/`` control routes: :meth:`WebEcrHost.pay_preload` (optionally a
lower amount), :meth:`~WebEcrHost.expire_preload`, :meth:`~WebEcrHost.terminal_transaction` (a transaction made
on the terminal by hand, e.g. a pre-authorisation), :meth:`~WebEcrHost.close_batch`, ``faults``,
``accounts`` (codes, keys, tokens) and ``clock.advance``.

A host started on a ledger that already has entries rebuilds its transactions and the register's approved
intents from it (:mod:`~nexipos_desktop.simulator.webecr_history`), as the real cloud keeps its history.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from nexipos_desktop.payments.ecr_types import ResponseCode
from nexipos_desktop.simulator.ledger import LedgerEntry
from nexipos_desktop.simulator.terminal_model import Charge, ChargeOperation, TerminalModel, TerminalOutcome
from nexipos_desktop.simulator.webecr_auth import Accounts, SimClock
from nexipos_desktop.simulator.webecr_faults import Fault, Faults
from nexipos_desktop.simulator.webecr_history import ordered, rebuild
from nexipos_desktop.simulator.webecr_records import INTENT_FILTERS, HostTransaction, Intent, Result, Status
from nexipos_desktop.simulator.webecr_records import TRANSACTION_FILTERS, TxnType, matches
from nexipos_desktop.simulator.webecr_requests import RequestError, check_proof, parse_txninit, parse_void
from nexipos_desktop.simulator.webecr_requests import split_token

log = logging.getLogger(__name__)
DEFAULT_MERCHANT = "NEXIPOS-DEMO"
DEFAULT_MID = "000000123456"
#: The pre-shared ECR master key of the simulator (the test vector's, ecr-key-exchange.json).
DEFAULT_MASTER_KEY = bytes.fromhex("ABCDEF01234567899876543210ABCDEF")
_OPERATIONS = {
    TxnType.REFUND: ChargeOperation.REFUND, TxnType.PREAUTH: ChargeOperation.PREAUTH,
    TxnType.PREAUTH_COMPLETION: ChargeOperation.PREAUTH_COMPLETION, TxnType.MOTO: ChargeOperation.MOTO,
    TxnType.CASH_ADVANCE: ChargeOperation.CASH_ADVANCE,
}
_DECLINES = {ResponseCode.DECLINED, ResponseCode.DECLINED_BY_HOST, ResponseCode.DECLINED_BY_TERMINAL}
NOT_FOUND = {"detail": "Not found."}


@dataclass
class SimTerminal:
    """One terminal of the cloud: its backend ``id`` (used in URLs), its model (TID, ledger) and ECR binding."""

    id: int
    model: TerminalModel
    merchant: str = DEFAULT_MERCHANT
    mid: str = DEFAULT_MID
    acquirer: str = "NEXI"
    ecr_id: str | None = None
    session_key: bytes | None = None
    busy_until: float = 0.0  # simulated time; the terminal is closing its batch until then

    @property
    def tid(self) -> str:
        return self.model.tid

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "TerminalID": self.tid, "Merchant": self.merchant, "Acquirer": self.acquirer,
                "MID": self.mid}


class WebEcrHost:
    """The cloud's state and behaviour, without HTTP (see :mod:`nexipos_desktop.simulator.webecr_server`)."""

    def __init__(self, terminals: TerminalModel | Sequence[TerminalModel] | None = None, *,
                 clock: SimClock | None = None, users: dict[str, str] | None = None, require_api_key: bool = False,
                 master_key: bytes = DEFAULT_MASTER_KEY, merchant: str = DEFAULT_MERCHANT,
                 page_size: int = 50) -> None:
        if terminals is None:
            models = [TerminalModel()]
        else:
            models = [terminals] if isinstance(terminals, TerminalModel) else list(terminals)
        self.clock = clock or SimClock(models[0].time_scale)
        self.accounts = Accounts(self.clock, users)
        self.terminals = {1001 + i: SimTerminal(1001 + i, model, merchant) for i, model in enumerate(models)}
        self.require_api_key = require_api_key
        self.master_key = master_key
        self.page_size = page_size
        # A restarted cloud still has its history: rebuilt from the terminals' ledgers (webecr_history)
        self.transactions, self.intents = rebuild(self.ledger_entries(), self.terminals)
        self.txninits: Counter[str] = Counter()  # txninit requests seen, by CustomerReference
        self.queries: Counter[str] = Counter()  # transactionintent/ lists asked, by their CustomerReference filter
        self.faults = Faults()
        self._deadlines: dict[str, float] = {}  # preload intent id → simulated expiry time
        self._tasks: set[asyncio.Task[None]] = set()
        self._by_hand = 0

    # ----- lookups -----
    def scaled(self, seconds: float) -> float:
        return seconds / self.clock.time_scale

    def first_terminal(self) -> SimTerminal:
        return next(iter(self.terminals.values()))

    def terminal(self, terminal_id: object, merchant: str | None = None) -> SimTerminal:
        """The terminal of a URL's ``{id}``: 404 when unknown, 403 when the API key's merchant does not own it."""
        try:
            found = self.terminals.get(int(str(terminal_id)))
        except ValueError:
            found = None
        if found is None:
            raise RequestError(NOT_FOUND, 404)
        if merchant is not None and found.merchant != merchant:
            raise RequestError({"detail": "You do not have permission to use this terminal."}, 403)
        return found

    def visible(self, merchant: str | None) -> list[SimTerminal]:
        return [t for t in self.terminals.values() if merchant is None or t.merchant == merchant]

    def intent(self, identifier: str, *, by_reference: bool = False) -> Intent:
        """An intent by ``Id`` (or also by ``CustomerReference``, for the control routes); 404 when unknown."""
        self.sweep()
        found = next((i for i in self.intents
                      if identifier == i.id or (by_reference and identifier == i.customer_reference)), None)
        if found is None:
            raise RequestError(NOT_FOUND, 404)
        return found

    def transaction(self, transaction_id: str) -> HostTransaction | None:
        return next((t for t in self.transactions if transaction_id in (t.transaction_id, str(t.id))), None)

    def ledger_entries(self) -> list[LedgerEntry]:
        """Every terminal's ledger (terminals sharing one ledger count it once), oldest first."""
        ledgers = {id(t.model.ledger): t.model.ledger for t in self.terminals.values()}
        return ordered(ledgers.values())

    def list_intents(self, params: Mapping[str, str], merchant: str | None) -> list[Intent]:
        self.sweep()
        self.queries[params.get("CustomerReference", "")] += 1
        ids = {t.id for t in self.visible(merchant)}
        return [i for i in self.intents if i.terminal_id in ids and matches(i.to_json(), params, INTENT_FILTERS)]

    def list_transactions(self, params: Mapping[str, str], merchant: str | None) -> list[HostTransaction]:
        tids = {t.tid for t in self.visible(merchant)}
        return [t for t in self.transactions if t.tid in tids and matches(t.to_json(), params, TRANSACTION_FILTERS)]

    def take_drop(self, intents: Sequence[Intent]) -> bool:
        """Whether this response carries a result whose delivery must fail (the flag is used up)."""
        dropping = [i for i in intents if i.drop_next and i.status is Status.COMPLETED]
        for intent in dropping:
            intent.drop_next = False
        return bool(dropping)

    # ----- intents -----
    def start_intent(self, terminal: SimTerminal, body: object) -> tuple[Intent, int]:
        """``txninit``: check, record and start the intent (a preload waits); returns it and the wait in seconds."""
        if isinstance(body, dict):
            self.txninits[str(body.get("CustomerReference"))] += 1
        request = parse_txninit(body)
        model = terminal.model
        check_proof(request, terminal.tid, model.public_keys, required=model.require_signature)
        if request.ecr_command is not None and (terminal.ecr_id is None or terminal.session_key is None):
            raise RequestError({"EcrTokenData": ["No ECR is bound to this terminal: ecrbind and ecrkeyexchange "
                                                 "first."]})
        self._unique(request.reference)
        original = self._original(request.txn_type, request.initial_transaction, request.amount)
        now = model.now()
        intent = Intent(
            uuid.uuid4().hex, terminal.id, terminal.tid, request.txn_type, request.amount, request.reference, now,
            tip=request.tip, cashback=request.cashback, instalments=request.instalments,
            initial_transaction=request.initial_transaction, preload=request.preload,
            preload_expiration=request.preload_expiration, extra=dict(request.extra),
            preload_expires_at=now + timedelta(minutes=request.preload_expiration) if request.preload else None)
        self.intents.append(intent)
        if request.preload:
            self._deadlines[intent.id] = self.clock.now() + 60 * (request.preload_expiration or 0)
            return intent, 0
        signed, token = split_token(request.ecr_command) if request.ecr_command else (None, None)
        charge = Charge(_OPERATIONS.get(request.txn_type, ChargeOperation.SALE), request.amount, request.reference,
                        request.proof, token, signed, request.tip)
        self._spawn(self._run(intent, terminal, charge, original))
        return intent, request.timeout_s

    def start_void(self, terminal: SimTerminal, body: object) -> tuple[Intent, int]:
        """``txnvoid``: a new intent voiding a transaction found by intent Id (1) or TransactionId (2)."""
        identifier, kind, reference, timeout = parse_void(body)
        if kind == 1:
            target = self.intent(identifier).transaction
        else:
            target = self.transaction(identifier)
        if target is None:
            raise RequestError(NOT_FOUND, 404)
        if target.tid != terminal.tid:
            raise RequestError({"OriginalIdentifier": ["The transaction belongs to another terminal."]})
        if not target.approved or target.voided:
            raise RequestError({"OriginalIdentifier": ["The transaction is not approved or already voided."]})
        reference = reference or f"VOID-{uuid.uuid4().hex[:12]}"
        self._unique(reference)
        intent = Intent(uuid.uuid4().hex, terminal.id, terminal.tid, target.txn_type, target.amount, reference,
                        terminal.model.now(), tip=target.tip, initial_transaction=target.transaction_id,
                        is_void=True)
        self.intents.append(intent)
        void = Charge(ChargeOperation.VOID, target.amount, reference, proof_checked=True)  # the sale was signed
        self._spawn(self._run(intent, terminal, void, None, void_of=target))
        return intent, timeout

    async def wait(self, intent: Intent, timeout_s: float) -> Intent:
        """Wait up to ``timeout_s`` (simulated) seconds for the intent's result; the intent as it is then."""
        if timeout_s > 0 and not intent.done.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(intent.done.wait()), self.scaled(timeout_s))
        return intent

    def _unique(self, reference: str) -> None:
        if any(i.customer_reference == reference for i in self.intents):
            raise RequestError({"CustomerReference": ["An intent with this CustomerReference already exists."]})

    def _original(self, txn_type: TxnType, initial: str | None, amount: int) -> HostTransaction | None:
        if initial is None:
            return None
        if txn_type not in (TxnType.REFUND, TxnType.PREAUTH_COMPLETION):
            raise RequestError({"InitialTransaction": ["Only refunds and pre-authorisation completions refer to "
                                                       "a transaction."]})
        original = self.transaction(initial)
        problem = None
        if original is None:
            problem = "Unknown transaction."
        elif not original.approved or original.voided:
            problem = "The original transaction is not approved or was voided."
        elif txn_type is TxnType.REFUND and original.txn_type in (TxnType.REFUND, TxnType.PREAUTH):
            problem = "A refund must refer to a sale."
        elif txn_type is TxnType.REFUND and amount > original.amount - original.refunded:
            problem = f"The refund exceeds what is left to refund ({original.amount - original.refunded})."
        elif txn_type is TxnType.PREAUTH_COMPLETION and (original.txn_type is not TxnType.PREAUTH or original.completed):
            problem = "A completion must refer to an open pre-authorisation."
        elif txn_type is TxnType.PREAUTH_COMPLETION and amount > original.amount:
            problem = "The completion exceeds the pre-authorised amount."
        if problem:
            raise RequestError({"InitialTransaction": [problem]})
        return original

    def _spawn(self, work: Any) -> asyncio.Task[None]:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def _run(self, intent: Intent, terminal: SimTerminal, charge: Charge, original: HostTransaction | None,
                   *, void_of: HostTransaction | None = None) -> None:
        model = terminal.model
        if self.clock.now() < terminal.busy_until:
            intent.complete(Result.BUSY, "Κλείσιμο πακέτου σε εξέλιξη στο τερματικό")
            return
        refusal = model.accept(charge)
        if refusal is not None:
            busy = refusal.value == "busy"
            intent.complete(Result.BUSY if busy else Result.FAILED,
                            "Το τερματικό είναι απασχολημένο" if busy else "Επαναλαμβανόμενη αναφορά")
            return
        intent.status = Status.SENT
        try:
            outcome = await model.process(charge)
            self._settle(intent, terminal, charge, outcome, original, void_of)
            log.info("WebECR %s %s ποσό %d → %s %s%s", charge.operation, charge.reference or "(τερματικό)",
                     charge.amount_cents, intent.result.name if intent.result else "-", intent.message,
                     " (η απάντηση χάνεται)" if intent.drop_next else "")
        except asyncio.CancelledError:
            intent.complete(Result.UNKNOWN, "Ο προσομοιωτής σταμάτησε")
            raise
        finally:
            model.finish()

    def _settle(self, intent: Intent, terminal: SimTerminal, charge: Charge, outcome: TerminalOutcome,
                original: HostTransaction | None, void_of: HostTransaction | None) -> None:
        approval = outcome.approval
        code = outcome.response_code
        if approval is None:
            if outcome.drop_reply:
                intent.complete(Result.UNKNOWN, "Το τερματικό δεν ανέφερε αποτέλεσμα")
            elif outcome.batch_full:
                intent.complete(Result.MAX_TRANSACTIONS, "Το πακέτο είναι γεμάτο: κλείστε το πακέτο στο τερματικό",
                                code.value)
            else:
                result = (Result.CANCELLED if code is ResponseCode.CANCELLED else
                          Result.DECLINED if code in _DECLINES else Result.FAILED)
                intent.complete(result, code.message, code.value)
            return
        path = "txnvoid" if void_of is not None else "txninit"
        dropped = outcome.drop_reply or self.faults.take(Fault.DROP_AFTER_CHARGE, path) is not None
        linked = void_of if void_of is not None else original
        terminal.model.record(charge, approval, delivered=not dropped, txn_type=int(intent.txn_type),
                              customer_reference=intent.customer_reference, intent_id=intent.id,
                              original_transaction_id=linked.transaction_id if linked is not None else None,
                              cashback_cents=intent.cashback, instalments=intent.instalments,
                              preload=intent.preload)
        if void_of is not None:
            void_of.voided, void_of.void_timestamp = True, approval.time
            transaction = void_of
        else:
            transaction = HostTransaction(
                len(self.transactions) + 1, approval.transaction_id, intent.txn_type, approval.time, approval.tid,
                terminal.mid, terminal.acquirer, approval.amount_cents,
                tip=approval.final_amount_cents - approval.amount_cents, cashback=intent.cashback,
                instalments=intent.instalments, pan_masked=approval.pan_masked, card_type=approval.card_type,
                stan=approval.stan, batch=approval.batch, rrn=approval.rrn, auth_code=approval.auth_code,
                original_rrn=original.rrn if original else None,
                original_auth_code=original.auth_code if original else None,
                customer_reference=intent.customer_reference or None)
            self.transactions.append(transaction)
            if original is not None and intent.txn_type is TxnType.REFUND:
                original.refunded += approval.amount_cents
            elif original is not None:
                original.completed = True
        intent.drop_next = dropped
        intent.complete(Result.APPROVED, outcome.message, code.value, transaction)

    # ----- preloaded payments -----
    def sweep(self) -> None:
        """Preloads nobody paid in time expire (Result CANCELLED, ``PreloadExpired``)."""
        now = self.clock.now()
        for intent_id, deadline in list(self._deadlines.items()):
            if now >= deadline:
                self._expire(next(i for i in self.intents if i.id == intent_id))

    def _expire(self, intent: Intent) -> None:
        self._deadlines.pop(intent.id, None)
        now = self.first_terminal().model.now()
        if intent.preload_expires_at is None or intent.preload_expires_at > now:  # expired early (time scale, tests)
            intent.preload_expires_at = now
        intent.extra["PreloadExpired"] = True
        intent.complete(Result.CANCELLED, "Η προφορτωμένη συναλλαγή έληξε χωρίς πληρωμή")

    def pending_preloads(self) -> list[Intent]:
        self.sweep()
        return [i for i in self.intents if i.preload and i.status is Status.PENDING]

    def _pending_preload(self, identifier: str) -> Intent:
        intent = self.intent(identifier, by_reference=True)
        if not intent.preload:
            raise RequestError({"detail": "Not a preloaded transaction."})
        if intent.status is not Status.PENDING:
            raise RequestError({"detail": "The preloaded transaction is no longer waiting (paid or expired)."})
        return intent

    async def pay_preload(self, identifier: str, amount_cents: int | None = None) -> Intent:
        """The cashier picks the preload on the terminal and takes the card, for its amount or a lower one."""
        intent = self._pending_preload(identifier)
        amount = intent.amount if amount_cents is None else amount_cents
        if not 0 < amount <= intent.amount:
            raise RequestError({"Amount": [f"The amount paid must be between 1 and {intent.amount}."]})
        terminal = self.terminals[intent.terminal_id]
        if terminal.model.busy or self.clock.now() < terminal.busy_until:  # it stays on the terminal's list
            raise RequestError({"detail": "The terminal is busy: pay the preloaded transaction later."}, 409)
        self._deadlines.pop(intent.id, None)
        charge = Charge(_OPERATIONS.get(intent.txn_type, ChargeOperation.SALE), amount, intent.customer_reference,
                        tip_cents=intent.tip, proof_checked=True)  # its proof was checked when it was preloaded
        await self._run(intent, terminal, charge, None)
        return intent

    def expire_preload(self, identifier: str) -> Intent:
        """The preload expires now (or was removed from the terminal)."""
        intent = self._pending_preload(identifier)
        self._expire(intent)
        return intent

    # ----- the terminal by hand -----
    async def terminal_transaction(self, terminal_id: int, txn_type: TxnType, amount_cents: int, *,
                                   tip_cents: int = 0, instalments: int = 0) -> Intent:
        """A transaction made on the terminal's own menu, not from a register (no CustomerReference).

        Returns the (unlisted) intent it ran as; its ``transaction`` is listed under ``transaction/`` when
        approved.
        """
        terminal = self.terminal(terminal_id)
        self._by_hand += 1
        reference = f"TERMINAL-{terminal.id}-{self._by_hand}"
        intent = Intent(uuid.uuid4().hex, terminal.id, terminal.tid, txn_type, amount_cents, "",
                        terminal.model.now(), tip=tip_cents, instalments=instalments)
        charge = Charge(_OPERATIONS.get(txn_type, ChargeOperation.SALE), amount_cents, reference, tip_cents=tip_cents,
                        proof_checked=True)
        await self._run(intent, terminal, charge, None)
        return intent

    def close_batch(self, terminal_id: int, busy_s: float = 0.0) -> int:
        """«Κλείσιμο Πακέτου» on the terminal: a new batch; requests meanwhile (``busy_s``) get BUSY."""
        terminal = self.terminal(terminal_id)
        terminal.busy_until = self.clock.now() + busy_s
        return terminal.model.close_batch()

    # ----- life -----
    async def wait_idle(self) -> None:
        """Wait until every running intent has its outcome."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
