"""The card attempt journal: every attempt is committed before anything is sent, and after every change.

Synchronous SQLite work: the async service runs these on a worker thread.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.contract import Approved, PaymentOutcome, Pending
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import CardAttempt, Counter

SESSION_COUNTER = "ecr_session"
MAX_SESSION = 999_999
UNSETTLED = ("created", "sent", "confirmed", "in_doubt")
#: States whose money may have moved: a sale holding one of these cannot be abandoned.
MONEY_MAY_HAVE_MOVED = ("sent", "confirmed", "approved", "in_doubt", "pending", "resolved_approved")
APPROVED_STATES = ("approved", "resolved_approved")


def new_reference() -> str:
    """A fresh, unique attempt reference (also the WebECR CustomerReference)."""
    return f"NX{uuid.uuid4().hex[:20].upper()}"


def _now() -> str:
    return athens_now().isoformat(timespec="seconds")


def allocate_session(session: Session) -> int:
    """The next 6-digit socket session number (1…999999, then wrapping), in the caller's transaction."""
    counter = session.get(Counter, SESSION_COUNTER) or Counter(name=SESSION_COUNTER, value=0)
    counter.value = counter.value % MAX_SESSION + 1
    session.add(counter)
    return counter.value


def create_attempt(db: Database, *, needs_session: bool, actor: str, **fields: Any) -> CardAttempt:
    """Write a new attempt in state ``created`` (with its reference and session number) and commit."""
    with db.write() as session:
        stamp = _now()
        attempt = CardAttempt(reference=new_reference(), state="created", created_at=stamp, updated_at=stamp,
                              session=allocate_session(session) if needs_session else None, **fields)
        session.add(attempt)
        session.flush()
        audit(session, actor, "card.attempt_created", reference=attempt.reference, operation=attempt.operation,
              amount_cents=attempt.amount_cents, receipt_id=attempt.receipt_id)
    return attempt


def set_state(db: Database, attempt_id: int, state: str, **fields: Any) -> CardAttempt:
    """Move an attempt to ``state`` (the database refuses illegal moves) and commit."""
    with db.write() as session:
        attempt = session.get(CardAttempt, attempt_id)
        attempt.state = state
        attempt.updated_at = _now()
        for key, value in fields.items():
            setattr(attempt, key, value)
        session.add(attempt)
    return attempt


def record_outcome(db: Database, attempt_id: int, outcome: PaymentOutcome, *, actor: str) -> CardAttempt:
    """Store what the terminal answered, in one commit with its audit entry."""
    fields: dict[str, Any] = {"raw_reply": getattr(outcome, "raw", "") or None}
    if isinstance(outcome, Approved):
        data = asdict(outcome)
        for key in ("tid", "pan_masked", "card_type", "rrn", "stan", "batch", "auth_code", "transaction_id"):
            fields[key] = data[key] or None
        fields["final_amount_cents"] = outcome.final_amount_cents
        fields["response_code"] = "00"
    elif isinstance(outcome, Pending):
        pass
    else:
        fields["message"] = getattr(outcome, "message", None) or getattr(outcome, "reason", None)
        fields["response_code"] = getattr(outcome, "code", None)
    with db.write() as session:
        attempt = session.get(CardAttempt, attempt_id)
        attempt.state = outcome.kind
        attempt.updated_at = _now()
        for key, value in fields.items():
            setattr(attempt, key, value)
        session.add(attempt)
        audit(session, actor, f"card.{outcome.kind}", reference=attempt.reference, amount_cents=attempt.amount_cents,
              rrn=attempt.rrn, auth_code=attempt.auth_code, message=attempt.message)
    return attempt


def attempts_for_receipt(session: Session, receipt_id: int) -> list[CardAttempt]:
    return list(session.exec(select(CardAttempt).where(CardAttempt.receipt_id == receipt_id).order_by(CardAttempt.id)))


def unresolved_attempts(db: Database) -> list[CardAttempt]:
    """Attempts whose outcome is not known: they must be settled before new sales."""
    with db.read() as session:
        return list(session.exec(select(CardAttempt).where(CardAttempt.state.in_(UNSETTLED)).order_by(CardAttempt.id)))


def recover_after_crash(db: Database, actor: str = "system") -> list[CardAttempt]:
    """On start-up: an attempt never sent failed; one sent without a final answer is in doubt. Returns the latter."""
    with db.write() as session:
        stamp = _now()
        in_doubt = []
        for attempt in session.exec(select(CardAttempt).where(CardAttempt.state.in_(("created", "sent", "confirmed")))):
            was_sent = attempt.state != "created"
            attempt.state = "in_doubt" if was_sent else "failed"
            attempt.message = ("Η εφαρμογή σταμάτησε ενώ περίμενε απάντηση από το τερματικό" if was_sent
                               else "Η εφαρμογή σταμάτησε πριν σταλεί η συναλλαγή· δεν χρεώθηκε τίποτα")
            attempt.updated_at = stamp
            session.add(attempt)
            audit(session, actor, "card.recovered", reference=attempt.reference, state=attempt.state)
            if was_sent:
                in_doubt.append(attempt)
        in_doubt += list(session.exec(select(CardAttempt).where(CardAttempt.state == "in_doubt")))
    seen: dict[int, CardAttempt] = {a.id: a for a in in_doubt}
    return sorted(seen.values(), key=lambda a: a.id)
