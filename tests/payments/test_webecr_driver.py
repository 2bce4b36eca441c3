"""The WebECR driver as the server sees it (exact bodies, paths, headers) and as the cashier sees it (outcomes)."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import sqlite3
from datetime import datetime
from typing import Any

import httpx
import pytest
from webecr_fake import ROOT, FakeWebEcr

from nexipos_desktop.payments.contract import Approved, BatchFull, Busy, Cancelled, Declined, EchoResult
from nexipos_desktop.payments.contract import EcrTokenProof, Failed, InDoubt, Operation, OriginalTransaction
from nexipos_desktop.payments.contract import PaymentRequest, Pending, ProviderProof, QueryingDriver, ListingDriver
from nexipos_desktop.payments.contract import TerminalConfig
from nexipos_desktop.payments.drivers.webecr import WebEcrDriver
from nexipos_desktop.payments.registry import create_driver

SECRETS = {"webecr.password": "s3cret-pass", "webecr.api_key": "KEY-ABCDEF-0001"}
UID = "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC"


def settings(**extra: str) -> dict[str, str]:
    return {"webecr.environment": "custom", "webecr.base_url": ROOT, "webecr.username": "erp",
            "webecr.terminal_id": "17", "tid": "64990001", "webecr.poll_interval_s": "2",
            "webecr.recovery_s": "30", **extra}


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def make(server: FakeWebEcr, secrets: dict | None = None, result_timeout_s: float = 180.0,
         **extra: str) -> tuple[WebEcrDriver, Sleeps, dict]:
    store = dict(SECRETS if secrets is None else secrets)
    sleeps = Sleeps()
    driver = WebEcrDriver(TerminalConfig(driver="webecr", result_timeout_s=result_timeout_s, extra=settings(**extra)),
                          transport=server.transport, secret=store.get,
                          save_secret=lambda k, v: store.__setitem__(k, v), sleep=sleeps)
    return driver, sleeps, store


def run(driver: WebEcrDriver, request: PaymentRequest):
    async def go():
        try:
            return await driver.execute(request)
        finally:
            await driver.close()
    return asyncio.run(go())


def sale(amount: int = 200, reference: str = "NXREF0001", **fields: Any) -> PaymentRequest:
    return PaymentRequest(fields.pop("operation", Operation.SALE), reference, amount, "Α-12", session=7, **fields)


def txninits(server: FakeWebEcr) -> list:
    return server.seen("terminal/17/txninit/", "POST")


# ----- requests on the wire -----

def test_sale_body_path_and_headers_and_approved_outcome():
    server = FakeWebEcr()
    driver, _, store = make(server)
    outcome = run(driver, sale(200))
    [sent] = txninits(server)
    assert sent.body == {"TxnType": 0, "Amount": 200, "CurrencyCode": 978, "CustomerReference": "NXREF0001",
                         "Timeout": 180}
    assert sent.headers["x-api-key"] == "KEY-ABCDEF-0001" and sent.headers["authorization"].startswith("Bearer acc-")
    assert sent.headers["content-type"] == "application/json"
    assert isinstance(outcome, Approved)
    assert (outcome.tid, outcome.amount_cents, outcome.final_amount_cents, outcome.auth_code) == (
        "64990001", 200, 200, "A1B2C3")
    assert outcome.transaction_id.startswith("0751217022851763") and len(outcome.rrn) == 12
    assert json.loads(outcome.raw)["CustomerReference"] == "NXREF0001"
    assert store["webecr.refresh_token"].startswith("ref-")  # the refresh token goes to the secrets store


def test_driver_is_registered_and_declares_query_and_listing():
    driver = create_driver(TerminalConfig(driver="webecr", extra=settings()))
    assert isinstance(driver, QueryingDriver) and isinstance(driver, ListingDriver)
    assert {Operation.PRELOAD, Operation.LINKED_REFUND, Operation.MOTO} <= driver.capabilities
    asyncio.run(driver.close())


@pytest.mark.parametrize("field_name", ["Signature", "ProviderSignature"])
def test_provider_data_carries_the_base64_signature_under_the_configured_name(field_name):
    server = FakeWebEcr()
    driver, _, _ = make(server, **{"webecr.signature_field": field_name})
    proof = ProviderProof(UID, "", "20261127124019", 177, 23, 200, "999", b"\x30\x45\x02\x20" + bytes(range(40)))
    run(driver, sale(150, provider_proof=proof))
    [sent] = txninits(server)
    assert sent.body["Amount"] == 150
    assert sent.body["ProviderData"] == {
        "Uid": UID, "Mark": None, "SignatureTimestamp": "20261127124019", "NetAmount": 177, "VatAmount": 23,
        "TotalAmount": 200, "ProviderId": "999", field_name: base64.b64encode(proof.signature_der).decode()}


def test_ecr_token_route_sends_the_signed_amount_command():
    server = FakeWebEcr()
    driver, _, _ = make(server)
    run(driver, sale(200, ecr_token=EcrTokenProof("ABC00111222", "0A1B2C3D")))
    [sent] = txninits(server)
    command = sent.body["EcrTokenData"]["AmountCommand"]
    assert command.startswith("ECR0110A/S000007/F200:978:2/RABC00111222/") and command.endswith("/Q0A1B2C3D")
    assert "ProviderData" not in sent.body


@pytest.mark.parametrize(("operation", "fields", "expected"), [
    (Operation.REFUND, {}, {"TxnType": 1}),
    (Operation.LINKED_REFUND, {"original": OriginalTransaction(transaction_id="075121702285176315144")},
     {"TxnType": 1, "InitialTransaction": "075121702285176315144"}),
    (Operation.PREAUTH, {}, {"TxnType": 2}),
    (Operation.PREAUTH_COMPLETION, {"original": OriginalTransaction(transaction_id="075121702285176315144")},
     {"TxnType": 3, "InitialTransaction": "075121702285176315144"}),
    (Operation.MOTO, {}, {"TxnType": 4}),
    (Operation.CASH_ADVANCE, {}, {"TxnType": 5}),
    (Operation.TIP, {"tip_cents": 50}, {"TxnType": 0, "TipAmount": 50}),
    (Operation.INSTALMENTS, {"instalments": 3}, {"TxnType": 0, "Instalments": 3}),
])
def test_each_operation_has_its_txn_type_and_fields(operation, fields, expected):
    server = FakeWebEcr()
    driver, _, _ = make(server)
    outcome = run(driver, sale(300, operation=operation, **fields))
    [sent] = txninits(server)
    assert sent.body == {"Amount": 300, "CurrencyCode": 978, "CustomerReference": "NXREF0001", "Timeout": 180,
                         **expected}
    assert isinstance(outcome, Approved)
    if operation is Operation.TIP:
        assert (outcome.amount_cents, outcome.final_amount_cents) == (300, 350)


def test_linked_refund_by_original_reference_looks_up_its_transaction_id():
    server = FakeWebEcr()
    original = server.intent({"CustomerReference": "NXORIG", "Amount": 200}, result=1)
    driver, _, _ = make(server)
    run(driver, sale(200, operation=Operation.LINKED_REFUND, original=OriginalTransaction(reference="NXORIG")))
    assert txninits(server)[0].body["InitialTransaction"] == original["TransactionId"]


def test_completion_without_original_fails_before_sending():
    server = FakeWebEcr()
    driver, _, _ = make(server)
    outcome = run(driver, sale(200, operation=Operation.PREAUTH_COMPLETION))
    assert isinstance(outcome, Failed) and outcome.code == "no_original" and "Δεν έγινε χρέωση" in outcome.message
    assert txninits(server) == []


def test_void_by_transaction_id_and_by_intent_id():
    server = FakeWebEcr()
    original = server.intent({"CustomerReference": "NXORIG", "Amount": 200}, result=1)
    driver, _, _ = make(server)
    run(driver, sale(200, "NXVOID1", operation=Operation.VOID,
                     original=OriginalTransaction(transaction_id=original["TransactionId"])))
    driver, _, _ = make(server)
    outcome = run(driver, sale(200, "NXVOID2", operation=Operation.VOID, original=OriginalTransaction(reference="NXORIG")))
    first, second = server.seen("terminal/17/txnvoid/")
    assert first.body == {"OriginalIdentifier": original["TransactionId"], "OriginalIdentifierType": 2,
                          "CustomerReference": "NXVOID1"}
    assert second.body == {"OriginalIdentifier": original["Id"], "OriginalIdentifierType": 1,
                           "CustomerReference": "NXVOID2"}
    assert isinstance(outcome, Approved) and txninits(server) == []


def test_preload_is_sent_asynchronously_with_its_expiry_and_is_pending():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json=server.intent(body, result=None, status=1,
                                                                            PreloadTransaction=True))
    driver, sleeps, _ = make(server)
    outcome = run(driver, sale(200, operation=Operation.PRELOAD, preload_expiry_minutes=90))
    [sent] = txninits(server)
    assert sent.body == {"TxnType": 0, "Amount": 200, "CurrencyCode": 978, "CustomerReference": "NXREF0001",
                         "PreloadTransaction": True, "PreloadExpiration": 90, "Timeout": 0}
    assert isinstance(outcome, Pending) and outcome.reference == "NXREF0001" and outcome.expires_at is not None
    assert sleeps == []  # nobody waits for a deferred payment


# ----- results -----

@pytest.mark.parametrize(("result", "kind", "text"), [
    (2, Declined, "απορρίφθηκε"), (3, Cancelled, "ακυρώθηκε"), (4, Failed, "Δεν έγινε χρέωση"),
    (6, Busy, "απασχολημένο"), (7, BatchFull, "«Κλείσιμο Πακέτου»"), (5, InDoubt, "UNKNOWN"), (42, InDoubt, "42"),
])
def test_every_result_code_has_its_outcome_and_greek_message(result, kind, text):
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json=server.intent(body, result=result))
    driver, _, _ = make(server, **{"webecr.recovery_s": "4"})
    outcome = run(driver, sale(200))
    assert type(outcome) is kind
    assert text in (getattr(outcome, "message", None) or outcome.reason)
    assert len(txninits(server)) == 1


def test_sync_wait_never_asks_the_server_for_more_than_180_seconds():
    server = FakeWebEcr()
    driver, _, _ = make(server, result_timeout_s=600)
    run(driver, sale(200))
    assert txninits(server)[0].body["Timeout"] == 180


def test_async_mode_starts_and_polls_by_reference():
    server = FakeWebEcr()
    states = iter([(1, None), (2, None), (3, 1)])

    def start(body):
        intent = server.intent(body, result=None, status=1)
        return httpx.Response(200, json=intent)

    def poll(reference):
        status, result = next(states)
        intent = server.intents[-1] if result is None else server.intent(
            {"CustomerReference": reference, "Amount": 200}, result=1)
        intent = {**intent, "Status": status}
        return httpx.Response(200, json={"count": 1, "next": None, "previous": None, "results": [intent]})

    server.on_txninit, server.on_query = start, poll
    driver, sleeps, _ = make(server, **{"webecr.mode": "async"})
    outcome = run(driver, sale(200))
    assert txninits(server)[0].body["Timeout"] == 0
    assert isinstance(outcome, Approved) and sleeps == [2, 2, 2]
    queries = server.seen("transactionintent/")
    assert len(queries) == 3 and all(q.path == "transactionintent/?CustomerReference=NXREF0001" for q in queries)


# ----- in doubt and recovery: never a second txninit -----

def _book_then(fault):
    def handler(server):
        def txninit(body):
            server.approve(body)  # the terminal charged the card...
            return fault()  # ...but the reply is lost
        return txninit
    return handler


def _raise(error):
    def fault():
        raise error
    return fault


@pytest.mark.parametrize("make_fault", [
    _book_then(_raise(httpx.ReadTimeout("timed out"))),
    _book_then(_raise(httpx.RemoteProtocolError("Server disconnected without sending a response."))),
    _book_then(_raise(httpx.ReadError("connection reset"))),
    _book_then(lambda: httpx.Response(502, text="<html>Bad gateway</html>")),
    _book_then(lambda: httpx.Response(500, json={"detail": "oops"})),
    _book_then(lambda: httpx.Response(200, text='{"Id": "int-1", "Status": 3, "Res')),
    _book_then(lambda: httpx.Response(200, text="[1, 2, 3]")),
], ids=["timeout", "disconnect", "reset", "502", "500", "truncated-json", "not-an-intent"])
def test_a_lost_reply_is_recovered_by_query_never_by_a_second_txninit(make_fault):
    server = FakeWebEcr()
    server.on_txninit = make_fault(server)
    driver, sleeps, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Approved) and outcome.amount_cents == 200
    assert len(txninits(server)) == 1
    assert server.seen("transactionintent/")[0].path == "transactionintent/?CustomerReference=NXREF0001"
    assert sleeps == [2]


def test_no_record_after_the_recovery_window_stays_in_doubt_with_backoff():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(503, text="unavailable")
    driver, sleeps, _ = make(server, result_timeout_s=30, **{"webecr.recovery_s": "30"})
    outcome = run(driver, sale(200))
    assert isinstance(outcome, InDoubt) and "HTTP 503" in outcome.reason and "μην την επαναλάβετε" in outcome.reason
    assert "δεν βρίσκει (ακόμη) συναλλαγή με αναφορά NXREF0001" in outcome.reason
    assert len(txninits(server)) == 1
    assert sleeps == [2, 4, 8, 16]  # backoff within the 30 s window, no second txninit


def test_unknown_result_is_queried_until_it_settles():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json=server.intent(body, result=5))

    def later(reference):
        server.intents[-1].update(Result=2)
        return httpx.Response(200, json={"count": 1, "next": None, "results": [server.intents[-1]]})

    server.on_query = later
    driver, _, _ = make(server)
    assert isinstance(run(driver, sale(200)), Declined) and len(txninits(server)) == 1


@pytest.mark.parametrize("change", [{"Amount": 2000}, {"CustomerReference": "NXSOMEONEELSE"}],
                         ids=["amount", "reference"])
def test_a_reply_for_another_amount_or_reference_is_in_doubt(change):
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json={**server.intent(body, result=1), **change})
    driver, sleeps, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, InDoubt) and "μην την επαναλάβετε" in outcome.reason
    assert ("2000" if "Amount" in change else "NXSOMEONEELSE") in outcome.reason
    assert len(txninits(server)) == 1 and sleeps == []


def test_an_approved_transaction_for_a_different_amount_is_in_doubt():
    server = FakeWebEcr()

    def txninit(body):
        intent = server.intent(body, result=1)
        intent["Transaction"]["Amount"] = 20000
        return httpx.Response(200, json=intent)

    server.on_txninit = txninit
    driver, _, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, InDoubt) and "20000" in outcome.reason


# ----- auth -----

def test_expired_access_token_is_refreshed_once():
    server = FakeWebEcr()
    driver, _, _ = make(server)

    async def go():
        await driver.execute(sale(200, "NXA"))
        server.access.clear()  # the access token expired
        outcome = await driver.execute(sale(200, "NXB"))
        await driver.close()
        return outcome

    assert isinstance(asyncio.run(go()), Approved)
    assert [s.path for s in server.requests if s.method == "POST"] == [
        "token/", "terminal/17/txninit/", "terminal/17/txninit/", "token/refresh/", "terminal/17/txninit/"]
    assert len(server.intents) == 2  # the refused (401) request was never processed


def test_refused_refresh_logs_in_again_once():
    server = FakeWebEcr()
    driver, _, store = make(server)

    async def go():
        await driver.execute(sale(200, "NXA"))
        server.access.clear()
        server.refresh.clear()
        outcome = await driver.execute(sale(200, "NXB"))
        await driver.close()
        return outcome

    assert isinstance(asyncio.run(go()), Approved)
    assert [s.path for s in server.requests if s.method == "POST"] == [
        "token/", "terminal/17/txninit/", "terminal/17/txninit/", "token/refresh/", "token/", "terminal/17/txninit/"]
    assert store["webecr.refresh_token"] in server.refresh


def test_a_server_that_always_says_401_is_not_looped():
    server = FakeWebEcr(require_key=False)
    real, refusing = server.handle, []

    def handle(request):
        response = real(request)
        return httpx.Response(401, json={"detail": "no"}) if refusing and "txninit" in str(request.url) else response

    driver = WebEcrDriver(TerminalConfig(driver="webecr", extra=settings(**{"webecr.auth": "token"})),
                          transport=httpx.MockTransport(handle), secret=SECRETS.get, save_secret=lambda k, v: None)

    async def go():
        assert isinstance(await driver.echo(), EchoResult)  # logged in, token cached
        refusing.append(True)
        return await driver.execute(sale(200))

    outcome = asyncio.run(go())
    assert isinstance(outcome, Failed) and outcome.code == "credentials" and "Δεν έγινε χρέωση" in outcome.message
    paths = [s.path for s in server.requests]
    assert paths == ["token/", "terminal/?TerminalID=64990001", "terminal/17/txninit/", "token/refresh/",
                     "terminal/17/txninit/", "token/", "terminal/17/txninit/"]


def test_a_401_right_after_a_fresh_login_is_final():
    server = FakeWebEcr(require_key=False)
    real = server.handle

    def handle(request):
        response = real(request)
        return httpx.Response(401, json={"detail": "no"}) if "txninit" in str(request.url) else response

    driver = WebEcrDriver(TerminalConfig(driver="webecr", extra=settings(**{"webecr.auth": "token"})),
                          transport=httpx.MockTransport(handle), secret=SECRETS.get, save_secret=lambda k, v: None)
    outcome = asyncio.run(driver.execute(sale(200)))
    assert isinstance(outcome, Failed) and outcome.code == "credentials"
    assert [s.path for s in server.requests] == ["token/", "terminal/17/txninit/"]


def test_wrong_password_fails_without_sending_the_payment():
    server = FakeWebEcr()
    driver, _, _ = make(server, {**SECRETS, "webecr.password": "wrong"})
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Failed) and outcome.code == "credentials" and "webecr.password" in outcome.message
    assert txninits(server) == []


def test_revoked_key_is_pair_again_not_a_payment_failure():
    server = FakeWebEcr()
    server.keys.clear()  # the merchant revoked the key
    driver, _, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Failed) and outcome.code == "pair_again"
    assert "σύζευξη" in outcome.message and "Δεν έγινε χρέωση" in outcome.message
    assert driver.pairing_problem and "WebECR Code" in driver.pairing_problem
    driver, _, _ = make(server)
    echo = asyncio.run(driver.echo())
    assert isinstance(echo, Failed) and echo.code == "pair_again"


def test_api_key_only_mode_sends_no_bearer():
    server = FakeWebEcr(require_token=False)
    driver = WebEcrDriver(TerminalConfig(driver="webecr", extra=settings(**{"webecr.auth": "api_key"})),
                          transport=server.transport, secret={"webecr.api_key": "KEY-ABCDEF-0001"}.get)
    assert isinstance(asyncio.run(driver.execute(sale(200))), Approved)
    [only] = server.requests
    assert only.path == "terminal/17/txninit/" and "authorization" not in only.headers
    assert only.headers["x-api-key"] == "KEY-ABCDEF-0001"


@pytest.mark.parametrize(("error", "code", "text"), [
    (httpx.ConnectError("[Errno -2] Name or service not known"), "unreachable", "σύνδεση στο διαδίκτυο"),
    (httpx.ConnectTimeout("timed out"), "unreachable", "Καμία απάντηση"),
    (httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"), "tls", "TLS"),
])
def test_unreachable_host_and_tls_failure_charge_nothing(error, code, text):
    def handle(request):
        raise error

    driver = WebEcrDriver(TerminalConfig(driver="webecr", extra=settings()), transport=httpx.MockTransport(handle),
                          secret=SECRETS.get, save_secret=lambda k, v: None)
    outcome = asyncio.run(driver.execute(sale(200)))
    assert isinstance(outcome, Failed) and outcome.code == code
    assert text in outcome.message and "Δεν έγινε χρέωση" in outcome.message


def test_a_400_refusal_is_failed_with_the_servers_reason():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(400, json={"ProviderData": ["Signature is required."]})
    driver, _, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Failed) and outcome.code == "rejected" and "Signature is required" in outcome.message


def test_missing_settings_fail_in_greek_before_any_request():
    server = FakeWebEcr()
    driver, _, _ = make(server, {"webecr.password": "x"})
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Failed) and outcome.code == "config" and "nexipos terminal pair" in outcome.message
    assert server.requests == []


def test_nothing_secret_in_logs_outcomes_or_exceptions(caplog):
    caplog.set_level(logging.DEBUG)
    server = FakeWebEcr()
    texts = []
    for secrets in (SECRETS, {**SECRETS, "webecr.password": "wrong-s3cret"}, {**SECRETS, "webecr.api_key": "REVOKED-K"}):
        driver, _, _ = make(server, secrets)
        outcome = run(driver, sale(200, f"NX{len(texts)}"))
        texts.append(getattr(outcome, "message", "") + repr(outcome).replace(getattr(outcome, "raw", ""), ""))
        texts.append(repr(driver.account))
    tokens = server.access | server.refresh
    everything = caplog.text + "".join(texts)
    for secret in ("s3cret-pass", "wrong-s3cret", "KEY-ABCDEF-0001", "REVOKED-K", *tokens):
        assert secret not in everything
    assert "txninit" in caplog.text


# ----- query, list, echo -----

def test_query_by_reference():
    server = FakeWebEcr()
    server.intent({"CustomerReference": "NXDONE", "Amount": 500}, result=1)
    server.intent({"CustomerReference": "NXRUN", "Amount": 500}, result=None, status=2)
    driver, _, _ = make(server)

    async def go():
        try:
            return [await driver.query(ref) for ref in ("NXDONE", "NXRUN", "NXNONE")]
        finally:
            await driver.close()

    done, running, missing = asyncio.run(go())
    assert isinstance(done, Approved) and done.amount_cents == 500
    assert isinstance(running, InDoubt) and "σε εξέλιξη" in running.reason
    assert missing is None and txninits(server) == []


def test_transactions_page_through_the_host_list():
    server = FakeWebEcr(page_size=2)
    for n in range(5):
        intent = server.intent({"CustomerReference": f"NX{n}", "Amount": 100 + n, "TxnType": n % 2}, result=1)
        server.transactions.append({**intent["Transaction"], "Unexpected": {"x": 1}})
    server.transactions.append({"garbage": True})
    driver, _, _ = make(server)

    async def go():
        try:
            return await driver.transactions(datetime(2026, 11, 27), datetime(2026, 11, 28))
        finally:
            await driver.close()

    rows = asyncio.run(go())
    assert [r.amount_cents for r in rows] == [100, 101, 102, 103, 104]
    assert [r.operation for r in rows[:2]] == [Operation.SALE, Operation.REFUND]
    assert rows[0].reference == "NX0" and rows[0].tid == "64990001" and "Unexpected" in rows[0].raw
    first = server.seen("transaction/")[0]
    assert first.path == ("transaction/?Timestamp_min=2026-11-27T00%3A00%3A00&Timestamp_max=2026-11-28T00%3A00%3A00"
                          "&TID=64990001")
    assert len(server.seen("transaction/")) == 3


def test_echo_is_a_read_only_terminal_lookup():
    server = FakeWebEcr()
    driver, _, _ = make(server)
    result = asyncio.run(driver.echo())
    assert isinstance(result, EchoResult) and result.tid == "64990001" and "NEXI" in result.app_version
    assert [s.method for s in server.requests if s.path != "token/"] == ["GET"]


def test_a_second_payment_while_one_waits_is_busy_and_not_sent():
    server = FakeWebEcr()
    gate = asyncio.Event()

    async def go():
        driver, _, _ = make(server)
        slow = server.handle

        async def handle(request):
            if "txninit" in str(request.url):
                await gate.wait()
            return slow(request)

        driver._client._http._transport = httpx.MockTransport(handle)
        first = asyncio.create_task(driver.execute(sale(200, "NXA")))
        await asyncio.sleep(0.01)
        second = await driver.execute(sale(300, "NXB"))
        gate.set()
        return await first, second

    first, second = asyncio.run(go())
    assert isinstance(first, Approved) and isinstance(second, Busy)
    assert [s.body["CustomerReference"] for s in txninits(server)] == ["NXA"]


# ----- through the payment service: the reference is committed before the request -----

def test_service_commits_the_reference_before_sending(db, db_path):
    from nexipos_desktop.payments.service import PaymentService

    server = FakeWebEcr()
    seen_rows = []

    def txninit(body):
        with sqlite3.connect(db_path) as conn:
            seen_rows.extend(conn.execute("SELECT state, amount_cents FROM card_attempt WHERE reference = ?",
                                          (body["CustomerReference"],)).fetchall())
        raise httpx.ReadTimeout("lost")

    server.on_txninit = txninit
    driver, _, _ = make(server, **{"webecr.recovery_s": "4"})
    service = PaymentService(db, driver, tid="64990001")

    async def go():
        try:
            return await service.terminal_operation(Operation.SALE, 250)
        finally:
            await driver.close()

    result = asyncio.run(go())
    assert seen_rows == [("sent", 250)]
    assert isinstance(result.outcome, InDoubt)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT state FROM card_attempt WHERE reference = ?", (result.reference,)).fetchall() == [
            ("in_doubt",)]
    server.intent({"CustomerReference": result.reference, "Amount": 250}, result=1)  # the host knew all along
    driver, _, _ = make(server)
    service = PaymentService(db, driver, tid="64990001")
    resolved = asyncio.run(service.resolve_by_query(result.attempt_id))
    assert isinstance(resolved, Approved) and len(txninits(server)) == 1


def test_pair_again_state_clears_once_the_key_works_again():
    server = FakeWebEcr()
    driver, _, _ = make(server)

    async def go():
        server.keys.clear()
        refused = await driver.execute(sale(200, "NXA"))
        problem = driver.pairing_problem
        server.keys.add("KEY-ABCDEF-0001")
        accepted = await driver.execute(sale(200, "NXB"))
        await driver.close()
        return refused, problem, accepted

    refused, problem, accepted = asyncio.run(go())
    assert refused.code == "pair_again" and problem and isinstance(accepted, Approved)
    assert driver.pairing_problem is None


def test_path_prefix_is_configuration():
    server = FakeWebEcr(root=ROOT + "v2.2/")
    driver, _, _ = make(server, **{"webecr.path_prefix": "/v2.2"})
    assert isinstance(run(driver, sale(200)), Approved)
    assert [s.path for s in server.requests] == ["token/", "terminal/17/txninit/"]  # both under …/v1/v2.2/


def test_a_decline_keeps_the_terminals_code_and_text_when_the_host_gives_them():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json=server.intent(
        body, result=2, ResponseCode="05", Message="Απόρριψη από την εκδότρια τράπεζα"))
    driver, _, _ = make(server)
    outcome = run(driver, sale(200))
    assert isinstance(outcome, Declined)
    assert (outcome.code, outcome.message) == ("05", "Απόρριψη από την εκδότρια τράπεζα")


def test_an_ambiguous_original_fails_before_anything_is_sent():
    server = FakeWebEcr()
    server.intent({"CustomerReference": "NXORIG", "Amount": 200}, result=1)
    server.intent({"CustomerReference": "NXORIG", "Amount": 200}, result=1)
    driver, _, _ = make(server)
    outcome = run(driver, sale(200, operation=Operation.VOID, original=OriginalTransaction(reference="NXORIG")))
    assert isinstance(outcome, Failed) and outcome.code == "malformed" and "Δεν έγινε χρέωση" in outcome.message
    assert server.seen("terminal/17/txnvoid/") == []


def test_the_terminal_still_working_at_the_end_of_the_wait_is_in_doubt():
    server = FakeWebEcr()
    server.on_txninit = lambda body: httpx.Response(200, json=server.intent(body, result=None, status=2))
    driver, sleeps, _ = make(server, result_timeout_s=10, **{"webecr.recovery_s": "4", "webecr.mode": "async"})
    outcome = run(driver, sale(200))
    assert isinstance(outcome, InDoubt) and "εγκαίρως" in outcome.reason and "μην την επαναλάβετε" in outcome.reason
    assert sum(sleeps) == pytest.approx(10, abs=0.5) and len(txninits(server)) == 1


def test_a_request_with_two_proofs_is_refused_before_sending():
    server = FakeWebEcr()
    driver, _, _ = make(server)
    proof = ProviderProof(UID, "", "20261127124019", 177, 23, 200, "999", b"sig")
    outcome = run(driver, sale(200, provider_proof=proof, ecr_token=EcrTokenProof("ABC00111222", "0A1B2C3D")))
    assert isinstance(outcome, Failed) and outcome.code == "invalid_request" and txninits(server) == []
