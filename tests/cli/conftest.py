"""Every CLI test runs as the demo shop's admin would script it: the PIN in ``NEXIPOS_ADMIN_PIN`` (the gate stays
on; tests of the gate itself change or remove it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nexipos_desktop.cli.admin_gate import PIN_ENV
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS


@pytest.fixture(autouse=True)
def admin_pin(monkeypatch) -> str:
    monkeypatch.setenv(PIN_ENV, DEMO_PINS[DEMO_ADMIN])
    return DEMO_PINS[DEMO_ADMIN]


@pytest.fixture(autouse=True)
def own_secrets(secrets_file: Path) -> Path:
    """Each test gets its own secrets store (``secrets_file``, tests/conftest.py)."""
    return secrets_file


@pytest.fixture
def terminal(tmp_path):
    """The socket terminal simulator on its own thread and loop (the CLI runs its own asyncio loop)."""
    from test_terminal_cli import ThreadedTerminal

    sim = ThreadedTerminal(tmp_path / "simulator-ledger.jsonl")
    yield sim
    sim.close()
