"""The admin gate of the command line: voids, refunds, forced resolutions and settings need an admin's PIN.

The same check as the till's PIN dialog (``admin/roles.authenticate``: scrypt, the same lockout, every try in the
audit log under the admin's name, the same action names). The admin is ``--admin NAME`` (default: the only
admin); the PIN comes from ``--pin-stdin`` (first line of stdin), else ``NEXIPOS_ADMIN_PIN``, else a hidden prompt
when stdin is a terminal. A till with no admin PIN yet (an older database) lets the action through and audits it
as unguarded, as the GUI does, so it is never locked out of its own settings.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass

from nexipos_desktop.admin.roles import PinRejected, Role, authenticate, list_users
from nexipos_desktop.cli.common import CliError
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database

PIN_ENV = "NEXIPOS_ADMIN_PIN"
#: Exit code of a refused approval (wrong PIN, locked, not an admin, no PIN given): the CLI's "bad input".
EXIT_REFUSED = 2
#: The actor of what follows an unguarded approval (the GUI audits the approval itself under "—").
UNGUARDED_ACTOR = "cli"


def add_admin_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    group = parser.add_argument_group("έγκριση διαχειριστή")
    group.add_argument("--admin", metavar="NAME", default=None,
                       help="ο διαχειριστής που εγκρίνει (προεπιλογή: ο μοναδικός διαχειριστής)")
    group.add_argument("--pin-stdin", action="store_true",
                       help=f"το PIN από την πρώτη γραμμή της εισόδου· αλλιώς από τη μεταβλητή {PIN_ENV}, "
                            "ή ερώτηση όταν η είσοδος είναι τερματικό")
    return parser


@dataclass(frozen=True)
class Credentials:
    """Who approves and with what PIN; ``name`` None when the till has no admin PIN yet (unguarded)."""

    name: str | None
    pin: str = ""


def read_credentials(db: Database, args: argparse.Namespace) -> Credentials:
    """The admin's name and PIN, read but not checked yet (so a value read from stdin after it keeps its order)."""
    with db.read() as session:
        admins = [user.name for user in list_users(session, Role.ADMIN) if user.has_pin]
    if not admins:
        return Credentials(None)
    name = getattr(args, "admin", None)
    if not name:
        if len(admins) > 1:
            raise CliError(f"Υπάρχουν πολλοί διαχειριστές: ορίστε ποιος εγκρίνει με --admin "
                           f"({', '.join(admins)}).", EXIT_REFUSED)
        name = admins[0]
    return Credentials(name, _read_pin(args, name))


def _read_pin(args: argparse.Namespace, name: str) -> str:
    if getattr(args, "pin_stdin", False):
        pin = sys.stdin.readline().rstrip("\r\n")
    elif os.environ.get(PIN_ENV):
        pin = os.environ[PIN_ENV]
    elif sys.stdin is not None and sys.stdin.isatty():
        try:
            pin = getpass.getpass(f"PIN διαχειριστή ({name}): ")
        except EOFError:
            pin = ""
    else:
        raise CliError(f"Η ενέργεια χρειάζεται το PIN διαχειριστή: δώστε το στη μεταβλητή {PIN_ENV} ή με "
                       "--pin-stdin.", EXIT_REFUSED)
    if not pin.strip():
        raise CliError("Δεν δόθηκε PIN διαχειριστή· η ενέργεια δεν έγινε.", EXIT_REFUSED)
    return pin.strip()


def approve(db: Database, credentials: Credentials, action: str, **details) -> str:
    """The actor for what follows (the admin's name), or :class:`CliError` (exit 2) when the PIN is refused.

    Audited as the GUI audits: ``admin.<action>`` (or ``pin.rejected``) under the admin's name, with ``details``.
    """
    details = {**details, "via": "cli"}
    if credentials.name is None:
        with db.write() as session:
            audit(session, "—", f"admin.{action}", unguarded="no admin PIN set", **details)
        return UNGUARDED_ACTOR
    try:
        user = authenticate(db, credentials.name, credentials.pin, action=action, details=details)
    except PinRejected as exc:
        raise CliError(f"{exc} Η ενέργεια δεν έγινε.", EXIT_REFUSED) from None
    return user.name


def require_admin(db: Database, args: argparse.Namespace, action: str, **details) -> str:
    """Read the credentials and approve ``action`` at once; the approving admin's name."""
    return approve(db, read_credentials(db, args), action, **details)
