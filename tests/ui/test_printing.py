"""Printing through Qt: the receipt PDF painted onto a QPrinter (here one that writes a PDF file)."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from nexipos_desktop.printing import render_receipt_pdf, sample_document
from nexipos_desktop.ui.receipt_printer import paint_pdf, print_receipt


def test_paint_pdf_prints_every_page_at_the_receipt_size(qapp, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = paint_pdf(render_receipt_pdf(sample_document(), paper="80mm"), printer)
    reader = PdfReader(tmp_path / "printed.pdf")
    assert pages == len(reader.pages) == 1
    width_mm = float(reader.pages[0].mediabox.width) * 25.4 / 72
    assert abs(width_mm - 80) < 1
    assert len(reader.pages[0].images) == 1  # the receipt went out as one raster image


def test_print_receipt_on_a_given_printer(qapp, loop, tmp_path):
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "a4.pdf"))
    outcome = loop.run_until_complete(print_receipt(sample_document(line_count=60), paper="a4", printer=printer,
                                                    fallback_dir=tmp_path))
    assert outcome.printed_on == str(tmp_path / "a4.pdf")
    assert len(PdfReader(tmp_path / "a4.pdf").pages) >= 2


def test_without_a_printer_the_pdf_is_saved(qapp, loop, tmp_path):
    doc = sample_document()
    outcome = loop.run_until_complete(print_receipt(doc, copy=True, fallback_dir=tmp_path, printer_name="pdf"))
    assert outcome.saved_to == tmp_path / f"{doc.invoice_type}-{doc.series}-{doc.number}-copy.pdf"
    assert "ΑΝΤΙΓΡΑΦΟ" in PdfReader(outcome.saved_to).pages[0].extract_text()
