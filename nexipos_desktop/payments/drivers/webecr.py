"""The cloud driver: a NEXI terminal over WebECR (``webecr-api.md``), paired with the pairing code.

One payment is one ``txninit`` (or ``txnvoid``) carrying our ``CustomerReference`` — the attempt's reference,
committed by the service before the request goes out. Results come back either within the request (``sync``:
``Timeout`` up to the server's 180 s) or by polling ``transactionintent/?CustomerReference=…`` (``async``,
and whenever a synchronous wait ends before the terminal does).

Exactly once: once a ``txninit`` may have reached the server (client timeout, 5xx, dropped connection, a reply
that is not JSON, Result UNKNOWN) the driver only *queries* by the reference, with backoff, for
``webecr.recovery_s`` (at least the rest of the result timeout); it never sends a second ``txninit``. If the
query does not settle it, the outcome is :class:`InDoubt`. Failures before anything was processed (no
connection, TLS, refused credentials, a revoked key, a 4xx refusal) are :class:`Failed` — nothing charged. A
revoked key is ``Failed(code="pair_again")`` and :attr:`WebEcrDriver.pairing_problem` says so: the admin must
pair again; it is not a declined payment.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import ClassVar

import httpx

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.contract import Busy, EchoResult, Failed, InDoubt, Operation, PaymentOutcome
from nexipos_desktop.payments.contract import PaymentRequest, ProgressCallback, TerminalConfig, TerminalState
from nexipos_desktop.payments.contract import TerminalTransaction, UnsupportedOperation
from nexipos_desktop.payments.drivers.ecr_socket import build_amount_request
from nexipos_desktop.payments.drivers.progress import SafeProgress
from nexipos_desktop.payments.ecr_codec import encode
from nexipos_desktop.payments.ecr_framing import strip_prefix
from nexipos_desktop.payments.registry import register_driver
from nexipos_desktop.payments.webecr.account import MAX_SYNC_WAIT_S, AccountError, account_from_settings
from nexipos_desktop.payments.webecr.client import WebEcrClient, fetch_all
from nexipos_desktop.payments.webecr.errors import PAIR_AGAIN, PairAgain, WebEcrError
from nexipos_desktop.payments.webecr.messages import CHECK, DEFAULT_PRELOAD_MINUTES, NEEDS_ORIGINAL, TXN_TYPES
from nexipos_desktop.payments.webecr.messages import Intent, ReplyFormatError
from nexipos_desktop.payments.webecr.messages import ResultCode, Status, intent_outcome, parse_intent
from nexipos_desktop.payments.webecr.messages import parse_transaction, txninit_body, txnvoid_body
from nexipos_desktop.secrets import get_secret, set_secret

log = logging.getLogger(__name__)
_NOTHING_CHARGED = " Δεν έγινε χρέωση."
_BUSY_HERE = "Το ταμείο περιμένει ήδη απάντηση από το τερματικό για άλλη συναλλαγή"
_MARGIN_S = 20.0  # beyond the server's own wait, before the client gives up on a synchronous reply
_MAX_BACKOFF_S = 30.0


@register_driver("webecr")
class WebEcrDriver:
    """A WebECR terminal: settings ``webecr.*`` + ``terminal.tid`` in ``config.extra``, secrets from the keyring.

    ``transport`` (tests: ``httpx.MockTransport``), ``sleep`` and the secret accessors can be injected.
    """

    name: ClassVar[str] = "webecr"
    capabilities: ClassVar[frozenset[Operation]] = frozenset(
        {Operation.ECHO, Operation.VOID, Operation.STATUS_QUERY, Operation.TRANSACTION_LIST, *TXN_TYPES})
    uses_session_numbers: ClassVar[bool] = True  # the ECR-token route signs a socket AMOUNT command with a session

    def __init__(self, config: TerminalConfig, *, transport: httpx.AsyncBaseTransport | None = None,
                 secret: Callable[[str], str | None] = get_secret,
                 save_secret: Callable[[str, str | None], None] = set_secret,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 clock: Callable[[], datetime] = athens_now) -> None:
        extra = config.extra
        self.account = account_from_settings(extra, secret=secret)
        self.mode = extra.get("webecr.mode", "sync")
        self._result_timeout = float(config.result_timeout_s)
        self._poll_s = float(extra.get("webecr.poll_interval_s", 2.0))
        self._recovery_s = float(extra.get("webecr.recovery_s", 60.0))
        self._ecr_no = config.ecr_no
        self._sleep, self._clock = sleep, clock
        self._client = WebEcrClient(self.account, transport=transport, on_refresh_token=lambda token: save_secret(
            "webecr.refresh_token", token or None))
        self._lock = asyncio.Lock()
        #: Set (Greek text) when the server refused the API key: the UI offers "pair again".
        self.pairing_problem: str | None = None

    # ----- contract -----
    async def echo(self) -> EchoResult | Failed:
        """Zero-risk check: credentials, key and the paired terminal (``GET terminal/?TerminalID=``)."""
        try:
            self.account.check(need_terminal=True)
            rows = await fetch_all(self._client, "terminal/", {"TerminalID": self.account.tid} if self.account.tid
                                   else None)
        except AccountError as exc:
            return Failed(str(exc), "config")
        except WebEcrError as exc:
            return self._refused(exc, "")
        for row in rows:
            if str(row.get("id", row.get("Id"))) == self.account.terminal_id:
                tid = str(row.get("TerminalID") or self.account.tid)
                acquirer = str(row.get("Acquirer") or "")
                self.pairing_problem = None
                return EchoResult(tid, f"WebECR {acquirer}".strip(), str(row))
        return Failed(f"Το τερματικό WebECR «{self.account.tid or self.account.terminal_id}» δεν είναι πια "
                      "διαθέσιμο σε αυτόν τον λογαριασμό: κάντε ξανά σύζευξη.", "no_terminal")

    async def execute(self, request: PaymentRequest, progress: ProgressCallback | None = None) -> PaymentOutcome:
        """Run one operation; expected results are outcomes (see the module docstring)."""
        if request.operation not in self.capabilities or request.operation in (Operation.ECHO,
                                                                               Operation.STATUS_QUERY,
                                                                               Operation.TRANSACTION_LIST):
            raise UnsupportedOperation(f"Ο οδηγός webecr δεν εκτελεί «{request.operation}»")
        if self._lock.locked():
            return Busy(_BUSY_HERE)
        async with self._lock:
            outcome = await self._execute(request, _Progress(progress))
        if not isinstance(outcome, Failed | InDoubt):
            self.pairing_problem = None  # the server answered about the payment: the key was accepted
        log.info("WebECR %s %s ποσό %d: %s", request.operation.value, request.reference, request.amount_cents,
                 outcome.kind)
        return outcome

    async def query(self, reference: str) -> PaymentOutcome | None:
        """What the host knows of the attempt ``reference`` (``transactionintent/?CustomerReference=``).

        None: no intent with this reference (nothing was charged). InDoubt: still running, or the host could not
        be asked now (its message says why)."""
        try:
            intent = await self._find(reference)
        except (WebEcrError, ReplyFormatError) as exc:
            if isinstance(exc, PairAgain):
                self.pairing_problem = exc.message
            return InDoubt(f"Δεν ήταν δυνατός ο έλεγχος στο WebECR: {_message(exc)}", getattr(exc, "raw", ""))
        if intent is None:
            return None
        outcome = intent_outcome(intent, reference=reference, amount_cents=None, tid=self.account.tid)
        return outcome or InDoubt("Η συναλλαγή είναι ακόμη σε εξέλιξη στο τερματικό.", intent.raw)

    async def transactions(self, start: datetime, end: datetime) -> list[TerminalTransaction]:
        """The host's card transactions of ``[start, end]`` for this TID, every page. Raises WebEcrError."""
        params = {"Timestamp_min": start.isoformat(timespec="seconds"),
                  "Timestamp_max": end.isoformat(timespec="seconds")}
        if self.account.tid:
            params["TID"] = self.account.tid
        try:
            rows = await fetch_all(self._client, "transaction/", params)
        except PairAgain as exc:
            self.pairing_problem = exc.message
            raise
        return [txn for row in rows if (txn := parse_transaction(row)) is not None]

    async def close(self) -> None:
        await self._client.close()

    # ----- one payment -----
    async def _execute(self, request: PaymentRequest, progress: _Progress) -> PaymentOutcome:
        preload = request.operation is Operation.PRELOAD
        wait = 0 if self.mode == "async" or preload else int(min(self._result_timeout, MAX_SYNC_WAIT_S))
        progress(TerminalState.CONNECTING)
        try:
            self.account.check(need_terminal=True)
            path, body = await self._request_for(request, wait)
        except AccountError as exc:
            return Failed(str(exc) + _NOTHING_CHARGED, "config")
        except _NoOriginal as exc:
            return Failed(exc.message + _NOTHING_CHARGED, "no_original")
        except WebEcrError as exc:  # looking up the original: nothing has been sent yet
            return self._refused(exc, _NOTHING_CHARGED)
        except ReplyFormatError as exc:
            return Failed(f"Η αρχική συναλλαγή δεν βρέθηκε με βεβαιότητα: {exc}{_NOTHING_CHARGED}", "malformed")
        except ValueError as exc:  # a request the contract cannot carry (e.g. two proofs): a programming error
            log.error("WebECR %s: μη έγκυρο αίτημα (%s)", request.reference, exc)
            return Failed(f"Μη έγκυρο αίτημα πληρωμής ({exc}).{_NOTHING_CHARGED}", "invalid_request")
        progress(TerminalState.SENT)
        progress(TerminalState.WAITING_FOR_CARD)
        started = asyncio.get_running_loop().time()
        try:
            reply = await self._client.post(path, body, timeout=wait + _MARGIN_S if wait else None)
            intent = parse_intent(reply.data, reply.text)
        except WebEcrError as exc:
            if not exc.sent:
                return self._refused(exc, _NOTHING_CHARGED)
            log.warning("WebECR %s: η απάντηση χάθηκε (%s), έλεγχος με την αναφορά", request.reference, exc.code)
            return await self._follow(request, self._budget(started), InDoubt(exc.message + CHECK, exc.raw))
        except ReplyFormatError as exc:
            return await self._follow(request, self._budget(started), InDoubt(str(exc) + CHECK, reply.text[:2000]))
        outcome = intent_outcome(intent, reference=request.reference, amount_cents=_expected(request),
                                 tid=self.account.tid, preload_minutes=_preload_minutes(request))
        if outcome is None or (intent.result == ResultCode.UNKNOWN and isinstance(outcome, InDoubt)):
            progress.intent(intent)
            return await self._follow(request, self._budget(started), outcome)
        return outcome

    async def _request_for(self, request: PaymentRequest, wait: int) -> tuple[str, dict]:
        terminal = f"terminal/{self.account.terminal_id}/"
        original = request.original
        if request.operation is Operation.VOID:
            if original is not None and original.transaction_id:
                return terminal + "txnvoid/", txnvoid_body(original.transaction_id, False, request.reference)
            if original is not None and original.reference:
                intent = await self._find(original.reference)
                if intent is not None:
                    return terminal + "txnvoid/", txnvoid_body(intent.id, True, request.reference)
            raise _NoOriginal("Για ακύρωση χρειάζεται η αρχική συναλλαγή (αριθμός συναλλαγής ή αναφορά).")
        initial = None
        if request.operation in NEEDS_ORIGINAL:
            initial = original.transaction_id if original is not None else None
            if not initial and original is not None and original.reference:
                found = await self._find(original.reference)
                initial = found.transaction_id if found is not None else None
            if not initial:
                raise _NoOriginal("Χρειάζεται ο αριθμός της αρχικής συναλλαγής (TransactionId).")
        return terminal + "txninit/", txninit_body(
            request, timeout_s=wait, initial_transaction=initial, signature_field=self.account.signature_field,
            amount_command=self._amount_command(request))

    def _amount_command(self, request: PaymentRequest) -> str | None:
        """The signed socket AMOUNT command for the ECR-token route (A.1155 version 10, ``/Q`` = the token)."""
        if request.ecr_token is None:
            return None
        if request.session is None:
            raise AccountError("Η διαδρομή ECR token θέλει αριθμό συνεδρίας από την υπηρεσία πληρωμών")
        kind = request.operation if request.operation in (Operation.REFUND, Operation.CASH_ADVANCE) else Operation.SALE
        message = build_amount_request(replace(request, operation=kind), ecr_no=self._ecr_no, timestamp=self._clock())
        return strip_prefix(encode(message)).decode("iso-8859-7")

    def _budget(self, started: float) -> float:
        """How long to keep asking after a send: the rest of the result timeout, at least the recovery window."""
        spent = asyncio.get_running_loop().time() - started
        return max(self._result_timeout - spent, self._recovery_s)

    async def _follow(self, request: PaymentRequest, budget_s: float, last: PaymentOutcome | None
                      ) -> PaymentOutcome:
        """Poll ``transactionintent/?CustomerReference=`` until the outcome is known or ``budget_s`` is spent.

        Polls every ``poll_interval_s`` while the terminal works; backs off (doubling, up to 30 s) while the
        server cannot be reached, has no record yet or reports UNKNOWN. Only while the terminal is still working
        on it does the wait go on to the end of the result timeout; otherwise it ends after ``recovery_s``.
        Never re-sends the request."""
        waited, delay, running, unknown_to_host = 0.0, self._poll_s, last is None, False
        reason = last.reason if isinstance(last, InDoubt) else "Το τερματικό δεν ολοκλήρωσε τη συναλλαγή εγκαίρως."
        raw = getattr(last, "raw", "")
        if not reason.endswith(CHECK):
            reason += CHECK
        while waited < (limit := budget_s if running else min(budget_s, self._recovery_s)):
            step = min(delay, limit - waited)
            await self._sleep(step)
            waited += step
            try:
                intent = await self._find(request.reference)
            except (WebEcrError, ReplyFormatError) as exc:
                if isinstance(exc, PairAgain):
                    self.pairing_problem = exc.message
                delay = min(delay * 2, _MAX_BACKOFF_S)
                continue
            if intent is None:  # not (yet) known: the request may still be on its way
                unknown_to_host = True
                delay = min(delay * 2, _MAX_BACKOFF_S)
                continue
            unknown_to_host = False
            raw, running = intent.raw, not intent.finished
            outcome = intent_outcome(intent, reference=request.reference, amount_cents=_expected(request),
                                     tid=self.account.tid, preload_minutes=_preload_minutes(request))
            if outcome is not None and not (intent.result == ResultCode.UNKNOWN and isinstance(outcome, InDoubt)):
                return outcome
            if outcome is not None:
                reason = outcome.reason
            delay = self._poll_s if running else min(delay * 2, _MAX_BACKOFF_S)
        if unknown_to_host:
            reason += f" Το WebECR δεν βρίσκει (ακόμη) συναλλαγή με αναφορά {request.reference}."
        return InDoubt(reason, raw)

    async def _find(self, reference: str) -> Intent | None:
        """The intent with our ``CustomerReference`` (other rows are ignored); several → ReplyFormatError."""
        rows = await fetch_all(self._client, "transactionintent/", {"CustomerReference": reference}, max_pages=5)
        mine = [row for row in rows if row.get("CustomerReference") == reference]
        if not mine:
            return None
        if len(mine) > 1:
            raise ReplyFormatError(f"Το WebECR έχει {len(mine)} συναλλαγές με την αναφορά {reference}.")
        return parse_intent(mine[0])

    def _refused(self, exc: WebEcrError, suffix: str) -> Failed:
        """Nothing was processed: a Failed with the error's code; a refused key also sets ``pairing_problem``."""
        if isinstance(exc, PairAgain):
            self.pairing_problem = exc.message
            return Failed(exc.message + suffix, PAIR_AGAIN, exc.raw)
        return Failed(exc.message + suffix, exc.code, exc.raw)


class _NoOriginal(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _expected(request: PaymentRequest) -> int | None:
    return request.amount_cents


def _preload_minutes(request: PaymentRequest) -> int | None:
    if request.operation is not Operation.PRELOAD:
        return None
    return request.preload_expiry_minutes or DEFAULT_PRELOAD_MINUTES


def _message(exc: Exception) -> str:
    return getattr(exc, "message", None) or str(exc)


class _Progress(SafeProgress):
    """The caller's progress callback (failures never disturb the payment), fed from the intent's status too."""

    def intent(self, intent: Intent) -> None:
        self(TerminalState.WAITING_FOR_CARD if intent.status == Status.SENT else TerminalState.SENT)
