"""Tables whose columns schema 9 (quotes, contracts, printing) changed or which it made.

A downgrade below schema 9 drops their new columns, so the older round-trip tests compare the
other tables exactly and leave these to ``tests/unit/test_quote_schema.py``.
"""

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
