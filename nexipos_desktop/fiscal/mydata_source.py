"""An issued receipt and the fiscal proof of its card payments, read from the database for myDATA.

A card payment's proof is in its journal row (``CardAttempt`` linked by ``payment_id``): ``signature`` holds the
base64 provider signature or the ECR token, ``session`` the socket session of the AMOUNT command. What myDATA
receives depends on the fiscal route (setting ``fiscal.route``):

- ``provider``: ``ProvidersSignature{SigningAuthor = fiscal.provider_id, Signature = the base64 signature}``;
- ``ecr_token``: ``ECRToken{SigningAuthor = fiscal.ecr_id, SessionNumber = the session, 6 digits}`` (a payment
  made without a session number, e.g. through WebECR, has nothing to put there and goes without a token);
- ``none`` (demo, simulator), or a payment the journal holds no signature for: no proof.
"""

from __future__ import annotations

from sqlmodel import Session, select

from nexipos_desktop.fiscal.mydata_xml import MyDataEcrToken, MyDataInvoice, MyDataSignature, PaymentProof
from nexipos_desktop.receipts.codes import PAYMENT_CARD
from nexipos_desktop.storage.models import CardAttempt, Payment
from nexipos_desktop.storage.receipt_store import load_document
from nexipos_desktop.storage.settings import all_settings

# The identities payments/setup.py signs with when the setting is empty: the XML names the same signer.
DEFAULT_PROVIDER_ID = "999"
DEFAULT_ECR_ID = "ABC00111222"


def load_mydata_invoice(session: Session, receipt_id: int) -> MyDataInvoice:
    """The issued receipt ``receipt_id`` with its card payments' proofs (LookupError when not issued)."""
    document = load_document(session, receipt_id)
    settings = all_settings(session)
    route = str(settings.get("fiscal.route") or "none")
    rows = session.exec(select(Payment).where(Payment.receipt_id == receipt_id).order_by(Payment.id)).all()
    proofs = [_proof(session, row, route, settings) if row.method == PAYMENT_CARD else None for row in rows]
    return MyDataInvoice.of(document, proofs)


def card_attempt_for(session: Session, payment_id: int) -> CardAttempt | None:
    """The journal row that produced a card payment (the latest, should there be several)."""
    return session.exec(
        select(CardAttempt).where(CardAttempt.payment_id == payment_id).order_by(CardAttempt.id.desc())
    ).first()


def _proof(session: Session, payment: Payment, route: str, settings: dict) -> PaymentProof | None:
    attempt = card_attempt_for(session, payment.id)
    if attempt is None or not attempt.signature:  # sent unsigned: nothing proves it
        return None
    if route == "provider":
        return MyDataSignature(str(settings.get("fiscal.provider_id") or DEFAULT_PROVIDER_ID), attempt.signature)
    if route == "ecr_token" and attempt.session is not None:
        return MyDataEcrToken(str(settings.get("fiscal.ecr_id") or DEFAULT_ECR_ID), attempt.session)
    return None
