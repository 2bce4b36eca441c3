"""``nexipos run`` (the GUI) and ``nexipos selftest``."""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
from pathlib import Path

from nexipos_desktop import __version__
from nexipos_desktop.cli.common import CliError, default_db_path, open_db, subcommand


def register(commands: argparse._SubParsersAction) -> None:
    run = subcommand(commands, "run", "άνοιγμα του ταμείου (γραφικό περιβάλλον)")
    run.add_argument("--lang", choices=("el", "en"), help="γλώσσα (προεπιλογή: ελληνικά)")
    run.set_defaults(handler=run_gui)
    selftest = subcommand(commands, "selftest", "έλεγχος εγκατάστασης")
    selftest.set_defaults(handler=selftest_command)


def run_gui(args: argparse.Namespace) -> int:
    from nexipos_desktop.app import run_app

    return run_app(db_path=args.db or default_db_path(), language=getattr(args, "lang", None))


def selftest_command(args: argparse.Namespace) -> int:
    """Import everything, open the database, render a sample receipt offscreen; print ``ok`` and versions."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import reportlab
    import sqlalchemy

    from nexipos_desktop.app import qt_versions
    from nexipos_desktop.printing import render_receipt_pdf
    from nexipos_desktop.printing.sample import sample_document

    db = open_db(args)
    try:
        with db.read() as session:
            from nexipos_desktop.storage.catalogue import product_count

            products = product_count(session)
    finally:
        db.close()
    qt = qt_versions()  # builds the till window offscreen: every GUI module imports and Qt runs
    pdf = render_receipt_pdf(sample_document())
    if not pdf.startswith(b"%PDF"):
        raise CliError("η απόδοση PDF απέτυχε")
    out = Path(tempfile.gettempdir()) / "nexipos-selftest.pdf"
    out.write_bytes(pdf)
    print("ok")
    print(f"nexipos {__version__}; Python {platform.python_version()}; {qt}; SQLAlchemy {sqlalchemy.__version__}; "
          f"reportlab {reportlab.Version}; database {args.db or default_db_path()} ({products} products); "
          f"sample receipt {out} ({len(pdf)} bytes)")
    return 0
