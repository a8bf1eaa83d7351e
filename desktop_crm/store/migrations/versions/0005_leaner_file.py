"""a leaner file: positionless search index, no unused indexes, partial company and number indexes

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

On 100,000 contacts the file was 299 MB, a third of it the search and list tables. This keeps
every query's plan (each dropped index was checked with EXPLAIN QUERY PLAN over the queries the
app runs) and every search result:

- ``search_fts`` keeps no positions or column sizes (``detail=none, columnsize=0``): a query
  matches the trigrams of its words and the search re-checks each candidate on the stored text.
  The documents are derived: they and the index are rebuilt when the store next opens the file.
- Indexes nothing looks up are dropped (owners of people, companies, activities, deals and
  follow-ups; email values, looked up as ``lower(value)``; address cities, filtered through the
  search documents; activities by deal or user; stage changes by stage; deals by pipeline).
  Deals by stage stay indexed for the kanban board.
- An index of company ids holds only the rows that have one (most belong to a person).
- ``search_docs`` keeps its moments as integer microseconds since 1970 (8 bytes, not 27
  characters), and its list indexes no longer name the rowid, which SQLite appends to every
  entry anyway (it was stored twice); they serve the same plans. (Partial indexes per kind
  were smaller still but made SQLite sort filtered lists instead of walking the sort index.)
- Tombstoned numbers get a small index of their own: drawing a number checks them too (numbers
  are never reused) and the live unique index, being partial, could not answer that.
"""

from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# (table, column) of each plain foreign key index this drops.
DROPPED = (
    ("people", "owner_id"),
    ("companies", "owner_id"),
    ("emails", "value"),
    ("addresses", "city"),
    ("activities", "user_id"),
    ("activities", "deal_id"),
    ("deals", "pipeline_id"),
    ("deals", "owner_id"),
    ("deal_stage_changes", "to_stage_id"),
    ("deal_stage_changes", "from_stage_id"),
    ("follow_ups", "owner_id"),
    ("follow_ups", "activity_id"),
    ("follow_ups", "deal_id"),
)
# table -> the columns of its company index (the owned rows keep position order).
COMPANY_INDEXES = {
    "people": ["company_id"],
    "activities": ["company_id"],
    "taggings": ["company_id"],
    "phones": ["company_id", "position"],
    "emails": ["company_id", "position"],
    "addresses": ["company_id", "position"],
}
NUMBERED = ("people", "companies", "deals", "quotes", "contracts")
LIST_COLUMNS = (
    "sort_name",
    "company",
    "city",
    "status",
    "level",
    "created_at",
    "last_contacted_at",
)
HAS_COMPANY = sa.text("company_id IS NOT NULL")
TOMBSTONED = sa.text("deleted_at IS NOT NULL")
FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(short, body, content='search_docs', "
    "content_rowid='rowid', tokenize='trigram'{options})"
)


def upgrade() -> None:
    for table, column in DROPPED:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
    for table, columns in COMPANY_INDEXES.items():
        op.drop_index(f"ix_{table}_company_id", table_name=table)
        op.create_index(
            f"ix_{table}_company_id",
            table,
            columns,
            sqlite_where=HAS_COMPANY,
            postgresql_where=HAS_COMPANY,
        )
    for table in NUMBERED:
        op.create_index(
            f"ix_{table}_number_tombstoned",
            table,
            ["number"],
            sqlite_where=TOMBSTONED,
            postgresql_where=TOMBSTONED,
        )
    # Derived tables: made anew, filled when the store opens the file.
    op.execute("DROP TABLE search_fts")
    op.drop_table("search_docs")
    _create_search_docs(sa.Integer(), [])
    op.execute(FTS.format(options=", detail=none, columnsize=0"))
    op.execute("DELETE FROM local_state WHERE key = 'search.index_version'")
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    # Schema 4 code builds its own documents on open (it finds another index version here).
    op.execute("DROP TABLE search_fts")
    op.drop_table("search_docs")
    _create_search_docs(sa.String(length=32), ["rowid"])
    op.execute(FTS.format(options=""))
    for table in NUMBERED:
        op.drop_index(f"ix_{table}_number_tombstoned", table_name=table)
    for table, columns in COMPANY_INDEXES.items():
        op.drop_index(f"ix_{table}_company_id", table_name=table)
        op.create_index(f"ix_{table}_company_id", table, columns)
    for table, column in DROPPED:
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.execute("PRAGMA user_version = 4")


def _create_search_docs(moment: sa.types.TypeEngine[object], list_suffix: list[str]) -> None:
    """Create the documents table of 0002, its moments of type ``moment``, and its indexes.

    Schema 5 keeps moments as integer microseconds since 1970: 8 bytes instead of 27 characters.
    """
    op.create_table(
        "search_docs",
        sa.Column("rowid", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("short", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("sort_name", sa.Text(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=True),
        sa.Column("company", sa.Text(), nullable=True),
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("phone", sa.Text(), nullable=True),
        sa.Column("email", sa.Text(), nullable=True),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("tags", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("level", sa.String(length=1), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("created_at", moment, nullable=False),
        sa.Column("last_contacted_at", moment, nullable=True),
        sa.PrimaryKeyConstraint("rowid", name=op.f("pk_search_docs")),
        sa.UniqueConstraint("record_id", name=op.f("uq_search_docs_record_id")),
    )
    op.create_index("ix_search_docs_short", "search_docs", ["short", "kind"])
    for column in LIST_COLUMNS:
        op.create_index(f"ix_search_docs_{column}", "search_docs", ["kind", column, *list_suffix])
