"""The exactly-once payment service with a scripted driver: journal first, in doubt resolved, never re-sent."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from nexipos_desktop.fiscal.provider_signature import ProviderSigner, signature_clear_text, verify_signature
from nexipos_desktop.payments import journal
from nexipos_desktop.payments.contract import (
    Approved, Declined, InDoubt, Operation, TerminalKind, TerminalState, UnsupportedOperation,
)
from nexipos_desktop.payments.fiscal_route import ProviderRoute
from nexipos_desktop.payments.service import PaymentError, PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "vectors"
LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2)),
         CartLine(None, "P0175", "Μπύρα weiss 500ml", 260, 1, 1, Decimal(1))]  # 3.78 + 2.60 = 6.38


class ScriptedDriver:
    """Answers each execute() with the next scripted outcome and checks the journal said 'sent' first."""

    name = "scripted"
    capabilities = frozenset({Operation.ECHO, Operation.SALE, Operation.VOID, Operation.REFUND,
                              Operation.STATUS_QUERY})
    uses_session_numbers = True

    def __init__(self, db, outcomes, query_answer=None):
        self.db, self.outcomes, self.query_answer = db, list(outcomes), query_answer
        self.requests, self.queries = [], []

    async def execute(self, request, progress=None):
        with self.db.read() as session:
            attempt = session.exec(select(CardAttempt).where(CardAttempt.reference == request.reference)).one()
            assert attempt.state == "sent", "the journal must say 'sent' before the driver is called"
        self.requests.append(request)
        if progress:
            progress(TerminalState.WAITING_FOR_CARD)
        outcome = self.outcomes.pop(0)
        return outcome(request) if callable(outcome) else outcome

    async def query(self, reference):
        self.queries.append(reference)
        return self.query_answer

    async def echo(self):
        return None

    async def close(self):
        pass


def approved(request):
    return Approved(tid="64999999", amount_cents=request.amount_cents, final_amount_cents=request.amount_cents,
                    pan_masked="479275******3489", card_type="Visa", rrn="133030119089", stan="000065",
                    auth_code="787032", transaction_id="TX1", raw="R/S000001/C00/D…")


def service(db, outcomes, **kwargs):
    driver = ScriptedDriver(db, outcomes, kwargs.pop("query_answer", None))
    return PaymentService(db, driver, tid="64999999", cashier="Ταμίας 1", **kwargs), driver


def test_approved_card_sale_is_issued_with_the_card_data(db):
    svc, driver = service(db, [approved])
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, sale.total_cents))
    assert result.outcome.kind == "approved"
    doc = svc.issue(sale)
    assert doc.uid == sale.uid and doc.number == sale.number and doc.total_cents == 638
    [card] = doc.payments
    assert (card.method, card.amount_cents, card.rrn, card.auth_code, card.pan_masked) == (
        7, 638, "133030119089", "787032", "479275******3489")
    with db.read() as session:
        attempt = session.get(CardAttempt, result.attempt_id)
        assert attempt.state == "approved" and attempt.payment_id is not None and attempt.session == 1
        assert session.get(Payment, attempt.payment_id).receipt_id == sale.receipt_id
    assert driver.requests[0].receipt_number == sale.label and driver.requests[0].session == 1


def test_declined_keeps_the_sale_open_and_a_retry_is_a_new_attempt(db):
    svc, driver = service(db, [Declined("05", "Απόρριψη από τον εκδότη"), approved])
    sale = svc.open_sale(LINES)
    first = asyncio.run(svc.charge(sale, 638))
    assert first.outcome.kind == "declined"
    with pytest.raises(PaymentError):
        svc.issue(sale)
    second = asyncio.run(svc.charge(sale, 638))
    assert second.reference != first.reference
    assert [r.session for r in driver.requests] == [1, 2]  # session numbers never repeat
    assert svc.issue(sale).payments[0].amount_cents == 638


def test_split_card_and_cash(db):
    svc, _ = service(db, [approved])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 300))
    with pytest.raises(PaymentError, match="υπερβαίνει"):
        asyncio.run(svc.charge(sale, 339))
    doc = svc.issue(sale, cash_tendered_cents=500)
    assert [(p.method, p.amount_cents) for p in doc.payments] == [(7, 300), (3, 338)]
    assert doc.payments[1].change_cents == 162


def test_in_doubt_is_resolved_by_query_and_never_resent(db):
    answer = Approved(tid="64999999", amount_cents=638, final_amount_cents=638, rrn="000000000001",
                      auth_code="ABC123")
    svc, driver = service(db, [InDoubt("Χάθηκε η σύνδεση")], query_answer=answer)
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    assert result.outcome.kind == "in_doubt"
    with pytest.raises(PaymentError, match="αβεβαιότητα"):
        svc.issue(sale)
    with pytest.raises(PaymentError):
        svc.abandon(sale)  # an in-doubt charge keeps the number
    assert [a.id for a in svc.unresolved()] == [result.attempt_id]
    assert asyncio.run(svc.resolve_by_query(result.attempt_id)) == answer
    assert driver.queries == [result.reference] and len(driver.requests) == 1
    assert svc.issue(sale).payments[0].rrn == "000000000001"


def test_cashier_resolves_from_the_slip_with_validation(db):
    svc, _ = service(db, [InDoubt("Δεν ήρθε απάντηση")])
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    with pytest.raises(PaymentError, match="6"):
        svc.resolve_by_cashier(result.attempt_id, approved=True, auth_code="12", rrn="133030119089")
    with pytest.raises(PaymentError, match="12 ψηφία"):
        svc.resolve_by_cashier(result.attempt_id, approved=True, auth_code="787032", rrn="1330")
    with pytest.raises(PaymentError, match="διαφέρει"):
        svc.resolve_by_cashier(result.attempt_id, approved=True, auth_code="787032", rrn="133030119089",
                               amount_cents=100)
    attempt = svc.resolve_by_cashier(result.attempt_id, approved=True, auth_code="787032", rrn="133030119089",
                                     amount_cents=638, actor="admin")
    assert (attempt.state, attempt.resolution, attempt.resolved_by) == ("resolved_approved", "cashier", "admin")
    assert svc.issue(sale).payments[0].auth_code == "787032"


def test_not_approved_in_doubt_frees_the_sale(db):
    svc, _ = service(db, [InDoubt("Δεν ήρθε απάντηση")])
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    svc.resolve_by_cashier(result.attempt_id, approved=False)
    svc.abandon(sale)
    again = svc.open_sale(LINES)
    assert again.number == sale.number  # the released number goes to the next sale


def test_cart_is_locked_once_money_moved_but_resigned_before(db):
    svc, driver = service(db, [Declined("05", "x"), approved])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 638))
    changed = svc.open_sale(LINES[:1], sale=sale)  # declined: the cart may still change, same number and UID
    assert (changed.number, changed.uid, changed.total_cents) == (sale.number, sale.uid, 378)
    asyncio.run(svc.charge(changed, 378))
    with pytest.raises(PaymentError, match="δεν αλλάζει"):
        svc.open_sale(LINES, sale=changed)


def test_database_refuses_to_rewrite_a_final_state(db):
    svc, _ = service(db, [approved])
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    with db.writer.connect() as conn:
        with pytest.raises(IntegrityError, match="final state"):
            conn.exec_driver_sql(f"UPDATE card_attempt SET state = 'declined' WHERE id = {result.attempt_id}")
        with pytest.raises(IntegrityError, match="never deleted"):
            conn.exec_driver_sql("DELETE FROM card_attempt")


def test_crash_recovery_marks_sent_in_doubt_and_unsent_failed(db):
    svc, _ = service(db, [])
    sale = svc.open_sale(LINES)
    unsent = journal.create_attempt(db, needs_session=True, actor="t", receipt_id=sale.receipt_id,
                                    operation="sale", amount_cents=100, driver="scripted")
    sent = journal.create_attempt(db, needs_session=True, actor="t", receipt_id=sale.receipt_id,
                                  operation="sale", amount_cents=200, driver="scripted")
    journal.set_state(db, sent.id, "sent")
    in_doubt = journal.recover_after_crash(db)
    assert [a.id for a in in_doubt] == [sent.id]
    with db.read() as session:
        assert session.get(CardAttempt, unsent.id).state == "failed"
    assert [s.receipt_id for s in svc.open_sales()] == [sale.receipt_id]


def test_softpos_offers_only_sale_and_void(db):
    svc, _ = service(db, [], kind=TerminalKind.SOFTPOS)
    assert Operation.REFUND not in svc.capabilities and {Operation.SALE, Operation.VOID} <= svc.capabilities
    sale = svc.open_sale(LINES)
    with pytest.raises(UnsupportedOperation):
        asyncio.run(svc.charge(sale, 638, operation=Operation.REFUND))


def test_provider_signature_covers_the_receipt_uid_and_this_payment(db):
    key = SHARED / "mellon-test-private-key.pem"
    if not key.exists():
        pytest.skip("shared/vectors with the published test key pair is not beside the project")
    svc, driver = service(db, [approved], route=ProviderRoute(ProviderSigner(key.read_bytes()), "999"))
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 400))
    proof = driver.requests[0].provider_proof
    text = signature_clear_text(sale.uid, "", proof.timestamp, sale.net_cents, sale.vat_cents, 638, 400, "64999999")
    public = (SHARED / "mellon-test-public-key.pem").read_bytes()
    assert verify_signature(public, text, proof.signature_der)
    assert not verify_signature(public, text.replace(";400;", ";401;"), proof.signature_der)
    with db.read() as session:
        assert session.exec(select(CardAttempt)).one().signature_timestamp == proof.timestamp


def test_no_new_charge_while_an_earlier_one_is_in_doubt(db):
    svc, driver = service(db, [InDoubt("Χάθηκε η σύνδεση"), approved])
    sale = svc.open_sale(LINES)
    first = asyncio.run(svc.charge(sale, 638))
    with pytest.raises(PaymentError, match="αβεβαιότητα"):
        asyncio.run(svc.charge(sale, 638))
    assert len(driver.requests) == 1  # nothing was sent
    svc.resolve_by_cashier(first.attempt_id, approved=False)
    assert asyncio.run(svc.charge(sale, 638)).outcome.kind == "approved"


def test_cashier_records_a_tip_from_the_slip(db):
    svc, _ = service(db, [InDoubt("x")])
    sale = svc.open_sale(LINES)
    result = asyncio.run(svc.charge(sale, 638))
    attempt = svc.resolve_by_cashier(result.attempt_id, approved=True, auth_code="787032", rrn="133030119089",
                                     final_amount_cents=688)
    assert attempt.final_amount_cents == 688
    assert svc.issue(sale).payments[0].tip_cents == 50


def test_refund_to_card_issues_a_linked_credit_note(db):
    from nexipos_desktop.payments.refunds import refund_to_card

    svc, driver = service(db, [approved, approved])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 638))
    original = svc.issue(sale)
    result = asyncio.run(refund_to_card(svc, sale.receipt_id))
    credit = result.credit_note
    assert (credit.invoice_type, credit.total_cents, credit.correlated_uid) == ("11.4", 638, original.uid)
    assert [(p.method, p.amount_cents) for p in credit.payments] == [(7, 638)]
    refund_request = driver.requests[1]
    assert refund_request.operation == Operation.REFUND and refund_request.original.rrn == "133030119089"
    with pytest.raises(Exception, match="ήδη"):
        asyncio.run(refund_to_card(svc, sale.receipt_id))
    assert len(driver.requests) == 2  # the second refund was refused before anything was sent


def test_declined_refund_leaves_no_credit_note(db):
    from nexipos_desktop.payments.refunds import refund_to_card

    svc, _ = service(db, [approved, Declined("05", "x")])
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, 638))
    svc.issue(sale)
    result = asyncio.run(refund_to_card(svc, sale.receipt_id, void=True))
    assert result.credit_note is None and result.card.outcome.kind == "declined"
    with db.read() as session:
        statuses = {r.invoice_type: r.status for r in session.exec(select(Receipt))}
    assert statuses["11.4"] == "released"
