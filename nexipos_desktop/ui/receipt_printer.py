"""Getting a receipt onto paper: PDF rendered off the GUI thread, printed through Qt (dialog or default printer).

Printing rasterises the PDF's pages (PDFium) on a worker thread, then paints the images onto the ``QPrinter`` on the
GUI thread (a few milliseconds; QPrinter is not safe to share across threads). "Save as PDF" always works, printer or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
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
    pages = await off_thread(rasterize_pdf, data)
    paint_pages(pages, printer)
    return PrintOutcome(printed_on=printer.printerName() or printer.outputFileName())


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def rasterize_pdf(data: bytes, dpi: int = PRINT_DPI) -> list[tuple[QSizeF, QImage]]:
    """Every page of a PDF as (size in points, image at ``dpi``), rendered by PDFium. Safe off the GUI thread."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PrintError(f"Το PDF της απόδειξης δεν διαβάζεται για εκτύπωση: {exc}") from exc
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            qimage = QImage(image.tobytes(), image.width, image.height, image.width,
                            QImage.Format.Format_Grayscale8).copy()
            pages.append((QSizeF(width, height), qimage))
            page.close()
    finally:
        document.close()
    return pages


def paint_pages(pages: list[tuple[QSizeF, QImage]], printer: QPrinter) -> int:
    """Paint rasterised pages onto ``printer`` at the first page's size (GUI thread: QPrinter is not shared)."""
    first = pages[0][0]
    printer.setPageLayout(QPageLayout(QPageSize(QSizeF(first.width(), first.height()), QPageSize.Unit.Point),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"Ο εκτυπωτής «{printer.printerName()}» δεν είναι διαθέσιμος")
    try:
        for index, (_size, image) in enumerate(pages):
            if index:
                printer.newPage()
            target = printer.pageLayout().paintRectPixels(printer.resolution())
            scale = target.width() / image.width()
            painter.drawImage(QRectF(0, 0, target.width(), image.height() * scale), image)
    finally:
        painter.end()
    return len(pages)


def paint_pdf(data: bytes, printer: QPrinter) -> int:
    """Rasterise and print a PDF in one go (for callers already off the GUI thread's critical path)."""
    return paint_pages(rasterize_pdf(data), printer)
