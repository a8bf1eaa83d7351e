"""ids as 16 bytes: every id and foreign key column holds the UUID's bytes, not its text

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07

Every row kept its UUIDv7 id, and every foreign key, index entry, search document and change
log row repeated ids, as 36 characters of text (a third of a 100,000-contact workspace). They
become the UUID's 16 bytes (``types.IdType`` turns them back into the same canonical text in
Python and still reads text). SQLite stores a value by its column's declared type, so, as in
``0006``, each table with ids is copied into one whose id columns are BLOB, converting on the
way with ``crm_id`` (``sql_functions``: SQLite here predates ``unhex``; text that is no UUID is
kept as it is), and its indexes are made again. ``search_docs`` keeps its rowids, which the
FTS index (external content) points to. Ids inside the change log's JSON values stay text.
"""

from __future__ import annotations

import re

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# table -> its id columns (schema 6), frozen here: later models may add tables or columns.
IDS: dict[str, tuple[str, ...]] = {
    "search_docs": ("record_id", "company_id", "owner_id"),
    "operations": ("id", "actor_id", "target_id"),
    "change_log": ("id", "operation_id", "entity_id", "actor_id"),
    "users": ("id",),
    "settings": ("id",),
    "custom_field_defs": ("id",),
    "custom_field_values": ("field_id", "record_id", "id"),
    "import_batches": ("operation_id", "id"),
    "pipelines": ("id",),
    "stages": ("pipeline_id", "id"),
    "products": ("id",),
    "tags": ("id",),
    "sales_targets": ("user_id", "id"),
    "companies": ("owner_id", "id"),
    "people": ("company_id", "owner_id", "id"),
    "addresses": ("person_id", "company_id", "id"),
    "emails": ("person_id", "company_id", "id"),
    "phones": ("person_id", "company_id", "id"),
    "taggings": ("tag_id", "person_id", "company_id", "id"),
    "deals": ("pipeline_id", "stage_id", "company_id", "person_id", "owner_id", "id"),
    "activities": ("person_id", "company_id", "deal_id", "user_id", "id"),
    "deal_stage_changes": ("deal_id", "from_stage_id", "to_stage_id", "user_id", "id"),
    "follow_ups": ("person_id", "company_id", "deal_id", "owner_id", "activity_id", "id"),
    "quotes": ("deal_id", "company_id", "person_id", "owner_id", "id"),
    "quote_lines": ("quote_id", "product_id", "id"),
    "contracts": ("quote_id", "deal_id", "company_id", "person_id", "owner_id", "id"),
    "payment_plans": ("contract_id", "id"),
    "payments": ("contract_id", "plan_id", "id"),
}


def upgrade() -> None:
    for table, columns in IDS.items():
        _retype(table, columns, "VARCHAR(36)", "BLOB", "crm_id")
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    for table, columns in IDS.items():
        _retype(table, columns, "BLOB", "VARCHAR(36)", "crm_id_text")
    op.execute("PRAGMA user_version = 6")


def _retype(table: str, columns: tuple[str, ...], old: str, new: str, convert: str) -> None:
    """Copy ``table`` into one whose ``columns`` are declared ``new``, converting each value.

    SQLite's way of changing a column's type (make the new table, copy, drop, rename, index
    again); foreign keys are off while migrations run (``schema._migrate``). Rows keep their
    rowids (the FTS index of ``search_docs`` refers to them; other tables simply keep order).
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
    values = [f"{convert}({q})" if n in columns else q for n, q in zip(names, quoted, strict=True)]
    has_rowid = "rowid" in names  # search_docs names its rowid; the others keep theirs here
    bind.exec_driver_sql(sql)
    bind.exec_driver_sql(
        f"INSERT INTO {copy} ({'' if has_rowid else 'rowid, '}{', '.join(quoted)}) "
        f"SELECT {'' if has_rowid else 'rowid, '}{', '.join(values)} FROM \"{table}\" "
        f"ORDER BY rowid"
    )
    bind.exec_driver_sql(f'DROP TABLE "{table}"')
    bind.exec_driver_sql(f'ALTER TABLE {copy} RENAME TO "{table}"')
    for index in indexes:
        bind.exec_driver_sql(index)
