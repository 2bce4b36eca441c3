"""Alembic environment: migrations run on the connection the app hands over (or on sqlalchemy.url)."""

from alembic import context
from sqlalchemy import create_engine
from sqlmodel import SQLModel

import nexipos_desktop.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _run(conn)


def _outside_models(name, type_, _parent_names) -> bool:
    """The FTS5 index and its shadow tables are made by raw SQL in 0001, not by the models."""
    return not (type_ == "table" and name and name.startswith("product_fts"))


def _run(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      include_name=_outside_models)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
