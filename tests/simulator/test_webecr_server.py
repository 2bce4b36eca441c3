"""The WebECR simulator as an HTTP peer sees it: status codes and JSON bodies (httpx against a running server).

Tests are plain functions running ``asyncio.run(...)``; the server listens on 127.0.0.1 with a free port and
a time scale of 100, so 150 s of terminal time take 1.5 s.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from nexipos_desktop.fiscal.ecr_token import HmacTestTokenSource
from nexipos_desktop.fiscal.provider_signature import ProviderSigner
from nexipos_desktop.payments.contract import Operation, PaymentRequest, TerminalConfig
from nexipos_desktop.payments.drivers.ecr_socket import EcrSocketDriver
from nexipos_desktop.simulator.published_keys import MELLON_TEST_PUBLIC_KEY
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
UID = "D4F6A5F5C6123658F78369E5191ED5C9D73CB7AC"
APPROVED, DECLINED, CANCELLED, FAILED, UNKNOWN, BUSY, MAX_TRANSACTIONS = range(1, 8)


@asynccontextmanager
async def webecr(*, host: dict[str, Any] | None = None, **model: Any
                 ) -> AsyncIterator[tuple[WebEcrSimulator, httpx.AsyncClient]]:
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(**{"time_scale": 100.0, "processing_delay_s": 0.0, **model}),
                                     **(host or {})))
    await sim.start("127.0.0.1", 0)
    try:
        async with httpx.AsyncClient(base_url=sim.base_url + "/", timeout=10) as client:
            yield sim, client
    finally:
        await sim.close()


async def login(client: httpx.AsyncClient) -> dict[str, str]:
    reply = await client.post("token/", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})
    assert reply.status_code == 200
    return {"Authorization": f"Bearer {reply.json()['access']}"}


def sale(amount: int, reference: str, **fields: Any) -> dict[str, Any]:
    return {"TxnType": 0, "Amount": amount, "CurrencyCode": 978, "CustomerReference": reference, "Timeout": 180,
            **fields}


async def txninit(client: httpx.AsyncClient, auth: dict[str, str], body: dict[str, Any],
                  terminal: int = 1001) -> httpx.Response:
    return await client.post(f"terminal/{terminal}/txninit/", json=body, headers=auth)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


# ----- auth and pairing -----

def test_token_refresh_and_authentication_errors() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            bad = await client.post("token/", json={"username": DEMO_USERNAME, "password": "wrong"})
            assert bad.status_code == 401 and bad.json()["code"] == "no_active_account"
            tokens = (await client.post("token/", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD})).json()
            assert set(tokens) == {"access", "refresh"} and tokens["access"].count(".") == 2
            assert (await client.get("terminal/")).status_code == 401
            forged = tokens["access"][:-3] + ("AAA" if not tokens["access"].endswith("AAA") else "BBB")
            assert (await client.get("terminal/", headers={"Authorization": f"Bearer {forged}"})).status_code == 401
            refresh_as_access = {"Authorization": f"Bearer {tokens['refresh']}"}
            assert (await client.get("terminal/", headers=refresh_as_access)).status_code == 401
            auth = {"Authorization": f"Bearer {tokens['access']}"}
            assert (await client.get("terminal/", headers=auth)).status_code == 200
            await client.post(f"{sim.url}/_sim/tokens/expire", json={})
            expired = await client.get("terminal/", headers=auth)
            assert expired.status_code == 401 and expired.json()["code"] == "token_not_valid"
            fresh = await client.post("token/refresh/", json={"refresh": tokens["refresh"]})
            assert fresh.status_code == 200 and set(fresh.json()) == {"access"}
            again = {"Authorization": f"Bearer {fresh.json()['access']}"}
            assert (await client.get("terminal/", headers=again)).status_code == 200
            assert (await client.post("token/refresh/", json={"refresh": "x.y.z"})).status_code == 401

    run(go())


def test_pairing_code_is_eight_digits_used_once_and_expires_after_15_minutes() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            shown = (await client.get(f"{sim.url}/_sim/code")).json()
            assert re.fullmatch(r"\d{8}", shown["Code"]) and shown["TerminalID"] == "64999999"
            assert shown["ExpiresIn"] == pytest.approx(850, abs=50)  # 15 minutes, at most a few (×100) seconds ago
            assert (await client.get(f"{sim.url}/_sim/code")).json()["Code"] == shown["Code"]  # same until used
            no_auth = await client.post("authorization/redeem/", json={"Type": "webecr", "Code": shown["Code"]})
            assert no_auth.status_code == 401
            key = await client.post("authorization/redeem/", json={"Type": "webecr", "Code": shown["Code"]},
                                    headers=auth)
            assert key.status_code == 200 and key.json()["Type"] == "webecr" and len(key.json()["Id"]) >= 32
            reused = await client.post("authorization/redeem/", json={"Type": "webecr", "Code": shown["Code"]},
                                       headers=auth)
            assert reused.status_code == 400
            late = (await client.get(f"{sim.url}/_sim/code")).json()
            assert late["Code"] != shown["Code"]  # FinConnect shows a fresh code once one is used
            await client.post(f"{sim.url}/_sim/clock/advance", json={"Seconds": 15 * 60 + 1})
            expired = await client.post("authorization/redeem/", json={"Type": "webecr", "Code": late["Code"]},
                                        headers=await login(client))
            assert expired.status_code == 400 and expired.json()["code"] == "code_expired"
            wrong_type = await client.post("authorization/redeem/", json={"Type": "other", "Code": "12345678"},
                                           headers=await login(client))
            assert wrong_type.status_code == 400 and "Type" in wrong_type.json()

    run(go())


def test_api_key_limits_the_caller_to_its_merchant_and_revocation_asks_to_pair_again() -> None:
    async def go() -> None:
        host = WebEcrHost([TerminalModel(time_scale=100, processing_delay_s=0),
                           TerminalModel(tid="64888888", time_scale=100, processing_delay_s=0)],
                          require_api_key=True)
        host.terminals[1002].merchant = "OTHER-SHOP"
        async with WebEcrSimulator(host) as sim, httpx.AsyncClient(base_url=sim.base_url + "/") as client:
            auth = await login(client)
            needs_key = await client.get("terminal/", headers=auth)
            assert needs_key.status_code == 403 and needs_key.json()["code"] == "api_key_required"
            code = host.accounts.current_code(1001, host.terminals[1001].merchant).code
            key = (await client.post("authorization/redeem/", json={"Type": "webecr", "Code": code},
                                     headers=auth)).json()["Id"]
            paired = auth | {"X-Api-Key": key}
            listed = (await client.get("terminal/", headers=paired)).json()
            assert [t["TerminalID"] for t in listed["results"]] == ["64999999"]
            other = await txninit(client, paired, sale(100, "other-shop"), terminal=1002)
            assert other.status_code == 403
            assert (await client.get("terminal/9999/", headers=paired)).status_code == 404
            bad_key = await client.get("terminal/", headers=auth | {"X-Api-Key": "nope"})
            assert bad_key.status_code == 403 and bad_key.json()["code"] == "api_key_invalid"
            revoked = await client.post(f"{sim.url}/_sim/keys/revoke", json={"Key": key})
            assert revoked.json() == {"Revoked": 1}
            refused = await txninit(client, paired, sale(100, "after-revoke"))
            assert refused.status_code == 403 and refused.json()["code"] == "api_key_revoked"
            assert "pair again" in refused.json()["detail"]
            assert host.txninits["after-revoke"] == 0 and len(host.ledger_entries()) == 0

    run(go())


def test_terminal_list_filters() -> None:
    async def go() -> None:
        host = WebEcrHost([TerminalModel(time_scale=100), TerminalModel(tid="64888888", time_scale=100)])
        host.terminals[1002].acquirer = "OTHER"
        async with WebEcrSimulator(host) as sim, httpx.AsyncClient(base_url=sim.base_url + "/") as client:
            auth = await login(client)
            every = (await client.get("terminal/", headers=auth)).json()
            assert every["count"] == 2 and every["results"][0] == {
                "id": 1001, "TerminalID": "64999999", "Merchant": "NEXIPOS-DEMO", "Acquirer": "NEXI",
                "MID": "000000123456"}
            by_tid = (await client.get("terminal/", params={"TerminalID": "64888888"}, headers=auth)).json()
            assert [t["id"] for t in by_tid["results"]] == [1002]
            by_acquirer = (await client.get("terminal/", params={"Acquirer": "NEXI"}, headers=auth)).json()
            assert [t["id"] for t in by_acquirer["results"]] == [1001]

    run(go())


def test_the_path_prefix_is_configurable() -> None:
    async def go() -> None:
        async with WebEcrSimulator(WebEcrHost(TerminalModel(time_scale=100)), prefix="/v2.2/") as sim, \
                httpx.AsyncClient() as client:
            assert sim.base_url.endswith("/v2.2")
            credentials = {"username": DEMO_USERNAME, "password": DEMO_PASSWORD}
            assert (await client.post(f"{sim.base_url}/token/", json=credentials)).status_code == 200
            assert (await client.post(f"{sim.url}/v1/token/", json=credentials)).status_code == 404
            assert (await client.get(f"{sim.url}/_sim/code")).status_code == 200  # control routes stay at the root
        async with WebEcrSimulator(WebEcrHost(TerminalModel(time_scale=100)), prefix="") as bare, \
                httpx.AsyncClient() as client:
            assert bare.base_url == bare.url
            assert (await client.post(f"{bare.url}/token/", json=credentials)).status_code == 200

    run(go())


# ----- intents -----

def test_sync_sale_is_approved_with_its_transaction_and_booked_in_the_ledger() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            reply = await txninit(client, auth, sale(100, "sale-1", Instalments=3))
            intent = reply.json()
            assert reply.status_code == 200
            assert (intent["Status"], intent["Result"], intent["Amount"], intent["Terminal"]) == (3, APPROVED, 100, 1001)
            assert re.fullmatch(r"\d{21}", intent["TransactionId"])
            tx = intent["Transaction"]
            assert tx["TID"] == "64999999" and tx["Approved"] and not tx["Voided"] and tx["Amount"] == 100
            assert re.fullmatch(r"\d{12}", tx["RRN"]) and re.fullmatch(r"\d{6}", tx["AuthCode"])
            assert tx["CustomerReference"] == "sale-1" and tx["Instalments"] == 3 and tx["CurrencyCode"] == 978
            [entry] = sim.host.ledger_entries()
            assert (entry.reference, entry.amount_cents, entry.rrn, entry.transaction_id, entry.delivered) == (
                "sale-1", 100, tx["RRN"], intent["TransactionId"], True)
            detail = (await client.get(f"transactionintent/{intent['Id']}/", headers=auth)).json()
            assert detail == intent
            assert (await client.get("transactionintent/sale-1/", headers=auth)).status_code == 404  # Id only

    run(go())


def test_async_sale_returns_at_once_and_completes_later() -> None:
    async def go() -> None:
        async with webecr(processing_delay_s=20.0) as (sim, client):  # 0.2 s at ×100
            auth = await login(client)
            started = (await txninit(client, auth, sale(200, "async-1", Timeout=0))).json()
            assert started["Status"] in (1, 2) and started["Result"] is None and started["Transaction"] is None
            await sim.host.wait_idle()
            found = (await client.get("transactionintent/", params={"CustomerReference": "async-1"},
                                      headers=auth)).json()
            assert found["count"] == 1
            assert (found["results"][0]["Status"], found["results"][0]["Result"]) == (3, APPROVED)

    run(go())


@pytest.mark.parametrize(("cents", "result", "code"), [
    (999, DECLINED, "05"), (404, DECLINED, "04"), (333, CANCELLED, "03"), (888, MAX_TRANSACTIONS, "66"),
    (777, BUSY, None), (666, UNKNOWN, None), (606, FAILED, "06"), (909, FAILED, "09"),
])
def test_magic_amounts_give_their_result_and_charge_nothing(cents: int, result: int, code: str | None) -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            intent = (await txninit(client, await login(client), sale(cents, f"magic-{cents}"))).json()
            assert (intent["Status"], intent["Result"], intent["ResponseCode"]) == (3, result, code)
            assert intent["Transaction"] is None and intent["Message"]
            assert sim.host.ledger_entries() == []

    run(go())


def test_tip_on_the_terminal_and_requested_tip_are_in_the_transaction_and_the_ledger() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            magic = (await txninit(client, auth, sale(444, "tip-magic"))).json()["Transaction"]
            asked = (await txninit(client, auth, sale(1000, "tip-asked", TipAmount=150))).json()["Transaction"]
            assert (magic["Amount"], magic["TipAmount"], asked["Amount"], asked["TipAmount"]) == (444, 50, 1000, 150)
            assert [e.final_amount_cents for e in sim.host.ledger_entries()] == [494, 1150]

    run(go())


def test_13_13_is_charged_but_the_response_is_dropped_and_only_a_query_recovers_it() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            with pytest.raises(httpx.RemoteProtocolError):
                await txninit(client, auth, sale(1313, "lost-1"))
            [entry] = sim.host.ledger_entries()
            assert entry.reference == "lost-1" and not entry.delivered
            again = await txninit(client, auth, sale(1313, "lost-1"))  # a register that re-sends is refused
            assert again.status_code == 400 and "CustomerReference" in again.json()
            found = (await client.get("transactionintent/", params={"CustomerReference": "lost-1"},
                                      headers=auth)).json()["results"]
            assert [(i["Result"], i["TransactionId"]) for i in found] == [(APPROVED, entry.transaction_id)]
            assert len(sim.host.ledger_entries()) == 1 and sim.host.txninits["lost-1"] == 2

    run(go())


def test_13_13_async_drops_the_first_poll_that_would_carry_the_result() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            started = await txninit(client, auth, sale(1313, "lost-async", Timeout=0))
            assert started.status_code == 200
            await sim.host.wait_idle()
            with pytest.raises(httpx.RemoteProtocolError):
                await client.get("transactionintent/", params={"CustomerReference": "lost-async"}, headers=auth)
            second = (await client.get("transactionintent/", params={"CustomerReference": "lost-async"},
                                       headers=auth)).json()
            assert second["results"][0]["Result"] == APPROVED

    run(go())


def test_22_22_is_approved_after_150_scaled_seconds_within_a_180_s_timeout_only() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            loop = asyncio.get_running_loop()
            started = loop.time()
            approved = (await txninit(client, auth, sale(2222, "slow-1"))).json()
            assert approved["Result"] == APPROVED and loop.time() - started >= 1.4  # 150 s at ×100
            short = (await txninit(client, auth, sale(2222, "slow-2", Timeout=60))).json()
            assert (short["Status"], short["Result"]) == (2, None)  # the wait ended first: SENT, poll for it
            await sim.host.wait_idle()
            later = (await client.get(f"transactionintent/{short['Id']}/", headers=auth)).json()
            assert later["Result"] == APPROVED

    run(go())


@pytest.mark.parametrize(("change", "field"), [
    ({"Timeout": 181}, "Timeout"), ({"Amount": 1.5}, "Amount"), ({"Amount": 0}, "Amount"),
    ({"CurrencyCode": 840}, "CurrencyCode"), ({"CustomerReference": "x" * 51}, "CustomerReference"),
    ({"CustomerReference": None}, "CustomerReference"), ({"TxnType": 10}, "TxnType"),
    ({"PreloadTransaction": True}, "PreloadExpiration"), ({"TxnType": 3}, "InitialTransaction"),
])
def test_invalid_txninit_bodies_are_400_with_the_field_named(change: dict[str, Any], field: str) -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            reply = await txninit(client, await login(client), sale(100, "bad") | change)
            assert reply.status_code == 400 and field in reply.json()
            assert sim.host.intents == [] and sim.host.ledger_entries() == []

    run(go())


def test_lists_paginate_with_next_and_previous_links() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            for n in range(5):
                await txninit(client, auth, sale(100 + n, f"page-{n}"))
            first = (await client.get("transactionintent/", params={"limit": 2}, headers=auth)).json()
            assert first["count"] == 5 and first["previous"] is None and len(first["results"]) == 2
            second = (await client.get(first["next"], headers=auth)).json()
            third = (await client.get(second["next"], headers=auth)).json()
            assert third["next"] is None and len(third["results"]) == 1
            back = (await client.get(third["previous"], headers=auth)).json()
            assert back["results"] == second["results"]
            refs = [i["CustomerReference"] for page in (first, second, third) for i in page["results"]]
            assert refs == [f"page-{n}" for n in range(5)]
            txs = (await client.get("transaction/", params={"limit": 4, "offset": 4}, headers=auth)).json()
            assert txs["count"] == 5 and [t["Amount"] for t in txs["results"]] == [104]
            bad = await client.get("transaction/", params={"limit": "many"}, headers=auth)
            assert bad.status_code == 400

    run(go())


def test_intent_and_transaction_filters() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            ok = (await txninit(client, auth, sale(100, "f-ok"))).json()
            await txninit(client, auth, sale(999, "f-declined"))
            await txninit(client, auth, sale(300, "f-moto") | {"TxnType": 4})

            async def refs(path: str, **params: Any) -> list[str]:
                reply = await client.get(path, params=params, headers=auth)
                assert reply.status_code == 200, reply.text
                return [r["CustomerReference"] for r in reply.json()["results"]]

            assert await refs("transactionintent/", Result=DECLINED) == ["f-declined"]
            assert await refs("transactionintent/", TxnType=4) == ["f-moto"]
            assert await refs("transactionintent/", Status=3, TID="64999999") == ["f-ok", "f-declined", "f-moto"]
            assert await refs("transactionintent/", Amount_min=200) == ["f-declined", "f-moto"]
            assert await refs("transactionintent/", Timestamp_min="2000-01-01T00:00:00") == [
                "f-ok", "f-declined", "f-moto"]
            assert await refs("transactionintent/", Timestamp_max="2000-01-01T00:00:00") == []
            rrn, auth_code = ok["Transaction"]["RRN"], ok["Transaction"]["AuthCode"]
            assert await refs("transaction/") == ["f-ok", "f-moto"]
            assert await refs("transaction/", RRN=rrn) == ["f-ok"]
            assert await refs("transaction/", AuthCode=auth_code, TID="64999999") == ["f-ok"]
            assert await refs("transaction/", CustomerReference="f-moto", TxnType=4) == ["f-moto"]
            assert await refs("transaction/", TID="00000000") == []
            bad = await client.get("transaction/", params={"Timestamp_min": "yesterday"}, headers=auth)
            assert bad.status_code == 400 and "Timestamp_min" in bad.json()
            bad_int = await client.get("transactionintent/", params={"Result": "approved"}, headers=auth)
            assert bad_int.status_code == 400

    run(go())


def test_void_by_intent_id_and_by_transaction_id() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            first = (await txninit(client, auth, sale(100, "v-1"))).json()
            second = (await txninit(client, auth, sale(200, "v-2"))).json()
            by_intent = await client.post("terminal/1001/txnvoid/", headers=auth, json={
                "OriginalIdentifier": first["Id"], "OriginalIdentifierType": 1, "CustomerReference": "v-1-void",
                "Timeout": 180})
            voided = by_intent.json()
            assert (voided["Result"], voided["IsVoid"], voided["TransactionId"]) == (APPROVED, True,
                                                                                     first["TransactionId"])
            assert voided["Transaction"]["Voided"] and voided["Transaction"]["VoidTimestamp"]
            by_tx = (await client.post("terminal/1001/txnvoid/", headers=auth, json={
                "OriginalIdentifier": second["TransactionId"], "OriginalIdentifierType": 2, "Timeout": 180})).json()
            assert by_tx["Result"] == APPROVED and by_tx["InitialTransaction"] == second["TransactionId"]
            twice = await client.post("terminal/1001/txnvoid/", headers=auth, json={
                "OriginalIdentifier": first["Id"], "OriginalIdentifierType": 1})
            assert twice.status_code == 400
            unknown = await client.post("terminal/1001/txnvoid/", headers=auth, json={
                "OriginalIdentifier": "000000000000000000000", "OriginalIdentifierType": 2})
            assert unknown.status_code == 404
            listed = (await client.get("transaction/", params={"Voided": "true"}, headers=auth)).json()
            assert listed["count"] == 2 and listed["results"][0]["TransactionId"] == first["TransactionId"]
            assert [e.operation for e in sim.host.ledger_entries()] == ["sale", "sale", "void", "void"]

    run(go())


def test_refunds_linked_by_initial_transaction_and_unlinked() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            original = (await txninit(client, auth, sale(200, "r-sale"))).json()
            tid = original["TransactionId"]
            refund = {"TxnType": 1, "InitialTransaction": tid}
            too_much = await txninit(client, auth, sale(201, "r-1") | refund)
            assert too_much.status_code == 400 and "InitialTransaction" in too_much.json()
            linked = (await txninit(client, auth, sale(150, "r-2") | refund)).json()
            assert linked["Result"] == APPROVED and linked["InitialTransaction"] == tid
            assert linked["Transaction"]["OriginalRRN"] == original["Transaction"]["RRN"]
            rest = await txninit(client, auth, sale(51, "r-3") | refund)
            assert rest.status_code == 400  # only 0.50 € is left to refund
            unlinked = (await txninit(client, auth, sale(730, "r-4", TxnType=1))).json()
            assert unlinked["Result"] == APPROVED and unlinked["InitialTransaction"] is None
            unknown = await txninit(client, auth, sale(100, "r-5", TxnType=1, InitialTransaction="1" * 21))
            assert unknown.status_code == 400
            assert [e.operation for e in sim.host.ledger_entries()] == ["sale", "refund", "refund"]

    run(go())


def test_preauth_on_the_terminal_then_completion_from_the_register() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            made = (await client.post(f"{sim.url}/_sim/terminal/1001/transaction",
                                      json={"TxnType": 2, "Amount": 5000})).json()
            preauth = made["Transaction"]
            assert preauth["TxnType"] == 2 and preauth["CustomerReference"] is None
            completion = sale(4200, "c-1", TxnType=3, InitialTransaction=preauth["TransactionId"])
            done = (await txninit(client, auth, completion)).json()
            assert (done["Result"], done["Transaction"]["TxnType"], done["Transaction"]["Amount"]) == (
                APPROVED, 3, 4200)
            assert done["Transaction"]["OriginalAuthCode"] == preauth["AuthCode"]
            twice = await txninit(client, auth, completion | {"CustomerReference": "c-2"})
            assert twice.status_code == 400
            assert [e.operation for e in sim.host.ledger_entries()] == ["preauth", "preauth_completion"]
            assert (await client.get("transactionintent/", headers=auth)).json()["count"] == 1  # not the terminal's

    run(go())


def test_preload_waits_is_paid_on_the_terminal_for_less_or_expires() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            body = sale(200, "pre-1", PreloadTransaction=True, PreloadExpiration=30)
            loaded = (await txninit(client, auth, body)).json()
            assert (loaded["Status"], loaded["Result"], loaded["PreloadTransaction"]) == (1, None, True)
            assert loaded["PreloadExpiresAt"] and sim.host.ledger_entries() == []
            waiting = (await client.get(f"{sim.url}/_sim/preloads")).json()
            assert [p["CustomerReference"] for p in waiting] == ["pre-1"]
            too_much = await client.post(f"{sim.url}/_sim/preloads/pre-1/pay", json={"Amount": 201})
            assert too_much.status_code == 400
            paid = (await client.post(f"{sim.url}/_sim/preloads/pre-1/pay", json={"Amount": 150})).json()
            assert (paid["Result"], paid["Amount"], paid["Transaction"]["Amount"]) == (APPROVED, 200, 150)
            assert [e.amount_cents for e in sim.host.ledger_entries()] == [150]
            await txninit(client, auth, sale(300, "pre-2", PreloadTransaction=True, PreloadExpiration=30))
            await client.post(f"{sim.url}/_sim/clock/advance", json={"Seconds": 30 * 60})
            auth = await login(client)  # half an hour later the access token has expired too
            lapsed = (await client.get("transactionintent/", params={"CustomerReference": "pre-2"},
                                       headers=auth)).json()["results"][0]
            assert (lapsed["Status"], lapsed["Result"], lapsed["PreloadExpired"]) == (3, CANCELLED, True)
            late = await client.post(f"{sim.url}/_sim/preloads/pre-2/pay", json={})
            assert late.status_code == 400 and (await client.get(f"{sim.url}/_sim/preloads")).json() == []
            await txninit(client, auth, sale(400, "pre-3", PreloadTransaction=True, PreloadExpiration=30))
            await client.post(f"{sim.url}/_sim/terminal/1001/closebatch", json={"Seconds": 3600})
            busy = await client.post(f"{sim.url}/_sim/preloads/pre-3/pay", json={})
            assert busy.status_code == 409  # the terminal is busy: the preload stays on its list
            assert [p["CustomerReference"] for p in (await client.get(f"{sim.url}/_sim/preloads")).json()] == ["pre-3"]
            gone = (await client.post(f"{sim.url}/_sim/preloads/pre-3/expire")).json()
            assert gone["Result"] == CANCELLED and len(sim.host.ledger_entries()) == 1

    run(go())


# ----- A.1155 proofs -----

def _provider_data(signer: ProviderSigner, amount: int, tid: str, field: str = "Signature") -> dict[str, Any]:
    signed = signer.sign_payment(UID, None, 1000, 240, 1240, amount, tid, timestamp="20261127120000")
    return {"Uid": UID, "Mark": None, "SignatureTimestamp": signed.signature_timestamp, "NetAmount": 1000,
            "VatAmount": 240, "TotalAmount": 1240, "ProviderId": "999", field: signed.base64}


def test_provider_signature_is_verified_over_the_amount_and_the_tid_of_the_terminal_in_the_url() -> None:
    private = SHARED / "vectors" / "mellon-test-private-key.pem"
    if not private.exists():
        pytest.skip("shared vectors not available")
    signer = ProviderSigner(private.read_bytes())

    async def go() -> None:
        async with webecr(public_keys=[(SHARED / "vectors" / "mellon-test-public-key.pem").read_bytes()],
                          require_signature=True) as (sim, client):
            auth = await login(client)
            good = await txninit(client, auth, sale(1240, "sig-ok", ProviderData=_provider_data(signer, 1240,
                                                                                                 "64999999")))
            assert good.json()["Result"] == APPROVED
            other_name = _provider_data(signer, 600, "64999999", "ProviderSignature")
            assert (await txninit(client, auth, sale(600, "sig-alt", ProviderData=other_name))).json()["Result"] == 1
            for reference, data, amount in [
                ("sig-tid", _provider_data(signer, 1240, "11111111"), 1240),
                ("sig-amount", _provider_data(signer, 1240, "64999999"), 1000),
                ("sig-none", None, 1240),
            ]:
                body = sale(amount, reference) | ({"ProviderData": data} if data else {})
                refused = await txninit(client, auth, body)
                assert refused.status_code == 400 and "ProviderData" in refused.json(), reference
            not_b64 = _provider_data(signer, 1240, "64999999") | {"Signature": "***"}
            assert (await txninit(client, auth, sale(1240, "sig-b64", ProviderData=not_b64))).status_code == 400
            assert [e.reference for e in sim.host.ledger_entries()] == ["sig-ok", "sig-alt"]

    run(go())


def test_the_published_vector_verifies_for_its_own_terminal() -> None:
    vector_file = SHARED / "vectors" / "provider-signature.json"
    if not vector_file.exists():
        pytest.skip("shared vectors not available")
    vector = json.loads(vector_file.read_text())["vectors"][0]
    fields = vector["fields"]

    async def go() -> None:
        async with webecr(tid=fields["tid"], require_signature=True,
                          public_keys=[(SHARED / "vectors" / "mellon-test-public-key.pem").read_bytes()]) as (
                sim, client):
            data = {"Uid": fields["uid"], "Mark": fields["mark"], "SignatureTimestamp": fields["signature_timestamp"],
                    "NetAmount": fields["net_cents"], "VatAmount": fields["vat_cents"],
                    "TotalAmount": fields["total_cents"], "Signature": vector["signature_der_base64"]}
            reply = await txninit(client, await login(client), sale(fields["amount_cents"], "vector",
                                                                    ProviderData=data))
            assert reply.json()["Result"] == APPROVED

    run(go())


def test_ecr_bind_key_exchange_and_token_route() -> None:
    vector_file = SHARED / "vectors" / "ecr-key-exchange.json"
    if not vector_file.exists():
        pytest.skip("shared vectors not available")
    vector = json.loads(vector_file.read_text())
    source = HmacTestTokenSource(vector["ecr_id"])

    async def go() -> None:
        async with webecr(token_verifier=source.verify, require_signature=True) as (sim, client):
            auth = await login(client)
            command = "ECR0110A/S000011/F100:978:2/RABC00111222/D20240412124019/M0/H0/T11"
            body = sale(100, "tok-1", EcrTokenData={"AmountCommand": command + "/Q" + source.token_for(command).token})
            unbound = await txninit(client, auth, body)
            assert unbound.status_code == 400 and "EcrTokenData" in unbound.json()
            bound = await client.post("terminal/1001/ecrbind/", json={"EcrId": vector["ecr_id"]}, headers=auth)
            assert bound.json() == {"EcrId": vector["ecr_id"]}
            wrong_kcv = await client.post("terminal/1001/ecrkeyexchange/", headers=auth, json={
                "EcrId": vector["ecr_id"], "SessionKey": vector["encrypted_session_key"], "Kcv": "000000"})
            assert wrong_kcv.status_code == 400 and "Kcv" in wrong_kcv.json()
            other = await client.post("terminal/1001/ecrkeyexchange/", headers=auth, json={
                "EcrId": "OTHER", "SessionKey": vector["encrypted_session_key"], "Kcv": vector["kcv"]})
            assert other.status_code == 400
            exchanged = await client.post("terminal/1001/ecrkeyexchange/", headers=auth, json={
                "EcrId": vector["ecr_id"], "SessionKey": vector["encrypted_session_key"], "Kcv": vector["kcv"]})
            assert exchanged.status_code == 200
            assert sim.host.terminals[1001].session_key == bytes.fromhex(vector["clear_session_key"])
            assert (await txninit(client, auth, body | {"CustomerReference": "tok-2"})).json()["Result"] == APPROVED
            forged = body | {"CustomerReference": "tok-3",
                             "EcrTokenData": {"AmountCommand": command + "/Q00000000"}}
            assert (await txninit(client, auth, forged)).json()["Result"] == DECLINED
            mismatch = body | {"CustomerReference": "tok-4", "Amount": 200}
            assert (await txninit(client, auth, mismatch)).status_code == 400

    run(go())


# ----- faults -----

def test_server_error_fault_answers_500_before_anything_is_charged() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            await client.post(f"{sim.url}/_sim/faults", json={"Fault": "server_error", "Times": 1,
                                                               "Route": "txninit", "Status": 503})
            failed = await txninit(client, auth, sale(100, "f-500"))
            assert failed.status_code == 503 and sim.host.intents == []
            assert (await txninit(client, auth, sale(100, "f-500"))).json()["Result"] == APPROVED
            assert (await client.get(f"{sim.url}/_sim/faults")).json() == []

    run(go())


def test_drop_response_fault_keeps_the_intent_running() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            sim.host.faults.add(Fault.DROP_RESPONSE, times=1, route="txninit")
            with pytest.raises(httpx.RemoteProtocolError):
                await txninit(client, auth, sale(100, "f-drop", Timeout=0))
            await sim.host.wait_idle()
            found = (await client.get("transactionintent/", params={"CustomerReference": "f-drop"},
                                      headers=auth)).json()
            assert found["results"][0]["Result"] == APPROVED and len(sim.host.ledger_entries()) == 1

    run(go())


def test_drop_after_charge_and_malformed_json_and_slow_faults() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            sim.host.faults.add(Fault.DROP_AFTER_CHARGE, times=1)
            with pytest.raises(httpx.RemoteProtocolError):
                await txninit(client, auth, sale(100, "f-charge"))
            assert [e.delivered for e in sim.host.ledger_entries()] == [False]
            sim.host.faults.add(Fault.MALFORMED_JSON, times=1, route="transactionintent")
            broken = await client.get("transactionintent/", headers=auth)
            assert broken.status_code == 200
            with pytest.raises(json.JSONDecodeError):
                json.loads(broken.content)
            sim.host.faults.add(Fault.SLOW, times=1, seconds=0.5)
            loop = asyncio.get_running_loop()
            started = loop.time()
            assert (await client.get("transactionintent/", headers=auth)).json()["count"] == 1
            assert loop.time() - started >= 0.5
            state = (await client.get(f"{sim.url}/_sim/state")).json()
            assert state["Ledger"] == 1 and state["TxnInits"] == {"f-charge": 1} and state["Faults"] == []

    run(go())


def test_batch_closing_makes_the_terminal_busy_then_a_new_batch_starts() -> None:
    async def go() -> None:
        async with webecr() as (sim, client):
            auth = await login(client)
            closed = (await client.post(f"{sim.url}/_sim/terminal/1001/closebatch", json={"Seconds": 3600})).json()
            assert closed == {"BatchNumber": "000002"}
            assert (await txninit(client, auth, sale(100, "b-1"))).json()["Result"] == BUSY
            await client.post(f"{sim.url}/_sim/clock/advance", json={"Seconds": 3601})
            tx = (await txninit(client, await login(client), sale(100, "b-2"))).json()["Transaction"]  # an hour later
            assert tx["BatchNumber"] == "000002"

    run(go())


def test_batch_capacity_gives_max_transactions() -> None:
    async def go() -> None:
        async with webecr(batch_capacity=1) as (sim, client):
            auth = await login(client)
            assert (await txninit(client, auth, sale(100, "cap-1"))).json()["Result"] == APPROVED
            assert (await txninit(client, auth, sale(100, "cap-2"))).json()["Result"] == MAX_TRANSACTIONS

    run(go())


# ----- one terminal, two protocols -----

def test_socket_and_webecr_share_the_terminal_model_and_its_ledger(tmp_path: Path) -> None:
    async def go() -> None:
        from nexipos_desktop.simulator.ledger import Ledger, read_ledger

        model = TerminalModel(time_scale=100.0, processing_delay_s=0.0, ledger=Ledger(tmp_path / "ledger.jsonl"))
        socket = SocketTerminalSimulator(model)
        await socket.start("127.0.0.1", 0)
        driver = EcrSocketDriver(TerminalConfig("ecr_socket", host="127.0.0.1", port=socket.port))
        try:
            async with WebEcrSimulator(WebEcrHost(model)) as sim, \
                    httpx.AsyncClient(base_url=sim.base_url + "/") as client:
                auth = await login(client)
                over_socket = await driver.execute(PaymentRequest(Operation.SALE, "s1", 250, session=1))
                assert over_socket.kind == "approved"
                slow = asyncio.create_task(txninit(client, auth, sale(2222, "w-slow")))
                await asyncio.sleep(0.3)
                busy = await driver.execute(PaymentRequest(Operation.SALE, "s2", 300, session=2))
                assert busy.kind == "busy"  # one terminal: busy whatever protocol asks
                assert (await slow).json()["Result"] == APPROVED
        finally:
            await driver.close()
            await socket.close()
        entries = read_ledger(tmp_path / "ledger.jsonl")
        assert [(e.reference, e.amount_cents) for e in entries] == [("000001", 250), ("w-slow", 2222)]

    run(go())


def test_6_66_the_terminal_never_reports_over_either_protocol(tmp_path: Path) -> None:
    async def go() -> None:
        model = TerminalModel(time_scale=100.0, processing_delay_s=0.0)
        socket = SocketTerminalSimulator(model)
        await socket.start("127.0.0.1", 0)
        driver = EcrSocketDriver(TerminalConfig("ecr_socket", host="127.0.0.1", port=socket.port))
        try:
            async with WebEcrSimulator(WebEcrHost(model)) as sim, \
                    httpx.AsyncClient(base_url=sim.base_url + "/") as client:
                over_socket = await driver.execute(PaymentRequest(Operation.SALE, "s1", 666, session=1))
                assert over_socket.kind == "in_doubt"  # CONFIRMED, then the connection closes without RESULT
                intent = (await txninit(client, await login(client), sale(666, "w-666"))).json()
                assert (intent["Status"], intent["Result"], intent["Transaction"]) == (3, UNKNOWN, None)
        finally:
            await driver.close()
            await socket.close()
        assert model.ledger.entries == []  # nothing was charged either way

    run(go())


# ----- the command line -----

def test_simulator_preloads_and_pay_commands_drive_a_running_simulator(capsys: pytest.CaptureFixture[str]) -> None:
    from nexipos_desktop.cli import main

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    sim = WebEcrSimulator(WebEcrHost(TerminalModel(time_scale=100.0, processing_delay_s=0.0)))
    asyncio.run_coroutine_threadsafe(sim.start("127.0.0.1", 0), loop).result(10)
    try:
        with httpx.Client(base_url=sim.base_url + "/", timeout=10) as client:
            token = client.post("token/", json={"username": DEMO_USERNAME, "password": DEMO_PASSWORD}).json()
            body = sale(200, "cli-preload", PreloadTransaction=True, PreloadExpiration=30)
            auth = {"Authorization": f"Bearer {token['access']}"}
            assert client.post("terminal/1001/txninit/", json=body, headers=auth).json()["Status"] == 1
        assert main(["simulator", "preloads", "--url", sim.url]) == 0
        assert "cli-preload" in capsys.readouterr().out
        assert main(["simulator", "pay", "cli-preload", "--amount", "1,50", "--url", sim.url]) == 0
        assert capsys.readouterr().out.startswith("cli-preload: εγκρίθηκε 1,50 €")
        assert [e.amount_cents for e in sim.host.ledger_entries()] == [150]
        assert main(["simulator", "pay", "cli-preload", "--url", sim.url]) == 3  # paid already
        assert main(["simulator", "pay", "x", "--amount", "δύο", "--url", sim.url]) == 2
    finally:
        asyncio.run_coroutine_threadsafe(sim.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()


def test_a_webecr_fault_is_refused_for_the_socket_simulator(capsys: pytest.CaptureFixture[str]) -> None:
    from nexipos_desktop.cli import main

    assert main(["simulator", "--socket", "--fault", "server_error"]) == 2
    assert "server_error" in capsys.readouterr().err


def test_the_built_in_mellon_test_key_is_the_published_one() -> None:
    published = SHARED / "vectors" / "mellon-test-public-key.pem"
    if not published.exists():
        pytest.skip("shared vectors not available")
    assert MELLON_TEST_PUBLIC_KEY.split() == published.read_text().split()


def test_simulator_command_prints_url_credentials_and_code_and_answers_nexipos_simulator_code(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "nexipos_desktop", "simulator", "--webecr", "--port", "0", "--ledger",
         str(tmp_path / "ledger.jsonl"), "--mellon-test-key", "--require-signature", "--tid", "99000031",
         "--time-scale", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        base_url = re.search(r"(http://127\.0\.0\.1:\d+)/v1\s*$", first)
        assert base_url, first
        head = "".join(process.stdout.readline() for _ in range(3))
        assert DEMO_USERNAME in head and DEMO_PASSWORD in head
        shown = re.search(r"WebECR Code»\): (\d{8})", head)
        assert shown, head
        url = base_url.group(1)
        assert (tmp_path / "simulator-webecr.url").read_text().strip() == url
        asked = subprocess.run([sys.executable, "-m", "nexipos_desktop", "simulator", "code", "--url", url,
                                "--json"], capture_output=True, text=True, timeout=60)
        assert json.loads(asked.stdout)["Code"] == shown.group(1)
        new = subprocess.run([sys.executable, "-m", "nexipos_desktop", "simulator", "code", "--url", url, "--new"],
                             capture_output=True, text=True, timeout=60)
        assert re.search(r"Κωδικός WebECR: (\d{8})", new.stdout).group(1) != shown.group(1)
        missing = subprocess.run([sys.executable, "-m", "nexipos_desktop", "simulator", "pay", "nope", "--url", url],
                                 capture_output=True, text=True, timeout=60)
        assert missing.returncode == 3 and "404" in missing.stderr
        vector_file = SHARED / "vectors" / "provider-signature.json"
        if vector_file.exists():  # --mellon-test-key: the published vector verifies, an unsigned sale does not
            vector = json.loads(vector_file.read_text())["vectors"][0]
            fields = vector["fields"]
            data = {"Uid": fields["uid"], "Mark": fields["mark"], "SignatureTimestamp": fields["signature_timestamp"],
                    "NetAmount": fields["net_cents"], "VatAmount": fields["vat_cents"],
                    "TotalAmount": fields["total_cents"], "Signature": vector["signature_der_base64"]}

            async def pay() -> tuple[int, int]:
                async with httpx.AsyncClient(base_url=base_url.group(0).strip() + "/", timeout=20) as client:
                    auth = await login(client)
                    signed = await txninit(client, auth, sale(fields["amount_cents"], "cli-signed", ProviderData=data))
                    unsigned = await txninit(client, auth, sale(fields["amount_cents"], "cli-unsigned"))
                    return signed.json()["Result"], unsigned.status_code

            assert asyncio.run(pay()) == (APPROVED, 400)
    finally:
        process.terminate()
        process.wait(timeout=10)
