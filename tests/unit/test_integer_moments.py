"""Schema 6: moments stored as integer microseconds since 1970 UTC, exact both ways; a schema 5
file (ISO text) upgrades with the same data, lists, search results and a working undo."""

import sqlite3
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.orm import Session

from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import backup, schema, search_index
from desktop_crm.store.models import Person
from desktop_crm.store.types import UtcDateTime, id_bytes, iso_text, micros, parse_moment
from tests.conftest import TODAY
from tests.schema_tables import LATER_TABLES, select_older

MOMENTS = [
    datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
    datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),  # before 1970: negative
    datetime(1900, 3, 1, 0, 0, 0, 1, tzinfo=UTC),
    datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    datetime(2026, 6, 1, 8, 0, 0, 5, tzinfo=timezone(timedelta(hours=8))),
]


@pytest.mark.parametrize("moment", MOMENTS)
def test_moments_round_trip_exactly_as_aware_utc(moment):
    kind = UtcDateTime()
    stored = kind.process_bind_param(moment, None)  # type: ignore[arg-type]
    assert isinstance(stored, int)
    back = kind.process_result_value(stored, None)  # type: ignore[arg-type]
    assert back == moment and back.tzinfo is UTC and back.microsecond == moment.microsecond
    # The forms older files and the change log keep are still read.
    assert parse_moment(iso_text(moment)) == moment
    assert parse_moment(str(stored)) == moment
    with pytest.raises(ValueError, match="naive"):
        kind.process_bind_param(moment.replace(tzinfo=None), None)  # type: ignore[arg-type]


def test_moments_are_stored_as_integers_and_read_back_exactly(workspace):
    from tests import drafts

    pid = workspace.people.save(drafts.person("王芳"), today=TODAY).ids[0]
    for moment in MOMENTS:
        with workspace.store.unit_of_work("contacted") as (session, _r):
            session.get(Person, pid).last_contacted_at = moment
        with workspace.store.read() as session:
            assert session.get(Person, pid).last_contacted_at == moment
        with sqlite3.connect(workspace.path) as db:
            found = db.execute(
                "SELECT last_contacted_at FROM people WHERE id = ?", (id_bytes(pid),)
            )
            assert found.fetchone()[0] == micros(moment)


def _dump(path):
    """Every row of every table but the derived search tables, as stored."""
    with sqlite3.connect(path) as db:
        tables = [
            t
            for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not t.startswith("search_") and t != "local_state"
        ]
        return {t: sorted(db.execute(select_older(db, t)).fetchall(), key=repr) for t in tables}


def _moment_types(path):
    """typeof() of every non-null value of every moment column, by table."""
    from desktop_crm.store.models import Base

    found: set[tuple[str, str, str]] = set()
    with sqlite3.connect(path) as db:
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in Base.metadata.sorted_tables:
            if table.name not in tables:  # made by a later schema
                continue
            present = {c[1] for c in db.execute(f"PRAGMA table_info({table.name})")}
            for column in table.columns:
                if isinstance(column.type, UtcDateTime) and column.name in present:
                    found |= {
                        (table.name, column.name, kind)
                        for (kind,) in db.execute(
                            f"SELECT DISTINCT typeof({column.name}) FROM {table.name} "
                            f"WHERE {column.name} IS NOT NULL"
                        )
                    }
    return {kind for _t, _c, kind in found}


def _without_schema_9(dump):
    return {t: rows for t, rows in dump.items() if t not in LATER_TABLES}


def _lists(ws):
    """What lists and searches show, by record id (documents rebuilt on open are renumbered)."""
    lists = {}
    for sort in ("created_at", "last_contacted_at", "name"):
        for descending in (False, True):
            lists[(sort, descending)] = ws.contact_list.ids(ContactFilter(), sort, descending)
    for flt in (
        ContactFilter(created_from=TODAY),
        ContactFilter(created_to=TODAY - timedelta(days=1)),
        ContactFilter(not_contacted_days=30),
        ContactFilter(kind="company"),
    ):
        lists[repr(flt)] = ws.contact_list.ids(flt, "last_contacted_at", today=TODAY)
    rows = ws.contact_list.rows(lists[("name", False)])
    lists = {key: ws.contact_list.record_ids(found) for key, found in lists.items()}
    searches = {q: [h.id for h in ws.search.contacts(q, 500)] for q in ("王", "li", "138", "")}
    return lists, [(r.id, r.created_at, r.last_contacted_at) for r in rows], searches


def test_schema_5_workspace_upgrades_with_the_same_data_and_undo(demo_path):
    ws = open_workspace(demo_path)
    try:
        [first] = ws.contact_list.rows(ws.contact_list.ids(ContactFilter(), "name")[:1])
        pid = first.id
        with ws.store.read() as session:
            was = session.get(Person, pid).last_contacted_at
        with ws.store.unit_of_work("contacted long ago") as (session, _r):
            session.get(Person, pid).last_contacted_at = MOMENTS[1]
        # Numbered as the upgrade's rebuild will number them: equal moments sort by rowid.
        with Session(ws.store.engine) as session, session.begin():
            search_index.rebuild_all(session)
        before = _lists(ws)
    finally:
        ws.close(backup_if_changed=False)
    stored = _dump(demo_path)
    assert _moment_types(demo_path) == {"integer"}

    schema.downgrade(demo_path, "0005")
    assert schema.read_header(demo_path).user_version == 5
    assert _moment_types(demo_path) == {"text"}
    with sqlite3.connect(demo_path) as db:
        (text,) = db.execute("SELECT last_contacted_at FROM people WHERE id = ?", (pid,)).fetchone()
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()
    assert text == "1969-12-31T23:59:59.999999Z" and "VARCHAR(32)" in sql

    ws = open_workspace(demo_path)  # backs up, upgrades
    try:
        assert schema.read_header(demo_path).user_version == schema.SCHEMA_VERSION
        # Every value exactly as before the round trip, but for schema 9's columns, which a
        # downgrade to schema 5 drops (tests/unit/test_quote_schema.py covers 0009).
        assert _without_schema_9(_dump(demo_path)) == _without_schema_9(stored)
        assert _moment_types(demo_path) == {"integer"}
        assert _lists(ws) == before
        # The edit made before the upgrade (a moment field, ISO text in the log) undoes.
        ws.history.undo()
        with ws.store.read() as session:
            assert session.get(Person, pid).last_contacted_at == was
        ws.history.redo()
        with ws.store.read() as session:
            assert session.get(Person, pid).last_contacted_at == MOMENTS[1]
    finally:
        ws.close(backup_if_changed=False)
    pre = [b for b in backup.list_backups(demo_path) if b.reason == "pre-migration"]
    assert len(pre) == 1 and backup.check_backup(pre[0].path) == "ok"
    assert schema.integrity_check(demo_path) == "ok"
    with sqlite3.connect(demo_path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()
        assert "VARCHAR(32)" not in sql and "created_at BIGINT NOT NULL" in sql
