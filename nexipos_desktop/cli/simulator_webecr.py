"""The WebECR half of ``nexipos simulator``: serving the cloud, and asking a running one for its code or preloads.

A running WebECR simulator writes its URL to ``simulator-webecr.url`` beside its ledger, so ``nexipos simulator
code`` (and ``preloads``, ``pay``) find it without ``--url``.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from nexipos_desktop.cli.common import CliError, print_json
from nexipos_desktop.money.amounts import AmountError, format_cents, parse_amount
from nexipos_desktop.simulator.terminal_model import TerminalModel, magic_amount_lines
from nexipos_desktop.simulator.webecr_auth import DEMO_PASSWORD, DEMO_USERNAME
from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import WebEcrHost
from nexipos_desktop.simulator.webecr_control import CONTROL_ROUTES
from nexipos_desktop.simulator.webecr_server import WebEcrSimulator

DEFAULT_URL = "http://127.0.0.1:8080"
URL_FILE = "simulator-webecr.url"


def make_webecr(model: TerminalModel, args: argparse.Namespace) -> WebEcrSimulator:
    """The WebECR simulator of ``nexipos simulator --webecr`` around ``model``, with the command's faults."""
    host = WebEcrHost(model, require_api_key=args.require_api_key)
    for name in args.fault:
        if name in {f.value for f in Fault}:
            host.faults.add(name)
    return WebEcrSimulator(host, prefix=args.prefix)


async def serve_webecr(simulator: WebEcrSimulator, bind: str, port: int, ledger_path: Path) -> None:
    """Start, print what an integrator needs (URL, demo account, pairing code, control routes), serve until Ctrl-C."""
    try:
        await simulator.start(bind, port)
    except OSError as exc:
        raise CliError(f"δεν ανοίγει η θύρα {bind}:{port}: {exc.strerror or exc}", exit_code=3) from exc
    url_file: Path | None = ledger_path.with_name(URL_FILE)
    try:
        url_file.parent.mkdir(parents=True, exist_ok=True)
        url_file.write_text(simulator.url + "\n", encoding="utf-8")
    except OSError:
        url_file = None
    host = simulator.host
    terminal = host.first_terminal()
    model = terminal.model
    code = host.accounts.current_code(terminal.id, terminal.merchant)
    print(f"nexipos simulator: WebECR στο {simulator.base_url}", flush=True)
    print(f"Λογαριασμός επίδειξης: χρήστης «{DEMO_USERNAME}», κωδικός πρόσβασης «{DEMO_PASSWORD}»")
    print(f"Τερματικό: id {terminal.id} (στις διαδρομές), TID {model.tid}, έμπορος {terminal.merchant}")
    print(f"Κωδικός σύζευξης (FinConnect «WebECR Code»): {code.code} — ισχύει 15 λεπτά "
          "(νέος: nexipos simulator code)")
    print(f"Κλίμακα χρόνου ×{model.time_scale:g}· ledger: {ledger_path} ({len(model.ledger)} εγγραφές)")
    signature = "υποχρεωτική" if model.require_signature else "προαιρετική"
    key_rule = "υποχρεωτικό" if host.require_api_key else "προαιρετικό"
    print(f"Υπογραφή A.1155: {signature}· κλειδιά παρόχου: {len(model.public_keys)}· X-Api-Key: {key_rule}")
    if host.faults.rules:
        print("Σφάλματα: " + ", ".join(rule.fault.value for rule in host.faults.rules))
    print(f"Διαδρομές ελέγχου (μόνο στον προσομοιωτή, {simulator.url}):")
    for route, meaning in CONTROL_ROUTES.items():
        print(f"  {route}  — {meaning}")
    print("Μαγικά ποσά:")
    for line in magic_amount_lines():
        print(f"  {line}")
    print("Τερματισμός με Ctrl-C.", flush=True)
    try:
        await simulator.serve_forever()
    finally:
        await simulator.close()
        if url_file is not None and url_file.exists() and url_file.read_text(encoding="utf-8").strip() == simulator.url:
            url_file.unlink()


def _url(args: argparse.Namespace) -> str:
    given = getattr(args, "url", None)
    if given:
        return given.rstrip("/")
    from nexipos_desktop.cli.simulator_cmd import default_ledger_path

    path = default_ledger_path().with_name(URL_FILE)
    try:
        return path.read_text(encoding="utf-8").strip() or DEFAULT_URL
    except OSError:
        return DEFAULT_URL


def _control(args: argparse.Namespace, method: str, route: str, body: dict[str, Any] | None = None) -> Any:
    import httpx

    url = _url(args)
    try:
        reply = httpx.request(method, f"{url}/_sim{route}", json=body, timeout=200.0)
    except httpx.HTTPError as exc:
        raise CliError(f"δεν απαντά προσομοιωτής WebECR στο {url} ({exc.__class__.__name__}): ξεκινήστε τον με "
                       "nexipos simulator --webecr, ή δώστε --url", exit_code=3) from None
    data = reply.json()
    if reply.status_code != 200:
        raise CliError(f"ο προσομοιωτής απάντησε {reply.status_code}: {data}", exit_code=3)
    return data


def code_command(args: argparse.Namespace) -> int:
    data = _control(args, "POST" if args.new else "GET", "/code")
    if args.json:
        print_json(data)
        return 0
    until = datetime.fromisoformat(data["ExpiresAt"]).strftime("%H:%M:%S")
    print(f"Κωδικός WebECR: {data['Code']}")
    print(f"Τερματικό TID {data['TerminalID']}· ισχύει έως {until} ({data['ExpiresIn'] // 60} λεπτά)· μία χρήση")
    return 0


def preloads_command(args: argparse.Namespace) -> int:
    data = _control(args, "GET", "/preloads")
    if args.json:
        print_json(data)
        return 0
    if not data:
        print("Καμία προφορτωμένη πληρωμή δεν περιμένει στο τερματικό")
        return 0
    for item in data:
        print(f"{item['CustomerReference']:<32} {format_cents(item['Amount']):>10} €  λήγει {item['PreloadExpiresAt']}")
    return 0


def pay_command(args: argparse.Namespace) -> int:
    body: dict[str, Any] = {}
    if args.amount:
        try:
            body["Amount"] = parse_amount(args.amount)
        except AmountError as exc:
            raise CliError(str(exc), exit_code=2) from None
    data = _control(args, "POST", f"/preloads/{args.reference}/pay", body)
    if args.json:
        print_json(data)
        return 0
    paid = (data.get("Transaction") or {}).get("Amount")
    result = {1: "εγκρίθηκε", 2: "απορρίφθηκε", 3: "ακυρώθηκε", 6: "απασχολημένο"}.get(data["Result"], "απέτυχε")
    amount = f" {format_cents(paid)} €" if paid is not None else ""
    print(f"{data['CustomerReference']}: {result}{amount} — {data['Message']}")
    return 0
