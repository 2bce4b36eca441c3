"""A NEXI WebECR cloud on HTTP (aiohttp) around a :class:`~nexipos_desktop.simulator.webecr_host.WebEcrHost`.

The API routes of ``webecr-api.md`` live under a configurable prefix (``/v1`` by default, ``""`` for none):
``token/``, ``token/refresh/``, ``authorization/redeem/``, ``terminal/``, ``terminal/{id}/txninit/``,
``…/txnvoid/``, ``…/ecrbind/``, ``…/ecrkeyexchange/``, ``transactionintent/`` and ``transaction/`` (lists with
filters and ``limit``/``offset`` pagination, and ``…/{Id}/`` details). Every API route but ``token/`` needs
``Authorization: Bearer``; an ``X-Api-Key`` (from redeeming a pairing code) limits the caller to its merchant's
terminals and is required when the host says so. Errors are DRF-style JSON (``{"detail": …}`` or field lists).

Simulator-only control routes (no auth, no faults, never under the prefix) let tests and ``nexipos simulator
code`` drive the terminal side: see :data:`CONTROL_ROUTES`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web

from nexipos_desktop.fiscal.ecr_token import EcrTokenError, check_kcv, decrypt_session_key
from nexipos_desktop.simulator.webecr_auth import AuthError
from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import SimTerminal, WebEcrHost
from nexipos_desktop.simulator.webecr_records import ATHENS, FilterError, TxnType, matches
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
HOST: web.AppKey[WebEcrHost] = web.AppKey("host", WebEcrHost)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda value: json.dumps(value, ensure_ascii=False))


def _dropped(request: web.Request) -> web.Response:
    """The connection closes before the response (it is processed, its answer is lost)."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=204)


async def _body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object (empty when there is no body); 400 for anything else."""
    if not request.body_exists:
        return {}
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        raise RequestError("JSON parse error.") from None
    if not isinstance(body, dict):
        raise RequestError({"non_field_errors": ["Invalid data. Expected a dictionary."]})
    return body


@web.middleware
async def _errors_and_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
    host = request.app[HOST]
    api = not request.path.startswith(CONTROL)
    if api and (rule := host.faults.take(Fault.SERVER_ERROR, request.path)) is not None:
        return web.Response(status=rule.status, text="Internal Server Error")
    if api and (rule := host.faults.take(Fault.SLOW, request.path)) is not None:
        await asyncio.sleep(rule.seconds)
    try:
        response = await handler(request)
    except (AuthError, RequestError) as exc:
        response = _json(exc.body, exc.status)
    except FilterError as exc:
        response = _json({exc.name: [str(exc)]}, 400)
    if api and host.faults.take(Fault.DROP_RESPONSE, request.path) is not None:
        return _dropped(request)
    if api and isinstance(response, web.Response) and response.body is not None and \
            host.faults.take(Fault.MALFORMED_JSON, request.path) is not None:
        body = bytes(response.body)  # type: ignore[arg-type]
        return web.Response(status=response.status, body=body[: len(body) // 2], content_type="application/json")
    return response


def _merchant(request: web.Request) -> str | None:
    """Check the bearer token (401) and the API key (403); the merchant the caller is limited to, if any."""
    host = request.app[HOST]
    host.accounts.user_of(request.headers.get("Authorization"))
    key = request.headers.get("X-Api-Key")
    if key:
        return host.accounts.api_key(key).merchant
    if host.require_api_key:
        raise AuthError(403, "An X-Api-Key is required: redeem the terminal's pairing code.", "api_key_required")
    return None


def _page(request: web.Request, items: list[dict[str, Any]]) -> dict[str, Any]:
    """DRF limit/offset pagination: ``{count, next, previous, results}`` with absolute links."""
    host = request.app[HOST]
    try:
        limit = max(1, min(int(request.query.get("limit", host.page_size)), 1000))
        offset = max(0, int(request.query.get("offset", 0)))
    except ValueError:
        raise RequestError({"limit": ["limit and offset must be integers."]}) from None
    url = request.url

    def link(start: int) -> str:
        return str(url.update_query(limit=limit, offset=start) if start else url.update_query(limit=limit)
                   .without_query_params("offset"))

    return {"count": len(items), "next": link(offset + limit) if offset + limit < len(items) else None,
            "previous": link(max(0, offset - limit)) if offset > 0 else None,
            "results": items[offset:offset + limit]}


def _params(request: web.Request) -> dict[str, str]:
    return {k: v for k, v in request.query.items() if k not in ("limit", "offset")}


# ----- auth and pairing -----
async def token(request: web.Request) -> web.Response:
    body = await _body(request)
    return _json(request.app[HOST].accounts.login(body.get("username"), body.get("password")))


async def token_refresh(request: web.Request) -> web.Response:
    body = await _body(request)
    return _json(request.app[HOST].accounts.refresh(body.get("refresh")))


async def redeem(request: web.Request) -> web.Response:
    request.app[HOST].accounts.user_of(request.headers.get("Authorization"))
    body = await _body(request)
    if body.get("Type") != "webecr":
        raise RequestError({"Type": ['Only "webecr" codes can be redeemed here.']})
    key = request.app[HOST].accounts.redeem(body.get("Code"))
    return _json({"Id": key.key, "Type": "webecr"})


# ----- terminals -----
def _terminal(request: web.Request) -> SimTerminal:
    return request.app[HOST].terminal(request.match_info["id"], _merchant(request))


async def terminals(request: web.Request) -> web.Response:
    merchant = _merchant(request)
    filters = {"TerminalID": str, "Merchant": str, "Acquirer": str}
    items = [t.to_json() for t in request.app[HOST].visible(merchant)]
    return _json(_page(request, [t for t in items if matches(t, _params(request), filters)]))


async def terminal_detail(request: web.Request) -> web.Response:
    return _json(_terminal(request).to_json())


async def txninit(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    host = request.app[HOST]
    intent, timeout = host.start_intent(terminal, await _body(request))
    await host.wait(intent, timeout)
    if timeout and host.take_drop([intent]):
        return _dropped(request)
    return _json(intent.to_json())


async def txnvoid(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    host = request.app[HOST]
    intent, timeout = host.start_void(terminal, await _body(request))
    await host.wait(intent, timeout)
    if timeout and host.take_drop([intent]):
        return _dropped(request)
    return _json(intent.to_json())


async def ecrbind(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    ecr_id = (await _body(request)).get("EcrId")
    if not isinstance(ecr_id, str) or not (ecr_id.isascii() and ecr_id.isalnum() and 1 <= len(ecr_id) <= 20):
        raise RequestError({"EcrId": ["Enter the fiscal device's id (1–20 letters or digits)."]})
    terminal.ecr_id, terminal.session_key = ecr_id, None  # rebinding replaces the previous ECR
    return _json({"EcrId": ecr_id})


async def ecrkeyexchange(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    body = await _body(request)
    if terminal.ecr_id is None or body.get("EcrId") != terminal.ecr_id:
        raise RequestError({"EcrId": ["This ECR is not bound to the terminal (ecrbind first)."]})
    try:
        session_key = decrypt_session_key(request.app[HOST].master_key, bytes.fromhex(str(body.get("SessionKey"))))
        kcv = bytes.fromhex(str(body.get("Kcv")))
    except (ValueError, EcrTokenError):
        raise RequestError({"SessionKey": ["SessionKey (16 bytes) and Kcv (3 bytes) must be hex."]}) from None
    if not check_kcv(session_key, kcv):
        raise RequestError({"Kcv": ["The KCV does not match the session key."]})
    terminal.session_key = session_key
    return _json({"EcrId": terminal.ecr_id, "Kcv": kcv.hex().upper()})


# ----- lists -----
async def intents(request: web.Request) -> web.Response:
    host = request.app[HOST]
    found = host.list_intents(_params(request), _merchant(request))
    page = _page(request, [i.to_json() for i in found])
    shown = {item["Id"] for item in page["results"]}
    if host.take_drop([i for i in found if i.id in shown]):
        return _dropped(request)
    return _json(page)


async def intent_detail(request: web.Request) -> web.Response:
    host = request.app[HOST]
    merchant = _merchant(request)
    intent = host.intent(request.match_info["intent"])
    host.terminal(intent.terminal_id, merchant)
    if host.take_drop([intent]):
        return _dropped(request)
    return _json(intent.to_json())


async def transactions(request: web.Request) -> web.Response:
    found = request.app[HOST].list_transactions(_params(request), _merchant(request))
    return _json(_page(request, [t.to_json() for t in found]))


async def transaction_detail(request: web.Request) -> web.Response:
    host = request.app[HOST]
    found = host.list_transactions({}, _merchant(request))
    match = next((t for t in found if request.match_info["tx"] in (str(t.id), t.transaction_id)), None)
    if match is None:
        raise RequestError({"detail": "Not found."}, 404)
    return _json(match.to_json())


# ----- control routes -----
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
    return _json(_code_json(host, terminal, make(terminal.id, terminal.merchant)))


async def sim_state(request: web.Request) -> web.Response:
    host = request.app[HOST]
    return _json({"Terminals": [t.to_json() | {"Batch": t.model.batch_number, "Busy": t.model.busy}
                                for t in host.terminals.values()],
                  "Ledger": len(host.ledger_entries()), "Intents": len(host.intents),
                  "Transactions": len(host.transactions), "TxnInits": dict(host.txninits),
                  "Queries": dict(host.queries),
                  "Faults": [rule.to_json() for rule in host.faults.rules],
                  "TimeScale": host.clock.time_scale})


async def sim_ledger(request: web.Request) -> web.Response:
    return _json([entry.to_json() for entry in request.app[HOST].ledger_entries()])


async def sim_txninits(request: web.Request) -> web.Response:
    return _json(dict(request.app[HOST].txninits))


async def sim_faults(request: web.Request) -> web.Response:
    host = request.app[HOST]
    if request.method == "DELETE":
        host.faults.clear()
    elif request.method == "POST":
        body = await _body(request)
        try:
            host.faults.add(body.get("Fault", ""), times=body.get("Times"), route=body.get("Route"),
                            seconds=float(body.get("Seconds", 5.0)), status=int(body.get("Status", 500)))
        except (ValueError, TypeError) as exc:
            raise RequestError({"Fault": [f"{exc}; faults: {', '.join(f.value for f in Fault)}"]}) from None
    return _json([rule.to_json() for rule in host.faults.rules])


async def sim_revoke(request: web.Request) -> web.Response:
    key = (await _body(request)).get("Key")
    return _json({"Revoked": request.app[HOST].accounts.revoke(key)})


async def sim_expire_tokens(request: web.Request) -> web.Response:
    kind = (await _body(request)).get("Kind", "access")
    if kind not in ("access", "refresh"):
        raise RequestError({"Kind": ["access or refresh"]})
    request.app[HOST].accounts.expire_tokens(kind)
    return _json({"Expired": kind})


async def sim_advance(request: web.Request) -> web.Response:
    seconds = (await _body(request)).get("Seconds")
    if not isinstance(seconds, int | float) or isinstance(seconds, bool) or seconds < 0:
        raise RequestError({"Seconds": ["A non-negative number is required."]})
    request.app[HOST].clock.advance(float(seconds))
    return _json({"Advanced": seconds})


async def sim_preloads(request: web.Request) -> web.Response:
    return _json([i.to_json() for i in request.app[HOST].pending_preloads()])


async def sim_pay_preload(request: web.Request) -> web.Response:
    amount = (await _body(request)).get("Amount")
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
        raise RequestError({"Amount": ["Integer cents."]})
    intent = await request.app[HOST].pay_preload(request.match_info["ref"], amount)
    return _json(intent.to_json())


async def sim_expire_preload(request: web.Request) -> web.Response:
    return _json(request.app[HOST].expire_preload(request.match_info["ref"]).to_json())


async def sim_terminal_transaction(request: web.Request) -> web.Response:
    body = await _body(request)
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
    return _json(intent.to_json())


async def sim_close_batch(request: web.Request) -> web.Response:
    try:
        seconds = float((await _body(request)).get("Seconds", 0))
    except (TypeError, ValueError):
        raise RequestError({"Seconds": ["A number of seconds."]}) from None
    batch = request.app[HOST].close_batch(_control_terminal(request).id, seconds)
    return _json({"BatchNumber": f"{batch:06d}"})


def build_app(host: WebEcrHost, prefix: str = "/v1") -> web.Application:
    """The aiohttp application: API routes under ``prefix``, control routes under ``/_sim``."""
    app = web.Application(middlewares=[_errors_and_faults])
    app[HOST] = host
    p = prefix.rstrip("/")
    api = [
        ("POST", "/token/", token), ("POST", "/token/refresh/", token_refresh),
        ("POST", "/authorization/redeem/", redeem), ("GET", "/terminal/", terminals),
        ("GET", "/terminal/{id}/", terminal_detail), ("POST", "/terminal/{id}/txninit/", txninit),
        ("POST", "/terminal/{id}/txnvoid/", txnvoid), ("POST", "/terminal/{id}/ecrbind/", ecrbind),
        ("POST", "/terminal/{id}/ecrkeyexchange/", ecrkeyexchange), ("GET", "/transactionintent/", intents),
        ("GET", "/transactionintent/{intent}/", intent_detail), ("GET", "/transaction/", transactions),
        ("GET", "/transaction/{tx}/", transaction_detail),
    ]
    for method, path, handler in api:
        app.router.add_route(method, p + path, handler)
        app.router.add_route(method, p + path.rstrip("/"), handler)
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
    return app


class WebEcrSimulator:
    """The HTTP server. ``await start(host, port)`` (port 0: any free one) → :attr:`url`, :attr:`base_url`."""

    def __init__(self, host: WebEcrHost | None = None, *, prefix: str = "/v1") -> None:
        self.host = host if host is not None else WebEcrHost()
        self.prefix = "/" + prefix.strip("/") if prefix.strip("/") else ""
        self.app = build_app(self.host, self.prefix)
        self.bound_host = ""
        self.port = 0
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` (control routes are under ``/_sim``)."""
        return f"http://{self.bound_host}:{self.port}"

    @property
    def base_url(self) -> str:
        """The API base URL a register is configured with (``url`` + prefix)."""
        return self.url + self.prefix

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        self.bound_host, self.port = self._runner.addresses[0][:2]

    async def serve_forever(self) -> None:
        """Serve until cancelled (Ctrl-C on the command line)."""
        await asyncio.Event().wait()

    async def close(self) -> None:
        """Stop serving; running intents are ended."""
        await self.host.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> WebEcrSimulator:
        if self._runner is None:
            await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
