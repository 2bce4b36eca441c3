"""Every CLI test runs as the demo shop's admin would script it: the PIN in ``NEXIPOS_ADMIN_PIN`` (the gate stays
on; tests of the gate itself change or remove it)."""

from __future__ import annotations

import pytest

from nexipos_desktop.cli.admin_gate import PIN_ENV
from nexipos_desktop.storage.seed import DEMO_ADMIN, DEMO_PINS


@pytest.fixture(autouse=True)
def admin_pin(monkeypatch) -> str:
    monkeypatch.setenv(PIN_ENV, DEMO_PINS[DEMO_ADMIN])
    return DEMO_PINS[DEMO_ADMIN]
