"""``search``: the catalogue's FTS5 prefix search against a naive ``LIKE`` scan of the same catalogue.

Queries are what a cashier types: 1–3 words of a real product name, 2–5 letters of each, lower case without
accents ("γαλ φρ"). Each is timed through ``search_products`` in a fresh ``db.read()`` session, exactly as
the catalogue panel does on every keystroke. The baseline runs the same lookups as
``SELECT … FROM product WHERE active AND (name LIKE '%w1%' AND name LIKE '%w2%' …) OR code LIKE 'q%' LIMIT 50``
in the same kind of session. SQLite's ``LIKE`` folds only ASCII case, so the scan is given the letters as
they are spelt in the catalogue («Γάλ», «φρέ»): its most favourable case, finding at least what FTS finds.
"""

from __future__ import annotations

import random
import re

from sqlalchemy import text

from benchmarks.harness import Context, Outcome, fmt, percentile, ratio, say, spread, step, time_ms

NAME = "search"
DESCRIPTION = "catalogue prefix search (FTS5) vs a LIKE scan"
TARGET_P95_MS = 5.0
TARGET_RATIO = 20.0
RESULT_LIMIT = 50  # what the catalogue panel asks for

_LETTERS = re.compile(r"^[^\W\d_]{2,}$")
# Units of pack sizes ("500 ml", "12 τεμ."): nobody searches a product by them.
_UNITS = {"ml", "g", "kg", "l", "τεμ", "x"}


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


def scan_sql(word_count: int) -> str:
    names = " AND ".join(f"p.name LIKE :w{i}" for i in range(word_count))
    return ("SELECT p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, p.vat_exemption FROM product p "
            f"WHERE p.active AND (({names}) OR p.code LIKE :code) LIMIT :limit")


def engine_breakdown(path, queries: list[tuple[str, list[str]]]) -> dict[str, list[float]]:
    """The same lookups through raw ``sqlite3`` (no Session): FTS as the app asks it, FTS without ``ORDER BY
    rank``, and the scan, to tell the engine's share from the session's and ranking's (informational)."""
    import sqlite3

    from nexipos_desktop.storage.catalogue import fts_prefix_query

    fts_sql = ("SELECT p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, p.vat_exemption "
               "FROM product_fts f JOIN product p ON p.id = f.rowid WHERE product_fts MATCH ? AND p.active "
               "ORDER BY f.rank LIMIT 50")  # catalogue.search_products' query
    unranked_sql = fts_sql.replace("ORDER BY f.rank ", "")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        def scan(spelt: list[str]) -> list:
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(spelt)}
            params.update(code=" ".join(spelt) + "%", limit=RESULT_LIMIT)
            return conn.execute(scan_sql(len(spelt)), params).fetchall()

        runs = {
            "FTS ranked (the app's query)": lambda typed, spelt: conn.execute(fts_sql, (fts_prefix_query(typed),)).fetchall(),
            "FTS without ORDER BY rank": lambda typed, spelt: conn.execute(unranked_sql, (fts_prefix_query(typed),)).fetchall(),
            "scan LIKE": lambda typed, spelt: scan(spelt),
        }
        times: dict[str, list[float]] = {}
        for label, fn in runs.items():
            for typed, spelt in queries:  # warm
                fn(typed, spelt)
            times[label] = [time_ms(lambda: fn(typed, spelt)) for typed, spelt in queries]
        matches = [conn.execute("SELECT count(*) FROM product_fts WHERE product_fts MATCH ?",
                                (fts_prefix_query(typed),)).fetchone()[0] for typed, _ in queries]
        times["matches"] = [float(m) for m in matches]
        return times
    finally:
        conn.close()


def run(ctx: Context) -> list[Outcome]:
    from nexipos_desktop.storage.catalogue import ProductRow, search_products
    from nexipos_desktop.storage.db import open_database

    sizes = ctx.sizes
    path = ctx.workspace.catalogue_db(sizes.products)
    db = open_database(path)
    try:
        with db.read() as session:
            names = [row[0] for row in session.connection().execute(text("SELECT name FROM product WHERE active"))]
        queries = make_queries(names, sizes.search_queries, random.Random(ctx.seed))

        def fts(typed: str) -> list:
            with db.read() as session:
                return search_products(session, typed, RESULT_LIMIT)

        def scan(spelt: list[str]) -> list:
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(spelt)}
            params.update(code=" ".join(spelt) + "%", limit=RESULT_LIMIT)
            with db.read() as session:
                rows = session.connection().execute(text(scan_sql(len(spelt))), params)
                return [ProductRow(*row) for row in rows]

        done = step(f"warming up: {len(queries)} queries, both ways")
        fts_hits = [len(fts(typed)) for typed, _ in queries]
        scan_hits = [len(scan(spelt)) for _, spelt in queries]
        done()
        done = step(f"timing {len(queries)} queries × {sizes.search_repeats}, interleaved")
        fts_times: list[list[float]] = [[] for _ in queries]
        scan_times: list[list[float]] = [[] for _ in queries]
        for _ in range(sizes.search_repeats):
            for i, (typed, spelt) in enumerate(queries):
                fts_times[i].append(time_ms(lambda: fts(typed)))
                scan_times[i].append(time_ms(lambda: scan(spelt)))
        done()
    finally:
        db.close()
    done = step("breakdown: the same queries through raw sqlite3")
    engine = engine_breakdown(path, queries)
    done()

    fts_ms = [percentile(t, 50) for t in fts_times]
    scan_ms = [percentile(t, 50) for t in scan_times]
    fts_p50, fts_p95 = percentile(fts_ms, 50), percentile(fts_ms, 95)
    scan_p50, scan_p95 = percentile(scan_ms, 50), percentile(scan_ms, 95)
    by_words: dict[int, list[float]] = {}
    for (typed, _), ms in zip(queries, fts_ms):
        by_words.setdefault(len(typed.split()), []).append(ms)
    slowest = sorted(zip(fts_ms, (q for q, _ in queries), fts_hits), reverse=True)[:5]

    say(f"   catalogue: {sizes.products:,} products; {len(queries)} queries such as "
        + ", ".join(f"«{q}»" for q, _ in queries[:5]))
    say(f"   FTS  search_products: {spread(fts_ms)}; {sum(fts_hits) / len(fts_hits):.1f} rows per query")
    say(f"   scan LIKE baseline:   {spread(scan_ms)}; {sum(scan_hits) / len(scan_hits):.1f} rows per query, "
        f"{sum(h == RESULT_LIMIT for h in scan_hits)} stopped early at LIMIT {RESULT_LIMIT}")
    for words, values in sorted(by_words.items()):
        say(f"   FTS with {words} word(s): p50 {fmt(percentile(values, 50), 'ms')} · "
            f"p95 {fmt(percentile(values, 95), 'ms')} (n={len(values)})")
    say("   slowest FTS queries: " + ", ".join(f"«{q}» {fmt(ms, 'ms')} ({hits} rows)" for ms, q, hits in slowest))
    matches = engine.pop("matches")
    say(f"   FTS matches per query before LIMIT {RESULT_LIMIT} (all ranked): p50 {percentile(matches, 50):.0f} · "
        f"p95 {percentile(matches, 95):.0f} · max {max(matches):.0f}")
    say("   raw sqlite3, no Session (informational):")
    for label, values in engine.items():
        say(f"     {label + ':':30} p50 {fmt(percentile(values, 50), 'ms')} · p95 {fmt(percentile(values, 95), 'ms')}")
    say(f"   ratio scan/FTS: p50 {fmt(ratio(scan_p50, fts_p50), 'x')} · p95 {fmt(ratio(scan_p95, fts_p95), 'x')} · "
        f"total time {fmt(ratio(sum(scan_ms), sum(fts_ms)), 'x')}")
    return [
        Outcome(NAME, "FTS latency p50", fts_p50, "ms"),
        Outcome(NAME, "FTS latency p95", fts_p95, "ms", TARGET_P95_MS),
        Outcome(NAME, "scan p50 (baseline)", scan_p50, "ms"),
        Outcome(NAME, "ratio scan/FTS (p50)", ratio(scan_p50, fts_p50), "x", TARGET_RATIO, higher_is_better=True),
        Outcome(NAME, "ratio scan/FTS (p95)", ratio(scan_p95, fts_p95), "x"),
    ]
