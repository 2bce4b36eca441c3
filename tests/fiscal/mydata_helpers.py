"""Shared by the myDATA tests: a cash sale, the fake server with a client and a time-scaled sender."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from decimal import Decimal
from pathlib import Path

from nexipos_desktop.fiscal.mydata_client import MyDataClient, MyDataConfig
from nexipos_desktop.fiscal.outbox_sender import Backoff, OutboxSender
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.simulator.mydata_server import FakeMyData
from nexipos_desktop.storage.receipt_store import issue_cash_sale

USER, KEY = "till-user", "till-key"
FAST = Backoff(first_s=1.0, time_scale=100.0)  # 10 ms, 20 ms, …


def bread(quantity: int = 1) -> CartLine:
    return CartLine(None, "B1", "Ψωμί χωριάτικο", 250, 3, 1, Decimal(quantity))


def cash_sale(db, quantity: int = 1):
    return issue_cash_sale(db, [bread(quantity)], 5000)


def query(db, sql: str, *params):
    with sqlite3.connect(Path(db.path)) as conn:
        return conn.execute(sql, params).fetchall()


def sender_for(db, server: FakeMyData, *, channel: str = "provider", url: str | None = None,
               clock=None) -> OutboxSender:
    base = url or (server.url + ("myDataProvider/" if channel == "provider" else ""))
    client = MyDataClient(MyDataConfig(channel, base, USER, KEY, timeout_s=2.0))
    kwargs = {"clock": clock} if clock else {}
    return OutboxSender(db, client, backoff=FAST, **kwargs)


@contextlib.asynccontextmanager
async def fake_mydata(**kwargs):
    server = FakeMyData(user_id=USER, subscription_key=KEY, **kwargs)
    await server.start()
    try:
        yield server
    finally:
        await server.close()


async def until(predicate, timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        if loop.time() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.01)


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
