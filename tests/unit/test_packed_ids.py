"""Bulk change-log rows list their ids packed; rows of the plain ``ids`` form still work."""

import json
import sqlite3
import uuid

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop_crm.domain.ids import new_ids
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store.changelog import BULK_CREATE, BULK_LOG_IDS, BULK_SET, bulk_ids, pack_ids
from desktop_crm.store.types import id_bytes

ids_lists = st.lists(st.uuids().map(str), max_size=300)


@given(ids_lists)
def test_pack_and_unpack_round_trip(ids):
    packed = json.loads(json.dumps(pack_ids(ids)))
    assert packed["n"] == len(ids) and "ids" not in packed
    assert bulk_ids(packed) == ids


@given(ids_lists, st.integers(min_value=0, max_value=300), st.text(max_size=40))
def test_a_list_with_an_id_that_is_no_uuid_is_kept_plain(ids, at, odd):
    ids = [*ids[:at], f"x{odd}", *ids[at:]]
    packed = pack_ids(ids)
    assert packed == {"n": len(ids), "ids": ids}
    assert bulk_ids(packed) == ids


def test_time_ordered_ids_pack_small():
    ids = new_ids(BULK_LOG_IDS)
    assert len(json.dumps(pack_ids(ids))) < 20 * len(ids) < len(json.dumps({"ids": ids})) / 1.9
    assert bulk_ids({"ids": ids}) == ids  # the plain form


def _import(workspace, tmp_path, rows):
    sheet = tmp_path / "people.xlsx"
    book = Workbook()
    book.active.append(["Name", "Email"])
    for i in range(rows):
        book.active.append([f"Person {i}", f"p{i}@example.com"])
    book.save(sheet)
    return workspace.imports.import_file(sheet)


def _bulk_rows(path, operation_id=None):
    with sqlite3.connect(path) as db:
        return db.execute(
            'SELECT seq, action, "values" FROM change_log WHERE action IN (?, ?) ORDER BY seq',
            (BULK_CREATE, BULK_SET),
        ).fetchall()


def _changes(workspace, operation_id):
    return next(o for o in workspace.history.recent() if o.id == operation_id).changes


def test_bulk_import_undo_and_redo_with_packed_rows(workspace, ws_path, tmp_path):
    rows = BULK_LOG_IDS + 700  # two bulk rows of people
    report = _import(workspace, tmp_path, rows)
    logged = _bulk_rows(ws_path)
    assert logged and all(
        "packed" in json.loads(v) and "ids" not in json.loads(v) for *_x, v in logged
    )
    people = [json.loads(v) for _s, a, v in logged if a == BULK_CREATE]
    assert sum(v["n"] for v in people) >= rows
    total = _changes(workspace, report.operation_id)
    with sqlite3.connect(ws_path) as db:
        [(single,)] = db.execute(
            "SELECT count(*) FROM change_log WHERE operation_id = ? AND action NOT IN (?, ?)",
            (id_bytes(report.operation_id), BULK_CREATE, BULK_SET),
        )
    assert total == sum(json.loads(v)["n"] for *_x, v in logged) + single
    undone = workspace.history.undo(report.operation_id)
    assert workspace.contact_list.ids(ContactFilter(kind="person")) == []
    assert _changes(workspace, undone.operation_id) == total  # bulkset rows count every id
    workspace.history.redo()
    assert len(workspace.contact_list.ids(ContactFilter(kind="person"))) == rows
    assert workspace.search.contacts("Person 4321")


def test_legacy_plain_rows_still_undo_and_count(workspace, ws_path, tmp_path):
    report = _import(workspace, tmp_path, 1500)
    total = _changes(workspace, report.operation_id)
    with sqlite3.connect(ws_path) as db:  # written as schema 7 before packing wrote them
        for seq, _action, values in _bulk_rows(ws_path):
            plain = json.loads(values)
            ids = bulk_ids(plain)
            del plain["n"], plain["packed"]
            db.execute(
                'UPDATE change_log SET "values" = ? WHERE seq = ?',
                (json.dumps({"ids": ids, **plain}), seq),
            )
        assert db.execute(
            "SELECT count(*) FROM change_log WHERE \"values\" LIKE '%packed%'"
        ).fetchone() == (0,)
    assert _changes(workspace, report.operation_id) == total
    workspace.history.undo(report.operation_id)
    assert workspace.contact_list.ids(ContactFilter(kind="person")) == []
    workspace.history.redo()
    assert len(workspace.contact_list.ids(ContactFilter(kind="person"))) == 1500


def test_demo_with_packed_rows_undoes_and_redoes(demo_path):
    logged = _bulk_rows(demo_path)
    assert logged and all("packed" in json.loads(v) for *_x, v in logged)
    ids = [i for *_x, v in logged for i in bulk_ids(json.loads(v))]
    assert len(ids) == len(set(ids)) and all(uuid.UUID(i) for i in ids)
    ws = open_workspace(demo_path)
    try:
        op = max(ws.history.recent(), key=lambda o: o.changes)
        assert op.changes >= len(ids)
        ws.history.undo(op.id)
        assert ws.today.info().people == 0
        ws.history.redo()
        assert ws.today.info().people == 120
    finally:
        ws.close(backup_if_changed=False)
