"""Issuing receipts (one transaction: number, lines, payments, audit) and reading them back."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from decimal import Decimal

from sqlalchemy import delete
from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.document import DocumentLine, DocumentPayment, Issuer, ReceiptDocument
from nexipos_desktop.receipts.payments import PaymentInput, cash_payment, covered_cents
from nexipos_desktop.receipts.uid import mydata_uid
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.errors import SaleError
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt, ReceiptLine
from nexipos_desktop.storage.mydata_outbox import enqueue_invoice
from nexipos_desktop.storage.numbering import NumberKey, reserve_number
from nexipos_desktop.storage.settings import load_issuer, series_for


def issue_receipt(
    session: Session,
    lines: list[CartLine],
    payments: list[PaymentInput],
    *,
    invoice_type: str = "11.1",
    cashier: str = "",
    reserved: Receipt | None = None,
    correlated: Receipt | None = None,
    now: datetime | None = None,
) -> ReceiptDocument:
    """Write and issue a receipt in the caller's write transaction; returns the issued document.

    Takes ``reserved``'s number when given (a card sale reserved it before signing, and its UID is kept), else
    the next one. ``payments`` may carry card payments already approved by the terminal. The receipt is queued
    in the myDATA outbox in the same transaction (transmission never delays issuing, and a crash cannot lose it).
    """
    if not lines:
        raise SaleError("Το καλάθι είναι άδειο")
    amounts = [line.amounts for line in lines]
    total = sum(a.gross_cents for a in amounts)
    if total <= 0:
        raise SaleError("Το σύνολο της απόδειξης πρέπει να είναι θετικό")
    if covered_cents(payments) < total:
        raise SaleError("Οι πληρωμές δεν καλύπτουν το σύνολο της απόδειξης")
    issuer = load_issuer(session)
    if not issuer.vat_number:
        raise SaleError("Δεν έχουν οριστεί τα στοιχεία της επιχείρησης (ΑΦΜ)")
    receipt = reserved or reserve_number(
        session, NumberKey(issuer.vat_number, issuer.branch, invoice_type, series_for(session, invoice_type))
    )
    moment = (now or athens_now()).replace(microsecond=0)
    signed_uid, signed_date = (receipt.uid, receipt.issue_date) if reserved is not None else (None, None)
    session.execute(delete(ReceiptLine).where(ReceiptLine.receipt_id == receipt.id))  # a draft's stored lines
    for index, (line, amount) in enumerate(zip(lines, amounts, strict=True), start=1):
        session.add(
            ReceiptLine(
                receipt_id=receipt.id, line_number=index, product_id=line.product_id, code=line.code,
                name=line.name, quantity=str(line.quantity), unit=line.unit, unit_price_cents=line.unit_price_cents,
                discount_cents=line.discount_cents, vat_category=line.vat_category, vat_exemption=line.vat_exemption,
                net_cents=amount.net_cents, vat_cents=amount.vat_cents,
            )
        )
    stamp = moment.isoformat(timespec="seconds")
    for payment in payments:
        data = asdict(payment)
        attempt_id = data.pop("attempt_id")
        row = Payment(receipt_id=receipt.id, created_at=stamp, settled_at=stamp if payment.status == "settled" else None,
                      **data)
        session.add(row)
        if attempt_id is not None:
            session.flush()
            attempt = session.get(CardAttempt, attempt_id)
            attempt.payment_id = row.id
            session.add(attempt)
    receipt.net_cents = sum(a.net_cents for a in amounts)
    receipt.vat_cents = sum(a.vat_cents for a in amounts)
    receipt.total_cents = total
    receipt.issued_at = stamp
    if signed_uid:  # a card payment signed this UID: the receipt keeps it (and the date inside it)
        receipt.uid, receipt.issue_date = signed_uid, signed_date
    else:
        receipt.issue_date = moment.date().isoformat()
        receipt.uid = mydata_uid(issuer.vat_number, moment.date(), issuer.branch, receipt.invoice_type,
                                 receipt.series, receipt.number)
    receipt.issuer_json = json.dumps(asdict(issuer), ensure_ascii=False)
    receipt.cashier = cashier
    receipt.correlated_receipt_id = correlated.id if correlated else None
    session.flush()
    receipt.status = "issued"
    session.add(receipt)
    session.flush()
    enqueue_invoice(session, receipt.id)  # owed to myDATA from this commit on; sent in the background
    audit(session, cashier or "system", "receipt.issued", invoice_type=receipt.invoice_type, series=receipt.series,
          number=receipt.number, uid=receipt.uid, total_cents=total)
    return load_document(session, receipt.id)


def issue_cash_sale(
    db: Database, lines: list[CartLine], tendered_cents: int, *, invoice_type: str = "11.1", cashier: str = ""
) -> ReceiptDocument:
    """Issue a sale paid in cash in one transaction: number, receipt, lines, payment (with change), audit."""
    total = sum(line.amounts.gross_cents for line in lines)
    payment = cash_payment(total, tendered_cents)
    with db.write() as session:
        return issue_receipt(session, lines, [payment], invoice_type=invoice_type, cashier=cashier)


def load_document(session: Session, receipt_id: int) -> ReceiptDocument:
    """An issued receipt as a document (issuer details as they were printed)."""
    receipt = session.get(Receipt, receipt_id)
    if receipt is None or receipt.status != "issued":
        raise LookupError(f"Δεν υπάρχει εκδομένη απόδειξη με id {receipt_id}")
    lines = session.exec(
        select(ReceiptLine).where(ReceiptLine.receipt_id == receipt_id).order_by(ReceiptLine.line_number)
    ).all()
    payments = session.exec(select(Payment).where(Payment.receipt_id == receipt_id).order_by(Payment.id)).all()
    correlated = session.get(Receipt, receipt.correlated_receipt_id) if receipt.correlated_receipt_id else None
    return ReceiptDocument(
        issuer=Issuer(**json.loads(receipt.issuer_json or "{}")),
        invoice_type=receipt.invoice_type,
        series=receipt.series,
        number=receipt.number,
        issued_at=datetime.fromisoformat(receipt.issued_at or ""),
        lines=tuple(_document_line(line) for line in lines),
        payments=tuple(_document_payment(p) for p in payments),
        uid=receipt.uid or "",
        mark=receipt.mark,
        authentication_code=receipt.authentication_code,
        qr_url=receipt.qr_url,
        cashier=receipt.cashier or "",
        correlated_uid=correlated.uid if correlated else None,
        correlated_mark=correlated.mark if correlated else None,
        correlated_number=f"{correlated.invoice_type} {correlated.series}-{correlated.number}" if correlated else None,
    )


def _document_line(line: ReceiptLine) -> DocumentLine:
    return DocumentLine(
        line_number=line.line_number, code=line.code, name=line.name, quantity=Decimal(line.quantity),
        unit=line.unit, unit_price_cents=line.unit_price_cents, discount_cents=line.discount_cents,
        vat_category=line.vat_category, net_cents=line.net_cents, vat_cents=line.vat_cents,
        vat_exemption=line.vat_exemption,
    )


def _document_payment(p: Payment) -> DocumentPayment:
    return DocumentPayment(
        method=p.method, amount_cents=p.amount_cents, status=p.status, tendered_cents=p.tendered_cents,
        change_cents=p.change_cents, tip_cents=p.tip_cents, tid=p.tid, pan_masked=p.pan_masked,
        card_type=p.card_type, rrn=p.rrn, auth_code=p.auth_code, transaction_id=p.transaction_id,
    )
