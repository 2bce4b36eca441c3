"""The product catalogue: instant prefix search (FTS5), lookup by code or barcode, quick keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from typing import TYPE_CHECKING

from nexipos_desktop.storage.textfold import fold_text

if TYPE_CHECKING:
    from sqlmodel import Session

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


def fts_prefix_query(search: str) -> str | None:
    """Turn what the cashier typed into an FTS5 query: every word must start a word of the product."""
    words = _WORD.findall(fold_text(search))
    if not words:
        return None
    return " AND ".join(f'"{word}"*' for word in words)


def search_products(session: "Session", search: str, limit: int = 50) -> list[ProductRow]:
    """Products whose name, code or barcode words start with every typed word, best matches first."""
    query = fts_prefix_query(search)
    if query is None:
        return []
    rows = session.connection().exec_driver_sql(
        (
            f"SELECT {_COLUMNS} FROM product_fts f JOIN product p ON p.id = f.rowid "
            "WHERE product_fts MATCH :q AND p.active ORDER BY f.rank LIMIT :limit"
        ),
        {"q": query, "limit": limit},
    )
    return [ProductRow(*row) for row in rows]


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
