"""Python functions SQLite calls while building search documents.

Only what SQL cannot do itself: Unicode case and width folding, pinyin. Registered on every
connection, so documents are built by ``INSERT ... SELECT`` inside SQLite.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from desktop_crm.domain.text import has_cjk, name_pinyin, normalize, phrase_pinyin


@lru_cache(maxsize=65_536)  # names repeat (and SQLite calls once per document)
def _name_pinyin(name: str | None) -> str:
    if not name or not has_cjk(name):
        return ""
    return " ".join(name_pinyin(name))


def _phrase_pinyin(name: str | None) -> str:
    return " ".join(phrase_pinyin(name)) if name else ""


@lru_cache(maxsize=65_536)
def _sort_key(name: str | None, company: int) -> str:
    if not name:
        return ""
    full = (phrase_pinyin(name) if company else name_pinyin(name))[0] if has_cjk(name) else ""
    return normalize(f"{full or name} {name}")


def register(conn: sqlite3.Connection) -> None:
    """Make the functions available to SQL on ``conn``."""
    conn.create_function("crm_norm", 1, lambda text: normalize(text or ""), deterministic=True)
    conn.create_function("crm_name_pinyin", 1, _name_pinyin, deterministic=True)
    conn.create_function("crm_phrase_pinyin", 1, _phrase_pinyin, deterministic=True)
    conn.create_function("crm_sort_key", 2, _sort_key, deterministic=True)
