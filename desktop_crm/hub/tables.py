"""The hub's copy of the domain tables, generated from the models with readable types.

The laptops keep ids as 16 bytes, moments as integer microseconds and money as integer
ten-thousandths (compact SQLite); the hub keeps ``uuid``, ``timestamptz`` and ``numeric``, so a
studio can read and back up its data with any PostgreSQL tool. Values travel between them in the
change log's JSON forms (``store.values``), which PostgreSQL parses into these types: a value of
the wrong type is refused by the hub, never stored.

No foreign keys (a merge may bring a child before its parent) and no NOT NULLs (the laptops
validate); the models' live unique keys are kept, so two laptops creating one tag offline meet
at the hub as a possible duplicate instead of two live rows.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    Index,
    Integer,
    Table,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect
from sqlalchemy.schema import CreateIndex

from desktop_crm.store.models import TRACKED_MODELS, Base
from desktop_crm.store.types import ExactDecimal, IdType, UtcDateTime

SCHEMA = "crm"


def synced_tables() -> list[Table]:
    """The tables a hub shares, in a stable order (parents before most children)."""
    tracked = {model.__tablename__ for model in TRACKED_MODELS.values()}
    return [t for t in Base.metadata.sorted_tables if t.name in tracked]


def pg_type(column: Column[object]) -> str:
    """The hub's column type for a laptop column."""
    kind = column.type
    if isinstance(kind, IdType):
        return "uuid"
    if isinstance(kind, UtcDateTime):
        return "timestamptz"
    if isinstance(kind, ExactDecimal):
        return "numeric(24, 4)"
    if isinstance(kind, Date):
        return "date"
    if isinstance(kind, Boolean):
        return "boolean"
    if isinstance(kind, Float):
        return "double precision"
    if isinstance(kind, Integer):
        return "bigint"
    if isinstance(kind, JSON):
        return "jsonb"
    return "text"  # strings, and bytes as the change log keeps them (base64)


def table_ddl(table: Table) -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` and its unique indexes, for one synced table."""
    # The table with its id, then every column added if missing: one path for a new hub and
    # for one a later app version upgrades (idempotent).
    statements = [
        f'CREATE TABLE IF NOT EXISTS {SCHEMA}."{table.name}" ("id" uuid PRIMARY KEY, '
        "sync_version bigint NOT NULL DEFAULT 0, "
        "sync_fields jsonb NOT NULL DEFAULT '{}'::jsonb)"
    ]
    statements += [
        f'ALTER TABLE {SCHEMA}."{table.name}" ADD COLUMN IF NOT EXISTS "{c.name}" {pg_type(c)}'
        for c in table.columns
        if c.name != "id"
    ]
    dialect = postgresql.dialect()  # type: ignore[no-untyped-call]
    for index in table.indexes:
        if index.unique:
            statements.append(_unique_index(index, dialect))
    return statements


def _unique_index(index: Index, dialect: Dialect) -> str:
    sql = str(CreateIndex(index, if_not_exists=True).compile(dialect=dialect))
    table = index.table
    assert table is not None
    return sql.replace(f" ON {table.name} ", f' ON {SCHEMA}."{table.name}" ', 1)
