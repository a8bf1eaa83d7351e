"""Which live rows hold the unique keys a row is about to take (tags, codes, numbers).

Undo refuses such a move; a pull from the team hub makes room instead (see
``services/team/pull.py``). Both read the models' live unique indexes the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Index, Table, select
from sqlalchemy.orm import Session

from desktop_crm.store.undo import _bound, _expressions, _unique_keys


def unique_keys(table: Table) -> list[Index]:
    """The table's unique indexes over live rows."""
    return _unique_keys(table)


def live_holders(
    session: Session, table: Table, values: Mapping[str, Any], row_id: str
) -> list[tuple[Index, Mapping[str, Any]]]:
    """Live rows other than ``row_id`` holding a key the row would hold, by index.

    ``values`` are the row's final column values.
    """
    found: list[tuple[Index, Mapping[str, Any]]] = []  # RowMapping is a Mapping
    for index in _unique_keys(table):
        if any(values.get(c.key) is None for c in index.columns):
            continue  # NULL keys never clash
        same = [e == _bound(e, table, dict(values)) for e in _expressions(index)]
        for other in session.execute(
            select(table).where(*same, table.c.deleted_at.is_(None), table.c.id != row_id)
        ).mappings():
            found.append((index, dict(other)))
    return found
