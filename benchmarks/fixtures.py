"""Benchmark databases, built once per run in a temporary directory and shared by the benchmarks.

* ``catalogue``: the app's schema (``open_database`` runs the migrations), the demo shop (``seed_demo_shop``:
  settings, cashier, quick keys, ~300 products) and generated products up to the requested count, with
  Greek names, codes and EAN-13 barcodes. The bulk load uses raw ``sqlite3`` in one transaction with the
  app's ``fold()`` function registered, so the catalogue's FTS triggers fill ``product_fts`` exactly as the
  app would. Barcodes are inserted *before* their products (foreign keys are off on that connection only
  and checked with ``PRAGMA foreign_key_check`` at the end): the product insert trigger then indexes name,
  code and barcodes in one FTS row instead of the barcode trigger rewriting it once per barcode.
* ``till``: a copy of the catalogue plus issued receipts (1–4 lines each, mostly 2, one cash or card payment,
  one audit entry), numbered 1..N in the default retail series over the last two years. Everything is
  inserted in the order the schema's triggers accept: every receipt ``reserved`` with its number (the
  gap-free trigger checks each one), then the lines and payments, then one ``UPDATE … SET status='issued'``
  that runs the issue trigger (totals = sum of lines, payments cover the total) for every receipt.

Fixture connections use ``synchronous=OFF``: they are throw-away files, and durability is what the ``issue``
benchmark measures, not what the fixtures need.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import tempfile
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

FIXTURE_VERSION = 1

# ----- Greek-ish product names -----

NOUNS = (
    "Γάλα", "Γιαούρτι", "Τυρί", "Φέτα", "Κασέρι", "Γραβιέρα", "Μυζήθρα", "Βούτυρο", "Αυγά", "Ψωμί", "Φρυγανιές",
    "Παξιμάδια", "Μακαρόνια", "Σπαγγέτι", "Κριθαράκι", "Χυλοπίτες", "Τραχανάς", "Ρύζι", "Φακές", "Φασόλια",
    "Ρεβίθια", "Φάβα", "Αλεύρι", "Ζάχαρη", "Αλάτι", "Πιπέρι", "Ρίγανη", "Ελαιόλαδο", "Ηλιέλαιο", "Ξίδι", "Μέλι",
    "Μαρμελάδα", "Σοκολάτα", "Μπισκότα", "Κρουασάν", "Κέικ", "Δημητριακά", "Καφές", "Τσάι", "Χαμομήλι", "Χυμός",
    "Νερό", "Αναψυκτικό", "Μπύρα", "Κρασί", "Ούζο", "Τσίπουρο", "Πατατάκια", "Αμύγδαλα", "Καρύδια", "Φιστίκια",
    "Σταφίδες", "Ντομάτες", "Πατάτες", "Κρεμμύδια", "Σκόρδο", "Αγγούρια", "Πιπεριές", "Μελιτζάνες",
    "Κολοκυθάκια", "Μήλα", "Αχλάδια", "Πορτοκάλια", "Λεμόνια", "Μπανάνες", "Σταφύλια", "Καρπούζι", "Πεπόνι",
    "Κοτόπουλο", "Μοσχάρι", "Χοιρινό", "Κιμάς", "Λουκάνικα", "Ζαμπόν", "Γαλοπούλα", "Μπέικον", "Σαλάμι",
    "Παστουρμάς", "Τόνος", "Σαρδέλες", "Γαρίδες", "Καλαμάρια", "Μπακαλιάρος", "Σαπούνι", "Σαμπουάν",
    "Αφρόλουτρο", "Οδοντόκρεμα", "Οδοντόβουρτσα", "Απορρυπαντικό", "Μαλακτικό", "Χαρτοπετσέτες",
    "Χαρτομάντιλα", "Σακούλες", "Αλουμινόχαρτο", "Μεμβράνη", "Σφουγγάρια", "Χλωρίνη", "Καθαριστικό", "Πάνες",
    "Μωρομάντιλα", "Κονσέρβα", "Ζωμός", "Σάλτσα", "Κέτσαπ", "Μουστάρδα", "Μαγιονέζα", "Ταχίνι", "Χαλβάς",
    "Παγωτό", "Τυρόπιτα", "Σπανακόπιτα", "Κουλούρι", "Τσουρέκι", "Πίτες", "Φύλλο", "Ελιές", "Τουρσί",
    "Κομπόστα", "Λουκούμια", "Παστέλι", "Κουραμπιέδες", "Μελομακάρονα", "Κριτσίνια", "Κράκερ", "Ζελέ",
    "Πουτίγκα", "Κακάο", "Γάλα εβαπορέ", "Κρέμα γάλακτος", "Ντοματοπολτός", "Σπαράγγια", "Μανιτάρια",
    "Καλαμπόκι", "Αρακάς", "Φασολάκια", "Σπανάκι", "Μπρόκολο", "Κουνουπίδι", "Λάχανο", "Μαρούλι", "Ρόκα",
)
DESCRIPTORS = (
    "φρέσκο", "πλήρες", "ελαφρύ", "ολικής άλεσης", "βιολογικό", "χωριάτικο", "παραδοσιακό", "κατεψυγμένο",
    "στραγγιστό", "αγελαδινό", "πρόβειο", "κατσικίσιο", "λευκό", "κόκκινο", "μαύρο", "πράσινο", "γλυκό",
    "πικάντικο", "αλατισμένο", "ανάλατο", "καπνιστό", "ψητό", "βραστό", "τριμμένο", "φιλέτο", "στιγμιαίος",
    "ελληνικός", "φίλτρου", "εσπρέσο", "πορτοκάλι", "λεμόνι", "μήλο", "φράουλα", "βανίλια", "καρύδα", "μέντα",
    "κανέλα", "θυμαρίσιο", "ανθόμελο", "εξαιρετικό", "παρθένο", "κρητικό", "μακεδονικό", "θεσσαλικό",
    "ηπειρώτικο", "νησιώτικο", "διαίτης", "χωρίς ζάχαρη", "σπιτικό", "οικογενειακό", "μίνι", "μεγάλο",
    "ατομικό", "λεπτό", "χονδρό", "αφράτο", "τραγανό", "ψιλό", "φυσικό", "ανθρακούχο", "μεταλλικό",
    "υψηλής παστερίωσης", "χωρίς λακτόζη", "πρωτεΐνης", "μπαχαρικά", "αρωματικό", "ευαίσθητο", "λεβάντα",
    "τριαντάφυλλο", "ροδάκινο", "βύσσινο", "κεράσι", "σύκο", "αμύγδαλο", "φουντούκι", "σουσάμι", "κολοκύθα",
    "light", "zero", "classic", "premium",
)
BRANDS = (
    "ΑΓΡΟΣ", "ΒΟΡΕΑΣ", "ΓΑΙΑ", "ΔΡΥΑΣ", "ΕΛΙΞ", "ΖΕΦΥΡΟΣ", "ΗΛΙΟΣ", "ΘΑΛΗΣ", "ΙΡΙΣ", "ΚΑΛΛΙΣΤΗ", "ΛΗΤΩ",
    "ΜΥΡΤΩ", "ΝΑΞΟΣ", "ΞΑΝΘΗ", "ΟΡΕΙΝΗ", "ΠΗΓΗ", "ΡΟΔΩΝ", "ΣΤΑΧΥ", "ΤΗΝΟΣ", "ΥΜΗΤΤΟΣ", "ΦΑΡΟΣ", "ΧΡΥΣΗ",
    "ΩΡΑΙΑ", "Μελίσσι", "Αρκαδία", "Κρητικός Φούρνος", "Βλάχα", "Ευωδία", "Λιβάδι", "Πλαγιά", "Σπιτικό",
    "Αιγαίο", "Ολυμπία", "Πίνδος", "Ταΰγετος", "Όλυμπος", "Nostos", "Bella Casa", "Olympia Foods", "Sol",
    "Green Farm", "Aroma", "Delight", "Family", "Smart Choice", "Καλή Μέρα", "Μαμά Ελένη", "Γιαγιά Μαρία",
)
SIZES = (
    "1L", "1,5L", "2L", "500 ml", "330 ml", "750 ml", "250 ml", "100 g", "200 g", "250 g", "400 g", "500 g",
    "1 kg", "2 kg", "5 kg", "6x1,5L", "4x125 g", "12 τεμ.", "20 τεμ.", "x10", "x3", "κιλό", "χύμα",
)


def ean13(body12: str) -> str:
    """``body12`` with its EAN-13 check digit."""
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


@dataclass(frozen=True)
class GeneratedProduct:
    id: int
    code: str
    name: str
    price_cents: int
    vat_category: int
    unit: int
    active: int
    barcodes: tuple[str, ...]


def product_name(rng: random.Random) -> str:
    noun = rng.choice(NOUNS)
    words = [noun] + rng.sample(DESCRIPTORS, rng.choices((0, 1, 2), (1, 5, 3))[0])
    if rng.random() < 0.75:
        brand = rng.choice(BRANDS)
        words.insert(0 if rng.random() < 0.3 else len(words), brand)
    words.append(rng.choice(SIZES))
    return " ".join(words)


def generate_products(rng: random.Random, count: int, first_id: int, taken_barcodes: set[str]) -> list[GeneratedProduct]:
    products = []
    serial = 0
    for i in range(count):
        name = product_name(rng)
        unit = 2 if name.endswith(("κιλό", "χύμα")) else 1
        barcodes = []
        for _ in range(1 if rng.random() < 0.95 else 2):
            while True:  # a bijection of the serial onto 9 digits: unique, but scattered like real codes
                serial += 1
                code = ean13(f"521{(serial * 7919 + 1_234_567) % 10**9:09d}")
                if code not in taken_barcodes:
                    break
            taken_barcodes.add(code)
            barcodes.append(code)
        price = max(10, int(rng.lognormvariate(5.5, 0.9)))  # median ~2.45 €, a long tail to ~50 €
        products.append(GeneratedProduct(
            id=first_id + i, code=f"K{first_id + i:07d}", name=name[:200], price_cents=price,
            vat_category=rng.choices((1, 2, 3), (55, 40, 5))[0], unit=unit,
            active=0 if rng.random() < 0.01 else 1, barcodes=tuple(barcodes),
        ))
    return products


# ----- the workspace -----

def _connect_raw(path: Path) -> sqlite3.Connection:
    from nexipos_desktop.storage.textfold import fold_text

    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function("fold", 1, fold_text, deterministic=True)
    conn.execute("PRAGMA synchronous = OFF")  # a throw-away fixture (see the module docstring)
    conn.execute("PRAGMA cache_size = -200000")
    return conn


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (WAL content included), in WAL mode like the app's."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL")
    return target


class Workspace:
    """A directory of benchmark databases; each is built once (per run, or per ``--workdir``)."""

    def __init__(self, root: Path | None = None, *, seed: int = 2026) -> None:
        self._temporary = root is None
        self.root = Path(tempfile.mkdtemp(prefix="nexipos-bench-")) if root is None else Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.seed = seed

    def close(self) -> None:
        if self._temporary:
            shutil.rmtree(self.root, ignore_errors=True)

    def path(self, name: str) -> Path:
        return self.root / name

    def scratch(self, name: str) -> Path:
        """A fresh subdirectory (emptied if it existed)."""
        path = self.root / "scratch" / name
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)
        return path

    def catalogue_db(self, products: int) -> Path:
        """The demo shop with ``products`` products in all (cached)."""
        path = self.path(f"catalogue-{products}-v{FIXTURE_VERSION}-s{self.seed}.db")
        if not path.exists():
            from benchmarks.harness import step

            done = step(f"building a catalogue of {products:,} products ({path.name})")
            partial = path.with_suffix(".partial")
            build_catalogue(partial, products, random.Random(self.seed))
            partial.rename(path)
            done()
        return path

    def till_db(self, products: int, receipts: int) -> Path:
        """The catalogue plus ``receipts`` issued receipts (cached)."""
        path = self.path(f"till-{products}-{receipts}-v{FIXTURE_VERSION}-s{self.seed}.db")
        if not path.exists():
            catalogue = self.catalogue_db(products)
            from benchmarks.harness import step

            done = step(f"adding {receipts:,} issued receipts ({path.name})")
            partial = path.with_suffix(".partial")
            copy_database(catalogue, partial)
            add_receipts(partial, receipts, random.Random(self.seed + 1))
            partial.rename(path)
            done()
        return path


# ----- builders -----

def build_catalogue(path: Path, total_products: int, rng: random.Random) -> None:
    from nexipos_desktop.storage.db import open_database
    from nexipos_desktop.storage.seed import seed_demo_shop

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_database(path)  # the app's schema, through its migrations
    try:
        seed_demo_shop(db)
    finally:
        db.close()
    conn = _connect_raw(path)
    try:
        existing, max_id = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM product").fetchone()
        taken = {row[0] for row in conn.execute("SELECT barcode FROM product_barcode")}
        products = generate_products(rng, max(0, total_products - existing), max_id + 1, taken)
        conn.execute("BEGIN")
        # Barcodes first (see the module docstring): the product trigger then indexes them with the product.
        conn.executemany("INSERT INTO product_barcode (barcode, product_id) VALUES (?, ?)",
                         ((b, p.id) for p in products for b in p.barcodes))
        conn.executemany(
            "INSERT INTO product (id, code, name, price_cents, vat_category, unit, vat_exemption, quick_key, active) "
            "VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?)",
            ((p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, p.active) for p in products),
        )
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"catalogue fixture breaks foreign keys: {problems[:5]}")
        indexed = conn.execute("SELECT count(*) FROM product_fts").fetchone()[0]
        if indexed != total_products and existing <= total_products:
            raise RuntimeError(f"product_fts has {indexed} rows for {total_products} products")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _issuer_and_series(path: Path) -> tuple[dict, str]:
    from nexipos_desktop.storage.db import open_database
    from nexipos_desktop.storage.settings import load_issuer, series_for

    db = open_database(path)
    try:
        with db.read() as session:
            return asdict(load_issuer(session)), series_for(session, "11.1")
    finally:
        db.close()


def add_receipts(path: Path, count: int, rng: random.Random, chunk: int = 20_000) -> None:
    """Append ``count`` issued retail receipts (11.1), numbered after the last one of the series."""
    from nexipos_desktop.clock import ATHENS
    from nexipos_desktop.money import line_amounts, vat_category
    from nexipos_desktop.receipts.uid import mydata_uid

    issuer, series = _issuer_and_series(path)
    issuer_json = json.dumps(issuer, ensure_ascii=False)
    vat, branch = issuer["vat_number"], issuer["branch"]
    conn = _connect_raw(path)
    try:
        products = conn.execute(
            "SELECT id, code, name, price_cents, vat_category, unit FROM product WHERE active").fetchall()
        next_id, = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM receipt").fetchone()
        number, = conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM receipt WHERE issuer_vat = ? AND branch = ? "
            "AND invoice_type = '11.1' AND series = ?", (vat, branch, series)).fetchone()
        categories = {code: vat_category(code) for code in range(1, 11)}
        start = datetime.now(ATHENS).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=730)
        step_seconds = 730 * 86_400 / max(count, 1)
        conn.execute("BEGIN")
        for first in range(0, count, chunk):
            receipts, lines, payments, audits = [], [], [], []
            for i in range(first, min(first + chunk, count)):
                moment = (start + timedelta(seconds=int(i * step_seconds))).replace(microsecond=0)
                stamp = moment.isoformat(timespec="seconds")
                net = vat_total = 0
                for line_number in range(1, rng.choices((1, 2, 3, 4), (20, 45, 25, 10))[0] + 1):
                    pid, code, name, price, category, unit = rng.choice(products)
                    quantity = Decimal(rng.choice(("0.350", "0.500", "1.250"))) if unit == 2 else Decimal(
                        rng.choices((1, 2, 3), (80, 15, 5))[0])
                    amounts = line_amounts(quantity, price, categories[category])
                    net += amounts.net_cents
                    vat_total += amounts.vat_cents
                    lines.append((next_id, line_number, pid, code, name, str(quantity), unit, price, category,
                                  amounts.net_cents, amounts.vat_cents))
                total = net + vat_total
                uid = mydata_uid(vat, moment.date(), branch, "11.1", series, number)
                receipts.append((next_id, vat, branch, series, number, moment.date().isoformat(), stamp, uid,
                                 net, vat_total, total, issuer_json))
                if rng.random() < 0.6:
                    tendered = -(-total // 500) * 500
                    payments.append((next_id, 3, total, tendered, tendered - total, None, None, None, stamp))
                else:
                    payments.append((next_id, 7, total, None, None, "12345678",
                                     f"516732******{rng.randrange(10_000):04d}", "MASTERCARD", stamp))
                audits.append((stamp, json.dumps({"invoice_type": "11.1", "number": number, "series": series,
                                                  "total_cents": total, "uid": uid}, ensure_ascii=False)))
                next_id += 1
                number += 1
            conn.executemany(
                "INSERT INTO receipt (id, issuer_vat, branch, invoice_type, series, number, status, issue_date, "
                "issued_at, uid, net_cents, vat_cents, total_cents, issuer_json, cashier) "
                "VALUES (?, ?, ?, '11.1', ?, ?, 'reserved', ?, ?, ?, ?, ?, ?, ?, 'Ταμίας 1')", receipts)
            conn.executemany(
                "INSERT INTO receipt_line (receipt_id, line_number, product_id, code, name, quantity, unit, "
                "unit_price_cents, discount_cents, vat_category, net_cents, vat_cents) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", lines)
            conn.executemany(
                "INSERT INTO payment (receipt_id, method, amount_cents, status, tendered_cents, change_cents, "
                "tip_cents, tid, pan_masked, card_type, created_at, settled_at) "
                "VALUES (?, ?, ?, 'settled', ?, ?, 0, ?, ?, ?, ?, ?9)", payments)
            conn.executemany(
                "INSERT INTO audit_log (at, actor, action, details) VALUES (?, 'Ταμίας 1', 'receipt.issued', ?)",
                audits)
        # One statement issues them all; the issue trigger checks every receipt's totals and payments.
        conn.execute("UPDATE receipt SET status = 'issued' WHERE status = 'reserved'")
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
