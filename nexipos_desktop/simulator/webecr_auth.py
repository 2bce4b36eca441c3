"""Who may talk to the simulated WebECR cloud: demo account, JWT-like tokens, pairing codes and API keys.

- ``token/`` gives an access token (30 minutes) and a refresh token (1 day); ``token/refresh/`` a new access
  token. Tokens look like JWTs (HS256 over a JSON payload) but are opaque to clients.
- Each terminal shows a pairing code the way FinConnect's «WebECR Code» does: 8 digits, valid 15 minutes, used
  once. Redeeming it gives an API key for the terminal's merchant (third-party mode, ``X-Api-Key``); keys do
  not expire but can be revoked (403: pair again).

Every lifetime runs on a :class:`SimClock`: real time × the time scale, plus whatever a test advances.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass

DEMO_USERNAME = "nexipos-demo"
DEMO_PASSWORD = "nexipos-demo-webecr"
CODE_VALIDITY_S = 15 * 60
ACCESS_TTL_S = 30 * 60
REFRESH_TTL_S = 24 * 3600


class SimClock:
    """Simulated seconds since the epoch: real time runs ``time_scale`` times faster, and tests can jump ahead."""

    def __init__(self, time_scale: float = 1.0) -> None:
        if time_scale <= 0:
            raise ValueError("Η κλίμακα χρόνου πρέπει να είναι θετική")
        self.time_scale = time_scale
        self._wall0 = time.time()
        self._mono0 = time.monotonic()
        self._offset = 0.0

    def now(self) -> float:
        return self._wall0 + (time.monotonic() - self._mono0) * self.time_scale + self._offset

    def advance(self, seconds: float) -> None:
        """Jump ``seconds`` of simulated time ahead (codes, tokens and preloads expire accordingly)."""
        self._offset += seconds


class AuthError(Exception):
    """A request the accounts refuse: HTTP ``status`` with a DRF-style JSON ``body``."""

    def __init__(self, status: int, detail: str, code: str) -> None:
        super().__init__(detail)
        self.status = status
        self.body = {"detail": detail, "code": code}


@dataclass
class PairingCode:
    code: str
    terminal_id: int
    merchant: str
    expires_at: float
    used: bool = False


@dataclass
class ApiKey:
    key: str
    merchant: str
    terminal_id: int
    created_at: float
    revoked: bool = False


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_HEADER = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
_BAD_TOKEN = "Given token not valid for any token type"


class Accounts:
    """Users, tokens, pairing codes and API keys of the simulated cloud."""

    def __init__(self, clock: SimClock, users: dict[str, str] | None = None, *, access_ttl_s: float = ACCESS_TTL_S,
                 refresh_ttl_s: float = REFRESH_TTL_S, code_validity_s: float = CODE_VALIDITY_S) -> None:
        self.clock = clock
        self.users = dict(users) if users is not None else {DEMO_USERNAME: DEMO_PASSWORD}
        self.access_ttl_s, self.refresh_ttl_s, self.code_validity_s = access_ttl_s, refresh_ttl_s, code_validity_s
        self.codes: dict[int, PairingCode] = {}  # terminal id → its current code
        self.keys: dict[str, ApiKey] = {}
        self._secret = secrets.token_bytes(32)
        self._valid_after = {"access": 0.0, "refresh": 0.0}

    # ----- tokens -----
    def login(self, username: object, password: object) -> dict[str, str]:
        """``token/``: both tokens for a known user with the right password."""
        expected = self.users.get(username) if isinstance(username, str) else None
        if expected is None or not isinstance(password, str) or not hmac.compare_digest(
                expected.encode(), password.encode("utf-8", "surrogatepass")):
            raise AuthError(401, "No active account found with the given credentials", "no_active_account")
        return {"access": self._token("access", username, self.access_ttl_s),
                "refresh": self._token("refresh", username, self.refresh_ttl_s)}

    def refresh(self, token: object) -> dict[str, str]:
        """``token/refresh/``: a new access token for a valid refresh token."""
        payload = self._check(token, "refresh")
        return {"access": self._token("access", payload["user"], self.access_ttl_s)}

    def user_of(self, authorization: str | None) -> str:
        """The user of an ``Authorization: Bearer …`` header; 401 when missing, expired or forged."""
        if not authorization:
            raise AuthError(401, "Authentication credentials were not provided.", "not_authenticated")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError(401, _BAD_TOKEN, "token_not_valid")
        return self._check(token.strip(), "access")["user"]

    def expire_tokens(self, kind: str = "access") -> None:
        """Every token of ``kind`` issued so far stops working (a test forces a refresh or a new login)."""
        self._valid_after[kind] = self.clock.now()

    def _token(self, kind: str, user: str, ttl: float) -> str:
        now = self.clock.now()
        payload = {"token_type": kind, "user": user, "iat": now, "exp": now + ttl, "jti": secrets.token_hex(8)}
        body = _b64(json.dumps(payload).encode())
        return f"{_HEADER}.{body}.{self._sign(f'{_HEADER}.{body}')}"

    def _sign(self, text: str) -> str:
        return _b64(hmac.new(self._secret, text.encode(), hashlib.sha256).digest())

    def _check(self, token: object, kind: str) -> dict:
        if not isinstance(token, str) or token.count(".") != 2:
            raise AuthError(401, _BAD_TOKEN, "token_not_valid")
        head, body, signature = token.split(".")
        try:
            genuine = hmac.compare_digest(signature.encode(), self._sign(f"{head}.{body}").encode())
        except UnicodeEncodeError:
            genuine = False
        if not genuine:
            raise AuthError(401, _BAD_TOKEN, "token_not_valid")
        payload = json.loads(_unb64(body))  # ours: the HMAC matched
        now = self.clock.now()
        if payload.get("token_type") != kind or payload["exp"] <= now or payload["iat"] < self._valid_after[kind]:
            raise AuthError(401, _BAD_TOKEN, "token_not_valid")
        return payload

    # ----- pairing codes and API keys -----
    def current_code(self, terminal_id: int, merchant: str) -> PairingCode:
        """What FinConnect shows now: the terminal's code, or a fresh one when it expired or was used."""
        code = self.codes.get(terminal_id)
        if code is None or code.used or code.expires_at <= self.clock.now():
            code = self.new_code(terminal_id, merchant)
        return code

    def new_code(self, terminal_id: int, merchant: str) -> PairingCode:
        """A fresh 8-digit code for the terminal (the previous one stops working)."""
        code = PairingCode(f"{secrets.randbelow(10**8):08d}", terminal_id, merchant,
                           self.clock.now() + self.code_validity_s)
        self.codes[terminal_id] = code
        return code

    def redeem(self, code: object) -> ApiKey:
        """``authorization/redeem/``: the code becomes an API key, once, before it expires."""
        if not isinstance(code, str) or not (len(code) == 8 and code.isdigit()):
            raise AuthError(400, "The code must be 8 digits.", "invalid_code")
        found = next((c for c in self.codes.values() if hmac.compare_digest(c.code.encode(), code.encode())), None)
        if found is None or found.used:
            raise AuthError(400, "Invalid or already used code.", "invalid_code")
        if found.expires_at <= self.clock.now():
            raise AuthError(400, "The code has expired: show a new one on the terminal.", "code_expired")
        found.used = True
        key = ApiKey(secrets.token_urlsafe(32), found.merchant, found.terminal_id, self.clock.now())
        self.keys[key.key] = key
        return key

    def trust_key(self, key: str, terminal_id: int, merchant: str) -> ApiKey:
        """Accept ``key`` as if its code had been redeemed (a pairing made with an earlier simulator run)."""
        found = ApiKey(key, merchant, terminal_id, self.clock.now())
        self.keys[key] = found
        return found

    def api_key(self, key: str) -> ApiKey:
        """The pairing behind an ``X-Api-Key``; 403 when unknown or revoked (the merchant must pair again)."""
        found = self.keys.get(key)
        if found is None:
            raise AuthError(403, "Invalid API key.", "api_key_invalid")
        if found.revoked:
            raise AuthError(403, "The API key was revoked by the merchant: pair again.", "api_key_revoked")
        return found

    def revoke(self, key: str | None = None) -> int:
        """Revoke one key, or every key when ``key`` is None; returns how many were revoked."""
        chosen = [self.keys[key]] if key is not None and key in self.keys else [] if key else list(self.keys.values())
        for item in chosen:
            item.revoked = True
        return len(chosen)
