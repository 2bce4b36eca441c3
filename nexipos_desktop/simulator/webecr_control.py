"""The WebECR simulator's control routes (``/_sim/…``): the terminal side, for tests, demos and the CLI.

They need no auth, are never faulted and never live under the API prefix. ``nexipos simulator code`` uses
``/_sim/code``; tests pay preloads, make transactions on the terminal's menu, close the batch, inject faults,
revoke keys, expire tokens and move the clock.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import SimTerminal, WebEcrHost
from nexipos_desktop.simulator.webecr_http import HOST, json_reply, read_body
from nexipos_desktop.simulator.webecr_records import ATHENS, TxnType
from nexipos_desktop.simulator.webecr_requests import RequestError

CONTROL = "/_sim"
CONTROL_ROUTES = {
    "GET /_sim/code[?Terminal=ID]": "ο κωδικός σύζευξης που δείχνει τώρα το FinConnect (νέος όταν έληξε ή χρησιμοποιήθηκε)",
    "POST /_sim/code": "νέος κωδικός σύζευξης (ο προηγούμενος παύει να ισχύει)",
    "GET /_sim/state": "τερματικά, μέγεθος ledger, πλήθος txninit, σφάλματα",
    "GET /_sim/ledger": "ό,τι χρέωσαν τα τερματικά (το κοινό ledger)",
    "GET /_sim/txninits": "τα αιτήματα txninit ανά CustomerReference",
    "POST /_sim/faults {Fault, Times?, Route?, Seconds?, Status?}": "έγχυση σφάλματος· DELETE: καθαρισμός όλων",
    "POST /_sim/keys/revoke {Key?}": "ο έμπορος ανακαλεί ένα API key (ή όλα)",
    "POST /_sim/tokens/expire {Kind?}": "λήγουν όσα access (ή refresh) tokens εκδόθηκαν ως τώρα",
    "POST /_sim/clock/advance {Seconds}": "ο χρόνος του προσομοιωτή προχωρά (λήγουν κωδικοί, tokens, προφορτώσεις)",
    "GET /_sim/preloads": "οι προφορτωμένες πληρωμές που περιμένουν στο τερματικό",
    "POST /_sim/preloads/{Id|CustomerReference}/pay {Amount?}": "πληρωμή στο τερματικό (και με μικρότερο ποσό)",
    "POST /_sim/preloads/{Id|CustomerReference}/expire": "λήξη τώρα",
    "POST /_sim/terminal/{id}/transaction {TxnType, Amount, TipAmount?, Instalments?}":
        "συναλλαγή από το μενού του τερματικού (π.χ. προέγκριση)",
    "POST /_sim/terminal/{id}/closebatch {Seconds?}": "κλείσιμο πακέτου· απασχολημένο για Seconds",
}


def _code_json(host: WebEcrHost, terminal: SimTerminal, code: Any) -> dict[str, Any]:
    left = max(0.0, code.expires_at - host.clock.now())  # simulated seconds
    expires = datetime.now(ATHENS) + timedelta(seconds=host.scaled(left))
    return {"Code": code.code, "Terminal": terminal.id, "TerminalID": terminal.tid,
            "ExpiresAt": expires.isoformat(timespec="seconds"), "ExpiresIn": round(left)}


def _control_terminal(request: web.Request) -> SimTerminal:
    host = request.app[HOST]
    chosen = request.match_info.get("id") or request.query.get("Terminal")
    return host.terminal(chosen) if chosen else host.first_terminal()


async def sim_code(request: web.Request) -> web.Response:
    host = request.app[HOST]
    terminal = _control_terminal(request)
    make = host.accounts.new_code if request.method == "POST" else host.accounts.current_code
    return json_reply(_code_json(host, terminal, make(terminal.id, terminal.merchant)))


async def sim_state(request: web.Request) -> web.Response:
    host = request.app[HOST]
    return json_reply({"Terminals": [t.to_json() | {"Batch": t.model.batch_number, "Busy": t.model.busy}
                                for t in host.terminals.values()],
                  "Ledger": len(host.ledger_entries()), "Intents": len(host.intents),
                  "Transactions": len(host.transactions), "TxnInits": dict(host.txninits),
                  "Queries": dict(host.queries),
                  "Faults": [rule.to_json() for rule in host.faults.rules],
                  "TimeScale": host.clock.time_scale})


async def sim_ledger(request: web.Request) -> web.Response:
    return json_reply([entry.to_json() for entry in request.app[HOST].ledger_entries()])


async def sim_txninits(request: web.Request) -> web.Response:
    return json_reply(dict(request.app[HOST].txninits))


async def sim_faults(request: web.Request) -> web.Response:
    host = request.app[HOST]
    if request.method == "DELETE":
        host.faults.clear()
    elif request.method == "POST":
        body = await read_body(request)
        try:
            host.faults.add(body.get("Fault", ""), times=body.get("Times"), route=body.get("Route"),
                            seconds=float(body.get("Seconds", 5.0)), status=int(body.get("Status", 500)))
        except (ValueError, TypeError) as exc:
            raise RequestError({"Fault": [f"{exc}; faults: {', '.join(f.value for f in Fault)}"]}) from None
    return json_reply([rule.to_json() for rule in host.faults.rules])


async def sim_revoke(request: web.Request) -> web.Response:
    key = (await read_body(request)).get("Key")
    return json_reply({"Revoked": request.app[HOST].accounts.revoke(key)})


async def sim_expire_tokens(request: web.Request) -> web.Response:
    kind = (await read_body(request)).get("Kind", "access")
    if kind not in ("access", "refresh"):
        raise RequestError({"Kind": ["access or refresh"]})
    request.app[HOST].accounts.expire_tokens(kind)
    return json_reply({"Expired": kind})


async def sim_advance(request: web.Request) -> web.Response:
    seconds = (await read_body(request)).get("Seconds")
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
        raise RequestError({"Seconds": ["A non-negative number is required."]})
    request.app[HOST].clock.advance(float(seconds))
    return json_reply({"Advanced": seconds})


async def sim_preloads(request: web.Request) -> web.Response:
    return json_reply([i.to_json() for i in request.app[HOST].pending_preloads()])


async def sim_pay_preload(request: web.Request) -> web.Response:
    amount = (await read_body(request)).get("Amount")
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
        raise RequestError({"Amount": ["Integer cents."]})
    intent = await request.app[HOST].pay_preload(request.match_info["ref"], amount)
    return json_reply(intent.to_json())


async def sim_expire_preload(request: web.Request) -> web.Response:
    return json_reply(request.app[HOST].expire_preload(request.match_info["ref"]).to_json())


async def sim_terminal_transaction(request: web.Request) -> web.Response:
    body = await read_body(request)
    try:
        txn_type, amount = TxnType(body.get("TxnType", 0)), body["Amount"]
        if isinstance(amount, bool) or not isinstance(amount, int) or amount < 1:
            raise ValueError(amount)
    except (KeyError, ValueError):
        raise RequestError({"Amount": ["TxnType (0–9) and Amount (integer cents) are required."]}) from None
    try:
        tip, instalments = int(body.get("TipAmount", 0)), int(body.get("Instalments", 0))
    except (TypeError, ValueError):
        raise RequestError({"TipAmount": ["TipAmount and Instalments are integers."]}) from None
    intent = await request.app[HOST].terminal_transaction(_control_terminal(request).id, txn_type, amount,
                                                          tip_cents=tip, instalments=instalments)
    return json_reply(intent.to_json())


async def sim_close_batch(request: web.Request) -> web.Response:
    try:
        seconds = float((await read_body(request)).get("Seconds", 0))
    except (TypeError, ValueError):
        raise RequestError({"Seconds": ["A number of seconds."]}) from None
    batch = request.app[HOST].close_batch(_control_terminal(request).id, seconds)
    return json_reply({"BatchNumber": f"{batch:06d}"})


def add_control_routes(app: web.Application) -> None:
    """Register the control routes on ``app``."""
    control = [
        ("GET", "/code", sim_code), ("POST", "/code", sim_code), ("GET", "/state", sim_state),
        ("GET", "/ledger", sim_ledger), ("GET", "/txninits", sim_txninits), ("GET", "/faults", sim_faults),
        ("POST", "/faults", sim_faults), ("DELETE", "/faults", sim_faults), ("POST", "/keys/revoke", sim_revoke),
        ("POST", "/tokens/expire", sim_expire_tokens), ("POST", "/clock/advance", sim_advance),
        ("GET", "/preloads", sim_preloads), ("POST", "/preloads/{ref}/pay", sim_pay_preload),
        ("POST", "/preloads/{ref}/expire", sim_expire_preload),
        ("POST", "/terminal/{id}/transaction", sim_terminal_transaction),
        ("POST", "/terminal/{id}/closebatch", sim_close_batch),
    ]
    for method, path, handler in control:
        app.router.add_route(method, CONTROL + path, handler)
