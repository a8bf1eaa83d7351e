"""Schema 5, the leaner file: a positionless search index that finds exactly what substring
search finds, upgrades from schema 4, number lookups through indexes, and backups whose quick
check still refuses a damaged copy."""

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from desktop_crm.domain.errors import BackupError
from desktop_crm.domain.text import normalize, phone_query_digits
from desktop_crm.services.settings.numbering import allocate_number, allocate_numbers
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import backup, schema, search_index
from desktop_crm.store.types import id_bytes, micros
from tests import drafts
from tests.conftest import TODAY

QUERIES = [
    "王", "芳", "王芳", "星辰设计", "重庆星辰设计有限公司", "zs", "wangfang", "wf", "sarah lee",
    "13800138000", "+86 138-0013-8000", "138 0013", "0013-8000", "010", "6552", "01065529988",
    "861065529988", "7700", "@studio.cn", "northwind.co", "example.com", "vip", "上海", "lee",
    "a", "ng", "ang", "nonexistent", "王 上海", "zhang san", "ee@", "\"quoted",
]  # fmt: skip


def _fill(ws):
    acme = ws.people.save_company(drafts.company("重庆星辰设计有限公司"), today=TODAY).ids[0]
    for name, phone, email, company in [
        ("王芳", "+86 138-0013-8000", "wangfang@studio.cn", acme),
        ("张三", "(010) 6552 9988", "zs@example.com", None),
        ("王芳芳", "139 1234 5678", None, None),
        ("Sarah Lee", "+44 7700 900123", "sarah.lee@northwind.co.uk", None),
        ("单雄信", "13700001111", '"quoted"@example.com', None),
    ]:
        ws.people.save(
            drafts.person(
                name,
                company_id=company,
                phones=(("mobile", phone),),
                emails=(("work", email),) if email else (),
            ),
            today=TODAY,
        )


def _results(ws):
    # Sorted: matches past the names that start with the query come in document order, and
    # the upgrade rebuilds the documents (people first, then companies).
    return {q: sorted((h.kind, h.title) for h in ws.search.contacts(q, 500)) for q in QUERIES}


def test_trigram_match_asks_for_every_trigram_once_quoted():
    assert search_index.trigram_match(["abc"]) == '"abc"'
    assert search_index.trigram_match(["abcde"]) == '"abc" AND "bcd" AND "cde"'
    assert search_index.trigram_match(["abcd", "张三丰", "bcd"]) == '"abc" AND "bcd" AND "张三丰"'
    assert search_index.trigram_match(['a"bc']) == '"a""b" AND """bc"'


def test_search_finds_exactly_the_documents_holding_every_word(demo_path):
    """Against a plain substring scan of the stored documents, for queries of every shape."""
    ws = open_workspace(demo_path)
    try:
        _fill(ws)
        with ws.store.read() as session:
            docs = session.execute(text("SELECT short, body, name FROM search_docs")).all()
            names = [d.name for d in docs[:40]] + [d.body.split(" ")[-1] for d in docs[:40]]
            for query in [*QUERIES, *names]:
                q = normalize(query)
                digits = phone_query_digits(q)
                words = [digits] if digits else q.split(" ")

                def holds(short, body, words=words):
                    return all(w in short or (len(w) >= 3 and w in body) for w in words)

                expected = sorted(d.name for d in docs if q and holds(d.short, d.body))
                found = sorted(m.name for m in search_index.search(session, query, 10_000))
                assert found == expected, query
    finally:
        ws.close(backup_if_changed=False)


def test_search_index_keeps_no_positions(workspace):
    with sqlite3.connect(workspace.path) as db:
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    assert "detail=none" in sql and "columnsize=0" in sql
    assert "search_fts_docsize" not in tables


def test_schema_4_workspace_upgrades_and_finds_the_same(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    _fill(ws)
    before = _results(ws)
    ws.close(backup_if_changed=False)
    assert any(before.values()) and before["138 0013"] == [("person", "王芳")]

    schema.downgrade(ws_path, "0004")
    with sqlite3.connect(ws_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 4
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
        assert "detail" not in sql
        assert db.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'ix_people_owner_id'"
        ).fetchone()

    ws = open_workspace(ws_path)  # backs up, upgrades, rebuilds the documents
    try:
        assert schema.read_header(ws_path).user_version == schema.SCHEMA_VERSION
        assert _results(ws) == before
    finally:
        ws.close(backup_if_changed=False)
    pre = [b for b in backup.list_backups(ws_path) if b.reason == "pre-migration"]
    assert len(pre) == 1 and backup.check_backup(pre[0].path) == "ok"
    with sqlite3.connect(ws_path) as db:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'").fetchone()
        (partial,) = db.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_people_company_id'"
        ).fetchone()
    assert "detail=none" in sql
    assert "ix_people_owner_id" not in names and "ix_emails_value" not in names
    assert "ix_deals_stage_id" in names  # kept for the kanban board
    assert "company_id IS NOT NULL" in partial
    assert schema.integrity_check(ws_path) == "ok"
    with sqlite3.connect(ws_path) as db:  # pages the upgrade freed are given back
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        assert free <= db.execute("PRAGMA page_count").fetchone()[0] // 10


def _plan(session, sql, params=()):
    rows = session.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params).all()
    return " | ".join(r[-1] for r in rows)


def test_number_lookups_use_indexes_and_tombstoned_numbers_are_not_reused(workspace):
    ws = workspace
    first = ws.people.save(drafts.person("甲"), today=TODAY).ids[0]
    with ws.store.read() as session:
        number = session.execute(
            text("SELECT number FROM people WHERE id = :id"), {"id": id_bytes(first)}
        ).scalar_one()
    with ws.store.unit_of_work("tombstone") as (session, _r):
        session.execute(
            text("UPDATE people SET deleted_at = :at WHERE id = :id"),
            {"at": micros(datetime(2026, 1, 1, tzinfo=UTC)), "id": id_bytes(first)},
        )
    with ws.store.unit_of_work("draw") as (session, _r):
        # As if the pattern had been changed away and back: the sequence starts over.
        session.execute(text("UPDATE number_sequences SET value = 0"))
        again = allocate_number(session, "customer", TODAY)
        session.execute(text("UPDATE number_sequences SET value = 0"))
        block = allocate_numbers(session, "customer", TODAY, 3)
        plan = _plan(
            session,
            "SELECT number FROM people WHERE number IN (?, ?) AND deleted_at IS NULL UNION ALL "
            "SELECT number FROM people WHERE number IN (?, ?) AND deleted_at IS NOT NULL",
            ("a", "b", "a", "b"),
        )
    assert again != number and number not in block
    assert "uq_people_number" in plan and "ix_people_number_tombstoned" in plan
    assert "SCAN" not in plan


def _wreck_a_table_page(path):
    """Overwrite one b-tree page of the people table (the header and schema stay readable)."""
    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'people'").fetchone()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xff" * page_size)


@pytest.mark.parametrize("name", ["copy.crmbak.zst", "copy.crmbak"])
def test_backup_of_a_damaged_workspace_is_refused(demo_path, tmp_path, name):
    assert schema.copy_check(demo_path) == "ok"
    _wreck_a_table_page(demo_path)
    assert schema.copy_check(demo_path) != "ok"
    with pytest.raises(BackupError, match="failed its check"):
        backup.make_backup(demo_path, "manual", dest=tmp_path / name)
    assert not list(tmp_path.glob("copy*"))


def test_dropped_indexes_answer_no_query_the_lists_run(demo_path):
    """The list and card queries still find an index for owners, cities and companies."""
    ws = open_workspace(demo_path)
    try:
        with ws.store.read() as session:
            company = session.execute(text("SELECT id FROM companies LIMIT 1")).scalar_one()
            for sql in (
                "SELECT id FROM people WHERE company_id = ?",
                "SELECT id FROM phones WHERE company_id = ? ORDER BY position",
                "SELECT id FROM taggings WHERE company_id = ?",
                "SELECT id FROM activities WHERE company_id = ?",
            ):
                assert "SCAN" not in _plan(session, sql, (company,)), sql
    finally:
        ws.close(backup_if_changed=False)


def test_a_file_left_sparse_is_compacted_and_a_dense_one_left_alone(tmp_path):
    path = tmp_path / "sparse.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x BLOB)")
        db.executemany("INSERT INTO t VALUES (randomblob(4000))", [()] * 500)
    assert not schema.compact_if_sparse(path)  # nothing free
    with sqlite3.connect(path) as db:
        db.execute("DELETE FROM t WHERE rowid > 100")
    before = path.stat().st_size
    assert schema.compact_if_sparse(path)
    assert path.stat().st_size < before / 3
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM t").fetchone()[0] == 100
