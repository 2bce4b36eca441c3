"""``nexipos simulator --socket|--webecr|--mydata …``: a simulated NEXI terminal (and myDATA); ``ledger``: what it charged.

``--socket`` serves the ECR–POS socket protocol (LAN), ``--webecr`` the WebECR cloud REST API (HTTP); both
together serve one terminal over both protocols (one model, one ledger). The simulator needs no database
(``--db`` is accepted like on every subcommand, and ignored). It runs until Ctrl-C and prints its address, TID
and the magic-amount table first; the first line ends with ``HOST:PORT`` (socket) or the WebECR base URL, so
scripts can read the bound port (``--port 0`` picks a free one). The WebECR simulator also prints its demo
credentials and the current pairing code; ``nexipos simulator code`` asks a running one for a fresh code,
``preloads`` lists the preloaded payments waiting on it and ``pay`` pays one "on the terminal". ``--mydata``
adds (or alone serves) the fake myDATA (see cli/mydata_simulator.py).
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
from nexipos_desktop.simulator.published_keys import MELLON_TEST_PUBLIC_KEY
from nexipos_desktop.simulator.webecr_faults import Fault as WebEcrFault

DEFAULT_PORTS = {"socket": 4000, "webecr": 8080}
DEFAULT_WEBECR_URL = "http://127.0.0.1:8080"
_FAULTS = [f.value for f in Fault] + [f.value for f in WebEcrFault if f.value not in {g.value for g in Fault}]


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
    sim.add_argument("--webecr", action="store_true", help="πρωτόκολλο WebECR (cloud, REST/HTTP)")
    sim.add_argument("--host", default="127.0.0.1", help="διεύθυνση ακρόασης (προεπιλογή 127.0.0.1)")
    sim.add_argument("--port", type=int, default=None,
                     help="θύρα (προεπιλογή 4000 socket, 8080 WebECR, με --mydata μόνο 8090· 0 = οποιαδήποτε ελεύθερη)")
    sim.add_argument("--socket-port", type=int, default=4000,
                     help="θύρα socket όταν τρέχουν και τα δύο πρωτόκολλα (προεπιλογή 4000)")
    sim.add_argument("--prefix", default="/v1", help="πρόθεμα διαδρομών WebECR (προεπιλογή /v1· κενό = κανένα)")
    sim.add_argument("--require-api-key", action="store_true",
                     help="WebECR: κάθε αίτημα θέλει X-Api-Key από τον κωδικό σύζευξης")
    sim.add_argument("--time-scale", type=_positive, default=1.0, metavar="N",
                     help="N φορές γρηγορότερα (π.χ. 100: τα 150 δ. του 22,22 € γίνονται 1,5 δ.)")
    sim.add_argument("--require-signature", action="store_true",
                     help="απόρριψη αιτημάτων χωρίς υπογραφή A.1155 (υπογραφή παρόχου ή ECR token)")
    sim.add_argument("--public-key", type=Path, action="extend", nargs="+", default=[], metavar="PEM",
                     help="δημόσιο κλειδί παρόχου (PEM) για έλεγχο υπογραφών· επαναλαμβανόμενο")
    sim.add_argument("--mellon-test-key", action="store_true",
                     help="έλεγχος υπογραφών και με το δημοσιευμένο δοκιμαστικό κλειδί της Mellon (πάροχος 999)")
    sim.add_argument("--ledger", type=Path, metavar="PATH", help="αρχείο ledger (προεπιλογή: φάκελος δεδομένων)")
    sim.add_argument("--fault", action="extend", nargs="+", default=[], choices=_FAULTS,
                     metavar="NAME", help="σφάλμα προς έγχυση: " + ", ".join(_FAULTS))
    sim.add_argument("--tid", default=DEFAULT_TID, help=f"Terminal ID (προεπιλογή {DEFAULT_TID})")
    mydata_simulator.add_arguments(sim)
    sim.set_defaults(handler=simulator_command)
    actions = sim.add_subparsers(dest="simulator_action", metavar="ACTION")
    ledger = subcommand(actions, "ledger", "οι συναλλαγές που ενέκρινε ο προσομοιωτής")
    ledger.add_argument("--ledger", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="αρχείο ledger (προεπιλογή: φάκελος δεδομένων)")
    ledger.add_argument("--json", action="store_true", help="έξοδος JSON")
    ledger.set_defaults(handler=ledger_command)
    code = subcommand(actions, "code", "ο τρέχων κωδικός σύζευξης WebECR (όπως στο FinConnect «WebECR Code»)")
    code.add_argument("--new", action="store_true", help="νέος κωδικός (ο προηγούμενος παύει να ισχύει)")
    preloads = subcommand(actions, "preloads", "οι προφορτωμένες πληρωμές που περιμένουν στο τερματικό WebECR")
    pay = subcommand(actions, "pay", "πληρωμή προφορτωμένης συναλλαγής στο τερματικό WebECR")
    pay.add_argument("reference", metavar="REF", help="CustomerReference ή Id της προφορτωμένης συναλλαγής")
    pay.add_argument("--amount", metavar="ΠΟΣΟ", help="μικρότερο ποσό σε ευρώ, π.χ. 1,50")
    for parser in (code, preloads, pay):
        parser.add_argument("--url", default=argparse.SUPPRESS, metavar="URL",
                            help=f"ο προσομοιωτής WebECR (προεπιλογή: ο τελευταίος που ξεκίνησε, ή {DEFAULT_WEBECR_URL})")
        parser.add_argument("--json", action="store_true", help="έξοδος JSON")
    code.set_defaults(handler=code_command)
    preloads.set_defaults(handler=preloads_command)
    pay.set_defaults(handler=pay_command)


def simulator_command(args: argparse.Namespace) -> int:
    if not (args.socket or args.webecr or args.mydata):
        raise CliError("επιλέξτε πρωτόκολλο: nexipos simulator --socket, --webecr ή --mydata "
                       "(ή nexipos simulator ledger)", exit_code=2)
    mydata = mydata_simulator.serve(mydata_simulator.build_server(args), args.host,
                                    mydata_simulator.mydata_port(args)) if args.mydata else None
    if not (args.socket or args.webecr):
        return _run(mydata)
    socket_faults, webecr_faults = {f.value for f in Fault}, {f.value for f in WebEcrFault}
    usable = (socket_faults if args.socket else set()) | (webecr_faults if args.webecr else set())
    if unusable := sorted(set(args.fault) - usable):
        raise CliError(f"σφάλματα που δεν αφορούν το πρωτόκολλο: {', '.join(unusable)}", exit_code=2)
    keys: list[bytes | str] = [_read_key(path) for path in args.public_key]
    if args.mellon_test_key:
        keys.append(MELLON_TEST_PUBLIC_KEY)
    ledger_path = args.ledger or default_ledger_path()
    try:
        model = TerminalModel(tid=args.tid, time_scale=args.time_scale, public_keys=keys,
                              require_signature=args.require_signature, ledger=Ledger(ledger_path))
    except (SigningError, LedgerError, ValueError) as exc:
        raise CliError(str(exc), exit_code=2) from exc
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    socket = SocketTerminalSimulator(model, [f for f in args.fault if f in {g.value for g in Fault}]) \
        if args.socket else None
    webecr = None
    if args.webecr:
        from nexipos_desktop.cli.simulator_webecr import make_webecr

        webecr = make_webecr(model, args)
    serving = _serve_all(socket, webecr, args, ledger_path)
    return _run(_together(serving, mydata) if mydata is not None else serving)


def _run(serving) -> int:
    try:
        asyncio.run(serving)
    except KeyboardInterrupt:
        print("Ο προσομοιωτής σταμάτησε.")
    return 0


async def _together(*servers) -> None:
    await asyncio.gather(*servers)


async def _serve_all(socket: SocketTerminalSimulator | None, webecr, args: argparse.Namespace,
                     ledger_path: Path) -> None:
    if webecr is None:
        assert socket is not None
        await _serve(socket, args.host, DEFAULT_PORTS["socket"] if args.port is None else args.port, ledger_path)
        return
    from nexipos_desktop.cli.simulator_webecr import serve_webecr

    port = DEFAULT_PORTS["webecr"] if args.port is None else args.port
    if socket is None:
        await serve_webecr(webecr, args.host, port, ledger_path)
        return
    try:
        await socket.start(args.host, args.socket_port)
    except OSError as exc:
        raise CliError(f"δεν ανοίγει η θύρα {args.host}:{args.socket_port}: {exc.strerror or exc}", exit_code=3) from exc
    print(f"Και τερματικό ECR socket στο {socket.host}:{socket.port} (ίδιο τερματικό, ίδιο ledger)", flush=True)
    try:
        await serve_webecr(webecr, args.host, port, ledger_path)
    finally:
        await socket.close()


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


def code_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.cli.simulator_webecr import code_command as run

    return run(args)


def preloads_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.cli.simulator_webecr import preloads_command as run

    return run(args)


def pay_command(args: argparse.Namespace) -> int:
    from nexipos_desktop.cli.simulator_webecr import pay_command as run

    return run(args)


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
