"""Schema 9: quote lines' percent discounts carry over, the new tables exist, and back again."""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import schema
from desktop_crm.store.models import Quote, QuoteLine


def _columns(path, table):
    with sqlite3.connect(path) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info('{table}')")}


def test_schema_8_quote_lines_upgrade_with_their_discounts(demo_path):
    schema.downgrade(demo_path, "0008")
    assert "discount_percent" in _columns(demo_path, "quote_lines")
    assert "revision" not in _columns(demo_path, "quotes")
    with sqlite3.connect(demo_path) as db:
        db.execute("UPDATE quote_lines SET discount_percent = 125000")  # ten-thousandths
        (lines,) = db.execute("SELECT count(*) FROM quote_lines").fetchone()
    assert lines > 0

    ws = open_workspace(demo_path)  # backs up, upgrades
    try:
        assert schema.read_header(demo_path).user_version == schema.SCHEMA_VERSION
        with ws.store.read() as session:
            stored = session.query(QuoteLine).all()
            assert len(stored) == lines
            assert {(x.discount, x.discount_is_percent, x.kind, x.optional) for x in stored} == {
                (Decimal("12.5"), True, "item", False)
            }
            assert {q.revision for q in session.query(Quote)} == {1}
    finally:
        ws.close(backup_if_changed=False)
    with sqlite3.connect(demo_path) as db:
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"quote_revisions", "document_templates", "print_log"} <= tables
    assert "discount_percent" not in _columns(demo_path, "quote_lines")
    assert "discount_percent" not in _columns(demo_path, "quotes")

    schema.downgrade(demo_path, "0008")  # and back: percents return, the new tables go
    with sqlite3.connect(demo_path) as db:
        assert {d for (d,) in db.execute("SELECT discount_percent FROM quote_lines")} == {125000}
    assert "quote_revisions" not in {
        t
        for (t,) in sqlite3.connect(demo_path).execute(
            "SELECT name FROM sqlite_master WHERE type='table'"
        )
    }
    assert schema.integrity_check(demo_path) == "ok"
