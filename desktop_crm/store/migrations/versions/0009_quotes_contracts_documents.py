"""quotes, contracts and their documents: revisions, line kinds and discounts, templates, prints

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

What products, quotes, contracts and payments need beyond the first models (issue 11):

- products: a name in the other language, and whether the price includes tax (含税价);
- quotes: the revision number (1 until a sent quote is edited), terms, the documents' language;
  ``quote_revisions`` keeps each earlier revision frozen (quote and lines as JSON);
- quotes lose their quote-wide ``discount_percent`` (never used: discounts are per line);
- quote lines: a kind (item or section heading), a discount that is a percent or an amount
  (``discount`` + ``discount_is_percent``, replacing ``discount_percent``, whose values carry
  over as percents), whether the price includes tax, and optional lines (not in the total);
- contracts: the quote revision whose lines they carry (filled in for existing ones: the
  quote's revision then), the tax rounding rule they were priced with (existing ones: the
  workspace's rule then), terms, language; payment plan
  instalments keep their order and the percent they were planned as; payments a note;
- ``document_templates``: users' templates (JSON), unique by name ignoring case among live ones;
- ``print_log``: when each quote or contract was printed or saved, which revision and template
  (a log: not in the change log, nothing to undo).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desktop_crm.store.types import ExactDecimal, IdType, UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

LIVE = sa.text("deleted_at IS NULL")
FALSE = sa.text("0")

# (table, column) added with a server default (existing rows), frozen here.
COLUMNS: tuple[tuple[str, sa.Column[object]], ...] = (
    ("products", sa.Column("name_alt", sa.String(300), nullable=True)),
    (
        "products",
        sa.Column("price_includes_tax", sa.Boolean(), nullable=False, server_default=FALSE),
    ),
    ("quotes", sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("1"))),
    ("quotes", sa.Column("terms", sa.Text(), nullable=True)),
    ("quotes", sa.Column("language", sa.String(2), nullable=True)),
    ("quote_lines", sa.Column("kind", sa.String(10), nullable=False, server_default="item")),
    (
        "quote_lines",
        sa.Column("price_includes_tax", sa.Boolean(), nullable=False, server_default=FALSE),
    ),
    ("quote_lines", sa.Column("discount", ExactDecimal(), nullable=False, server_default="0")),
    (
        "quote_lines",
        sa.Column("discount_is_percent", sa.Boolean(), nullable=False, server_default=sa.text("1")),
    ),
    ("quote_lines", sa.Column("optional", sa.Boolean(), nullable=False, server_default=FALSE)),
    ("contracts", sa.Column("quote_revision", sa.Integer(), nullable=True)),
    ("contracts", sa.Column("terms", sa.Text(), nullable=True)),
    ("contracts", sa.Column("language", sa.String(2), nullable=True)),
    ("contracts", sa.Column("tax_rounding", sa.String(10), nullable=True)),
    ("payment_plans", sa.Column("percent", ExactDecimal(), nullable=True)),
    ("payment_plans", sa.Column("position", sa.Integer(), nullable=False, server_default="0")),
    ("payments", sa.Column("note", sa.String(500), nullable=True)),
)


def _tracked() -> list[sa.Column[object]]:
    return [
        sa.Column("id", IdType(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
    ]


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    # Old lines' discounts were percents; SQLite (3.35+) and PostgreSQL drop a plain column.
    op.execute("UPDATE quote_lines SET discount = discount_percent, discount_is_percent = 1")
    op.execute("ALTER TABLE quote_lines DROP COLUMN discount_percent")
    # A quote-wide discount was never used (always 0): discounts are per line.
    op.execute("ALTER TABLE quotes DROP COLUMN discount_percent")
    # Contracts carry what was signed: the quote's revision and the rounding rule of the day.
    op.execute(
        "UPDATE contracts SET quote_revision = "
        "(SELECT quotes.revision FROM quotes WHERE quotes.id = contracts.quote_id) "
        "WHERE quote_revision IS NULL AND quote_id IS NOT NULL"
    )
    op.execute(
        "UPDATE contracts SET tax_rounding = COALESCE((SELECT json_extract(settings.value, '$') "
        "FROM settings WHERE settings.key = 'quotes.tax_rounding' "
        "AND settings.deleted_at IS NULL), 'per_line') WHERE quote_id IS NOT NULL"
    )
    op.create_table(
        "quote_revisions",
        sa.Column("quote_id", IdType(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name="fk_quote_revisions_quote_id_quotes"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quote_revisions"),
    )
    op.create_index(
        "uq_quote_revisions_quote",
        "quote_revisions",
        ["quote_id", "revision"],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_table(
        "document_templates",
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        *_tracked(),
        sa.PrimaryKeyConstraint("id", name="pk_document_templates"),
    )
    op.create_index(
        "uq_document_templates_name",
        "document_templates",
        [sa.text("lower(name)")],
        unique=True,
        sqlite_where=LIVE,
        postgresql_where=LIVE,
    )
    op.create_table(
        "print_log",
        sa.Column("id", IdType(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("record_id", IdType(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(100), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("paper", sa.String(10), nullable=False),
        sa.Column("destination", sa.String(10), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.Column("actor_id", IdType(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_print_log"),
    )
    op.create_index("ix_print_log_record_id", "print_log", ["record_id"])
    op.execute("PRAGMA user_version = 9")


def downgrade() -> None:
    op.drop_table("print_log")
    op.drop_table("document_templates")
    op.drop_table("quote_revisions")
    op.add_column(
        "quotes",
        sa.Column("discount_percent", ExactDecimal(), nullable=False, server_default="0"),
    )
    op.add_column(
        "quote_lines",
        sa.Column("discount_percent", ExactDecimal(), nullable=False, server_default="0"),
    )
    # Amount discounts had no place in schema 8: they are dropped, percents carry back.
    op.execute(
        "UPDATE quote_lines SET discount_percent = CASE WHEN discount_is_percent "
        "THEN discount ELSE 0 END"
    )
    for table, column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
    op.execute("PRAGMA user_version = 8")
