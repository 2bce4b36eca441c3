"""The seeded demo shop and catalogue search as the cashier types."""

from sqlmodel import select

from nexipos_desktop.receipts.barcodes import is_valid_gtin
from nexipos_desktop.storage.catalogue import find_product, quick_key_products, search_products
from nexipos_desktop.storage.models import Cashier, Product, ProductBarcode
from nexipos_desktop.storage.settings import load_issuer


def test_demo_shop_is_seeded(db):
    with db.read() as session:
        products = session.exec(select(Product)).all()
        assert 290 <= len(products) <= 320
        assert {p.vat_category for p in products} >= {1, 2, 3, 4, 5, 8}
        assert {p.unit for p in products} >= {1, 2, 3}
        barcodes = session.exec(select(ProductBarcode.barcode)).all()
        assert all(len(b) == 13 and is_valid_gtin(b) for b in barcodes)
        assert session.exec(select(Cashier)).one().name == "Ταμίας 1"
        issuer = load_issuer(session)
        assert issuer.vat_number == "094014201" and issuer.name
        assert len(quick_key_products(session)) == 24


def test_prefix_search_ignores_case_and_accents(db):
    with db.read() as session:
        names = [p.name for p in search_products(session, "γαλα φρ")]
        assert "Γάλα φρέσκο πλήρες 1L" in names
        assert all("Γάλα" in n or "γάλα" in n.lower() for n in names)
        assert search_products(session, "ΓΆΛΑ") and search_products(session, "gala") == []


def test_search_by_code_and_barcode_prefix(db):
    with db.read() as session:
        by_code = search_products(session, "P0001")
        assert by_code[0].code == "P0001"
        assert search_products(session, "5200480147")[0].code == "P0001"


def test_search_tolerates_fts_syntax(db):
    with db.read() as session:
        for text in ['"', "AND", "NEAR(", "*", "-", "γάλα OR", "'; DROP TABLE product; --"]:
            search_products(session, text)  # never raises


def test_find_by_exact_barcode_or_code(db):
    with db.read() as session:
        assert find_product(session, "5200480147201").code == "P0001"
        assert find_product(session, "P0001").name == "Γάλα φρέσκο πλήρες 1L"
        assert find_product(session, "5200480147") is None
        assert find_product(session, "9999999999999") is None


def test_search_follows_renames_and_barcode_changes(db):
    with db.write() as session:
        product = session.exec(select(Product).where(Product.code == "P0001")).one()
        product.name = "Κατσικίσιο γάλα"
        session.add(product)
        session.add(ProductBarcode(barcode="4006381333931", product_id=product.id))
    with db.read() as session:
        assert search_products(session, "κατσικ")[0].code == "P0001"
        assert search_products(session, "4006381")[0].code == "P0001"
