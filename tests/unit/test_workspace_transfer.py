"""The whole workspace to one workbook and back into an empty workspace, nothing lost."""

import json
import sqlite3

import pytest
from openpyxl import load_workbook

from desktop_crm.domain.errors import FileFormatError, ValidationError
from desktop_crm.services.archive.workbook import tables
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.workspace.handle import create_workspace, open_workspace


def dump(path):
    with sqlite3.connect(path) as db:
        return {
            t.name: db.execute(f"SELECT * FROM {t.name} ORDER BY 1").fetchall() for t in tables()
        }


def test_round_trip_of_the_demo_workspace(demo_path, tmp_path):
    ws = open_workspace(demo_path)
    with sqlite3.connect(demo_path) as db:  # a photo and a note longer than a cell
        db.execute(
            "UPDATE people SET photo = ?, notes = ? WHERE rowid = 1",
            (bytes(range(256)) * 200, "很长的备注。" * 7000),
        )
    target = tmp_path / "everything.xlsx"
    rows = ws.exports.export_workspace(target)
    ws.close(backup_if_changed=False)
    before = dump(demo_path)
    assert rows == sum(len(r) for r in before.values()) and len(before["people"]) == 120
    book = load_workbook(target, read_only=True)
    assert {"_about", "people", "deals", "quotes", "change_log", "_long"} <= set(book.sheetnames)
    book.close()
    empty = tmp_path / "new.crm"
    fresh = create_workspace(empty)
    dry = fresh.imports.import_file(target, dry_run=True)
    assert dry.dry_run and dry.created == rows and fresh.today.info().people == 0
    report = fresh.imports.import_file(target)
    assert report.created == rows
    assert report.by_entity["people"].created == len(before["people"])  # rows of each kind
    assert dry.by_entity == report.by_entity and "quotes" not in report.by_entity
    with sqlite3.connect(demo_path) as db:
        [(live,)] = db.execute("SELECT count(*) FROM people WHERE deleted_at IS NULL")
        [(name,)] = db.execute("SELECT name FROM people WHERE deleted_at IS NULL LIMIT 1")
    assert len(fresh.contact_list.ids(ContactFilter(kind="person"))) == live  # indexed
    assert name in [hit.title for hit in fresh.search.contacts(name)]
    fresh.close(backup_if_changed=False)
    assert dump(empty) == before  # every row of every table, byte for byte


def test_refused_into_a_workspace_with_records_and_when_cut(demo_path, tmp_path, workspace):
    ws = open_workspace(demo_path)
    target = tmp_path / "everything.xlsx"
    ws.exports.export_workspace(target)
    with pytest.raises(ValidationError, match="already holds people"):
        ws.imports.import_file(target)
    ws.close(backup_if_changed=False)
    book = load_workbook(target)
    sheet = book["people"]
    sheet.delete_rows(5, 3)
    book.save(target)
    with pytest.raises(FileFormatError, match="cut short"):
        workspace.imports.import_file(target)
    assert workspace.today.info().people == 0


def test_round_trip_keeps_bulk_log_rows_longer_than_a_cell(workspace, ws_path, tmp_path):
    from openpyxl import Workbook

    from desktop_crm.store.changelog import BULK_CREATE, BULK_SET, bulk_ids

    sheet = tmp_path / "many.xlsx"
    book = Workbook()
    book.active.append(["Name", "Email"])
    for i in range(1200):
        book.active.append([f"Person {i}", f"p{i}@example.com"])
    book.save(sheet)
    report = workspace.imports.import_file(sheet)
    workspace.history.undo(report.operation_id)
    workspace.history.redo()
    workspace.close(backup_if_changed=False)
    with sqlite3.connect(ws_path) as db:  # packed ids fit a cell: unpack them as older files
        for seq, values in db.execute(
            'SELECT seq, "values" FROM change_log WHERE action IN (?, ?)', (BULK_CREATE, BULK_SET)
        ).fetchall():
            plain = json.loads(values)
            ids = bulk_ids(plain)
            del plain["n"], plain["packed"]
            db.execute(
                'UPDATE change_log SET "values" = ? WHERE seq = ?',
                (json.dumps({"ids": ids, **plain}), seq),
            )
    workspace = open_workspace(ws_path)
    target = tmp_path / "everything.xlsx"
    workspace.exports.export_workspace(target)
    workspace.close(backup_if_changed=False)
    before = dump(ws_path)
    with sqlite3.connect(ws_path) as db:
        longest = dict(
            db.execute(
                'SELECT action, max(length("values")) FROM change_log WHERE action IN (?, ?) '
                "GROUP BY action",
                (BULK_CREATE, BULK_SET),
            ).fetchall()
        )
    assert longest[BULK_CREATE] > 32_767 and longest[BULK_SET] > 32_767  # over a cell's limit
    fresh_path = tmp_path / "new.crm"
    fresh = create_workspace(fresh_path)
    fresh.imports.import_file(target)
    assert len(fresh.contact_list.ids(ContactFilter(kind="person"))) == 1200
    fresh.close(backup_if_changed=False)
    assert dump(fresh_path) == before
