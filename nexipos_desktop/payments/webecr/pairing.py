"""Pairing the register with a WebECR terminal — the Qt-free API the setup wizard and the CLI share.

The admin has set the environment and the credentials (``webecr.environment``, ``webecr.username``,
secret ``webecr.password``); the terminal shows an 8-digit code (FinConnect → «Λειτουργίες» → «WebECR Code»,
valid 15 minutes). Then::

    account = account_from_settings(values)           # settings + keyring (pairing.account_from_settings)
    key = await redeem_code(account, "12345678")      # POST authorization/redeem/ → the API key
    account = with_api_key(account, key)
    terminals = await list_terminals(account)         # GET terminal/ with the new key (zero risk)
    chosen = choose_terminal(terminals, tid)          # by TID; the only one when tid is None
    save_pairing(db, key, chosen, actor="admin")      # key → keyring; driver, terminal id, TID → settings

or all at once: ``await pair(db, account, code, tid=None, actor=...) -> Pairing``.
``test_connection(account)`` checks credentials, key and terminal without touching money (``GET terminal/``).

Errors: :class:`PairingError` (``code``: ``bad_code`` — not 8 digits, nothing sent; ``code_refused`` — wrong
or expired; ``no_terminal``/``choose_tid`` — TID not found or several to choose from), and the
:mod:`errors <nexipos_desktop.payments.webecr.errors>` of the client (``LoginFailed``, ``HostUnreachable``,
``TlsFailure``, ``PairAgain``…). Every one has a Greek ``message`` without secrets. ``transport`` parameters
exist for tests (``httpx.MockTransport``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import httpx

from nexipos_desktop.payments.webecr.account import AccountError, WebEcrAccount, account_from_settings
from nexipos_desktop.payments.webecr.client import WebEcrClient, fetch_all
from nexipos_desktop.payments.webecr.errors import NotFound, Rejected, WebEcrError
from nexipos_desktop.secrets import set_secret

__all__ = ["AccountError", "Pairing", "PairingError", "RemoteTerminal", "account_from_settings", "choose_terminal",
           "list_terminals", "pair", "redeem_code", "save_pairing", "test_connection", "validate_code",
           "with_api_key"]

_CODE = re.compile(r"^\d{8}$")
_WHERE = "FinConnect → «Λειτουργίες» → «WebECR Code»"


class PairingError(WebEcrError):
    """Pairing could not be completed (Greek ``message``; ``code`` says why)."""

    def __init__(self, message: str, code: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.code = code


@dataclass(frozen=True)
class RemoteTerminal:
    """A terminal the account may use: ``id`` goes into URLs, ``tid`` is the 8-character Terminal ID."""

    id: str
    tid: str
    merchant: str = ""
    acquirer: str = ""

    @property
    def label(self) -> str:
        return " · ".join(part for part in (self.tid, self.merchant, self.acquirer) if part)


@dataclass(frozen=True)
class Pairing:
    terminal: RemoteTerminal
    terminals: list[RemoteTerminal]


def validate_code(code: str) -> str:
    """The code as 8 digits (spaces and dashes removed), or PairingError ``bad_code`` — nothing is sent."""
    digits = re.sub(r"[\s-]", "", code or "")
    if not _CODE.match(digits):
        raise PairingError(f"Ο κωδικός σύζευξης έχει 8 ψηφία ({_WHERE}).", "bad_code")
    return digits


def with_api_key(account: WebEcrAccount, key: str) -> WebEcrAccount:
    """The account using ``key`` (third-party mode adds X-Api-Key to the token; token-only switches to both)."""
    return replace(account, api_key=key, auth="both" if account.auth == "token" else account.auth)


async def redeem_code(account: WebEcrAccount, code: str, *,
                      transport: httpx.AsyncBaseTransport | None = None) -> str:
    """Redeem the terminal's pairing code for the merchant's API key (``POST authorization/redeem/``)."""
    digits = validate_code(code)
    account.check(need_key=False)
    client = WebEcrClient(account, transport=transport)
    try:
        reply = await client.post("authorization/redeem/", {"Type": "webecr", "Code": digits}, with_key=False)
    except (Rejected, NotFound) as exc:
        raise PairingError(f"Ο κωδικός σύζευξης δεν έγινε δεκτός: είναι λάθος ή έληξε (ισχύει 15 λεπτά). "
                           f"Πάρτε νέο κωδικό από το τερματικό ({_WHERE}).", "code_refused", status=exc.status) from None
    finally:
        await client.close()
    key = reply.data.get("Id") if isinstance(reply.data, dict) else None
    if not isinstance(key, str) or not key.strip():
        raise PairingError("Ο διακομιστής WebECR δεν επέστρεψε κλειδί σύζευξης.", "malformed")
    return key.strip()


async def list_terminals(account: WebEcrAccount, *, tid: str | None = None,
                         transport: httpx.AsyncBaseTransport | None = None) -> list[RemoteTerminal]:
    """The terminals the account (with its key) may use, every page of ``GET terminal/`` (``?TerminalID=`` filter)."""
    account.check(need_key=True)
    client = WebEcrClient(account, transport=transport)
    try:
        rows = await fetch_all(client, "terminal/", {"TerminalID": tid} if tid else None)
    finally:
        await client.close()
    return [terminal for row in rows if (terminal := _terminal(row)) is not None]


async def test_connection(account: WebEcrAccount, *,
                          transport: httpx.AsyncBaseTransport | None = None) -> RemoteTerminal:
    """A zero-risk check of address, credentials, key and the chosen terminal; returns that terminal."""
    account.check(need_key=True, need_terminal=True)
    for terminal in await list_terminals(account, transport=transport):
        if terminal.id == account.terminal_id:
            return terminal
    raise PairingError(f"Το τερματικό WebECR «{account.tid or account.terminal_id}» δεν είναι πια διαθέσιμο "
                       "σε αυτόν τον λογαριασμό: κάντε ξανά σύζευξη.", "no_terminal")


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported by one


def choose_terminal(terminals: list[RemoteTerminal], tid: str | None = None) -> RemoteTerminal:
    """The terminal with ``tid``; without ``tid`` the only one (several → PairingError ``choose_tid``)."""
    if tid:
        for terminal in terminals:
            if terminal.tid == tid.strip():
                return terminal
        raise PairingError(f"Δεν βρέθηκε τερματικό με TID {tid} (διαθέσιμα: "
                           f"{', '.join(t.tid for t in terminals) or 'κανένα'}).", "no_terminal")
    if len(terminals) == 1:
        return terminals[0]
    if not terminals:
        raise PairingError("Ο λογαριασμός WebECR δεν έχει κανένα τερματικό.", "no_terminal")
    raise PairingError(f"Υπάρχουν {len(terminals)} τερματικά: διαλέξτε TID ("
                       f"{', '.join(t.tid for t in terminals)}).", "choose_tid")


def save_pairing(db, api_key: str, terminal: RemoteTerminal, *, actor: str, auth: str = "both") -> None:
    """Store the pairing: the key in the keyring, the driver, terminal id and TID in the settings (audited)."""
    from nexipos_desktop.storage.audit import audit
    from nexipos_desktop.storage.settings import set_setting

    set_secret("webecr.api_key", api_key)
    with db.write() as session:
        for key, value in (("terminal.driver", "webecr"), ("webecr.terminal_id", terminal.id),
                           ("terminal.tid", terminal.tid), ("webecr.auth", auth), ("terminal.simulator", False)):
            set_setting(session, key, value)
        audit(session, actor, "webecr.paired", tid=terminal.tid, terminal_id=terminal.id,
              merchant=terminal.merchant)


async def pair(db, account: WebEcrAccount, code: str | None, *, tid: str | None = None, actor: str,
               transport: httpx.AsyncBaseTransport | None = None) -> Pairing:
    """Redeem, list, choose and save in one go (the CLI's ``nexipos terminal pair [CODE] [--tid TID]``).

    Without ``code`` the key already stored is used (to pick the TID after a first run listed several). A
    refused code changes nothing; a redeemed key is kept even when the TID is still to be chosen (the code
    cannot be redeemed twice), and the terminal settings change only once a terminal was chosen.
    """
    if code is None:
        if not account.api_key:
            raise PairingError(f"Δώστε τον κωδικό σύζευξης ({_WHERE}).", "bad_code")
        key = account.api_key
    else:
        key = await redeem_code(account, code, transport=transport)
    paired = with_api_key(account, key)
    try:
        terminals = await list_terminals(paired, transport=transport)
        chosen = choose_terminal(terminals, tid)
    except PairingError:
        if code is not None:
            set_secret("webecr.api_key", key)
        raise
    save_pairing(db, key, chosen, actor=actor, auth=paired.auth)
    return Pairing(chosen, terminals)


def _terminal(row: dict) -> RemoteTerminal | None:
    ident, tid = row.get("id", row.get("Id")), row.get("TerminalID")
    if ident is None or isinstance(ident, bool) or not isinstance(tid, str | int):
        return None
    return RemoteTerminal(str(ident), str(tid), str(row.get("Merchant") or ""), str(row.get("Acquirer") or ""))
