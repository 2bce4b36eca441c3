"""The ``nexipos`` command: the GUI, and the till's jobs for scripting, kiosks and support."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from nexipos_desktop import __version__
from nexipos_desktop.storage.errors import StorageError

if TYPE_CHECKING:
    import argparse


def build_parser() -> argparse.ArgumentParser:
    import argparse

    from nexipos_desktop.cli.common import add_db_option
    from nexipos_desktop.cli import (
        catalogue_cmd, config_cmd, mydata_cmd, receipts_cmd, sale_cmd, simulator_cmd, system_cmd, terminal_cmd,
    )

    parser = argparse.ArgumentParser(prog="nexipos", description="NexiPOS Desktop — ταμειακό σύστημα")
    parser.add_argument("--version", action="version", version=f"nexipos {__version__}")
    add_db_option(parser, top_level=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    system_cmd.register(commands)
    catalogue_cmd.register(commands)
    sale_cmd.register(commands)
    receipts_cmd.register(commands)
    config_cmd.register(commands)
    terminal_cmd.register(commands)
    simulator_cmd.register(commands)
    mydata_cmd.register(commands)
    return parser


def gui_arguments(argv: Sequence[str]) -> SimpleNamespace | None:
    """``nexipos [run] [--db PATH] [--lang el|en]`` read by hand: the GUI starts without argparse or any
    subcommand module (the window is shown first). Anything else goes to the full parser."""
    args = SimpleNamespace(command=None, db=None, lang=None)
    rest = list(argv)
    if rest and rest[0] == "run":
        args.command = rest.pop(0)
    while rest:
        option = rest.pop(0)
        name, equals, value = option.partition("=")
        if name not in ("--db", "--lang"):
            return None
        if not equals:
            if not rest:
                return None
            value = rest.pop(0)
        if name == "--lang" and value not in ("el", "en"):
            return None
        if name == "--db":
            args.db = Path(value)
        else:
            args.lang = value
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    gui = gui_arguments(argv)
    if gui is not None:
        from nexipos_desktop.app import run_app
        from nexipos_desktop.paths import default_db_path

        return run_app(db_path=gui.db or default_db_path(), language=gui.lang)
    from nexipos_desktop.cli.common import CliError

    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        from nexipos_desktop.cli.system_cmd import run_gui

        handler = run_gui
    try:
        return handler(args) or 0
    except CliError as exc:
        print(f"nexipos: {exc}", file=sys.stderr)
        return exc.exit_code
    except StorageError as exc:
        print(f"nexipos: {exc}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `nexipos receipts list | head`
        sys.stderr.close()
        return 0
