"""``nexipos config show`` and ``nexipos config set KEY VALUE`` for the terminal and fiscal settings."""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from nexipos_desktop.cli.admin_gate import add_admin_options, approve, read_credentials
from nexipos_desktop.cli.common import CliError, open_db, print_json, subcommand
from nexipos_desktop.payments.contract import TerminalKind
from nexipos_desktop.payments.registry import driver_names
from nexipos_desktop.fiscal.mydata_setup import MYDATA_KEYS, MYDATA_SECRET_KEYS, validate_mydata_setting
from nexipos_desktop.payments.setup import SECRET_KEYS as TERMINAL_SECRET_KEYS
from nexipos_desktop.payments.setup import TERMINAL_KEYS as TERMINAL_ONLY_KEYS
from nexipos_desktop.payments.webecr.account import AUTH_METHODS, ENVIRONMENTS, MODES, SIGNATURE_FIELDS
from nexipos_desktop.secrets import get_secret, set_secret, store_name
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.settings import all_settings, set_setting

TERMINAL_KEYS = TERMINAL_ONLY_KEYS | MYDATA_KEYS
SECRET_KEYS = TERMINAL_SECRET_KEYS | MYDATA_SECRET_KEYS
_PREFIX = re.compile(r"^(/?[A-Za-z0-9._~-]+)+/?$")
_TID = re.compile(r"^[A-Za-z0-9]{8}$")
#: WebECR settings with a fixed set of values.
_CHOICES = {"webecr.environment": ENVIRONMENTS, "webecr.auth": AUTH_METHODS,
            "webecr.signature_field": SIGNATURE_FIELDS, "webecr.mode": MODES}
#: WebECR durations in seconds: (lowest, highest).
_SECONDS = {"webecr.connect_timeout_s": (1, 120), "webecr.request_timeout_s": (5, 120),
            "webecr.poll_interval_s": (0.2, 60), "webecr.recovery_s": (0, 900)}
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def register(commands: argparse._SubParsersAction) -> None:
    config = subcommand(commands, "config", "ρυθμίσεις τερματικού και φορολογικής διαδρομής")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    show = subcommand(actions, "show", "εμφάνιση ρυθμίσεων (τα μυστικά δεν εμφανίζονται)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_command)
    setter = subcommand(actions, "set", "αλλαγή ρύθμισης· τα μυστικά πάνε στο keyring")
    setter.add_argument("key", choices=sorted(TERMINAL_KEYS) + sorted(SECRET_KEYS), metavar="KEY")
    setter.add_argument("value", metavar="VALUE", help="τιμή· για κλειδί PEM, η διαδρομή του αρχείου· για κωδικό, "
                        "- = ανάγνωση από την είσοδο (δεν μένει στο ιστορικό)· κενό για διαγραφή")
    add_admin_options(setter)  # with --pin-stdin and VALUE -, the PIN is the first line and the value the second
    setter.set_defaults(handler=set_command)


def show_command(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as session:
        values = all_settings(session)
    db.close()
    shown = {key: values.get(key, "") for key in TERMINAL_KEYS}
    secrets = {key: "ορίστηκε" if get_secret(key) else "" for key in SECRET_KEYS}
    if args.json:
        print_json({"settings": shown, "secrets": secrets, "secret_store": store_name()})
        return 0
    for key, value in shown.items():
        print(f"{key:28} {value!s:24} # {TERMINAL_KEYS[key]}")
    for key, value in secrets.items():
        print(f"{key:28} {'(' + value + ')' if value else '(κενό)':24} # {SECRET_KEYS[key]}")
    print(f"Μυστικά: {store_name()}")
    return 0


def set_command(args: argparse.Namespace) -> int:
    """A settings change: validated first, then an admin's PIN (read before a secret typed on stdin), then saved."""
    db = open_db(args)
    try:
        if args.key in SECRET_KEYS:
            credentials = read_credentials(db, args)
            secret = _secret_value(args.key, args.value)
            admin = approve(db, credentials, "settings", key=args.key)  # the key name only, never the value
            set_secret(args.key, secret)
            with db.write() as session:
                audit(session, admin, "secret.changed" if secret else "secret.deleted", key=args.key)
            print(f"{args.key}: αποθηκεύτηκε ({store_name()})" if secret else f"{args.key}: διαγράφηκε")
            return 0
        value = validate_setting(args.key, args.value)
        admin = approve(db, read_credentials(db, args), "settings", key=args.key)
        with db.write() as session:
            set_setting(session, args.key, value)
            audit(session, admin, "settings.changed", key=args.key, value=value)
    finally:
        db.close()
    print(f"{args.key} = {value}")
    return 0


def validate_setting(key: str, text: str):
    """The typed value of a setting, or a CliError with a Greek explanation."""
    text = text.strip()
    if key in MYDATA_KEYS:
        try:
            return validate_mydata_setting(key, text)
        except ValueError as exc:
            raise CliError(str(exc), 2) from None
    if key == "terminal.host" and text:
        try:
            ipaddress.ip_address(text)
        except ValueError:
            if not _HOSTNAME.match(text) or text.replace(".", "").isdigit():
                raise CliError(f"μη έγκυρη διεύθυνση IP ή όνομα: «{text}» (π.χ. 192.168.1.50)", 2) from None
        return text
    if key == "terminal.port":
        if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 65535:
            raise CliError(f"μη έγκυρη θύρα «{text}» (1–65535)", 2)
        return int(text)
    if key == "terminal.kind" and text not in {k.value for k in TerminalKind}:
        raise CliError(f"άγνωστο είδος τερματικού «{text}» ({', '.join(k.value for k in TerminalKind)})", 2)
    if key == "terminal.driver" and text and text not in driver_names():
        raise CliError(f"άγνωστος οδηγός «{text}» ({', '.join(driver_names())})", 2)
    if key == "fiscal.route" and text not in ("provider", "ecr_token", "none"):
        raise CliError("fiscal.route: provider, ecr_token ή none", 2)
    if key == "terminal.result_timeout_s":
        try:
            seconds = float(text)
        except ValueError:
            raise CliError(f"μη έγκυρος χρόνος «{text}»", 2) from None
        if not 30 <= seconds <= 600:
            raise CliError("η αναμονή αποτελέσματος πρέπει να είναι 30–600 δευτερόλεπτα (το τερματικό θέλει >150)", 2)
        return seconds
    if key == "terminal.simulator":
        return text.lower() in ("true", "1", "yes", "ναι")
    if key.startswith("webecr.") or key == "terminal.tid":
        return _webecr_setting(key, text)
    return text


def _webecr_setting(key: str, text: str):
    """Validate a WebECR setting (and the TID), Greek messages."""
    if not text:
        return text
    if key in _CHOICES and text not in _CHOICES[key]:
        raise CliError(f"{key}: {' | '.join(_CHOICES[key])}", 2)
    if key in _SECONDS:
        low, high = _SECONDS[key]
        try:
            seconds = float(text)
        except ValueError:
            raise CliError(f"μη έγκυρος χρόνος «{text}»", 2) from None
        if not low <= seconds <= high:
            raise CliError(f"{key}: {low:g}–{high:g} δευτερόλεπτα", 2)
        return seconds
    if key == "webecr.base_url":
        parts = urlsplit(text)
        local = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment or (
                parts.scheme == "http" and not local):
            raise CliError(f"μη έγκυρη διεύθυνση WebECR «{text}»: https://… (http μόνο για τον τοπικό προσομοιωτή)", 2)
        return text.rstrip("/")
    if key == "webecr.path_prefix" and not _PREFIX.match(text):
        raise CliError(f"μη έγκυρο πρόθεμα διαδρομής «{text}» (π.χ. /v2.2)", 2)
    if key == "terminal.tid" and not _TID.match(text):
        raise CliError(f"το TID έχει 8 γράμματα ή ψηφία: «{text}»", 2)
    if key == "webecr.terminal_id" and not (text.isascii() and text.replace("-", "").isalnum()):
        raise CliError(f"μη έγκυρος αριθμός τερματικού WebECR «{text}»", 2)
    return text


def _secret_value(key: str, text: str) -> str | None:
    if text == "-" and key != "fiscal.provider_private_key":  # not on the command line, so not in the history
        text = getpass.getpass(f"{key}: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\r\n")
    if not text:
        return None
    if key in ("fiscal.ecr_master_key", "fiscal.ecr_session_key"):
        hex_key = text.replace(" ", "").upper()
        if len(hex_key) != 32 or any(c not in "0123456789ABCDEF" for c in hex_key):
            raise CliError(f"{key}: 32 δεκαεξαδικά ψηφία (κλειδί 3DES 16 byte)", 2)
        return hex_key
    if key == "fiscal.provider_private_key":  # the wizard's check: read, sign a test text, verify, re-export
        from nexipos_desktop.admin.fiscal_keys import FiscalKeyError, load_provider_key

        try:
            return load_provider_key(Path(text)).pem
        except FiscalKeyError as exc:
            raise CliError(str(exc), 2) from exc
    return text
