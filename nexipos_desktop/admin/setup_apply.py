"""Applying what the setup wizard (or the settings screen) collected: everything at once, or nothing.

Order, and why: secrets first, then one database transaction.
1. The previous values of the secrets about to change are read, then the new ones are written to the keyring.
2. One write transaction stores the settings, the terminal row (and the default terminal's mirror settings), the
   users and their PIN hashes, and the audit entries.
3. If the transaction fails, the previous secrets are written back, so the keyring matches the database again.
The reverse order (database first) could commit a configuration whose key never reached the keyring: a till that
looks configured but cannot sign a payment. Before Finish nothing is written anywhere, so Cancel leaves nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from nexipos_desktop.admin.roles import Role, save_user
from nexipos_desktop.admin.terminals import TerminalDraft, save_terminal
from nexipos_desktop.secrets import get_secret, set_secret
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.settings import set_setting

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UserDraft:
    name: str
    role: Role
    pin: str


@dataclass
class SetupPlan:
    """Everything to write at Finish. ``secrets`` maps keyring names to values (None deletes)."""

    settings: dict[str, Any] = field(default_factory=dict)
    secrets: dict[str, str | None] = field(default_factory=dict)
    terminal: TerminalDraft | None = None
    terminal_default: bool = True  # make the terminal this till's default
    users: list[UserDraft] = field(default_factory=list)


class SetupError(RuntimeError):
    """The setup could not be saved; nothing changed (Greek message)."""


def apply_setup(db: Database, plan: SetupPlan, *, actor: str, action: str = "setup.completed",
                write_secret: Callable[[str, str | None], None] = set_secret,
                read_secret: Callable[[str], str | None] = get_secret) -> int | None:
    """Write ``plan`` (see the module docstring); returns the terminal's id, if one was saved."""
    previous = {name: read_secret(name) for name in plan.secrets}
    written: list[str] = []
    try:
        for name, value in plan.secrets.items():
            write_secret(name, value)
            written.append(name)
        with db.write() as session:
            for key, value in plan.settings.items():
                set_setting(session, key, value)
            for user in plan.users:
                save_user(session, user.name, user.role, user.pin, actor=actor)
            terminal_id = None
            if plan.terminal is not None:
                terminal_id = save_terminal(session, plan.terminal, make_default=plan.terminal_default, actor=actor).id
            set_setting(session, "shop.configured", True)
            audit(session, actor, action, settings=sorted(plan.settings), secrets=sorted(plan.secrets),
                  terminal=plan.terminal.name if plan.terminal else None, users=[u.name for u in plan.users])
        return terminal_id
    except Exception as exc:
        for name in written:
            try:
                write_secret(name, previous[name])
            except Exception:  # noqa: BLE001  (log the name only, never the value)
                log.exception("could not restore secret %s", name)
        log.warning("setup not saved: %s", type(exc).__name__)
        raise SetupError(f"Οι ρυθμίσεις δεν αποθηκεύτηκαν, τίποτα δεν άλλαξε: {exc}") from exc


def is_configured(values: dict[str, Any]) -> bool:
    """Whether the shop has been set up (by the wizard, or as the demo shop)."""
    return bool(values.get("shop.configured") or values.get("shop.seeded"))
