"""Tables and columns that later schemas changed or made, left out of older round-trip tests.

A downgrade below schema 9, 10 or 11 drops their new columns, so the older round-trip tests
compare the rest exactly and leave these to ``tests/unit/test_quote_schema.py`` (9),
``tests/unit/test_followup_schema.py`` (10) and ``tests/unit/test_funnel_schema.py`` (11).
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
# Schema 11: the sales funnel (named with their tables: other tables have a currency too).
SCHEMA_11_COLUMNS = frozenset(
    {
        ("pipelines", "currency"),
        ("deals", "source"),
        ("deals", "probability"),
        ("deals", "board_rank"),
    }
)
# Schema 12: team mode's outbox and conflicts; ``users.is_local`` moved to local state (older
# schemas have the column, so a round trip leaves it out on both sides).
SCHEMA_12_TABLES = ("sync_outbox", "sync_conflicts")
SCHEMA_12_DROPPED = frozenset({("users", "is_local")})
LATER_TABLES = SCHEMA_9_TABLES + SCHEMA_10_TABLES + SCHEMA_12_TABLES


def select_older(db: sqlite3.Connection, table: str) -> str:
    """``SELECT`` of ``table``'s columns but those schemas 10 to 12 added or dropped."""
    columns = [c[1] for c in db.execute(f'PRAGMA table_info("{table}")')]
    kept = ", ".join(
        f'"{c}"'
        for c in columns
        if c not in SCHEMA_10_COLUMNS
        and (table, c) not in SCHEMA_11_COLUMNS
        and (table, c) not in SCHEMA_12_DROPPED
    )
    return f'SELECT {kept} FROM "{table}"'
