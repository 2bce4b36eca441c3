"""The bundled DejaVu fonts, registered with reportlab once (they carry the Greek glyphs)."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from nexipos_desktop.resources import resources_dir

SANS = "DejaVuSansCondensed"
SANS_BOLD = "DejaVuSansCondensed-Bold"
WIDE = "DejaVuSans"
WIDE_BOLD = "DejaVuSans-Bold"
MONO = "DejaVuSansMono"

#: reportlab font name → file name under ``resources/fonts``.
FONT_FILES: dict[str, str] = {
    SANS: "DejaVuSansCondensed.ttf",
    SANS_BOLD: "DejaVuSansCondensed-Bold.ttf",
    WIDE: "DejaVuSans.ttf",
    WIDE_BOLD: "DejaVuSans-Bold.ttf",
    MONO: "DejaVuSansMono.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the bundled fonts with reportlab; later calls do nothing.

    Raises ``FileNotFoundError`` naming the missing file when the resources are not where
    :func:`nexipos_desktop.resources.resources_dir` says.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        fonts_dir = resources_dir() / "fonts"
        for name, file_name in FONT_FILES.items():
            path = fonts_dir / file_name
            if not path.is_file():
                raise FileNotFoundError(f"Λείπει η γραμματοσειρά {path}")
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, str(path)))
        for family, regular, bold in ((SANS, SANS, SANS_BOLD), (WIDE, WIDE, WIDE_BOLD)):
            addMapping(family, 0, 0, regular)
            addMapping(family, 1, 0, bold)
            addMapping(family, 0, 1, regular)
            addMapping(family, 1, 1, bold)
        _registered = True
