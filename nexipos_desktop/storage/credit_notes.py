"""Credit notes (11.4): refunding an issued sale, linked to the original receipt."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session, select

from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.codes import CREDIT_TYPES, PAYMENT_CASH, PAYMENT_ON_CREDIT
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.receipts.payments import PaymentInput
from nexipos_desktop.storage.models import Payment, Receipt, ReceiptLine
from nexipos_desktop.storage.receipt_store import SaleError, issue_receipt


def issue_cash_refund(session: Session, original_id: int, cashier: str = "") -> ReceiptDocument:
    """Issue an 11.4 credit note for the whole of an issued sale, refunding in cash what was paid.

    A sale whose deferred card payment lapsed was never (or only partly) paid: the unpaid part is credited
    «Επί πιστώσει» (myDATA type 5), so the cashier is never told to hand back cash that was not taken.
    """
    original, lines = refundable(session, original_id)
    unpaid = unpaid_cents(session, original)
    refunds = [PaymentInput(method=method, amount_cents=cents)
               for method, cents in ((PAYMENT_CASH, original.total_cents - unpaid), (PAYMENT_ON_CREDIT, unpaid))
               if cents > 0]
    return issue_receipt(session, lines, refunds, invoice_type="11.4", cashier=cashier, correlated=original)


def unpaid_cents(session: Session, receipt: Receipt) -> int:
    """What an issued sale's settled payments leave unpaid (only a lapsed deferred card payment leaves any)."""
    paid = sum(session.exec(select(Payment.amount_cents).where(Payment.receipt_id == receipt.id,
                                                               Payment.status == "settled")).all())
    return max(receipt.total_cents - paid, 0)


def refundable(session: Session, original_id: int) -> tuple[Receipt, list[CartLine]]:
    """The sale a credit note may refund, with its lines; refuses credit notes and sales already credited."""
    original = session.get(Receipt, original_id)
    if original is None or original.status != "issued":
        raise SaleError("Η αρχική απόδειξη δεν βρέθηκε")
    if original.invoice_type in CREDIT_TYPES:
        raise SaleError("Ένα πιστωτικό στοιχείο δεν επιστρέφεται")
    already = session.exec(
        select(Receipt.id).where(Receipt.correlated_receipt_id == original_id, Receipt.status == "issued")
    ).first()
    if already is not None:
        raise SaleError("Για αυτή την απόδειξη έχει ήδη εκδοθεί πιστωτικό στοιχείο")
    pending = session.exec(
        select(Receipt.id).where(Receipt.correlated_receipt_id == original_id, Receipt.status == "reserved")
    ).first()
    if pending is not None:
        raise SaleError("Για αυτή την απόδειξη υπάρχει επιστροφή σε εξέλιξη")
    waiting = session.exec(select(Payment.id).where(Payment.receipt_id == original_id, Payment.status == "pending")).first()
    if waiting is not None:
        raise SaleError("Η πληρωμή με κάρτα αυτής της απόδειξης περιμένει ακόμη στο τερματικό («Προφορτωμένες»): "
                        "επιστροφή μόνο αφού πληρωθεί ή λήξει")
    lines = [
        CartLine(
            product_id=line.product_id, code=line.code, name=line.name, unit_price_cents=line.unit_price_cents,
            vat_category=line.vat_category, unit=line.unit, quantity=Decimal(line.quantity),
            discount_cents=line.discount_cents, vat_exemption=line.vat_exemption,
        )
        for line in session.exec(
            select(ReceiptLine).where(ReceiptLine.receipt_id == original_id).order_by(ReceiptLine.line_number)
        )
    ]
    return original, lines
