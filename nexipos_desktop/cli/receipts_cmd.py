"""``nexipos receipts list [--date YYYY-MM-DD]`` and ``nexipos receipts pdf NUMBER -o FILE``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from nexipos_desktop.cli.common import CliError, load_receipt, open_db, print_json, subcommand
from nexipos_desktop.cli.mydata_cmd import register_xml
from nexipos_desktop.money import format_cents
from nexipos_desktop.storage.receipt_queries import list_receipts
from nexipos_desktop.storage.receipt_store import load_document


def register(commands: argparse._SubParsersAction) -> None:
    receipts = subcommand(commands, "receipts", "εκδομένες αποδείξεις")
    actions = receipts.add_subparsers(dest="receipts_command", metavar="ACTION", required=True)
    listing = subcommand(actions, "list", "λίστα αποδείξεων")
    listing.add_argument("--date", type=_parse_date, metavar="YYYY-MM-DD", help="μόνο όσες εκδόθηκαν αυτή τη μέρα")
    listing.add_argument("--json", action="store_true", help="έξοδος JSON (πλήρη στοιχεία)")
    listing.set_defaults(handler=list_command)
    pdf = subcommand(actions, "pdf", "αποθήκευση απόδειξης ως PDF")
    pdf.add_argument("number", metavar="NUMBER", help="αριθμός: 123, Α-123 ή 11.4/Π-5")
    pdf.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    pdf.add_argument("--paper", choices=("80mm", "a4"), default="80mm")
    pdf.add_argument("--copy", action="store_true", help="σήμανση «ΑΝΤΙΓΡΑΦΟ» (επανεκτύπωση)")
    pdf.set_defaults(handler=pdf_command)
    register_xml(actions)


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"μη έγκυρη ημερομηνία «{text}» (YYYY-MM-DD)") from None


def list_command(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.read() as session:
            rows = list_receipts(session, day=args.date, limit=1_000_000)
            if args.json:
                print_json([load_document(session, row.id).to_json() for row in reversed(rows)])
                return 0
    finally:
        db.close()
    for row in reversed(rows):
        print(f"{row.issued_at[:16].replace('T', ' ')}  {row.invoice_type}  {row.series}-{row.number:<6} "
              f"{format_cents(row.total_cents):>10} €  {row.uid}")
    print(f"{len(rows)} αποδείξεις")
    return 0


def pdf_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.printing import render_receipt_pdf

    document = load_receipt(args, load_document)
    try:
        args.output.write_bytes(render_receipt_pdf(document, paper=args.paper, copy=args.copy))
    except OSError as exc:
        raise CliError(f"δεν γράφεται το αρχείο «{args.output}»: {exc.strerror}") from exc
    print(f"{document.type_name} {document.series}-{document.number} → {args.output}")
    return 0
