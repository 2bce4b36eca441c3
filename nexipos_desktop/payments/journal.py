"""The card attempt journal: every attempt is committed before anything is sent, and after every change.

Synchronous SQLite work: the async service runs these on a worker thread.

The functions on a card payment's path (:func:`open_attempt`, :func:`mark_sent`, :func:`commit_outcome`) write
with plain SQL on the writer's DB-API connection, one ``BEGIN IMMEDIATE`` … ``COMMIT`` each: the same durable
commits (WAL, ``synchronous=FULL``) and the same database triggers as the ORM, without its per-row bookkeeping.
"""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.contract import Approved, PaymentOutcome, Pending
from nexipos_desktop.storage.audit import audit, audit_details
from nexipos_desktop.storage.db import Database, describe_operational_error
from nexipos_desktop.storage.errors import StorageError
from nexipos_desktop.storage.models import CardAttempt

SESSION_COUNTER = "ecr_session"
MAX_SESSION = 999_999
UNSETTLED = ("created", "sent", "confirmed", "in_doubt")
#: States whose money may have moved: a sale holding one of these cannot be abandoned.
MONEY_MAY_HAVE_MOVED = ("sent", "confirmed", "approved", "in_doubt", "pending", "resolved_approved")
APPROVED_STATES = ("approved", "resolved_approved")

#: What a guard of :func:`open_attempt` sees: ``(state, amount_cents)`` of each earlier attempt of the receipt.
AttemptGuard = Callable[[list[tuple[str, int]]], None]

_COLUMNS = frozenset(CardAttempt.__table__.columns.keys())
_NEXT_SESSION = (f"INSERT INTO counter (name, value) VALUES (?, 1) "
                 f"ON CONFLICT (name) DO UPDATE SET value = value % {MAX_SESSION} + 1 RETURNING value")
#: The model's Python-side defaults (the table has no server defaults): a raw INSERT must supply them itself.
_DEFAULTS = {name: field.get_default(call_default_factory=True) for name, field in CardAttempt.model_fields.items()
             if name in _COLUMNS and not field.is_required()
             and field.get_default(call_default_factory=True) is not None}
_SET_BY_THE_JOURNAL = frozenset({"id", "reference", "state", "session", "created_at", "updated_at"})
_INSERT_AUDIT = "INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)"
#: What an attempt counts towards its receipt: its amount, or less when the terminal lowered a preload's amount.
_COUNTED_SQL = ("CASE WHEN operation = 'preload' AND final_amount_cents < amount_cents "
                "THEN final_amount_cents ELSE amount_cents END")


def counted_cents(operation: str, amount_cents: int, final_amount_cents: int | None) -> int:
    """Python twin of ``_COUNTED_SQL``: an approved attempt's amount, lowered for a preload paid for less."""
    if operation == "preload" and final_amount_cents is not None and final_amount_cents < amount_cents:
        return final_amount_cents
    return amount_cents


@dataclass(frozen=True)
class NewAttempt:
    """An attempt just committed as ``created``: what the request needs from the journal."""

    id: int
    reference: str
    session: int | None


def new_reference() -> str:
    """A fresh, unique attempt reference (also the WebECR CustomerReference)."""
    return f"NX{uuid.uuid4().hex[:20].upper()}"


def _now() -> str:
    return athens_now().isoformat(timespec="seconds")


@contextmanager
def _immediate(db: Database) -> Iterator[sqlite3.Cursor]:
    """One write transaction on the writer's DB-API connection: ``BEGIN IMMEDIATE``, then ``COMMIT`` when the
    block ends or ``ROLLBACK`` on any error. The connection is the pooled one :meth:`Database.write` uses (WAL,
    ``synchronous=FULL``, foreign keys and triggers on); a locked or unwritable database raises StorageError."""
    try:
        pooled = db.writer.raw_connection()
    except OperationalError as exc:
        raise StorageError(describe_operational_error(exc)) from exc
    try:
        connection: sqlite3.Connection = pooled.driver_connection
        cursor = connection.cursor()
        try:
            cursor.execute("BEGIN IMMEDIATE")
            try:
                yield cursor
            except BaseException:
                with contextlib.suppress(sqlite3.Error):  # else the pool's reset on return rolls back
                    connection.rollback()
                raise
            cursor.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            raise StorageError(describe_operational_error(exc)) from exc
        finally:
            cursor.close()
    finally:
        pooled.close()  # back to the pool, whose reset rolls back anything a failed COMMIT left open


def _audit(cursor: sqlite3.Cursor, stamp: str, actor: str, action: str, **details: Any) -> None:
    """An audit entry in the cursor's transaction, written exactly as :func:`storage.audit.audit` writes it."""
    cursor.execute(_INSERT_AUDIT, (stamp, actor, action, audit_details(details)))


def _insert_attempt(db: Database, needs_session: bool, actor: str, guard: AttemptGuard | None,
                    fields: dict[str, Any]) -> dict[str, Any]:
    bad = (fields.keys() - _COLUMNS) | (fields.keys() & _SET_BY_THE_JOURNAL)
    if bad:
        raise TypeError(f"not fields of a new card attempt: {sorted(bad)}")
    stamp = _now()
    row = {**_DEFAULTS, **fields, "reference": new_reference(), "state": "created", "created_at": stamp,
           "updated_at": stamp}
    with _immediate(db) as cursor:
        if guard is not None:
            guard(cursor.execute(f"SELECT state, {_COUNTED_SQL} FROM card_attempt WHERE receipt_id = ? ORDER BY id",
                                 (fields.get("receipt_id"),)).fetchall())
        row["session"] = cursor.execute(_NEXT_SESSION, (SESSION_COUNTER,)).fetchall()[0][0] if needs_session else None
        row["id"] = cursor.execute(
            f"INSERT INTO card_attempt ({', '.join(row)}) VALUES ({', '.join('?' * len(row))}) RETURNING id",
            tuple(row.values())).fetchall()[0][0]
        _audit(cursor, stamp, actor, "card.attempt_created", reference=row["reference"],
               operation=fields.get("operation"), amount_cents=fields.get("amount_cents"),
               receipt_id=fields.get("receipt_id"))
    return row


def open_attempt(db: Database, *, needs_session: bool, actor: str, guard: AttemptGuard | None = None,
                 **fields: Any) -> NewAttempt:
    """Write a new attempt in state ``created`` (with its reference and session number) and commit.

    ``guard`` runs inside the same write transaction (the write lock is held from its first read to the
    commit), with the earlier attempts of ``fields["receipt_id"]``; whatever it raises rolls everything back,
    so a refused attempt leaves no row and uses no session number, and nothing can slip in between the check
    and the insert.
    """
    row = _insert_attempt(db, needs_session, actor, guard, fields)
    return NewAttempt(row["id"], row["reference"], row["session"])


def mark_sent(db: Database, attempt_id: int, *, signature_timestamp: str | None = None,
              signature: str | None = None) -> None:
    """Commit the move ``created`` → ``sent`` (with the payment's proof): the last step before the wire.

    Refuses (nothing may be sent) unless the attempt is still ``created``."""
    with _immediate(db) as cursor:
        cursor.execute("UPDATE card_attempt SET state = 'sent', updated_at = ?, signature_timestamp = ?, "
                       "signature = ? WHERE id = ? AND state = 'created'",
                       (_now(), signature_timestamp, signature, attempt_id))
        if cursor.rowcount != 1:
            raise RuntimeError(f"card attempt {attempt_id} is not 'created': it must not be sent")


def mark_unsent_failed(db: Database, attempt_id: int, message: str, *, actor: str) -> None:
    """An attempt that will not be sent (its proof could not be made): ``created`` → ``failed``, committed."""
    stamp = _now()
    with _immediate(db) as cursor:
        cursor.execute("UPDATE card_attempt SET state = 'failed', updated_at = ?, message = ? "
                       "WHERE id = ? AND state = 'created' RETURNING reference, amount_cents",
                       (stamp, message, attempt_id))
        for reference, amount_cents in cursor.fetchall():
            _audit(cursor, stamp, actor, "card.failed", reference=reference, amount_cents=amount_cents,
                   rrn=None, auth_code=None, message=message)


def _outcome_fields(outcome: PaymentOutcome) -> dict[str, Any]:
    fields: dict[str, Any] = {"raw_reply": getattr(outcome, "raw", "") or None}
    if isinstance(outcome, Approved):
        for key in ("tid", "pan_masked", "card_type", "rrn", "stan", "batch", "auth_code", "transaction_id"):
            fields[key] = getattr(outcome, key) or None
        fields["final_amount_cents"] = outcome.final_amount_cents
        fields["response_code"] = "00"
    elif isinstance(outcome, Pending):
        pass
    else:
        fields["message"] = getattr(outcome, "message", None) or getattr(outcome, "reason", None)
        fields["response_code"] = getattr(outcome, "code", None)
    return fields


def commit_outcome(db: Database, attempt_id: int, outcome: PaymentOutcome, *, actor: str) -> dict[str, Any]:
    """Store what the terminal answered, in one commit with its audit entry; returns the attempt's new row.

    The database refuses an illegal move (e.g. out of a final state) and nothing is written then."""
    fields = _outcome_fields(outcome)
    stamp = _now()
    with _immediate(db) as cursor:
        cursor.execute(f"UPDATE card_attempt SET state = ?, updated_at = ?, "
                       f"{', '.join(f'{key} = ?' for key in fields)} WHERE id = ? RETURNING *",
                       (outcome.kind, stamp, *fields.values(), attempt_id))
        names = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
        if not rows:
            raise LookupError(f"no card attempt {attempt_id}")
        row = dict(zip(names, rows[0]))
        _audit(cursor, stamp, actor, f"card.{outcome.kind}", reference=row["reference"],
               amount_cents=row["amount_cents"], rrn=row["rrn"], auth_code=row["auth_code"], message=row["message"])
    return row


def create_attempt(db: Database, *, needs_session: bool, actor: str, **fields: Any) -> CardAttempt:
    """Write a new attempt in state ``created`` (with its reference and session number) and commit."""
    return CardAttempt(**_insert_attempt(db, needs_session, actor, None, fields))


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
    return CardAttempt(**commit_outcome(db, attempt_id, outcome, actor=actor))


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
