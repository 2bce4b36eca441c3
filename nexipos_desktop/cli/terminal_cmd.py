"""``nexipos terminal echo|pair|sale|refund|void|…`` and ``nexipos payments unresolved|resolve`` for support staff.

The same commands and ``--json`` keys over either driver (TCPSocket or WebECR); ``terminal pair`` pairs WebECR.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

from nexipos_desktop.cli.admin_gate import add_admin_options, require_admin
from nexipos_desktop.cli.common import CliError, open_db, print_json, subcommand
from nexipos_desktop.money import AmountError, format_cents, parse_amount
from nexipos_desktop.payments.contract import Approved, Failed, Operation, OriginalTransaction, PaymentOutcome
from nexipos_desktop.payments.contract import UnsupportedOperation
from nexipos_desktop.payments.service import PaymentError, PaymentService
from nexipos_desktop.payments.setup import TerminalSettings, build_service, terminal_settings
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.settings import all_settings

OPERATIONS = {"sale": Operation.SALE, "refund": Operation.REFUND, "void": Operation.VOID, "moto": Operation.MOTO,
              "preauth": Operation.PREAUTH, "completion": Operation.PREAUTH_COMPLETION}
_HELP = {"sale": "χρέωση", "refund": "επιστροφή (με --transaction-id/--reference: συνδεδεμένη με την αρχική)",
         "void": "ακύρωση", "moto": "συναλλαγή MOTO (τηλεφωνική/ταχυδρομική παραγγελία)",
         "preauth": "προέγκριση", "completion": "ολοκλήρωση προέγκρισης (--transaction-id/--reference)"}
#: Pairing failures that are the user's input to fix (exit 2); the rest are connection problems (exit 7).
_INPUT_PROBLEMS = frozenset({"bad_code", "code_refused", "choose_tid", "no_terminal", "config", "credentials"})
#: Exit codes by outcome, so scripts can tell them apart.
EXIT_CODES = {"approved": 0, "declined": 5, "cancelled": 6, "failed": 7, "busy": 8, "batch_full": 9, "in_doubt": 10}
#: Operations that give money back or charge a held amount: an admin's PIN first (the GUI's action names).
ADMIN_ACTIONS = {Operation.VOID: "void", Operation.REFUND: "card_refund", Operation.LINKED_REFUND: "card_refund",
                 Operation.PREAUTH_COMPLETION: "completion"}


def register(commands: argparse._SubParsersAction) -> None:
    terminal = subcommand(commands, "terminal", "εντολές προς το τερματικό καρτών")
    actions = terminal.add_subparsers(dest="terminal_command", metavar="ACTION", required=True)
    echo = _with_target(subcommand(actions, "echo", "δοκιμή σύνδεσης (TID και έκδοση εφαρμογής)"))
    echo.set_defaults(handler=echo_command)
    from nexipos_desktop.cli import reconcile_cmd  # issue 4: `terminal reconcile` and `terminal preloads`
    reconcile_cmd.register(actions, _with_target)
    pair = subcommand(actions, "pair", "σύζευξη με τερματικό WebECR (FinConnect → «Λειτουργίες» → «WebECR Code»)")
    pair.add_argument("code", nargs="?", metavar="CODE",
                      help="ο 8ψήφιος κωδικός· χωρίς κωδικό, επιλογή TID με το ήδη αποθηκευμένο κλειδί")
    pair.add_argument("--tid", metavar="TID", help="το Terminal ID όταν ο λογαριασμός έχει πολλά τερματικά")
    pair.add_argument("--json", action="store_true")
    add_admin_options(pair)
    pair.set_defaults(handler=pair_command)
    bind = subcommand(actions, "ecr-bind", "WebECR, διαδρομή ECR token: σύνδεση του ΦΗΜΑΣ με το τερματικό και "
                      "ανταλλαγή κλειδιού συνεδρίας")
    bind.add_argument("--ecr-id", default="", metavar="ID", help="ο αριθμός του ΦΗΜΑΣ (προεπιλογή: fiscal.ecr_id)")
    bind.add_argument("--json", action="store_true")
    add_admin_options(bind)
    bind.set_defaults(handler=ecr_bind_command)
    for name, operation in OPERATIONS.items():
        parser = _with_target(subcommand(actions, name, f"{_HELP[name]} στο τερματικό (καταγράφεται)"))
        parser.add_argument("amount", metavar="AMOUNT")
        if operation in (Operation.REFUND, Operation.VOID, Operation.PREAUTH_COMPLETION):
            parser.add_argument("--transaction-id", default="", metavar="ID",
                                help="ο αριθμός συναλλαγής (TransactionId) της αρχικής")
            parser.add_argument("--reference", default="", metavar="REF", help="η αναφορά της αρχικής πληρωμής")
        if operation in ADMIN_ACTIONS:
            add_admin_options(parser)
        parser.set_defaults(handler=operation_command, operation=operation)
    payments = subcommand(commands, "payments", "πληρωμές με κάρτα σε αβεβαιότητα")
    payment_actions = payments.add_subparsers(dest="payments_command", metavar="ACTION", required=True)
    unresolved = subcommand(payment_actions, "unresolved", "λίστα πληρωμών με άγνωστο αποτέλεσμα")
    unresolved.add_argument("--json", action="store_true")
    unresolved.set_defaults(handler=unresolved_command)
    resolve = subcommand(payment_actions, "resolve", "δήλωση αποτελέσματος από την απόδειξη του τερματικού")
    resolve.add_argument("attempt", type=int, metavar="ID")
    outcome = resolve.add_mutually_exclusive_group(required=True)
    outcome.add_argument("--approved", action="store_true")
    outcome.add_argument("--not-approved", action="store_true")
    resolve.add_argument("--auth-code", default="")
    resolve.add_argument("--rrn", default="")
    add_admin_options(resolve)
    resolve.set_defaults(handler=resolve_command)


def _with_target(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--socket", metavar="HOST:PORT", help="τερματικό TCPSocket αντί του ρυθμισμένου")
    parser.add_argument("--json", action="store_true")
    return parser


def configured(db: Database, socket: str | None = None) -> TerminalSettings:
    """The terminal from the settings, or the one named by ``--socket HOST:PORT``."""
    return _configured(db, socket)[0]


def _configured(db: Database, socket: str | None) -> tuple[TerminalSettings, dict]:
    with db.read() as session:
        values = all_settings(session)
    if socket:
        host, _, port = socket.rpartition(":")
        if not host or not (port.isascii() and port.isdigit()) or not 1 <= int(port) <= 65535:
            raise CliError(f"μη έγκυρο --socket «{socket}» (HOST:PORT, π.χ. 192.168.1.50:4000)", 2)
        values = {**values, "terminal.driver": "ecr_socket", "terminal.host": host, "terminal.port": int(port),
                  "terminal.simulator": False}
    settings = terminal_settings(values)
    if settings is None:
        raise CliError("δεν έχει ρυθμιστεί τερματικό (nexipos config set terminal.driver ecr_socket …, "
                       "ή για WebECR: nexipos terminal pair ΚΩΔΙΚΟΣ)", 2)
    return settings, values


def on_terminal(db: Database, args: argparse.Namespace, action, cashier: str = "cli"):
    """Run ``await action(service)`` against the configured terminal (or ``--socket``), starting the built-in
    simulator first when the till is configured with it (``terminal.simulator``)."""
    settings, values = _configured(db, getattr(args, "socket", None))

    async def run():
        simulator = None
        target = settings
        if settings.simulator:
            from nexipos_desktop.cli.simulator_cmd import default_ledger_path
            from nexipos_desktop.simulator.embedded import start_embedded_simulator

            simulator, target = await start_embedded_simulator(settings, values.get("simulator.public_key", ""),
                                                               default_ledger_path())
        try:
            service = build_service(db, target, cashier=cashier)
        except ValueError as exc:
            raise CliError(str(exc), 2) from exc
        try:
            return await action(service)
        finally:
            await service.driver.close()
            if simulator is not None:
                await simulator.wait_idle()
                await simulator.close()

    return asyncio.run(run())


def echo_command(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        result = on_terminal(db, args, lambda service: service.driver.echo())
    finally:
        db.close()
    if isinstance(result, Failed):
        if args.json:
            print_json({"ok": False, "code": result.code, "message": result.message})
        raise CliError(result.message, 7)
    if args.json:
        print_json({"ok": True, "tid": result.tid, "app_version": result.app_version})
    else:
        print(f"Το τερματικό απαντά: TID {result.tid}, έκδοση εφαρμογής {result.app_version}")
    return 0


def operation_command(args: argparse.Namespace) -> int:
    try:
        amount = parse_amount(args.amount)
    except AmountError as exc:
        raise CliError(str(exc), 2) from exc
    operation, original = args.operation, None
    if getattr(args, "transaction_id", "") or getattr(args, "reference", ""):
        original = OriginalTransaction(transaction_id=args.transaction_id or None, reference=args.reference or None,
                                       amount_cents=amount)
        if operation is Operation.REFUND:
            operation = Operation.LINKED_REFUND
    db = open_db(args)
    try:
        if operation in ADMIN_ACTIONS:
            configured(db, getattr(args, "socket", None))  # a bad target is said before the PIN is asked
            details = {"amount_cents": amount, "transaction_id": getattr(args, "transaction_id", "") or None,
                       "reference": getattr(args, "reference", "") or None}
            require_admin(db, args, ADMIN_ACTIONS[operation], **{k: v for k, v in details.items() if v is not None})
        result = on_terminal(db, args, lambda service: service.terminal_operation(operation, amount,
                                                                                  original=original))
    except (PaymentError, UnsupportedOperation) as exc:
        raise CliError(str(exc), 2) from exc
    finally:
        db.close()
    report_outcome(result.outcome, amount, as_json=args.json, reference=result.reference)
    return EXIT_CODES.get(result.outcome.kind, 1)


def pair_command(args: argparse.Namespace) -> int:
    """Redeem the pairing code, choose the terminal (``--tid`` or the only one) and store the pairing."""
    from nexipos_desktop.payments.webecr.account import AccountError
    from nexipos_desktop.payments.webecr.errors import WebEcrError
    from nexipos_desktop.payments.webecr.pairing import account_from_settings, pair

    db = open_db(args)
    try:
        admin = require_admin(db, args, "settings", change="webecr.pair", **({"tid": args.tid} if args.tid else {}))
        with db.read() as session:
            values = all_settings(session)
        result = asyncio.run(pair(db, account_from_settings(values), args.code, tid=args.tid, actor=admin))
    except (WebEcrError, AccountError) as exc:
        code = getattr(exc, "code", "config")
        message = getattr(exc, "message", str(exc))
        if code == "choose_tid":
            message += " Μετά: nexipos terminal pair --tid TID"
        if args.json:
            print_json({"ok": False, "code": code, "message": message})
        raise CliError(message, 2 if code in _INPUT_PROBLEMS else 7) from None
    finally:
        db.close()
    chosen = result.terminal
    if args.json:
        print_json({"ok": True, "tid": chosen.tid, "terminal_id": chosen.id, "merchant": chosen.merchant,
                    "acquirer": chosen.acquirer,
                    "terminals": [{"tid": t.tid, "terminal_id": t.id, "merchant": t.merchant, "acquirer": t.acquirer}
                                  for t in result.terminals]})
    else:
        print(f"Συζεύχθηκε με το τερματικό WebECR: TID {chosen.tid}"
              + (f" · {chosen.merchant}" if chosen.merchant else "") + (f" · {chosen.acquirer}" if chosen.acquirer
                                                                        else ""))
    return 0


def ecr_bind_command(args: argparse.Namespace) -> int:
    """Bind the fiscal device to the paired WebECR terminal and exchange a fresh session key (kept as a secret)."""
    from nexipos_desktop.payments.webecr.account import AccountError
    from nexipos_desktop.payments.webecr.ecr_binding import bind_and_exchange
    from nexipos_desktop.payments.webecr.errors import WebEcrError
    from nexipos_desktop.payments.webecr.pairing import account_from_settings
    from nexipos_desktop.secrets import get_secret, set_secret
    from nexipos_desktop.storage.audit import audit

    db = open_db(args)
    try:
        with db.read() as session:
            values = all_settings(session)
        ecr_id = args.ecr_id or str(values.get("fiscal.ecr_id") or "")
        master = get_secret("fiscal.ecr_master_key")
        if not ecr_id or not master:
            raise CliError("χρειάζονται ο αριθμός του ΦΗΜΑΣ (fiscal.ecr_id ή --ecr-id) και το κύριο κλειδί "
                           "(nexipos config set fiscal.ecr_master_key -)", 2)
        admin = require_admin(db, args, "settings", change="webecr.ecr_bind", ecr_id=ecr_id)
        try:
            session_key = asyncio.run(bind_and_exchange(account_from_settings(values), ecr_id, bytes.fromhex(master)))
        except (WebEcrError, AccountError, ValueError) as exc:
            message = getattr(exc, "message", str(exc))
            if args.json:
                print_json({"ok": False, "code": getattr(exc, "code", "config"), "message": message})
            raise CliError(message, 7 if getattr(exc, "sent", False) or getattr(exc, "code", "") in (
                "unreachable", "tls", "server_error", "lost") else 2) from None
        set_secret("fiscal.ecr_session_key", session_key.hex().upper())
        with db.write() as session:
            audit(session, admin, "webecr.ecr_bound", ecr_id=ecr_id, tid=str(values.get("terminal.tid") or ""))
    finally:
        db.close()
    if args.json:
        print_json({"ok": True, "ecr_id": ecr_id})
    else:
        print(f"Ο ΦΗΜΑΣ {ecr_id} συνδέθηκε με το τερματικό και αντάλλαξε κλειδί συνεδρίας")
    return 0


def outcome_json(outcome: PaymentOutcome, amount_cents: int, reference: str = "") -> dict:
    approved = outcome if isinstance(outcome, Approved) else None
    return {
        "outcome": outcome.kind,
        "reference": reference,
        "tid": approved.tid if approved else None,
        "amount_cents": approved.amount_cents if approved else amount_cents,
        "final_amount_cents": approved.final_amount_cents if approved else None,
        "pan_masked": approved.pan_masked if approved else None,
        "card_type": approved.card_type if approved else None,
        "rrn": approved.rrn if approved else None,
        "stan": approved.stan if approved else None,
        "auth_code": approved.auth_code if approved else None,
        "transaction_id": approved.transaction_id if approved else None,
        "response_code": "00" if approved else getattr(outcome, "code", None),
        "message": getattr(outcome, "message", None) or getattr(outcome, "reason", None),
    }


def report_outcome(outcome: PaymentOutcome, amount_cents: int, *, as_json: bool, reference: str = "") -> None:
    data = outcome_json(outcome, amount_cents, reference)
    if as_json:
        print_json(data)
        return
    if isinstance(outcome, Approved):
        print(f"Εγκρίθηκε {format_cents(outcome.final_amount_cents)} € · TID {outcome.tid} · {outcome.card_type} "
              f"{outcome.pan_masked} · Κωδ. έγκρισης {outcome.auth_code} · RRN {outcome.rrn}")
    else:
        print(f"{data['outcome']}: {data['message'] or ''}", file=sys.stdout)
        if outcome.kind == "in_doubt":
            print("Άγνωστο αποτέλεσμα: ΜΗΝ ξαναχρεώσετε. Δείτε την τελευταία συναλλαγή στο τερματικό και "
                  f"δηλώστε τη με `nexipos payments resolve` (αναφορά {reference}).")


def unresolved_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.payments.journal import unresolved_attempts

    db = open_db(args)
    try:
        attempts = unresolved_attempts(db)
    finally:
        db.close()
    if args.json:
        print_json([{"id": a.id, "reference": a.reference, "state": a.state, "amount_cents": a.amount_cents,
                     "receipt_id": a.receipt_id, "created_at": a.created_at, "message": a.message} for a in attempts])
        return 0
    for a in attempts:
        print(f"{a.id:6}  {a.created_at}  {format_cents(a.amount_cents):>10} €  {a.state:10} {a.reference}  {a.message or ''}")
    print(f"{len(attempts)} σε αβεβαιότητα")
    return 0


def resolve_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.storage.models import CardAttempt

    db = open_db(args)
    try:
        with db.read() as session:
            pending = session.get(CardAttempt, args.attempt)
            reference = pending.reference if pending is not None else None
        if reference is None:  # said before the PIN is asked
            raise CliError(f"Δεν βρέθηκε η πληρωμή {args.attempt}", 2)
        admin = require_admin(db, args, "force_resolve", reference=reference, approved=args.approved)
        service = PaymentService(db, _NoDriver(), cashier="cli")
        attempt = service.resolve_by_cashier(args.attempt, approved=args.approved, auth_code=args.auth_code,
                                             rrn=args.rrn, actor=admin)
    except PaymentError as exc:
        raise CliError(str(exc), 2) from exc
    finally:
        db.close()
    print(f"{attempt.reference}: {attempt.state}")
    return 0


class _NoDriver:
    """Resolving from a slip needs no terminal."""

    name = "none"
    capabilities = frozenset()

    async def close(self) -> None:
        pass


