"""The certification lab: the product's own payment service, configured through settings and the secrets store
like an installed till, against the terminal simulators (WebECR over HTTP, socket over TCP), time-scaled.

Every scenario checks what the register STORES (``card_attempt``, ``payment``, ``receipt`` rows) and what it
SHOWS (the outcome and its Greek message, as the card dialog displays them), and the simulator's side (ledger,
intents, transactions) where the scenario is about the wire.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from sqlmodel import select

from nexipos_desktop.payments.service import CardResult, OpenSale, PaymentService
from nexipos_desktop.payments.setup import build_service, terminal_settings
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.secrets import set_secret
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import CardAttempt, Payment, Receipt
from nexipos_desktop.storage.settings import all_settings, set_setting

TIME_SCALE = 100.0  # 150 s of terminal time take 1.5 s
TID = "64999999"


def line(cents: int, name: str = "Είδος δοκιμής") -> list[CartLine]:
    return [CartLine(None, "CERT", name, cents, 1, 1, Decimal(1))]


class Lab:
    """One till (the product's PaymentService from its settings) and one simulated terminal, per scenario."""

    def __init__(self, db: Database, tmp_path: Path, protocol: str) -> None:
        self.db = db
        self.protocol = protocol
        self.ledger_path = tmp_path / "simulator-ledger.jsonl"
        key = ec.generate_private_key(ec.SECP256R1())
        self.private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption()).decode("ascii")
        self.public_pem = key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
        self.model: TerminalModel | None = None
        self.host: WebEcrHost | None = None
        self.sim: WebEcrSimulator | SocketTerminalSimulator | None = None
        self.service: PaymentService | None = None

    # ----- running a scenario -----
    def run(self, body: Callable[[Lab], Awaitable[Any]], *, pair: bool = True, mode: str = "sync",
            settings: dict[str, Any] | None = None, **model: Any) -> Any:
        """Start the simulator, configure the till like an admin would (paired unless ``pair=False``), run."""
        async def go() -> Any:
            self.model = TerminalModel(**{"time_scale": TIME_SCALE, "processing_delay_s": 0.01,
                                          "public_keys": [self.public_pem], "require_signature": True,
                                          "ledger": Ledger(self.ledger_path), **model})
            if self.protocol == "webecr":
                self.host = WebEcrHost(self.model)
                self.sim = WebEcrSimulator(self.host)
            else:
                self.sim = SocketTerminalSimulator(self.model)
            await self.sim.start("127.0.0.1", 0)
            try:
                self.configure(mode, settings or {})
                if pair and self.host is not None:
                    terminal = self.host.first_terminal()
                    code = self.host.accounts.current_code(terminal.id, terminal.merchant)
                    key = self.host.accounts.redeem(code.code)
                    set_secret("webecr.api_key", key.key)
                    self.set(**{"webecr.terminal_id": str(terminal.id), "terminal.tid": terminal.tid})
                if pair:
                    self.build()
                return await body(self)
            finally:
                if self.service is not None:
                    await self.service.driver.close()
                await self.sim.close()

        return asyncio.run(go())

    def configure(self, mode: str, extra: dict[str, Any]) -> None:
        """The settings and secrets an installer and the admin would set (``nexipos config set``)."""
        set_secret("fiscal.provider_private_key", self.private_pem)
        values: dict[str, Any] = {"terminal.kind": "A920Pro", "terminal.name": "Τερματικό πιστοποίησης",
                                  "terminal.result_timeout_s": 180, "fiscal.route": "provider",
                                  "fiscal.provider_id": "999"}
        if self.protocol == "webecr":
            assert isinstance(self.sim, WebEcrSimulator)
            set_secret("webecr.password", DEMO_PASSWORD)
            values |= {"terminal.driver": "webecr", "webecr.environment": "custom",
                       "webecr.base_url": self.sim.base_url, "webecr.username": DEMO_USERNAME,
                       "webecr.auth": "both", "webecr.mode": mode, "webecr.poll_interval_s": 0.05,
                       "webecr.recovery_s": 3}
        else:
            assert isinstance(self.sim, SocketTerminalSimulator)
            values |= {"terminal.driver": "ecr_socket", "terminal.host": "127.0.0.1",
                       "terminal.port": self.sim.port, "terminal.tid": TID}
        self.set(**(values | extra))

    def set(self, **values: Any) -> None:
        with self.db.write() as session:
            for key, value in values.items():
                set_setting(session, key, value)

    def build(self) -> PaymentService:
        """The till's payment service exactly as ``make run`` builds it from the settings."""
        with self.db.read() as session:
            settings = terminal_settings(all_settings(session))
        assert settings is not None
        self.service = build_service(self.db, settings, cashier="Ταμίας 1")
        return self.service

    async def control(self, method: str, route: str, body: dict[str, Any] | None = None) -> Any:
        """A simulator control route (what a lab technician does on the terminal)."""
        assert isinstance(self.sim, WebEcrSimulator)
        async with httpx.AsyncClient() as client:
            reply = await client.request(method, f"{self.sim.url}/_sim{route}", json=body)
        assert reply.status_code == 200, reply.text
        return reply.json()

    # ----- the register's side -----
    async def open_sale(self, cents: int) -> OpenSale:
        assert self.service is not None
        return await asyncio.to_thread(self.service.open_sale, line(cents))

    async def sell(self, cents: int, **charge: Any) -> tuple[OpenSale, CardResult]:
        """Ring one line of ``cents`` and pay it all by card (``charge``: operation, tip, instalments…)."""
        sale = await self.open_sale(cents)
        assert self.service is not None
        return sale, await self.service.charge(sale, cents, **charge)

    async def issue(self, sale: OpenSale):
        assert self.service is not None
        return await asyncio.to_thread(self.service.issue, sale)

    def attempt(self, attempt_id: int) -> CardAttempt:
        with self.db.read() as session:
            return session.get(CardAttempt, attempt_id)

    def attempts(self, receipt_id: int | None = None) -> list[CardAttempt]:
        with self.db.read() as session:
            query = select(CardAttempt).order_by(CardAttempt.id)
            if receipt_id is not None:
                query = query.where(CardAttempt.receipt_id == receipt_id)
            return list(session.exec(query))

    def receipt(self, receipt_id: int) -> Receipt:
        with self.db.read() as session:
            return session.get(Receipt, receipt_id)

    def receipts(self) -> list[Receipt]:
        with self.db.read() as session:
            return list(session.exec(select(Receipt).order_by(Receipt.id)))

    def payments(self, receipt_id: int) -> list[Payment]:
        with self.db.read() as session:
            return list(session.exec(select(Payment).where(Payment.receipt_id == receipt_id).order_by(Payment.id)))

    def open_sale_ids(self) -> list[int]:
        assert self.service is not None
        return [s.receipt_id for s in self.service.open_sales()]

    # ----- the terminal's side -----
    def ledger(self) -> list[LedgerEntry]:
        assert self.model is not None
        return self.model.ledger.entries


