"""``issue``: a 20-line cash receipt issued end to end with ``issue_cash_sale`` vs bare SQLite transactions.

Runs on copies of the till database (the full catalogue and the receipt history), so numbering and the
triggers work against a realistic history. Three ways of writing one receipt, interleaved receipt by
receipt so disk noise hits them alike, each one durable transaction (WAL, ``synchronous=FULL``,
``BEGIN IMMEDIATE``), as the app opens its connections:

* app: ``issue_cash_sale(db, lines, tendered)``: number, receipt, 20 lines, payment, audit, read back;
* SQL + triggers: raw ``sqlite3`` with precomputed rows into the app's schema, triggers active (insert
  reserved, lines, payment, update to issued, audit), to separate the database's checks from Python;
* app, empty history: ``issue_cash_sale`` on a copy of the catalogue without receipts (informational: shows
  what of the app's cost grows with the receipt history);
* bare (the baseline of the ratio): the same 23 rows (1 receipt + 20 lines + 1 payment + 1 audit) inserted
  by raw ``sqlite3`` into the same tables with the schema's triggers dropped: no app logic at all.
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from decimal import Decimal
from pathlib import Path

from benchmarks.fixtures import copy_database
from benchmarks.harness import Context, Outcome, fmt, median, ratio, say, spread, step, time_ms

NAME = "issue"
DESCRIPTION = "issuing a 20-line cash receipt (durable) vs bare sqlite3 inserts"
WARMUP = 5


def _durable(path: Path) -> sqlite3.Connection:
    """A connection configured like the app's (storage/db.py ``_configure``)."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = FULL", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


class RawWriter:
    """One receipt per durable transaction, through plain SQL and precomputed rows."""

    def __init__(self, path: Path, issuer: dict, series: str, *, triggers: bool) -> None:
        self.conn = _durable(path)
        self.triggers = triggers
        if not triggers:
            names = [r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                                     "AND tbl_name IN ('receipt', 'receipt_line', 'payment', 'audit_log')")]
            for name in names:
                self.conn.execute(f"DROP TRIGGER {name}")
        self.issuer, self.series = issuer, series
        self.issuer_json = json.dumps(issuer, ensure_ascii=False)
        self.number, = self.conn.execute(
            "SELECT coalesce(max(number), 0) + 1 FROM receipt WHERE issuer_vat = ? AND branch = ? "
            "AND invoice_type = '11.1' AND series = ?", (issuer["vat_number"], issuer["branch"], series)).fetchone()

    def prepare(self, cart: list, amounts: list, tendered: int) -> tuple:
        """Everything but the ids, computed before the clock starts (the app's logic is what is left out)."""
        from nexipos_desktop.clock import athens_now
        from nexipos_desktop.receipts.uid import mydata_uid

        moment = athens_now().replace(microsecond=0)
        stamp = moment.isoformat(timespec="seconds")
        net, vat = sum(a.net_cents for a in amounts), sum(a.vat_cents for a in amounts)
        uid = mydata_uid(self.issuer["vat_number"], moment.date(), self.issuer["branch"], "11.1", self.series,
                         self.number)
        lines = [(n, line.product_id, line.code, line.name, str(line.quantity), line.unit, line.unit_price_cents,
                  line.vat_category, a.net_cents, a.vat_cents) for n, (line, a) in enumerate(zip(cart, amounts), 1)]
        details = json.dumps({"invoice_type": "11.1", "number": self.number, "series": self.series,
                              "total_cents": net + vat, "uid": uid}, ensure_ascii=False, sort_keys=True)
        return moment.date().isoformat(), stamp, uid, net, vat, lines, tendered, details

    def write(self, prepared: tuple) -> None:
        issue_date, stamp, uid, net, vat, lines, tendered, details = prepared
        conn, total = self.conn, net + vat
        conn.execute("BEGIN IMMEDIATE")
        try:
            receipt_id = conn.execute(
                "INSERT INTO receipt (issuer_vat, branch, invoice_type, series, number, status, issue_date, "
                "issued_at, uid, net_cents, vat_cents, total_cents, issuer_json, cashier) "
                "VALUES (?, ?, '11.1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Ταμίας 1')",
                (self.issuer["vat_number"], self.issuer["branch"], self.series, self.number,
                 "reserved" if self.triggers else "issued", issue_date, stamp, uid, net, vat, total,
                 self.issuer_json)).lastrowid
            conn.executemany(
                "INSERT INTO receipt_line (receipt_id, line_number, product_id, code, name, quantity, unit, "
                "unit_price_cents, discount_cents, vat_category, net_cents, vat_cents) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)", [(receipt_id, *line) for line in lines])
            conn.execute(
                "INSERT INTO payment (receipt_id, method, amount_cents, status, tendered_cents, change_cents, "
                "tip_cents, created_at, settled_at) VALUES (?, 3, ?, 'settled', ?, ?, 0, ?, ?)",
                (receipt_id, total, tendered, tendered - total, stamp, stamp))
            if self.triggers:
                conn.execute("UPDATE receipt SET status = 'issued' WHERE id = ?", (receipt_id,))
            conn.execute("INSERT INTO audit_log (at, actor, action, details) "
                         "VALUES (?, 'Ταμίας 1', 'receipt.issued', ?)", (stamp, details))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        self.number += 1

    def close(self) -> None:
        self.conn.close()


def make_carts(db, count: int, lines: int, rng: random.Random) -> list[list]:
    from sqlalchemy import text

    from nexipos_desktop.receipts.cart import CartLine

    with db.read() as session:
        products = session.connection().execute(text(
            "SELECT id, code, name, price_cents, vat_category, unit, vat_exemption FROM product "
            "WHERE active AND vat_category <> 7")).all()
    carts = []
    for _ in range(count):
        cart = []
        for pid, code, name, price, category, unit, exemption in rng.sample(products, lines):
            quantity = Decimal(rng.choice(("0.350", "0.750", "1.240"))) if unit == 2 else Decimal(
                rng.choices((1, 2, 3), (80, 15, 5))[0])
            cart.append(CartLine(pid, code, name, price, category, unit, quantity, vat_exemption=exemption))
        carts.append(cart)
    return carts


def run(ctx: Context) -> list[Outcome]:
    from nexipos_desktop.storage.db import open_database
    from nexipos_desktop.storage.receipt_store import issue_cash_sale
    from nexipos_desktop.storage.settings import load_issuer, series_for

    sizes = ctx.sizes
    till = ctx.workspace.till_db(sizes.products, sizes.receipts)
    scratch = ctx.workspace.scratch(NAME)
    catalogue = ctx.workspace.catalogue_db(sizes.products)
    done = step("copying the till database three times and the catalogue once")
    app_path = copy_database(till, scratch / "app.db")
    sql_path = copy_database(till, scratch / "sql-triggers.db")
    bare_path = copy_database(till, scratch / "bare.db")
    fresh_path = copy_database(catalogue, scratch / "app-empty-history.db")
    done()

    db = open_database(app_path)
    fresh = open_database(fresh_path)
    sql = bare = None
    try:
        with db.read() as session:
            from dataclasses import asdict

            issuer, series = asdict(load_issuer(session)), series_for(session, "11.1")
        count = WARMUP + sizes.issue_receipts
        carts = make_carts(db, count, sizes.issue_lines, random.Random(ctx.seed))
        sql = RawWriter(sql_path, issuer, series, triggers=True)
        bare = RawWriter(bare_path, issuer, series, triggers=False)
        app_ms, sql_ms, bare_ms, fresh_ms = [], [], [], []
        done = step(f"issuing {count} receipts of {sizes.issue_lines} lines each of 4 ways, interleaved "
                    f"({WARMUP} warm-up)")
        for i, cart in enumerate(carts):
            amounts = [line.amounts for line in cart]
            total = sum(a.gross_cents for a in amounts)
            tendered = -(-total // 500) * 500
            t_app = time_ms(lambda: issue_cash_sale(db, cart, tendered, cashier="Ταμίας 1"))
            t_fresh = time_ms(lambda: issue_cash_sale(fresh, cart, tendered, cashier="Ταμίας 1"))
            prepared = sql.prepare(cart, amounts, tendered)
            t_sql = time_ms(lambda: sql.write(prepared))
            prepared = bare.prepare(cart, amounts, tendered)
            t_bare = time_ms(lambda: bare.write(prepared))
            if i >= WARMUP:
                app_ms.append(t_app)
                sql_ms.append(t_sql)
                bare_ms.append(t_bare)
                fresh_ms.append(t_fresh)
        done()
        if ctx.profile:
            _profile(db, carts[:20], issue_cash_sale)
        with db.read() as session:
            from sqlalchemy import text

            issued = session.connection().execute(text("SELECT count(*) FROM receipt WHERE status = 'issued'")).scalar_one()
    finally:
        db.close()
        fresh.close()
        for writer in (sql, bare):
            if writer is not None:
                writer.close()
        shutil.rmtree(scratch, ignore_errors=True)  # four copies of the till: give the disk space back

    app, base, trig = median(app_ms), median(bare_ms), median(sql_ms)
    say(f"   database: {sizes.products:,} products, {sizes.receipts:,} receipts before the run ({issued:,} after)")
    say(f"   app  issue_cash_sale: {spread(app_ms)}")
    say(f"   app, empty history:   {spread(fresh_ms)}")
    say(f"   SQL + triggers:       {spread(sql_ms)}")
    say(f"   bare sqlite3 (base):  {spread(bare_ms)}")
    say(f"   ratio app/bare {fmt(ratio(app, base), 'x')} (app overhead {fmt(app - base, 'ms')} per receipt: "
        f"{fmt(trig - base, 'ms')} in the schema's triggers, {fmt(app - trig, 'ms')} in the app's own queries and Python/ORM)")
    return [
        Outcome(NAME, "issue 20-line receipt, median", app, "ms"),
        Outcome(NAME, "bare sqlite3 txn, median (baseline)", base, "ms"),
        Outcome(NAME, "ratio app/bare", ratio(app, base), "x"),
        Outcome(NAME, "issue, empty receipt history, median", median(fresh_ms), "ms"),
    ]


def _profile(db, carts: list, issue_cash_sale) -> None:
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for cart in carts:
        total = sum(line.amounts.gross_cents for line in cart)
        issue_cash_sale(db, cart, -(-total // 500) * 500, cashier="Ταμίας 1")
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    say(f"   cProfile of {len(carts)} issues (cumulative):")
    for line in out.getvalue().splitlines():
        if line.strip():
            say("     " + line)
