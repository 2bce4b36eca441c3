"""Receipt printing: PDF rendering with reportlab and the bundled DejaVu fonts (no Qt here)."""

from nexipos_desktop.printing.fonts import register_fonts
from nexipos_desktop.printing.receipt_pdf import (
    DEFAULT_PENDING_NOTE,
    PAPERS,
    document_title,
    render_receipt_pdf,
)
from nexipos_desktop.printing.sample import sample_document

__all__ = [
    "DEFAULT_PENDING_NOTE",
    "PAPERS",
    "document_title",
    "register_fonts",
    "render_receipt_pdf",
    "sample_document",
]
