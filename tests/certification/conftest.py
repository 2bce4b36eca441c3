"""Fixtures of the certification suite: an isolated secrets store and one lab (till + simulator) per scenario."""

from __future__ import annotations

from pathlib import Path

import pytest

from certification_lab import Lab
from nexipos_desktop.storage.db import Database


@pytest.fixture(autouse=True)
def own_secrets(secrets_file: Path) -> Path:
    """Each test gets its own secrets store (``secrets_file``, tests/conftest.py)."""
    return secrets_file


@pytest.fixture
def webecr_lab(db: Database, tmp_path: Path) -> Lab:
    return Lab(db, tmp_path, "webecr")


@pytest.fixture
def socket_lab(db: Database, tmp_path: Path) -> Lab:
    return Lab(db, tmp_path, "socket")
