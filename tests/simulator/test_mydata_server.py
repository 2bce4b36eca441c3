"""The fake myDATA as a peer system sees it: HTTP status, ResponseDoc bodies, validation, duplicates, faults."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fiscal"))
from mydata_helpers import KEY, USER, cash_sale, fake_mydata  # noqa: E402

from nexipos_desktop.fiscal.mydata_response import DUPLICATE_CODE, parse_response  # noqa: E402
from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice  # noqa: E402
from nexipos_desktop.fiscal.mydata_xml import invoices_doc, to_bytes  # noqa: E402
from nexipos_desktop.fiscal.xsd import SchemaNotFound, schema_dir  # noqa: E402
from nexipos_desktop.simulator.mydata_server import FakeMyData, MyDataFault  # noqa: E402

HEADERS = {"aade-user-id": USER, "ocp-apim-subscription-key": KEY, "Content-Type": "text/xml"}


def _has_xsd() -> bool:
    try:
        schema_dir()
    except SchemaNotFound:
        return False
    return True


needs_xsd = pytest.mark.skipif(not _has_xsd(), reason="the official myDATA XSDs (../shared/xsd) are not here")


@pytest.fixture
def invoice_body(db) -> bytes:
    sale = cash_sale(db)
    with db.read() as session:
        return to_bytes(invoices_doc([load_mydata_invoice(session, 1)])), sale.uid


def exchange(*calls, **server_options):
    """Run ``calls`` (path, body, headers, params) against a fresh fake server; returns it and the replies."""
    async def scenario():
        async with fake_mydata(**server_options) as server:
            replies = []
            async with httpx.AsyncClient(base_url=server.url, timeout=3) as http:
                for path, body, headers, params in calls:
                    if callable(body):
                        body = body(server)
                    if callable(params):
                        params = params(server)
                    try:
                        replies.append(await http.post(path, content=body, headers=headers, params=params))
                    except httpx.TransportError as exc:
                        replies.append(exc)
            return server, replies

    return asyncio.run(scenario())


def test_invoice_gets_mark_uid_and_qr_and_a_duplicate_names_the_mark(invoice_body):
    body, uid = invoice_body
    server, (first, provider, again) = exchange(("SendInvoices", body, HEADERS, None),
                                                ("myDataProvider/SendInvoices", body, HEADERS, None),
                                                ("SendInvoices", body, HEADERS, None))
    (item,) = parse_response(first.content)
    assert first.status_code == 200 and item.ok and item.uid == uid and item.mark == server.mark_of(uid)
    assert item.qr_url.startswith(server.url) and item.authentication_code is None  # ERP channel
    for reply in (provider, again):
        (dup,) = parse_response(reply.content)
        assert dup.errors[0].code == DUPLICATE_CODE and dup.duplicate_mark == item.mark
    assert len(server.invoices) == 1


def test_provider_channel_adds_the_authentication_code(invoice_body):
    body, _ = invoice_body
    _, (reply,) = exchange(("myDataProvider/SendInvoices", body, HEADERS, None))
    (item,) = parse_response(reply.content)
    assert item.ok and len(item.authentication_code) == 40


@pytest.mark.parametrize("headers, status", [
    ({"Content-Type": "text/xml"}, 401),
    ({**HEADERS, "aade-user-id": "someone-else"}, 401),
    ({**HEADERS, "ocp-apim-subscription-key": "wrong"}, 401),
    ({**HEADERS, "Content-Type": "application/json"}, 415),
])
def test_headers_are_checked(invoice_body, headers, status):
    body, _ = invoice_body
    server, (reply,) = exchange(("SendInvoices", body, headers, None))
    assert reply.status_code == status and server.invoices == {}


@needs_xsd
def test_a_body_that_breaks_the_xsd_is_refused_with_code_101(invoice_body):
    body, _ = invoice_body
    broken = body.replace(b"<vatCategory>3</vatCategory>", b"<vatCategory>42</vatCategory>")
    assert broken != body
    server, (reply, not_xml) = exchange(("SendInvoices", broken, HEADERS, None),
                                        ("SendInvoices", b"<InvoicesDoc", HEADERS, None))
    for answer in (reply, not_xml):
        (item,) = parse_response(answer.content)
        assert item.status_code == "XMLSyntaxError" and item.errors[0].code == "101"
    assert "vatCategory" in parse_response(reply.content)[0].errors[0].message and server.invoices == {}


def test_without_the_xsds_it_says_so_and_accepts_well_formed_xml(invoice_body, monkeypatch, tmp_path):
    monkeypatch.setenv("NEXIPOS_MYDATA_XSD", str(tmp_path))
    body, _ = invoice_body
    server, (reply,) = exchange(("SendInvoices", body.replace(b"<vatCategory>3<", b"<vatCategory>42<"), HEADERS,
                                 None))
    assert "XSD" in server.xsd_note and "καλοσχηματισμένο" in server.xsd_note
    assert parse_response(reply.content)[0].ok


def test_cancel_and_payment_methods(invoice_body):
    body, uid = invoice_body

    def payment_doc(server):
        mark = server.mark_of(uid)
        return (f'<PaymentMethodsDoc xmlns="https://www.aade.gr/myDATA/paymentMethod/v1.0" '
                f'xmlns:inv="http://www.aade.gr/myDATA/invoice/v1.0"><paymentMethods><invoiceMark>{mark}</invoiceMark>'
                '<paymentMethodDetails><inv:type>7</inv:type><inv:amount>1.00</inv:amount></paymentMethodDetails>'
                '</paymentMethods></PaymentMethodsDoc>').encode()

    server, (_, payment, cancel, cancel_again, unknown) = exchange(
        ("SendInvoices", body, HEADERS, None),
        ("SendPaymentsMethod", payment_doc, HEADERS, None),
        ("CancelInvoice", b"", HEADERS, lambda s: {"mark": str(s.mark_of(uid))}),
        ("CancelInvoice", b"", HEADERS, lambda s: {"mark": str(s.mark_of(uid))}),
        ("CancelInvoice", b"", HEADERS, {"mark": "1"}))
    (paid,) = parse_response(payment.content)
    assert paid.ok and paid.payment_method_mark == server.payment_methods[0][1]
    first, again = parse_response(cancel.content)[0], parse_response(cancel_again.content)[0]
    assert first.ok and first.cancellation_mark == again.cancellation_mark == server.invoices[uid].cancellation_mark
    assert parse_response(unknown.content)[0].errors[0].code == "404"


def test_scripted_faults_one_per_request(invoice_body):
    body, uid = invoice_body

    async def scenario():
        async with fake_mydata(slow_s=0.3) as server:
            server.script(MyDataFault.SERVER_ERROR, MyDataFault.BUSINESS_ERROR, MyDataFault.DROP, MyDataFault.SLOW)
            async with httpx.AsyncClient(base_url=server.url, headers=HEADERS) as http:
                error = await http.post("SendInvoices", content=body)
                business = await http.post("SendInvoices", content=body)
                with pytest.raises(httpx.RemoteProtocolError):
                    await http.post("SendInvoices", content=body)
                dropped_mark = server.mark_of(uid)
                with pytest.raises(httpx.ReadTimeout):
                    await http.post("SendInvoices", content=body, timeout=httpx.Timeout(5.0, read=0.1))
                normal = await http.post("SendInvoices", content=body)
            return error, business, dropped_mark, normal, server

    error, business, dropped_mark, normal, server = asyncio.run(scenario())
    assert error.status_code == 500
    assert parse_response(business.content)[0].errors[0].code == "207"
    assert dropped_mark is not None  # registered although the answer was dropped
    assert parse_response(normal.content)[0].duplicate_mark == dropped_mark
    assert len(server.requests) == 5


def test_always_faults_from_the_command_line():
    server = FakeMyData(always=(MyDataFault.SERVER_ERROR,))
    assert server._next_fault() is MyDataFault.SERVER_ERROR and server._next_fault() is MyDataFault.SERVER_ERROR
