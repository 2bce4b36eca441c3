"""The 19 acquirer certification scenarios (certification-scenarios.md) against the WebECR simulator over HTTP.

The till is the product's PaymentService built from its settings (``build_service``), signing every payment
with a provider key the simulator verifies (A.1155, signature required). Time runs ×100.
"""

from __future__ import annotations

import asyncio
import re
import pytest

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments import preload_store
from nexipos_desktop.payments.contract import Operation, OriginalTransaction, TerminalState
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.fault_declaration import record_fault_declaration
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.reconcile import Status, reconcile_day
from nexipos_desktop.payments.refunds import refund_to_card
from nexipos_desktop.payments.webecr.pairing import PairingError, account_from_settings, pair
from nexipos_desktop.secrets import get_secret
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import SimTerminal
from nexipos_desktop.simulator.webecr_records import Result, TxnType
from nexipos_desktop.storage.models import CardAttempt
from nexipos_desktop.storage.settings import all_settings

from certification_lab import TID, Lab, line

TX_ID = re.compile(r"^\d{21}$")


def intent_of(lab: Lab, reference: str):
    assert lab.host is not None
    [intent] = [i for i in lab.host.intents if i.customer_reference == reference]
    return intent


def assert_stored_like_the_terminal(lab: Lab, attempt: CardAttempt, *, operation: str = "sale") -> None:
    """The attempt carries what the terminal booked: TID, RRN, auth code, the 21-digit transaction id."""
    entry = next(e for e in lab.ledger() if e.reference == attempt.reference)
    assert attempt.state == "approved" and attempt.operation == operation
    assert (attempt.tid, attempt.rrn, attempt.auth_code, attempt.transaction_id) == (
        TID, entry.rrn, entry.auth_code, entry.transaction_id)
    assert TX_ID.match(attempt.transaction_id) and entry.delivered


# ----- 1: pairing -----

def test_scenario_01_pair_with_the_terminal_code_list_terminals_and_pick_the_tid(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        lab.host.terminals[1002] = SimTerminal(1002, TerminalModel(tid="64888888"))  # the merchant's second one
        shown = await lab.control("GET", "/code")  # what FinConnect «WebECR Code» shows the admin
        with lab.db.read() as session:
            account = account_from_settings(all_settings(session))
        with pytest.raises(PairingError) as choose:
            await pair(lab.db, account, shown["Code"], actor="admin")
        assert choose.value.code == "choose_tid" and "64888888" in choose.value.message
        with lab.db.read() as session:
            assert not all_settings(session).get("terminal.tid")  # nothing chosen yet
            account = account_from_settings(all_settings(session))  # the redeemed key is kept
        paired = await pair(lab.db, account, None, tid=TID, actor="admin")
        assert paired.terminal.tid == TID
        assert [(t.id, t.tid) for t in paired.terminals] == [("1001", TID), ("1002", "64888888")]
        with lab.db.read() as session:
            settings = all_settings(session)
        assert (settings["terminal.driver"], settings["webecr.terminal_id"], settings["terminal.tid"]) == (
            "webecr", "1001", TID)
        key = get_secret("webecr.api_key")
        assert key and lab.host.accounts.keys[key].terminal_id == 1001
        assert key not in str(settings)  # the key lives in the secrets store only
        echo = await lab.build().driver.echo()
        assert echo.tid == TID
        again = await lab.control("GET", "/code")
        assert again["Code"] != shown["Code"]  # a used code is gone; the terminal shows a new one

    webecr_lab.run(body, pair=False)


# ----- 2–3: sales -----

@pytest.mark.parametrize("cents", [100, 200])
def test_scenario_02_03_sale_is_approved_and_stores_tid_rrn_auth_code_and_transaction_id(
        webecr_lab: Lab, cents: int) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(cents)
        assert result.outcome.kind == "approved" and result.outcome.amount_cents == cents
        attempt = lab.attempt(result.attempt_id)
        assert_stored_like_the_terminal(lab, attempt)
        assert attempt.signature  # signed (A.1155), and the simulator verified it before charging
        document = await lab.issue(sale)
        [payment] = lab.payments(sale.receipt_id)
        assert (payment.method, payment.amount_cents, payment.status) == (7, cents, "settled")
        assert (payment.tid, payment.rrn, payment.auth_code, payment.transaction_id) == (
            attempt.tid, attempt.rrn, attempt.auth_code, attempt.transaction_id)
        assert lab.receipt(sale.receipt_id).status == "issued" and document.payments[0].rrn == attempt.rrn
        assert intent_of(lab, attempt.reference).to_json()["Amount"] == cents

    webecr_lab.run(body)


# ----- 4–6: void and refunds -----

def test_scenario_04_void_the_1_euro_sale_from_the_register(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, charged = await lab.sell(100)
        await lab.issue(sale)
        voided = await refund_to_card(lab.service, sale.receipt_id, void=True)
        assert voided.card.outcome.kind == "approved" and voided.credit_note is not None
        attempt = lab.attempt(voided.card.attempt_id)
        original = lab.attempt(charged.attempt_id)
        assert (attempt.operation, attempt.state, attempt.original_attempt_id) == ("void", "approved", original.id)
        intent = intent_of(lab, attempt.reference)
        assert intent.is_void and intent.initial_transaction == original.transaction_id
        assert intent.transaction.voided and intent.transaction.transaction_id == original.transaction_id
        note = lab.receipt(attempt.receipt_id)  # the void is paid back on the credit note
        assert (note.invoice_type, note.status, note.correlated_receipt_id) == ("11.4", "issued", sale.receipt_id)
        assert [e.operation for e in lab.ledger()] == ["sale", "void"]

    webecr_lab.run(body)


def test_scenario_05_refund_2_euros_linked_to_the_original_sale(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, charged = await lab.sell(200)
        await lab.issue(sale)
        refunded = await refund_to_card(lab.service, sale.receipt_id)
        assert refunded.card.outcome.kind == "approved" and refunded.credit_note is not None
        attempt = lab.attempt(refunded.card.attempt_id)
        original = lab.attempt(charged.attempt_id)
        assert (attempt.operation, attempt.amount_cents, attempt.original_attempt_id) == (
            "linked_refund", 200, original.id)
        intent = intent_of(lab, attempt.reference)
        assert (intent.txn_type, intent.initial_transaction) == (TxnType.REFUND, original.transaction_id)
        assert intent.transaction.original_rrn == original.rrn and attempt.rrn == intent.transaction.rrn
        [payment] = lab.payments(attempt.receipt_id)
        assert (payment.amount_cents, payment.transaction_id) == (200, attempt.transaction_id)
        assert lab.receipt(attempt.receipt_id).invoice_type == "11.4"

    webecr_lab.run(body)


def test_scenario_06_refund_of_an_arbitrary_amount_without_a_link(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        credit = await asyncio.to_thread(lab.service.open_sale, line(730, "Επιστροφή χωρίς απόδειξη"),
                                         invoice_type="11.4")  # a credit note for any amount, no original
        result = await lab.service.charge(credit, 730, operation=Operation.REFUND)
        assert result.outcome.kind == "approved" and result.outcome.amount_cents == 730
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.operation, attempt.state, attempt.original_attempt_id) == ("refund", "approved", None)
        intent = intent_of(lab, attempt.reference)
        assert (intent.txn_type, intent.initial_transaction, intent.transaction.amount) == (TxnType.REFUND, None, 730)
        assert intent.transaction.original_rrn is None
        await lab.issue(credit)
        [payment] = lab.payments(credit.receipt_id)
        assert (payment.amount_cents, payment.rrn) == (730, attempt.rrn)
        assert lab.receipt(credit.receipt_id).invoice_type == "11.4"
        assert [(e.operation, e.amount_cents) for e in lab.ledger()] == [("refund", 730)]

    webecr_lab.run(body)


# ----- 7: instalments -----

def test_scenario_07_sale_with_instalments_sends_and_stores_the_count(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(12000, operation=Operation.INSTALMENTS, instalments=6)
        assert result.outcome.kind == "approved"
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.operation, attempt.instalments) == ("instalments", 6)
        intent = intent_of(lab, attempt.reference)
        assert intent.instalments == 6 and intent.transaction.instalments == 6
        await lab.issue(sale)
        assert lab.payments(sale.receipt_id)[0].transaction_id == attempt.transaction_id

    webecr_lab.run(body)


# ----- 8–9: deferred payment -----

def test_scenario_08_09_deferred_2_euro_sale_preloaded_paid_later_on_the_terminal(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        preloads = PreloadService(lab.service)
        tracker = PreloadTracker(preloads, first_interval_s=0.01, max_interval_s=0.05, grace_s=0)
        sale = await lab.open_sale(200)
        sent = await preloads.send(sale, expiry_minutes=60)
        assert sent.card.outcome.kind == "pending"
        [row] = preload_store.preload_rows(lab.db, open_only=False)
        assert row.state == "pending" and lab.receipt(sale.receipt_id).status == "issued"
        assert [p.status for p in lab.payments(sale.receipt_id)] == ["pending"]
        [waiting] = lab.host.pending_preloads()
        assert (waiting.amount, waiting.preload_expiration, lab.ledger()) == (200, 60, [])
        await tracker.check_due()
        assert preload_store.preload_rows(lab.db, open_only=False)[0].state == "pending"
        await lab.control("POST", f"/preloads/{waiting.customer_reference}/pay", {})  # the cashier takes the card
        for _ in range(200):
            await tracker.check_due()
            if preload_store.preload_rows(lab.db, open_only=False)[0].state == "paid":
                break
            await asyncio.sleep(0.02)
        [row] = preload_store.preload_rows(lab.db, open_only=False)
        assert (row.state, row.final_amount_cents) == ("paid", 200)
        [payment] = lab.payments(sale.receipt_id)
        [entry] = lab.ledger()
        assert (payment.status, payment.rrn, payment.transaction_id) == ("settled", entry.rrn, entry.transaction_id)

    webecr_lab.run(body)


# ----- 10: MOTO -----

def test_scenario_10_mail_telephone_order_3_euros(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(300, operation=Operation.MOTO)
        assert result.outcome.kind == "approved"
        attempt = lab.attempt(result.attempt_id)
        assert_stored_like_the_terminal(lab, attempt, operation="moto")
        assert intent_of(lab, attempt.reference).txn_type == TxnType.MOTO
        assert [e.operation for e in lab.ledger()] == ["moto"]

    webecr_lab.run(body)


# ----- 11–12: pre-authorisation and completion -----

def test_scenario_11_12_preauth_on_the_terminal_completed_from_the_register(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        await lab.control("POST", "/terminal/1001/transaction", {"TxnType": 2, "Amount": 5000})
        now = athens_now()
        listed = await lab.service.driver.transactions(now.replace(hour=0, minute=0, second=0), now.replace(
            hour=23, minute=59, second=59))
        [preauth] = [t for t in listed if t.operation is Operation.PREAUTH]  # the register finds the pre-auth
        sale = await lab.open_sale(4200)
        original = OriginalTransaction(transaction_id=preauth.transaction_id, rrn=preauth.rrn,
                                       auth_code=preauth.auth_code, amount_cents=preauth.amount_cents)
        result = await lab.service.charge(sale, 4200, operation=Operation.PREAUTH_COMPLETION, original=original)
        assert result.outcome.kind == "approved"
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.operation, attempt.amount_cents) == ("preauth_completion", 4200)
        intent = intent_of(lab, attempt.reference)
        assert (intent.txn_type, intent.initial_transaction) == (TxnType.PREAUTH_COMPLETION, preauth.transaction_id)
        assert intent.transaction.original_auth_code == preauth.auth_code
        await lab.issue(sale)
        assert lab.payments(sale.receipt_id)[0].amount_cents == 4200
        second = await lab.open_sale(500)
        again = await lab.service.charge(second, 500, operation=Operation.PREAUTH_COMPLETION, original=original)
        assert again.outcome.kind == "failed" and "Δεν έγινε χρέωση" in again.outcome.message
        assert [e.operation for e in lab.ledger()] == ["preauth", "preauth_completion"]

    webecr_lab.run(body)


# ----- 13–14: cancelled and declined -----

def test_scenario_13_red_key_cancel_keeps_the_sale_open(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(333)
        assert result.outcome.kind == "cancelled"
        assert result.outcome.message == "Η συναλλαγή ακυρώθηκε από τον χρήστη ή λόγω λήξης χρόνου"
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.state, attempt.rrn, attempt.transaction_id) == ("cancelled", None, None)
        assert sale.receipt_id in lab.open_sale_ids() and lab.receipt(sale.receipt_id).status == "reserved"
        assert lab.ledger() == [] and intent_of(lab, attempt.reference).result is Result.CANCELLED

    webecr_lab.run(body)


def test_scenario_14_9_99_is_declined_by_the_host_with_a_clear_message(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(999)
        assert result.outcome.kind == "declined"
        assert result.outcome.message == "Η συναλλαγή απορρίφθηκε από την τράπεζα"
        attempt = lab.attempt(result.attempt_id)
        assert attempt.state == "declined" and attempt.message == result.outcome.message
        assert sale.receipt_id in lab.open_sale_ids() and lab.payments(sale.receipt_id) == []
        assert lab.ledger() == []

    webecr_lab.run(body)


# ----- 15–16: slow approval, lost connection -----

@pytest.mark.parametrize("mode", ["sync", "async"])
def test_scenario_15_22_22_is_approved_after_150_s_without_a_timeout(webecr_lab: Lab, mode: str) -> None:
    states: list[TerminalState] = []

    async def body(lab: Lab) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        sale, result = await lab.sell(2222, progress=states.append)
        waited = (loop.time() - started) * lab.model.time_scale
        assert result.outcome.kind == "approved" and waited >= 150  # terminal seconds: no timeout cut it short
        assert_stored_like_the_terminal(lab, lab.attempt(result.attempt_id))
        assert TerminalState.WAITING_FOR_CARD in states and states[-1] is TerminalState.DONE
        assert lab.host.txninits[result.reference] == 1

    webecr_lab.run(body, mode=mode)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_scenario_16_13_13_connection_lost_at_approval_is_recovered_by_query_never_recharged(
        webecr_lab: Lab, mode: str) -> None:
    async def body(lab: Lab) -> None:
        sale, result = await lab.sell(1313)
        [entry] = lab.ledger()  # exactly one charge on the terminal …
        assert entry.reference == result.reference and not entry.delivered  # … whose reply was lost
        assert lab.host.txninits == {result.reference: 1}  # the server saw one txninit for the reference
        assert lab.host.queries[result.reference] >= 1  # the outcome came from a query
        assert result.outcome.kind == "approved" and result.outcome.transaction_id == entry.transaction_id
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.state, attempt.rrn, attempt.transaction_id) == ("approved", entry.rrn, entry.transaction_id)
        await lab.issue(sale)
        [payment] = lab.payments(sale.receipt_id)
        assert (payment.amount_cents, payment.transaction_id) == (1313, entry.transaction_id)

    webecr_lab.run(body, mode=mode)


def test_scenario_16_in_doubt_while_the_host_cannot_answer_then_resolved_by_query(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        lab.host.faults.add(Fault.SERVER_ERROR, route="transactionintent")  # queries fail for now
        sale, result = await lab.sell(1313)
        assert result.outcome.kind == "in_doubt" and "μην την επαναλάβετε" in result.outcome.reason
        attempt = lab.attempt(result.attempt_id)
        assert attempt.state == "in_doubt" and sale.receipt_id in lab.open_sale_ids()
        with pytest.raises(PaymentError, match="αβεβαιότητα"):
            await lab.service.charge(sale, 1313)  # the register refuses to charge the card again
        with pytest.raises(PaymentError):
            await lab.issue(sale)
        lab.host.faults.clear()
        resolved = await lab.service.resolve_by_query(result.attempt_id)
        [entry] = lab.ledger()
        assert resolved.kind == "approved" and resolved.transaction_id == entry.transaction_id
        attempt = lab.attempt(result.attempt_id)
        assert (attempt.state, attempt.resolution, attempt.rrn) == ("resolved_approved", "query", entry.rrn)
        assert lab.host.txninits == {result.reference: 1} and len(lab.ledger()) == 1
        await lab.issue(sale)
        assert lab.payments(sale.receipt_id)[0].transaction_id == entry.transaction_id

    webecr_lab.run(body, settings={"terminal.result_timeout_s": 1, "webecr.recovery_s": 0.5})


# ----- 17: reconciliation -----

def test_scenario_17_reconciliation_terminal_first_then_register(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, _ = await lab.sell(200)
        await lab.issue(sale)
        refund = await refund_to_card(lab.service, sale.receipt_id)
        assert refund.card.outcome.kind == "approved"
        preloads = PreloadService(lab.service)
        tracker = PreloadTracker(preloads, first_interval_s=0.01, max_interval_s=0.05, grace_s=0)
        deferred = await lab.open_sale(300)
        await preloads.send(deferred, expiry_minutes=60)
        [waiting] = lab.host.pending_preloads()
        await lab.host.pay_preload(waiting.id)
        for _ in range(200):
            await tracker.check_due()
            if preload_store.preload_rows(lab.db, open_only=False)[0].state == "paid":
                break
            await asyncio.sleep(0.02)
        await lab.control("POST", "/terminal/1001/transaction", {"TxnType": 2, "Amount": 4000})
        [preauth] = [t for t in lab.host.transactions if t.txn_type is TxnType.PREAUTH]
        completion_sale = await lab.open_sale(3500)
        await lab.service.charge(completion_sale, 3500, operation=Operation.PREAUTH_COMPLETION,
                                 original=OriginalTransaction(transaction_id=preauth.transaction_id))
        await lab.issue(completion_sale)
        # terminal first: its list of the day
        start, end = athens_now().replace(hour=0, minute=0, second=0), athens_now().replace(hour=23, minute=59)
        listed = await lab.service.driver.transactions(start, end)
        assert sorted(t.operation.value for t in listed) == sorted(
            ["sale", "refund", "sale", "preauth", "preauth_completion"])
        # then the register
        report = await reconcile_day(lab.db, lab.service.driver, athens_now().date())
        statuses = sorted((row.status.value, (row.terminal or row.register).operation if row.terminal is None
                           else row.terminal.operation.value) for row in report.rows)
        assert statuses == sorted([("matched", "sale"), ("matched", "refund"), ("matched", "sale"),
                                   ("matched", "preauth_completion"), ("terminal_only", "preauth")])
        assert report.pending_preloads == 0

    webecr_lab.run(body)


# ----- 18: batch closed on the terminal -----

def test_scenario_18_batch_closing_and_full_batch_give_clear_messages_and_charge_nothing(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        await lab.control("POST", "/terminal/1001/closebatch", {"Seconds": 3600})
        sale, busy = await lab.sell(100)
        assert busy.outcome.kind == "busy" and "απασχολημένο" in busy.outcome.message
        assert lab.attempt(busy.attempt_id).state == "busy" and sale.receipt_id in lab.open_sale_ids()
        lab.host.clock.advance(3601)  # the batch is closed
        full_sale, full = await lab.sell(888)
        assert full.outcome.kind == "batch_full" and "Κλείσιμο Πακέτου" in full.outcome.message
        assert lab.attempt(full.attempt_id).state == "batch_full" and lab.ledger() == []
        assert full_sale.receipt_id in lab.open_sale_ids()
        retried = await lab.service.charge(sale, 100)  # a new attempt: nothing was charged before
        assert retried.outcome.kind == "approved" and retried.outcome.batch == "000002"
        assert [a.state for a in lab.attempts(sale.receipt_id)] == ["busy", "approved"]
        assert len(lab.ledger()) == 1

    webecr_lab.run(body)


# ----- 19: differences report -----

def test_scenario_19_end_of_day_report_of_differences_by_tid_rrn_and_amount(webecr_lab: Lab) -> None:
    async def body(lab: Lab) -> None:
        sale, _ = await lab.sell(150)
        await lab.issue(sale)
        by_hand = await lab.control("POST", "/terminal/1001/transaction", {"TxnType": 0, "Amount": 500})
        unrecorded = await lab.control("POST", "/terminal/1001/transaction", {"TxnType": 0, "Amount": 700})
        typo_sale = await lab.open_sale(450)  # the cashier recorded the slip of the 5.00 € sale as 4.50 €
        record_fault_declaration(lab.service, typo_sale, 450, tid=TID, rrn=by_hand["Transaction"]["RRN"],
                                 auth_code=by_hand["Transaction"]["AuthCode"])
        ghost_sale = await lab.open_sale(900)  # a slip the terminal never booked
        record_fault_declaration(lab.service, ghost_sale, 900, tid=TID, rrn="999999999999", auth_code="ABC123")
        report = await reconcile_day(lab.db, lab.service.driver, athens_now().date())
        assert report.counts[Status.MATCHED] == 1 and not report.ok
        shown = {row["status"]: row for row in report.as_json()["rows"]}  # what the end-of-day report lists
        mismatch = shown["amount_mismatch"]
        assert (mismatch["register"]["amount_cents"], mismatch["terminal"]["amount_cents"]) == (450, 500)
        assert (mismatch["terminal"]["tid"], mismatch["terminal"]["rrn"]) == (TID, by_hand["Transaction"]["RRN"])
        rows = {row.status: row for row in report.rows}
        assert rows[Status.REGISTER_ONLY].register.rrn == "999999999999"
        assert rows[Status.TERMINAL_ONLY].terminal.rrn == unrecorded["Transaction"]["RRN"]
        assert rows[Status.TERMINAL_ONLY].terminal.amount_cents == 700

    webecr_lab.run(body)
