"""What every subcommand shares: the ``--db`` option, opening the database, errors, JSON output."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nexipos_desktop.paths import default_db_path
from nexipos_desktop.storage.errors import StorageError

__all__ = ["CliError", "default_db_path", "open_db", "print_json", "subcommand"]

if TYPE_CHECKING:
    from sqlmodel import Session

    from nexipos_desktop.storage.db import Database


class CliError(Exception):
    """A failure to report on stderr (Greek message) with an exit code."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_db_option(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help="αρχείο βάσης δεδομένων SQLite (προεπιλογή: φάκελος δεδομένων χρήστη)",
    )


def subcommand(commands: argparse._SubParsersAction, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=help_text, description=help_text)
    add_db_option(parser)
    return parser


def open_db(args: argparse.Namespace, *, seed: bool = True) -> Database:
    """Open the database named by ``--db`` (migrating it); a new one gets the demo shop."""
    from nexipos_desktop.storage.db import open_database

    path = args.db or default_db_path()
    try:
        db = open_database(path)
        if seed:
            from nexipos_desktop.admin.demo import set_up_demo

            set_up_demo(db)  # a new database: the demo shop (as `make run`), wired to the built-in simulators
    except StorageError as exc:
        raise CliError(str(exc), exit_code=3) from exc
    return db


def load_receipt(args: argparse.Namespace, loader: Callable[[Session, int], Any]) -> Any:
    """``loader(session, receipt_id)`` for the issued receipt named by ``args.number`` (exit 2 when unknown)."""
    from nexipos_desktop.storage.receipt_queries import find_receipt

    db = open_db(args)
    try:
        with db.read() as session:
            return loader(session, find_receipt(session, args.number).id)
    except LookupError as exc:
        raise CliError(str(exc), exit_code=2) from exc
    finally:
        db.close()


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
