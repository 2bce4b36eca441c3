"""Opening the SQLite database: WAL, foreign keys, durable commits, migrations to the current schema."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from nexipos_desktop.storage.errors import StorageError
from nexipos_desktop.storage.textfold import fold_text

__all__ = ["Database", "StorageError", "open_database"]

SCHEMA_HEAD = "0005"  # the newest migration in migrations/versions; checked by a test
BUSY_TIMEOUT_MS = 5000


def _configurer(busy_timeout_ms: int):
    def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        _configure(dbapi_connection, busy_timeout_ms)

    return configure


def _configure(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event issues BEGIN itself
    dbapi_connection.create_function("fold", 1, fold_text, deterministic=True)  # used by the catalogue triggers
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")  # a till may lose power: every commit reaches the disk
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _make_engine(path: Path, begin: str, busy_timeout_ms: int) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _configurer(busy_timeout_ms))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


@dataclass
class Database:
    """The register's database: one engine for reads, one that takes the write lock up front.

    Writes use ``BEGIN IMMEDIATE`` so two writers never deadlock upgrading a read lock, and a locked database
    shows up at the start of a change, before anything is half-done.
    """

    path: Path
    reader: Engine
    writer: Engine

    def read(self) -> Session:
        return Session(self.reader, expire_on_commit=False)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back on any error."""
        with Session(self.writer, expire_on_commit=False) as session:
            try:
                with session.begin():
                    yield session
            except OperationalError as exc:
                raise StorageError(describe_operational_error(exc)) from exc

    def close(self) -> None:
        self.reader.dispose()
        self.writer.dispose()


def describe_operational_error(exc: OperationalError | sqlite3.OperationalError) -> str:
    """A Greek message for an SQLite operational error (locked, read-only, full disk, unopenable)."""
    text = str(getattr(exc, "orig", None) or exc)
    if "locked" in text or "busy" in text:
        return "Η βάση δεδομένων είναι κλειδωμένη από άλλο πρόγραμμα· δοκιμάστε ξανά σε λίγο."
    if "readonly" in text or "read-only" in text:
        return "Η βάση δεδομένων δεν είναι εγγράψιμη (δικαιώματα αρχείου ή γεμάτος δίσκος)."
    if "unable to open" in text:
        return "Δεν ανοίγει το αρχείο της βάσης δεδομένων (δικαιώματα ή λάθος διαδρομή)."
    if "disk" in text or "full" in text:
        return "Δεν υπάρχει χώρος στον δίσκο για τη βάση δεδομένων."
    return f"Σφάλμα βάσης δεδομένων: {text}"


def open_database(path: Path | str, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Database:
    """Open (creating if needed) the database at ``path`` and bring its schema to the current version.

    A change waits up to ``busy_timeout_ms`` for another program's lock before it fails with a clear message.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Δεν μπορεί να δημιουργηθεί ο φάκελος της βάσης «{path.parent}»: {exc.strerror}") from exc
    db = Database(path, _make_engine(path, "BEGIN", busy_timeout_ms),
                  _make_engine(path, "BEGIN IMMEDIATE", busy_timeout_ms))
    try:
        if current_revision(path) != SCHEMA_HEAD:
            migrate(db)
    except (OperationalError, sqlite3.OperationalError) as exc:
        db.close()
        raise StorageError(describe_operational_error(exc)) from exc
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StorageError(f"Το αρχείο «{path}» δεν είναι βάση δεδομένων του ταμείου: {exc}") from exc
    return db


def current_revision(path: Path) -> str | None:
    """The schema revision recorded in the database, read without loading Alembic (fast start-up)."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with sqlite3.connect(path) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


def migrate(db: Database, revision: str = "head") -> None:
    """Run the Alembic migrations up to ``revision`` in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
