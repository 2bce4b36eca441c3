"""``nexipos simulator --socket …``: a simulated NEXI terminal on the LAN; ``nexipos simulator ledger``: what it charged.

The simulator needs no database (``--db`` is accepted like on every subcommand, and ignored). It runs until
Ctrl-C and prints its address, TID and the magic-amount table first; the first line ends with ``HOST:PORT`` so
scripts can read the bound port (``--port 0`` picks a free one).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path

from nexipos_desktop.cli import mydata_simulator
from nexipos_desktop.cli.common import CliError, print_json, subcommand
from nexipos_desktop.fiscal.provider_signature import SigningError
from nexipos_desktop.simulator.ledger import Ledger, LedgerEntry, LedgerError, read_ledger
from nexipos_desktop.simulator.socket_server import Fault, SocketTerminalSimulator
from nexipos_desktop.simulator.terminal_model import DEFAULT_TID, TerminalModel, magic_amount_lines


def default_ledger_path() -> Path:
    """``simulator-ledger.jsonl`` in the user's data directory (platformdirs), beside the till's database."""
    from platformdirs import user_data_path

    return user_data_path("NexiPOS", "NexiPOS") / "simulator-ledger.jsonl"


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"μη έγκυρος αριθμός «{text}»") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("πρέπει να είναι θετικός αριθμός")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    sim = subcommand(commands, "simulator", "προσομοιωτής τερματικού NEXI για δοκιμές και επίδειξη")
    sim.add_argument("--socket", action="store_true", help="πρωτόκολλο ECR–POS socket (TCPSocket, LAN)")
    sim.add_argument("--host", default="127.0.0.1", help="διεύθυνση ακρόασης (προεπιλογή 127.0.0.1)")
    sim.add_argument("--port", type=int, default=None,
                     help="θύρα TCP (προεπιλογή 4000, με --mydata μόνο 8090· 0 = οποιαδήποτε ελεύθερη)")
    sim.add_argument("--time-scale", type=_positive, default=1.0, metavar="N",
                     help="N φορές γρηγορότερα (π.χ. 100: τα 150 δ. του 22,22 € γίνονται 1,5 δ.)")
    sim.add_argument("--require-signature", action="store_true",
                     help="απόρριψη αιτημάτων χωρίς υπογραφή A.1155 (υπογραφή παρόχου ή ECR token)")
    sim.add_argument("--public-key", type=Path, action="extend", nargs="+", default=[], metavar="PEM",
                     help="δημόσιο κλειδί παρόχου (PEM) για έλεγχο υπογραφών· επαναλαμβανόμενο")
    sim.add_argument("--ledger", type=Path, metavar="PATH", help="αρχείο ledger (προεπιλογή: φάκελος δεδομένων)")
    sim.add_argument("--fault", action="extend", nargs="+", default=[], choices=[f.value for f in Fault],
                     metavar="NAME", help="σφάλμα προς έγχυση: " + ", ".join(f.value for f in Fault))
    sim.add_argument("--tid", default=DEFAULT_TID, help=f"Terminal ID (προεπιλογή {DEFAULT_TID})")
    mydata_simulator.add_arguments(sim)
    sim.set_defaults(handler=simulator_command)
    actions = sim.add_subparsers(dest="simulator_action", metavar="ACTION")
    ledger = subcommand(actions, "ledger", "οι συναλλαγές που ενέκρινε ο προσομοιωτής")
    ledger.add_argument("--ledger", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="αρχείο ledger (προεπιλογή: φάκελος δεδομένων)")
    ledger.add_argument("--json", action="store_true", help="έξοδος JSON")
    ledger.set_defaults(handler=ledger_command)


def simulator_command(args: argparse.Namespace) -> int:
    if not args.socket and not args.mydata:
        raise CliError("επιλέξτε πρωτόκολλο: nexipos simulator --socket ή --mydata (ή nexipos simulator ledger)",
                       exit_code=2)
    if not args.socket:
        return _run(mydata_simulator.serve(mydata_simulator.build_server(args), args.host,
                                           mydata_simulator.mydata_port(args)))
    keys = [_read_key(path) for path in args.public_key]
    ledger_path = args.ledger or default_ledger_path()
    try:
        model = TerminalModel(tid=args.tid, time_scale=args.time_scale, public_keys=keys,
                              require_signature=args.require_signature, ledger=Ledger(ledger_path))
    except (SigningError, LedgerError, ValueError) as exc:
        raise CliError(str(exc), exit_code=2) from exc
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    simulator = SocketTerminalSimulator(model, args.fault)
    serving = _serve(simulator, args.host, 4000 if args.port is None else args.port, ledger_path)
    if args.mydata:
        serving = _together(serving, mydata_simulator.serve(mydata_simulator.build_server(args), args.host,
                                                            mydata_simulator.mydata_port(args)))
    return _run(serving)


def _run(serving) -> int:
    try:
        asyncio.run(serving)
    except KeyboardInterrupt:
        print("Ο προσομοιωτής σταμάτησε.")
    return 0


async def _together(*servers) -> None:
    await asyncio.gather(*servers)


def _read_key(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CliError(f"δεν διαβάζεται το κλειδί {path}: {exc.strerror}", exit_code=2) from exc


async def _serve(simulator: SocketTerminalSimulator, host: str, port: int, ledger_path: Path) -> None:
    try:
        await simulator.start(host, port)
    except OSError as exc:
        raise CliError(f"δεν ανοίγει η θύρα {host}:{port}: {exc.strerror or exc}", exit_code=3) from exc
    model = simulator.model
    print(f"nexipos simulator: τερματικό ECR socket στο {simulator.host}:{simulator.port}", flush=True)
    print(f"TID {model.tid}, έκδοση «{model.app_version}», κλίμακα χρόνου ×{model.time_scale:g}")
    print(f"Ledger: {ledger_path} ({len(model.ledger)} εγγραφές)")
    signature = "υποχρεωτική" if model.require_signature else "προαιρετική"
    print(f"Υπογραφή A.1155: {signature}· κλειδιά παρόχου: {len(model.public_keys)}")
    if simulator.faults:
        print("Σφάλματα: " + ", ".join(sorted(simulator.faults)))
    print("Μαγικά ποσά:")
    for line in magic_amount_lines():
        print(f"  {line}")
    print("Τερματισμός με Ctrl-C.", flush=True)
    try:
        await simulator.serve_forever()
    finally:
        await simulator.close()


def ledger_command(args: argparse.Namespace) -> int:
    path = getattr(args, "ledger", None) or default_ledger_path()
    try:
        entries = read_ledger(path)
    except LedgerError as exc:
        raise CliError(str(exc), exit_code=3) from exc
    if args.json:
        print_json([entry.to_json() for entry in entries])
        return 0
    if not entries:
        print(f"Καμία εγκεκριμένη συναλλαγή στο {path}")
        return 0
    print(f"{'#':>4}  {'ώρα':<25} {'συνεδρία':<10} {'πράξη':<12} {'ποσό':>9} {'τελικό':>9}  {'RRN':<12} "
          f"{'έγκριση':<8} παραδόθηκε")
    for entry in entries:
        print(_row(entry))
    lost = sum(1 for entry in entries if not entry.delivered)
    print(f"{len(entries)} εγκρίσεις· {lost} χωρίς παράδοση απάντησης στο ταμείο")
    return 0


def _euros(cents: int) -> str:
    return f"{cents // 100},{cents % 100:02d}"


def _row(entry: LedgerEntry) -> str:
    delivered = "ναι" if entry.delivered else "ΟΧΙ"
    return (f"{entry.seq:>4}  {entry.time:<25} {entry.reference:<10} {entry.operation:<12} "
            f"{_euros(entry.amount_cents):>9} {_euros(entry.final_amount_cents):>9}  {entry.rrn:<12} "
            f"{entry.auth_code:<8} {delivered}")
