"""team mode: the outbox, conflicts from the hub, the local user in local state

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07

- ``sync_outbox``: operations made here that the team hub has not acknowledged yet (written in
  the operation's own transaction once the workspace has joined a hub);
- ``sync_conflicts``: fields two machines changed apart, both values kept until resolved;
- which user sits at this machine moves from ``users.is_local`` (a flag every laptop would
  share through the hub) to ``local_state`` (key ``local_user``).
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_ID = sa.LargeBinary(16)
_MOMENT = sa.BigInteger()


def upgrade() -> None:
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("operation_id", _ID, nullable=False),
        sa.Column("base", sa.Integer(), nullable=False),
        sa.Column("acked", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("seq", name="pk_sync_outbox"),
        sa.UniqueConstraint("operation_id", name="uq_sync_outbox_operation_id"),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", _ID, nullable=False),
        sa.Column("hub_seq", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("row_id", _ID, nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("kept", sa.JSON(), nullable=True),
        sa.Column("offered", sa.JSON(), nullable=True),
        sa.Column("kept_by", sa.String(200), nullable=True),
        sa.Column("kept_device", sa.String(36), nullable=True),
        sa.Column("kept_at", _MOMENT, nullable=True),
        sa.Column("offered_by", sa.String(200), nullable=True),
        sa.Column("offered_device", sa.String(36), nullable=True),
        sa.Column("offered_at", _MOMENT, nullable=True),
        sa.Column("resolved_at", _MOMENT, nullable=True),
        sa.Column("chosen", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sync_conflicts"),
    )
    op.create_index("ix_sync_conflicts_row_id", "sync_conflicts", ["row_id"])
    bind = op.get_bind()
    local = bind.execute(
        sa.text("SELECT id FROM users WHERE is_local ORDER BY created_at LIMIT 1")
    ).scalar()
    if local is not None:
        bind.execute(
            sa.text("INSERT OR REPLACE INTO local_state (key, value) VALUES ('local_user', :v)"),
            {"v": json.dumps(_uuid_text(local))},
        )
    op.execute("ALTER TABLE users DROP COLUMN is_local")
    op.execute("PRAGMA user_version = 12")


def downgrade() -> None:
    op.execute("ALTER TABLE users ADD COLUMN is_local BOOLEAN NOT NULL DEFAULT 0")
    bind = op.get_bind()
    local = bind.execute(sa.text("SELECT value FROM local_state WHERE key = 'local_user'")).scalar()
    if local is not None:
        bind.execute(
            sa.text("UPDATE users SET is_local = 1 WHERE id = :id"),
            {"id": bytes.fromhex(json.loads(local).replace("-", ""))},
        )
    op.execute("DELETE FROM local_state WHERE key = 'local_user'")
    op.drop_index("ix_sync_conflicts_row_id", "sync_conflicts")
    op.drop_table("sync_conflicts")
    op.drop_table("sync_outbox")
    op.execute("PRAGMA user_version = 11")


def _uuid_text(raw: bytes | str) -> str:
    if isinstance(raw, str):
        return raw
    hexed = raw.hex()
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"
