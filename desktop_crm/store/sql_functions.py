"""Python functions SQLite calls while building search documents and converting ids.

Only what SQL cannot do itself: Unicode case and width folding, pinyin, ids between their text
(JSON values of the change log) and their 16 stored bytes. Registered on every connection, so
documents are built by ``INSERT ... SELECT`` inside SQLite.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from desktop_crm.domain.text import has_cjk, name_pinyin, normalize, phrase_pinyin
from desktop_crm.store.types import id_bytes, id_text


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


def _id_blob(value: str | bytes | None) -> bytes | str | None:
    """``crm_id(x)``: an id's 16 stored bytes from its text.

    Bytes and NULL pass through; text that is no UUID stays text (``types.id_bytes``).
    """
    if value is None or isinstance(value, bytes):
        return value
    return id_bytes(value)


def _id_text(value: str | bytes | None) -> str | None:
    """``crm_id_text(x)``: an id's canonical text from its 16 stored bytes (text passes through)."""
    if value is None or isinstance(value, str) or len(value) != 16:
        return value if not isinstance(value, bytes) else value.hex()
    return id_text(value)


def register(conn: sqlite3.Connection) -> None:
    """Make the functions available to SQL on ``conn``."""
    conn.create_function("crm_norm", 1, lambda text: normalize(text or ""), deterministic=True)
    conn.create_function("crm_name_pinyin", 1, _name_pinyin, deterministic=True)
    conn.create_function("crm_phrase_pinyin", 1, _phrase_pinyin, deterministic=True)
    conn.create_function("crm_sort_key", 2, _sort_key, deterministic=True)
    conn.create_function("crm_id", 1, _id_blob, deterministic=True)
    conn.create_function("crm_id_text", 1, _id_text, deterministic=True)
