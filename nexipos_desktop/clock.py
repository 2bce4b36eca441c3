"""Time in the shop's zone: receipts, signatures and the audit log use Europe/Athens local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

ATHENS = ZoneInfo("Europe/Athens")


def athens_now() -> datetime:
    """The current time in Athens, timezone-aware."""
    return datetime.now(ATHENS)
