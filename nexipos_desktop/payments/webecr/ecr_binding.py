"""The ECR-token route over WebECR (``webecr-api.md``): bind the fiscal device (ΦΗΜΑΣ) to the terminal and
exchange its session key, so that the terminal accepts AMOUNT commands signed by that device.

1. ``bind_ecr(account, ecr_id)`` — ``POST terminal/{id}/ecrbind/ {EcrId}`` (binding another id replaces it);
2. ``exchange_session_key(account, exchange)`` — ``POST terminal/{id}/ecrkeyexchange/ {EcrId, SessionKey, Kcv}``
   with the session key encrypted under the pre-shared master key (3DES) and its KCV, both upper-case hex
   (:func:`nexipos_desktop.fiscal.ecr_token.key_exchange`). Repeat step 2 periodically.

``bind_and_exchange`` does both with a fresh session key and returns it (the caller keeps it in the secrets
store). Errors are the client's :mod:`errors <nexipos_desktop.payments.webecr.errors>` with Greek messages.
"""

from __future__ import annotations

import httpx

from nexipos_desktop.fiscal.ecr_token import KeyExchange, generate_session_key, key_exchange
from nexipos_desktop.payments.webecr.account import WebEcrAccount
from nexipos_desktop.payments.webecr.client import WebEcrClient
from nexipos_desktop.payments.webecr.errors import MalformedReply, Rejected


async def bind_ecr(account: WebEcrAccount, ecr_id: str, *, transport: httpx.AsyncBaseTransport | None = None) -> str:
    """Bind the fiscal device ``ecr_id`` to the paired terminal; returns the id the server confirmed."""
    account.check(need_terminal=True)
    client = WebEcrClient(account, transport=transport)
    try:
        reply = await client.post(f"terminal/{account.terminal_id}/ecrbind/", {"EcrId": ecr_id})
    finally:
        await client.close()
    confirmed = reply.data.get("EcrId") if isinstance(reply.data, dict) else None
    if confirmed != ecr_id:
        raise MalformedReply(f"Το WebECR δεν επιβεβαίωσε τη σύνδεση του φορολογικού μηχανισμού {ecr_id}.",
                             raw=reply.text[:2000])
    return confirmed


async def exchange_session_key(account: WebEcrAccount, exchange: KeyExchange, *,
                               transport: httpx.AsyncBaseTransport | None = None) -> None:
    """Send the encrypted session key and its KCV; a refusal (wrong master key, unbound ECR) is Rejected."""
    account.check(need_terminal=True)
    client = WebEcrClient(account, transport=transport)
    try:
        reply = await client.post(f"terminal/{account.terminal_id}/ecrkeyexchange/", {
            "EcrId": exchange.ecr_id, "SessionKey": exchange.encrypted_session_key_hex, "Kcv": exchange.kcv_hex})
    except Rejected as exc:
        raise Rejected("Το τερματικό δεν δέχτηκε το κλειδί συνεδρίας (λάθος κύριο κλειδί ή μη συνδεδεμένος "
                       f"φορολογικός μηχανισμός).{_detail(exc)}", status=exc.status, raw=exc.raw) from None
    finally:
        await client.close()
    kcv = reply.data.get("Kcv") if isinstance(reply.data, dict) else None
    if kcv is not None and str(kcv).upper() != exchange.kcv_hex:
        raise MalformedReply("Το WebECR επιβεβαίωσε άλλο KCV από αυτό που στάλθηκε.", raw=reply.text[:2000])


async def bind_and_exchange(account: WebEcrAccount, ecr_id: str, master_key: bytes, *,
                            transport: httpx.AsyncBaseTransport | None = None) -> bytes:
    """Bind ``ecr_id`` and exchange a fresh session key under ``master_key``; returns the clear session key."""
    session_key = generate_session_key()
    exchange = key_exchange(ecr_id, master_key, session_key)
    await bind_ecr(account, ecr_id, transport=transport)
    await exchange_session_key(account, exchange, transport=transport)
    return session_key


def _detail(exc: Rejected) -> str:
    text = exc.message
    start = text.find(" (")
    return text[start:] if start >= 0 else ""
