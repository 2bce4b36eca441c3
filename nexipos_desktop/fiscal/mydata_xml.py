"""myDATA XML documents (v2.0.1) built as lxml element trees: ``InvoicesDoc`` and ``PaymentMethodsDoc``.

Covers the retail documents the register issues: 11.1 (sale of goods), 11.2 (services) and 11.4 (credit note).
Amounts come from integer cents and are written with exactly 2 fraction digits; the summary totals are the sums
of the lines (``shared/reference/mydata.md``). Element order follows the XSD sequences; where the order is not
the obvious one it is noted (``paymentMethods`` comes *before* ``invoiceDetails``).

A credit note (11.4) names its original through ``invoiceHeader/correlatedInvoices`` (``xs:long``: the
original's MARK, so only a transmitted original can be referenced). When the original's MARK is unknown
(not transmitted yet, e.g. issued offline) the element is left out, which the XSD allows
(``minOccurs=0``); callers that must reference it should transmit the original first and rebuild
(:attr:`MyDataInvoice.awaits_original_mark` tells them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lxml import etree

from nexipos_desktop.receipts.codes import CREDIT_TYPES, PAYMENT_CARD
from nexipos_desktop.receipts.document import DocumentLine, DocumentPayment, ReceiptDocument

INVOICE_NS = "http://www.aade.gr/myDATA/invoice/v1.0"
INCOME_NS = "https://www.aade.gr/myDATA/incomeClassificaton/v1.0"  # sic: "Classificaton" in the official URI
PAYMENT_NS = "https://www.aade.gr/myDATA/paymentMethod/v1.0"

#: Income classification of retail sales to individuals (E3 code 561_003).
INCOME_TYPE = "E3_561_003"
GOODS_CATEGORY = "category1_1"
SERVICES_CATEGORY = "category1_3"
VAT_EXEMPT_CATEGORY = 7  # VAT 0%: needs a vatExemptionCategory
COUNTRY = "GR"
CURRENCY = "EUR"
#: Invoice types this module builds.
SUPPORTED_TYPES = frozenset({"11.1", "11.2", "11.4"})


class MyDataError(ValueError):
    """A document cannot be expressed in myDATA terms (the message is Greek, fit to show)."""


@dataclass(frozen=True)
class MyDataSignature:
    """A provider signature of a card payment: ``ProvidersSignature{SigningAuthor, Signature}``."""

    signing_author: str  # the provider's approval number (≤ 20 characters)
    signature: str  # base64 DER, as the journal keeps it


@dataclass(frozen=True)
class MyDataEcrToken:
    """An ECR-token route card payment: ``ECRToken{SigningAuthor, SessionNumber}``."""

    signing_author: str  # the fiscal device's registration number (≤ 15 characters)
    session_number: int  # the socket session of the AMOUNT command, sent as exactly 6 digits


PaymentProof = MyDataSignature | MyDataEcrToken


@dataclass(frozen=True)
class MyDataPayment:
    """A payment of a receipt with the fiscal proof its card payment carried (if any)."""

    payment: DocumentPayment
    proof: PaymentProof | None = None


@dataclass(frozen=True)
class MyDataInvoice:
    """An issued receipt and its payments as myDATA will receive them."""

    document: ReceiptDocument
    payments: tuple[MyDataPayment, ...]
    #: ``transmissionFailure``: 3 when the receipt was issued while the ERP channel had lost its connection.
    transmission_failure: int | None = None

    @classmethod
    def of(cls, document: ReceiptDocument, proofs: Sequence[PaymentProof | None] = ()) -> MyDataInvoice:
        """Pair ``document.payments`` with ``proofs`` (in the same order; missing ones are ``None``)."""
        if len(proofs) > len(document.payments):
            raise MyDataError("Περισσότερες αποδείξεις πληρωμής (υπογραφές) από πληρωμές")
        padded = tuple(proofs) + (None,) * (len(document.payments) - len(proofs))
        return cls(document, tuple(MyDataPayment(p, proof) for p, proof in zip(document.payments, padded)))

    @property
    def awaits_original_mark(self) -> bool:
        """A credit note whose original is known but not yet transmitted (no MARK to correlate with)."""
        doc = self.document
        return doc.invoice_type in CREDIT_TYPES and doc.correlated_uid is not None and doc.correlated_mark is None


def amount_text(cents: int) -> str:
    """``1234`` → ``"12.34"``: myDATA ``AmountType`` (≥ 0, 2 fraction digits), exact from integer cents."""
    if isinstance(cents, bool) or not isinstance(cents, int):
        raise MyDataError(f"Το ποσό πρέπει να είναι ακέραιος σε λεπτά, όχι {cents!r}")
    if cents < 0:
        raise MyDataError(f"Τα ποσά του myDATA δεν μπορεί να είναι αρνητικά ({cents} λεπτά)")
    return f"{cents // 100}.{cents % 100:02d}"


def quantity_text(quantity: Decimal) -> str:
    """A positive quantity in plain decimal notation (``2``, ``0.75``), never exponent notation."""
    if quantity <= 0:
        raise MyDataError(f"Η ποσότητα πρέπει να είναι θετική, όχι {quantity}")
    return format(quantity.normalize(), "f")


def income_category(document: ReceiptDocument) -> str:
    """``category1_1`` for goods, ``category1_3`` for services (a credit note follows its original's type)."""
    if document.invoice_type == "11.2":
        return SERVICES_CATEGORY
    if document.invoice_type in CREDIT_TYPES and (document.correlated_number or "").startswith("11.2"):
        return SERVICES_CATEGORY
    return GOODS_CATEGORY


def invoices_doc(invoices: Iterable[MyDataInvoice]) -> etree._Element:
    """The ``InvoicesDoc`` to ``SendInvoices``: one ``invoice`` per receipt, in the given order."""
    root = etree.Element(_q("InvoicesDoc"), nsmap={None: INVOICE_NS, "icls": INCOME_NS})
    for invoice in invoices:
        root.append(invoice_element(invoice))
    if not len(root):
        raise MyDataError("Ένα InvoicesDoc χρειάζεται τουλάχιστον ένα παραστατικό")
    return root


def invoice_element(invoice: MyDataInvoice) -> etree._Element:
    """One ``invoice`` (``AadeBookInvoiceType``): issuer, header, payments, rows, summary, in XSD order."""
    doc = invoice.document
    if doc.invoice_type not in SUPPORTED_TYPES:
        raise MyDataError(f"Μη υποστηριζόμενος τύπος παραστατικού myDATA: {doc.invoice_type}")
    if not doc.lines:
        raise MyDataError("Παραστατικό χωρίς γραμμές")
    element = etree.Element(_q("invoice"))
    if invoice.transmission_failure is not None:
        if invoice.transmission_failure not in (1, 2, 3):
            raise MyDataError(f"Μη έγκυρη τιμή transmissionFailure: {invoice.transmission_failure}")
        _sub(element, "transmissionFailure", str(invoice.transmission_failure))
    element.append(_issuer(doc))
    element.append(_header(doc))
    payments = [p for p in invoice.payments if p.payment.status == "settled"]
    if payments:
        methods = _sub(element, "paymentMethods")
        for payment in payments:
            methods.append(payment_detail(payment, _q("paymentMethodDetails")))
    category = income_category(doc)
    for line in doc.lines:
        element.append(_row(line, category))
    element.append(_summary(doc, category))
    return element


def payment_detail(payment: MyDataPayment, tag: str) -> etree._Element:
    """A ``PaymentMethodDetailType`` element named ``tag``: type, amount, tip, transaction, TID and proof.

    Its children are in the invoice namespace even when the element itself is not (``PaymentMethodsDoc``).
    """
    p = payment.payment
    element = etree.Element(tag)
    _sub(element, "type", str(p.method))
    _sub(element, "amount", amount_text(p.amount_cents))
    if p.method != PAYMENT_CARD:
        return element
    if p.tip_cents:
        _sub(element, "tipAmount", amount_text(p.tip_cents))
    if p.transaction_id:
        _sub(element, "transactionId", p.transaction_id)
    if p.tid:
        _sub(element, "tid", p.tid)
    if payment.proof is not None:
        if not p.tid:
            raise MyDataError("Η πληρωμή με κάρτα χρειάζεται TID για να σταλεί με υπογραφή ή ECR token")
        element.append(_proof(payment.proof))
    return element


def payment_methods_doc(mark: int, payments: Iterable[MyDataPayment], *, entity_vat: str | None = None
                        ) -> etree._Element:
    """The ``PaymentMethodsDoc`` to ``SendPaymentsMethod``: payments attached to the receipt with MARK ``mark``.

    The route of deferred (preloaded) card payments, which settle after their receipt was transmitted.
    """
    root = etree.Element(_pq("PaymentMethodsDoc"), nsmap={None: PAYMENT_NS, "inv": INVOICE_NS})
    methods = etree.SubElement(root, _pq("paymentMethods"))
    etree.SubElement(methods, _pq("invoiceMark")).text = str(int(mark))
    if entity_vat:
        etree.SubElement(methods, _pq("entityVatNumber")).text = entity_vat
    details = [payment_detail(p, _pq("paymentMethodDetails")) for p in payments]
    if not details:
        raise MyDataError("Ένα PaymentMethodsDoc χρειάζεται τουλάχιστον μία πληρωμή")
    methods.extend(details)
    return root


def to_bytes(element: etree._Element, *, pretty: bool = True) -> bytes:
    """The document as UTF-8 bytes with an XML declaration."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", pretty_print=pretty)


def _issuer(doc: ReceiptDocument) -> etree._Element:
    # Only VAT number, country and branch: myDATA rejects name and address for a Greek issuer.
    if not doc.issuer.vat_number:
        raise MyDataError("Λείπει ο ΑΦΜ του εκδότη")
    issuer = etree.Element(_q("issuer"))
    _sub(issuer, "vatNumber", doc.issuer.vat_number)
    _sub(issuer, "country", COUNTRY)
    _sub(issuer, "branch", str(doc.issuer.branch))
    return issuer


def _header(doc: ReceiptDocument) -> etree._Element:
    header = etree.Element(_q("invoiceHeader"))
    _sub(header, "series", doc.series)
    _sub(header, "aa", str(doc.number))
    _sub(header, "issueDate", doc.issued_at.date().isoformat())
    _sub(header, "invoiceType", doc.invoice_type)
    _sub(header, "currency", CURRENCY)
    if doc.invoice_type in CREDIT_TYPES and doc.correlated_mark is not None:
        _sub(header, "correlatedInvoices", str(doc.correlated_mark))
    return header


def _row(line: DocumentLine, category: str) -> etree._Element:
    row = etree.Element(_q("invoiceDetails"))
    _sub(row, "lineNumber", str(line.line_number))
    _sub(row, "quantity", quantity_text(line.quantity))
    _sub(row, "measurementUnit", str(line.unit))
    _sub(row, "netValue", amount_text(line.net_cents))  # after the line's discount
    _sub(row, "vatCategory", str(line.vat_category))
    _sub(row, "vatAmount", amount_text(line.vat_cents))
    if line.vat_category == VAT_EXEMPT_CATEGORY:
        if line.vat_exemption is None:
            raise MyDataError(f"Η γραμμή {line.line_number} (ΦΠΑ 0%) χρειάζεται κατηγορία εξαίρεσης ΦΠΑ")
        _sub(row, "vatExemptionCategory", str(line.vat_exemption))
    row.append(_classification(category, line.net_cents))
    return row


def _summary(doc: ReceiptDocument, category: str) -> etree._Element:
    summary = etree.Element(_q("invoiceSummary"))
    net, vat = sum(line.net_cents for line in doc.lines), sum(line.vat_cents for line in doc.lines)
    _sub(summary, "totalNetValue", amount_text(net))
    _sub(summary, "totalVatAmount", amount_text(vat))
    for name in ("totalWithheldAmount", "totalFeesAmount", "totalStampDutyAmount", "totalOtherTaxesAmount",
                 "totalDeductionsAmount"):  # all required by the XSD; a retail receipt has none
        _sub(summary, name, amount_text(0))
    _sub(summary, "totalGrossValue", amount_text(net + vat))
    summary.append(_classification(category, net))  # one category per document: its total is the net total
    return summary


def _classification(category: str, net_cents: int) -> etree._Element:
    element = etree.Element(_q("incomeClassification"))
    etree.SubElement(element, _iq("classificationType")).text = INCOME_TYPE
    etree.SubElement(element, _iq("classificationCategory")).text = category
    etree.SubElement(element, _iq("amount")).text = amount_text(net_cents)
    return element


def _proof(proof: PaymentProof) -> etree._Element:
    if isinstance(proof, MyDataSignature):
        element = etree.Element(_q("ProvidersSignature"))
        _sub(element, "SigningAuthor", proof.signing_author)
        _sub(element, "Signature", proof.signature)
        return element
    element = etree.Element(_q("ECRToken"))
    _sub(element, "SigningAuthor", proof.signing_author)
    _sub(element, "SessionNumber", f"{int(proof.session_number):06d}")
    return element


def _sub(parent: etree._Element, name: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, _q(name))
    if text is not None:
        child.text = text
    return child


def _q(name: str) -> str:
    return f"{{{INVOICE_NS}}}{name}"


def _iq(name: str) -> str:
    return f"{{{INCOME_NS}}}{name}"


def _pq(name: str) -> str:
    return f"{{{PAYMENT_NS}}}{name}"
