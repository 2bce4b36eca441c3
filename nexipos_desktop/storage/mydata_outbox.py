"""The myDATA outbox: queueing documents with the change that owes them, and recording what myDATA answered.

Every state change is one committed transaction. A row is ``sending`` (committed) before its request goes out;
the MARK is stored on the row and on its receipt in one transaction. See ``mydata_models`` for the states.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.errors import SaleError
from nexipos_desktop.storage.models import Payment, Receipt
from nexipos_desktop.storage.mydata_models import MyDataOutbox


@dataclass(frozen=True)
class OutboxCounts:
    """Documents still owed to myDATA (``pending`` includes those on the wire) and those refused."""

    pending: int = 0
    failed: int = 0


@dataclass(frozen=True)
class OutboxView:
    """An outbox row with the receipt it concerns, for lists (admin view, CLI)."""

    entry: MyDataOutbox
    receipt_label: str  # e.g. «11.1 Α-12»
    receipt_mark: int | None


def _stamp() -> str:
    return athens_now().isoformat(timespec="seconds")


def _new(kind: str, receipt_id: int, payment_id: int | None = None) -> MyDataOutbox:
    stamp = _stamp()
    return MyDataOutbox(kind=kind, receipt_id=receipt_id, payment_id=payment_id, created_at=stamp, updated_at=stamp)


def enqueue_invoice(session: Session, receipt_id: int) -> MyDataOutbox:
    """Queue an issued receipt for ``SendInvoices`` in the caller's (issuing) transaction."""
    row = _new("invoice", receipt_id)
    session.add(row)
    session.flush()
    return row


def enqueue_payment_methods(session: Session, receipt_id: int, payment_id: int) -> MyDataOutbox:
    """Queue a deferred (preloaded) card payment of ``receipt_id`` for ``SendPaymentsMethod``.

    Call it in the transaction that settles the payment (then ``OutboxSender.wake()``). The row is sent once
    the receipt has its MARK (the document names the receipt by it) and the payment is ``settled``; the
    receipt's own ``InvoicesDoc`` then leaves this payment out, so myDATA never gets it twice.
    """
    payment = session.get(Payment, payment_id)
    if payment is None or payment.receipt_id != receipt_id:
        raise SaleError(f"Η πληρωμή {payment_id} δεν ανήκει στην απόδειξη {receipt_id}")
    existing = session.exec(select(MyDataOutbox).where(MyDataOutbox.kind == "payment_methods",
                                                       MyDataOutbox.payment_id == payment_id)).first()
    if existing is not None:
        return existing
    row = _new("payment_methods", receipt_id, payment_id)
    session.add(row)
    session.flush()
    return row


def enqueue_cancel(session: Session, receipt_id: int, *, actor: str) -> MyDataOutbox:
    """Queue ``CancelInvoice`` of a transmitted receipt (caller's transaction); refused without a MARK."""
    receipt = session.get(Receipt, receipt_id)
    if receipt is None or receipt.status != "issued":
        raise SaleError(f"Δεν υπάρχει εκδομένη απόδειξη με id {receipt_id}")
    if receipt.mark is None:
        raise SaleError("Η απόδειξη δεν έχει διαβιβαστεί ακόμη (δεν έχει ΜΑΡΚ): δεν ακυρώνεται στο myDATA")
    existing = session.exec(select(MyDataOutbox).where(MyDataOutbox.kind == "cancel",
                                                       MyDataOutbox.receipt_id == receipt_id)).first()
    if existing is not None:
        raise SaleError("Η ακύρωση αυτής της απόδειξης στο myDATA έχει ήδη ζητηθεί")
    row = _new("cancel", receipt_id)
    session.add(row)
    session.flush()
    audit(session, actor, "mydata.cancel_requested", receipt_id=receipt_id, mark=receipt.mark)
    return row


def recover_in_flight(db: Database) -> int:
    """At start-up: rows left ``sending`` by a crash go back to ``pending`` (sent again only without a MARK)."""
    with db.write() as session:
        rows = session.exec(select(MyDataOutbox).where(MyDataOutbox.state == "sending")).all()
        for row in rows:
            row.state, row.updated_at = "pending", _stamp()
            row.last_error_message = row.last_error_message or "Διακόπηκε η αποστολή (επανεκκίνηση)"
            session.add(row)
        return len(rows)


def due_documents(db: Database, now: float, *, limit: int = 50) -> list[MyDataOutbox]:
    """Pending rows whose next try has come, oldest first (an original before its credit note)."""
    with db.read() as session:
        return list(session.exec(
            select(MyDataOutbox).where(MyDataOutbox.state == "pending", MyDataOutbox.next_try_at <= now)
            .order_by(MyDataOutbox.id).limit(limit)).all())


def next_due_at(db: Database) -> float | None:
    """When the earliest pending row is due (epoch seconds), None when nothing is pending."""
    with db.read() as session:
        return session.exec(select(func.min(MyDataOutbox.next_try_at)).where(MyDataOutbox.state == "pending")).one()


def claim(db: Database, outbox_id: int, channel: str) -> MyDataOutbox | None:
    """``pending`` → ``sending`` (committed before the request); None when the row is no longer pending."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        if row is None or row.state != "pending":
            return None
        row.state, row.channel, row.attempts, row.updated_at = "sending", channel, row.attempts + 1, _stamp()
        session.add(row)
        return row


def postpone(db: Database, outbox_id: int, next_try_at: float, message: str) -> None:
    """Back to ``pending`` without counting an attempt (e.g. a credit note waiting for its original's MARK)."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        if row.state == "sending":  # it never went on the wire
            row.attempts = max(row.attempts - 1, 0)
        row.state, row.next_try_at, row.last_error_message, row.updated_at = "pending", next_try_at, message, _stamp()
        session.add(row)


def record_sent(db: Database, outbox_id: int, *, mark: int | None = None, uid: str | None = None,
                authentication_code: str | None = None, qr_url: str | None = None,
                cancellation_mark: int | None = None, note: str | None = None) -> MyDataOutbox:
    """myDATA accepted the document: store its MARK (and, for a receipt, on the receipt) in one transaction."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        row.state, row.updated_at, row.sent_at = "sent", _stamp(), _stamp()
        row.mark, row.uid, row.authentication_code, row.qr_url = mark, uid, authentication_code, qr_url
        row.cancellation_mark = cancellation_mark
        row.last_error_code, row.last_error_message = None, note
        session.add(row)
        if row.kind == "invoice":
            receipt = session.get(Receipt, row.receipt_id)
            if receipt.mark is None:
                receipt.mark, receipt.authentication_code, receipt.qr_url = mark, authentication_code, qr_url
                session.add(receipt)
        audit(session, "system", f"mydata.{row.kind}.sent", receipt_id=row.receipt_id, mark=mark,
              cancellation_mark=cancellation_mark, transmission_failure=row.transmission_failure)
        return row


def record_retry(db: Database, outbox_id: int, next_try_at: float, code: str | None, message: str, *,
                 transmission_failure: int | None = None) -> MyDataOutbox:
    """Not delivered (or not known to be): back to ``pending`` until ``next_try_at``."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        row.state, row.next_try_at, row.updated_at = "pending", next_try_at, _stamp()
        row.last_error_code, row.last_error_message = code, message
        if transmission_failure is not None and row.transmission_failure is None:
            row.transmission_failure = transmission_failure
        session.add(row)
        return row


def record_failed(db: Database, outbox_id: int, code: str | None, message: str) -> MyDataOutbox:
    """myDATA refused the document: ``failed`` until the admin fixes the cause and retries."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        row.state, row.updated_at = "failed", _stamp()
        row.last_error_code, row.last_error_message = code, message
        session.add(row)
        audit(session, "system", f"mydata.{row.kind}.failed", receipt_id=row.receipt_id, code=code)
        return row


def retry_now(db: Database, outbox_id: int, *, actor: str) -> MyDataOutbox:
    """The admin asks for another try at once (a ``failed`` or waiting ``pending`` row)."""
    with db.write() as session:
        row = session.get(MyDataOutbox, outbox_id)
        if row is None:
            raise LookupError(f"Δεν υπάρχει έγγραφο myDATA με id {outbox_id}")
        if row.state == "sent":
            raise SaleError(f"Το έγγραφο {outbox_id} έχει ήδη διαβιβαστεί (ΜΑΡΚ {row.mark or row.cancellation_mark})")
        if row.state == "sending":
            raise SaleError(f"Το έγγραφο {outbox_id} αποστέλλεται αυτή τη στιγμή")
        row.state, row.next_try_at, row.updated_at = "pending", 0.0, _stamp()
        session.add(row)
        audit(session, actor, "mydata.retry", outbox_id=outbox_id, receipt_id=row.receipt_id)
        return row


def outbox_counts(db: Database) -> OutboxCounts:
    """How many documents are still owed (pending or on the wire) and how many were refused."""
    with db.read() as session:
        rows = session.exec(select(MyDataOutbox.state, func.count()).where(MyDataOutbox.state != "sent")
                            .group_by(MyDataOutbox.state)).all()
    counts = dict(rows)
    return OutboxCounts(pending=counts.get("pending", 0) + counts.get("sending", 0), failed=counts.get("failed", 0))


def list_outbox(session: Session, *, include_sent: bool = False, limit: int = 500) -> list[OutboxView]:
    """Outbox rows, newest first, with their receipts (only those still owed unless ``include_sent``)."""
    query = select(MyDataOutbox, Receipt).join(Receipt, Receipt.id == MyDataOutbox.receipt_id)
    if not include_sent:
        query = query.where(MyDataOutbox.state != "sent")
    rows = session.exec(query.order_by(MyDataOutbox.id.desc()).limit(limit)).all()
    return [OutboxView(entry, f"{r.invoice_type} {r.series}-{r.number}", r.mark) for entry, r in rows]


def outbox_for_receipt(session: Session, receipt_id: int) -> list[MyDataOutbox]:
    """Every outbox row of a receipt (its transmission, deferred payments, cancellation)."""
    return list(session.exec(select(MyDataOutbox).where(MyDataOutbox.receipt_id == receipt_id)
                             .order_by(MyDataOutbox.id)).all())


def receipt_id_for_uid(session: Session, uid: str) -> int | None:
    """The id of the receipt with this UID (documents carry the UID, not the row id)."""
    return session.exec(select(Receipt.id).where(Receipt.uid == uid)).first()
