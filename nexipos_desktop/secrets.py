"""Secrets (private keys, passwords, API keys) in the OS keyring — never in settings, files or logs.

Fallback, only where no keyring backend exists (a headless Linux box, CI) or ``NEXIPOS_NO_KEYRING=1``: a JSON
file readable by the current user only (mode 0600) in the user config directory, or ``NEXIPOS_SECRETS_FILE``.
``nexipos config show`` says which store is in use.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)
SERVICE = "NexiPOS"


def _fallback_path() -> Path:
    if os.environ.get("NEXIPOS_SECRETS_FILE"):
        return Path(os.environ["NEXIPOS_SECRETS_FILE"])
    from platformdirs import user_config_path

    return user_config_path("NexiPOS", "NexiPOS") / "secrets.json"


def _keyring():
    """The keyring module when a real backend is available, else None."""
    if os.environ.get("NEXIPOS_NO_KEYRING"):
        return None
    try:
        import keyring
        from keyring.backends import fail

        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        return keyring
    except Exception:  # a broken backend must not stop the till
        log.warning("keyring unavailable; using the protected fallback file")
        return None


def store_name() -> str:
    """Where secrets go on this machine, for the admin."""
    backend = _keyring()
    if backend is not None:
        return f"keyring ({type(backend.get_keyring()).__name__})"
    return f"αρχείο μόνο για τον χρήστη ({_fallback_path()})"


def _read_fallback() -> dict[str, str]:
    path = _fallback_path()
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _write_fallback(values: dict[str, str]) -> None:
    path = _fallback_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(values, handle)
    os.chmod(path, 0o600)


def get_secret(name: str) -> str | None:
    backend = _keyring()
    if backend is not None:
        return backend.get_password(SERVICE, name)
    return _read_fallback().get(name)


def set_secret(name: str, value: str | None) -> None:
    """Store (or, with None, delete) a secret."""
    backend = _keyring()
    if backend is not None:
        if value is None:
            try:
                backend.delete_password(SERVICE, name)
            except Exception:
                pass
        else:
            backend.set_password(SERVICE, name, value)
        return
    values = _read_fallback()
    if value is None:
        values.pop(name, None)
    else:
        values[name] = value
    _write_fallback(values)
