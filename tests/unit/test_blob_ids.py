"""Schema 7: ids stored as the UUID's 16 bytes, handled as the same canonical text in Python; a
schema 6 file (36-character text ids) upgrades with the same data, lists, search results and a
working undo of what was done before the upgrade."""

import sqlite3
import uuid

from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.ids import new_ids
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import backup, schema
from desktop_crm.store.models import Base, Person
from desktop_crm.store.types import IdType, id_bytes, id_params, id_text
from tests import drafts
from tests.conftest import TODAY
from tests.schema_tables import LATER_TABLES, select_older


@given(st.uuids() | st.integers(1, 50).map(lambda n: uuid.UUID(new_ids(n)[-1])))
def test_ids_round_trip_as_the_same_canonical_text(value):
    text = str(value)
    kind = IdType()
    stored = kind.process_bind_param(text, None)  # type: ignore[arg-type]
    assert stored == value.bytes and len(stored) == 16
    assert kind.process_result_value(stored, None) == text  # type: ignore[arg-type]
    assert kind.process_result_value(text, None) == text  # type: ignore[arg-type]  # schema 6
    assert id_text(id_bytes(text.upper())) == text
    # Bytes sort as the text does: UUIDv7 creation order and list orders hold.
    assert sorted([text, str(uuid.UUID(int=value.int ^ 1))]) == [
        id_text(b) for b in sorted([value.bytes, uuid.UUID(int=value.int ^ 1).bytes])
    ]


@given(st.lists(st.uuids().map(str) | st.sampled_from(["no-such-id", "x" * 36]), max_size=40))
def test_id_lists_bind_as_each_id_alone(values):
    assert id_params(values) == tuple(id_bytes(v) for v in values)
    assert id_params(iter(values)) == id_params(values)


def test_text_that_is_no_id_finds_nothing_instead_of_failing(workspace):
    with workspace.store.read() as session:
        assert session.get(Person, "no-such-person") is None
    assert id_bytes("no-such-person") == "no-such-person"


def _id_columns():
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, IdType)
    ]


def _id_types(path):
    """typeof() and length() of every non-null id value, as a set."""
    found: set[tuple[str, int]] = set()
    with sqlite3.connect(path) as db:
        tables = {t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, column in _id_columns():
            if table not in tables:  # made by a later schema
                continue
            if column not in {c[1] for c in db.execute(f"PRAGMA table_info({table})")}:
                continue  # added by a later schema
            found |= set(
                db.execute(
                    f"SELECT DISTINCT typeof({column}), length({column}) FROM {table} "
                    f"WHERE {column} IS NOT NULL"
                )
            )
    return found


def _dump(path):
    """Every row of every table but local bookkeeping, as stored (the FTS index included)."""
    with sqlite3.connect(path) as db:
        tables = [
            t
            for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if t not in ("local_state", "alembic_version") and not t.startswith("search_fts_")
        ]
        dump = {t: sorted(db.execute(select_older(db, t)).fetchall(), key=repr) for t in tables}
        dump["fts"] = sorted(
            db.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH 'wan'"), key=repr
        )
    return dump


def _records(dump, leave_out=()):
    """A dump without the derived search tables (nor ``leave_out``)."""
    derived = ("search_docs", "search_fts", "fts", *leave_out)
    return {t: rows for t, rows in dump.items() if t not in derived}


def _docs(dump):
    """The search documents of a dump without their rowids."""
    return sorted((row[1:] for row in dump["search_docs"]), key=repr)


def _as_text(dump):
    """A dump with every 16-byte value written as id text (what schema 6 stored)."""
    return {
        t: sorted(
            (
                tuple(id_text(v) if isinstance(v, bytes) and len(v) == 16 else v for v in row)
                for row in rows
            ),
            key=repr,
        )
        for t, rows in dump.items()
    }


def _views(ws):
    """What lists, rows and searches show, by record id (documents may be renumbered)."""
    lists = {}
    for sort in ("name", "created_at", "owner", "company"):
        for descending in (False, True):
            lists[(sort, descending)] = ws.contact_list.ids(ContactFilter(), sort, descending)
    rowids = lists[("name", False)]
    owners = [i for i, _n in ws.contact_list.facets().owners]
    for flt in (
        ContactFilter(kind="company"),
        ContactFilter(owner_id=owners[0]),
        ContactFilter(text="王"),
        ContactFilter(text="li", kind="company"),
    ):
        lists[repr(flt)] = ws.contact_list.ids(flt, "name", today=TODAY)
    rows = [(r.id, r.company_id, r.owner_id, r.owner) for r in ws.contact_list.rows(rowids)]
    ids = ws.contact_list.record_ids(rowids)
    lists = {key: ws.contact_list.record_ids(found) for key, found in lists.items()}
    searches = {q: [h.id for h in ws.search.contacts(q, 500)] for q in ("王", "li", "138", "com")}
    return lists, rows, ids, searches, ws.contact_list.companies()


def test_schema_6_workspace_upgrades_with_the_same_data_and_undo(demo_path):
    ws = open_workspace(demo_path)
    try:
        [company_id, *_] = [i for i, _n in ws.contact_list.companies()]
        # Made before the upgrade: an edit whose log values hold an id (company_id) as text.
        pid = ws.people.save(drafts.person("升级前", company_id=company_id), today=TODAY).ids[0]
        before = _views(ws)
    finally:
        ws.close(backup_if_changed=False)
    stored = _dump(demo_path)
    assert _id_types(demo_path) == {("blob", 16)}

    schema.downgrade(demo_path, "0006")
    assert schema.read_header(demo_path).user_version == 6
    assert _id_types(demo_path) == {("text", 36)}
    # Schema 6 held the same ids as text (the derived documents were emptied by 0008's
    # downgrade: they are rebuilt on open; 0009 changed the columns of the quote tables).
    assert _records(_dump(demo_path), LATER_TABLES) == _records(_as_text(stored), LATER_TABLES)
    with sqlite3.connect(demo_path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()
        (name,) = db.execute("SELECT name FROM people WHERE id = ?", (pid,)).fetchone()
    assert "id VARCHAR(36) NOT NULL" in sql and name == "升级前"

    ws = open_workspace(demo_path)  # backs up, upgrades
    try:
        assert schema.read_header(demo_path).user_version == schema.SCHEMA_VERSION
        # Every value exactly as before the round trip; the documents, rebuilt on open, may
        # number their rows otherwise.
        after = _dump(demo_path)
        # Schema 9's columns (a product's second name, an instalment's percent…) did not exist
        # in schema 6: a downgrade drops them (tests/unit/test_quote_schema.py covers 0009).
        assert _records(after, LATER_TABLES) == _records(stored, LATER_TABLES)
        assert _docs(after) == _docs(stored)
        assert _id_types(demo_path) == {("blob", 16)}
        assert _views(ws) == before
        with ws.store.read() as session:
            assert session.get(Person, pid).company_id == company_id
        ws.history.undo()  # the edit made before the upgrade
        with ws.store.read() as session:
            assert session.get(Person, pid).deleted_at is not None
        ws.history.redo()
        with ws.store.read() as session:
            assert session.get(Person, pid).deleted_at is None
        ws.history.undo()
        assert ws.today.info().people == 120
        ws.history.undo()  # the demo's bulk creation: ids listed as text in the log's JSON
        assert ws.today.info().people == 0
        ws.history.redo()
        assert ws.today.info().people == 120
    finally:
        ws.close(backup_if_changed=False)
    pre = [b for b in backup.list_backups(demo_path) if b.reason == "pre-migration"]
    assert len(pre) == 1 and backup.check_backup(pre[0].path) == "ok"
    assert schema.integrity_check(demo_path) == "ok"
    with sqlite3.connect(demo_path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'people'").fetchone()
        assert "id BLOB NOT NULL" in sql and "VARCHAR(36)" not in sql
        [(logged,)] = db.execute(
            "SELECT json_extract(\"values\", '$.company_id[1]') FROM change_log "
            "WHERE entity_id = ? AND action = 'create'",
            (id_bytes(pid),),
        ).fetchall()
    assert logged == company_id  # ids inside the log's JSON stay text


def test_workspace_export_writes_ids_as_text(demo_path, tmp_path):
    from openpyxl import load_workbook

    ws = open_workspace(demo_path)
    try:
        [first] = ws.contact_list.record_ids(ws.contact_list.ids(ContactFilter(), "name")[:1])
        target = tmp_path / "all.xlsx"
        ws.exports.export_workspace(target)
    finally:
        ws.close(backup_if_changed=False)
    book = load_workbook(target, read_only=True)
    try:
        people = list(book["people"].iter_rows(values_only=True))
    finally:
        book.close()
    column = people[0].index("id")
    assert first in [row[column] for row in people[1:]]
