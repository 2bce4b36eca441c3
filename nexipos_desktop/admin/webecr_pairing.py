"""WebECR pairing for the setup wizard, on top of payments/webecr/pairing.py, holding everything until Finish.

Unlike ``pairing.pair`` (the CLI), nothing is saved here: the API key and the chosen terminal's backend id stay in
memory and go to the keyring/settings with the rest of the setup (admin/setup_apply.py), or nowhere on Cancel.
Note: redeeming consumes the code on the server; after a Cancel the admin takes a new code from the terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nexipos_desktop.payments.webecr.account import WebEcrAccount
from nexipos_desktop.payments.webecr.pairing import RemoteTerminal, list_terminals, redeem_code, test_connection
from nexipos_desktop.payments.webecr.pairing import with_api_key

API_KEY_SECRET = "webecr.api_key"


@dataclass(frozen=True)
class WebEcrLogin:
    environment: str  # sandbox | production | custom
    base_url: str
    username: str
    password: str

    def __repr__(self) -> str:  # never the password
        return f"WebEcrLogin({self.environment!r}, {self.base_url!r}, {self.username!r})"


@dataclass(frozen=True)
class PairedTerminal:
    tid: str
    label: str = ""
    remote_id: str = ""  # the backend id that goes into URLs (webecr.terminal_id)


class WebEcrPairing:
    """Redeem a code, list the account's terminals, test one with a zero-risk call (``GET terminal/``)."""

    def __init__(self, *, transport=None) -> None:
        self._transport = transport
        self._key = ""
        self._auth = "both"
        self._terminals: dict[str, RemoteTerminal] = {}

    def _account(self, login: WebEcrLogin) -> WebEcrAccount:
        return WebEcrAccount(base_url=login.base_url, username=login.username, password=login.password)

    async def redeem(self, login: WebEcrLogin, code: str) -> list[PairedTerminal]:
        """The code becomes the API key (kept here); returns the terminals it may use. Errors are Greek."""
        account = self._account(login)
        key = await redeem_code(account, code, transport=self._transport)
        paired = with_api_key(account, key)
        terminals = await list_terminals(paired, transport=self._transport)
        self._key, self._auth = key, paired.auth
        self._terminals = {t.tid: t for t in terminals}
        return [PairedTerminal(t.tid, t.label, t.id) for t in terminals]

    async def test(self, login: WebEcrLogin, tid: str) -> str:
        """Credentials, key and terminal checked without touching money; a description of the terminal."""
        terminal = self._terminals[tid]
        account = replace(with_api_key(self._account(login), self._key), terminal_id=terminal.id, tid=tid)
        found = await test_connection(account, transport=self._transport)
        return found.label or found.tid

    def secrets(self) -> dict[str, str]:
        return {API_KEY_SECRET: self._key} if self._key else {}

    def settings(self) -> dict[str, str]:
        return {"webecr.auth": self._auth}
