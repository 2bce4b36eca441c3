"""Shared fixtures: a fresh seeded database per test (copied from one built per session), offscreen Qt."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEXIPOS_NO_KEYRING", "1")
os.environ.setdefault("NEXIPOS_SECRETS_FILE", os.path.join(tempfile.mkdtemp(prefix="nexipos-secrets-"), "secrets.json"))

from nexipos_desktop.storage.db import Database, open_database  # noqa: E402
from nexipos_desktop.storage.seed import seed_demo_shop  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.db"
    db = open_database(path)
    seed_demo_shop(db)
    db.close()
    with sqlite3.connect(path) as conn:  # fold the WAL into the file so a plain copy has everything
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def db_path(tmp_path: Path, seeded_template: Path) -> Path:
    path = tmp_path / "nexipos.db"
    shutil.copy(seeded_template, path)
    return path


@pytest.fixture
def db(db_path: Path):
    database: Database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def empty_db(tmp_path: Path):
    database = open_database(tmp_path / "empty.db")
    yield database
    database.close()


@pytest.fixture
def secrets_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own secrets store (the 0600 fallback file, never the machine's keyring); suites whose code writes
    secrets use it for every test (``usefixtures`` or an autouse fixture in their conftest)."""
    path = tmp_path / "secrets" / "secrets.json"
    monkeypatch.setenv("NEXIPOS_NO_KEYRING", "1")
    monkeypatch.setenv("NEXIPOS_SECRETS_FILE", str(path))
    return path
