"""Folding text for search: lower case without accents, so «ΓΑΛΑ», «γαλα» and «Γάλα» match.

SQLite's unicode61 tokenizer folds case but removes diacritics only from Latin letters, not the Greek tonos, so
the catalogue index stores folded text (the ``fold`` SQL function, registered on every connection).
"""

from __future__ import annotations

import unicodedata


def fold_text(text: str | None) -> str:
    """Case-fold and strip combining marks: ``"Γάλα Φρέσκο"`` → ``"γαλα φρεσκο"`` (final ς → σ)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
