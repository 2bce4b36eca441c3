"""Refunds and voids of card sales from the receipts history: an 11.4 credit note linked to the original,
paid back to the card on the terminal (and in cash for any part that was paid in cash)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from sqlmodel import select

from nexipos_desktop.payments.contract import Operation, OriginalTransaction, ProgressCallback
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.service import CardResult, PaymentService
from nexipos_desktop.receipts.codes import PAYMENT_CARD
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.storage.credit_notes import refundable
from nexipos_desktop.storage.models import CardAttempt, Payment


@dataclass(frozen=True)
class RefundResult:
    card: CardResult
    credit_note: ReceiptDocument | None  # None unless the terminal approved


def card_payment_of(service: PaymentService, receipt_id: int) -> tuple[Payment, CardAttempt | None] | None:
    """The card payment of an issued receipt (and the attempt it came from), if it was paid by card."""
    with service.db.read() as session:
        payment = session.exec(
            select(Payment).where(Payment.receipt_id == receipt_id, Payment.method == PAYMENT_CARD,
                                  Payment.status == "settled").order_by(Payment.id)
        ).first()  # a preload still waiting, or lapsed, charged nothing: there is nothing to give back
        if payment is None:
            return None
        attempt = session.exec(select(CardAttempt).where(CardAttempt.payment_id == payment.id)).first()
        return payment, attempt


async def refund_to_card(service: PaymentService, receipt_id: int, *, void: bool = False,
                         progress: ProgressCallback | None = None) -> RefundResult:
    """Refund (or void, same batch) the card part of an issued sale and issue its credit note when approved."""
    found = await asyncio.to_thread(card_payment_of, service, receipt_id)
    if found is None:
        raise PaymentError("Η απόδειξη δεν πληρώθηκε με κάρτα")
    payment, attempt = found
    operation = Operation.VOID if void else _refund_operation(service, payment)
    if operation not in service.capabilities:
        raise PaymentError(f"Το τερματικό δεν υποστηρίζει «{operation.value}»")

    def open_credit_note():
        with service.db.read() as session:
            original, lines = refundable(session, receipt_id)
        return service.open_sale(lines, invoice_type="11.4", correlated_receipt_id=original.id)

    credit = await asyncio.to_thread(open_credit_note)
    original = OriginalTransaction(transaction_id=payment.transaction_id, rrn=payment.rrn, auth_code=payment.auth_code,
                                   amount_cents=payment.amount_cents, reference=attempt.reference if attempt else None)
    result = await service.charge(credit, payment.amount_cents, operation=operation, original=original,
                                  original_attempt_id=attempt.id if attempt else None, progress=progress)
    if result.outcome.kind != "approved":
        if result.outcome.kind != "in_doubt":
            await asyncio.to_thread(service.abandon, credit)
        return RefundResult(result, None)
    rest = credit.total_cents - payment.amount_cents
    document = await asyncio.to_thread(service.issue, credit, cash_tendered_cents=rest if rest > 0 else None)
    return RefundResult(result, document)


def _refund_operation(service: PaymentService, payment: Payment) -> Operation:
    """A refund linked to the original transaction where the protocol can say so (WebECR ``InitialTransaction``,
    certification scenario 5); otherwise the amount alone (socket)."""
    if Operation.LINKED_REFUND in service.capabilities and payment.transaction_id:
        return Operation.LINKED_REFUND
    return Operation.REFUND
