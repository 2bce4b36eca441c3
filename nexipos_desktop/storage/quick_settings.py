"""Reading a setting before the database layer is loaded (the GUI needs its language before its first paint)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any


def read_setting(db_path: Path, key: str, default: Any = None) -> Any:
    """The JSON value of ``key`` in the ``setting`` table, or ``default`` (no database, no table, no key)."""
    if not db_path.is_file():
        return default
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as conn:
            row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except sqlite3.Error:
        return default
    return json.loads(row[0]) if row else default
