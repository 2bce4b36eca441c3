"""ECR-token route over WebECR: ecrbind and ecrkeyexchange bodies, and a refused exchange."""

from __future__ import annotations

import asyncio

import pytest
from webecr_fake import ROOT, FakeWebEcr

from nexipos_desktop.fiscal.ecr_token import key_exchange
from nexipos_desktop.payments.webecr.account import WebEcrAccount
from nexipos_desktop.payments.webecr.ecr_binding import bind_and_exchange, exchange_session_key
from nexipos_desktop.payments.webecr.errors import Rejected

ACCOUNT = WebEcrAccount(base_url=ROOT, username="erp", password="s3cret-pass", api_key="KEY-ABCDEF-0001",
                        terminal_id="17", tid="64990001")
MASTER = bytes.fromhex("ABCDEF01234567899876543210ABCDEF")


def test_bind_then_exchange_a_fresh_session_key():
    server = FakeWebEcr()
    session_key = asyncio.run(bind_and_exchange(ACCOUNT, "ABC00111222", MASTER, transport=server.transport))
    bind, exchange = [s for s in server.requests if s.path.startswith("terminal/17/")]
    assert (bind.path, bind.body) == ("terminal/17/ecrbind/", {"EcrId": "ABC00111222"})
    expected = key_exchange("ABC00111222", MASTER, session_key)
    assert (exchange.path, exchange.body) == ("terminal/17/ecrkeyexchange/", {
        "EcrId": "ABC00111222", "SessionKey": expected.encrypted_session_key_hex, "Kcv": expected.kcv_hex})
    assert server.session_key == session_key and bind.headers["x-api-key"] == "KEY-ABCDEF-0001"


def test_the_published_vector_is_sent_as_is():
    server = FakeWebEcr()
    server.bound = "ABC00111222"
    clear = bytes.fromhex("7E0269C147A7C328F46E497841CD5823")
    asyncio.run(exchange_session_key(ACCOUNT, key_exchange("ABC00111222", MASTER, clear), transport=server.transport))
    [sent] = server.seen("terminal/17/ecrkeyexchange/")
    assert sent.body == {"EcrId": "ABC00111222", "SessionKey": "8FF79564430DD13EF06B5F199278FADC", "Kcv": "4C8166"}


def test_a_wrong_master_key_is_refused_in_greek():
    server = FakeWebEcr()
    with pytest.raises(Rejected) as caught:
        asyncio.run(bind_and_exchange(ACCOUNT, "ABC00111222", bytes.fromhex("0123456789ABCDEF0123456789ABCDEF"),
                                      transport=server.transport))
    assert "κλειδί συνεδρίας" in caught.value.message and "KCV" in caught.value.message
