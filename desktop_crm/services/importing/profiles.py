"""Remembered import mappings, offered again for files with the same columns.

Kept per machine (local state, not the change log): remembering a mapping is not an edit a
user would want ``undo`` to take back before the import itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select

from desktop_crm.spreadsheet.mapping import key
from desktop_crm.store.models import LocalState
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

_KEY = "import.profiles"
_KEEP = 50


def signature(entity: str, columns: Sequence[str]) -> str:
    """What identifies "a file with the same columns"."""
    return entity + "|" + "\x1f".join(key(c) for c in columns)


def find_profile(store: Store, entity: str, columns: Sequence[str]) -> dict[str, Any] | None:
    """The remembered mapping for these columns: ``mapping``, ``date_orders``, ``source``."""
    profile = _all(store).get(signature(entity, columns))
    if not profile:
        return None
    width = len(columns)
    mapping = {int(k): v for k, v in profile.get("mapping", {}).items() if int(k) < width}
    orders = {int(k): v for k, v in profile.get("date_orders", {}).items() if int(k) < width}
    return {"mapping": mapping, "date_orders": orders, "source": profile.get("source")}


def remember_profile(
    store: Store,
    entity: str,
    columns: Sequence[str],
    mapping: dict[int, str],
    date_orders: dict[int, str],
    source: str,
) -> None:
    """Remember the mapping used for these columns (the newest 50 are kept)."""
    profiles = _all(store)
    profiles[signature(entity, columns)] = {
        "mapping": {str(k): v for k, v in mapping.items()},
        "date_orders": {str(k): v for k, v in date_orders.items()},
        "source": source,
        "at": utc_now().isoformat(),
    }
    newest = sorted(profiles.items(), key=lambda item: item[1].get("at", ""), reverse=True)
    with store.engine.begin() as conn:
        conn.execute(
            insert(LocalState).prefix_with("OR REPLACE"),
            {"key": _KEY, "value": dict(newest[:_KEEP])},
        )


def _all(store: Store) -> dict[str, Any]:
    with store.read() as session:
        value = session.scalar(select(LocalState.value).where(LocalState.key == _KEY))
    return dict(value) if isinstance(value, dict) else {}
