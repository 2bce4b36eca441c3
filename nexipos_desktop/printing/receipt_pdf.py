"""Receipt PDFs in Greek: an 80 mm roll (one page as long as the receipt) or A4 portrait."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from nexipos_desktop.money import format_cents, vat_category
from nexipos_desktop.printing import fonts
from nexipos_desktop.printing.layout import Layout, draw
from nexipos_desktop.receipts.codes import CREDIT_TYPES, PAYMENT_CASH, PAYMENT_METHODS, quantity_text
from nexipos_desktop.receipts.document import DocumentLine, DocumentPayment, ReceiptDocument

DEFAULT_PENDING_NOTE = "Εκκρεμεί διαβίβαση στην ΑΑΔΕ (myDATA)"
COPY_MARK = "ΑΝΤΙΓΡΑΦΟ"
THANK_YOU = "Ευχαριστούμε για την προτίμηση!"

#: Short names of the document types, used in the PDF title («ΑΛΠ Α-123»).
TYPE_ABBREVIATIONS: dict[str, str] = {"11.1": "ΑΛΠ", "11.2": "ΑΠΥ", "11.4": "ΠΙΣ"}


PAYMENT_STATUS_NOTES: dict[str, str] = {"pending": " (εκκρεμεί)", "cancelled": " (ακυρώθηκε)"}


@dataclass(frozen=True)
class Paper:
    """A paper format: page width, margins, fonts and sizes; ``page_height`` None for a roll."""

    page_width: float
    margin_x: float
    margin_y: float
    page_height: float | None
    font: str
    bold: str
    size: float
    small: float
    title: float
    total: float
    qr: float
    wide: bool


PAPERS: dict[str, Paper] = {
    # 80 mm roll: 72 mm printable, as long as the receipt.
    "80mm": Paper(80 * mm, 4 * mm, 4 * mm, None, fonts.SANS, fonts.SANS_BOLD,
                  size=8, small=7, title=10.5, total=12, qr=30 * mm, wide=False),
    "a4": Paper(A4[0], 20 * mm, 18 * mm, A4[1], fonts.WIDE, fonts.WIDE_BOLD,
                size=10, small=8.5, title=15, total=14, qr=38 * mm, wide=True),
}


def document_title(doc: ReceiptDocument) -> str:
    """The PDF title of a receipt, e.g. «ΑΛΠ Α-123»."""
    return f"{TYPE_ABBREVIATIONS.get(doc.invoice_type, doc.invoice_type)} {doc.series}-{doc.number}"


def render_receipt_pdf(
    doc: ReceiptDocument, *, paper: str = "80mm", copy: bool = False, pending_note: str | None = None
) -> bytes:
    """Render ``doc`` as a PDF and return its bytes (identical input gives identical bytes).

    ``copy`` prints «ΑΝΤΙΓΡΑΦΟ» at top and bottom (reprints); ``pending_note`` replaces the default note
    printed while the receipt has no MARK yet.
    """
    try:
        spec = PAPERS[paper]
    except KeyError:
        allowed = ", ".join(PAPERS)
        raise ValueError(f"Άγνωστο μέγεθος χαρτιού: «{paper}» (επιτρέπονται: {allowed})") from None
    fonts.register_fonts()
    layout = Layout(spec.page_width - 2 * spec.margin_x, spec.font, spec.bold, fonts.MONO, spec.size)
    _build(layout, doc, spec, copy=copy, pending_note=pending_note)

    page_height = spec.page_height or layout.height + 2 * spec.margin_y
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(spec.page_width, page_height), invariant=1, pageCompression=1)
    canvas.setTitle(document_title(doc))
    canvas.setAuthor(doc.issuer.name)
    canvas.setSubject(doc.type_name)
    canvas.setCreator("NexiPOS Desktop")
    draw(canvas, layout, left=spec.margin_x, top=page_height - spec.margin_y, bottom=spec.margin_y)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _build(layout: Layout, doc: ReceiptDocument, spec: Paper, *, copy: bool, pending_note: str | None) -> None:
    if copy:
        _copy_mark(layout, spec)
    _header(layout, doc, spec)
    layout.rule()
    _lines(layout, doc, spec)
    layout.rule(dashed=False)
    layout.pair("ΣΥΝΟΛΟ", format_cents(doc.total_cents, symbol=True), bold=True, size=spec.total)
    layout.rule()
    _vat_table(layout, doc, spec)
    layout.rule()
    _payments(layout, doc, spec)
    for note in doc.notes:
        layout.text(note, size=spec.small)
    layout.rule()
    _footer(layout, doc, spec, pending_note)
    if copy:
        _copy_mark(layout, spec)
    layout.gap()
    layout.text(THANK_YOU, bold=True, align="c")


def _copy_mark(layout: Layout, spec: Paper) -> None:
    layout.text(f"*** {COPY_MARK} ***", bold=True, size=spec.total, align="c")


def _header(layout: Layout, doc: ReceiptDocument, spec: Paper) -> None:
    issuer = doc.issuer
    layout.text(issuer.name, bold=True, size=spec.title, align="c")
    for text in (issuer.activity, issuer.address):
        if text:
            layout.text(text, align="c")
    layout.text(f"ΑΦΜ: {issuer.vat_number}  ΔΟΥ: {issuer.tax_office}", align="c")
    if issuer.phone:
        layout.text(f"Τηλ.: {issuer.phone}", align="c")
    if issuer.branch:
        layout.text(f"Υποκατάστημα: {issuer.branch}", align="c")
    layout.gap()
    layout.text(doc.type_name, bold=True, size=spec.size + 1, align="c")
    layout.pair(f"Σειρά: {doc.series}  Αριθμός: {doc.number}", doc.issued_at.strftime("%d/%m/%Y %H:%M"))
    if doc.cashier:
        layout.text(f"Ταμίας: {doc.cashier}")
    if doc.invoice_type in CREDIT_TYPES or doc.correlated_uid or doc.correlated_number:
        _correlated(layout, doc, spec)


def _correlated(layout: Layout, doc: ReceiptDocument, spec: Paper) -> None:
    if doc.correlated_number:
        layout.text(f"Συσχετιζόμενο: {doc.correlated_number}", bold=True)
        if doc.correlated_uid:
            layout.mono("UID:", doc.correlated_uid, size=spec.small)
    elif doc.correlated_uid:
        layout.text("Συσχετιζόμενο:", bold=True)
        layout.mono("UID:", doc.correlated_uid, size=spec.small)
    if doc.correlated_mark is not None:
        layout.text(f"ΜΑΡΚ συσχετιζόμενου: {doc.correlated_mark}", size=spec.small)


def _lines(layout: Layout, doc: ReceiptDocument, spec: Paper) -> None:
    layout.columns(_WIDE_HEADER if spec.wide else _ROLL_HEADER, bold=True, size=spec.small)
    for line in doc.lines:
        if spec.wide:
            _wide_line(layout, line)
        else:
            layout.text(line.name)
            layout.columns([(_INDENT, _quantity_price(line), "l"), (0.80, _vat_percent(line), "r"),
                            (1, format_cents(line.gross_cents), "r")])
        if line.discount_cents:
            discount = f"Έκπτωση -{format_cents(line.discount_cents)}"
            layout.pair(discount, "", size=spec.small, indent=_INDENT * layout.width)


_INDENT = 0.04  # of the content width: details under a line or a payment
_ROLL_HEADER = [(0, "Περιγραφή", "l"), (0.80, "ΦΠΑ", "r"), (1, "Αξία", "r")]
_WIDE_HEADER = [(0, "Περιγραφή", "l"), (0.62, "Ποσότητα", "r"), (0.76, "Τιμή", "r"), (0.86, "ΦΠΑ", "r"),
                (1, "Αξία", "r")]


def _wide_line(layout: Layout, line: DocumentLine) -> None:
    qty = _quantity(line)
    name_room = 0.62 * layout.width - layout.size * 7
    names = simpleSplit(line.name, layout.font, layout.size, name_room) or [""]
    for name in names[:-1]:
        layout.columns([(0, name, "l")])
    layout.columns([(0, names[-1], "l"), (0.62, qty, "r"), (0.76, format_cents(line.unit_price_cents), "r"),
                    (0.86, _vat_percent(line), "r"), (1, format_cents(line.gross_cents), "r")])


def _quantity(line: DocumentLine) -> str:
    return quantity_text(line.quantity, line.unit)


def _quantity_price(line: DocumentLine) -> str:
    return f"{_quantity(line)} × {format_cents(line.unit_price_cents)}"


def _vat_percent(line: DocumentLine) -> str:
    return vat_category(line.vat_category).percent_text


def _vat_table(layout: Layout, doc: ReceiptDocument, spec: Paper) -> None:
    cols = (0.0, 0.52, 0.74, 1.0) if not spec.wide else (0.0, 0.62, 0.81, 1.0)
    size = spec.small if not spec.wide else spec.size

    def row(texts: tuple[str, str, str, str], bold: bool = False) -> None:
        layout.columns([(cols[0], texts[0], "l")] + [(c, t, "r") for c, t in zip(cols[1:], texts[1:])],
                       bold=bold, size=size)

    row(("ΦΠΑ%", "Καθαρή αξία", "ΦΠΑ", "Σύνολο"), bold=True)
    for totals in doc.breakdown():
        row((totals.category.percent_text if totals.category.code != 8 else totals.category.label,
             format_cents(totals.net_cents), format_cents(totals.vat_cents), format_cents(totals.gross_cents)))
    row(("Σύνολα", format_cents(doc.net_cents), format_cents(doc.vat_cents), format_cents(doc.total_cents)),
        bold=True)


def _payments(layout: Layout, doc: ReceiptDocument, spec: Paper) -> None:
    layout.text("Πληρωμή", bold=True)
    indent = _INDENT * layout.width
    for payment in doc.payments:
        name = PAYMENT_METHODS.get(payment.method, f"Τρόπος {payment.method}")
        status = PAYMENT_STATUS_NOTES.get(payment.status, "")
        layout.pair(name + status, format_cents(payment.amount_cents, symbol=True))
        if payment.method == PAYMENT_CASH:
            if payment.tendered_cents is not None:
                layout.pair("Δόθηκαν", format_cents(payment.tendered_cents), indent=indent)
            if payment.change_cents is not None:
                layout.pair("Ρέστα", format_cents(payment.change_cents), indent=indent)
        if payment.tip_cents:
            layout.pair("Φιλοδώρημα", format_cents(payment.tip_cents), indent=indent)
        for detail in _card_details(payment):
            layout.pair(detail, "", size=spec.small, indent=indent)


def _card_details(payment: DocumentPayment) -> list[str]:
    card = "  ".join(part for part in (payment.card_type, payment.pan_masked) if part)
    labelled = (("Κάρτα: ", card), ("TID: ", payment.tid), ("Κωδ. έγκρισης: ", payment.auth_code),
                ("RRN: ", payment.rrn), ("Αρ. συναλλαγής: ", payment.transaction_id))
    return [label + value for label, value in labelled if value]


def _footer(layout: Layout, doc: ReceiptDocument, spec: Paper, pending_note: str | None) -> None:
    layout.mono("UID:", doc.uid, size=spec.small)
    if doc.mark is not None:
        layout.text(f"ΜΑΡΚ: {doc.mark}", bold=True)
    if doc.authentication_code:
        layout.mono("Κωδ. αυθεντικοποίησης:", doc.authentication_code, size=spec.small)
    if doc.qr_url:
        layout.gap()
        layout.qr(doc.qr_url, spec.qr)
    if doc.mark is None:
        layout.gap()
        layout.text(pending_note or DEFAULT_PENDING_NOTE, bold=True, align="c")
