"""The migrations build exactly the models' schema, with WAL and foreign keys on."""

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import nexipos_desktop.storage.models  # noqa: F401
from nexipos_desktop.storage.db import SCHEMA_HEAD, migrate, open_database

VERSIONS = Path(nexipos_desktop.storage.models.__file__).with_name("migrations") / "versions"


def _schema(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))


def _not_fts(name, type_, _parent_names) -> bool:
    # The FTS5 index and its shadow tables live outside the models, in the migration's raw SQL.
    return not (type_ == "table" and name.startswith("product_fts"))


def test_migrated_database_matches_the_models(empty_db):
    with empty_db.reader.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_fresh_and_downgraded_then_upgraded_databases_are_identical(tmp_path):
    fresh = open_database(tmp_path / "fresh.db")
    cycled = open_database(tmp_path / "cycled.db")
    migrate_down_and_up(cycled)
    assert _schema(fresh.path) == _schema(cycled.path)
    fresh.close()
    cycled.close()


def migrate_down_and_up(db):
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(VERSIONS.parent))
    with db.writer.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    migrate(db)


def test_schema_head_constant_is_the_newest_migration():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(VERSIONS.parent)).get_current_head() == SCHEMA_HEAD


def test_pragmas(empty_db):
    with empty_db.reader.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_audit_log_is_append_only(db):
    import pytest
    from sqlalchemy.exc import IntegrityError

    with db.writer.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar() >= 1
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
            with pytest.raises(IntegrityError, match="append-only"):
                conn.exec_driver_sql(statement)
