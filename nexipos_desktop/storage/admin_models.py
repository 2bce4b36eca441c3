"""Tables of store administration (migration 0005): the shop's terminals and PIN lockouts.

Users and their roles live in ``cashier`` (``role`` = cashier | admin, ``pin_hash`` = scrypt, see admin/pins.py).
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, Integer, text
from sqlmodel import Field, SQLModel


class Terminal(SQLModel, table=True):
    """A card terminal of the shop. The till's default one is mirrored into the ``terminal.*`` settings.

    Re-pairing updates the row in place (same name), so card attempts that name it keep their history.
    """

    __tablename__ = "terminal"
    __table_args__ = (
        CheckConstraint("protocol IN ('tcp', 'webecr')", name="ck_terminal_protocol"),
        CheckConstraint("kind IN ('A920Pro', 'A910', 'A50', 'SoftPOS')", name="ck_terminal_kind"),
        CheckConstraint("port BETWEEN 0 AND 65535", name="ck_terminal_port"),
        Index("uq_terminal_default", "is_default", unique=True, sqlite_where=text("is_default = 1")),
    )

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=60)
    protocol: str = "tcp"
    driver: str = "ecr_socket"
    kind: str = "A920Pro"
    host: str = ""
    port: int = 0
    tid: str = ""
    app_version: str = ""
    environment: str = ""  # WebECR: sandbox | production | custom
    base_url: str = ""  # WebECR: the ECR API base URL
    username: str = ""  # WebECR user id (the password goes to the keyring)
    remote_id: str = ""  # WebECR: the terminal's backend id used in URLs (webecr.terminal_id)
    simulator: bool = False
    is_default: bool = False
    active: bool = True
    last_check_at: str | None = None  # ISO 8601 Athens: the last connection test
    last_check_ok: bool | None = None
    last_check_message: str = ""
    created_at: str
    updated_at: str


class PinLockout(SQLModel, table=True):
    """Wrong-PIN count and lock time of one user (cleared by a right PIN); kept across restarts."""

    __tablename__ = "pin_lockout"

    cashier_id: int = Field(sa_column=Column(Integer, ForeignKey("cashier.id", ondelete="CASCADE"), primary_key=True))
    failures: int = 0
    locked_until: str | None = None  # ISO 8601 Athens
