"""Catalogue import from CSV: all rows or nothing, errors reported by line number, re-import updates by code."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, delete, select

from nexipos_desktop.money import AmountError, parse_amount, vat_category
from nexipos_desktop.receipts.barcodes import barcode_problem
from nexipos_desktop.receipts.codes import UNITS
from nexipos_desktop.storage.models import Product, ProductBarcode

REQUIRED_COLUMNS = ("code", "barcode", "name", "price", "vat_category", "unit")
BARCODE_SEPARATORS = "|;"


@dataclass(frozen=True)
class ProductRecord:
    """One validated CSV row."""

    line: int
    code: str
    barcodes: tuple[str, ...]
    name: str
    price_cents: int
    vat_category: int
    unit: int
    vat_exemption: int | None = None


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0


@dataclass
class ImportFailed(Exception):
    """The file had errors; nothing was imported. ``errors`` are (line number, Greek message)."""

    errors: list[tuple[int, str]] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(f"γραμμή {line}: {message}" for line, message in self.errors)


def read_products_csv(path: Path) -> list[ProductRecord]:
    """Read and validate a catalogue CSV; raises ImportFailed listing every bad line."""
    try:
        content = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed([(0, f"το αρχείο δεν είναι UTF-8 ({exc.reason} στη θέση {exc.start})")]) from None
    except OSError as exc:
        raise ImportFailed([(0, f"δεν διαβάζεται το αρχείο: {exc.strerror}")]) from None
    reader = csv.DictReader(io.StringIO(content, newline=""))
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed([(1, f"λείπουν οι στήλες: {', '.join(missing)}")])
    records, errors = [], []
    seen_codes: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        try:
            record = _parse_row(line, row)
        except ValueError as exc:
            errors.append((line, str(exc)))
            continue
        if record.code in seen_codes:
            errors.append((line, f"ο κωδικός «{record.code}» υπάρχει ήδη στη γραμμή {seen_codes[record.code]}"))
        for barcode in record.barcodes:
            if barcode in seen_barcodes:
                errors.append((line, f"ο γραμμωτός κώδικας «{barcode}» υπάρχει ήδη στη γραμμή {seen_barcodes[barcode]}"))
            seen_barcodes.setdefault(barcode, line)
        seen_codes.setdefault(record.code, line)
        records.append(record)
    if errors:
        raise ImportFailed(errors)
    if not records:
        raise ImportFailed([(1, "το αρχείο δεν έχει προϊόντα")])
    return records


def _parse_row(line: int, row: dict[str, str | None]) -> ProductRecord:
    if None in row:
        raise ValueError("περισσότερες στήλες από την κεφαλίδα")
    value = {k: (v or "").strip() for k, v in row.items()}
    if not value["code"]:
        raise ValueError("λείπει ο κωδικός")
    if len(value["code"]) > 50:
        raise ValueError("ο κωδικός είναι μεγαλύτερος από 50 χαρακτήρες")
    if not value["name"]:
        raise ValueError("λείπει η περιγραφή")
    if len(value["name"]) > 200:
        raise ValueError("η περιγραφή είναι μεγαλύτερη από 200 χαρακτήρες")
    try:
        price = parse_amount(value["price"])
        category = vat_category(value["vat_category"])
    except AmountError as exc:
        raise ValueError(str(exc)) from None
    unit = value["unit"]
    if not unit.isdigit() or int(unit) not in UNITS:
        raise ValueError(f"άγνωστη μονάδα μέτρησης myDATA «{unit}» (επιτρέπονται 1–7)")
    exemption_text = value.get("vat_exemption", "")
    exemption = int(exemption_text) if exemption_text.isdigit() else None
    if exemption_text and exemption is None:
        raise ValueError(f"μη έγκυρη κατηγορία εξαίρεσης ΦΠΑ «{exemption_text}»")
    if category.needs_exemption and exemption is None:
        raise ValueError("η κατηγορία ΦΠΑ 7 (0%) χρειάζεται κατηγορία εξαίρεσης (στήλη vat_exemption)")
    barcodes = tuple(b for b in _split_barcodes(value["barcode"]) if b)
    for barcode in barcodes:
        problem = barcode_problem(barcode)
        if problem:
            raise ValueError(problem)
    return ProductRecord(line, value["code"], barcodes, value["name"], price, category.code, int(unit), exemption)


def _split_barcodes(text: str) -> list[str]:
    for separator in BARCODE_SEPARATORS:
        text = text.replace(separator, " ")
    return text.split()


def import_products(session: Session, records: list[ProductRecord]) -> ImportReport:
    """Insert or update (by code) every record in the caller's transaction; barcodes are replaced."""
    report = ImportReport()
    existing = {p.code: p for p in session.exec(select(Product))}
    owners = {b.barcode: b.product_id for b in session.exec(select(ProductBarcode))}
    errors: list[tuple[int, str]] = []
    products: list[tuple[ProductRecord, Product]] = []
    for record in records:
        product = existing.get(record.code)
        if product is None:
            product = Product(code=record.code, name=record.name, price_cents=record.price_cents,
                              vat_category=record.vat_category, unit=record.unit, vat_exemption=record.vat_exemption)
            report.added += 1
        else:
            product.name, product.price_cents = record.name, record.price_cents
            product.vat_category, product.unit = record.vat_category, record.unit
            product.vat_exemption, product.active = record.vat_exemption, True
            report.updated += 1
        session.add(product)
        products.append((record, product))
    session.flush()
    imported = {product.id for _, product in products}
    for record, product in products:
        for barcode in record.barcodes:
            owner = owners.get(barcode)
            if owner is not None and owner not in imported:
                errors.append((record.line, f"ο γραμμωτός κώδικας «{barcode}» ανήκει σε άλλο προϊόν"))
    if errors:
        raise ImportFailed(errors)
    for record, product in products:
        session.execute(delete(ProductBarcode).where(ProductBarcode.product_id == product.id))
    session.flush()
    for record, product in products:
        session.add_all(ProductBarcode(barcode=b, product_id=product.id) for b in record.barcodes)
    return report
