"""One long-lived ``httpx.AsyncClient`` per WebECR account, with the auth rules of ``webecr-api.md``.

- ``token``/``both``: ``POST token/`` with username and password gives an access and a refresh token; requests
  carry ``Authorization: Bearer``. On a 401 the client refreshes **once** (``token/refresh/``), and if that does
  not help logs in **once** more; a third 401 is final (never a loop). A 401 is a refusal before processing,
  so re-sending the same request after renewing the token cannot charge twice.
- ``api_key``/``both``: every request also carries ``X-Api-Key`` (from redeeming the pairing code). A 401/403
  on the key means the merchant revoked it: :class:`PairAgain`.

Transport failures become :mod:`.errors` (``sent`` tells whether the request may have been processed). Logs name
the method, path and status only: never a header, a body or a secret.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from nexipos_desktop.payments.webecr.account import WebEcrAccount
from nexipos_desktop.payments.webecr.errors import Forbidden, HostUnreachable, LoginFailed, MalformedReply
from nexipos_desktop.payments.webecr.errors import NotFound, PairAgain, Rejected, ReplyLost, ServerError
from nexipos_desktop.payments.webecr.errors import TlsFailure, WebEcrError

log = logging.getLogger(__name__)
USER_AGENT = "NexiPOS-Desktop WebECR"
_PAIR_AGAIN = ("Το κλειδί σύζευξης WebECR δεν γίνεται πια δεκτό (ο έμπορος το ανακάλεσε): κάντε ξανά σύζευξη με "
               "νέο κωδικό από το FinConnect → «Λειτουργίες» → «WebECR Code».")
_BAD_LOGIN = "Ο διακομιστής WebECR δεν δέχεται το όνομα χρήστη ή τον κωδικό (webecr.username / webecr.password)."


@dataclass(frozen=True)
class Reply:
    """A 2xx reply: its parsed JSON and its text (kept as the raw reply)."""

    status: int
    data: Any
    text: str


class WebEcrClient:
    """Authenticated JSON requests to one WebECR account; ``close()`` when done."""

    def __init__(self, account: WebEcrAccount, *, transport: httpx.AsyncBaseTransport | None = None,
                 on_refresh_token: Callable[[str], None] | None = None) -> None:
        self.account = account
        self._http = httpx.AsyncClient(
            base_url=account.root, transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(account.request_timeout_s, connect=account.connect_timeout_s),
            headers={"Accept": "application/json", "User-Agent": USER_AGENT})
        self._access: str | None = None
        self._refresh: str | None = account.refresh_token or None
        self._api_key = account.api_key
        self._on_refresh_token = on_refresh_token
        self._auth_lock = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    async def get(self, path: str, params: dict[str, Any] | None = None) -> Reply:
        return await self.request("GET", path, params=params)

    async def post(self, path: str, body: dict[str, Any], *, timeout: float | None = None,
                   with_key: bool = True) -> Reply:
        return await self.request("POST", path, body=body, timeout=timeout, with_key=with_key)

    async def request(self, method: str, path: str, *, body: dict[str, Any] | None = None,
                      params: dict[str, Any] | None = None, timeout: float | None = None,
                      with_key: bool = True) -> Reply:
        """Send with auth; at most one refresh and one fresh login on 401. Raises :class:`WebEcrError`."""
        key = self._api_key if with_key and self.account.uses_key else ""
        renewals = ["refresh", "login"] if self.account.uses_token else []
        if self.account.uses_token and self._access is None:
            renewals = await self._first_token()
        while True:
            response = await self._send(method, path, body, params, timeout, key)
            if response.status_code != 401 or not renewals:
                return self._settle(response, key)
            step = renewals.pop(0)
            if step == "refresh" and not await self._refreshed():
                if not renewals:
                    return self._settle(response, key)
                step = renewals.pop(0)
            if step == "login":
                await self._login()

    # ----- auth -----
    async def _first_token(self) -> list[str]:
        """Get an access token before the first request; returns the renewals still allowed on a 401."""
        async with self._auth_lock:
            if self._access is not None:
                return ["refresh", "login"]
            if self._refresh and await self._refreshed(locked=True):
                return ["login"]
            await self._login(locked=True)
            return []

    async def _refreshed(self, *, locked: bool = False) -> bool:
        """``token/refresh/`` once; False when there is no refresh token or it was refused."""
        if not self._refresh:
            return False
        if not locked:
            async with self._auth_lock:
                return await self._refreshed(locked=True)
        response = await self._send("POST", "token/refresh/", {"refresh": self._refresh}, None, None, "")
        access = _json_field(response, "access") if response.status_code == 200 else None
        if access is None:
            log.info("WebECR: το refresh token δεν έγινε δεκτό (%d)", response.status_code)
            await self._remember_refresh(None)
            return False
        self._access = access
        if isinstance(refresh := _json_field(response, "refresh"), str):  # rotating refresh tokens
            await self._remember_refresh(refresh)
        return True

    async def _login(self, *, locked: bool = False) -> None:
        if not locked:
            async with self._auth_lock:
                return await self._login(locked=True)
        if not self.account.username or not self.account.password:
            raise LoginFailed("Λείπουν τα στοιχεία σύνδεσης WebECR (webecr.username / webecr.password).")
        response = await self._send("POST", "token/", {"username": self.account.username,
                                                       "password": self.account.password}, None, None, "")
        if response.status_code in (400, 401, 403):
            raise LoginFailed(_BAD_LOGIN, status=response.status_code)
        reply = self._settle(response, "")
        access = reply.data.get("access") if isinstance(reply.data, dict) else None
        if not isinstance(access, str) or not access:
            raise MalformedReply("Η σύνδεση στο WebECR δεν επέστρεψε token πρόσβασης.", status=response.status_code)
        self._access = access
        refresh = reply.data.get("refresh")
        await self._remember_refresh(refresh if isinstance(refresh, str) and refresh else None)

    async def _remember_refresh(self, token: str | None) -> None:
        """Keep the refresh token and hand it to the secrets store (off the event loop: a keyring may block)."""
        self._refresh = token
        if self._on_refresh_token is not None:
            try:
                await asyncio.to_thread(self._on_refresh_token, token or "")
            except Exception:  # noqa: BLE001  (a keyring hiccup must not stop a payment)
                log.warning("WebECR: το refresh token δεν αποθηκεύτηκε")

    # ----- transport -----
    async def _send(self, method: str, path: str, body: dict[str, Any] | None, params: dict[str, Any] | None,
                    timeout: float | None, key: str) -> httpx.Response:
        headers = {}
        if self._access and not path.startswith("token/"):
            headers["Authorization"] = f"Bearer {self._access}"
        if key:
            headers["X-Api-Key"] = key
        extra = {} if timeout is None else {
            "timeout": httpx.Timeout(timeout, connect=self.account.connect_timeout_s)}
        try:
            response = await self._http.request(method, path, json=body, params=params, headers=headers, **extra)
        except httpx.HTTPError as exc:
            log.warning("WebECR %s %s: %s", method, path, type(exc).__name__)
            raise _transport_error(exc, self.account.base_url) from None
        log.info("WebECR %s %s → %d", method, path, response.status_code)
        return response

    def _settle(self, response: httpx.Response, key: str) -> Reply:
        status, text = response.status_code, response.text
        if 200 <= status < 300:
            try:
                return Reply(status, json.loads(text) if text.strip() else None, text)
            except ValueError:
                raise MalformedReply("Ο διακομιστής WebECR απάντησε με μη έγκυρο JSON.", status=status,
                                     raw=text[:2000]) from None
        detail = _detail(response)
        if key and status in (401, 403):
            raise PairAgain(_PAIR_AGAIN, status=status, raw=text[:2000])
        if status == 401:
            raise LoginFailed(_BAD_LOGIN if self.account.uses_token else
                              "Ο διακομιστής WebECR ζητά σύνδεση: ελέγξτε τη ρύθμιση webecr.auth.", status=status)
        if status == 403:
            raise Forbidden("Ο λογαριασμός WebECR δεν έχει δικαίωμα για αυτή την ενέργεια ή αυτό το τερματικό."
                            + detail, status=status, raw=text[:2000])
        if status == 404:
            raise NotFound("Ο διακομιστής WebECR δεν βρίσκει αυτό που ζητήθηκε (λάθος τερματικό ή διαδρομή;)."
                           + detail, status=status, raw=text[:2000])
        if status >= 500:
            raise ServerError(f"Σφάλμα του διακομιστή WebECR (HTTP {status}).", status=status, raw=text[:2000])
        raise Rejected(f"Ο διακομιστής WebECR απέρριψε το αίτημα (HTTP {status})." + detail, status=status,
                       raw=text[:2000])


def _json_field(response: httpx.Response, name: str) -> Any:
    try:
        data = response.json()
    except ValueError:
        return None
    return data.get(name) if isinstance(data, dict) else None


def _detail(response: httpx.Response) -> str:
    """The server's own short explanation of a refusal, if it gave one."""
    try:
        data = response.json()
    except ValueError:
        return ""
    if isinstance(data, dict):
        found = data.get("detail") or data.get("message") or data.get("error") or data.get("non_field_errors")
        if found is None and data:
            found = "; ".join(f"{k}: {v}" for k, v in list(data.items())[:3])
    else:
        found = data
    text = " ".join(str(found).split()) if found else ""
    return f" ({text[:200]})" if text else ""


def _transport_error(exc: httpx.HTTPError, where: str) -> WebEcrError:
    if isinstance(exc, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout) and _is_tls(exc):
        return TlsFailure(f"Αποτυχία ασφαλούς σύνδεσης (TLS) με το {where}: ελέγξτε την ώρα του υπολογιστή, "
                          "τον διακομιστή μεσολάβησης (proxy) και τη διεύθυνση.")
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return HostUnreachable(f"Καμία απάντηση από το {where}: ελέγξτε τη σύνδεση στο διαδίκτυο.")
    if isinstance(exc, httpx.ConnectError):
        return HostUnreachable(f"Δεν είναι δυνατή η σύνδεση με το {where}: ελέγξτε τη σύνδεση στο διαδίκτυο "
                               "και τη διεύθυνση WebECR.")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return HostUnreachable(f"Μη έγκυρη διεύθυνση WebECR «{where}».")
    if isinstance(exc, httpx.TimeoutException):
        return ReplyLost("Ο διακομιστής WebECR δεν απάντησε εγκαίρως.")
    return ReplyLost("Η σύνδεση με τον διακομιστή WebECR διακόπηκε πριν έρθει απάντηση.")


def _is_tls(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(6):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError) or "CERTIFICATE" in str(seen).upper() or "SSL" in str(seen).upper():
            return True
        seen = seen.__cause__ or seen.__context__
    return False


async def fetch_all(client: WebEcrClient, path: str, params: dict[str, Any] | None = None,
                    *, max_pages: int = 200) -> list[dict]:
    """Every row of a paginated list (``{count, next, previous, results}``; a bare list is accepted too)."""
    rows: list[dict] = []
    reply = await client.get(path, params)
    for _ in range(max_pages):
        data = reply.data
        if isinstance(data, list):
            return rows + [row for row in data if isinstance(row, dict)]
        if not isinstance(data, dict) or not isinstance(data.get("results"), list):
            raise MalformedReply("Ο διακομιστής WebECR έστειλε λίστα σε άγνωστη μορφή.", raw=reply.text[:2000])
        rows += [row for row in data["results"] if isinstance(row, dict)]
        following = data.get("next")
        if not isinstance(following, str) or not following:
            return rows
        reply = await client.get(_relative(client, following))
    return rows


def _relative(client: WebEcrClient, url: str) -> str:
    """A ``next`` link as a path under the account root; a link to another host is refused (it would get our
    credentials)."""
    root, base = client.account.root, client.account.base_url.rstrip("/")
    if url.startswith(root):
        return url[len(root):]
    if url.startswith("/"):  # a path on the same host
        return str(httpx.URL(base).join(url))
    if "://" in url:
        raise MalformedReply("Ο διακομιστής WebECR έδωσε σύνδεσμο επόμενης σελίδας σε άλλη διεύθυνση.")
    return url
