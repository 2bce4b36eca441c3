"""The ``nexipos`` command: the GUI, and the till's jobs for scripting, kiosks and support."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from nexipos_desktop import __version__
from nexipos_desktop.cli.common import CliError, add_db_option
from nexipos_desktop.storage.errors import StorageError


def build_parser() -> argparse.ArgumentParser:
    from nexipos_desktop.cli import (
        catalogue_cmd, config_cmd, receipts_cmd, sale_cmd, simulator_cmd, system_cmd, terminal_cmd,
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
    return parser


class _QuietParser(argparse.ArgumentParser):
    """Fails silently: when the quick GUI parse does not fit, the full parser takes over."""

    def error(self, message: str):
        raise argparse.ArgumentError(None, message)


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """``nexipos [run] [--db PATH] [--lang el|en]``, parsed without loading every subcommand (fast start)."""
    if argv and argv[0] not in ("run", "--db", "--lang") and not argv[0].startswith("--db="):
        return None
    quick = _QuietParser(add_help=False)
    quick.add_argument("command", nargs="?", choices=("run",))
    quick.add_argument("--db", type=Path)
    quick.add_argument("--lang", choices=("el", "en"))
    try:
        args, rest = quick.parse_known_args(argv)
    except (argparse.ArgumentError, SystemExit):
        return None
    return None if rest else args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = gui_arguments(argv)
    if args is not None:
        from nexipos_desktop.cli.system_cmd import run_gui

        return run_gui(args)
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
