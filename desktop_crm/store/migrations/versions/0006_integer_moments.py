"""moments as integers: microseconds since 1970 UTC in every moment column

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

Every tracked row kept ``created_at``, ``updated_at`` and ``deleted_at`` (and the log its ``at``,
contacts their ``last_contacted_at``…) as 27 characters of ISO text, ``2026-12-07T00:34:00.
123456Z``. They become integer microseconds since 1970-01-01 UTC (8 bytes; ``types.UtcDateTime``
reads either). A column's declared type decides how SQLite stores a value (a VARCHAR column
would turn the integer back into text), so each table with moments is copied into one whose
moment columns are BIGINT, converting on the way (exact: whole seconds through ``strftime('%s')``,
the six fraction digits added as they are), then its indexes are made again. Text of another
shape, if any, is converted in Python afterwards. ``search_docs`` has kept integers since
schema 5. The change log's JSON values keep ISO text: they are values, not columns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop_crm.store.types import iso_text, micros, parse_moment

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_TRACKED = ("created_at", "updated_at", "deleted_at")
# table -> its moment columns (schema 5), frozen here: later models may add tables or columns.
MOMENTS: dict[str, tuple[str, ...]] = {
    "operations": ("at", "undone_at"),
    "change_log": ("at",),
    "users": _TRACKED,
    "settings": _TRACKED,
    "custom_field_defs": _TRACKED,
    "custom_field_values": _TRACKED,
    "import_batches": _TRACKED,
    "pipelines": _TRACKED,
    "stages": _TRACKED,
    "products": _TRACKED,
    "tags": _TRACKED,
    "sales_targets": _TRACKED,
    "companies": ("last_contacted_at", *_TRACKED),
    "people": ("last_contacted_at", *_TRACKED),
    "addresses": _TRACKED,
    "emails": _TRACKED,
    "phones": _TRACKED,
    "taggings": _TRACKED,
    "deals": _TRACKED,
    "activities": ("occurred_at", *_TRACKED),
    "deal_stage_changes": ("moved_at", *_TRACKED),
    "follow_ups": ("done_at", *_TRACKED),
    "quotes": _TRACKED,
    "quote_lines": _TRACKED,
    "contracts": _TRACKED,
    "payment_plans": _TRACKED,
    "payments": _TRACKED,
}
_ISO_GLOB = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9]Z"  # noqa: E501


def _to_micros(column: str) -> str:
    """SQL: ISO text ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` as integer microseconds, anything else as is."""
    return (
        f"CASE WHEN typeof({column}) = 'text' AND {column} GLOB '{_ISO_GLOB}' "
        f"THEN CAST(strftime('%s', substr({column}, 1, 19)) AS INTEGER) * 1000000 "
        f"+ CAST(substr({column}, 21, 6) AS INTEGER) ELSE {column} END"
    )


def _to_text(column: str) -> str:
    """SQL: integer microseconds as the ISO text of schema 5 (floored, so exact before 1970 too)."""
    frac = f"(({column} % 1000000) + 1000000) % 1000000"
    return (
        f"CASE WHEN typeof({column}) = 'integer' THEN "
        f"strftime('%Y-%m-%dT%H:%M:%S', ({column} - {frac}) / 1000000, 'unixepoch') "
        f"|| '.' || printf('%06d', {frac}) || 'Z' ELSE {column} END"
    )


def upgrade() -> None:
    for table, columns in MOMENTS.items():
        _retype(table, columns, "VARCHAR(32)", "BIGINT", _to_micros)
        _convert_rest(table, columns, "text", lambda v: micros(parse_moment(v)))
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    for table, columns in MOMENTS.items():
        _retype(table, columns, "BIGINT", "VARCHAR(32)", _to_text)
        _convert_rest(table, columns, "integer", lambda v: iso_text(parse_moment(v)))
    op.execute("PRAGMA user_version = 5")


def _retype(
    table: str, columns: tuple[str, ...], old: str, new: str, convert: Callable[[str], str]
) -> None:
    """Copy ``table`` into one whose ``columns`` are declared ``new``, converting each value.

    SQLite's way of changing a column's type (make the new table, copy, drop, rename, index
    again); foreign keys are off while migrations run (``schema._migrate``).
    """
    bind = op.get_bind()
    sql = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    indexes = [
        r[0]
        for r in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL",
            (table,),
        )
    ]
    copy = f"_retype_{table}"
    sql, renamed = re.subn(rf'^CREATE TABLE "?{table}"?', f"CREATE TABLE {copy}", sql)
    assert renamed == 1, table
    for column in columns:
        sql, found = re.subn(rf'(\n\s*"?{column}"? ){re.escape(old)}', rf"\g<1>{new}", sql)
        assert found == 1, (table, column)
    names = [r[1] for r in bind.exec_driver_sql(f'PRAGMA table_info("{table}")')]
    quoted = [f'"{n}"' for n in names]
    values = [convert(q) if n in columns else q for n, q in zip(names, quoted, strict=True)]
    bind.exec_driver_sql(sql)
    bind.exec_driver_sql(
        f"INSERT INTO {copy} ({', '.join(quoted)}) "
        f"SELECT {', '.join(values)} FROM \"{table}\""
    )
    bind.exec_driver_sql(f'DROP TABLE "{table}"')
    bind.exec_driver_sql(f'ALTER TABLE {copy} RENAME TO "{table}"')
    for index in indexes:
        bind.exec_driver_sql(index)


def _convert_rest(
    table: str, columns: tuple[str, ...], kind: str, convert: Callable[[Any], Any]
) -> None:
    """Convert, in Python, values the SQL above left as they were (none in files we wrote)."""
    bind = op.get_bind()
    for column in columns:
        left = bind.execute(
            sa.text(f'SELECT rowid, "{column}" FROM "{table}" WHERE typeof("{column}") = :kind'),
            {"kind": kind},
        ).all()
        for start in range(0, len(left), 1000):
            bind.execute(
                sa.text(f'UPDATE "{table}" SET "{column}" = :value WHERE rowid = :rowid'),
                [{"value": convert(v), "rowid": r} for r, v in left[start : start + 1000]],
            )
