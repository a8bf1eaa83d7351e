"""Schema 10: planned wall times become moments in this machine's zone, and back again."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from sqlalchemy import select

from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import schema
from desktop_crm.store.models import FollowUp


def _columns(path, table):
    with sqlite3.connect(path) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info('{table}')")}


def test_schema_9_follow_up_times_become_moments_in_the_local_zone(demo_path, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    schema.downgrade(demo_path, "0009")
    assert "due_time" in _columns(demo_path, "follow_ups")
    assert "claimed_at" not in _columns(demo_path, "people")
    with sqlite3.connect(demo_path) as db:
        db.execute("UPDATE follow_ups SET due_time = NULL, due_on = '2026-03-29'")
        first, second = (i for (i,) in db.execute("SELECT id FROM follow_ups LIMIT 2"))
        # 09:15 on the day Berlin moves its clocks forward (CEST, UTC+2), and a time the
        # change skips (02:30 does not exist that night: it is read as 03:30 CEST).
        db.execute("UPDATE follow_ups SET due_time = '09:15' WHERE id = ?", (first,))
        db.execute("UPDATE follow_ups SET due_time = '02:30' WHERE id = ?", (second,))
        (planned,) = db.execute("SELECT count(*) FROM follow_ups").fetchone()

    ws = open_workspace(demo_path)  # backs up, upgrades
    try:
        assert schema.read_header(demo_path).user_version == schema.SCHEMA_VERSION
        with ws.store.read() as session:
            rows = session.scalars(select(FollowUp)).all()
            timed = {r.due_at for r in rows if r.due_at is not None}
            zones = {r.due_zone for r in rows if r.due_at is not None}
            assert len(rows) == planned
    finally:
        ws.close(backup_if_changed=False)
    assert timed == {
        datetime(2026, 3, 29, 7, 15, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
    }
    assert zones == {"Europe/Berlin"}
    assert "due_time" not in _columns(demo_path, "follow_ups")
    with sqlite3.connect(demo_path) as db:
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "reminder_marks" in tables

    monkeypatch.setenv("TZ", "Asia/Shanghai")  # the zone each was planned in is what counts
    schema.downgrade(demo_path, "0009")
    with sqlite3.connect(demo_path) as db:
        times = {t for (t,) in db.execute("SELECT due_time FROM follow_ups") if t}
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert times == {"09:15", "03:30"}
    assert "reminder_marks" not in tables and "claimed_at" not in _columns(demo_path, "companies")
