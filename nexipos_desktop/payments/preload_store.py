"""Deferred (preloaded) card payments in the database: each change is one transaction with its audit entry.

Synchronous SQLite work (the async :mod:`payments.preload` runs it on a worker thread). The triggers of
migration 0004 check the money rules; these functions keep the rows consistent with each other.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, select

from nexipos_desktop.clock import ATHENS, athens_now
from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import Approved, Pending
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.receipts.codes import PAYMENT_CARD
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.receipts.payments import PaymentInput, cash_payment
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.drafts import draft_lines
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt
from nexipos_desktop.storage.mydata_outbox import enqueue_payment_methods
from nexipos_desktop.storage.receipt_store import issue_receipt, load_document
from nexipos_desktop.storage.settings import get_setting
from nexipos_desktop.storage.webecr_models import PreloadedPayment

EXPIRY_SETTING = "terminal.preload_expiry_minutes"
DEFAULT_EXPIRY_MINUTES = 60
MAX_EXPIRY_MINUTES = 7 * 24 * 60
_CARD_FIELDS = ("tid", "pan_masked", "card_type", "rrn", "stan", "auth_code", "transaction_id", "batch")


@dataclass(frozen=True)
class PreloadRow:
    """One preloaded payment as the cashier's list shows it."""

    id: int
    receipt_id: int
    receipt_label: str  # "Α-12"
    reference: str
    amount_cents: int
    final_amount_cents: int | None
    balance_cents: int
    state: str  # pending | paid | expired | cancelled
    created_at: datetime
    expires_at: datetime
    checks: int
    last_checked_at: datetime | None
    last_message: str
    balance_method: str | None
    pan_masked: str = ""
    auth_code: str = ""

    @property
    def needs_cashier(self) -> bool:
        """Lapsed, or paid for less: the cashier must collect the rest another way (or issue a credit note)."""
        return self.state != "pending" and self.balance_cents > 0 and self.balance_method is None

    def expired_locally(self, now: datetime) -> bool:
        return self.state == "pending" and now >= self.expires_at


def _now() -> datetime:
    return athens_now().replace(microsecond=0)


def _stamp(moment: datetime | None = None) -> str:
    return (moment or _now()).isoformat(timespec="seconds")


def default_expiry_minutes(db: Database) -> int:
    """The configured expiry of a preload (``terminal.preload_expiry_minutes``), sane when badly set."""
    with db.read() as session:
        value = get_setting(session, EXPIRY_SETTING, DEFAULT_EXPIRY_MINUTES)
    try:
        minutes = int(value)
    except (TypeError, ValueError):
        return DEFAULT_EXPIRY_MINUTES
    return minutes if 1 <= minutes <= MAX_EXPIRY_MINUTES else DEFAULT_EXPIRY_MINUTES


def check_expiry(minutes: int) -> int:
    if not 1 <= minutes <= MAX_EXPIRY_MINUTES:
        raise PaymentError(f"Η λήξη της προφόρτωσης πρέπει να είναι από 1 έως {MAX_EXPIRY_MINUTES} λεπτά")
    return minutes


# ----- sending -----
def record_pending(db: Database, attempt_id: int, outcome: Pending, *, actor: str, expiry_minutes: int | None = None,
                   how: str = "") -> tuple[ReceiptDocument, int]:
    """The terminal holds the preload: in ONE transaction the attempt becomes ``pending``, the receipt is issued
    with its earlier approved card payments and a pending card payment for the rest, and the preload is stored.

    Returns the issued document and the preloaded payment's id.
    """
    from nexipos_desktop.payments.service import card_payment_input

    minutes = expiry_minutes or default_expiry_minutes(db)
    now = _now()
    expires = outcome.expires_at.astimezone(ATHENS) if outcome.expires_at else now + timedelta(minutes=minutes)
    with db.write() as session:
        attempt = session.get(CardAttempt, attempt_id)
        attempt.state = "pending"
        attempt.raw_reply = outcome.raw or attempt.raw_reply
        attempt.updated_at = _stamp(now)
        if how:
            attempt.resolution, attempt.resolved_by = how, actor
        session.add(attempt)
        session.flush()
        receipt = session.get(Receipt, attempt.receipt_id)
        earlier = [card_payment_input(a) for a in journal.attempts_for_receipt(session, receipt.id)
                   if a.state in journal.APPROVED_STATES]
        payments = [*earlier, PaymentInput(method=PAYMENT_CARD, amount_cents=attempt.amount_cents, status="pending",
                                           attempt_id=attempt.id)]
        correlated = session.get(Receipt, receipt.correlated_receipt_id) if receipt.correlated_receipt_id else None
        document = issue_receipt(session, draft_lines(session, receipt.id), payments, invoice_type=receipt.invoice_type,
                                 cashier=actor, reserved=receipt, correlated=correlated)
        preload = PreloadedPayment(
            attempt_id=attempt.id, receipt_id=receipt.id, payment_id=attempt.payment_id,
            amount_cents=attempt.amount_cents, expiry_minutes=minutes, expires_at=_stamp(expires),
            created_at=_stamp(now), updated_at=_stamp(now), last_checked_at=_stamp(now),
            last_message="Στάλθηκε στο τερματικό")
        session.add(preload)
        session.flush()
        audit(session, actor, "preload.sent", reference=attempt.reference, receipt_id=receipt.id,
              amount_cents=attempt.amount_cents, expires_at=preload.expires_at)
        return document, preload.id


# ----- outcomes learnt by the tracker -----
def record_paid(db: Database, preload_id: int, outcome: Approved, *, actor: str) -> tuple[int, int]:
    """Paid on the terminal: the preload, its attempt and the receipt's pending card payment settle together.

    The card may have been charged less than was sent (the cashier lowered it on the terminal): the payment
    settles for what was charged and the rest is left as the preload's balance. Returns (receipt id, payment id).
    """
    charged = outcome.final_amount_cents or outcome.amount_cents
    stamp = _stamp()
    with db.write() as session:
        preload = _pending(session, preload_id)
        paid = min(charged, preload.amount_cents)
        preload.state, preload.final_amount_cents = "paid", charged
        preload.balance_cents = preload.amount_cents - paid
        preload.completed_at = preload.updated_at = preload.last_checked_at = stamp
        preload.checks += 1
        preload.last_message = "Πληρώθηκε στο τερματικό"
        session.add(preload)
        session.flush()  # the payment trigger checks that the preload is paid
        attempt = session.get(CardAttempt, preload.attempt_id)
        attempt.state, attempt.updated_at, attempt.final_amount_cents = "approved", stamp, charged
        attempt.response_code, attempt.raw_reply = "00", outcome.raw or attempt.raw_reply
        payment = session.get(Payment, preload.payment_id)
        payment.status, payment.settled_at, payment.amount_cents = "settled", stamp, paid
        payment.tip_cents = max(charged - preload.amount_cents, 0)
        for key in _CARD_FIELDS:
            value = getattr(outcome, key) or None
            setattr(attempt, key, value)
            setattr(payment, key, value)
        payment.raw_reply = outcome.raw or None
        session.add(attempt)
        session.add(payment)
        audit(session, actor, "preload.paid", reference=attempt.reference, receipt_id=preload.receipt_id,
              amount_cents=preload.amount_cents, charged_cents=charged, balance_cents=preload.balance_cents,
              rrn=outcome.rrn, auth_code=outcome.auth_code, transaction_id=outcome.transaction_id)
        enqueue_payment_methods(session, preload.receipt_id, payment.id)  # myDATA: SendPaymentsMethod
        return preload.receipt_id, payment.id


def record_lapsed(db: Database, preload_id: int, *, state: str, attempt_state: str, message: str,
                  actor: str, raw: str = "") -> None:
    """Expired or cancelled without payment: the pending card payment is cancelled and the whole amount is left
    for the cashier to collect another way (or to cancel with a credit note)."""
    if state not in ("expired", "cancelled"):
        raise ValueError(state)
    stamp = _stamp()
    with db.write() as session:
        preload = _pending(session, preload_id)
        preload.state, preload.balance_cents = state, preload.amount_cents
        preload.completed_at = preload.updated_at = preload.last_checked_at = stamp
        preload.checks += 1
        preload.last_message = message
        session.add(preload)
        session.flush()
        attempt = session.get(CardAttempt, preload.attempt_id)
        attempt.state, attempt.updated_at, attempt.message = attempt_state, stamp, message
        attempt.raw_reply = raw or attempt.raw_reply
        payment = session.get(Payment, preload.payment_id)
        payment.status = "cancelled"
        session.add(attempt)
        session.add(payment)
        audit(session, actor, f"preload.{state}", reference=attempt.reference, receipt_id=preload.receipt_id,
              amount_cents=preload.amount_cents, message=message)


def record_check(db: Database, preload_id: int, message: str) -> None:
    """The terminal was asked and the preload still waits (or it could not be asked: ``message`` says why)."""
    stamp = _stamp()
    with db.write() as session:
        preload = session.get(PreloadedPayment, preload_id)
        if preload is None or preload.state != "pending":
            return
        preload.checks += 1
        preload.last_checked_at = preload.updated_at = stamp
        preload.last_message = message
        session.add(preload)


def _pending(session: Session, preload_id: int) -> PreloadedPayment:
    preload = session.get(PreloadedPayment, preload_id)
    if preload is None:
        raise PaymentError(f"Δεν βρέθηκε η προφορτωμένη πληρωμή {preload_id}")
    if preload.state != "pending":
        raise PaymentError(f"Η προφορτωμένη πληρωμή {preload_id} έχει ήδη ολοκληρωθεί ({preload.state})")
    return preload


# ----- what the cashier does about a balance -----
def _open_balance(session: Session, preload_id: int) -> PreloadedPayment:
    preload = session.get(PreloadedPayment, preload_id)
    if preload is None:
        raise PaymentError(f"Δεν βρέθηκε η προφορτωμένη πληρωμή {preload_id}")
    if preload.state == "pending":
        raise PaymentError("Η προφορτωμένη πληρωμή περιμένει ακόμη στο τερματικό")
    if preload.balance_cents <= 0 or preload.balance_method is not None:
        raise PaymentError("Δεν υπάρχει υπόλοιπο για είσπραξη σε αυτή την προφορτωμένη πληρωμή")
    return preload


def _close_balance(session: Session, preload: PreloadedPayment, method: str, actor: str) -> None:
    stamp = _stamp()
    preload.balance_method, preload.balance_settled_at, preload.balance_settled_by = method, stamp, actor
    preload.updated_at = stamp
    session.add(preload)


def settle_balance_in_cash(db: Database, preload_id: int, tendered_cents: int, *, actor: str) -> tuple[int, int]:
    """The customer pays the balance in cash: a cash payment is added to the issued receipt. Returns
    (receipt id, payment id)."""
    with db.write() as session:
        preload = _open_balance(session, preload_id)
        payment = cash_payment(preload.balance_cents, tendered_cents)
        row = Payment(receipt_id=preload.receipt_id, method=payment.method, amount_cents=payment.amount_cents,
                      tendered_cents=payment.tendered_cents, change_cents=payment.change_cents,
                      created_at=_stamp(), settled_at=_stamp())
        session.add(row)
        session.flush()
        _close_balance(session, preload, "cash", actor)
        audit(session, actor, "preload.balance_settled", receipt_id=preload.receipt_id, method="cash",
              amount_cents=payment.amount_cents, payment_id=row.id)
        enqueue_payment_methods(session, preload.receipt_id, row.id)
        return preload.receipt_id, row.id


def balance_card_attempt(db: Database, preload_id: int) -> CardAttempt | None:
    """An approved card charge of the balance not yet added to the receipt (e.g. resolved after a lost reply)."""
    with db.read() as session:
        preload = _open_balance(session, preload_id)
        return session.exec(select(CardAttempt).where(
            CardAttempt.receipt_id == preload.receipt_id, CardAttempt.id != preload.attempt_id,
            CardAttempt.state.in_(journal.APPROVED_STATES), CardAttempt.payment_id.is_(None))).first()


def settle_balance_by_card(db: Database, preload_id: int, attempt_id: int, *, actor: str) -> tuple[int, int]:
    """A card charge of the balance was approved: its payment is added to the issued receipt."""
    from nexipos_desktop.payments.service import card_payment_input

    with db.write() as session:
        preload = _open_balance(session, preload_id)
        attempt = session.get(CardAttempt, attempt_id)
        if attempt is None or attempt.receipt_id != preload.receipt_id or attempt.state not in journal.APPROVED_STATES:
            raise PaymentError("Η πληρωμή με κάρτα του υπολοίπου δεν εγκρίθηκε")
        if attempt.amount_cents != preload.balance_cents:
            raise PaymentError("Το ποσό της κάρτας διαφέρει από το υπόλοιπο")
        card = card_payment_input(attempt)
        values = {k: v for k, v in asdict(card).items() if k != "attempt_id"}
        row = Payment(receipt_id=preload.receipt_id, created_at=_stamp(), settled_at=_stamp(), **values)
        session.add(row)
        session.flush()
        attempt.payment_id = row.id
        session.add(attempt)
        _close_balance(session, preload, "card", actor)
        audit(session, actor, "preload.balance_settled", receipt_id=preload.receipt_id, method="card",
              amount_cents=row.amount_cents, payment_id=row.id, reference=attempt.reference)
        enqueue_payment_methods(session, preload.receipt_id, row.id)
        return preload.receipt_id, row.id


def close_by_credit_note(db: Database, preload_id: int, *, actor: str) -> None:
    """The receipt was cancelled with a credit note (issued from the receipts history): nothing more to collect."""
    with db.write() as session:
        preload = _open_balance(session, preload_id)
        credit = session.exec(select(Receipt.id).where(Receipt.correlated_receipt_id == preload.receipt_id,
                                                       Receipt.status == "issued")).first()
        if credit is None:
            raise PaymentError("Δεν έχει εκδοθεί πιστωτικό στοιχείο για αυτή την απόδειξη· εκδώστε το από το "
                               "Ιστορικό αποδείξεων (F10)")
        _close_balance(session, preload, "credit_note", actor)
        audit(session, actor, "preload.balance_settled", receipt_id=preload.receipt_id, method="credit_note",
              credit_note_id=credit)


# ----- reading -----
def preload_rows(db: Database, *, open_only: bool = True) -> list[PreloadRow]:
    """Preloads still waiting or needing the cashier (``open_only``), else all, newest first."""
    with db.read() as session:
        query = (select(PreloadedPayment, Receipt, CardAttempt)
                 .join(Receipt, Receipt.id == PreloadedPayment.receipt_id)
                 .join(CardAttempt, CardAttempt.id == PreloadedPayment.attempt_id))
        if open_only:
            query = query.where((PreloadedPayment.state == "pending") | (
                (PreloadedPayment.balance_cents > 0) & PreloadedPayment.balance_settled_at.is_(None)))
        rows = session.exec(query.order_by(PreloadedPayment.id.desc())).all()
    return [_row(p, r, a) for p, r, a in rows]


def pending_rows(db: Database) -> list[PreloadRow]:
    return [row for row in preload_rows(db) if row.state == "pending"]


def _row(p: PreloadedPayment, receipt: Receipt, attempt: CardAttempt) -> PreloadRow:
    return PreloadRow(
        id=p.id, receipt_id=p.receipt_id, receipt_label=f"{receipt.series}-{receipt.number}",
        reference=attempt.reference, amount_cents=p.amount_cents, final_amount_cents=p.final_amount_cents,
        balance_cents=p.balance_cents, state=p.state, created_at=datetime.fromisoformat(p.created_at),
        expires_at=datetime.fromisoformat(p.expires_at), checks=p.checks,
        last_checked_at=datetime.fromisoformat(p.last_checked_at) if p.last_checked_at else None,
        last_message=p.last_message or "", balance_method=p.balance_method, pan_masked=attempt.pan_masked or "",
        auth_code=attempt.auth_code or "")


def orphaned_preload_attempts(db: Database) -> list[CardAttempt]:
    """Attempts the terminal holds as pending whose receipt was not issued (the issue failed after the answer)."""
    with db.read() as session:
        known = select(PreloadedPayment.attempt_id)
        return list(session.exec(select(CardAttempt).where(
            CardAttempt.operation == "preload", CardAttempt.state == "pending", CardAttempt.id.not_in(known))))


def issued_document(db: Database, receipt_id: int) -> ReceiptDocument:
    with db.read() as session:
        return load_document(session, receipt_id)
