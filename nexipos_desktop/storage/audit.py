"""The append-only audit log: who did what, when."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session

from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.models import AuditEntry


def audit(session: Session, actor: str, action: str, **details: Any) -> None:
    """Append one entry in the caller's transaction (so it commits or rolls back with the change)."""
    session.add(
        AuditEntry(
            at=athens_now().isoformat(timespec="seconds"),
            actor=actor,
            action=action,
            details=audit_details(details),
        )
    )


def audit_details(details: dict[str, Any]) -> str:
    """The JSON text of an entry's details (one format for every writer of the log)."""
    return json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
