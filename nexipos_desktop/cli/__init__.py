"""The ``nexipos`` command: the GUI, and the till's jobs for scripting, kiosks and support."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nexipos_desktop import __version__
from nexipos_desktop.cli import catalogue_cmd, config_cmd, receipts_cmd, sale_cmd, system_cmd, terminal_cmd
from nexipos_desktop.cli import simulator_cmd
from nexipos_desktop.cli.common import CliError, add_db_option
from nexipos_desktop.storage.db import StorageError


def build_parser() -> argparse.ArgumentParser:
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:  # plain `nexipos` starts the GUI
        handler = system_cmd.run_gui
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
