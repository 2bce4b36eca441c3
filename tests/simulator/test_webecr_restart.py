"""A restarted WebECR simulator keeps its history like the real cloud: it is rebuilt from the ledger, so a void or a
refund of a sale made before the restart, a query by CustomerReference and the day's reconciliation all work; and
ledger lines written before the WebECR fields existed still load."""

from __future__ import annotations

import asyncio
import json
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import pytest

from nexipos_desktop.clock import athens_now
from nexipos_desktop.payments.demo import configure_demo_terminal
from nexipos_desktop.payments.reconcile import Status, reconcile_day
from nexipos_desktop.payments.refunds import refund_to_card
from nexipos_desktop.payments.setup import build_service, terminal_settings
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.simulator.embedded import start_embedded_simulator
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry, read_ledger
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_records import Result, Status as IntentStatus, TxnType
from nexipos_desktop.simulator.webecr_requests import RequestError
from nexipos_desktop.storage.settings import all_settings

COFFEE = [CartLine(None, "CAF", "Καφές", 250, 1, 1, Decimal(1))]
TEA = [CartLine(None, "TEA", "Τσάι", 180, 1, 1, Decimal(1))]
NEW_FIELDS = {"txn_type", "customer_reference", "intent_id", "original_transaction_id", "cashback_cents",
              "instalments", "preload"}

pytestmark = pytest.mark.usefixtures("secrets_file")  # each test its own secrets store


async def with_till(db, ledger: Path, work):
    """One run of `make run-webecr`: a fresh embedded simulator on the ledger, the till's service, then ``work``."""
    with db.read() as session:
        settings = all_settings(session)
    simulator, terminal = await start_embedded_simulator(terminal_settings(settings), settings["simulator.public_key"],
                                                         ledger, time_scale=100.0)
    service = build_service(db, terminal, cashier="Ταμίας")
    try:
        return await work(service, simulator)
    finally:
        await service.driver.close()
        await simulator.wait_idle()
        await simulator.close()


async def card_sale(service, lines, amount):
    sale = await asyncio.to_thread(service.open_sale, lines)
    result = await service.charge(sale, amount)
    assert result.outcome.kind == "approved"
    await asyncio.to_thread(service.issue, sale)
    return sale, result


def test_after_a_restart_a_sale_is_voided_refunded_found_and_reconciled(db, tmp_path: Path) -> None:
    assert configure_demo_terminal(db, "webecr")
    ledger = tmp_path / "simulator-ledger.jsonl"

    async def sell(service, _simulator):
        return await card_sale(service, COFFEE, 250), await card_sale(service, TEA, 180)

    (coffee, paid), (tea, _) = asyncio.run(with_till(db, ledger, sell))

    async def after_restart(service, simulator):
        host = simulator.host
        listed = [(t.transaction_id, t.customer_reference) for t in host.transactions]
        found = await service.driver.query(paid.reference)  # transactionintent/?CustomerReference=…
        void = await refund_to_card(service, coffee.receipt_id, void=True)  # txnvoid by TransactionId
        refund = await refund_to_card(service, tea.receipt_id)  # txninit with InitialTransaction
        report = await reconcile_day(db, service.driver, athens_now().date())
        return listed, found, void, refund, report

    listed, found, void, refund, report = asyncio.run(with_till(db, ledger, after_restart))
    first, second = read_ledger(ledger)[:2]
    assert listed == [(first.transaction_id, paid.reference), (second.transaction_id, second.reference)]
    assert found.kind == "approved" and found.transaction_id == paid.outcome.transaction_id
    assert void.card.outcome.kind == "approved" and void.credit_note is not None
    assert refund.card.outcome.kind == "approved" and refund.credit_note is not None
    assert report.ok, [(r.status, r.note) for r in report.rows]
    assert report.counts[Status.VOIDED] == 1 and report.counts[Status.MATCHED] == 2  # the tea, its refund
    assert report.counts[Status.REGISTER_ONLY] == report.counts[Status.TERMINAL_ONLY] == 0

    async def third_run(_service, simulator):  # once more: the void and the refund are history too
        return simulator.host
    host = asyncio.run(with_till(db, ledger, third_run))
    coffee_txn, tea_txn, refund_txn = host.transactions
    assert coffee_txn.voided and coffee_txn.void_timestamp is not None and not tea_txn.voided
    assert tea_txn.refunded == 180 and refund_txn.txn_type is TxnType.REFUND
    assert refund_txn.original_rrn == tea_txn.rrn
    void_intent = next(i for i in host.intents if i.is_void)
    assert void_intent.initial_transaction == coffee_txn.transaction_id and void_intent.transaction is coffee_txn


def test_a_restarted_host_refuses_what_it_already_did(tmp_path: Path) -> None:
    """Exactly-once across restarts: a CustomerReference already used, a second void, a refund beyond the sale."""
    path = tmp_path / "ledger.jsonl"

    async def first_run():
        host = WebEcrHost(TerminalModel(processing_delay_s=0, ledger=Ledger(path)))
        terminal = host.first_terminal()
        intent, _ = host.start_intent(terminal, {"TxnType": 0, "Amount": 500, "CurrencyCode": 978,
                                                 "CustomerReference": "NX-FIRST", "Instalments": 3})
        await host.wait_idle()
        void, _ = host.start_void(terminal, {"OriginalIdentifier": intent.id, "OriginalIdentifierType": 1,
                                             "CustomerReference": "NX-VOID"})
        await host.wait_idle()
        second, _ = host.start_intent(terminal, {"TxnType": 0, "Amount": 300, "CurrencyCode": 978,
                                                 "CustomerReference": "NX-SECOND"})
        await host.wait_idle()
        by_hand = await host.terminal_transaction(terminal.id, TxnType.PREAUTH, 700)
        await host.wait_idle()
        return intent.id, void.result, second.transaction.transaction_id, by_hand.transaction.transaction_id

    sale_id, voided, second_txn, preauth_txn = asyncio.run(first_run())
    assert voided is Result.APPROVED

    async def second_run():
        host = WebEcrHost(TerminalModel(processing_delay_s=0, ledger=Ledger(path)))
        terminal = host.first_terminal()
        problems = []
        for call, body in ((host.start_intent, {"TxnType": 0, "Amount": 100, "CurrencyCode": 978,
                                                "CustomerReference": "NX-FIRST"}),
                           (host.start_void, {"OriginalIdentifier": sale_id, "OriginalIdentifierType": 1}),
                           (host.start_intent, {"TxnType": 1, "Amount": 301, "CurrencyCode": 978,
                                                "CustomerReference": "NX-TOO-MUCH", "InitialTransaction": second_txn})):
            with pytest.raises(RequestError) as caught:
                call(terminal, body)
            problems.append(json.dumps(caught.value.body))
        completion, _ = host.start_intent(terminal, {"TxnType": 3, "Amount": 700, "CurrencyCode": 978,
                                                     "CustomerReference": "NX-COMPLETE",
                                                     "InitialTransaction": preauth_txn})
        await host.wait_idle()
        return host, problems, completion

    host, problems, completion = asyncio.run(second_run())
    assert "already exists" in problems[0] and "already voided" in problems[1] and "exceeds" in problems[2]
    assert completion.result is Result.APPROVED
    [first] = host.list_intents({"CustomerReference": "NX-FIRST"}, None)
    assert first.id == sale_id and first.status is IntentStatus.COMPLETED and first.result is Result.APPROVED
    assert first.transaction.voided and first.instalments == 3
    assert [t.customer_reference for t in host.transactions] == ["NX-FIRST", "NX-SECOND", None, "NX-COMPLETE"]
    assert host.list_intents({"CustomerReference": ""}, None) == []  # the by-hand pre-authorisation has no intent


def test_ledger_lines_from_before_the_webecr_fields_still_load_and_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "old-ledger.jsonl"
    common = {"final_amount_cents": 0, "stan": "", "auth_code": "111111", "tid": "64999999", "batch": "000001",
              "card_type": "Visa Credit", "pan_masked": "************0010", "delivered": True}
    old = [  # as an older simulator wrote them: no WebECR fields
        {"seq": 1, "time": "2026-11-27T10:00:00+02:00", "reference": "NXAAAA", "operation": "sale",
         "amount_cents": 250, "rrn": "263310000001", "transaction_id": "1" * 21},
        {"seq": 2, "time": "2026-11-27T10:05:00+02:00", "reference": "000002", "operation": "refund",
         "amount_cents": 120, "rrn": "263310000002", "transaction_id": "2" * 21},  # a socket session number
        {"seq": 3, "time": "2026-11-27T10:10:00+02:00", "reference": "TERMINAL-1001-1", "operation": "moto",
         "amount_cents": 990, "rrn": "263310000003", "transaction_id": "3" * 21},
        {"seq": 4, "time": "2026-11-27T10:15:00+02:00", "reference": "NXVOID", "operation": "void",
         "amount_cents": 250, "rrn": "263310000004", "transaction_id": "4" * 21},
    ]
    path.write_text("".join(json.dumps({**common, **line, "final_amount_cents": line["amount_cents"]}) + "\n"
                            for line in old), encoding="utf-8")
    entries = read_ledger(path)
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert all(e.txn_type is None and e.customer_reference is None and not e.preload for e in entries)
    assert {f.name for f in fields(LedgerEntry)} - set(old[0]) - set(common) == NEW_FIELDS

    host = WebEcrHost(TerminalModel(ledger=Ledger(path)))
    sale, refund, moto = host.transactions
    assert (sale.txn_type, refund.txn_type, moto.txn_type) == (TxnType.SALE, TxnType.REFUND, TxnType.MOTO)
    assert sale.voided and sale.customer_reference == "NXAAAA"  # the old void line found its sale by amount
    assert refund.customer_reference is None and moto.customer_reference is None
    assert [(i.customer_reference, i.is_void) for i in host.intents] == [("NXAAAA", False), ("NXVOID", True)]

    async def book_one_more():  # a new-format line is appended after the old ones, and both kinds read back
        intent, _ = host.start_intent(host.first_terminal(), {"TxnType": 0, "Amount": 100, "CurrencyCode": 978,
                                                              "CustomerReference": "NXNEW"})
        await host.wait_idle()
        return intent

    assert asyncio.run(book_one_more()).result is Result.APPROVED
    newest = read_ledger(path)[-1]
    assert (newest.seq, newest.txn_type, newest.customer_reference) == (5, 0, "NXNEW")
    assert len(WebEcrHost(TerminalModel(ledger=Ledger(path))).transactions) == 4


def test_entries_of_another_terminal_are_not_its_history(tmp_path: Path) -> None:
    path = tmp_path / "ledger.jsonl"
    other = TerminalModel(tid="64990002", processing_delay_s=0, ledger=Ledger(path))

    async def sell_on_the_other():
        host = WebEcrHost(other)
        await host.terminal_transaction(host.first_terminal().id, TxnType.SALE, 100)

    asyncio.run(sell_on_the_other())
    assert WebEcrHost(TerminalModel(ledger=Ledger(path))).transactions == []
    assert len(WebEcrHost(TerminalModel(tid="64990002", ledger=Ledger(path))).transactions) == 1
