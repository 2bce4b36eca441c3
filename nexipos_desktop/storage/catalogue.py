"""The product catalogue: instant prefix search (FTS5), lookup by code or barcode, quick keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from nexipos_desktop.storage.textfold import fold_text

if TYPE_CHECKING:
    import sqlite3

    from sqlmodel import Session

    from nexipos_desktop.storage.db import Database

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class ProductRow:
    """A product as the till needs it."""

    id: int
    code: str
    name: str
    price_cents: int
    vat_category: int
    unit: int
    vat_exemption: int | None = None


_COLUMNS = "p.id, p.code, p.name, p.price_cents, p.vat_category, p.unit, p.vat_exemption"


def _fts_prefixes(search: str) -> list[str]:
    """One FTS5 prefix phrase per typed word, folded: ``"γαλα"*``."""
    return [f'"{word}"*' for word in _WORD.findall(fold_text(search))]


def fts_prefix_query(search: str) -> str | None:
    """Turn what the cashier typed into an FTS5 query: every word must start a word of the product."""
    prefixes = _fts_prefixes(search)
    if not prefixes:
        return None
    return " AND ".join(prefixes)


# How many index matches of one tier are put in order, at most (or 4 × the limit when that is more). A tier with
# more matches is ordered among its first ones in index (rowid) order: see ``search_products_dbapi``.
SEARCH_CANDIDATES = 200

_BY_NAME = "length(p.name), p.name, p.id"
_BY_CODE = "p.code, p.id"


def search_tiers(search: str) -> list[tuple[str, str]]:
    """The tiers of a search, best first, as (FTS5 query, SQL order of the tier's products).

    1. the name starts with the typed words, in the typed order («γαλα φρ» → «Γάλα φρέσκο …»);
    2. (two words or more) the name starts with the first typed word and has the others anywhere;
    3. the name has every typed word, anywhere;
    4. every typed word starts a word of the name, code or barcodes: all that ``fts_prefix_query`` matches
       (codes and barcodes).

    Each tier is contained in the next one. Within a name tier shorter names come first (the plain product
    before its variants: «Γάλα φρέσκο πλήρες 1L» before «Γάλα φρέσκο πλήρες 1L (νησιωτικό)»), then by name;
    within the last tier by code, so a typed code comes before the longer codes it starts.
    """
    prefixes = _fts_prefixes(search)
    if not prefixes:
        return []
    everywhere = " AND ".join(prefixes)
    tiers = [(f"name : (^ {' + '.join(prefixes)})", _BY_NAME)]
    if len(prefixes) > 1:
        tiers.append((f"name : (^ {prefixes[0]} AND {' AND '.join(prefixes[1:])})", _BY_NAME))
    tiers.append((f"name : ({everywhere})", _BY_NAME))
    tiers.append((everywhere, _BY_CODE))
    return tiers


_TIER_SQL = (
    f"SELECT {_COLUMNS} FROM (SELECT rowid AS id FROM product_fts WHERE product_fts MATCH ? LIMIT ?) c "
    "JOIN product p ON p.id = c.id WHERE p.active ORDER BY {order} LIMIT ?"
)


def search_products_dbapi(connection: "sqlite3.Connection", search: str, limit: int = 50) -> list[ProductRow]:
    """``search_products`` on a DB-API (``sqlite3``) connection, without SQLAlchemy.

    Never ranks every match (FTS5's bm25 over 15,000 matches of «κα» took ~10 ms): tier by tier (see
    ``search_tiers``) it takes at most ``SEARCH_CANDIDATES`` matches from the index, in index order, orders
    those, and stops as soon as ``limit`` products are found. A broad prefix therefore costs about what a
    narrow one does; which of its thousands of matches come first matters little until the cashier types
    more, and they are still names that start with what was typed. Runs up to four short statements; on an
    autocommit connection each reads the latest committed catalogue.
    """
    if limit <= 0:
        return []
    candidates = max(SEARCH_CANDIDATES, 4 * limit)
    found: dict[int, ProductRow] = {}
    for match, order in search_tiers(search):
        rows = connection.execute(_TIER_SQL.format(order=order), (match, candidates, limit + len(found))).fetchall()
        for row in rows:
            if row[0] not in found:
                found[row[0]] = ProductRow(*row)
                if len(found) == limit:
                    return list(found.values())
    return list(found.values())


def search_products(session: "Session", search: str, limit: int = 50) -> list[ProductRow]:
    """Products whose name, code or barcode words start with every typed word, best matches first.

    Names that start with the typed words come first, then names that have them elsewhere, then code and
    barcode matches (see ``search_tiers`` and ``search_products_dbapi``, which runs on the session's
    connection).
    """
    return search_products_dbapi(session.connection().connection.driver_connection, search, limit)


def search_catalogue(db: "Database", search: str, limit: int = 50) -> list[ProductRow]:
    """``search_products`` through a pooled connection of ``db.reader`` with no Session and no transaction
    around it: what the catalogue panel runs on the GUI thread at every keystroke (the pool keeps and reuses
    the connection; checking it out and back costs a few microseconds)."""
    connection = db.reader.raw_connection()
    try:
        return search_products_dbapi(connection.driver_connection, search, limit)
    finally:
        connection.close()  # back to the pool (its reset is a no-op rollback: no transaction is open)


def find_product(session: "Session", code_or_barcode: str) -> ProductRow | None:
    """The active product with exactly this barcode or code (barcode first: scanners send barcodes)."""
    key = code_or_barcode.strip()
    row = session.connection().exec_driver_sql(
        (
            f"SELECT {_COLUMNS} FROM product_barcode b JOIN product p ON p.id = b.product_id "
            "WHERE b.barcode = :k AND p.active"
        ),
        {"k": key},
    ).first()
    if row is None:
        row = session.connection().exec_driver_sql(
            f"SELECT {_COLUMNS} FROM product p WHERE p.code = :k AND p.active", {"k": key}
        ).first()
    return ProductRow(*row) if row else None


def quick_key_products(session: "Session", limit: int = 24) -> list[ProductRow]:
    """Products pinned to the quick-key grid, in key order."""
    rows = session.connection().exec_driver_sql(
        (
            f"SELECT {_COLUMNS} FROM product p WHERE p.quick_key IS NOT NULL AND p.active "
            "ORDER BY p.quick_key LIMIT :limit"
        ),
        {"limit": limit},
    )
    return [ProductRow(*row) for row in rows]


def product_count(session: "Session") -> int:
    return session.connection().exec_driver_sql("SELECT count(*) FROM product").scalar_one()
