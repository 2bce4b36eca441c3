"""``nexipos terminal reconcile --date YYYY-MM-DD`` (end-of-day check against the terminal's list) and
``nexipos terminal preloads [--check]`` (deferred card payments still open)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date

from nexipos_desktop.cli.common import CliError, open_db, print_json, subcommand
from nexipos_desktop.clock import athens_now
from nexipos_desktop.money import format_cents
from nexipos_desktop.payments.errors import PaymentError
from nexipos_desktop.payments.reconcile import STATUS_TEXT, ReconcileReport

#: Exit code of a report with differences, so a scheduled job can alert on it.
EXIT_DIFFERENCES = 4
PRELOAD_STATE_TEXT = {"pending": "Αναμονή", "paid": "Πληρώθηκε", "expired": "Έληξε", "cancelled": "Ακυρώθηκε"}


def register(actions: argparse._SubParsersAction, with_target: Callable[[argparse.ArgumentParser], object]) -> None:
    """Add ``reconcile`` and ``preloads`` to ``nexipos terminal`` (``with_target`` adds --socket and --json)."""
    reconcile = subcommand(actions, "reconcile", "συμφωνία ημέρας: πληρωμές με κάρτα του ταμείου ↔ συναλλαγές "
                                                 "του τερματικού (TID/RRN/ποσό)")
    with_target(reconcile)
    reconcile.add_argument("--date", metavar="YYYY-MM-DD", help="ημέρα (ώρα Ελλάδας· προεπιλογή σήμερα)")
    reconcile.set_defaults(handler=reconcile_command)
    preloads = subcommand(actions, "preloads", "προφορτωμένες πληρωμές σε εκκρεμότητα ή με υπόλοιπο")
    with_target(preloads)
    preloads.add_argument("--check", action="store_true", help="ρώτα το τερματικό για όσες περιμένουν")
    preloads.set_defaults(handler=preloads_command)


def parse_day(text: str | None) -> date:
    if not text:
        return athens_now().date()
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"μη έγκυρη ημερομηνία «{text}» (ΕΕΕΕ-ΜΜ-ΗΗ, π.χ. 2026-11-27)", 2) from exc


def reconcile_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.cli.terminal_cmd import on_terminal
    from nexipos_desktop.payments.reconcile import reconcile_day

    day = parse_day(args.date)
    db = open_db(args)
    try:
        report = on_terminal(db, args, lambda service: reconcile_day(db, service.driver, day))
    except PaymentError as exc:
        raise CliError(str(exc), 2) from exc
    except Exception as exc:  # the host could not be asked: say so, never a half report
        if isinstance(exc, CliError):
            raise
        raise CliError(f"Δεν ήρθε η λίστα συναλλαγών του τερματικού: {exc}", 7) from exc
    finally:
        db.close()
    if args.json:
        print_json(report.as_json())
    else:
        print_report(report)
    return 0 if report.ok else EXIT_DIFFERENCES


def print_report(report: ReconcileReport) -> None:
    print(f"Συμφωνία καρτών {report.day.isoformat()}")
    for row in report.rows:
        side = row.register or row.terminal
        amount = row.register.charged_cents if row.register else row.terminal.amount_cents + row.terminal.tip_cents
        receipt = row.register.receipt_label if row.register else "—"
        print(f"  {STATUS_TEXT[row.status]:24} {receipt:>8} {format_cents(amount):>10} €  TID {side.tid or '—':8}  "
              f"RRN {side.rrn or '—':12}  {row.note}")
    totals = ", ".join(f"{STATUS_TEXT[s]}: {n}" for s, n in report.counts.items() if n)
    print(totals or "Καμία πληρωμή με κάρτα αυτή την ημέρα")
    if report.pending_preloads:
        print(f"Προφορτωμένες σε αναμονή (δεν έχουν χρεωθεί ακόμη): {report.pending_preloads}")
    print("Χωρίς διαφορές" if report.ok else "ΥΠΑΡΧΟΥΝ ΔΙΑΦΟΡΕΣ: ελέγξτε τις γραμμές που δεν συμφωνούν")


def preloads_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.payments.preload_store import preload_rows

    db = open_db(args)
    try:
        if args.check:
            from nexipos_desktop.cli.terminal_cmd import on_terminal
            from nexipos_desktop.payments.preload import PreloadService, PreloadTracker

            on_terminal(db, args, lambda service: PreloadTracker(PreloadService(service)).check_due())
        rows = preload_rows(db)
    finally:
        db.close()
    if args.json:
        print_json([{"id": r.id, "receipt": r.receipt_label, "reference": r.reference, "state": r.state,
                     "amount_cents": r.amount_cents, "final_amount_cents": r.final_amount_cents,
                     "balance_cents": r.balance_cents, "created_at": r.created_at.isoformat(),
                     "expires_at": r.expires_at.isoformat(), "needs_cashier": r.needs_cashier,
                     "message": r.last_message} for r in rows])
        return 0
    for r in rows:
        print(f"{r.id:5} {r.receipt_label:>8} {format_cents(r.amount_cents):>10} €  "
              f"{PRELOAD_STATE_TEXT.get(r.state, r.state):10} λήξη {r.expires_at:%d/%m %H:%M}  "
              f"υπόλοιπο {format_cents(r.balance_cents)} €  {r.last_message}")
    print(f"{len(rows)} ανοιχτές προφορτωμένες πληρωμές")
    return 0

