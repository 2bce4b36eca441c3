"""Where and as whom the register talks WebECR: base URL preset, path prefix, auth method, credentials.

Settings (``nexipos config set``) hold everything but the secrets; the password, the refresh token and the
API key come from :mod:`nexipos_desktop.secrets` (OS keyring). ``repr`` never shows a secret.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nexipos_desktop.secrets import get_secret

#: Base URLs of nexi-integration.md; ``custom`` takes ``webecr.base_url``.
PRESETS: dict[str, str] = {
    "sandbox": "https://ecr-sandbox.prd.api-fintechiq.com/v1",
    "production": "https://ecr.prd.api-fintechiq.com/v1",
}
ENVIRONMENTS = (*PRESETS, "custom")
#: token: Bearer JWT from username/password · api_key: X-Api-Key only · both: third-party mode (Bearer + key).
AUTH_METHODS = ("token", "api_key", "both")
SIGNATURE_FIELDS = ("Signature", "ProviderSignature")
MODES = ("sync", "async")
MAX_SYNC_WAIT_S = 180  # the server's maximum for Timeout


class AccountError(ValueError):
    """The WebECR settings are incomplete or invalid (Greek message, no secret in it)."""


@dataclass(frozen=True)
class WebEcrAccount:
    """One WebECR endpoint and the credentials to use it."""

    base_url: str
    path_prefix: str = ""
    auth: str = "both"
    username: str = ""
    password: str = field(default="", repr=False)
    refresh_token: str = field(default="", repr=False)
    api_key: str = field(default="", repr=False)
    terminal_id: str = ""  # the backend ``id`` that goes into URLs (not the TID)
    tid: str = ""
    signature_field: str = "Signature"
    connect_timeout_s: float = 10.0
    request_timeout_s: float = 30.0

    @property
    def root(self) -> str:
        """Base URL plus path prefix, with a trailing slash (``https://host/v1/v2.2/``)."""
        prefix = self.path_prefix.strip("/")
        return self.base_url.rstrip("/") + "/" + (prefix + "/" if prefix else "")

    @property
    def uses_token(self) -> bool:
        return self.auth in ("token", "both")

    @property
    def uses_key(self) -> bool:
        return self.auth in ("api_key", "both")

    def check(self, *, need_key: bool = True, need_terminal: bool = False) -> None:
        """Raise :class:`AccountError` naming the missing setting (``nexipos config set …``)."""
        if not self.base_url.startswith(("https://", "http://")):
            raise AccountError("Λείπει ή δεν είναι έγκυρη η διεύθυνση WebECR (webecr.environment ή webecr.base_url)")
        if self.uses_token and not (self.username and (self.password or self.refresh_token)):
            raise AccountError("Λείπουν τα στοιχεία σύνδεσης WebECR (webecr.username και webecr.password)")
        if need_key and self.uses_key and not self.api_key:
            raise AccountError("Το ταμείο δεν έχει συζευχθεί με τερματικό WebECR: nexipos terminal pair ΚΩΔΙΚΟΣ")
        if need_terminal and not self.terminal_id:
            raise AccountError("Δεν έχει επιλεγεί τερματικό WebECR (webecr.terminal_id): nexipos terminal pair")


def base_url_for(environment: str, custom_url: str = "") -> str:
    """The base URL of an environment preset, or the custom URL."""
    if environment in PRESETS:
        return PRESETS[environment]
    return custom_url.strip()


def account_from_settings(values: Mapping[str, Any], *,
                          secret: Callable[[str], str | None] = get_secret) -> WebEcrAccount:
    """The account from settings (``webecr.*``, ``terminal.tid``) and the secrets store."""
    def text(key: str, default: str = "") -> str:
        value = values.get(key)
        return default if value is None or value == "" else str(value)

    return WebEcrAccount(
        base_url=base_url_for(text("webecr.environment", "sandbox"), text("webecr.base_url")),
        path_prefix=text("webecr.path_prefix"),
        auth=text("webecr.auth", "both"),
        username=text("webecr.username"),
        password=secret("webecr.password") or "",
        refresh_token=secret("webecr.refresh_token") or "",
        api_key=secret("webecr.api_key") or "",
        terminal_id=text("webecr.terminal_id"),
        tid=text("terminal.tid", text("tid")),
        signature_field=text("webecr.signature_field", "Signature"),
        connect_timeout_s=float(text("webecr.connect_timeout_s", "10")),
        request_timeout_s=float(text("webecr.request_timeout_s", "30")),
    )
