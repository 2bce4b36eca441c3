"""``nexipos products import FILE.csv``."""

from __future__ import annotations

import argparse
from pathlib import Path

from nexipos_desktop.cli.common import CliError, open_db, subcommand
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.product_import import ImportFailed, import_products, read_products_csv


def register(commands: argparse._SubParsersAction) -> None:
    products = subcommand(commands, "products", "κατάλογος προϊόντων")
    actions = products.add_subparsers(dest="products_command", metavar="ACTION", required=True)
    importer = subcommand(actions, "import", "εισαγωγή/ενημέρωση προϊόντων από CSV (UTF-8)")
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    importer.set_defaults(handler=import_command)


def import_command(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        records = read_products_csv(args.file)
        with db.write() as session:
            report = import_products(session, records)
            audit(session, "cli", "products.imported", file=str(args.file), added=report.added,
                  updated=report.updated)
    except ImportFailed as exc:
        raise CliError(f"η εισαγωγή απέτυχε, δεν αποθηκεύτηκε τίποτα:\n{exc}", exit_code=2) from exc
    finally:
        db.close()
    print(f"Εισαγωγή: {report.added} νέα, {report.updated} ενημερωμένα προϊόντα")
    return 0
