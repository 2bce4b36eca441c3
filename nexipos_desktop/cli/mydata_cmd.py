"""myDATA from the command line.

``nexipos receipts xml NUMBER [--validate]``: a receipt as the ``InvoicesDoc`` it is sent as;
``nexipos mydata status [--all] [--json]``: the outbox; ``nexipos mydata send``: transmit every pending document
now; ``nexipos mydata retry ID``: try a refused document again.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from nexipos_desktop.cli.common import CliError, load_receipt, open_db, print_json, subcommand

if TYPE_CHECKING:
    from lxml import etree


def register_xml(actions: argparse._SubParsersAction) -> None:
    """Add the ``xml`` action to the ``receipts`` actions group."""
    xml = subcommand(actions, "xml", "η απόδειξη ως έγγραφο myDATA (InvoicesDoc XML)")
    xml.add_argument("number", metavar="NUMBER", help="αριθμός: 123, Α-123 ή 11.4/Π-5")
    xml.add_argument("--validate", action="store_true",
                     help="έλεγχος με τα επίσημα XSD του myDATA (κωδικός εξόδου 1 αν δεν είναι έγκυρο)")
    xml.set_defaults(handler=xml_command)


def xml_command(args: argparse.Namespace) -> int:
    """Print the receipt's ``InvoicesDoc``; with ``--validate`` report its XSD errors on stderr."""
    from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice
    from nexipos_desktop.fiscal.mydata_xml import MyDataError, invoices_doc, to_bytes

    invoice = load_receipt(args, load_mydata_invoice)
    try:
        document = invoices_doc([invoice])
    except MyDataError as exc:
        raise CliError(str(exc)) from exc
    sys.stdout.write(to_bytes(document).decode("utf-8"))
    if invoice.awaits_original_mark:
        print("προσοχή: το αρχικό παραστατικό δεν έχει ΜΑΡΚ ακόμη· λείπει το correlatedInvoices", file=sys.stderr)
    return _report_validation(document) if args.validate else 0


def _report_validation(document: etree._Element) -> int:
    from nexipos_desktop.fiscal.xsd import SchemaNotFound, validate

    try:
        errors = validate(document, "InvoicesDoc")
    except SchemaNotFound as exc:
        raise CliError(str(exc), exit_code=2) from exc
    for error in errors:
        print(f"XSD: {error}", file=sys.stderr)
    print("μη έγκυρο κατά το XSD του myDATA" if errors else "έγκυρο κατά το XSD του myDATA v2.0.1", file=sys.stderr)
    return 1 if errors else 0


def register(commands: argparse._SubParsersAction) -> None:
    """The ``mydata`` command group."""
    mydata = subcommand(commands, "mydata", "διαβίβαση στο myDATA της ΑΑΔΕ: ουρά, αποστολή, επανάληψη")
    actions = mydata.add_subparsers(dest="mydata_action", metavar="ACTION", required=True)
    status = subcommand(actions, "status", "τα έγγραφα που οφείλονται στο myDATA και όσα απορρίφθηκαν")
    status.add_argument("--all", action="store_true", help="και όσα έχουν διαβιβαστεί")
    status.add_argument("--json", action="store_true", help="έξοδος JSON")
    status.set_defaults(handler=status_command)
    send = subcommand(actions, "send", "αποστολή τώρα όλων των εκκρεμών εγγράφων (χωρίς αναμονή backoff)")
    send.add_argument("--json", action="store_true", help="έξοδος JSON")
    send.set_defaults(handler=send_command)
    retry = subcommand(actions, "retry", "νέα προσπάθεια για έγγραφο που απορρίφθηκε")
    retry.add_argument("id", type=int, metavar="ID", help="ο αριθμός του εγγράφου (nexipos mydata status)")
    from nexipos_desktop.cli.admin_gate import add_admin_options

    add_admin_options(retry)
    retry.set_defaults(handler=retry_command)


def _row_json(view) -> dict:
    entry = view.entry
    return {"id": entry.id, "kind": entry.kind, "receipt": view.receipt_label, "receipt_id": entry.receipt_id,
            "state": entry.state, "attempts": entry.attempts, "mark": entry.mark, "uid": entry.uid,
            "authentication_code": entry.authentication_code, "qr_url": entry.qr_url,
            "cancellation_mark": entry.cancellation_mark, "transmission_failure": entry.transmission_failure,
            "error_code": entry.last_error_code, "error": entry.last_error_message, "channel": entry.channel,
            "created_at": entry.created_at, "sent_at": entry.sent_at}


def status_command(args: argparse.Namespace) -> int:
    """The outbox: counts, then one line per document."""
    from nexipos_desktop.storage.mydata_outbox import list_outbox, outbox_counts

    db = open_db(args)
    try:
        counts = outbox_counts(db)
        with db.read() as session:
            rows = list_outbox(session, include_sent=args.all)
    finally:
        db.close()
    if args.json:
        print_json({"pending": counts.pending, "failed": counts.failed, "documents": [_row_json(v) for v in rows]})
        return 0
    print(f"myDATA: {counts.pending} σε αναμονή, {counts.failed} απορρίφθηκαν")
    for view in rows:
        entry = view.entry
        mark = entry.mark or entry.cancellation_mark or ""
        flag = " [transmissionFailure 3]" if entry.transmission_failure else ""
        error = f"  — {entry.last_error_message}" if entry.last_error_message and entry.state != "sent" else ""
        print(f"{entry.id:>5}  {entry.kind:<16} {view.receipt_label:<14} {entry.state:<8} "
              f"{entry.attempts:>3}  {mark}{flag}{error}")
    return 0


def send_command(args: argparse.Namespace) -> int:
    """One transmission pass over every pending document, now."""
    import asyncio

    from nexipos_desktop.storage.mydata_outbox import outbox_counts

    db = open_db(args)
    try:
        sender = _sender(db)
        sent = asyncio.run(_send_all(sender))
        counts = outbox_counts(db)
    finally:
        db.close()
    if args.json:
        print_json({"sent": sent, "pending": counts.pending, "failed": counts.failed,
                    "problem": sender.last_problem or None})
    else:
        print(f"Διαβιβάστηκαν {sent}· σε αναμονή {counts.pending}· απορρίφθηκαν {counts.failed}")
        if sender.last_problem:
            print(f"Πρόβλημα: {sender.last_problem}")
    return 0 if counts.pending == 0 and counts.failed == 0 else 1


async def _send_all(sender) -> int:
    try:
        return await sender.send_due(due_by=float(2**53))
    finally:
        await sender.client.close()


def _sender(db):
    from nexipos_desktop.fiscal.mydata_client import MyDataClient
    from nexipos_desktop.fiscal.mydata_setup import mydata_config, uses_simulator
    from nexipos_desktop.fiscal.outbox_sender import OutboxSender
    from nexipos_desktop.storage.settings import all_settings

    with db.read() as session:
        settings = all_settings(session)
    try:
        config = mydata_config(settings)
    except ValueError as exc:
        raise CliError(str(exc), exit_code=2) from exc
    if config is None:
        hint = (" (ο ενσωματωμένος προσομοιωτής τρέχει μόνο μέσα στην εφαρμογή· για τη γραμμή εντολών: "
                "nexipos simulator --mydata και mydata.environment custom)" if uses_simulator(settings) else "")
        raise CliError("Δεν έχουν οριστεί τα στοιχεία πρόσβασης στο myDATA: nexipos config set mydata.user_id … "
                       "και mydata.subscription_key …" + hint, exit_code=3)
    return OutboxSender(db, MyDataClient(config))


def retry_command(args: argparse.Namespace) -> int:
    """A refused (or waiting) document goes back to the queue, due at once."""
    from nexipos_desktop.cli.admin_gate import require_admin
    from nexipos_desktop.storage.errors import SaleError
    from nexipos_desktop.storage.mydata_outbox import retry_now

    db = open_db(args)
    try:
        admin = require_admin(db, args, "mydata_retry", outbox_id=args.id)
        row = retry_now(db, args.id, actor=admin)
    except LookupError as exc:
        raise CliError(str(exc), exit_code=2) from exc
    except SaleError as exc:
        raise CliError(str(exc), exit_code=1) from exc
    finally:
        db.close()
    print(f"Το έγγραφο {row.id} θα σταλεί ξανά (nexipos mydata send, ή αμέσως από την εφαρμογή)")
    return 0
