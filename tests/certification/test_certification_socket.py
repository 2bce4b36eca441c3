"""The certification scenarios that apply to the ECR–POS socket protocol, against the socket simulator.

Not applicable over the socket (no such message in the protocol): pairing by code (1 is an ECHO here), linked
refunds on the wire (5 is linked in the register only), instalments and tips chosen by the register (7: they are
chosen on the terminal), preloads (8–9), MOTO (10), pre-authorisations (11–12), host transaction lists (17, 19).
"""

from __future__ import annotations

import asyncio

import pytest

from nexipos_desktop.payments.contract import Operation
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.refunds import refund_to_card

from certification_lab import TID, Lab, line


def test_scenario_01_socket_echo_reads_the_tid(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        echo = await lab.service.driver.echo()
        assert (echo.tid, echo.app_version) == (TID, lab.model.app_version)
        assert lab.ledger() == []

    socket_lab.run(body)


@pytest.mark.parametrize("cents", [100, 200])
def test_scenario_02_03_socket_sale_stores_tid_rrn_and_auth_code(socket_lab: Lab, cents: int) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(cents)
        assert result.outcome.kind == "approved"
        attempt = lab.attempt(result.attempt_id)
        [entry] = lab.ledger()
        assert (attempt.state, attempt.tid, attempt.rrn, attempt.auth_code) == ("approved", TID, entry.rrn,
                                                                               entry.auth_code)
        assert entry.reference == f"{attempt.session:06d}" and attempt.signature  # signed, verified, charged
        await lab.issue(sale)
        [payment] = lab.payments(sale.receipt_id)
        assert (payment.method, payment.amount_cents, payment.rrn) == (7, cents, entry.rrn)

    socket_lab.run(body)


def test_scenario_04_socket_void_of_the_1_euro_sale(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, _ = await lab.sell(100)
        await lab.issue(sale)
        voided = await refund_to_card(lab.service, sale.receipt_id, void=True)
        assert voided.card.outcome.kind == "approved" and voided.credit_note is not None
        assert lab.attempt(voided.card.attempt_id).operation == "void"
        assert [(e.operation, e.amount_cents) for e in lab.ledger()] == [("sale", 100), ("void", 100)]

    socket_lab.run(body)


def test_scenario_05_socket_refund_is_linked_in_the_register_only(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, charged = await lab.sell(200)
        await lab.issue(sale)
        refunded = await refund_to_card(lab.service, sale.receipt_id)
        attempt = lab.attempt(refunded.card.attempt_id)
        assert (attempt.operation, attempt.original_attempt_id) == ("refund", charged.attempt_id)
        assert lab.receipt(attempt.receipt_id).correlated_receipt_id == sale.receipt_id
        assert [e.operation for e in lab.ledger()] == ["sale", "refund"]

    socket_lab.run(body)


def test_scenario_06_socket_refund_of_an_arbitrary_amount(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        credit = await asyncio.to_thread(lab.service.open_sale, line(730), invoice_type="11.4")
        result = await lab.service.charge(credit, 730, operation=Operation.REFUND)
        assert result.outcome.kind == "approved"
        await lab.issue(credit)
        assert [(e.operation, e.amount_cents) for e in lab.ledger()] == [("refund", 730)]

    socket_lab.run(body)


def test_scenario_13_socket_red_key_cancel_keeps_the_sale_open(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(333)
        assert result.outcome.kind == "cancelled" and "ακυρώθηκε" in result.outcome.message
        assert lab.attempt(result.attempt_id).state == "cancelled"
        assert sale.receipt_id in lab.open_sale_ids() and lab.ledger() == []

    socket_lab.run(body)


def test_scenario_14_socket_9_99_declined_by_the_host(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(999)
        assert result.outcome.kind == "declined" and "απορρίφθηκε από την τράπεζα" in result.outcome.message
        assert lab.attempt(result.attempt_id).state == "declined"
        assert sale.receipt_id in lab.open_sale_ids() and lab.ledger() == []

    socket_lab.run(body)


def test_scenario_15_socket_22_22_approved_after_150_s(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        sale, result = await lab.sell(2222)
        assert result.outcome.kind == "approved"
        assert (loop.time() - started) * lab.model.time_scale >= 150  # terminal seconds: it was not cut short

    socket_lab.run(body)


def test_scenario_16_socket_lost_reply_is_in_doubt_and_resolved_from_the_slip_never_recharged(
        socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(1313)
        assert result.outcome.kind == "in_doubt"
        assert lab.attempt(result.attempt_id).state == "in_doubt"
        assert await lab.service.resolve_by_query(result.attempt_id) is None  # the socket protocol cannot ask
        with pytest.raises(PaymentError, match="αβεβαιότητα"):
            await lab.service.charge(sale, 1313)
        [slip] = lab.ledger()  # what the terminal printed
        assert not slip.delivered
        lab.service.resolve_by_cashier(result.attempt_id, approved=True, auth_code=slip.auth_code, rrn=slip.rrn)
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.state, attempt.resolution, attempt.rrn) == ("resolved_approved", "cashier", slip.rrn)
        await lab.issue(sale)
        assert lab.payments(sale.receipt_id)[0].auth_code == slip.auth_code and len(lab.ledger()) == 1

    socket_lab.run(body)


def test_scenario_18_socket_busy_terminal_and_full_batch_charge_nothing(socket_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, busy = await lab.sell(777)
        assert busy.outcome.kind == "busy" and lab.attempt(busy.attempt_id).state == "busy"
        full_sale, full = await lab.sell(888)
        assert full.outcome.kind == "declined" and "Κλείσιμο Πακέτου" in full.outcome.message
        assert {sale.receipt_id, full_sale.receipt_id} <= set(lab.open_sale_ids()) and lab.ledger() == []

    socket_lab.run(body)
