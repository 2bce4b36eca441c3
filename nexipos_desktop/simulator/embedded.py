"""The simulator inside the till's own process (``terminal.simulator = true``): the default of ``make run``.

The protocol follows ``terminal.driver``: ``ecr_socket`` starts the socket terminal, ``webecr`` the WebECR cloud
(``nexipos config set terminal.driver webecr``, or ``make run-webecr``). Both book into the same ledger file.
The WebECR simulator gets new tokens each time, so it is told the register's stored pairing (its API key) and the
demo account's password, and the driver is pointed at it: nothing to pair by hand. Its transactions (and the
register's approved intents) are rebuilt from the ledger, so voids, refunds, queries and reconciliation of sales
made before a restart work as with the real cloud.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nexipos_desktop.payments.setup import TerminalSettings
from nexipos_desktop.simulator.ledger import Ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import DEFAULT_TID, TerminalModel
from nexipos_desktop.simulator.webecr_auth import DEMO_USERNAME
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator


async def start_embedded_simulator(settings: TerminalSettings, public_key_pem: str, ledger_path: Path,
                                   *, time_scale: float = 1.0
                                   ) -> tuple[SocketTerminalSimulator | WebEcrSimulator, TerminalSettings]:
    """Start the simulated terminal on loopback; returns it and the settings pointing the driver at it."""
    model = TerminalModel(tid=settings.tid or DEFAULT_TID, time_scale=time_scale,
                          public_keys=[public_key_pem] if public_key_pem else [], ledger=Ledger(ledger_path))
    if settings.config.driver == "webecr":
        return await _start_webecr(settings, model)
    simulator = SocketTerminalSimulator(model)
    await simulator.start("127.0.0.1", settings.config.port or 0)
    config = replace(settings.config, host="127.0.0.1", port=simulator.port)
    return simulator, replace(settings, config=config, tid=model.tid)


async def _start_webecr(settings: TerminalSettings, model: TerminalModel) -> tuple[WebEcrSimulator, TerminalSettings]:
    from nexipos_desktop.payments.demo import demo_webecr_credentials

    extra = dict(settings.config.extra)
    username = extra.get("webecr.username") or DEMO_USERNAME
    password, api_key = demo_webecr_credentials()
    host = WebEcrHost(model, users={username: password})
    terminal = host.first_terminal()
    host.accounts.trust_key(api_key, terminal.id, terminal.merchant)  # the pairing the till keeps
    simulator = WebEcrSimulator(host, prefix="/v1")
    await simulator.start("127.0.0.1", 0)
    extra |= {"webecr.environment": "custom", "webecr.base_url": simulator.base_url, "webecr.path_prefix": "",
              "webecr.username": username, "webecr.terminal_id": str(terminal.id), "tid": model.tid}
    extra.setdefault("webecr.auth", "both")
    config = replace(settings.config, extra=extra)
    return simulator, replace(settings, config=config, tid=model.tid)
