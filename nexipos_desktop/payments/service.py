"""The exactly-once card payment service: journal first, then the wire; in doubt is resolved, never re-sent.

Flow of one card payment of an open sale:
1. the sale's number is reserved and its lines and UID stored (``open_sale``), so the signature has a UID;
2. the proof (provider signature or ECR token) is made and the attempt is committed as ``created``, then
   ``sent`` — both before a byte goes to the terminal;
3. the driver's outcome is committed; an approved amount counts towards the sale;
4. the receipt is issued only when approved card payments (plus cash) cover it.
A lost reply leaves the attempt ``in_doubt``: resolved by a status query where the driver has one, else by the
cashier from the terminal's slip. A restart first turns every unanswered attempt into ``in_doubt``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import select

from nexipos_desktop.payments import journal
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.contract import (
    Approved, InDoubt, Operation, OriginalTransaction, PaymentOutcome, PaymentRequest, Pending, ProgressCallback,
    TerminalDriver, TerminalKind, TerminalState, UnsupportedOperation, effective_capabilities,
)
from nexipos_desktop.payments.fiscal_route import FiscalRoute, ReceiptTotals, UnsignedRoute
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.codes import PAYMENT_CARD
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.receipts.payments import PaymentInput, cash_payment
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.drafts import draft_lines, open_drafts, save_draft
from nexipos_desktop.storage.models import CardAttempt, Receipt
from nexipos_desktop.storage.numbering import release_number
from nexipos_desktop.storage.receipt_store import issue_receipt

log = logging.getLogger(__name__)
#: Commits a driver's outcome for an attempt (``journal.commit_outcome`` or a replacement with the same shape).
OutcomeCommit = Callable[..., object]
_AUTH_CODE = re.compile(r"^[A-Za-z0-9]{6}$")
_RRN = re.compile(r"^\d{12}$")


@dataclass(frozen=True)
class OpenSale:
    """A sale holding a reserved receipt number, its stored lines and the UID card payments sign."""

    receipt_id: int
    number: int
    series: str
    uid: str
    invoice_type: str
    net_cents: int
    vat_cents: int
    total_cents: int

    @property
    def label(self) -> str:
        return f"{self.series}-{self.number}"


@dataclass(frozen=True)
class CardResult:
    attempt_id: int
    reference: str
    outcome: PaymentOutcome


class PaymentService:
    """Card payments for one till's terminal, with the journal in the till's database."""

    def __init__(self, db: Database, driver: TerminalDriver, *, kind: TerminalKind = TerminalKind.A920PRO,
                 terminal_name: str = "", tid: str = "", route: FiscalRoute | None = None,
                 cashier: str = "") -> None:
        self.db = db
        self.driver = driver
        self.kind = kind
        self.terminal_name = terminal_name or driver.name
        self.tid = tid
        self.route = route or UnsignedRoute()
        self.cashier = cashier or "system"
        self.capabilities = effective_capabilities(driver.capabilities, kind)

    # ----- sales -----
    def open_sale(self, lines: list[CartLine], *, invoice_type: str = "11.1", sale: OpenSale | None = None,
                  correlated_receipt_id: int | None = None) -> OpenSale:
        """Reserve the number (first time) and store the cart; refused once money may have moved on it."""
        with self.db.write() as session:
            if sale is not None and self._money_moved(session, sale.receipt_id):
                raise PaymentError("Η πώληση έχει ήδη πληρωμή με κάρτα· δεν αλλάζει πια το καλάθι")
            receipt = save_draft(session, lines, invoice_type=invoice_type, cashier=self.cashier,
                                 receipt_id=sale.receipt_id if sale else None,
                                 correlated_receipt_id=correlated_receipt_id)
            return _open_sale(receipt)

    def paid_cents(self, sale: OpenSale) -> int:
        """What approved card attempts have paid towards the sale."""
        with self.db.read() as session:
            return sum(journal.counted_cents(a.operation, a.amount_cents, a.final_amount_cents)
                       for a in journal.attempts_for_receipt(session, sale.receipt_id)
                       if a.state in journal.APPROVED_STATES)

    def abandon(self, sale: OpenSale) -> None:
        """Give the number back; refused while an approved or in-doubt payment refers to the sale."""
        with self.db.write() as session:
            if self._money_moved(session, sale.receipt_id):
                raise PaymentError("Η πώληση έχει εγκεκριμένη ή αβέβαιη πληρωμή με κάρτα και δεν μπορεί να ακυρωθεί")
            release_number(session, session.get(Receipt, sale.receipt_id))
            audit(session, self.cashier, "sale.abandoned", receipt_id=sale.receipt_id)

    def issue(self, sale: OpenSale, *, cash_tendered_cents: int | None = None) -> ReceiptDocument:
        """Issue the receipt with its approved card payments and, for any rest, cash."""
        with self.db.write() as session:
            attempts = journal.attempts_for_receipt(session, sale.receipt_id)
            if any(a.state in ("sent", "confirmed", "in_doubt") for a in attempts):
                raise PaymentError("Υπάρχει πληρωμή με κάρτα σε αβεβαιότητα: επιλύστε την πρώτα")
            payments = [card_payment_input(a) for a in attempts if a.state in journal.APPROVED_STATES]
            rest = sale.total_cents - sum(p.amount_cents for p in payments)
            if rest < 0:  # never issue a receipt whose card payments exceed it: that is a double charge to refund
                raise PaymentError("Οι εγκεκριμένες πληρωμές με κάρτα υπερβαίνουν το σύνολο: χρειάζεται ακύρωση μιας "
                                   "χρέωσης στο τερματικό πριν την έκδοση")
            if rest > 0:
                if cash_tendered_cents is None:
                    raise PaymentError(f"Απομένουν {rest / 100:.2f} € για πληρωμή".replace(".", ","))
                payments.append(cash_payment(rest, cash_tendered_cents))
            receipt = session.get(Receipt, sale.receipt_id)
            lines = draft_lines(session, sale.receipt_id)
            correlated = session.get(Receipt, receipt.correlated_receipt_id) if receipt.correlated_receipt_id else None
            return issue_receipt(session, lines, payments, invoice_type=receipt.invoice_type, cashier=self.cashier,
                                 reserved=receipt, correlated=correlated)

    @staticmethod
    def _money_moved(session, receipt_id: int) -> bool:
        return any(a.state in journal.MONEY_MAY_HAVE_MOVED for a in journal.attempts_for_receipt(session, receipt_id))

    # ----- card operations -----
    async def charge(self, sale: OpenSale, amount_cents: int, *, operation: Operation = Operation.SALE,
                     tip_cents: int = 0, instalments: int = 0, original: OriginalTransaction | None = None,
                     original_attempt_id: int | None = None, progress: ProgressCallback | None = None,
                     preload_expiry_minutes: int | None = None, commit: OutcomeCommit | None = None) -> CardResult:
        """Send one card operation for ``amount_cents`` of the sale; returns the committed outcome.

        ``commit`` replaces the journal's plain outcome commit (a preload issues its receipt in the same commit)."""
        if operation not in self.capabilities:
            raise UnsupportedOperation(f"Το τερματικό δεν υποστηρίζει «{operation.value}»")
        if amount_cents <= 0:
            raise PaymentError("Το ποσό της κάρτας πρέπει να είναι θετικό")
        if original_attempt_id is not None:
            original_attempt = await asyncio.to_thread(self._attempt, original_attempt_id)
            if original_attempt is None or original_attempt.state not in journal.APPROVED_STATES:
                raise PaymentError("Η αρχική πληρωμή με κάρτα δεν έχει εγκριθεί (π.χ. προφορτωμένη που περιμένει ή "
                                   "έληξε): δεν γίνεται ακύρωση ή επιστροφή στην κάρτα")
        attempt, request = await asyncio.to_thread(
            self._journal_charge, sale, amount_cents, operation, tip_cents, instalments, original, original_attempt_id,
            preload_expiry_minutes)
        outcome = await self._execute_journaled(attempt.id, request, progress, commit)
        return CardResult(attempt.id, attempt.reference, outcome)

    def _journal_charge(self, sale: OpenSale, amount_cents: int, operation: Operation, tip_cents: int,
                        instalments: int, original: OriginalTransaction | None,
                        original_attempt_id: int | None,
                        preload_expiry_minutes: int | None = None) -> tuple[journal.NewAttempt, PaymentRequest]:
        """Everything before the wire, on one worker thread: two commits, and only then may the request go out.

        1. one write transaction: refuse while an earlier attempt of the sale is unsettled or when the amount
           exceeds what is due (read under the write lock, so nothing slips in between), allocate the session
           number, insert the attempt as ``created`` with its audit entry — commit;
        2. the proof (provider signature or ECR token) over the command with that session number, outside any
           transaction; if it cannot be made the attempt is committed ``failed`` (nothing was sent);
        3. ``created`` → ``sent`` with the proof — commit.
        """
        def due_check(earlier: list[tuple[str, int]]) -> None:
            if any(state in journal.UNSETTLED for state, _ in earlier):
                raise PaymentError("Μια προηγούμενη πληρωμή αυτής της πώλησης είναι σε αβεβαιότητα: επιλύστε την "
                                   "πρώτα (μην ξαναχρεώσετε την κάρτα)")
            due = sale.total_cents - sum(amount for state, amount in earlier if state in journal.APPROVED_STATES)
            if amount_cents > due:
                raise PaymentError(f"Το ποσό υπερβαίνει το υπόλοιπο ({due / 100:.2f} €)".replace(".", ","))

        attempt = journal.open_attempt(
            self.db, needs_session=getattr(self.driver, "uses_session_numbers", False), actor=self.cashier,
            guard=due_check, receipt_id=sale.receipt_id, operation=operation.value, amount_cents=amount_cents,
            tip_cents=tip_cents, instalments=instalments, driver=self.driver.name, terminal=self.terminal_name,
            original_attempt_id=original_attempt_id)
        command = f"A/S{attempt.session or 0:06d}/F{amount_cents}:978:2"
        totals = ReceiptTotals(sale.uid, "", sale.net_cents, sale.vat_cents, sale.total_cents)
        try:
            proof = self.route.prove(totals, amount_cents, self.tid, command)
        except Exception as exc:
            journal.mark_unsent_failed(self.db, attempt.id, f"Δεν έγινε η υπογραφή της πληρωμής· δεν στάλθηκε "
                                       f"τίποτα: {exc}", actor=self.cashier)
            raise
        journal.mark_sent(self.db, attempt.id, signature_timestamp=proof.timestamp, signature=proof.text)
        request = PaymentRequest(
            operation=operation, reference=attempt.reference, amount_cents=amount_cents, receipt_number=sale.label,
            session=attempt.session, operator=self.cashier[:8] or "1", tip_cents=tip_cents, instalments=instalments,
            original=original, provider_proof=proof.provider, ecr_token=proof.ecr_token,
            preload_expiry_minutes=preload_expiry_minutes)
        return attempt, request

    async def _execute_journaled(self, attempt_id: int, request: PaymentRequest,
                                 progress: ProgressCallback | None, commit: OutcomeCommit | None = None) -> PaymentOutcome:
        """Send the request (its attempt is committed ``sent``) and commit the outcome before returning it."""
        try:
            outcome = await self._execute(request, progress)
        except asyncio.CancelledError:  # the till is closing mid-payment: the terminal may still charge
            journal.commit_outcome(self.db, attempt_id, InDoubt("Η αναμονή διακόπηκε από το ταμείο"), actor=self.cashier)
            raise
        await asyncio.to_thread(commit or journal.commit_outcome, self.db, attempt_id, outcome, actor=self.cashier)
        return outcome

    async def terminal_operation(self, operation: Operation, amount_cents: int, *,
                                 original: OriginalTransaction | None = None,
                                 progress: ProgressCallback | None = None) -> CardResult:
        """A card operation outside any sale (support, tests): journaled exactly like a sale's, unsigned."""
        if operation not in self.capabilities:
            raise UnsupportedOperation(f"Το τερματικό δεν υποστηρίζει «{operation.value}»")
        if amount_cents <= 0:
            raise PaymentError("Το ποσό της κάρτας πρέπει να είναι θετικό")
        attempt = await asyncio.to_thread(self._journal_terminal_operation, operation, amount_cents, original)
        request = PaymentRequest(operation=operation, reference=attempt.reference, amount_cents=amount_cents,
                                 session=attempt.session, operator=self.cashier[:8] or "1", original=original)
        outcome = await self._execute_journaled(attempt.id, request, progress)
        return CardResult(attempt.id, attempt.reference, outcome)

    def _journal_terminal_operation(self, operation: Operation, amount_cents: int,
                                    original: OriginalTransaction | None = None) -> journal.NewAttempt:
        """Worker thread: the attempt committed ``created``, then ``sent`` (two commits) before the wire. A void,
        refund or completion is linked to the register's own attempt it names, so reconciliation pairs them."""
        attempt = journal.open_attempt(
            self.db, needs_session=getattr(self.driver, "uses_session_numbers", False), actor=self.cashier,
            receipt_id=None, operation=operation.value, amount_cents=amount_cents, driver=self.driver.name,
            terminal=self.terminal_name, original_attempt_id=self._original_attempt_id(original))
        journal.mark_sent(self.db, attempt.id)
        return attempt

    def _original_attempt_id(self, original: OriginalTransaction | None) -> int | None:
        """The approved attempt of this register that ``original`` names unambiguously (by transaction id,
        reference or RRN), or None (e.g. a transaction made on the terminal's own menu)."""
        if original is None:
            return None
        for column, value in ((CardAttempt.transaction_id, original.transaction_id),
                              (CardAttempt.reference, original.reference), (CardAttempt.rrn, original.rrn)):
            if value:
                with self.db.read() as session:
                    found = session.exec(select(CardAttempt.id).where(
                        column == value, CardAttempt.state.in_(journal.APPROVED_STATES))).all()
                return found[0] if len(found) == 1 else None
        return None

    async def _execute(self, request: PaymentRequest, progress: ProgressCallback | None) -> PaymentOutcome:
        try:
            return await self.driver.execute(request, progress)
        except Exception as exc:  # a driver bug after sending must not lose the attempt: it is in doubt
            log.exception("driver failed during %s", request.reference)
            return InDoubt(f"Απρόσμενο σφάλμα οδηγού τερματικού: {exc}")
        finally:
            if progress is not None:
                progress(TerminalState.DONE)

    async def resolve_by_query(self, attempt_id: int) -> PaymentOutcome | None:
        """Ask the terminal what happened to an in-doubt attempt, where the driver can; None otherwise."""
        query = getattr(self.driver, "query", None)
        if Operation.STATUS_QUERY not in self.capabilities or query is None:
            return None
        attempt = await asyncio.to_thread(self._attempt, attempt_id)
        outcome = await query(attempt.reference)
        if isinstance(outcome, InDoubt) or (outcome is None and attempt.operation != Operation.PRELOAD.value):
            return outcome
        if attempt.operation == Operation.PRELOAD.value and outcome is None:
            # the host has no such preload: it never reached the terminal, nothing can be paid or charged
            await asyncio.to_thread(self._resolve, attempt_id, None, "query")
            return None
        if attempt.operation == Operation.PRELOAD.value and isinstance(outcome, Pending):
            # the preload reached the terminal and waits there: its receipt is issued now, as if it had answered
            from nexipos_desktop.payments.preload_store import record_pending

            await asyncio.to_thread(record_pending, self.db, attempt_id, outcome, actor=self.cashier, how="query")
            return outcome
        await asyncio.to_thread(self._resolve, attempt_id, outcome, "query")
        return outcome

    def resolve_by_cashier(self, attempt_id: int, *, approved: bool, auth_code: str = "", rrn: str = "",
                           amount_cents: int | None = None, final_amount_cents: int | None = None,
                           actor: str = "") -> CardAttempt:
        """Record what the terminal's slip says about an in-doubt attempt."""
        attempt = self._attempt(attempt_id)
        if attempt is None:
            raise PaymentError(f"Δεν βρέθηκε η πληρωμή {attempt_id}")
        if attempt.state not in ("in_doubt", "sent", "confirmed"):
            raise PaymentError(f"Η πληρωμή {attempt_id} δεν είναι σε αβεβαιότητα (κατάσταση: {attempt.state})")
        if not approved:
            return self._resolve(attempt_id, None, "cashier", actor=actor)
        if not _AUTH_CODE.match(auth_code):
            raise PaymentError("Ο κωδικός έγκρισης έχει 6 γράμματα ή ψηφία (όπως στην απόδειξη του τερματικού)")
        if not _RRN.match(rrn):
            raise PaymentError("Το RRN έχει 12 ψηφία (όπως στην απόδειξη του τερματικού)")
        if amount_cents is not None and amount_cents != attempt.amount_cents:
            raise PaymentError("Το ποσό της απόδειξης του τερματικού διαφέρει από το ποσό της συναλλαγής")
        final = attempt.amount_cents if final_amount_cents is None else final_amount_cents
        if final < attempt.amount_cents:
            raise PaymentError("Το τελικό ποσό του τερματικού δεν μπορεί να είναι μικρότερο από το ποσό της συναλλαγής")
        outcome = Approved(tid=self.tid, amount_cents=attempt.amount_cents, final_amount_cents=final,
                           rrn=rrn, auth_code=auth_code.upper())
        return self._resolve(attempt_id, outcome, "cashier", actor=actor)

    def _resolve(self, attempt_id: int, outcome: PaymentOutcome | None, how: str, actor: str = "") -> CardAttempt:
        approved = isinstance(outcome, Approved)
        fields = {"resolution": how, "resolved_by": actor or self.cashier}
        if approved:
            fields |= {"tid": outcome.tid or None, "pan_masked": outcome.pan_masked or None,
                       "card_type": outcome.card_type or None, "rrn": outcome.rrn or None,
                       "auth_code": outcome.auth_code or None, "transaction_id": outcome.transaction_id or None,
                       "final_amount_cents": outcome.final_amount_cents, "stan": outcome.stan or None}
        attempt = journal.set_state(self.db, attempt_id, "resolved_approved" if approved else "resolved_not_approved",
                                    **fields)
        with self.db.write() as session:
            audit(session, actor or self.cashier, "card.resolved", reference=attempt.reference, how=how,
                  approved=approved)
        return attempt

    def _attempt(self, attempt_id: int) -> CardAttempt:
        with self.db.read() as session:
            return session.get(CardAttempt, attempt_id)

    def unresolved(self) -> list[CardAttempt]:
        return journal.unresolved_attempts(self.db)

    def open_sales(self) -> list[OpenSale]:
        """Sales left open (e.g. by a crash) that still hold a number."""
        with self.db.read() as session:
            return [_open_sale(r) for r in open_drafts(session)]


def _open_sale(receipt: Receipt) -> OpenSale:
    return OpenSale(receipt.id, receipt.number, receipt.series, receipt.uid or "", receipt.invoice_type,
                    receipt.net_cents, receipt.vat_cents, receipt.total_cents)


def card_payment_input(attempt: CardAttempt) -> PaymentInput:
    """The receipt payment an approved card attempt becomes."""
    final = attempt.final_amount_cents or attempt.amount_cents
    return PaymentInput(
        method=PAYMENT_CARD, amount_cents=attempt.amount_cents, tip_cents=max(final - attempt.amount_cents, 0),
        tid=attempt.tid, pan_masked=attempt.pan_masked, card_type=attempt.card_type, rrn=attempt.rrn,
        stan=attempt.stan, auth_code=attempt.auth_code, transaction_id=attempt.transaction_id, batch=attempt.batch,
        raw_reply=attempt.raw_reply, attempt_id=attempt.id)


