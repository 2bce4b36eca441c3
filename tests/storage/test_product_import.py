"""CSV catalogue import: errors by line number, all or nothing, re-import updates by code."""

import pytest
from sqlmodel import select

from nexipos_desktop.storage.models import Product, ProductBarcode
from nexipos_desktop.storage.product_import import ImportFailed, import_products, read_products_csv

HEADER = "code,barcode,name,price,vat_category,unit\n"


def write(tmp_path, body, header=HEADER, encoding="utf-8"):
    path = tmp_path / "products.csv"
    path.write_bytes((header + body).encode(encoding))
    return path


def run_import(db, path):
    records = read_products_csv(path)
    with db.write() as session:
        return import_products(session, records)


def products(db):
    with db.read() as session:
        return {p.code: p for p in session.exec(select(Product))}


def test_import_then_reimport_updates_by_code(empty_db, tmp_path):
    report = run_import(empty_db, write(tmp_path, "A1,5201234567894,Φέτα ΠΟΠ,9.80,2,2\nA2,,\"Νερό 1,5L\",0.65,2,1\n"))
    assert (report.added, report.updated) == (2, 0)
    assert products(empty_db)["A2"].name == "Νερό 1,5L" and products(empty_db)["A1"].price_cents == 980
    report = run_import(empty_db, write(tmp_path, "A1,4006381333931,Φέτα ΠΟΠ βαρέλι,10.20,2,2\n"))
    assert (report.added, report.updated) == (0, 1)
    assert products(empty_db)["A1"].price_cents == 1020
    with empty_db.read() as session:
        assert session.exec(select(ProductBarcode.barcode)).all() == ["4006381333931"]


def test_errors_are_reported_by_line_and_nothing_is_kept(empty_db, tmp_path):
    body = (
        "B1,5201234567894,Καλό προϊόν,1.00,1,1\n"  # line 2: fine
        "B2,5201234567890,Λάθος ψηφίο ελέγχου,1.00,1,1\n"  # line 3
        "B3,,Αρνητική τιμή,-1.00,1,1\n"  # line 4
        "B4,,Άγνωστο ΦΠΑ,1.00,12,1\n"  # line 5
        "B5,,Άγνωστη μονάδα,1.00,1,9\n"  # line 6
        ",,Χωρίς κωδικό,1.00,1,1\n"  # line 7
        "B1,,Διπλός κωδικός,1.00,1,1\n"  # line 8
        "B8,,Μηδενική τιμή,0,1,1\n"  # line 9
        "B9,,Τρία δεκαδικά,1.005,1,1\n"  # line 10
        "B10,,ΦΠΑ 0% χωρίς εξαίρεση,1.00,7,1\n"  # line 11
    )
    with pytest.raises(ImportFailed) as info:
        run_import(empty_db, write(tmp_path, body))
    lines = [line for line, _ in info.value.errors]
    assert lines == [3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert "ψηφίο ελέγχου" in str(info.value) and "γραμμή 8" in str(info.value)
    assert products(empty_db) == {}


def test_missing_columns_and_wrong_encoding(empty_db, tmp_path):
    with pytest.raises(ImportFailed, match="λείπουν οι στήλες: price"):
        read_products_csv(write(tmp_path, "C1,,Χ,1,1,1\n", header="code,barcode,name,vat_category,unit\n"))
    with pytest.raises(ImportFailed, match="UTF-8"):
        read_products_csv(write(tmp_path, "C1,,Τυρί,1.00,1,1\n", encoding="iso-8859-7"))


def test_barcode_owned_by_another_product_fails_the_whole_import(db, tmp_path):
    before = products(db)
    path = write(tmp_path, "NEW1,,Νέο,1.00,1,1\nNEW2,5200480147201,Κλεμμένο barcode,1.00,1,1\n")
    with pytest.raises(ImportFailed, match="άλλο προϊόν"):
        run_import(db, path)
    assert products(db).keys() == before.keys()


def test_several_barcodes_per_product(empty_db, tmp_path):
    run_import(empty_db, write(tmp_path, "D1,5201234567894|4006381333931,Διπλό,1.00,1,1\n"))
    with empty_db.read() as session:
        assert sorted(session.exec(select(ProductBarcode.barcode))) == ["4006381333931", "5201234567894"]
