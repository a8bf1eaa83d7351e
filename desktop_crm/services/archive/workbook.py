"""The whole workspace as one workbook (a sheet per table), and back into an empty workspace.

Every row goes, deleted ones and the change log included, with its id, so a workspace moved
this way keeps its history and later syncs as the same records. Values are written as people
read them where that loses nothing (dates as dates, exact amounts as numbers); moments are ISO
text with their offset, JSON as text, photos as base64. Text longer than a cell holds is
continued on the ``_long`` sheet.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    LargeBinary,
    Table,
    Text,
    delete,
    func,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import JSON

from desktop_crm.domain.errors import FileFormatError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.spreadsheet.table_writer import write_sheets
from desktop_crm.spreadsheet.tables import Table as Sheet
from desktop_crm.spreadsheet.tables import read_all_sheets, read_table
from desktop_crm.store import search_index
from desktop_crm.store.local_user import set_local_user
from desktop_crm.store.models import Base, User
from desktop_crm.store.schema import SCHEMA_VERSION
from desktop_crm.store.store import Store
from desktop_crm.store.types import ExactDecimal, UtcDateTime

MARKER = "Desktop CRM workspace export"
ABOUT = "_about"
LONG = "_long"
_SKIP = {"search_docs", "local_state"}  # derived or per machine
_CELL = 32_000  # a cell holds 32,767 characters
_ROWS = 1_000_000  # a sheet holds 1,048,576 rows
_CONTENT = ("people", "companies", "deals", "products", "quotes", "contracts", "activities")


def tables() -> list[Table]:
    """The tables a workspace export holds, parents before children."""
    return [t for t in Base.metadata.sorted_tables if t.name not in _SKIP]


def export_workspace(store: Store, target: Path, progress: Progress | None = None) -> int:
    """Write every table to ``target`` (.xlsx); how many rows in all.

    Raises:
        StorageError: The file could not be written (nothing half-written is left).
    """
    progress = progress or NullProgress()
    counts: dict[str, int] = {}
    long_parts: list[tuple[str, str, str, int, str]] = []
    with store.read() as session:
        for table in tables():
            counts[table.name] = session.scalar(select(func.count()).select_from(table)) or 0
    total, written = sum(counts.values()), 0

    def rows_of(table: Table) -> Iterator[list[Any]]:
        nonlocal written
        key = table.primary_key.columns.values()[0]
        raw = [type_coerce(c, Text) if isinstance(c.type, JSON) else c for c in table.columns]
        with store.read() as session:
            for row in session.execute(select(*raw).order_by(key)):
                progress.check_cancelled()
                written += 1
                if written % 500 == 0:
                    progress.report(written, total)
                values = []
                for column, value in zip(table.columns, row, strict=True):
                    cell = _encode(column.type, value)
                    if isinstance(cell, str) and len(cell) > _CELL:
                        for part, start in enumerate(range(0, len(cell), _CELL)):
                            chunk = cell[start : start + _CELL]
                            long_parts.append((table.name, str(row[0]), column.name, part, chunk))
                        cell = f"[{LONG}]"
                    values.append(cell)
                yield values

    def sheets() -> Iterator[tuple[str, list[str], Any]]:
        yield (
            ABOUT,
            ["what", "value"],
            [[MARKER, ""], ["schema", SCHEMA_VERSION], ["exported", datetime.now().isoformat()]]
            + [["local_user", store.actor_id or ""]]
            + [[f"table:{name}", count] for name, count in counts.items()],
        )
        for table in tables():
            headers = [c.name for c in table.columns]
            rows = rows_of(table)
            for part in range(max(1, -(-counts[table.name] // _ROWS))):
                name = table.name if part == 0 else f"{table.name} ({part + 1})"
                yield name, headers, _take(rows, _ROWS)
        yield LONG, ["table", "id", "column", "part", "text"], long_parts

    write_sheets(target, sheets())
    return sum(counts.values())


def _take(rows: Iterator[list[Any]], limit: int) -> Iterator[list[Any]]:
    for _ in range(limit):
        try:
            yield next(rows)
        except StopIteration:
            return


def is_workspace_export(path: Path) -> bool:
    """Whether ``path`` is a workbook written by :func:`export_workspace`."""
    if path.suffix.lower() != ".xlsx":
        return False
    try:
        about = read_table(path, ABOUT)
    except FileFormatError:
        return False
    return len(about.rows) > 1 and about.rows[1][:1] == [MARKER]


def _about(path: Path) -> dict[str, str]:
    """The export's own description: marker, schema, and ``table:<name>`` row counts.

    Read alone (small) so a refused import never reads the whole workbook.
    """
    rows = read_table(path, ABOUT).rows[1:]
    return {str(r[0]): str(r[1]) for r in rows if r and r[0] and len(r) > 1 and r[1] is not None}


def export_counts(path: Path) -> dict[str, int]:
    """The rows per table a workspace export says it holds."""
    return {k[6:]: int(v) for k, v in _about(path).items() if k.startswith("table:")}


def import_workspace(store: Store, path: Path, progress: Progress | None = None) -> int:
    """Load a workspace export into this (empty) workspace; how many rows.

    Raises:
        ValidationError: The workspace already holds records, or the export is from a newer
            version.
        FileFormatError: The workbook is not a complete workspace export.
    """
    progress = progress or NullProgress()
    info = _about(path)
    if int(info.get("schema") or 0) > SCHEMA_VERSION:
        raise ValidationError(
            f"{path.name} comes from a newer Desktop CRM; update the app to import it.",
            field="path",
        )
    with store.read() as session:
        for name in _CONTENT:
            table = Base.metadata.tables[name]
            if session.scalar(select(func.count()).select_from(table)):
                raise ValidationError(
                    f"This workspace already holds {name}; import a workspace export into a "
                    "new, empty workspace (File > New Workspace).",
                    field="path",
                )
    sheets = read_all_sheets(path)
    long_text = _long_text(sheets[LONG]) if LONG in sheets else {}
    loaded: list[tuple[Table, list[dict[str, Any]]]] = []
    for table in tables():
        expected = int(info.get(f"table:{table.name}") or 0)
        rows = _read_rows(path, table, sheets, long_text)
        if len(rows) != expected:
            raise FileFormatError(
                f"{path.name}: sheet “{table.name}” holds {len(rows)} rows, the export wrote "
                f"{expected}; the file was changed or cut short.",
                path=str(path),
            )
        loaded.append((table, rows))
        progress.check_cancelled()
    with store.engine.begin() as conn:
        for table in reversed(tables()):
            conn.execute(delete(table))  # the empty workspace's own starting rows
        for table, rows in loaded:
            _insert_stored(conn, table, rows)
    with store.unit_of_work(op_label(LabelCode.REBUILD_SEARCH), "system") as (session, _rec):
        search_index.rebuild_all(session)
    with store.engine.begin() as conn, Session(conn) as session:
        store.actor_id = _restored_local_user(session, info.get("local_user") or "")
    store.search_keys.invalidate()
    return sum(len(rows) for _t, rows in loaded)


def _restored_local_user(session: Session, named: str) -> str | None:
    """Who sits here after a restore: the export's local user, else its first user.

    Exports before schema 12 named no local user (it was a flag on the users table).
    """
    users = list(session.scalars(select(User.id).order_by(User.created_at)))
    chosen = named if named in users else (users[0] if users else None)
    if chosen is not None:
        set_local_user(session, chosen)
        session.flush()
    return chosen


def _insert_stored(conn: Any, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows as stored: types applied, JSON text kept exactly as it was written."""
    if not rows:
        return
    processors = [
        (c.name, None if isinstance(c.type, JSON) else c.type.bind_processor(conn.dialect))
        for c in table.columns
    ]
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        table.name, ", ".join(f'"{n}"' for n, _p in processors), ", ".join("?" * len(processors))
    )
    conn.exec_driver_sql(
        sql,
        [
            tuple(
                p(row[n]) if p is not None and row[n] is not None else row[n] for n, p in processors
            )
            for row in rows
        ],
    )


def _read_rows(
    path: Path,
    table: Table,
    sheets: dict[str, Sheet],
    long_text: dict[tuple[str, str, str], str],
) -> list[dict[str, Any]]:
    if table.name not in sheets:
        raise FileFormatError(f"{path.name} has no sheet “{table.name}”.", path=str(path))
    names = [c.name for c in table.columns]
    rows: list[dict[str, Any]] = []
    part = 1
    name = table.name
    while name in sheets:
        sheet = sheets[name]
        if sheet.rows and [str(h) for h in sheet.rows[0][: len(names)]] != names:
            raise FileFormatError(
                f"{path.name}: the columns of sheet “{name}” were changed.", path=str(path)
            )
        for raw in sheet.rows[1:]:
            if not any(v is not None for v in raw):
                continue
            cells = list(raw) + [None] * (len(names) - len(raw))
            key = str(cells[0])
            row = {}
            for column, value in zip(table.columns, cells, strict=False):
                try:
                    if value == f"[{LONG}]":
                        value = long_text[(table.name, key, column.name)]
                    row[column.name] = _decode(column.type, value)
                except (ValueError, TypeError, KeyError):
                    raise FileFormatError(
                        f"{path.name}: sheet “{name}”, column {column.name} holds “{value}”, "
                        "which is not what the export wrote; the file was edited.",
                        path=str(path),
                    ) from None
            rows.append(row)
        part += 1
        name = f"{table.name} ({part})"
    return rows


def _long_text(sheet: Sheet) -> dict[tuple[str, str, str], str]:
    parts: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for row in sheet.rows[1:]:
        table, key, column, part, text = (list(row) + [None] * 5)[:5]
        parts.setdefault((str(table), str(key), str(column)), []).append(
            (int(str(part)), str(text or ""))
        )
    return {k: "".join(t for _p, t in sorted(v)) for k, v in parts.items()}


def _encode(kind: Any, value: Any) -> Any:
    """A stored value as a cell."""
    if value is None:
        return None
    if isinstance(kind, ExactDecimal):
        as_float = float(value)
        return as_float if Decimal(repr(as_float)) == value else str(value)
    if isinstance(kind, UtcDateTime):
        return value.isoformat()
    if isinstance(kind, JSON):
        return str(value)  # the stored JSON text, exactly
    if isinstance(kind, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(kind: Any, value: Any) -> Any:
    """A cell as the stored value."""
    if value is None:
        return None
    if isinstance(kind, ExactDecimal):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat(str(value))
    if isinstance(kind, JSON):
        json.loads(str(value))  # refuse what is not JSON (ValueError)
        return str(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(str(value))
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Date):
        return value.date() if isinstance(value, datetime) else date.fromisoformat(str(value))
    if isinstance(kind, Integer):
        return int(value)
    return value if isinstance(value, str) else _text(value)


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
