"""A small fake WebECR-like terminal for the preload and reconciliation tests: preloads wait until the test
"pays" them (possibly for less), expires or cancels them; charges approve at once; the host lists transactions."""

from __future__ import annotations

from datetime import datetime
from itertools import count

from sqlmodel import select

from nexipos_desktop.payments.contract import (
    Approved, Cancelled, Expired, Failed, Operation, Pending, TerminalTransaction,
)
from nexipos_desktop.storage.models import CardAttempt

TID = "64999999"


class FakePreloadTerminal:
    name = "fake_webecr"
    capabilities = frozenset({Operation.ECHO, Operation.SALE, Operation.VOID, Operation.REFUND, Operation.PRELOAD,
                              Operation.STATUS_QUERY, Operation.TRANSACTION_LIST})
    uses_session_numbers = False

    def __init__(self, db=None):
        self.db = db
        self.requests = []
        self.queries = []
        self.answers: dict[str, object] = {}  # reference → what query() answers
        self.listed: list[TerminalTransaction] = []
        self.preload_answer = None  # override execute()'s answer to a PRELOAD
        self.query_error: Exception | None = None
        self._rrn = count(133030119000)

    async def execute(self, request, progress=None):
        if self.db is not None:
            with self.db.read() as session:
                attempt = session.exec(select(CardAttempt).where(CardAttempt.reference == request.reference)).one()
                assert attempt.state == "sent", "the journal must say 'sent' before the driver is called"
        self.requests.append(request)
        if request.operation == Operation.PRELOAD:
            assert request.preload_expiry_minutes and request.preload_expiry_minutes > 0
            answer = self.preload_answer or Pending(request.reference, raw='{"Status":1}')
            self.answers.setdefault(request.reference, Pending(request.reference))
            return answer
        return self.approve(request.reference, request.amount_cents)

    def approve(self, reference, charged_cents, requested_cents=None):
        """The terminal charged ``charged_cents`` (e.g. the cashier lowered a preload's amount)."""
        rrn = str(next(self._rrn))
        outcome = Approved(tid=TID, amount_cents=requested_cents or charged_cents, final_amount_cents=charged_cents,
                           pan_masked="479275******3489", card_type="Visa", rrn=rrn, stan="000065",
                           auth_code="A1B2C3", transaction_id=f"0751217{rrn}", raw='{"Result":1}')
        self.answers[reference] = outcome
        self.listed.append(TerminalTransaction(tid=TID, rrn=rrn, amount_cents=charged_cents, operation=Operation.SALE,
                                               timestamp=datetime.now().astimezone(), auth_code="A1B2C3",
                                               transaction_id=outcome.transaction_id, reference=reference,
                                               pan_masked="479275******3489"))
        return outcome

    def pay(self, reference, charged_cents):
        return self.approve(reference, charged_cents)

    def expire(self, reference):
        self.answers[reference] = Expired("Έληξε στο τερματικό")

    def cancel(self, reference):
        self.answers[reference] = Cancelled("Ακυρώθηκε από τον χρήστη του τερματικού")

    def forget(self, reference):
        self.answers.pop(reference, None)

    async def query(self, reference):
        self.queries.append(reference)
        if self.query_error is not None:
            raise self.query_error
        return self.answers.get(reference)

    async def transactions(self, start, end):
        return [t for t in self.listed if t.timestamp is None or start <= t.timestamp < end]

    async def echo(self):
        return Failed("fake")

    async def close(self):
        pass
