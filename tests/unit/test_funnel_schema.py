"""Schema 11: pipelines get a currency, deals a source, a probability and a board order."""

from __future__ import annotations

import sqlite3

from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store import schema

NEW_COLUMNS = {"pipelines": {"currency"}, "deals": {"source", "probability", "board_rank"}}


def _columns(path, table):
    with sqlite3.connect(path) as db:
        return {row[1] for row in db.execute(f"PRAGMA table_info('{table}')")}


def _deals(path):
    """Every deal's kept columns (those schema 10 has too), by id."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT id, number, title, stage_id, amount, currency, status, closed_on FROM deals"
        ).fetchall()
    return sorted(rows, key=repr)


def test_a_new_workspace_has_the_funnel_columns_and_lost_reasons(ws_path):
    ws = create_workspace(ws_path, "zh")
    try:
        assert "价格太高" in ws.settings.get("deals.lost_reasons")
    finally:
        ws.close(backup_if_changed=False)
    for table, columns in NEW_COLUMNS.items():
        assert columns <= _columns(ws_path, table)
    assert schema.read_header(ws_path).user_version == schema.SCHEMA_VERSION
    en = ws_path.with_name("en.crm")
    ws = create_workspace(en, "en")
    try:
        assert ws.settings.get("deals.lost_reasons")[0] == "Price too high"
    finally:
        ws.close(backup_if_changed=False)


def test_upgrade_from_schema_10_keeps_deals_and_takes_probability_from_the_stage(demo_path):
    before = _deals(demo_path)
    assert before, "the demo makes deals"
    schema.downgrade(demo_path, "0010")
    assert schema.read_header(demo_path).user_version == 10
    for table, columns in NEW_COLUMNS.items():
        assert not columns & _columns(demo_path, table)
    assert _deals(demo_path) == before

    open_workspace(demo_path).close(backup_if_changed=False)  # backs up, upgrades

    assert schema.read_header(demo_path).user_version == schema.SCHEMA_VERSION
    assert _deals(demo_path) == before
    with sqlite3.connect(demo_path) as db:
        mismatched = db.execute(
            "SELECT count(*) FROM deals JOIN stages ON stages.id = deals.stage_id "
            "WHERE deals.probability IS NOT stages.probability"
        ).fetchone()[0]
        spread = {p for (p,) in db.execute("SELECT DISTINCT probability FROM deals")}
        ranks = db.execute("SELECT count(*) FROM deals WHERE board_rank IS NOT NULL").fetchone()
    assert mismatched == 0
    assert len(spread) > 1  # deals sit in several stages: each took its own stage's
    assert ranks == (0,)


def test_downgrade_round_trip_drops_and_restores_the_columns(ws_path):
    ws = create_workspace(ws_path)
    ws.close(backup_if_changed=False)
    with sqlite3.connect(ws_path) as db:
        db.execute("UPDATE pipelines SET currency = 'USD'")
    schema.downgrade(ws_path, "0010")
    for table, columns in NEW_COLUMNS.items():
        assert not columns & _columns(ws_path, table)
    with sqlite3.connect(ws_path) as db:
        (names,) = db.execute("SELECT group_concat(name) FROM pipelines").fetchone()
    assert names == "Sales"
    schema.upgrade(ws_path)
    for table, columns in NEW_COLUMNS.items():
        assert columns <= _columns(ws_path, table)
    with sqlite3.connect(ws_path) as db:
        assert db.execute("SELECT currency FROM pipelines").fetchall() == [(None,)]


def test_demo_deals_take_their_stage_probability(demo_path):
    with sqlite3.connect(demo_path) as db:
        (unset,) = db.execute("SELECT count(*) FROM deals WHERE probability IS NULL").fetchone()
        (mismatched,) = db.execute(
            "SELECT count(*) FROM deals JOIN stages ON stages.id = deals.stage_id "
            "WHERE deals.probability IS NOT stages.probability"
        ).fetchone()
    assert (unset, mismatched) == (0, 0)
