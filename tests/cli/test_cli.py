"""The `nexipos` command as support staff and scripts use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from nexipos_desktop.cli import build_parser
from nexipos_desktop.clock import athens_now
from cli_run import nexipos

MILK = "5200480147201"  # P0001, 1.89 €, VAT 13%




def test_cash_sale_prints_the_receipt(capsys, db_path):
    code, out, _ = nexipos(capsys, "sale", "--db", str(db_path), "--item", f"{MILK}x2", "--item", "P0031x0,750",
                           "--cash", "20")
    assert code == 0
    assert "ΑΠΟΔΕΙΞΗ ΛΙΑΝΙΚΗΣ ΠΩΛΗΣΗΣ" in out and "Γάλα φρέσκο πλήρες 1L" in out
    assert "0,750 κιλά" in out and "ΣΥΝΟΛΟ" in out and "11,13 €" in out and "Ρέστα" in out and "8,87" in out


def test_sale_json_has_the_documented_keys(capsys, db_path):
    code, out, _ = nexipos(capsys, "sale", "--db", str(db_path), "--item", MILK, "--cash", "1,89", "--json")
    assert code == 0
    doc = json.loads(out)
    for key in ("series", "number", "invoice_type", "issue_date", "issuer_vat", "branch", "uid", "mark",
                "net_cents", "vat_cents", "total_cents", "lines"):
        assert key in doc
    assert (doc["series"], doc["number"], doc["invoice_type"], doc["issuer_vat"], doc["branch"]) == ("Α", 1, "11.1", "094014201", 0)
    assert (doc["net_cents"], doc["vat_cents"], doc["total_cents"], doc["mark"]) == (167, 22, 189, None)
    assert doc["lines"] == [{"code": "P0001", "name": "Γάλα φρέσκο πλήρες 1L", "quantity": 1, "unit": 1,
                             "unit_price_cents": 189, "discount_cents": 0, "net_cents": 167, "vat_cents": 22,
                             "vat_category": 2}]
    assert len(doc["uid"]) == 40 and doc["issue_date"] == athens_now().date().isoformat()


@pytest.mark.parametrize(("args", "message"), [
    (["--item", "NOPE", "--cash", "5"], "άγνωστος κωδικός"),
    (["--item", MILK, "--cash", "1"], "δεν καλύπτουν"),
    (["--item", f"{MILK}x0", "--cash", "5"], "θετική"),
    (["--item", MILK, "--cash", "abc"], "Μη έγκυρο ποσό"),
])
def test_bad_sales_issue_nothing(capsys, db_path, args, message):
    code, out, err = nexipos(capsys, "sale", "--db", str(db_path), *args)
    assert code == 2 and message in err and out == ""
    assert nexipos(capsys, "receipts", "list", "--db", str(db_path), "--json")[1].strip() == "[]"


def test_receipts_list_and_pdf(capsys, db_path, tmp_path):
    for _ in range(2):
        nexipos(capsys, "sale", "--db", str(db_path), "--item", MILK, "--cash", "5")
    code, out, _ = nexipos(capsys, "receipts", "list", "--db", str(db_path), "--date", athens_now().date().isoformat(), "--json")
    listed = json.loads(out)
    assert code == 0 and [r["number"] for r in listed] == [1, 2] and all("lines" in r for r in listed)
    assert json.loads(nexipos(capsys, "receipts", "list", "--db", str(db_path), "--date", "2001-01-01", "--json")[1]) == []
    code, out, _ = nexipos(capsys, "receipts", "list", "--db", str(db_path))
    assert "Α-2" in out and "2 αποδείξεις" in out
    target = tmp_path / "r.pdf"
    code, out, _ = nexipos(capsys, "receipts", "pdf", "2", "-o", str(target), "--db", str(db_path))
    assert code == 0 and "Α-2" in out
    text = PdfReader(target).pages[0].extract_text()
    assert "Γάλα φρέσκο πλήρες 1L" in text and listed[1]["uid"][:20] in text.replace("\n", "")
    code, _, err = nexipos(capsys, "receipts", "pdf", "Α-99", "-o", str(target), "--db", str(db_path))
    assert code == 2 and "Δεν βρέθηκε" in err


def test_products_import_reports_lines_and_keeps_nothing(capsys, db_path, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("code,barcode,name,price,vat_category,unit\nZ1,4006381333931,Σαπούνι,1.20,1,1\n"
                    "P0001,5200480147201,Γάλα φρέσκο πλήρες 1L,1.99,2,1\n", encoding="utf-8")
    code, out, _ = nexipos(capsys, "products", "import", str(good), "--db", str(db_path))
    assert code == 0 and "1 νέα, 1 ενημερωμένα" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("code,barcode,name,price,vat_category,unit\nZ2,,Καλό,1.00,1,1\nZ3,,Κακό,-1,1,1\n", encoding="utf-8")
    code, _, err = nexipos(capsys, "products", "import", str(bad), "--db", str(db_path))
    assert code == 2 and "γραμμή 3" in err
    code, out, _ = nexipos(capsys, "sale", "--db", str(db_path), "--item", "Z2", "--cash", "5")
    assert code == 2  # Z2 was not kept
    code, out, _ = nexipos(capsys, "sale", "--db", str(db_path), "--item", MILK, "--cash", "5", "--json")
    assert json.loads(out)["total_cents"] == 199  # re-import updated the price by code


def test_every_subcommand_takes_db():
    parser = build_parser()
    for argv in (["run"], ["selftest"], ["products", "import", "f.csv"], ["sale", "--item", "x", "--cash", "1"],
                 ["receipts", "list"], ["receipts", "pdf", "1", "-o", "f.pdf"]):
        assert parser.parse_args([*argv, "--db", "x.db"]).db.name == "x.db"
        assert parser.parse_args(["--db", "y.db", *argv]).db.name == "y.db"


def test_unopenable_database_paths_are_clear_errors(capsys, tmp_path):
    a_file = tmp_path / "plain-file"
    a_file.write_text("x")
    code, _, err = nexipos(capsys, "receipts", "list", "--db", str(a_file / "x.db"))
    assert code == 3 and "φάκελος" in err
    a_folder = tmp_path / "folder.db"
    a_folder.mkdir()
    code, _, err = nexipos(capsys, "receipts", "list", "--db", str(a_folder))
    assert code == 3 and "Δεν ανοίγει το αρχείο" in err


def test_corrupt_database_is_a_clear_error(capsys, tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    code, _, err = nexipos(capsys, "receipts", "list", "--db", str(path))
    assert code == 3 and "δεν είναι βάση δεδομένων" in err


def test_selftest_in_a_fresh_process(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "d")}
    result = subprocess.run([sys.executable, "-m", "nexipos_desktop", "selftest", "--db", str(tmp_path / "s.db")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "ok"
    assert "PySide6" in result.stdout and "309 products" in result.stdout
