"""Tables and columns that later schemas changed or made, left out of older round-trip tests.

A downgrade below schema 9 or 10 drops their new columns, so the older round-trip tests compare
the rest exactly and leave these to ``tests/unit/test_quote_schema.py`` (9) and
``tests/unit/test_followup_schema.py`` (10).
"""

import sqlite3

SCHEMA_9_TABLES = (
    "products",
    "quotes",
    "quote_lines",
    "contracts",
    "payment_plans",
    "payments",
    "quote_revisions",
    "document_templates",
    "print_log",
)
# Schema 10: follow-ups became moments; the pool's claims, the stages' rotting days.
SCHEMA_10_TABLES = ("follow_ups", "reminder_marks")
SCHEMA_10_COLUMNS = frozenset({"claimed_at", "rotting_days", "colour"})
LATER_TABLES = SCHEMA_9_TABLES + SCHEMA_10_TABLES


def select_older(db: sqlite3.Connection, table: str) -> str:
    """``SELECT`` of ``table``'s columns but those schema 10 added to older tables."""
    columns = [c[1] for c in db.execute(f'PRAGMA table_info("{table}")')]
    kept = ", ".join(f'"{c}"' for c in columns if c not in SCHEMA_10_COLUMNS)
    return f'SELECT {kept} FROM "{table}"'
