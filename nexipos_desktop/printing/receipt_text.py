"""A receipt as fixed-width text: for the terminal (`nexipos sale`), previews and logs."""

from __future__ import annotations

from nexipos_desktop.money import format_cents, vat_category
from nexipos_desktop.receipts.codes import PAYMENT_CARD, PAYMENT_METHODS, quantity_text
from nexipos_desktop.receipts.document import ReceiptDocument

WIDTH = 42


def _pair(left: str, right: str, width: int = WIDTH) -> str:
    room = width - len(right) - 1
    return f"{left[:room]:<{room}} {right}"


def render_receipt_text(doc: ReceiptDocument, *, copy: bool = False, width: int = WIDTH) -> str:
    """The receipt as lines of at most ``width`` characters."""
    out: list[str] = []
    if copy:
        out.append("ΑΝΤΙΓΡΑΦΟ".center(width))
    issuer = doc.issuer
    out += [issuer.name.center(width), issuer.address.center(width),
            f"ΑΦΜ: {issuer.vat_number}  ΔΟΥ: {issuer.tax_office}".center(width)]
    out += ["-" * width, doc.type_name.center(width),
            _pair(f"Σειρά: {doc.series}  Αρ.: {doc.number}", doc.issued_at.strftime("%d/%m/%Y %H:%M"), width)]
    if doc.correlated_number:
        out.append(f"Συσχετιζόμενο: {doc.correlated_number}")
    out.append("-" * width)
    for line in doc.lines:
        rate = vat_category(line.vat_category).percent_text
        out.append(line.name[:width])
        detail = f"  {quantity_text(line.quantity, line.unit)} x {format_cents(line.unit_price_cents)}"
        out.append(_pair(detail, f"{format_cents(line.gross_cents)} {rate:>4}", width))
        if line.discount_cents:
            out.append(_pair("  Έκπτωση", f"-{format_cents(line.discount_cents)}", width))
    out += ["-" * width, _pair("ΣΥΝΟΛΟ", f"{format_cents(doc.total_cents)} €", width), ""]
    out.append(_pair("ΦΠΑ       Καθαρή      ΦΠΑ", "Σύνολο", width))
    for row in doc.breakdown():
        out.append(_pair(f"{row.category.percent_text:<5} {format_cents(row.net_cents):>10} {format_cents(row.vat_cents):>9}",
                         format_cents(row.gross_cents), width))
    out.append("-" * width)
    for p in doc.payments:
        out.append(_pair(PAYMENT_METHODS.get(p.method, str(p.method)), format_cents(p.amount_cents), width))
        if p.tendered_cents is not None:
            out.append(_pair("  Δόθηκαν", format_cents(p.tendered_cents), width))
            out.append(_pair("  Ρέστα", format_cents(p.change_cents or 0), width))
        if p.method == PAYMENT_CARD:
            out += [f"  {p.card_type or ''} {p.pan_masked or ''}".rstrip(), f"  TID: {p.tid or ''}  Κωδ. έγκρισης: {p.auth_code or ''}",
                    f"  RRN: {p.rrn or ''}"]
    out += ["-" * width, "UID:", doc.uid]
    out.append(f"ΜΑΡΚ: {doc.mark}" if doc.mark else "Εκκρεμεί διαβίβαση στην ΑΑΔΕ (myDATA)")
    if copy:
        out.append("ΑΝΤΙΓΡΑΦΟ".center(width))
    return "\n".join(out) + "\n"
