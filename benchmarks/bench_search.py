"""``search``: the catalogue's tiered FTS5 prefix search against a naive ``LIKE`` scan doing the same job.

Queries are what a cashier types: 1–3 words of a real product name, 2–5 letters of each, lower case without
accents ("γαλ φρ"). Each is timed through ``search_catalogue(db, text, 50)``, exactly what the catalogue panel
runs on the GUI thread at every keystroke (a pooled connection, no Session).

The baseline (the target's ratio) is a naive scan that does the same job: the 50 best matches in the same
order, found without the index. SQLite's ``LIKE`` folds only ASCII case, so it runs over the folded copy of the
catalogue's text that the schema already keeps (``product_fts_content``: ``fold(name)``, ``fold(code)`` and the
barcodes of every product, one row per product) joined to ``product``:

    SELECT … FROM product_fts_content c JOIN product p ON p.id = c.id
    WHERE p.active AND ' ' || c.c0 || ' ' || c.c1 || ' ' || c.c2 LIKE '% w1%' AND … LIKE '% w2%'
    ORDER BY <the app's tier, approximated with LIKE>, CASE WHEN tier = 3 THEN p.code END, length(p.name), p.name
    LIMIT 50

It must read the whole table, since the best match may be the last row. The early-stopping scan the benchmark
used before (``LIKE '%…%' … LIMIT 50`` on ``product.name`` with the letters as spelt in the catalogue, no
order: it stops at the first 50 rows it meets) is still timed and printed for information.
"""

from __future__ import annotations

import random
import re
import sqlite3
from contextlib import contextmanager

from sqlalchemy import text

from benchmarks.harness import Context, Outcome, fmt, percentile, ratio, say, spread, step, time_ms

NAME = "search"
DESCRIPTION = "catalogue prefix search (FTS5, tiered) vs a LIKE scan doing the same job"
TARGET_P95_MS = 5.0
TARGET_RATIO = 20.0
RESULT_LIMIT = 50  # what the catalogue panel asks for

_LETTERS = re.compile(r"^[^\W\d_]{2,}$")
# Units of pack sizes ("500 ml", "12 τεμ."): nobody searches a product by them.
_UNITS = {"ml", "g", "kg", "l", "τεμ", "x"}
_COLUMNS = "p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, p.vat_exemption"


def make_queries(names: list[str], count: int, rng: random.Random) -> list[tuple[str, list[str]]]:
    """``count`` (typed text, the same letters as spelt in the catalogue) pairs drawn from product names."""
    from nexipos_desktop.storage.textfold import fold_text

    queries = []
    while len(queries) < count:
        words = [w for w in rng.choice(names).split() if _LETTERS.match(w) and w.lower() not in _UNITS]
        if not words:
            continue
        k = min(len(words), rng.choices((1, 2, 3), (50, 35, 15))[0])
        picked = sorted(rng.sample(range(len(words)), k))
        spelt = [words[i][: rng.randint(2, 5)] for i in picked]
        queries.append((" ".join(fold_text(w) for w in spelt), spelt))
    return queries


# ----- the naive scans -----

def _like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _ranked_scan_sql(word_count: int, name: str, haystack: str, source: str, code_term: str = "") -> str:
    """A scan returning the best ``:limit`` matches in the app's order (``search_tiers``), approximated with LIKE:
    a word "starts a word" when ``' ' || text`` contains ``' ' || word``; tier 0 (the name starts with the typed
    words in order) is approximated by "starts with the first, the others follow in order" (LIKE cannot say
    "adjacent"); tier 3 is the rest (code or barcode matches), ordered by code."""
    words = range(word_count)
    spaced = f"(' ' || {name})"
    in_name = [f"{spaced} LIKE :p{i} ESCAPE '\\'" for i in words]
    anywhere = " AND ".join(f"(' ' || {haystack}) LIKE :p{i} ESCAPE '\\'" for i in words)
    starts = f"{name} LIKE :start ESCAPE '\\'"
    tier0 = starts + (f" AND {spaced} LIKE :sequence ESCAPE '\\'" if word_count > 1 else "")
    tier1 = " AND ".join([starts, *in_name[1:]])
    tier2 = " AND ".join(in_name)
    tier = f"CASE WHEN {tier0} THEN 0 WHEN {tier1} THEN 1 WHEN {tier2} THEN 2 ELSE 3 END"
    where = f"({anywhere}{code_term})"
    return (f"SELECT {_COLUMNS}, {tier} AS tier FROM {source} WHERE p.active AND {where} "
            "ORDER BY tier, CASE WHEN tier = 3 THEN p.code END, length(p.name), p.name, p.id LIMIT :limit")


def ranked_scan_sql(word_count: int) -> str:
    """The baseline: the folded name, code and barcodes (``product_fts_content``), every product read."""
    return _ranked_scan_sql(word_count, "c.c0", "c.c0 || ' ' || c.c1 || ' ' || c.c2",
                            "product_fts_content c JOIN product p ON p.id = c.id")


def ranked_scan_params(words: list[str]) -> dict:
    params: dict = {f"p{i}": f"% {_like(w)}%" for i, w in enumerate(words)}
    params.update(start=f"{_like(words[0])}%", sequence=" " + "% ".join(_like(w) for w in words) + "%",
                  limit=RESULT_LIMIT)
    return params


def spelt_ranked_scan_sql(word_count: int) -> str:
    """The same job on ``product.name`` with the letters as spelt (not fold-equivalent; informational)."""
    return _ranked_scan_sql(word_count, "p.name", "p.name", "product p", " OR p.code LIKE :code")


def spelt_ranked_scan_params(spelt: list[str]) -> dict:
    params = ranked_scan_params(spelt)
    params["code"] = " ".join(spelt) + "%"
    return params


def early_scan_sql(word_count: int) -> str:
    """The previous baseline: no order, so it stops at the first ``:limit`` rows it meets."""
    names = " AND ".join(f"p.name LIKE :w{i}" for i in range(word_count))
    return f"SELECT {_COLUMNS} FROM product p WHERE p.active AND (({names}) OR p.code LIKE :code) LIMIT :limit"


def early_scan_params(spelt: list[str]) -> dict:
    params: dict = {f"w{i}": f"%{w}%" for i, w in enumerate(spelt)}
    params.update(code=" ".join(spelt) + "%", limit=RESULT_LIMIT)
    return params


@contextmanager
def pooled(db):
    """A connection of ``db.reader``'s pool, checked out and back like ``search_catalogue`` does."""
    connection = db.reader.raw_connection()
    try:
        yield connection.driver_connection
    finally:
        connection.close()


# ----- informational measurements -----

class CountingConnection:
    """Counts the statements ``search_products_dbapi`` runs (one per tier it reaches)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.statements = 0

    def execute(self, *args):
        self.statements += 1
        return self.connection.execute(*args)


def engine_breakdown(path, queries: list[tuple[str, list[str]]]) -> dict[str, list[float]]:
    """The same lookups through one plain ``sqlite3`` connection (no pool, no Session): the app's tiers, the
    query the app ran before (``ORDER BY rank``: bm25 over every match), that query without ``ORDER BY rank``,
    and the same-job scan over ``product.name`` with the letters as spelt; plus statements and matches per query."""
    from nexipos_desktop.storage.catalogue import fts_prefix_query, search_products_dbapi

    old_sql = (f"SELECT {_COLUMNS} FROM product_fts f JOIN product p ON p.id = f.rowid "
               "WHERE product_fts MATCH ? AND p.active ORDER BY f.rank LIMIT 50")
    unranked_sql = old_sql.replace("ORDER BY f.rank ", "")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def previous(sql: str):
            return lambda typed, spelt: conn.execute(sql, (fts_prefix_query(typed),)).fetchall()

        runs = {
            "app's tiers (search_products_dbapi)": lambda typed, spelt: search_products_dbapi(conn, typed,
                                                                                             RESULT_LIMIT),
            "previous query, bm25 ORDER BY rank": previous(old_sql),
            "previous query without ORDER BY": previous(unranked_sql),
            "same-job scan on product.name, as spelt": lambda typed, spelt: conn.execute(
                spelt_ranked_scan_sql(len(spelt)), spelt_ranked_scan_params(spelt)).fetchall(),
        }
        times: dict[str, list[float]] = {}
        for label, fn in runs.items():
            for typed, spelt in queries if "scan" not in label else queries[:10]:  # warm (a scan reads it all)
                fn(typed, spelt)
            times[label] = [time_ms(lambda: fn(typed, spelt)) for typed, spelt in queries]
        counting = CountingConnection(conn)
        statements = []
        for typed, _ in queries:
            counting.statements = 0
            search_products_dbapi(counting, typed, RESULT_LIMIT)
            statements.append(float(counting.statements))
        times["statements"] = statements
        times["matches"] = [float(conn.execute("SELECT count(*) FROM product_fts WHERE product_fts MATCH ?",
                                               (fts_prefix_query(typed),)).fetchone()[0]) for typed, _ in queries]
        return times
    finally:
        conn.close()


def panel_keystrokes(db, queries: list[tuple[str, list[str]]]) -> list[float]:
    """``CataloguePanel.on_search_text_changed`` per query: the search plus clearing and filling the result list
    (50 items), as it runs on the GUI thread; offscreen and not shown, so without painting."""
    from PySide6.QtWidgets import QApplication

    from nexipos_desktop.ui.catalogue_panel import CataloguePanel

    global _qt_app
    _qt_app = QApplication.instance() or QApplication(["benchmarks"])  # outlives the panel
    panel = CataloguePanel(db)
    for typed, _ in queries:
        panel.on_search_text_changed(typed)
    times = [time_ms(lambda: panel.on_search_text_changed(typed)) for typed, _ in queries]
    panel.results.clear()
    return times


_qt_app = None


def run(ctx: Context) -> list[Outcome]:
    from nexipos_desktop.storage.catalogue import SEARCH_CANDIDATES, ProductRow, search_catalogue, search_products
    from nexipos_desktop.storage.db import open_database

    sizes = ctx.sizes
    path = ctx.workspace.catalogue_db(sizes.products)
    db = open_database(path)
    try:
        with db.read() as session:
            names = [row[0] for row in session.connection().execute(text("SELECT name FROM product WHERE active"))]
        queries = make_queries(names, sizes.search_queries, random.Random(ctx.seed))

        def app(typed: str) -> list[ProductRow]:
            return search_catalogue(db, typed, RESULT_LIMIT)

        def in_session(typed: str) -> list[ProductRow]:
            with db.read() as session:
                return search_products(session, typed, RESULT_LIMIT)

        def scan(typed: str) -> list[ProductRow]:
            words = typed.split()
            with pooled(db) as conn:
                return [ProductRow(*row[:7]) for row in conn.execute(ranked_scan_sql(len(words)),
                                                                     ranked_scan_params(words))]

        def early(spelt: list[str]) -> list[ProductRow]:
            with pooled(db) as conn:
                return [ProductRow(*row) for row in conn.execute(early_scan_sql(len(spelt)), early_scan_params(spelt))]

        done = step(f"warming up: {len(queries)} queries, every way")
        app_rows = [app(typed) for typed, _ in queries]
        scan_rows = [scan(typed) for typed, _ in queries]
        early_hits = [len(early(spelt)) for _, spelt in queries]
        for typed, _ in queries:
            in_session(typed)
        done()
        done = step(f"timing {len(queries)} queries × {sizes.search_repeats}, interleaved")
        runs = {"app": lambda typed, spelt: app(typed), "scan": lambda typed, spelt: scan(typed),
                "early": lambda typed, spelt: early(spelt), "session": lambda typed, spelt: in_session(typed)}
        timings: dict[str, list[list[float]]] = {k: [[] for _ in queries] for k in runs}
        for _ in range(sizes.search_repeats):
            for i, (typed, spelt) in enumerate(queries):
                for label, fn in runs.items():
                    timings[label][i].append(time_ms(lambda: fn(typed, spelt)))
        done()
        done = step("the catalogue panel's keystroke handler (search + result list)")
        panel_ms = panel_keystrokes(db, queries)
        done()
    finally:
        db.close()
    done = step("breakdown: the same queries through one plain sqlite3 connection")
    engine = engine_breakdown(path, queries)
    done()

    ms = {label: [percentile(t, 50) for t in per_query] for label, per_query in timings.items()}
    p50 = {label: percentile(values, 50) for label, values in ms.items()}
    p95 = {label: percentile(values, 95) for label, values in ms.items()}
    matches = engine.pop("matches")
    statements = engine.pop("statements")
    by_words: dict[int, list[float]] = {}
    for (typed, _), value in zip(queries, ms["app"]):
        by_words.setdefault(len(typed.split()), []).append(value)
    slowest = sorted(zip(ms["app"], (q for q, _ in queries), (len(r) for r in app_rows)), reverse=True)[:5]
    same_first = [bool(a) and bool(s) and a[0].id == s[0].id for a, s in zip(app_rows, scan_rows)]
    narrow = [m <= SEARCH_CANDIDATES for m in matches]
    overlap = [len({r.id for r in a} & {r.id for r in s}) / len(s) for a, s in zip(app_rows, scan_rows) if s]
    same_count = sum(len(a) == len(s) for a, s in zip(app_rows, scan_rows))

    say(f"   catalogue: {sizes.products:,} products; {len(queries)} queries such as "
        + ", ".join(f"«{q}»" for q, _ in queries[:5]))
    say(f"   app, search_catalogue (the panel):    {spread(ms['app'])}; "
        f"{sum(map(len, app_rows)) / len(app_rows):.1f} rows per query")
    say(f"   scan, same job (baseline):            {spread(ms['scan'])}")
    say(f"   scan, early-stopping LIMIT (info):    {spread(ms['early'])}; "
        f"{sum(early_hits) / len(early_hits):.1f} rows per query, "
        f"{sum(h == RESULT_LIMIT for h in early_hits)} stopped early at LIMIT {RESULT_LIMIT}")
    say(f"   app, search_products in a db.read() Session: {spread(ms['session'])}")
    say(f"   panel keystroke (search + {RESULT_LIMIT}-item list, no painting): {spread(panel_ms)}")
    for words, values in sorted(by_words.items()):
        say(f"   app with {words} word(s): p50 {fmt(percentile(values, 50), 'ms')} · "
            f"p95 {fmt(percentile(values, 95), 'ms')} (n={len(values)})")
    say("   slowest app queries: " + ", ".join(f"«{q}» {fmt(t, 'ms')} ({hits} rows)" for t, q, hits in slowest))
    say(f"   FTS matches per query: p50 {percentile(matches, 50):.0f} · p95 {percentile(matches, 95):.0f} · "
        f"max {max(matches):.0f}; {sum(narrow)} queries with ≤ {SEARCH_CANDIDATES} (the app orders all of "
        f"them), statements per search: mean {sum(statements) / len(statements):.1f}, max {max(statements):.0f}")
    say(f"   app vs same-job scan: same number of rows in {same_count}/{len(queries)}; same first product in "
        f"{sum(same_first)}/{len(queries)} ({sum(f for f, n in zip(same_first, narrow) if n)}/{sum(narrow)} of "
        f"the narrow ones); mean overlap of the lists {100 * sum(overlap) / max(1, len(overlap)):.0f} %")
    say("   one plain sqlite3 connection, no pool or Session (informational):")
    for label, values in engine.items():
        say(f"     {label + ':':42} p50 {fmt(percentile(values, 50), 'ms')} · p95 {fmt(percentile(values, 95), 'ms')}")
    say(f"   ratio same-job scan/app: p50 {fmt(ratio(p50['scan'], p50['app']), 'x')} · "
        f"p95 {fmt(ratio(p95['scan'], p95['app']), 'x')} · "
        f"total time {fmt(ratio(sum(ms['scan']), sum(ms['app'])), 'x')}")
    say(f"   ratio early-stopping scan/app: p50 {fmt(ratio(p50['early'], p50['app']), 'x')} · "
        f"p95 {fmt(ratio(p95['early'], p95['app']), 'x')}")
    return [
        Outcome(NAME, "search p50", p50["app"], "ms"),
        Outcome(NAME, "search p95", p95["app"], "ms", TARGET_P95_MS),
        Outcome(NAME, "same-job scan p50 (baseline)", p50["scan"], "ms"),
        Outcome(NAME, "same-job scan p95 (baseline)", p95["scan"], "ms"),
        Outcome(NAME, "ratio same-job scan/search (p50)", ratio(p50["scan"], p50["app"]), "x", TARGET_RATIO,
                higher_is_better=True),
        Outcome(NAME, "ratio same-job scan/search (p95)", ratio(p95["scan"], p95["app"]), "x"),
        Outcome(NAME, "early-stopping LIMIT scan p50", p50["early"], "ms"),
        Outcome(NAME, "early-stopping LIMIT scan p95", p95["early"], "ms"),
        Outcome(NAME, "ratio early scan/search (p50)", ratio(p50["early"], p50["app"]), "x"),
        Outcome(NAME, "ratio early scan/search (p95)", ratio(p95["early"], p95["app"]), "x"),
        Outcome(NAME, "search_products in a Session p95", p95["session"], "ms"),
        Outcome(NAME, "panel keystroke p95 (search + list)", percentile(panel_ms, 95), "ms"),
    ]
