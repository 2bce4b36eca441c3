"""Pairing over WebECR as the server sees it: redeem body, auth headers, terminal choice, what is stored."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest

from nexipos_desktop.payments.webecr.account import WebEcrAccount, account_from_settings
from nexipos_desktop.payments.webecr.errors import HostUnreachable, LoginFailed, PairAgain, TlsFailure
from nexipos_desktop.payments.webecr.pairing import PairingError, RemoteTerminal, choose_terminal, list_terminals
from nexipos_desktop.payments.webecr.pairing import pair, redeem_code, test_connection as check_connection
from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.storage.settings import all_settings

from webecr_fake import ROOT, FakeWebEcr

ACCOUNT = WebEcrAccount(base_url=ROOT.removesuffix("/"), username="erp", password="s3cret-pass")


def test_redeem_sends_the_code_with_a_bearer_token_and_returns_the_key():
    server = FakeWebEcr()
    key = asyncio.run(redeem_code(ACCOUNT, "1234 5678", transport=server.transport))
    assert key == "KEY-ABCDEF-0001"
    login, redeem = server.requests
    assert (login.method, login.path, login.body) == ("POST", "token/", {"username": "erp", "password": "s3cret-pass"})
    assert (redeem.method, redeem.path, redeem.body) == ("POST", "authorization/redeem/",
                                                         {"Type": "webecr", "Code": "12345678"})
    assert redeem.headers["authorization"].startswith("Bearer acc-")
    assert "x-api-key" not in redeem.headers and "authorization" not in login.headers


@pytest.mark.parametrize("code", ["1234567", "123456789", "abcdefgh", "", "1234-567x"])
def test_a_code_that_is_not_8_digits_is_refused_before_anything_is_sent(code):
    server = FakeWebEcr()
    with pytest.raises(PairingError) as caught:
        asyncio.run(redeem_code(ACCOUNT, code, transport=server.transport))
    assert caught.value.code == "bad_code" and "8 ψηφία" in caught.value.message
    assert server.requests == []


def test_a_wrong_or_expired_code_gets_a_clear_greek_message():
    server = FakeWebEcr()
    with pytest.raises(PairingError) as caught:
        asyncio.run(redeem_code(ACCOUNT, "87654321", transport=server.transport))
    assert caught.value.code == "code_refused"
    assert "λάθος ή έληξε" in caught.value.message and "WebECR Code" in caught.value.message


def test_wrong_credentials_are_not_a_pairing_code_problem():
    server = FakeWebEcr(password="other")
    with pytest.raises(LoginFailed) as caught:
        asyncio.run(redeem_code(ACCOUNT, "12345678", transport=server.transport))
    assert "webecr.password" in caught.value.message and "s3cret" not in str(caught.value)
    assert [s.path for s in server.requests] == ["token/"]  # no retry loop on a refused login


def test_list_terminals_sends_the_key_and_pages_through_results():
    many = [{"id": n, "TerminalID": f"6499{n:04d}", "Merchant": "M", "Acquirer": "NEXI", "Extra": [1]}
            for n in range(1, 6)]
    server = FakeWebEcr(terminals=many, page_size=2)
    terminals = asyncio.run(list_terminals(ACCOUNT.__class__(**{**ACCOUNT.__dict__, "api_key": "KEY-ABCDEF-0001"}),
                                           transport=server.transport))
    assert [t.tid for t in terminals] == [f"6499{n:04d}" for n in range(1, 6)]
    assert terminals[0] == RemoteTerminal("1", "64990001", "M", "NEXI")
    pages = server.seen("terminal/")
    assert len(pages) == 3 and all(p.headers["x-api-key"] == "KEY-ABCDEF-0001" for p in pages)


def test_choose_terminal_by_tid_or_the_only_one():
    one, two = RemoteTerminal("1", "64990001"), RemoteTerminal("2", "64990002")
    assert choose_terminal([one]) is one
    assert choose_terminal([one, two], "64990002") is two
    with pytest.raises(PairingError) as several:
        choose_terminal([one, two])
    assert several.value.code == "choose_tid" and "64990001, 64990002" in several.value.message
    with pytest.raises(PairingError) as missing:
        choose_terminal([one], "11111111")
    assert missing.value.code == "no_terminal"


def test_pair_stores_key_in_the_secrets_store_and_ids_in_settings(db):
    server = FakeWebEcr()
    result = asyncio.run(pair(db, ACCOUNT, "12345678", tid="64990001", actor="admin", transport=server.transport))
    assert result.terminal == RemoteTerminal("17", "64990001", "Καφέ Αθηνά", "NEXI")
    assert get_secret("webecr.api_key") == "KEY-ABCDEF-0001"
    with db.read() as session:
        values = all_settings(session)
    assert (values["terminal.driver"], values["webecr.terminal_id"], values["terminal.tid"]) == ("webecr", "17",
                                                                                                 "64990001")
    assert "KEY-ABCDEF" not in json.dumps(values, ensure_ascii=False)
    with db.read() as session:
        details = session.exec(__import__("sqlmodel").text(
            "SELECT details FROM audit_log WHERE action = 'webecr.paired'")).all()
    assert len(details) == 1 and "KEY-ABCDEF" not in details[0][0] and "64990001" in details[0][0]


def test_a_refused_code_keeps_the_previous_pairing(db):
    set_secret("webecr.api_key", "OLD-KEY")
    server = FakeWebEcr()
    with pytest.raises(PairingError):
        asyncio.run(pair(db, ACCOUNT, "00000000", actor="admin", transport=server.transport))
    assert get_secret("webecr.api_key") == "OLD-KEY"
    set_secret("webecr.api_key", None)


def test_connection_test_is_a_read_only_terminal_list():
    server = FakeWebEcr()
    paired = WebEcrAccount(**{**ACCOUNT.__dict__, "api_key": "KEY-ABCDEF-0001", "terminal_id": "17"})
    assert asyncio.run(check_connection(paired, transport=server.transport)).tid == "64990001"
    assert {s.method for s in server.requests} == {"POST", "GET"}
    assert [s.path for s in server.requests if s.method == "POST"] == ["token/"]


def test_revoked_key_means_pair_again():
    server = FakeWebEcr()
    revoked = WebEcrAccount(**{**ACCOUNT.__dict__, "api_key": "REVOKED", "terminal_id": "17"})
    with pytest.raises(PairAgain) as caught:
        asyncio.run(list_terminals(revoked, transport=server.transport))
    assert caught.value.code == "pair_again" and "σύζευξη" in caught.value.message
    assert "REVOKED" not in str(caught.value)


def test_unreachable_host_and_tls_failure_have_their_own_messages():
    def refuse(request):
        raise httpx.ConnectError("[Errno 111] Connection refused")

    def bad_certificate(request):
        raise httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed")

    with pytest.raises(HostUnreachable) as unreachable:
        asyncio.run(redeem_code(ACCOUNT, "12345678", transport=httpx.MockTransport(refuse)))
    assert "σύνδεση" in unreachable.value.message
    with pytest.raises(TlsFailure) as tls:
        asyncio.run(redeem_code(ACCOUNT, "12345678", transport=httpx.MockTransport(bad_certificate)))
    assert "TLS" in tls.value.message


def test_nothing_secret_reaches_logs_or_messages(caplog):
    caplog.set_level(logging.DEBUG)
    server = FakeWebEcr(password="other")
    for code in ("12345678", "99999999"):
        with pytest.raises(Exception) as caught:
            asyncio.run(redeem_code(ACCOUNT, code, transport=server.transport))
        assert "s3cret" not in str(caught.value) and "s3cret" not in repr(caught.value)
    assert "s3cret" not in caplog.text and "s3cret" not in repr(ACCOUNT)
    assert "token/" in caplog.text  # the exchange itself is logged


def test_account_from_settings_presets_prefix_and_secrets():
    secrets = {"webecr.password": "pw", "webecr.api_key": "k"}
    sandbox = account_from_settings({"webecr.username": "erp"}, secret=secrets.get)
    assert sandbox.root == "https://ecr-sandbox.prd.api-fintechiq.com/v1/" and sandbox.api_key == "k"
    production = account_from_settings({"webecr.environment": "production", "webecr.path_prefix": "/v2.2/"},
                                       secret=secrets.get)
    assert production.root == "https://ecr.prd.api-fintechiq.com/v1/v2.2/"
    custom = account_from_settings({"webecr.environment": "custom", "webecr.base_url": "https://uat.example/api"},
                                   secret=secrets.get)
    assert custom.root == "https://uat.example/api/"
