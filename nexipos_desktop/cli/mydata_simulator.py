"""``nexipos simulator --mydata``: the fake myDATA server (ERP channel at ``/``, provider at ``/myDataProvider/``).

Kept apart from ``simulator_cmd`` (the terminal simulators) so that file only gains the flag and one branch.
"""

from __future__ import annotations

import argparse
import asyncio

from nexipos_desktop.cli.common import CliError
from nexipos_desktop.simulator.mydata_server import FakeMyData, MyDataFault

DEFAULT_PORT = 8090


def add_arguments(sim: argparse.ArgumentParser) -> None:
    """The ``--mydata`` flag and its options on ``nexipos simulator``."""
    sim.add_argument("--mydata", action="store_true",
                     help=f"ψεύτικος διακομιστής myDATA της ΑΑΔΕ (θύρα --port, προεπιλογή {DEFAULT_PORT}· "
                          "με --socket: --mydata-port)")
    sim.add_argument("--mydata-port", type=int, default=None, metavar="PORT",
                     help=f"θύρα του myDATA όταν τρέχει μαζί με --socket (προεπιλογή {DEFAULT_PORT})")
    sim.add_argument("--mydata-fault", action="extend", nargs="+", default=[], metavar="NAME",
                     choices=[f.value for f in MyDataFault],
                     help="σφάλμα myDATA σε κάθε αίτημα: " + ", ".join(f.value for f in MyDataFault))
    sim.add_argument("--mydata-user", default=None, metavar="USER",
                     help="αποδεκτό aade-user-id (προεπιλογή: οποιοδήποτε μη κενό)")
    sim.add_argument("--mydata-key", default=None, metavar="KEY",
                     help="αποδεκτό ocp-apim-subscription-key (προεπιλογή: οποιοδήποτε μη κενό)")
    sim.add_argument("--no-xsd", action="store_true", help="χωρίς έλεγχο XSD (δεκτό κάθε καλοσχηματισμένο XML)")


def build_server(args: argparse.Namespace) -> FakeMyData:
    return FakeMyData(user_id=args.mydata_user, subscription_key=args.mydata_key,
                      always=tuple(MyDataFault(f) for f in args.mydata_fault), check_xsd=not args.no_xsd)


async def serve(server: FakeMyData, host: str, port: int) -> None:
    """Listen and print where, then run until cancelled (Ctrl-C)."""
    try:
        await server.start(host, port)
    except OSError as exc:
        raise CliError(f"δεν ανοίγει η θύρα {host}:{port}: {exc.strerror or exc}", exit_code=3) from exc
    print(f"nexipos simulator: myDATA στο {server.url}", flush=True)
    print(f"Κανάλι ERP: {server.url}  ·  κανάλι παρόχου: {server.url}myDataProvider/")
    print(f"XSD: {server.xsd_note or 'έλεγχος με τα επίσημα XSD v2.0.1'}")
    if server.always:
        print("Σφάλματα: " + ", ".join(sorted(f.value for f in server.always)))
    print("Ρύθμιση ταμείου: nexipos config set mydata.environment custom · nexipos config set mydata.base_url "
          f"{server.url}myDataProvider/ (κανάλι provider) ή {server.url} (κανάλι erp)", flush=True)
    try:
        await asyncio.Event().wait()
    finally:
        await server.close()


def mydata_port(args: argparse.Namespace) -> int:
    if args.socket or getattr(args, "webecr", False):
        return DEFAULT_PORT if args.mydata_port is None else args.mydata_port
    return args.port if args.port is not None else DEFAULT_PORT
