"""The seeded demo shop and catalogue search as the cashier types."""

from sqlmodel import select

from nexipos_desktop.receipts.barcodes import is_valid_gtin
from nexipos_desktop.storage.catalogue import (
    SEARCH_CANDIDATES, find_product, quick_key_products, search_catalogue, search_products, search_tiers,
)
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
        assert session.exec(select(Cashier).where(Cashier.role == "cashier")).one().name == "Ταμίας 1"
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


# ----- ranking: the product the cashier means comes first -----

def names_for(db, text, limit=50):
    with db.read() as session:
        return [p.name for p in search_products(session, text, limit)]


def add_products(db, names, *, first_code=9000, active=True):
    with db.write() as session:
        for offset, name in enumerate(names):
            session.add(Product(code=f"T{first_code + offset}", name=name, price_cents=100, vat_category=1,
                                active=active))


def test_typed_words_that_start_the_name_come_first(db):
    assert names_for(db, "γαλα φρ")[0].startswith("Γάλα φρέσκο")
    assert names_for(db, "ΓΑΛ ΦΡΕΣ")[0].startswith("Γάλα φρέσκο")
    assert names_for(db, "σοκ γαλ")[0].startswith("Σοκολάτα γάλακτος")
    assert names_for(db, "καφ ελλ")[0].startswith("Καφές ελληνικός")
    assert names_for(db, "ελλ καφ")[0].startswith("Ελληνικός καφές")


def test_names_starting_with_the_word_come_before_names_containing_it(db):
    names = names_for(db, "γαλα")
    starts = [n.lower().startswith("γάλα") for n in names]
    assert starts[0] and any(not s for s in starts)  # «Κρέμα γάλακτος», «Σοκολάτα γάλακτος» also match
    assert starts == sorted(starts, reverse=True), names


def test_name_tiers_put_shorter_names_first(db):
    names = names_for(db, "γαλα φρεσκο")
    assert names[0] == "Γάλα φρέσκο πλήρες 1L"
    assert names.index("Γάλα φρέσκο πλήρες 1L") < names.index("Γάλα φρέσκο πλήρες 1L (νησιωτικό)")


def test_first_word_at_the_start_comes_before_words_in_any_order(db):
    names = names_for(db, "γαλα σοκ")
    assert names[0] == "Γάλα σοκολατούχο 500ml"  # the name starts with the words as typed
    names = names_for(db, "σοκ γαλ")
    assert names.index("Σοκολάτα γάλακτος 100g") < names.index("Γάλα σοκολατούχο 500ml")


def test_codes_come_in_code_order(db):
    with db.read() as session:
        codes = [p.code for p in search_products(session, "p000", 50)]
    assert codes == sorted(codes) and codes[0] == "P0001" and len(codes) == 9


def test_the_best_match_is_found_among_many_later_matches(db):
    # 600 products that have «γάλακτος» inside the name, then one whose name starts with it: the index returns
    # matches in insertion order, so only the tiers put the late one first.
    add_products(db, [f"Κρέμα γάλακτος {n} ml" for n in range(600)])
    add_products(db, ["Γαλακτομπούρεκο ταψί"], first_code=20000)
    assert names_for(db, "γαλακ", 10)[0] == "Γαλακτομπούρεκο ταψί"
    assert names_for(db, "γαλακτ ταψ", 10) == ["Γαλακτομπούρεκο ταψί"]


def test_a_broad_prefix_gives_distinct_products_that_start_with_it(db):
    add_products(db, [f"Καραμέλες {n}" for n in range(3 * SEARCH_CANDIDATES)])
    with db.read() as session:
        rows = search_products(session, "κα", 50)
    assert len(rows) == 50 and len({r.id for r in rows}) == 50
    assert all(r.name.lower().startswith("κα") for r in rows)
    with db.read() as session:
        assert len(search_products(session, "κα", 7)) == 7
        assert search_products(session, "κα", 0) == []


def test_search_skips_inactive_products(db):
    add_products(db, ["Γαλακτομπούρεκο ταψί"], active=False)
    assert "Γαλακτομπούρεκο ταψί" not in names_for(db, "γαλακτ")


def test_search_catalogue_matches_search_products(db):
    for text in ["γαλα φρ", "κα", "P0001", "5200480147", "σοκ γαλ", "", "\""]:
        with db.read() as session:
            expected = search_products(session, text, 20)
        assert search_catalogue(db, text, 20) == expected


def test_search_tiers_are_nested_fts_queries(db):
    tiers = search_tiers("Γάλα φρ")
    assert [match for match, _ in tiers] == [
        'name : (^ "γαλα"* + "φρ"*)',
        'name : (^ "γαλα"* AND "φρ"*)',
        'name : ("γαλα"* AND "φρ"*)',
        '"γαλα"* AND "φρ"*',
    ]
    assert len(search_tiers("γαλα")) == 3 and search_tiers(" ;- ") == []
