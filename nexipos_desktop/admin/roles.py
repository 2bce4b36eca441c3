"""Users of the till (cashier, admin), their PINs, and the admin check with lockout after wrong PINs.

Hashing is slow on purpose (scrypt): call :func:`authenticate` off the GUI thread. The hash is computed outside
the write transaction, so a PIN check never holds the database's write lock for its KDF time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Session, select

from nexipos_desktop.admin.pins import check_pin_format, hash_pin, verify_pin
from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.admin_models import PinLockout
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Cashier

FREE_TRIES = 3  # wrong PINs allowed before the first lock
FIRST_LOCK_S = 30  # then 30 s, 60 s, 120 s, … up to MAX_LOCK_S
MAX_LOCK_S = 15 * 60


class Role(StrEnum):
    CASHIER = "cashier"
    ADMIN = "admin"


class RoleError(ValueError):
    """A user cannot be added or changed (Greek message)."""


class PinRejected(Exception):
    """A wrong PIN or a locked user; ``locked_s`` > 0 says how long to wait. Greek message."""

    def __init__(self, message: str, locked_s: int = 0) -> None:
        super().__init__(message)
        self.locked_s = locked_s


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    has_pin: bool


def _user(row: Cashier) -> User:
    return User(row.id, row.name, Role(row.role), bool(row.pin_hash))


def list_users(session: Session, role: Role | None = None) -> list[User]:
    query = select(Cashier).where(Cashier.active).order_by(Cashier.id)
    if role is not None:
        query = query.where(Cashier.role == role.value)
    return [_user(row) for row in session.exec(query)]


def has_admin(session: Session) -> bool:
    return any(user.has_pin for user in list_users(session, Role.ADMIN))


def save_user(session: Session, name: str, role: Role, pin: str | None, *, actor: str) -> User:
    """Add a user or change an existing one's role/PIN (``pin`` None keeps it); audited without the PIN."""
    name = name.strip()
    if not name:
        raise RoleError("Συμπληρώστε το όνομα του χρήστη.")
    if pin is not None:
        check_pin_format(pin)
    row = session.exec(select(Cashier).where(Cashier.name == name)).first()
    created = row is None
    if row is None:
        row = Cashier(name=name, role=role.value)
    elif row.role == Role.ADMIN and role != Role.ADMIN and len(list_users(session, Role.ADMIN)) <= 1:
        raise RoleError("Πρέπει να μείνει τουλάχιστον ένας διαχειριστής.")
    row.role, row.active = role.value, True
    if pin is not None:
        row.pin_hash = hash_pin(pin)
    session.add(row)
    session.flush()
    audit(session, actor, "user.added" if created else "user.changed", user=name, role=role.value,
          pin_changed=pin is not None)
    return _user(row)


def _lock_seconds(failures: int) -> int:
    if failures < FREE_TRIES:
        return 0
    return min(MAX_LOCK_S, FIRST_LOCK_S * 2 ** (failures - FREE_TRIES))


def _wait_text(seconds: int) -> str:
    return f"{seconds} δευτερόλεπτα" if seconds < 120 else f"{(seconds + 59) // 60} λεπτά"


def authenticate(db: Database, name: str, pin: str, *, action: str, role: Role = Role.ADMIN,
                 now: datetime | None = None, details: dict | None = None) -> User:
    """The user if ``pin`` is theirs and they hold ``role``; else :class:`PinRejected`. Every try is audited.

    ``action`` names what the PIN is for (``void``, ``refund``, ``force_resolve``, ``settings``…) and goes to the
    audit log with ``details`` (e.g. the receipt) under the user's name. After
    :data:`FREE_TRIES` wrong PINs the user is locked for a time that doubles with each further wrong PIN.
    """
    now = now or athens_now()
    with db.read() as session:
        row = session.exec(select(Cashier).where(Cashier.name == name, Cashier.active)).first()
        lockout = session.get(PinLockout, row.id) if row is not None else None
        stored = row.pin_hash if row is not None else None
        allowed = row is not None and (row.role == Role.ADMIN or row.role == role)
    if row is None or not allowed:
        raise PinRejected(f"Ο χρήστης «{name}» δεν έχει δικαίωμα για αυτή την ενέργεια.")
    if lockout is not None and lockout.locked_until and datetime.fromisoformat(lockout.locked_until) > now:
        left = int((datetime.fromisoformat(lockout.locked_until) - now).total_seconds()) + 1
        raise PinRejected(f"Πολλά λάθος PIN: δοκιμάστε ξανά σε {_wait_text(left)}.", left)
    right = verify_pin(pin, stored)  # the slow part, outside any transaction
    with db.write() as session:
        state = session.get(PinLockout, row.id) or PinLockout(cashier_id=row.id)
        if right:
            state.failures, state.locked_until = 0, None
            audit(session, name, f"admin.{action}" if role == Role.ADMIN else f"pin.{action}", role=row.role,
                  **(details or {}))
        else:
            state.failures += 1
            lock = _lock_seconds(state.failures)
            state.locked_until = (now + timedelta(seconds=lock)).isoformat(timespec="seconds") if lock else None
            audit(session, name, "pin.rejected", attempted=action, failures=state.failures, locked_s=lock)
        session.add(state)
    if right:
        return _user(row)
    if lock:
        raise PinRejected(f"Λάθος PIN. Το PIN κλειδώθηκε για {_wait_text(lock)}.", lock)
    left = FREE_TRIES - state.failures
    raise PinRejected(f"Λάθος PIN (απομένουν {left} προσπάθειες πριν το κλείδωμα).")
