"""Fixtures of the certification suite: an isolated secrets store and one lab (till + simulator) per scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from certification_lab import Lab
from nexipos_desktop.storage.db import Database


@pytest.fixture(autouse=True)
def secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each scenario gets its own secrets store (the 0600 fallback file, never the machine's keyring)."""
    path = tmp_path / "secrets" / "secrets.json"
    monkeypatch.setenv("NEXIPOS_NO_KEYRING", "1")
    monkeypatch.setenv("NEXIPOS_SECRETS_FILE", str(path))
    return path


@pytest.fixture
def webecr_lab(db: Database, tmp_path: Path) -> Lab:
    return Lab(db, tmp_path, "webecr")


@pytest.fixture
def socket_lab(db: Database, tmp_path: Path) -> Lab:
    return Lab(db, tmp_path, "socket")
