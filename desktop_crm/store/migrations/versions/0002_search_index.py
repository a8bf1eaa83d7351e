"""search index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'search_docs',
        sa.Column('rowid', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('record_id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('short', sa.Text(), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('rowid', name=op.f('pk_search_docs')),
        sa.UniqueConstraint('record_id', name=op.f('uq_search_docs_record_id')),
    )
    op.create_index('ix_search_docs_short', 'search_docs', ['short', 'kind'], unique=False)
    # External-content FTS5 over search_docs; kept in step by the store's search indexer
    # (no per-row triggers: one bulk rebuild is several times faster for imports).
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(short, body, content='search_docs', "
        "content_rowid='rowid', tokenize='trigram')"
    )
    # The documents are derived data: the store fills them when it first opens the file.
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    op.execute("DROP TABLE search_fts")
    op.drop_index('ix_search_docs_short', table_name='search_docs')
    op.drop_table('search_docs')
    op.execute("PRAGMA user_version = 1")
