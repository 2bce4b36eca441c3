"""The shop's terminals: a table of them, one default per till, mirrored into the ``terminal.*`` settings.

The payment service is still built from the settings (payments/setup.py); this module keeps those settings equal
to the default terminal's row. Re-pairing updates a row in place under the same name, so the card attempts that
name the terminal keep their history.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import update
from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.admin_models import Terminal
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.settings import all_settings, set_setting

PROTOCOL_DRIVERS = {"tcp": "ecr_socket", "webecr": "webecr"}
PROTOCOL_NAMES = {"tcp": "TCPSocket", "webecr": "WebECR"}


class TerminalError(ValueError):
    """A terminal cannot be saved (Greek message)."""


@dataclass
class TerminalDraft:
    """What the wizard collected about one terminal; ``id`` set when re-pairing an existing one."""

    name: str
    protocol: str = "tcp"
    kind: str = "A920Pro"
    host: str = ""
    port: int = 0
    tid: str = ""
    app_version: str = ""
    environment: str = ""
    base_url: str = ""
    username: str = ""
    remote_id: str = ""
    simulator: bool = False
    id: int | None = None

    @classmethod
    def of(cls, row: Terminal) -> TerminalDraft:
        return cls(**{f.name: getattr(row, f.name) for f in fields(cls)})


def _now() -> str:
    return athens_now().isoformat(timespec="seconds")


def list_terminals(session: Session, *, include_inactive: bool = False) -> list[Terminal]:
    query = select(Terminal).order_by(Terminal.id)
    if not include_inactive:
        query = query.where(Terminal.active)
    return list(session.exec(query))


def default_terminal(session: Session) -> Terminal | None:
    return session.exec(select(Terminal).where(Terminal.is_default, Terminal.active)).first()


def save_terminal(session: Session, draft: TerminalDraft, *, make_default: bool, actor: str) -> Terminal:
    """Add a terminal or re-pair an existing one (same row, same name); audited."""
    name = draft.name.strip()
    if not name:
        raise TerminalError("Δώστε ένα όνομα στο τερματικό (π.χ. «Ταμείο 1»).")
    if draft.protocol not in PROTOCOL_DRIVERS:
        raise TerminalError(f"Άγνωστο πρωτόκολλο «{draft.protocol}».")
    clash = session.exec(select(Terminal).where(Terminal.name == name)).first()
    if clash is not None and clash.id != draft.id:
        raise TerminalError(f"Υπάρχει ήδη τερματικό με το όνομα «{name}».")
    row = session.get(Terminal, draft.id) if draft.id is not None else None
    created = row is None
    if row is None:
        row = Terminal(name=name, created_at=_now(), updated_at=_now())
    for f in fields(TerminalDraft):
        if f.name != "id":
            setattr(row, f.name, getattr(draft, f.name))
    row.name, row.driver, row.active, row.updated_at = name, PROTOCOL_DRIVERS[draft.protocol], True, _now()
    session.add(row)
    session.flush()
    audit(session, actor, "terminal.added" if created else "terminal.repaired", terminal=name,
          protocol=draft.protocol, kind=draft.kind, tid=draft.tid)
    if make_default or default_terminal(session) is None:
        set_default(session, row.id, actor=actor)
    elif row.is_default:
        mirror_settings(session, row)
    return row


def set_default(session: Session, terminal_id: int, *, actor: str) -> Terminal:
    """Make a terminal this till's default (the one card payments use) and mirror it into the settings."""
    row = session.get(Terminal, terminal_id)
    if row is None or not row.active:
        raise TerminalError("Το τερματικό δεν υπάρχει.")
    session.execute(update(Terminal).where(Terminal.id != terminal_id).values(is_default=False))
    session.flush()
    row.is_default = True
    session.add(row)
    session.flush()
    mirror_settings(session, row)
    audit(session, actor, "terminal.default", terminal=row.name)
    return row


def remove_terminal(session: Session, terminal_id: int, *, actor: str) -> None:
    """Take a terminal out of use (the row stays for history); the default cannot be removed."""
    row = session.get(Terminal, terminal_id)
    if row is None:
        return
    if row.is_default:
        raise TerminalError("Ορίστε πρώτα άλλο προεπιλεγμένο τερματικό.")
    row.active = False
    session.add(row)
    audit(session, actor, "terminal.removed", terminal=row.name)


def mirror_settings(session: Session, row: Terminal) -> None:
    """Write the default terminal into the ``terminal.*`` settings the payment service is built from."""
    values = {
        "terminal.driver": row.driver, "terminal.kind": row.kind, "terminal.name": row.name,
        "terminal.host": row.host, "terminal.port": row.port, "terminal.tid": row.tid,
        "terminal.simulator": row.simulator,
    }
    if row.protocol == "webecr":
        values.update({"webecr.environment": row.environment, "webecr.base_url": row.base_url,
                       "webecr.username": row.username, "webecr.terminal_id": row.remote_id})
    for key, value in values.items():
        set_setting(session, key, value)


def _settings_draft(values: dict) -> TerminalDraft:
    driver = str(values.get("terminal.driver") or "")
    protocol = next((p for p, d in PROTOCOL_DRIVERS.items() if d == driver), "tcp")
    cloud = (lambda key: str(values.get(key) or "")) if protocol == "webecr" else (lambda key: "")
    return TerminalDraft(
        name=str(values.get("terminal.name") or driver), protocol=protocol,
        kind=str(values.get("terminal.kind") or "A920Pro"), host=str(values.get("terminal.host") or ""),
        port=int(values.get("terminal.port") or 0), tid=str(values.get("terminal.tid") or ""),
        simulator=str(values.get("terminal.simulator")).lower() in ("true", "1"),
        environment=cloud("webecr.environment"), base_url=cloud("webecr.base_url"), username=cloud("webecr.username"),
        remote_id=cloud("webecr.terminal_id"),
    )


def adopt_configured_terminal(session: Session, *, actor: str = "system") -> Terminal | None:
    """Keep the table in step with a terminal configured in the settings outside it (demo, ``nexipos config set``,
    ``nexipos terminal pair``): no rows yet → the default row is created; the default row differs → it follows
    the settings (same row, so its history stays). Returns the row written, or None when nothing changed."""
    values = all_settings(session)
    if not values.get("terminal.driver"):
        return None
    configured = _settings_draft(values)
    row = default_terminal(session)
    if row is None:
        if list_terminals(session, include_inactive=True):
            return None  # terminals exist but none is the default: the admin chooses in the settings
        return save_terminal(session, configured, make_default=True, actor=actor)
    current = TerminalDraft.of(row)
    configured.id, configured.app_version = row.id, row.app_version
    if configured == current:
        return None
    return save_terminal(session, configured, make_default=False, actor=actor)


def record_check(session: Session, terminal_name: str, ok: bool, message: str) -> None:
    """Remember the last connection test of a terminal (shown in the settings; warns when an address died)."""
    row = session.exec(select(Terminal).where(Terminal.name == terminal_name)).first()
    if row is None:
        return
    row.last_check_at, row.last_check_ok, row.last_check_message = _now(), ok, message[:500]
    session.add(row)


def protocol_capabilities(protocol: str):
    """What the protocol's driver can do (empty when its driver is not installed)."""
    from nexipos_desktop.payments import registry

    registry.driver_names()  # loads the built-in drivers
    factory = registry._DRIVERS.get(PROTOCOL_DRIVERS.get(protocol, ""))
    return frozenset(getattr(factory, "capabilities", frozenset()))
