"""The background sender of the myDATA outbox (asyncio, no Qt): every owed document reaches myDATA exactly once.

One pass takes the due rows oldest first. For each: the document is built from the stored (immutable) receipt,
the row is committed ``sending``, the request goes out, and the answer is committed — the MARK on the row and
its receipt together. Nothing is lost to a crash: rows left ``sending`` go back to ``pending`` at start-up and
are sent again only because no MARK was stored; if the first request did arrive, myDATA answers "duplicate"
with the existing MARK, and that MARK is stored (the database refuses a second, different one).

Lost connection: the row waits with exponential backoff; on the ERP channel a receipt that could not be
transmitted is flagged ``transmissionFailure = 3`` (issued offline, printed, transmitted later), and is sent
with the flag. Refusals (XSD, business rules, credentials) mark the row ``failed`` with the error in Greek for
the admin, who retries after fixing the cause.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nexipos_desktop.fiscal.mydata_client import (
    MyDataClient, MyDataHttpError, MyDataNoAnswer, MyDataTransportError, MyDataUnreachable,
)
from nexipos_desktop.fiscal.mydata_response import ResponseItem
from nexipos_desktop.fiscal.outbox_documents import (
    AlreadyTransmitted, Refuse, SendRequest, WaitFor, prepare_request,
)
from nexipos_desktop.storage import mydata_outbox as outbox
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Receipt
from nexipos_desktop.storage.mydata_models import MyDataOutbox

log = logging.getLogger(__name__)
#: transmissionFailure for a lost connection: allowed on the ERP channel only.
CONNECTION_LOST = 3


@dataclass(frozen=True)
class Backoff:
    """Waits between tries: ``first_s``, doubling, at most ``max_s``; divided by ``time_scale`` (tests)."""

    first_s: float = 10.0
    factor: float = 2.0
    max_s: float = 900.0
    time_scale: float = 1.0

    def delay(self, attempts: int) -> float:
        return min(self.first_s * self.factor ** max(attempts - 1, 0), self.max_s) / self.time_scale


class OutboxSender:
    """Sends due outbox rows in the background; ``wake()`` after queueing, ``add_listener`` for changes."""

    def __init__(self, db: Database, client: MyDataClient, *, backoff: Backoff = Backoff(),
                 clock: Callable[[], float] = time.time, poll_s: float = 60.0) -> None:
        self.db = db
        self.client = client
        self.backoff = backoff
        self.clock = clock
        self.poll_s = poll_s
        self.channel = client.config.channel
        self.online: bool | None = None  # None until the first answer (or failure)
        self.last_problem = ""
        self._listeners: list[Callable[[], None]] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self._woken = False
        self._wake_waiter: asyncio.Future | None = None
        self._change_waiters: list[asyncio.Future] = []
        self._task: asyncio.Task | None = None
        self._connection_lost = False

    # ----- life cycle -----
    def start(self) -> asyncio.Task:
        """Run in the background on the current loop (after start-up)."""
        self._loop = asyncio.get_event_loop()
        self._task = self._loop.create_task(self.run())
        return self._task

    async def stop(self) -> None:
        """Stop sending (a request on the wire stays ``sending``: resolved at the next start) and close."""
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None
        await self.client.close()

    def add_listener(self, callback: Callable[[], None]) -> None:
        """``callback()`` after every change of the outbox this sender makes (on the loop's thread)."""
        self._listeners.append(callback)

    def wake(self) -> None:
        """Look for due documents now (a receipt was just queued, or the admin asked for a retry). Safe to call
        from a worker thread (a deferred card payment settled there): it then hops onto the sender's loop."""
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if self._loop is not None and running is not self._loop:
            self._loop.call_soon_threadsafe(self.wake)
            return
        self._woken = True
        if self._wake_waiter is not None and not self._wake_waiter.done():
            self._wake_waiter.set_result(None)

    async def run(self) -> None:
        """Resolve rows a crash left on the wire, then send due rows for ever, sleeping until the next is due."""
        self._loop = self._loop or asyncio.get_event_loop()
        recovered = await _db(outbox.recover_in_flight, self.db)
        if recovered:
            log.warning("myDATA: %d document(s) were on the wire at the last stop; sent again if no MARK", recovered)
            self._notify()
        while True:
            try:
                await self.send_due()
            except Exception:  # a database or programming error must not stop transmission for good
                log.exception("myDATA sender pass failed")
            await self._sleep()

    async def _sleep(self) -> None:
        try:
            due = await _db(outbox.next_due_at, self.db)
        except Exception:  # e.g. the database locked by another program: look again after a while
            log.exception("myDATA sender cannot read the outbox")
            due = None
        delay = self.poll_s if due is None else min(max(due - self.clock(), 0.0), self.poll_s)
        if self._woken:
            self._woken = False
            return
        self._wake_waiter = self._loop.create_future()
        await _until(self._loop, self._wake_waiter, delay)
        self._wake_waiter, self._woken = None, False

    async def wait_transmitted(self, receipt_id: int, timeout: float) -> bool:
        """Wait up to ``timeout`` s for the receipt's MARK (a print can then carry it); True when it has one."""
        loop = self._loop or asyncio.get_event_loop()
        deadline = loop.time() + timeout
        while True:
            if await _db(_receipt_mark, self.db, receipt_id) is not None:
                return True
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            waiter = loop.create_future()
            self._change_waiters.append(waiter)
            try:
                await _until(loop, waiter, min(remaining, 0.5))
            finally:
                self._change_waiters.remove(waiter)

    # ----- one pass -----
    async def send_due(self, *, due_by: float | None = None) -> int:
        """Send every row due by ``due_by`` (default now) once; stops early when myDATA is out of reach.

        Returns how many were transmitted.
        """
        rows = await _db(outbox.due_documents, self.db, self.clock() if due_by is None else due_by)
        sent = 0
        for index, row in enumerate(rows):
            result = await self.send_one(row)
            if result is None:  # myDATA out of reach: the rest wait too (and were not transmitted either)
                if self._connection_lost:
                    for later in rows[index + 1:]:
                        await self._retry(later, "connection", self.last_problem, connection_lost=True)
                break
            sent += result
        return sent

    async def send_one(self, row: MyDataOutbox) -> int | None:
        """Send one row: 1 sent, 0 not (waiting or refused), None when myDATA could not be reached."""
        prepared = await _db(prepare_request, self.db, row)
        if isinstance(prepared, WaitFor):
            await _db(outbox.postpone, self.db, row.id, self.clock() + self.backoff.delay(1), prepared.message)
            return 0
        if isinstance(prepared, Refuse):
            await self._fail(row, prepared.code, prepared.message)
            return 0
        if isinstance(prepared, AlreadyTransmitted):
            await _db(outbox.record_sent, self.db, row.id, mark=prepared.mark, note="Είχε ήδη ΜΑΡΚ")
            self._notify()
            return 1
        claimed = await _db(outbox.claim, self.db, row.id, self.channel)
        if claimed is None:
            return 0
        self._notify()
        try:
            items = await self._request(prepared)
        except MyDataTransportError as exc:
            return await self._transport_failed(claimed, exc)
        except Exception as exc:  # a bug below us must not leave the row "sending" until the next start
            log.exception("myDATA request failed")
            await self._retry(claimed, "error", f"Απρόσμενο σφάλμα αποστολής: {exc}")
            return None
        self.online, self.last_problem = True, ""
        return await self._record_answer(claimed, prepared, items[0])

    async def _request(self, prepared: SendRequest) -> list[ResponseItem]:
        if prepared.path == "invoice":
            return await self.client.send_invoices(prepared.body)
        if prepared.path == "payment_methods":
            return await self.client.send_payment_methods(prepared.body)
        return [await self.client.cancel_invoice(prepared.mark)]

    async def _transport_failed(self, row: MyDataOutbox, exc: MyDataTransportError) -> int | None:
        log.warning("myDATA %s of receipt %s not delivered: %s", row.kind, row.receipt_id, exc)
        self.last_problem = str(exc)
        self._connection_lost = isinstance(exc, (MyDataUnreachable, MyDataNoAnswer))
        if isinstance(exc, MyDataHttpError) and not exc.retryable:
            await self._fail(row, str(exc.status), str(exc))
            return None if exc.status in (401, 403) else 0
        lost = self._connection_lost
        self.online = False if lost else self.online
        code = "connection" if isinstance(exc, MyDataUnreachable) else (
            "no_answer" if isinstance(exc, MyDataNoAnswer) else str(getattr(exc, "status", "")))
        await self._retry(row, code, str(exc), connection_lost=lost)
        return None

    async def _record_answer(self, row: MyDataOutbox, prepared: SendRequest, item: ResponseItem) -> int:
        if item.ok:
            fields = _success_fields(row.kind, item)
            if fields is None:
                await self._retry(row, "no_mark", "Το myDATA απάντησε «Success» χωρίς ΜΑΡΚ")
                return 0
            await _db(outbox.record_sent, self.db, row.id, **fields)
            self._notify()
            return 1
        if row.kind == "invoice" and item.duplicate_mark is not None:
            # the first request did arrive (its answer was lost): myDATA names the MARK it gave then
            await _db(outbox.record_sent, self.db, row.id, mark=item.duplicate_mark, uid=prepared.uid,
                      note="Είχε ήδη διαβιβαστεί· καταχωρίστηκε το υπάρχον ΜΑΡΚ")
            self._notify()
            return 1
        message = item.greek_errors()
        if item.is_duplicate:
            message += " — το ΜΑΡΚ δεν επιστράφηκε: αναζητήστε το στο myDATA"
        await self._fail(row, item.errors[0].code if item.errors else item.status_code, message)
        return 0

    async def _retry(self, row: MyDataOutbox, code: str, message: str, *, connection_lost: bool = False) -> None:
        flag = CONNECTION_LOST if connection_lost and self.channel == "erp" and row.kind == "invoice" else None
        attempts = max(row.attempts, 1)
        await _db(outbox.record_retry, self.db, row.id, self.clock() + self.backoff.delay(attempts), code, message,
                  transmission_failure=flag)
        self._notify()

    async def _fail(self, row: MyDataOutbox, code: str, message: str) -> None:
        await _db(outbox.record_failed, self.db, row.id, code, message)
        self._notify()

    def _notify(self) -> None:
        for waiter in self._change_waiters:
            if not waiter.done():
                waiter.set_result(None)
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("myDATA listener failed")

    # ----- building the request (worker thread) -----
def _success_fields(kind: str, item: ResponseItem) -> dict[str, Any] | None:
    if kind == "invoice":
        if item.mark is None:
            return None
        return {"mark": item.mark, "uid": item.uid, "authentication_code": item.authentication_code,
                "qr_url": item.qr_url}
    if kind == "payment_methods":
        return None if item.payment_method_mark is None else {"mark": item.payment_method_mark}
    return None if item.cancellation_mark is None else {"cancellation_mark": item.cancellation_mark}


def _receipt_mark(db: Database, receipt_id: int) -> int | None:
    with db.read() as session:
        receipt = session.get(Receipt, receipt_id)
        return receipt.mark if receipt else None


async def _until(loop: asyncio.AbstractEventLoop, waiter: asyncio.Future, timeout: float) -> None:
    """Wait for ``waiter`` at most ``timeout`` s. Built on the loop itself, not on the *running* loop: under
    qasync a task may be stepped while Qt processes events outside ``run_forever``."""
    timer = loop.call_later(timeout, lambda: waiter.done() or waiter.set_result(None))
    try:
        await waiter
    finally:
        timer.cancel()


async def _db(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Blocking database work on a worker thread (the loop's executor: works under qasync too)."""
    loop = asyncio.get_event_loop()
    return await loop.run_in_executor(None, functools.partial(function, *args, **kwargs))
