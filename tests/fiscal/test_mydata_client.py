"""The myDATA client on the wire (headers, paths, bodies) and the ResponseDoc parser (examples and properties)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nexipos_desktop.fiscal.mydata_client import (
    MyDataClient, MyDataConfig, MyDataHttpError, MyDataNoAnswer, MyDataUnreachable, base_url,
)
from nexipos_desktop.fiscal.mydata_response import (
    DUPLICATE_CODE, ResponseError, ResponseErrorItem, ResponseItem, greek_error, parse_response, response_doc,
)
from nexipos_desktop.fiscal.mydata_setup import mydata_config
from nexipos_desktop.secrets import set_secret

SUCCESS = b"""<?xml version="1.0" encoding="utf-8"?>
<ResponseDoc xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <response><index>1</index><invoiceUid>9F3C</invoiceUid><invoiceMark>400001234567890</invoiceMark>
  <authenticationCode>AB12</authenticationCode><qrUrl>https://mydatapi.aade.gr/q?x=1</qrUrl>
  <statusCode>Success</statusCode></response>
</ResponseDoc>"""
ERROR = b"""<ResponseDoc><response><index>1</index><statusCode>ValidationError</statusCode><errors>
  <error><message>Wrong totals</message><code>207</code></error><error><message>Odd</message><code>999</code></error>
</errors></response></ResponseDoc>"""


def test_success_response_is_parsed():
    (item,) = parse_response(SUCCESS)
    assert item.ok and (item.index, item.uid, item.mark) == (1, "9F3C", 400001234567890)
    assert (item.authentication_code, item.qr_url) == ("AB12", "https://mydatapi.aade.gr/q?x=1")


def test_error_response_is_parsed_and_explained_in_greek():
    (item,) = parse_response(ERROR)
    assert not item.ok and item.mark is None
    assert item.errors == (ResponseErrorItem("207", "Wrong totals"), ResponseErrorItem("999", "Odd"))
    assert item.greek_errors() == ("Λάθος σύνολα: τα αθροίσματα των γραμμών δεν συμφωνούν με τη σύνοψη "
                                   "(myDATA 207: Wrong totals); Σφάλμα myDATA 999: Odd")


def test_duplicate_names_the_existing_mark():
    item = ResponseItem("ValidationError", errors=(
        ResponseErrorItem(DUPLICATE_CODE, "Duplicate invoice: already registered with mark 400001000000042"),))
    assert item.is_duplicate and item.duplicate_mark == 400001000000042
    assert ResponseItem("ValidationError", errors=(ResponseErrorItem(DUPLICATE_CODE, "Duplicate"),)).duplicate_mark is None
    assert ResponseItem("ValidationError", errors=(ResponseErrorItem("207", "mark 400001000000042"),)).duplicate_mark is None
    assert greek_error(None, "plain") == "plain"


@pytest.mark.parametrize("body", [b"", b"not xml", b"<Other/>", b"<ResponseDoc/>",
                                  b"<ResponseDoc><response><invoiceMark>x</invoiceMark></response></ResponseDoc>"])
def test_what_is_not_a_response_doc_is_refused(body):
    with pytest.raises(ResponseError):
        parse_response(body)


_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).map(str.strip)
_mark = st.integers(min_value=1, max_value=2**62)
_success = st.builds(ResponseItem, st.just("Success"), st.none() | st.integers(1, 999), st.none() | _text.filter(bool),
                     st.none() | _mark, st.none() | _text.filter(bool), st.none() | _text.filter(bool),
                     st.none() | _mark, st.none() | _mark)
_failure = st.builds(lambda status, index, errors: ResponseItem(status, index, errors=tuple(errors)),
                     st.sampled_from(["ValidationError", "TechnicalError", "XMLSyntaxError"]),
                     st.none() | st.integers(1, 999),
                     st.lists(st.builds(ResponseErrorItem, _text, _text), min_size=1, max_size=3))


@given(st.lists(_success | _failure, min_size=1, max_size=4))
def test_response_doc_round_trips(items):
    assert parse_response(response_doc(items)) == items


@given(st.binary(max_size=200))
def test_parser_never_crashes_on_garbage(body):
    try:
        parse_response(body)
    except ResponseError:
        pass


def test_base_urls_of_the_channels():
    assert base_url("erp", "dev") == "https://mydataapidev.aade.gr/"
    assert base_url("erp", "prod") == "https://mydatapi.aade.gr/myDATA/"
    assert base_url("provider", "dev") == "https://mydataapidev.aade.gr/myDataProvider/"
    assert base_url("provider", "prod") == "https://mydatapi.aade.gr/myDataProvider/"
    assert base_url("erp", "custom", "http://127.0.0.1:8090") == "http://127.0.0.1:8090/"
    for args in (("fax", "dev"), ("erp", "test"), ("erp", "custom", "")):
        with pytest.raises(ValueError):
            base_url(*args)


def test_config_comes_from_the_secrets_store_and_never_shows_the_key():
    settings = {"mydata.channel": "provider", "mydata.environment": "prod"}
    set_secret("mydata.user_id", None)
    assert mydata_config(settings) is None  # not set up: receipts wait in the outbox
    set_secret("mydata.user_id", "shop-user")
    set_secret("mydata.subscription_key", "s3cr3t-key")
    try:
        config = mydata_config(settings)
        assert (config.channel, config.base_url, config.user_id) == (
            "provider", "https://mydatapi.aade.gr/myDataProvider/", "shop-user")
        assert "s3cr3t" not in repr(config)
    finally:
        set_secret("mydata.user_id", None)
        set_secret("mydata.subscription_key", None)


def _client(handler) -> MyDataClient:
    return MyDataClient(MyDataConfig("erp", "https://mydataapidev.aade.gr/", "u1", "k1"),
                        transport=httpx.MockTransport(handler))


def test_requests_on_the_wire():
    seen = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, content=SUCCESS)

    async def calls():
        client = _client(handler)
        await client.send_invoices(b"<InvoicesDoc/>")
        await client.cancel_invoice(400001234567890)
        await client.send_payment_methods(b"<PaymentMethodsDoc/>")
        await client.close()

    asyncio.run(calls())
    assert [str(r.url) for r in seen] == [
        "https://mydataapidev.aade.gr/SendInvoices", "https://mydataapidev.aade.gr/CancelInvoice?mark=400001234567890",
        "https://mydataapidev.aade.gr/SendPaymentsMethod"]
    assert {r.method for r in seen} == {"POST"}
    assert [r.content for r in seen] == [b"<InvoicesDoc/>", b"", b"<PaymentMethodsDoc/>"]
    for request in seen:
        assert (request.headers["aade-user-id"], request.headers["ocp-apim-subscription-key"],
                request.headers["content-type"]) == ("u1", "k1", "text/xml")


@pytest.mark.parametrize("failure, expected", [
    (httpx.ConnectError("refused"), MyDataUnreachable),
    (httpx.ConnectTimeout("slow dns"), MyDataUnreachable),
    (httpx.ReadTimeout("no answer"), MyDataNoAnswer),
    (httpx.RemoteProtocolError("dropped"), MyDataNoAnswer),
])
def test_transport_failures_are_told_apart(failure, expected):
    def handler(request):
        raise failure

    async def call():
        client = _client(handler)
        try:
            await client.send_invoices(b"<x/>")
        finally:
            await client.close()

    with pytest.raises(expected) as raised:
        asyncio.run(call())
    assert "k1" not in str(raised.value)


@pytest.mark.parametrize("status, body, retryable", [(500, b"oops", True), (503, b"", True), (429, b"", True),
                                                     (401, b"denied", False), (404, b"no", False)])
def test_http_errors(status, body, retryable):
    async def call():
        client = _client(lambda request: httpx.Response(status, content=body))
        try:
            await client.send_invoices(b"<x/>")
        finally:
            await client.close()

    with pytest.raises(MyDataHttpError) as raised:
        asyncio.run(call())
    assert raised.value.status == status and raised.value.retryable is retryable


def test_an_error_status_with_a_response_doc_is_read_as_an_answer():
    async def call():
        client = _client(lambda request: httpx.Response(400, content=ERROR))
        try:
            return await client.send_invoices(b"<x/>")
        finally:
            await client.close()

    (item,) = asyncio.run(call())
    assert item.errors[0].code == "207"
