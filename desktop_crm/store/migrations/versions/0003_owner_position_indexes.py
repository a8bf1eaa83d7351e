"""owner indexes in position order: phones, emails and addresses

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

A card lists an owner's phones in position order and a search document takes the first one;
an index on (owner, position) answers both in one seek instead of a lookup and a sort. The
indexes keep their names and replace the single-column ones.
"""
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TABLES = ('phones', 'emails', 'addresses')
OWNERS = ('person_id', 'company_id')


def upgrade() -> None:
    for table in TABLES:
        for owner in OWNERS:
            op.drop_index(f'ix_{table}_{owner}', table_name=table)
            op.create_index(f'ix_{table}_{owner}', table, [owner, 'position'])
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    for table in TABLES:
        for owner in OWNERS:
            op.drop_index(f'ix_{table}_{owner}', table_name=table)
            op.create_index(f'ix_{table}_{owner}', table, [owner])
    op.execute("PRAGMA user_version = 2")
