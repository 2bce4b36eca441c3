"""A scripted WebECR server for unit tests: an ``httpx.MockTransport`` handler that records every request.

It implements the auth rules (token/refresh/X-Api-Key), redeem, terminal list, txninit/txnvoid, the intent and
transaction lists of ``webecr-api.md`` with plain dicts; tests override ``on_txninit`` (a function of the body
returning an ``httpx.Response`` or raising an ``httpx`` error) to script faults.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

ROOT = "https://ecr.test/v1/"
TERMINALS = [{"id": 17, "TerminalID": "64990001", "Merchant": "Καφέ Αθηνά", "Acquirer": "NEXI"}]


@dataclass
class Seen:
    method: str
    path: str  # relative to ROOT, with the query string
    headers: dict[str, str]
    body: Any


class FakeWebEcr:
    def __init__(self, *, username: str = "erp", password: str = "s3cret-pass", codes: dict[str, str] | None = None,
                 terminals: list[dict] | None = None, require_key: bool = True, require_token: bool = True,
                 page_size: int = 50, root: str = ROOT) -> None:
        self.root = root
        self.username, self.password = username, password
        self.codes = {"12345678": "KEY-ABCDEF-0001"} if codes is None else codes
        self.keys = set(self.codes.values()) | {"KEY-ABCDEF-0001"}
        self.terminals = TERMINALS if terminals is None else terminals
        self.require_key, self.require_token = require_key, require_token
        self.page_size = page_size
        self.requests: list[Seen] = []
        self.access: set[str] = set()
        self.refresh: set[str] = set()
        self.intents: list[dict] = []
        self.transactions: list[dict] = []
        self.on_txninit: Callable[[dict], httpx.Response] | None = None
        self.on_query: Callable[[str], httpx.Response] | None = None
        self._ids = itertools.count(1)
        self.master_key = bytes.fromhex("ABCDEF01234567899876543210ABCDEF")
        self.bound: str | None = None
        self.session_key: bytes | None = None

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def seen(self, path_start: str, method: str | None = None) -> list[Seen]:
        return [s for s in self.requests if s.path.startswith(path_start) and method in (None, s.method)]

    # ----- the server -----
    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        assert url.startswith(self.root), url
        path = url[len(self.root):]
        body = json.loads(request.content) if request.content else None
        self.requests.append(Seen(request.method, path, dict(request.headers), body))
        route = path.split("?")[0]
        if route == "token/":
            if body == {"username": self.username, "password": self.password}:
                return self._tokens()
            return httpx.Response(401, json={"detail": "No active account found with the given credentials"})
        if route == "token/refresh/":
            if body and body.get("refresh") in self.refresh:
                token = f"acc-{next(self._ids)}"
                self.access.add(token)
                return httpx.Response(200, json={"access": token})
            return httpx.Response(401, json={"detail": "Token is invalid or expired", "code": "token_not_valid"})
        bearer = request.headers.get("authorization", "")
        if self.require_token and bearer.removeprefix("Bearer ") not in self.access:
            return httpx.Response(401, json={"detail": "Authentication credentials were not provided."})
        if route == "authorization/redeem/":
            key = self.codes.pop(body.get("Code"), None) if body.get("Type") == "webecr" else None
            if key is None:
                return httpx.Response(400, json={"Code": ["Invalid or expired code."]})
            return httpx.Response(200, json={"Id": key, "Type": "webecr"})
        if self.require_key and request.headers.get("x-api-key") not in self.keys:
            return httpx.Response(403, json={"detail": "Invalid API key."})
        if route == "terminal/":
            tid = request.url.params.get("TerminalID")
            return self._page([t for t in self.terminals if tid in (None, t["TerminalID"])], request)
        if route.endswith("/txninit/"):
            return self.on_txninit(body) if self.on_txninit else self.approve(body)
        if route.endswith("/txnvoid/"):
            return self.void(body)
        if route.endswith("/ecrbind/"):
            self.bound = body.get("EcrId")
            return httpx.Response(200, json={"EcrId": self.bound})
        if route.endswith("/ecrkeyexchange/"):
            from nexipos_desktop.fiscal.ecr_token import check_kcv, decrypt_session_key

            key = decrypt_session_key(self.master_key, bytes.fromhex(body["SessionKey"]))
            if body.get("EcrId") != self.bound or not check_kcv(key, bytes.fromhex(body["Kcv"])):
                return httpx.Response(400, json={"Kcv": ["The KCV does not match the session key."]})
            self.session_key = key
            return httpx.Response(200, json={"EcrId": self.bound, "Kcv": body["Kcv"]})
        if route == "transactionintent/":
            reference = request.url.params.get("CustomerReference")
            if self.on_query is not None:
                return self.on_query(reference)
            return self._page([i for i in self.intents if i.get("CustomerReference") == reference], request)
        if route == "transaction/":
            return self._page(self.transactions, request)
        return httpx.Response(404, json={"detail": "Not found."})

    def _tokens(self) -> httpx.Response:
        access, refresh = f"acc-{next(self._ids)}", f"ref-{next(self._ids)}"
        self.access.add(access)
        self.refresh.add(refresh)
        return httpx.Response(200, json={"access": access, "refresh": refresh})

    def _page(self, rows: list[dict], request: httpx.Request) -> httpx.Response:
        offset = int(request.url.params.get("offset", 0))
        chunk = rows[offset:offset + self.page_size]
        following = None
        if offset + self.page_size < len(rows):
            following = str(request.url.copy_merge_params({"offset": offset + self.page_size}))
        return httpx.Response(200, json={"count": len(rows), "next": following, "previous": None, "results": chunk})

    # ----- intents -----
    def intent(self, body: dict, *, result: int | None, status: int = 3, **extra: Any) -> dict:
        number = next(self._ids)
        intent = {"Id": f"int-{number}", "Status": status, "Result": result, "TxnType": body.get("TxnType", 0),
                  "Amount": body.get("Amount"), "TipAmount": body.get("TipAmount", 0), "CurrencyCode": 978,
                  "Instalments": body.get("Instalments", 0), "CustomerReference": body.get("CustomerReference"),
                  "Terminal": 17, "InitialTransaction": body.get("InitialTransaction"), "Transaction": None,
                  "TransactionId": None, **extra}
        if result == 1:
            txn_id = f"0751217022851763{number:05d}"
            intent["TransactionId"] = txn_id
            intent["Transaction"] = {
                "Id": txn_id, "TxnType": body.get("TxnType", 0), "Timestamp": "2026-11-27T12:40:19+02:00",
                "VoidTimestamp": None, "CardPAN": "************0010", "Approved": True, "Voided": False,
                "STAN": f"{number:06d}", "BatchNumber": "000042", "Acquirer": "NEXI", "TID": "64990001",
                "MID": "000000012345", "Amount": body.get("Amount"), "TipAmount": body.get("TipAmount", 0),
                "CashbackAmount": 0, "LoyaltyRedemptionAmount": 0, "Instalments": body.get("Instalments", 0),
                "RRN": f"{number:012d}", "AuthCode": "A1B2C3", "OriginalRRN": None, "OriginalAuthCode": None,
                "CurrencyCode": 978, "CustomerReference": body.get("CustomerReference")}
        self.intents.append(intent)
        return intent

    def approve(self, body: dict, **extra: Any) -> httpx.Response:
        return httpx.Response(200, json=self.intent(body, result=1, **extra))

    def void(self, body: dict) -> httpx.Response:
        return httpx.Response(200, json=self.intent({"CustomerReference": body.get("CustomerReference"),
                                                     "TxnType": 0, "Amount": body.get("Amount")}, result=1))


class ServedWebEcr:
    """A :class:`FakeWebEcr` behind a real HTTP server on 127.0.0.1 (a background thread), for the CLI."""

    def __init__(self, **options: Any) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        import threading

        fake_holder: list[FakeWebEcr] = []

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                request = httpx.Request(self.command, f"http://127.0.0.1:{self.server.server_port}{self.path}",
                                        headers=dict(self.headers), content=self.rfile.read(length))
                response = fake_holder[0].handle(request)
                if response is None:  # the connection drops before the reply
                    self.close_connection = True
                    return
                body = response.read()
                self.send_response(response.status_code)
                self.send_header("Content-Type", response.headers.get("content-type", "application/json"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base_url = f"http://127.0.0.1:{self.httpd.server_port}/v1"
        self.fake = FakeWebEcr(root=self.base_url + "/", **options)
        fake_holder.append(self.fake)
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)
