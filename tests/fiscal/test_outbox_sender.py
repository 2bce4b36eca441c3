"""The outbox sender against the fake myDATA: MARKs stored, restarts, lost connections, refusals, never twice."""

from __future__ import annotations

import asyncio
import io
import sys
import time
from pathlib import Path

import pytest
from lxml import etree
from pypdf import PdfReader
from sqlalchemy.exc import IntegrityError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "payments"))  # the fake preload terminal

from preload_fake_driver import FakePreloadTerminal  # noqa: E402
from mydata_helpers import bread, cash_sale, closed_port, fake_mydata, query, sender_for, until
from nexipos_desktop.fiscal.mydata_xml import INVOICE_NS, PAYMENT_NS
from nexipos_desktop.fiscal.outbox_sender import Backoff
from nexipos_desktop.payments import preload_store
from nexipos_desktop.payments.preload import PreloadService, PreloadTracker
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.printing import DEFAULT_PENDING_NOTE, render_receipt_pdf
from nexipos_desktop.simulator.mydata_server import MyDataFault
from nexipos_desktop.storage.credit_notes import issue_cash_refund
from nexipos_desktop.storage.db import open_database
from nexipos_desktop.storage.mydata_outbox import enqueue_cancel, outbox_counts, retry_now
from nexipos_desktop.storage.receipt_store import load_document

NS = {"i": INVOICE_NS, "p": PAYMENT_NS}


def outbox(db):
    return query(db, "SELECT id, kind, receipt_id, state, attempts, mark, transmission_failure, last_error_code, "
                     "last_error_message, cancellation_mark FROM mydata_outbox ORDER BY id")


def receipt_marks(db):
    return query(db, "SELECT id, mark, authentication_code, qr_url FROM receipt WHERE status = 'issued' ORDER BY id")


def sent_bodies(server, path: str = "SendInvoices"):
    return [etree.fromstring(r.body) for r in server.requests if r.path.endswith(path)]


def pdf_text(document, **kwargs) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(render_receipt_pdf(document, **kwargs))).pages)


def test_transmission_stores_mark_uid_qr_and_authentication_code_and_the_pdf_shows_them(db):
    sale = cash_sale(db)
    before = pdf_text(sale)
    assert DEFAULT_PENDING_NOTE in before and "ΜΑΡΚ" not in before  # printed before transmission

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server, channel="provider")
            assert await sender.send_due() == 1
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    request = server.requests[0]
    assert request.path == "/myDataProvider/SendInvoices"
    assert (request.headers["aade-user-id"], request.headers["ocp-apim-subscription-key"]) == ("till-user", "till-key")
    assert request.headers["Content-Type"] == "text/xml"
    (row,) = outbox(db)
    mark = server.mark_of(sale.uid)
    assert row[1:6] == ("invoice", 1, "sent", 1, mark) and mark is not None
    ((_, stored_mark, auth, qr),) = receipt_marks(db)
    assert stored_mark == mark and len(auth) == 40 and qr.startswith(server.url + "TimologioQR/")
    assert query(db, "SELECT uid FROM mydata_outbox") == [(sale.uid,)]
    with db.read() as session:
        reprint = load_document(session, 1)
    for paper in ("80mm", "a4"):
        text = pdf_text(reprint, paper=paper, copy=True)
        squeezed = "".join(text.split())
        assert f"ΜΑΡΚ: {mark}" in text and DEFAULT_PENDING_NOTE not in text and "ΑΝΤΙΓΡΑΦΟ" in text
        assert auth in squeezed  # the authentication code of the provider channel (wrapped in mono)
    assert _qr_modules(render_receipt_pdf(reprint)) == _expected_modules(qr)
    assert outbox_counts(db).pending == 0


def test_erp_channel_has_no_authentication_code(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server, channel="erp")
            await sender.send_due()
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    assert server.requests[0].path == "/SendInvoices"
    ((_, mark, auth, qr),) = receipt_marks(db)
    assert mark and auth is None and qr


def test_pending_documents_survive_a_restart(db_path):
    first = open_database(db_path)
    sales = [cash_sale(first) for _ in range(3)]
    first.close()  # the till stops before anything was transmitted
    db = open_database(db_path)

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            task = sender.start()
            await until(lambda: outbox_counts(db).pending == 0)
            await sender.stop()
            assert task.done()
            return server

    server = asyncio.run(scenario())
    assert [r[3] for r in outbox(db)] == ["sent"] * 3
    assert [server.mark_of(s.uid) for s in sales] == [r[1] for r in receipt_marks(db)]
    db.close()


def test_lost_connection_flags_transmission_failure_on_the_erp_channel_and_sends_later(db):
    clock = [time.time()]
    cash_sale(db)
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            offline = sender_for(db, server, channel="erp", url=f"http://127.0.0.1:{closed_port()}/",
                                 clock=lambda: clock[0])
            assert await offline.send_due() == 0
            assert offline.online is False and "σύνδεση" in offline.last_problem
            await offline.client.close()
            rows = outbox(db)
            assert [(r[3], r[6], r[7]) for r in rows] == [("pending", 3, "connection")] * 2
            assert [r[4] for r in rows] == [1, 0]  # the second was not tried: it waits with the first
            assert receipt_marks(db)[0][1] is None
            next_try = query(db, "SELECT next_try_at FROM mydata_outbox")[0][0]
            assert next_try == pytest.approx(clock[0] + 0.01)  # backoff, time-scaled
            online = sender_for(db, server, channel="erp", clock=lambda: clock[0])
            assert await online.send_due() == 0  # not due yet: backoff is honoured
            clock[0] += 1
            assert await online.send_due() == 2
            await online.client.close()
            return server

    server = asyncio.run(scenario())
    bodies = sent_bodies(server)
    assert [b.findtext("i:invoice/i:transmissionFailure", namespaces=NS) for b in bodies] == ["3", "3"]
    assert [r[3] for r in outbox(db)] == ["sent", "sent"]


def test_lost_connection_on_the_provider_channel_is_not_flagged(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server, channel="provider", url=f"http://127.0.0.1:{closed_port()}/myDataProvider/")
            await sender.send_due()
            await sender.client.close()

    asyncio.run(scenario())
    assert outbox(db)[0][3] == "pending" and outbox(db)[0][6] is None


def test_backoff_grows_and_is_capped():
    backoff = Backoff(first_s=10, factor=2, max_s=900)
    assert [backoff.delay(n) for n in (1, 2, 3, 7, 20)] == [10, 20, 40, 640, 900]
    assert Backoff(first_s=10, time_scale=100).delay(2) == pytest.approx(0.2)


def test_xsd_rejection_is_failed_with_a_greek_message_and_retried_by_the_admin(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            server.script(MyDataFault.XSD_ERROR)
            sender = sender_for(db, server)
            assert await sender.send_due() == 0
            (row,) = outbox(db)
            assert row[3] == "failed" and row[7] == "101"
            assert row[8].startswith("Το έγγραφο δεν είναι έγκυρο κατά το XSD του myDATA (myDATA 101: XML Syntax")
            assert outbox_counts(db).failed == 1
            assert await sender.send_due() == 0  # a refused document is not re-sent on its own
            retry_now(db, row[0], actor="admin")
            assert await sender.send_due() == 1
            await sender.client.close()

    asyncio.run(scenario())
    assert outbox(db)[0][3] == "sent" and outbox(db)[0][4] == 2


def test_business_error_and_server_errors(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            server.script(MyDataFault.SERVER_ERROR)
            sender = sender_for(db, server)
            assert await sender.send_due() == 0
            assert outbox(db)[0][3:5] == ("pending", 1) and outbox(db)[0][7] == "500"
            await asyncio.sleep(0.02)
            server.script(MyDataFault.BUSINESS_ERROR)
            assert await sender.send_due() == 0
            await sender.client.close()

    asyncio.run(scenario())
    row = outbox(db)[0]
    assert row[3] == "failed" and row[7] == "207" and "Λάθος σύνολα" in row[8]


def test_an_answer_lost_in_flight_is_resolved_by_the_duplicate_answer_without_a_second_mark(db):
    sale = cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            server.script(MyDataFault.DROP)  # myDATA registers the receipt, the answer never arrives
            sender = sender_for(db, server)
            assert await sender.send_due() == 0
            assert outbox(db)[0][3] == "pending" and outbox(db)[0][7] == "no_answer"
            await asyncio.sleep(0.02)
            assert await sender.send_due() == 1
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    assert len(server.invoices) == 1  # registered once
    row = outbox(db)[0]
    assert row[3] == "sent" and row[5] == server.mark_of(sale.uid) and "ήδη" in row[8]
    assert receipt_marks(db)[0][1] == server.mark_of(sale.uid)


def test_crash_between_send_and_store_then_restart(db_path):
    """The till dies with the request on the wire: at start the row is re-sent only because it has no MARK."""
    db = open_database(db_path)
    sale = cash_sale(db)

    async def crash():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            server.script(MyDataFault.SLOW)
            server.slow_s = 0.5
            task = asyncio.ensure_future(sender.send_due())
            await until(lambda: server.mark_of(sale.uid) is not None)  # registered at AADE…
            task.cancel()  # …and the till is killed before the answer is stored
            with pytest.raises(asyncio.CancelledError):
                await task
            await sender.client.close()
            return server.mark_of(sale.uid)

    mark = asyncio.run(crash())
    assert outbox(db)[0][3] == "sending" and receipt_marks(db)[0][1] is None
    db.close()
    db = open_database(db_path)

    async def restart():
        async with fake_mydata() as server:
            server._marks = iter(range(mark + 100, mark + 200))  # a new server process that knows the receipt
            from nexipos_desktop.simulator.mydata_server import _Registered

            server.invoices[sale.uid] = _Registered(mark, sale.uid)
            sender = sender_for(db, server)
            sender.start()
            await until(lambda: outbox(db)[0][3] == "sent")
            await sender.stop()

    asyncio.run(restart())
    assert receipt_marks(db)[0][1] == mark and outbox(db)[0][5] == mark
    db.close()


def test_a_stored_mark_is_final_and_the_receipt_is_never_sent_again(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            await sender.send_due()
            await sender.client.close()

    asyncio.run(scenario())
    with db.writer.connect() as conn:
        for statement in ("UPDATE receipt SET mark = 1 WHERE id = 1", "UPDATE receipt SET qr_url = 'x' WHERE id = 1",
                          "UPDATE mydata_outbox SET mark = 2 WHERE id = 1",
                          "UPDATE mydata_outbox SET state = 'pending' WHERE id = 1",
                          "INSERT INTO mydata_outbox (kind, receipt_id, state, attempts, next_try_at, created_at, "
                          "updated_at) VALUES ('invoice', 1, 'pending', 0, 0, 'x', 'x')",
                          "DELETE FROM mydata_outbox"):
            with pytest.raises(IntegrityError):
                conn.exec_driver_sql(statement)


def test_a_receipt_with_a_mark_cannot_be_put_on_the_wire(db):
    cash_sale(db)
    with db.writer.connect() as conn:  # a MARK stored some other way (e.g. typed in from myDATA)
        conn.exec_driver_sql("UPDATE receipt SET mark = 400001000000777 WHERE id = 1")
        conn.commit()
        with pytest.raises(IntegrityError, match="never sent twice"):
            conn.exec_driver_sql("UPDATE mydata_outbox SET state = 'sending' WHERE id = 1")

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            assert await sender.send_due() == 1  # recorded from the receipt, nothing sent
            await sender.client.close()
            return server

    assert asyncio.run(scenario()).requests == []
    assert outbox(db)[0][3] == "sent" and outbox(db)[0][5] == 400001000000777


def test_cancel_a_transmitted_receipt_stores_the_cancellation_mark(db):
    sale = cash_sale(db)
    with db.write() as session:
        with pytest.raises(Exception, match="ΜΑΡΚ"):
            enqueue_cancel(session, 1, actor="admin")  # not transmitted yet

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            await sender.send_due()
            with db.write() as session:
                enqueue_cancel(session, 1, actor="admin")
            assert await sender.send_due() == 1
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    cancel = server.requests[-1]
    assert cancel.path == "/myDataProvider/CancelInvoice" and cancel.query == {"mark": str(server.mark_of(sale.uid))}
    row = outbox(db)[1]
    assert row[1] == "cancel" and row[3] == "sent" and row[9] == server.invoices[sale.uid].cancellation_mark
    assert query(db, "SELECT actor FROM audit_log WHERE action = 'mydata.cancel_requested'") == [("admin",)]


def test_deferred_card_payment_is_attached_with_send_payments_method(db):
    """A preloaded card payment paid later on the terminal (for less) and the balance the cashier takes in cash
    reach myDATA as SendPaymentsMethod, queued by the transactions that settle them (not by the test)."""
    terminal = FakePreloadTerminal(db)
    payments = PaymentService(db, terminal, tid="64999999", cashier="Ταμίας 1")
    preloads = PreloadService(payments)
    tracker = PreloadTracker(preloads)
    sale = payments.open_sale([bread(4)])  # 10.00
    sent = asyncio.run(preloads.send(sale))

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            assert await sender.send_due() == 1  # the receipt, while its card payment waits on the terminal
            terminal.pay(sent.card.reference, 800)  # the cashier lowered it to 8.00 on the terminal
            assert await tracker.check_now() == 1
            [row] = preload_store.preload_rows(db)
            await preloads.settle_balance_in_cash(row.id, 200)
            assert await sender.send_due() == 2
            assert await sender.send_due() == 0  # never twice
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    (invoice,) = sent_bodies(server)
    assert invoice.xpath("//i:paymentMethodDetails/i:type/text()", namespaces=NS) == []  # nothing settled yet
    card, cash = sent_bodies(server, "SendPaymentsMethod")
    mark = server.mark_of(sent.document.uid)
    assert card.findtext("p:paymentMethods/p:invoiceMark", namespaces=NS) == str(mark)
    detail = card.find("p:paymentMethods/p:paymentMethodDetails", namespaces=NS)
    card_payment = query(db, "SELECT transaction_id FROM payment WHERE method = 7")[0][0]
    assert [detail.findtext(f"i:{n}", namespaces=NS) for n in ("type", "amount", "transactionId", "tid")] == \
        ["7", "8.00", card_payment, "64999999"]
    assert cash.xpath("//i:type/text() | //i:amount/text()", namespaces=NS) == ["3", "2.00"]
    assert [row[1:4:2] for row in outbox(db)] == [("invoice", "sent"), ("payment_methods", "sent"),
                                                  ("payment_methods", "sent")]


def test_a_credit_note_waits_for_its_originals_mark_and_references_it(db):
    cash_sale(db)
    with db.write() as session:
        issue_cash_refund(session, 1)

    async def scenario():
        async with fake_mydata() as server:
            sender = sender_for(db, server)
            assert await sender.send_due() == 2  # the original first, then the credit note with its MARK
            await sender.client.close()
            return server

    server = asyncio.run(scenario())
    original, credit = sent_bodies(server)
    mark = receipt_marks(db)[0][1]
    assert credit.findtext("i:invoice/i:invoiceHeader/i:invoiceType", namespaces=NS) == "11.4"
    assert credit.findtext("i:invoice/i:invoiceHeader/i:correlatedInvoices", namespaces=NS) == str(mark)


def test_wrong_credentials_fail_every_document_until_fixed(db):
    cash_sale(db)

    async def scenario():
        async with fake_mydata() as server:
            server.subscription_key = "other"
            sender = sender_for(db, server)
            await sender.send_due()
            await sender.client.close()

    asyncio.run(scenario())
    row = outbox(db)[0]
    assert row[3] == "failed" and row[7] == "401" and "κλειδί συνδρομής" in row[8]


def _expected_modules(url: str) -> set[tuple[int, int]]:
    from reportlab.graphics.barcode.qr import QrCodeWidget

    qr = QrCodeWidget(url, barLevel="M").qr
    qr.make()
    return {(r, c) for r, row in enumerate(qr.modules) for c, on in enumerate(row) if on}


def _qr_modules(data: bytes) -> set[tuple[int, int]]:
    from pypdf.generic import ContentStream

    page = PdfReader(io.BytesIO(data)).pages[0]
    dark = set()
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"re":
            x, y, w, _h = (float(v) for v in operands)
            dark.update((int(y), int(x) + k) for k in range(int(w)))
    return dark
