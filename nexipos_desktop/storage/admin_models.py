"""Tables of admin (see the matching migration)."""

from __future__ import annotations

from sqlmodel import Field, SQLModel  # noqa: F401
