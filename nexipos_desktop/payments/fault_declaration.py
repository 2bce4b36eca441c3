"""Fault declaration («Δήλωση Βλάβης»): a card payment the terminal took on its own while the link was down,
recorded from the terminal's slip, flagged, and reconciled at the end of the day like any other."""

from __future__ import annotations

import re

from sqlmodel import select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import Operation
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.service import OpenSale, PaymentService
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.models import CardAttempt

FAULT_DECLARATION = "fault_declaration"  # CardAttempt.resolution of such a payment
_AUTH_CODE = re.compile(r"^[A-Za-z0-9]{6}$")
_RRN = re.compile(r"^\d{12}$")
_TID = re.compile(r"^[A-Za-z0-9]{8}$")


def record_fault_declaration(service: PaymentService, sale: OpenSale, amount_cents: int, *, tid: str, rrn: str,
                             auth_code: str, pan_last4: str = "", actor: str = "") -> CardAttempt:
    """A card payment taken on the terminal on its own while the link was down («Δήλωση Βλάβης»), recorded
    from the terminal's slip. It counts towards the sale like an approved charge, is flagged
    (``resolution = "fault_declaration"``, ``driver = "manual"``) and is reconciled at the end of the day."""
    tid, rrn, auth_code, pan_last4 = tid.strip(), rrn.strip(), auth_code.strip().upper(), pan_last4.strip()
    if not _TID.match(tid):
        raise PaymentError("Το TID έχει 8 χαρακτήρες (όπως στην απόδειξη του τερματικού)")
    if not _RRN.match(rrn):
        raise PaymentError("Το RRN έχει 12 ψηφία (όπως στην απόδειξη του τερματικού)")
    if not _AUTH_CODE.match(auth_code):
        raise PaymentError("Ο κωδικός έγκρισης έχει 6 γράμματα ή ψηφία (όπως στην απόδειξη του τερματικού)")
    if pan_last4 and not re.fullmatch(r"\d{4}", pan_last4):
        raise PaymentError("Τα τελευταία ψηφία της κάρτας είναι 4")
    if amount_cents <= 0:
        raise PaymentError("Το ποσό της κάρτας πρέπει να είναι θετικό")
    stamp = athens_now().isoformat(timespec="seconds")
    with service.db.write() as session:
        earlier = journal.attempts_for_receipt(session, sale.receipt_id)
        if any(a.state in journal.UNSETTLED for a in earlier):
            raise PaymentError("Μια προηγούμενη πληρωμή αυτής της πώλησης είναι σε αβεβαιότητα: επιλύστε την πρώτα")
        due = sale.total_cents - sum(journal.counted_cents(a.operation, a.amount_cents, a.final_amount_cents)
                                     for a in earlier if a.state in journal.APPROVED_STATES)
        if amount_cents > due:
            raise PaymentError(f"Το ποσό υπερβαίνει το υπόλοιπο ({due / 100:.2f} €)".replace(".", ","))
        duplicate = session.exec(select(CardAttempt.id).where(CardAttempt.tid == tid, CardAttempt.rrn == rrn,
                                                              CardAttempt.state.in_(journal.APPROVED_STATES))).first()
        if duplicate is not None:
            raise PaymentError("Αυτή η συναλλαγή του τερματικού (TID και RRN) έχει ήδη καταχωριστεί")
        attempt = CardAttempt(
            reference=journal.new_reference(), receipt_id=sale.receipt_id, operation=Operation.SALE.value,
            amount_cents=amount_cents, driver="manual", terminal=service.terminal_name, state="approved", tid=tid,
            rrn=rrn, auth_code=auth_code, pan_masked=f"************{pan_last4}" if pan_last4 else None,
            final_amount_cents=amount_cents, response_code="00", resolution=FAULT_DECLARATION,
            resolved_by=actor or service.cashier, created_at=stamp, updated_at=stamp)
        session.add(attempt)
        session.flush()
        audit(session, actor or service.cashier, "card.fault_declaration", reference=attempt.reference,
              receipt_id=sale.receipt_id, amount_cents=amount_cents, tid=tid, rrn=rrn, auth_code=auth_code)
        return attempt

