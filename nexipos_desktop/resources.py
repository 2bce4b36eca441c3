"""Where the bundled resources (fonts, icons, translations, demo data) live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources directory.

    ``$NEXIPOS_RESOURCES`` when set; otherwise ``<package>/_resources`` (an installed or frozen build) or
    ``<package>/../resources`` (a source checkout), whichever exists first. When neither exists the
    checkout path is returned, so a missing file is reported with a meaningful path.
    """
    override = os.environ.get("NEXIPOS_RESOURCES")
    if override:
        return Path(override)
    candidates = (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]
