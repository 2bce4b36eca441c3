"""A realistic demo receipt for ``nexipos selftest``, previews and benchmarks."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from nexipos_desktop.clock import ATHENS
from nexipos_desktop.money import line_amounts, vat_category
from nexipos_desktop.receipts.codes import PAYMENT_CASH
from nexipos_desktop.receipts.document import DocumentLine, DocumentPayment, Issuer, ReceiptDocument
from nexipos_desktop.receipts.uid import mydata_uid

SAMPLE_ISSUER = Issuer(
    name="Μίνι Μάρκετ Η Γωνιά",
    vat_number="094014201",
    tax_office="Α' Αθηνών",
    address="Πατησίων 112, 112 57 Αθήνα",
    phone="210 8231456",
    activity="Λιανικό εμπόριο τροφίμων και ειδών παντοπωλείου",
)

#: (code, name, quantity, unit, unit price in cents, discount in cents, myDATA VAT category)
SAMPLE_ITEMS: tuple[tuple[str, str, str, int, int, int, int], ...] = (
    ("5201004021047", "Γάλα φρέσκο πλήρες 1 λίτρο", "2", 1, 169, 0, 2),
    ("2000123", "Τυρί φέτα ΠΟΠ χύμα", "0.750", 2, 1190, 0, 2),
    ("2000456", "Ντομάτες εγχώριες", "1.240", 2, 229, 0, 2),
    ("5201263086612", "Ψωμί χωριάτικο ολικής άλεσης 500 g", "1", 1, 185, 0, 2),
    ("5201360536317", "Σοκολάτα γάλακτος με αμύγδαλα 100 g", "3", 1, 145, 45, 1),
    ("5201054025439", "Απορρυπαντικό πιάτων λεμόνι 750 ml", "1", 1, 289, 0, 1),
    ("9771105740005", "Εφημερίδα «Η Καθημερινή»", "1", 1, 250, 0, 3),
    ("9789600365421", "Βιβλίο «Ελληνική κουζίνα»", "1", 1, 1490, 100, 3),
)

SAMPLE_MARK = 400001928374651
SAMPLE_ISSUED_AT = datetime(2025, 3, 14, 18, 42, tzinfo=ATHENS)
_BANKNOTES = (500, 1000, 2000, 5000, 10000, 20000, 50000)


def sample_document(*, line_count: int | None = None, transmitted: bool = True) -> ReceiptDocument:
    """A retail receipt (ΑΛΠ Α-1284) of the demo mini market, paid in cash with change.

    ``line_count`` repeats the demo items cyclically to reach that many lines (benchmarks);
    ``transmitted=False`` leaves out MARK and QR code, as before myDATA answered.
    """
    count = len(SAMPLE_ITEMS) if line_count is None else line_count
    lines = tuple(_line(i + 1, SAMPLE_ITEMS[i % len(SAMPLE_ITEMS)]) for i in range(count))
    total = sum(line.gross_cents for line in lines)
    tendered = next((note for note in _BANKNOTES if note >= total), total)
    series, number = "Α", 1284
    uid = mydata_uid(SAMPLE_ISSUER.vat_number, SAMPLE_ISSUED_AT.date(), SAMPLE_ISSUER.branch, "11.1", series, number)
    return ReceiptDocument(
        issuer=SAMPLE_ISSUER,
        invoice_type="11.1",
        series=series,
        number=number,
        issued_at=SAMPLE_ISSUED_AT,
        lines=lines,
        payments=(DocumentPayment(PAYMENT_CASH, total, tendered_cents=tendered, change_cents=tendered - total),),
        uid=uid,
        mark=SAMPLE_MARK if transmitted else None,
        qr_url=f"https://mydatapi.aade.gr/myDATA/TimologioQR/QRInfo?q={uid.lower()}" if transmitted else None,
        cashier="Μαρία Π.",
    )


def _line(number: int, item: tuple[str, str, str, int, int, int, int]) -> DocumentLine:
    code, name, quantity_text, unit, price, discount, category = item
    quantity = Decimal(quantity_text)
    amounts = line_amounts(quantity, price, vat_category(category), discount)
    return DocumentLine(
        line_number=number,
        code=code,
        name=name,
        quantity=quantity,
        unit=unit,
        unit_price_cents=price,
        discount_cents=discount,
        vat_category=category,
        net_cents=amounts.net_cents,
        vat_cents=amounts.vat_cents,
    )
