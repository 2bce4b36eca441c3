"""The simulator inside the till's own process (``terminal.simulator = true``): the default of ``make run``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from nexipos_desktop.payments.setup import TerminalSettings
from nexipos_desktop.simulator.ledger import Ledger
from nexipos_desktop.simulator.socket_server import SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import TerminalModel


async def start_embedded_simulator(settings: TerminalSettings, public_key_pem: str, ledger_path: Path,
                                   *, time_scale: float = 1.0) -> tuple[SocketTerminalSimulator, TerminalSettings]:
    """Start the simulated terminal on loopback; returns it and the settings pointing the driver at it."""
    model = TerminalModel(tid=settings.tid or "64999999", time_scale=time_scale,
                          public_keys=[public_key_pem] if public_key_pem else [], ledger=Ledger(ledger_path))
    simulator = SocketTerminalSimulator(model)
    await simulator.start("127.0.0.1", settings.config.port or 0)
    config = replace(settings.config, host="127.0.0.1", port=simulator.port)
    return simulator, replace(settings, config=config, tid=model.tid)
