"""Where the till keeps its data (light: imported before the window is shown)."""

from __future__ import annotations

import os
from pathlib import Path


def default_db_path() -> Path:
    """``$NEXIPOS_DB`` or ``nexipos.db`` in the user's data directory (platformdirs)."""
    if os.environ.get("NEXIPOS_DB"):
        return Path(os.environ["NEXIPOS_DB"])
    from platformdirs import user_data_path

    return user_data_path("NexiPOS", "NexiPOS") / "nexipos.db"
