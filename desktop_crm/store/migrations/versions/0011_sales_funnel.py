"""the sales funnel: a pipeline's currency, a deal's source, probability and board order

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07

What the pipelines, the kanban board and the funnel reports need (issue 13):

- pipelines: ``currency`` (ISO code its board totals are in; NULL: the workspace's currency
  setting);
- deals: ``source`` (where the deal came from: referral, website…), ``probability`` (win
  probability in percent, set from the stage on every stage change however made; existing
  deals take their stage's now) and ``board_rank`` (order within a kanban column, lower first,
  NULL last).

Lost reasons are a workspace setting (``deals.lost_reasons``), not a table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

COLUMNS: tuple[tuple[str, sa.Column[object]], ...] = (
    ("pipelines", sa.Column("currency", sa.String(3), nullable=True)),
    ("deals", sa.Column("source", sa.String(200), nullable=True)),
    ("deals", sa.Column("probability", sa.Integer(), nullable=True)),
    ("deals", sa.Column("board_rank", sa.Float(), nullable=True)),
)


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    # A deal's probability is its stage's until a move sets it; writing it now lets the
    # forecast read one column instead of joining stages.
    op.execute(
        "UPDATE deals SET probability = "
        "(SELECT stages.probability FROM stages WHERE stages.id = deals.stage_id)"
    )
    op.execute("PRAGMA user_version = 11")


def downgrade() -> None:
    for table, column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
    op.execute("PRAGMA user_version = 10")
