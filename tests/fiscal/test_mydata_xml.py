"""myDATA InvoicesDoc / PaymentMethodsDoc: every generated document validates against the official XSDs."""

from __future__ import annotations

import argparse
import asyncio
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from nexipos_desktop.fiscal.ecr_token import HmacTestTokenSource
from nexipos_desktop.fiscal.mydata_source import load_mydata_invoice
from nexipos_desktop.fiscal.mydata_xml import (
    INCOME_NS, INVOICE_NS, PAYMENT_NS, MyDataEcrToken, MyDataError, MyDataInvoice, MyDataPayment, MyDataSignature,
    amount_text, invoices_doc, payment_methods_doc, to_bytes,
)
from nexipos_desktop.fiscal.provider_signature import ProviderSigner
from nexipos_desktop.fiscal.xsd import SchemaNotFound, schema_dir, validate
from nexipos_desktop.money.vat import line_amounts, vat_category
from nexipos_desktop.payments.contract import Approved, Operation
from nexipos_desktop.payments.fiscal_route import EcrTokenRoute, ProviderRoute
from nexipos_desktop.payments.service import PaymentService
from nexipos_desktop.receipts.cart import CartLine
from nexipos_desktop.receipts.document import DocumentLine, DocumentPayment, Issuer, ReceiptDocument
from nexipos_desktop.storage.receipt_store import issue_cash_sale
from nexipos_desktop.storage.settings import set_setting

NS = {"i": INVOICE_NS, "c": INCOME_NS, "p": PAYMENT_NS}
ATHENS = ZoneInfo("Europe/Athens")
ISSUER = Issuer("Παντοπωλείο", "123456789", "Α' Αθηνών", "Σταδίου 1, Αθήνα")


def line(number: int, price_cents: int, category: int, quantity: Decimal = Decimal(1), *, unit: int = 1,
         discount_cents: int = 0, exemption: int | None = None) -> DocumentLine:
    """A receipt line with its net/VAT split computed as the till does."""
    amounts = line_amounts(quantity, price_cents, vat_category(category), discount_cents)
    return DocumentLine(number, f"P{number:04d}", f"Είδος {number}", quantity, unit, price_cents, discount_cents,
                        category, amounts.net_cents, amounts.vat_cents, vat_exemption=exemption)


MILK = line(1, 189, 2, Decimal(2))  # 13%: 3.78 = 3.35 + 0.43
BEER = line(2, 260, 1)  # 24%: 2.60 = 2.10 + 0.50
BREAD = line(3, 100, 3)  # 6%: 1.00 = 0.94 + 0.06


def document(lines: tuple[DocumentLine, ...] = (MILK, BEER, BREAD), payments: tuple[DocumentPayment, ...] = (),
             **fields) -> ReceiptDocument:
    total = sum(line.gross_cents for line in lines)
    values = dict(issuer=ISSUER, invoice_type="11.1", series="Α", number=7,
                  issued_at=datetime(2026, 11, 27, 12, 30, tzinfo=ATHENS), lines=lines,
                  payments=payments or (DocumentPayment(3, total, tendered_cents=total, change_cents=0),),
                  uid="0" * 40)
    values.update(fields)
    return ReceiptDocument(**values)


@pytest.fixture(scope="module")
def schemas() -> None:
    try:
        schema_dir()
    except SchemaNotFound as exc:
        pytest.skip(f"the official myDATA XSDs (../shared/xsd/mydata-v2.0.1) are not beside the project: {exc}")


def valid_doc(invoices: list[MyDataInvoice]) -> etree._Element:
    """Build, serialise, re-parse and validate: what is sent is what was checked."""
    root = etree.fromstring(to_bytes(invoices_doc(invoices)))
    assert validate(root) == []
    return root


def texts(root: etree._Element, path: str) -> list[str]:
    return [e.text for e in root.xpath(path, namespaces=NS)]


def cents(text: str) -> int:
    return int(Decimal(text) * 100)


def assert_totals_are_line_sums(root: etree._Element) -> None:
    for invoice in root.xpath("i:invoice", namespaces=NS):
        net = sum(cents(t) for t in texts(invoice, "i:invoiceDetails/i:netValue"))
        vat = sum(cents(t) for t in texts(invoice, "i:invoiceDetails/i:vatAmount"))
        [summary] = invoice.xpath("i:invoiceSummary", namespaces=NS)
        assert cents(texts(summary, "i:totalNetValue")[0]) == net
        assert cents(texts(summary, "i:totalVatAmount")[0]) == vat
        assert cents(texts(summary, "i:totalGrossValue")[0]) == net + vat
        assert sum(cents(t) for t in texts(summary, "i:incomeClassification/c:amount")) == net


def test_cash_receipt_with_several_vat_rates(schemas):
    root = valid_doc([MyDataInvoice.of(document())])
    assert texts(root, "//i:issuer/*") == ["123456789", "GR", "0"]  # no name/address for a Greek issuer
    assert texts(root, "//i:invoiceHeader/*") == ["Α", "7", "2026-11-27", "11.1", "EUR"]
    assert texts(root, "//i:invoiceDetails/i:vatCategory") == ["2", "1", "3"]
    assert texts(root, "//i:invoiceDetails/i:netValue") == ["3.35", "2.10", "0.94"]
    assert texts(root, "//i:invoiceSummary/i:totalGrossValue") == ["7.38"]
    assert texts(root, "//i:paymentMethodDetails/*") == ["3", "7.38"]
    assert set(texts(root, "//c:classificationCategory")) == {"category1_1"}
    assert set(texts(root, "//c:classificationType")) == {"E3_561_003"}
    assert_totals_are_line_sums(root)


def test_service_receipt_is_classified_as_services(schemas):
    root = valid_doc([MyDataInvoice.of(document(invoice_type="11.2", series="Β"))])
    assert texts(root, "//i:invoiceType") == ["11.2"]
    assert set(texts(root, "//c:classificationCategory")) == {"category1_3"}


def test_weighed_goods_discount_and_vat_exemption(schemas):
    cheese = line(1, 1290, 2, Decimal("0.750"), unit=2)  # 0.750 kg × 12.90 = 9.675 → 9.68
    discounted = line(2, 189, 2, Decimal(3), discount_cents=67)  # 5.67 − 0.67 = 5.00 = 4.42 + 0.58
    exempt = line(3, 1500, 7, exemption=14)
    root = valid_doc([MyDataInvoice.of(document(lines=(cheese, discounted, exempt)))])
    assert texts(root, "//i:invoiceDetails/i:quantity") == ["0.75", "3", "1"]
    assert texts(root, "//i:invoiceDetails[1]/i:netValue | //i:invoiceDetails[1]/i:vatAmount") == ["8.57", "1.11"]
    assert texts(root, "//i:invoiceDetails/i:measurementUnit") == ["2", "1", "1"]
    assert texts(root, "//i:invoiceDetails[2]/i:netValue") == ["4.42"]  # after the discount
    assert texts(root, "//i:invoiceDetails/i:vatExemptionCategory") == ["14"]  # only on the 0% line
    assert_totals_are_line_sums(root)


def test_vat_zero_without_exemption_is_refused():
    exempt = line(1, 1500, 7)
    with pytest.raises(MyDataError, match="εξαίρεσης"):
        invoices_doc([MyDataInvoice.of(document(lines=(exempt,)))])


def test_split_cash_and_card_with_provider_signature_and_tip(schemas):
    card = DocumentPayment(7, 400, tip_cents=50, tid="64999999", transaction_id="075121702285176315144")
    doc = document(payments=(DocumentPayment(3, 338, tendered_cents=500, change_cents=162), card))
    root = valid_doc([MyDataInvoice.of(doc, [None, MyDataSignature("999", "MEUCIQDsig==")])])
    cash, card_el = root.xpath("//i:paymentMethodDetails", namespaces=NS)
    assert [etree.QName(e).localname for e in card_el] == [
        "type", "amount", "tipAmount", "transactionId", "tid", "ProvidersSignature"]
    assert texts(card_el, "i:type") == ["7"] and texts(card_el, "i:amount") == ["4.00"]
    assert texts(card_el, "i:tipAmount") == ["0.50"] and texts(card_el, "i:tid") == ["64999999"]
    assert texts(card_el, "i:ProvidersSignature/*") == ["999", "MEUCIQDsig=="]
    assert texts(cash, "*") == ["3", "3.38"]  # the change is not a payment
    # paymentMethods precedes invoiceDetails in AadeBookInvoiceType
    assert [etree.QName(e).localname for e in root[0]][:3] == ["issuer", "invoiceHeader", "paymentMethods"]


def test_card_payment_with_ecr_token(schemas):
    card = DocumentPayment(7, 738, tid="64999999", transaction_id="TX1")
    root = valid_doc([MyDataInvoice.of(document(payments=(card,)), [MyDataEcrToken("ABC00111222", 42)])])
    assert texts(root, "//i:ECRToken/*") == ["ABC00111222", "000042"]
    assert not root.xpath("//i:ProvidersSignature", namespaces=NS)


def test_proof_without_tid_is_refused():
    card = DocumentPayment(7, 738)
    with pytest.raises(MyDataError, match="TID"):
        invoices_doc([MyDataInvoice.of(document(payments=(card,)), [MyDataEcrToken("ABC00111222", 1)])])


def test_credit_note_is_correlated_with_its_original_mark(schemas):
    credit = document(invoice_type="11.4", series="Π", number=3, correlated_uid="A" * 40,
                      correlated_mark=400001234567890, correlated_number="11.2 Β-5")
    invoice = MyDataInvoice.of(credit)
    root = valid_doc([invoice, MyDataInvoice.of(document())])  # several invoices in one InvoicesDoc
    header = root.xpath("i:invoice[1]/i:invoiceHeader", namespaces=NS)[0]
    assert [etree.QName(e).localname for e in header] == [
        "series", "aa", "issueDate", "invoiceType", "currency", "correlatedInvoices"]
    assert texts(header, "i:correlatedInvoices") == ["400001234567890"]
    assert set(texts(root, "i:invoice[1]//c:classificationCategory")) == {"category1_3"}  # original was 11.2
    assert not invoice.awaits_original_mark


def test_credit_note_of_an_untransmitted_original_goes_without_correlation(schemas):
    invoice = MyDataInvoice.of(document(invoice_type="11.4", series="Π", correlated_uid="A" * 40))
    root = valid_doc([invoice])
    assert not root.xpath("//i:correlatedInvoices", namespaces=NS)
    assert invoice.awaits_original_mark


def test_a_tampered_document_fails_validation(schemas):
    root = invoices_doc([MyDataInvoice.of(document())])
    assert validate(root) == []
    root.xpath("//i:vatCategory", namespaces=NS)[0].text = "11"
    errors = validate(root)
    assert len(errors) == 1 and "invoiceDetails[1]/vatCategory" in errors[0] and "'11'" in errors[0]
    withheld = root.xpath("//i:totalWithheldAmount", namespaces=NS)[0]
    withheld.getparent().remove(withheld)  # a required total missing
    assert len(validate(root)) == 2


def test_payment_methods_doc_for_a_deferred_card_payment(schemas):
    card = DocumentPayment(7, 1000, tid="64999999", transaction_id="TX9")
    root = payment_methods_doc(400001234567890, [MyDataPayment(card, MyDataSignature("999", "c2ln"))])
    assert validate(etree.fromstring(to_bytes(root)), "PaymentMethodsDoc") == []
    assert texts(root, "//p:invoiceMark") == ["400001234567890"]
    assert texts(root, "//p:paymentMethodDetails/i:Signature | //p:paymentMethodDetails/*/i:Signature") == ["c2ln"]
    root.xpath("//i:type", namespaces=NS)[0].text = "9"
    assert validate(root, "PaymentMethodsDoc")


def test_amounts_are_exact_from_cents():
    assert [amount_text(c) for c in (0, 5, 100, 123456789)] == ["0.00", "0.05", "1.00", "1234567.89"]
    with pytest.raises(MyDataError):
        amount_text(-1)
    with pytest.raises(MyDataError):
        amount_text(1.5)  # type: ignore[arg-type]


# --- from the database ---------------------------------------------------------------------------------------

LINES = [CartLine(None, "P0001", "Γάλα φρέσκο πλήρες 1L", 189, 2, 1, Decimal(2)),
         CartLine(None, "P0175", "Μπύρα weiss 500ml", 260, 1, 1, Decimal(1))]  # 3.78 + 2.60 = 6.38


class ApprovingDriver:
    """A terminal that approves every request (the journal-first checks live in tests/payments)."""

    name = "approving"
    capabilities = frozenset({Operation.SALE})
    uses_session_numbers = True

    async def execute(self, request, progress=None):
        return Approved(tid="64999999", amount_cents=request.amount_cents, final_amount_cents=request.amount_cents,
                        pan_masked="479275******3489", rrn="133030119089", auth_code="787032",
                        transaction_id="075121702285176315144")

    async def close(self):
        pass


def card_sale(db, route, amount_cents: int, cash_cents: int | None = None):
    svc = PaymentService(db, ApprovingDriver(), tid="64999999", route=route, cashier="Ταμίας 1")
    sale = svc.open_sale(LINES)
    asyncio.run(svc.charge(sale, amount_cents))
    return svc.issue(sale, cash_tendered_cents=cash_cents)


def load(db, number: int, invoice_type: str = "11.1") -> MyDataInvoice:
    from nexipos_desktop.storage.receipt_queries import find_receipt

    with db.read() as session:
        return load_mydata_invoice(session, find_receipt(session, f"{invoice_type}/{number}").id)


def test_issued_cash_sale_from_the_database(db, schemas):
    issued = issue_cash_sale(db, LINES, 1000)
    root = valid_doc([load(db, issued.number)])
    assert texts(root, "//i:aa") == [str(issued.number)]
    assert texts(root, "//i:paymentMethodDetails/*") == ["3", "6.38"]
    assert texts(root, "//i:totalGrossValue") == ["6.38"]


def test_split_card_sale_carries_the_journal_signature(db, schemas):
    pem = ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    with db.write() as session:
        set_setting(session, "fiscal.route", "provider")
        set_setting(session, "fiscal.provider_id", "1234")
    issued = card_sale(db, ProviderRoute(ProviderSigner(pem), "1234"), 400, cash_cents=500)
    root = valid_doc([load(db, issued.number)])
    card = root.xpath("//i:paymentMethodDetails[i:type='7']", namespaces=NS)[0]
    assert texts(card, "i:amount") == ["4.00"] and texts(card, "i:tid") == ["64999999"]
    assert texts(card, "i:transactionId") == ["075121702285176315144"]
    author, signature = texts(card, "i:ProvidersSignature/*")
    assert author == "1234" and len(signature) > 80  # base64 DER of an ECDSA P-256 signature
    assert texts(root, "//i:paymentMethodDetails[i:type='3']/i:amount") == ["2.38"]


def test_card_sale_on_the_ecr_token_route(db, schemas):
    with db.write() as session:
        set_setting(session, "fiscal.route", "ecr_token")
        set_setting(session, "fiscal.ecr_id", "ABC00111222")
    issued = card_sale(db, EcrTokenRoute(HmacTestTokenSource("ABC00111222")), 638)
    root = valid_doc([load(db, issued.number)])
    assert texts(root, "//i:ECRToken/*") == ["ABC00111222", "000001"]  # the first socket session


def test_unsigned_route_sends_no_proof(db, schemas):
    issued = card_sale(db, None, 638)
    root = valid_doc([load(db, issued.number)])
    assert texts(root, "//i:paymentMethodDetails/i:type") == ["7"]
    assert not root.xpath("//i:ProvidersSignature | //i:ECRToken", namespaces=NS)


def test_cli_prints_the_document_and_validates(db, db_path, schemas, capsys):
    from nexipos_desktop.cli.mydata_cmd import register_xml

    issued = issue_cash_sale(db, LINES, 1000)
    parser = argparse.ArgumentParser()
    receipts = parser.add_subparsers(dest="command").add_parser("receipts")
    register_xml(receipts.add_subparsers(dest="receipts_command"))
    args = parser.parse_args(["receipts", "xml", str(issued.number), "--validate", "--db", str(db_path)])
    assert args.handler(args) == 0
    out, err = capsys.readouterr()
    assert out.startswith("<?xml") and "<totalGrossValue>6.38</totalGrossValue>" in out
    assert "έγκυρο" in err


def test_cli_validation_fails_on_an_invalid_document(schemas, capsys):
    from nexipos_desktop.cli.mydata_cmd import _report_validation

    root = invoices_doc([MyDataInvoice.of(document())])
    root.xpath("//i:currency", namespaces=NS)[0].text = "XXX"
    assert _report_validation(root) == 1
    assert "currency" in capsys.readouterr().err
