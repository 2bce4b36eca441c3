"""The append-only audit log: who did what, when."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, select

from nexipos_desktop.clock import athens_now
from nexipos_desktop.storage.models import AuditEntry


def audit(session: Session, actor: str, action: str, **details: Any) -> None:
    """Append one entry in the caller's transaction (so it commits or rolls back with the change)."""
    session.add(
        AuditEntry(
            at=athens_now().isoformat(timespec="seconds"),
            actor=actor,
            action=action,
            details=json.dumps(details, ensure_ascii=False, sort_keys=True, default=str),
        )
    )


def recent_entries(session: Session, limit: int = 100) -> list[AuditEntry]:
    return list(session.exec(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)))
