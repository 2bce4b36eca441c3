"""A NEXI WebECR cloud on HTTP (aiohttp) around a :class:`~nexipos_desktop.simulator.webecr_host.WebEcrHost`.

The API routes of ``webecr-api.md`` live under a configurable prefix (``/v1`` by default, ``""`` for none):
``token/``, ``token/refresh/``, ``authorization/redeem/``, ``terminal/``, ``terminal/{id}/txninit/``,
``…/txnvoid/``, ``…/ecrbind/``, ``…/ecrkeyexchange/``, ``transactionintent/`` and ``transaction/`` (lists with
filters and ``limit``/``offset`` pagination, and ``…/{Id}/`` details). Every API route but ``token/`` needs
``Authorization: Bearer``; an ``X-Api-Key`` (from redeeming a pairing code) limits the caller to its merchant's
terminals and is required when the host says so. Errors are DRF-style JSON (``{"detail": …}`` or field lists).

Simulator-only control routes (no auth, no faults, never under the prefix) let tests and ``nexipos simulator
code`` drive the terminal side: see :mod:`~nexipos_desktop.simulator.webecr_control`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from nexipos_desktop.fiscal.ecr_token import EcrTokenError, check_kcv, decrypt_session_key
from nexipos_desktop.simulator.webecr_control import CONTROL, add_control_routes
from nexipos_desktop.simulator.webecr_auth import AuthError
from nexipos_desktop.simulator.webecr_faults import Fault
from nexipos_desktop.simulator.webecr_host import SimTerminal, WebEcrHost
from nexipos_desktop.simulator.webecr_http import HOST, json_reply, read_body
from nexipos_desktop.simulator.webecr_records import FilterError, matches
from nexipos_desktop.simulator.webecr_requests import RequestError

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _dropped(request: web.Request) -> web.Response:
    """The connection closes before the response (it is processed, its answer is lost)."""
    if request.transport is not None:
        request.transport.close()
    return web.Response(status=204)


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
        response = json_reply(exc.body, exc.status)
    except FilterError as exc:
        response = json_reply({exc.name: [str(exc)]}, 400)
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
    body = await read_body(request)
    return json_reply(request.app[HOST].accounts.login(body.get("username"), body.get("password")))


async def token_refresh(request: web.Request) -> web.Response:
    body = await read_body(request)
    return json_reply(request.app[HOST].accounts.refresh(body.get("refresh")))


async def redeem(request: web.Request) -> web.Response:
    request.app[HOST].accounts.user_of(request.headers.get("Authorization"))
    body = await read_body(request)
    if body.get("Type") != "webecr":
        raise RequestError({"Type": ['Only "webecr" codes can be redeemed here.']})
    key = request.app[HOST].accounts.redeem(body.get("Code"))
    return json_reply({"Id": key.key, "Type": "webecr"})


# ----- terminals -----
def _terminal(request: web.Request) -> SimTerminal:
    return request.app[HOST].terminal(request.match_info["id"], _merchant(request))


async def terminals(request: web.Request) -> web.Response:
    merchant = _merchant(request)
    filters = {"TerminalID": str, "Merchant": str, "Acquirer": str}
    items = [t.to_json() for t in request.app[HOST].visible(merchant)]
    return json_reply(_page(request, [t for t in items if matches(t, _params(request), filters)]))


async def terminal_detail(request: web.Request) -> web.Response:
    return json_reply(_terminal(request).to_json())


async def txninit(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    host = request.app[HOST]
    intent, timeout = host.start_intent(terminal, await read_body(request))
    await host.wait(intent, timeout)
    if timeout and host.take_drop([intent]):
        return _dropped(request)
    return json_reply(intent.to_json())


async def txnvoid(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    host = request.app[HOST]
    intent, timeout = host.start_void(terminal, await read_body(request))
    await host.wait(intent, timeout)
    if timeout and host.take_drop([intent]):
        return _dropped(request)
    return json_reply(intent.to_json())


async def ecrbind(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    ecr_id = (await read_body(request)).get("EcrId")
    if not isinstance(ecr_id, str) or not (ecr_id.isascii() and ecr_id.isalnum() and 1 <= len(ecr_id) <= 20):
        raise RequestError({"EcrId": ["Enter the fiscal device's id (1–20 letters or digits)."]})
    terminal.ecr_id, terminal.session_key = ecr_id, None  # rebinding replaces the previous ECR
    return json_reply({"EcrId": ecr_id})


async def ecrkeyexchange(request: web.Request) -> web.Response:
    terminal = _terminal(request)
    body = await read_body(request)
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
    return json_reply({"EcrId": terminal.ecr_id, "Kcv": kcv.hex().upper()})


# ----- lists -----
async def intents(request: web.Request) -> web.Response:
    host = request.app[HOST]
    found = host.list_intents(_params(request), _merchant(request))
    page = _page(request, [i.to_json() for i in found])
    shown = {item["Id"] for item in page["results"]}
    if host.take_drop([i for i in found if i.id in shown]):
        return _dropped(request)
    return json_reply(page)


async def intent_detail(request: web.Request) -> web.Response:
    host = request.app[HOST]
    merchant = _merchant(request)
    intent = host.intent(request.match_info["intent"])
    host.terminal(intent.terminal_id, merchant)
    if host.take_drop([intent]):
        return _dropped(request)
    return json_reply(intent.to_json())


async def transactions(request: web.Request) -> web.Response:
    found = request.app[HOST].list_transactions(_params(request), _merchant(request))
    return json_reply(_page(request, [t.to_json() for t in found]))


async def transaction_detail(request: web.Request) -> web.Response:
    host = request.app[HOST]
    found = host.list_transactions({}, _merchant(request))
    match = next((t for t in found if request.match_info["tx"] in (str(t.id), t.transaction_id)), None)
    if match is None:
        raise RequestError({"detail": "Not found."}, 404)
    return json_reply(match.to_json())


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
    add_control_routes(app)
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

    async def wait_idle(self) -> None:
        """Wait until every running intent has its outcome (as :meth:`SocketTerminalSimulator.wait_idle`)."""
        await self.host.wait_idle()

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
