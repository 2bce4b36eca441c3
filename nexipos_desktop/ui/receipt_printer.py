"""Getting a receipt onto paper: PDF rendered off the GUI thread, printed through Qt (dialog or default printer).

Printing paints the PDF's pages (rasterised by QtPdf) onto a ``QPrinter`` on a worker thread; only the print
dialog itself runs on the GUI thread. "Save as PDF" always works, printer or not.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from nexipos_desktop.printing import render_receipt_pdf
from nexipos_desktop.receipts.document import ReceiptDocument
from nexipos_desktop.ui.tasks import off_thread

SAVE_AS_PDF = "pdf"  # the printer setting that means "keep PDFs in the receipts folder, print nothing"
PRINT_DPI = 203  # thermal receipt printers print 203 dpi; fine enough for A4 laser output of a receipt too


class PrintError(RuntimeError):
    """The receipt could not be printed; the message is meant for the cashier."""


@dataclass(frozen=True)
class PrintOutcome:
    printed_on: str | None = None  # printer name, or None when saved as PDF instead
    saved_to: Path | None = None


async def save_pdf(doc: ReceiptDocument, path: Path, *, paper: str = "80mm", copy: bool = False) -> Path:
    data = await off_thread(render_receipt_pdf, doc, paper=paper, copy=copy)
    await off_thread(path.write_bytes, data)
    return path


async def print_receipt(
    doc: ReceiptDocument,
    *,
    paper: str = "80mm",
    copy: bool = False,
    ask: bool = False,
    parent: QWidget | None = None,
    fallback_dir: Path,
    printer_name: str = "",
    printer: QPrinter | None = None,
) -> PrintOutcome | None:
    """Print on the chosen (``ask``), named or default printer; with ``printer_name="pdf"`` or no printer at
    all, save the PDF in ``fallback_dir`` instead. Returns None when the cashier cancels the print dialog.
    """
    data = await off_thread(render_receipt_pdf, doc, paper=paper, copy=copy)
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if ask:
            dialog = QPrintDialog(printer, parent)
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return None
        else:
            name = printer_name or QPrinterInfo.defaultPrinter().printerName()
            if not name or name == SAVE_AS_PDF:
                path = fallback_dir / f"{doc.invoice_type}-{doc.series}-{doc.number}{'-copy' if copy else ''}.pdf"
                await off_thread(_write, path, data)
                return PrintOutcome(saved_to=path)
            printer.setPrinterName(name)
    await off_thread(paint_pdf, data, printer)
    return PrintOutcome(printed_on=printer.printerName() or printer.outputFileName())


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def paint_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of a PDF onto ``printer`` at its page size; returns the number of pages."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "receipt.pdf"
        path.write_bytes(data)
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise PrintError("Το PDF της απόδειξης δεν διαβάζεται για εκτύπωση")
        pages = document.pageCount()
        first = document.pagePointSize(0)
        printer.setPageLayout(QPageLayout(QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point),
                                          QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError(f"Ο εκτυπωτής «{printer.printerName()}» δεν είναι διαθέσιμος")
        try:
            for page in range(pages):
                if page:
                    printer.newPage()
                size = document.pagePointSize(page)
                image = document.render(page, QSize(round(size.width() * PRINT_DPI / 72),
                                                    round(size.height() * PRINT_DPI / 72)))
                target = printer.pageLayout().paintRectPixels(printer.resolution())
                scale = target.width() / image.width()
                painter.drawImage(QRectF(0, 0, target.width(), image.height() * scale), image)
        finally:
            painter.end()
            document.close()
        return pages
