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
def secrets_file(tmp_path, monkeypatch) -> Path:
    """Each test gets its own secrets store (the 0600 fallback file, never the machine's keyring)."""
    path = tmp_path / "secrets" / "secrets.json"
    monkeypatch.setenv("NEXIPOS_NO_KEYRING", "1")
    monkeypatch.setenv("NEXIPOS_SECRETS_FILE", str(path))
    return path
