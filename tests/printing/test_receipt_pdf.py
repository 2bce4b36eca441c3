"""The receipt PDF as a customer (and a PDF reader) sees it: Greek text, sizes, QR code, copies."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
from collections import defaultdict

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.pdfbase.pdfmetrics import stringWidth

from nexipos_desktop.printing import DEFAULT_PENDING_NOTE, register_fonts, render_receipt_pdf, sample_document
from nexipos_desktop.receipts.document import DocumentPayment, ReceiptDocument
from nexipos_desktop.resources import resources_dir

MM = 72 / 25.4
CARD = DocumentPayment(
    7, 4019, status="pending", tid="12345678", pan_masked="4761 73** **** 0119", card_type="VISA",
    rrn="503112345678", auth_code="A1B2C3", transaction_id="7f3c9e2a-51d4-4a8e-9b1f-2c6d8e0a4b71",
)


def pdf(doc: ReceiptDocument, **kwargs) -> PdfReader:
    return PdfReader(io.BytesIO(render_receipt_pdf(doc, **kwargs)))


def text_of(doc: ReceiptDocument, **kwargs) -> str:
    return "\n".join(page.extract_text() for page in pdf(doc, **kwargs).pages)


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def sample() -> ReceiptDocument:
    return sample_document()


@pytest.fixture(scope="module")
def sample_text(sample: ReceiptDocument) -> str:
    return text_of(sample)


def test_sample_is_a_valid_cash_receipt(sample: ReceiptDocument):
    assert sample.issuer.vat_number == "094014201"
    assert {line.vat_category for line in sample.lines} >= {1, 2, 3}
    assert sum(p.amount_cents for p in sample.payments) == sample.total_cents == 4019
    (cash,) = sample.payments
    assert cash.tendered_cents - cash.change_cents == cash.amount_cents


@pytest.mark.parametrize("paper", ["80mm", "a4"])
def test_greek_content_is_extractable(sample: ReceiptDocument, paper: str):
    text = text_of(sample, paper=paper)
    for expected in (
        "Μίνι Μάρκετ Η Γωνιά", "ΑΦΜ: 094014201", "ΔΟΥ: Α' Αθηνών", "Πατησίων 112", "Τηλ.: 210 8231456",
        "ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ", "Σειρά: Α", "Αριθμός: 1284", "14/03/2025 18:42", "Ταμίας: Μαρία Π.",
        "Γάλα φρέσκο πλήρες 1 λίτρο", "Τυρί φέτα ΠΟΠ χύμα", "0,750 κιλά", "11,90", "8,93",
        "Έκπτωση -0,45", "ΣΥΝΟΛΟ", "40,19 €", "Μετρητά", "Δόθηκαν", "50,00", "Ρέστα", "9,81",
        "ΜΑΡΚ: 400001928374651", "Ευχαριστούμε για την προτίμηση!",
    ):
        assert expected in text, expected
    assert "Υποκατάστημα" not in text
    assert "ΑΝΤΙΓΡΑΦΟ" not in text
    assert DEFAULT_PENDING_NOTE not in text


def test_lines_show_quantity_price_vat_and_value(sample_text: str):
    lines = sample_text.splitlines()
    i = lines.index("Τυρί φέτα ΠΟΠ χύμα")
    assert [s.strip() for s in lines[i + 1 : i + 4]] == ["0,750 κιλά × 11,90", "13%", "8,93"]
    i = lines.index("Γάλα φρέσκο πλήρες 1 λίτρο")
    assert [s.strip() for s in lines[i + 1 : i + 4]] == ["2 τεμ. × 1,69", "13%", "3,38"]


def test_vat_table_per_category_and_totals(sample: ReceiptDocument, sample_text: str):
    lines = [s.strip() for s in sample_text.splitlines()]
    start = lines.index("ΦΠΑ%")
    assert lines[start : start + 4] == ["ΦΠΑ%", "Καθαρή αξία", "ΦΠΑ", "Σύνολο"]
    rows = [lines[start + 4 + 4 * k : start + 8 + 4 * k] for k in range(4)]
    assert rows == [
        ["24%", "5,48", "1,31", "6,79"],
        ["13%", "15,04", "1,96", "17,00"],
        ["6%", "15,47", "0,93", "16,40"],
        ["Σύνολα", "35,99", "4,20", "40,19"],
    ]
    assert (sample.net_cents, sample.vat_cents, sample.total_cents) == (3599, 420, 4019)


def test_uid_is_printed_in_full(sample: ReceiptDocument, sample_text: str):
    assert f"UID:{sample.uid}" in squeezed(sample_text)


def test_long_codes_wrap_inside_the_roll():
    code = "0A1B2C3D4E5F60718293A4B5C6D7E8F9" * 2
    doc = dataclasses.replace(sample_document(), authentication_code=code)
    text = text_of(doc)
    assert f"Κωδ.αυθεντικοποίησης:{code}" in squeezed(text)
    assert code not in text  # it did not fit on one line
    assert_text_fits_and_does_not_overlap(render_receipt_pdf(doc))


def test_copy_mark_only_on_copies(sample: ReceiptDocument, sample_text: str):
    assert "ΑΝΤΙΓΡΑΦΟ" not in sample_text
    copy_text = text_of(sample, copy=True)
    assert copy_text.count("ΑΝΤΙΓΡΑΦΟ") == 2
    lines = [s for s in copy_text.splitlines() if s.strip()]
    assert "ΑΝΤΙΓΡΑΦΟ" in lines[0] and "ΑΝΤΙΓΡΑΦΟ" in lines[-2]


def test_pending_note_until_there_is_a_mark():
    pending = sample_document(transmitted=False)
    text = text_of(pending)
    assert DEFAULT_PENDING_NOTE in text
    assert "ΜΑΡΚ" not in text
    custom = text_of(pending, pending_note="Εκτός σύνδεσης: θα διαβιβαστεί αργότερα")
    assert "Εκτός σύνδεσης: θα διαβιβαστεί αργότερα" in custom
    assert DEFAULT_PENDING_NOTE not in custom
    transmitted = text_of(sample_document(), pending_note="Εκτός σύνδεσης")
    assert "Εκτός σύνδεσης" not in transmitted
    assert "ΜΑΡΚ: 400001928374651" in transmitted


def test_card_payment_details(sample: ReceiptDocument):
    cash = DocumentPayment(3, 1000, tendered_cents=1000, change_cents=0)
    card = dataclasses.replace(CARD, amount_cents=sample.total_cents - 1000)
    text = text_of(dataclasses.replace(sample, payments=(cash, card)))
    for expected in ("Κάρτα (POS) (εκκρεμεί)", "30,19 €", "VISA", "4761 73** **** 0119", "TID: 12345678",
                     "Κωδ. έγκρισης: A1B2C3", "RRN: 503112345678",
                     "7f3c9e2a-51d4-4a8e-9b1f-2c6d8e0a4b71"):
        assert expected in text, expected
    settled = text_of(dataclasses.replace(sample, payments=(cash, dataclasses.replace(card, status="settled"))))
    assert "εκκρεμεί" not in settled and "Κάρτα (POS)" in settled


def test_credit_note_names_the_original_and_branch(sample: ReceiptDocument):
    original_uid = "51D64223A48783BFCF64CA199B95F13387971303"
    credit = dataclasses.replace(
        sample, invoice_type="11.4", issuer=dataclasses.replace(sample.issuer, branch=2),
        correlated_number="ΑΛΠ Α-1200", correlated_uid=original_uid,
    )
    text = text_of(credit)
    assert "ΠΙΣΤΩΤΙΚΟ ΣΤΟΙΧΕΙΟ ΛΙΑΝΙΚΗΣ" in text
    assert "Συσχετιζόμενο: ΑΛΠ Α-1200" in text
    assert original_uid in squeezed(text)
    assert "Υποκατάστημα: 2" in text
    assert "Συσχετιζόμενο" not in text_of(sample)


def test_roll_is_80mm_wide_and_grows_with_the_lines():
    short, long = (pdf(sample_document(line_count=n)).pages for n in (5, 20))
    assert len(short) == len(long) == 1
    assert float(short[0].mediabox.width) == pytest.approx(80 * MM, abs=0.01) == pytest.approx(226.77, abs=0.01)
    assert float(long[0].mediabox.height) > float(short[0].mediabox.height) + 15 * 2 * 8


def test_a4_pages(sample: ReceiptDocument):
    pages = pdf(sample, paper="a4").pages
    assert len(pages) == 1
    size = (float(pages[0].mediabox.width), float(pages[0].mediabox.height))
    assert size == pytest.approx((595.28, 841.89), abs=0.01)
    many = pdf(sample_document(line_count=90), paper="a4").pages
    assert len(many) > 1
    assert "Ευχαριστούμε" in many[-1].extract_text() and "Μίνι Μάρκετ" in many[0].extract_text()


def test_unknown_paper_is_refused(sample: ReceiptDocument):
    with pytest.raises(ValueError, match="χαρτιού"):
        render_receipt_pdf(sample, paper="58mm")


def test_output_is_deterministic_with_a_title(sample: ReceiptDocument):
    first = render_receipt_pdf(sample)
    assert render_receipt_pdf(sample_document()) == first
    assert render_receipt_pdf(sample, paper="a4") == render_receipt_pdf(sample, paper="a4")
    assert render_receipt_pdf(sample, copy=True) != first
    assert PdfReader(io.BytesIO(first)).metadata.title == "ΑΛΠ Α-1284"


def test_greek_is_drawn_with_the_embedded_dejavu_fonts(sample: ReceiptDocument):
    page = pdf(sample).pages[0]
    used = set()
    page.extract_text(visitor_text=lambda text, cm, tm, font, size: text.strip() and used.add(font["/BaseFont"]))
    expected = {"DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansMono"}
    assert {name.split("+")[-1] for name in used} == expected
    for ref in page["/Resources"]["/Font"].values():
        font = ref.get_object()
        if "DejaVu" in font["/BaseFont"]:
            assert "/ToUnicode" in font  # what lets a reader (and pypdf) get the Greek back


def qr_modules(data: bytes) -> set[tuple[int, int]]:
    """The dark QR modules drawn on the page: the rectangles of the page, in module units."""
    page = PdfReader(io.BytesIO(data)).pages[0]
    content = ContentStream(page.get_contents(), page.pdf)
    dark = set()
    for operands, operator in content.operations:
        if operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            assert h == 1 and w == int(w)
            dark.update((int(y), int(x) + k) for k in range(int(w)))
    return dark


def test_qr_code_encodes_the_url(sample: ReceiptDocument):
    assert sample.qr_url
    qr = QrCodeWidget(sample.qr_url, barLevel="M").qr
    qr.make()
    expected = {(r, c) for r, row in enumerate(qr.modules) for c, on in enumerate(row) if on}
    assert qr_modules(render_receipt_pdf(sample)) == expected
    assert qr_modules(render_receipt_pdf(dataclasses.replace(sample, qr_url=None))) == set()
    other = dataclasses.replace(sample, qr_url=sample.qr_url + "0")
    assert qr_modules(render_receipt_pdf(other)) != expected


def assert_text_fits_and_does_not_overlap(data: bytes, margin: float = 4 * MM) -> None:
    page = PdfReader(io.BytesIO(data)).pages[0]
    width = float(page.mediabox.width)
    rows: dict[float, list[tuple[float, float, str]]] = defaultdict(list)

    def visit(text, cm, tm, font, size):
        text = text.rstrip("\n")
        if not text.strip():
            return
        x, y = tm[4] + cm[4], tm[5] + cm[5]
        right = x + stringWidth(text, font["/BaseFont"].split("+")[-1], size)
        assert margin - 0.01 <= x and right <= width - margin + 0.01, text
        assert margin * 0.5 < y < float(page.mediabox.height) - margin, text
        rows[round(y, 1)].append((x, right, text))

    page.extract_text(visitor_text=visit)
    for cells in rows.values():
        cells.sort()
        for (_, right, text), (x, _, following) in zip(cells, cells[1:]):
            assert right + 2 <= x, f"«{text}» runs into «{following}»"


def test_layout_stays_within_the_printable_width():
    register_fonts()
    long_name = "Ελαιόλαδο εξαιρετικό παρθένο Κρήτης ΠΟΠ Σητεία σε μεταλλικό δοχείο 5 λίτρων"
    doc = sample_document(line_count=12)
    lines = (dataclasses.replace(doc.lines[0], name=long_name),) + doc.lines[1:]
    cash = DocumentPayment(3, 1000, tendered_cents=1000, change_cents=0)
    card = dataclasses.replace(CARD, amount_cents=doc.total_cents - 1000)
    doc = dataclasses.replace(doc, lines=lines, payments=(cash, card))
    assert_text_fits_and_does_not_overlap(render_receipt_pdf(doc, copy=True))
    assert_text_fits_and_does_not_overlap(render_receipt_pdf(doc, paper="a4"), margin=20 * MM)


def test_fonts_register_once_from_the_resources_dir(monkeypatch: pytest.MonkeyPatch, tmp_path):
    register_fonts()
    register_fonts()
    assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    monkeypatch.setenv("NEXIPOS_RESOURCES", str(tmp_path))
    assert resources_dir() == tmp_path


def test_printing_does_not_import_qt():
    code = (
        "import sys, nexipos_desktop.printing, nexipos_desktop.resources\n"
        "sys.exit(any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
