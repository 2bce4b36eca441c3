"""What the sender puts on the wire for an outbox row, built from the stored (immutable) receipt.

``prepare_request`` answers with the request to send, or why not now: :class:`WaitFor` (a credit note before its
original's MARK, a deferred payment before its receipt's MARK), :class:`Refuse` (the document cannot be
expressed in myDATA terms) or :class:`AlreadyTransmitted` (the receipt has a MARK: never sent twice).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlmodel import Session, select

from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice
from nexipos_desktop.fiscal.mydata_xml import MyDataError, invoices_doc, payment_methods_doc, to_bytes
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Payment, Receipt
from nexipos_desktop.storage.mydata_models import MyDataOutbox

@dataclass(frozen=True)
class SendRequest:
    """A request to send: ``path`` names the call, ``body`` its document."""

    path: str  # invoice | payment_methods | cancel
    body: bytes = b""
    mark: int | None = None  # the receipt's MARK (CancelInvoice)
    uid: str | None = None


@dataclass(frozen=True)
class WaitFor:
    """Not yet: the row waits (``message`` says for what)."""

    message: str


@dataclass(frozen=True)
class Refuse:
    """The document cannot be sent as it is (Greek ``message`` for the admin)."""

    code: str
    message: str


@dataclass(frozen=True)
class AlreadyTransmitted:
    """The receipt already has this MARK: record it, send nothing."""

    mark: int


def prepare_request(db: Database, row: MyDataOutbox) -> SendRequest | WaitFor | Refuse | AlreadyTransmitted:
    """The request for ``row`` (a blocking read: call it off the event loop)."""
    with db.read() as session:
        receipt = session.get(Receipt, row.receipt_id)
        try:
            if row.kind == "invoice":
                return _prepare_invoice(session, row, receipt)
            if row.kind == "payment_methods":
                return _prepare_payment(session, row, receipt)
        except (MyDataError, LookupError) as exc:
            return Refuse("document", f"Δεν συντάσσεται το έγγραφο myDATA: {exc}")
        if receipt.mark is None:
            return Refuse("no_mark", "Η απόδειξη δεν έχει ΜΑΡΚ: δεν ακυρώνεται στο myDATA")
        return SendRequest("cancel", mark=receipt.mark)


def _prepare_invoice(session: Session, row: MyDataOutbox, receipt: Receipt
                     ) -> SendRequest | WaitFor | AlreadyTransmitted:
    if receipt.mark is not None:  # never twice once a MARK exists
        return AlreadyTransmitted(receipt.mark)
    invoice = load_mydata_invoice(session, receipt.id)
    if invoice.awaits_original_mark and _original_in_flight(session, receipt):
        return WaitFor("Αναμένεται το ΜΑΡΚ του αρχικού παραστατικού (συσχέτιση πιστωτικού)")
    separate = _separately_sent_payments(session, receipt.id)
    if separate:  # deferred card payments go with SendPaymentsMethod, never twice
        ids = session.exec(select(Payment.id).where(Payment.receipt_id == receipt.id).order_by(Payment.id)).all()
        kept = tuple(p for p, pid in zip(invoice.payments, ids) if pid not in separate)
        invoice = dataclasses.replace(invoice, payments=kept)
    if row.transmission_failure is not None:
        invoice = dataclasses.replace(invoice, transmission_failure=row.transmission_failure)
    return SendRequest("invoice", to_bytes(invoices_doc([invoice]), pretty=False), uid=receipt.uid)


def _prepare_payment(session: Session, row: MyDataOutbox, receipt: Receipt) -> SendRequest | WaitFor | Refuse:
    if receipt.mark is None:
        return WaitFor("Αναμένεται το ΜΑΡΚ της απόδειξης για να επισυναφθεί η πληρωμή")
    payment = session.get(Payment, row.payment_id)
    if payment is None or payment.status != "settled":
        return Refuse("payment", "Η πληρωμή δεν έχει ολοκληρωθεί: δεν διαβιβάζεται")
    invoice = load_mydata_invoice(session, receipt.id)
    ids = session.exec(select(Payment.id).where(Payment.receipt_id == receipt.id).order_by(Payment.id)).all()
    detail = invoice.payments[list(ids).index(payment.id)]
    return SendRequest("payment_methods", to_bytes(payment_methods_doc(receipt.mark, [detail]), pretty=False))


def _separately_sent_payments(session: Session, receipt_id: int) -> set[int]:
    return set(session.exec(select(MyDataOutbox.payment_id).where(
        MyDataOutbox.kind == "payment_methods", MyDataOutbox.receipt_id == receipt_id)).all())


def _original_in_flight(session: Session, receipt: Receipt) -> bool:
    original = session.exec(select(MyDataOutbox).where(MyDataOutbox.kind == "invoice",
                                                       MyDataOutbox.receipt_id == receipt.correlated_receipt_id)).first()
    return original is not None and original.state in ("pending", "sending")
