"""Who is at the till: the users who can sign in, who is signed in when the till starts, and signing out.

Signing in is a PIN check (:func:`~nexipos_desktop.admin.roles.authenticate` with ``action="sign_in"``, audited
as ``pin.sign_in`` under the new cashier's name with the one signed out). A shop where nobody has a PIN yet keeps
working as before: the first active user is at the till and nobody is asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from nexipos_desktop.admin.roles import Role, User, list_users
from nexipos_desktop.storage.audit import audit
from nexipos_desktop.storage.db import Database
from nexipos_desktop.storage.models import Cashier
from nexipos_desktop.storage.seed import DEMO_CASHIER


@dataclass(frozen=True)
class StartingCashier:
    """Who the till starts with: ``name`` is "" when someone must sign in before the first sale."""

    name: str
    must_sign_in: bool


def sign_in_users(session: Session) -> list[User]:
    """The active users who have a PIN, cashiers first, then admins (in the order they were added)."""
    users = [user for user in list_users(session) if user.has_pin]
    return sorted(users, key=lambda user: user.role != Role.CASHIER)


def starting_cashier(db: Database, *, demo: bool) -> StartingCashier:
    """At start-up: with PINs set, nobody is signed in (the till asks) — except in demo mode, where the demo
    cashier (else the first cashier with a PIN) is signed in without a PIN and that is audited. Without any PIN,
    the first active user, as before PINs existed."""
    with db.read() as session:
        users = sign_in_users(session)
        if not users:
            first = session.exec(select(Cashier).where(Cashier.active).order_by(Cashier.id)).first()
            return StartingCashier(first.name if first else "—", must_sign_in=False)
    if not demo:
        return StartingCashier("", must_sign_in=True)
    names = [user.name for user in users]
    name = DEMO_CASHIER if DEMO_CASHIER in names else names[0]
    with db.write() as session:
        audit(session, name, "till.sign_in", automatic="demo mode")
    return StartingCashier(name, must_sign_in=False)


def record_sign_out(db: Database, name: str, *, reason: str) -> None:
    """The cashier left the till (``reason``: e.g. "locked"); the next one signs in with a PIN."""
    with db.write() as session:
        audit(session, name or "—", "till.sign_out", reason=reason)
