"""search documents keep their kind as 0/1 and index only a prefix of their short key

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07

Two more steps toward a 100,000-contact workspace of 150 MB or less, with the same results
and plans:

- ``search_docs.kind`` holds 0 (person) or 1 (company) instead of the word: SQLite stores
  those two integers in no bytes, and the kind leads every list index (5 MB).
- ``ix_search_docs_short`` indexed the whole ``short`` key (names, pinyin, company, city,
  tags) for "names that start with the query"; an index of its first 8 characters finds the
  same rows, which are then sorted by the whole key among those sharing the prefix (7 -> 2 MB).

The documents are derived: the table and the FTS index are made anew here and filled when
the store next opens the file.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Frozen: later models may change the documents again.
TABLE = """CREATE TABLE search_docs (
    rowid INTEGER NOT NULL,
    kind {kind} NOT NULL,
    record_id BLOB NOT NULL,
    name TEXT NOT NULL,
    short TEXT NOT NULL,
    body TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    number VARCHAR(40),
    company TEXT,
    company_id BLOB,
    title TEXT,
    phone TEXT,
    email TEXT,
    city TEXT,
    tags TEXT,
    status VARCHAR(20),
    level VARCHAR(1),
    owner_id BLOB,
    source TEXT,
    created_at INTEGER NOT NULL,
    last_contacted_at INTEGER,
    CONSTRAINT pk_search_docs PRIMARY KEY (rowid),
    CONSTRAINT uq_search_docs_record_id UNIQUE (record_id)
)"""
LIST_COLUMNS = (
    "sort_name",
    "company",
    "city",
    "status",
    "level",
    "created_at",
    "last_contacted_at",
)
FTS = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(short, body, content='search_docs', "
    "content_rowid='rowid', tokenize='trigram', detail=none, columnsize=0)"
)


def upgrade() -> None:
    _recreate("SMALLINT", "ix_search_docs_short_prefix ON search_docs (substr(short, 1, 8))")
    op.execute("PRAGMA user_version = 8")


def downgrade() -> None:
    _recreate("VARCHAR(10)", "ix_search_docs_short ON search_docs (short, kind)")
    op.execute("PRAGMA user_version = 7")


def _recreate(kind: str, short_index: str) -> None:
    """Make the documents table (with ``kind`` declared so), its indexes and the FTS index."""
    op.execute("DROP TABLE search_fts")
    op.execute("DROP TABLE search_docs")
    op.execute(TABLE.format(kind=kind))
    op.execute(f"CREATE INDEX {short_index}")
    for column in LIST_COLUMNS:
        op.execute(f"CREATE INDEX ix_search_docs_{column} ON search_docs (kind, {column})")
    op.execute(FTS)
    op.execute("DELETE FROM local_state WHERE key = 'search.index_version'")
