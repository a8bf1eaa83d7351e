"""contact index: search documents and list columns

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
        sa.Column('sort_name', sa.Text(), nullable=False),
        sa.Column('number', sa.String(length=40), nullable=True),
        sa.Column('company', sa.Text(), nullable=True),
        sa.Column('company_id', sa.String(length=36), nullable=True),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('phone', sa.Text(), nullable=True),
        sa.Column('email', sa.Text(), nullable=True),
        sa.Column('city', sa.Text(), nullable=True),
        sa.Column('tags', sa.Text(), nullable=True),
        sa.Column('status', sa.String(length=20), nullable=True),
        sa.Column('level', sa.String(length=1), nullable=True),
        sa.Column('owner_id', sa.String(length=36), nullable=True),
        sa.Column('source', sa.Text(), nullable=True),
        sa.Column('created_at', sa.String(length=32), nullable=False),
        sa.Column('last_contacted_at', sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint('rowid', name=op.f('pk_search_docs')),
        sa.UniqueConstraint('record_id', name=op.f('uq_search_docs_record_id')),
    )
    op.create_index('ix_search_docs_short', 'search_docs', ['short', 'kind'], unique=False)
    # Contact lists sort by these through the index, without a sort step.
    for column in ('sort_name', 'company', 'city', 'status', 'level', 'created_at',
                   'last_contacted_at'):
        op.create_index(f'ix_search_docs_{column}', 'search_docs', ['kind', column, 'rowid'])
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
    op.drop_table('search_docs')
    op.execute("PRAGMA user_version = 1")
