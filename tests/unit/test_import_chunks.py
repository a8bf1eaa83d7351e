"""Imports larger than one chunk: matching, failures and undo across chunks; the sheet kept
for previews; the garbage collector paused only while an import runs."""

import gc
import os

from openpyxl import Workbook

from desktop_crm.services.common.gc_pause import collector_paused
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.importing.importer import CHUNK
from desktop_crm.services.importing.sheet_cache import SheetCache
from tests import drafts
from tests.conftest import TODAY

ROWS = CHUNK * 2 + 500  # three chunks


def big_sheet(path, rows=ROWS):
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["姓名", "邮箱", "城市", "备注"])
    for i in range(rows):
        if i % 1000 == 999:
            sheet.append(["", "", "上海", "no name, email or phone"])
        else:
            sheet.append([f"客户{i}", f"c{i}@ex.cn", "上海", f"row {i}"])
    book.save(path)
    return path


def test_an_import_of_three_chunks_matches_fails_and_undoes_as_one(workspace, tmp_path):
    workspace.people.save(drafts.person("老客户", emails=(("work", "c2100@ex.cn"),)))
    existing = workspace.search.contacts("老客户")[0]
    path = big_sheet(tmp_path / "big.xlsx")
    preview = workspace.imports.import_file(path, dry_run=True, today=TODAY, duplicates="fill")
    failures = ROWS // 1000
    assert (preview.created, preview.updated, preview.failed) == (ROWS - failures - 1, 1, failures)

    report = workspace.imports.import_file(path, today=TODAY, duplicates="fill")

    assert (report.created, report.updated, report.skipped, report.failed) == (
        ROWS - failures - 1,
        1,
        0,
        failures,
    )
    assert [p.split(":")[0] for p in report.problems] == [
        "row 1001",
        "row 2001",
        "row 3001",
        "row 4001",
    ]
    assert report.error_workbook is not None and report.error_workbook.exists()
    everyone = workspace.contact_list.ids(ContactFilter())
    assert len(everyone) == ROWS - failures
    card = workspace.cards.card("person", existing.id)
    assert card.notes == "row 2100"  # filled from the matching row in the second chunk
    assert workspace.search.contacts("客户4499")[0].title == "客户4499"  # indexed, last chunk

    undone = workspace.history.undo(report.operation_id)

    assert len(workspace.contact_list.ids(ContactFilter())) == 1
    assert workspace.cards.card("person", existing.id).notes is None
    assert workspace.search.contacts("客户4499") == []
    # Rows created in bulk are tombstoned in bulk: the history still counts each of them.
    assert undone.deleted >= report.created
    assert workspace.history.recent()[0].changes == undone.deleted + undone.updated

    workspace.history.redo()

    assert len(workspace.contact_list.ids(ContactFilter())) == ROWS - failures
    assert workspace.cards.card("person", existing.id).notes == "row 2100"
    assert workspace.search.contacts("客户4499")[0].title == "客户4499"


def test_an_import_that_writes_nothing_leaves_no_operation(workspace, tmp_path):
    path = big_sheet(tmp_path / "again.xlsx", rows=30)
    first = workspace.imports.import_file(path, today=TODAY)
    again = workspace.imports.import_file(path, today=TODAY)
    assert first.operation_id and first.created == 30
    assert again.operation_id is None
    assert (again.created, again.skipped) == (0, 30)
    assert workspace.history.recent()[0].id == first.operation_id


def test_previews_and_checks_read_the_sheet_once_and_a_run_reads_its_own(workspace, tmp_path):
    path = big_sheet(tmp_path / "once.xlsx", rows=50)
    reads = []

    class CountingCache(SheetCache):
        def read(self, p, sheet):
            table = super().read(p, sheet)
            reads.append(id(table))
            return table

    workspace.imports._sheets = CountingCache()
    first = workspace.imports.preview(path)
    workspace.imports.preview(path, mapping={**first.mapping, 2: "ignore"})
    workspace.imports.import_file(path, dry_run=True, today=TODAY)
    assert len(reads) == 3 and len(set(reads)) == 1  # one table, kept
    again = workspace.imports.preview(path)
    assert again.rows == first.rows  # the dry run did not use the rows up

    report = workspace.imports.import_file(path, today=TODAY)
    assert report.created == 50
    assert workspace.imports._sheets._table is None  # let go before the run

    os.utime(path, ns=(1, 1))  # the file changed on disk: read again
    cache = SheetCache()
    table = cache.read(path, 0)
    os.utime(path, ns=(2, 2))
    assert cache.read(path, 0) is not table
    cache.clear()
    assert cache._table is None


def test_the_collector_is_paused_only_while_bulk_work_runs():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_workbook_that_cannot_be_written_imports_nothing(workspace, tmp_path, monkeypatch):
    import tempfile

    import pytest

    from desktop_crm.domain.errors import StorageError

    path = big_sheet(tmp_path / "x.xlsx", rows=1000)  # row 1000 has no name: it fails
    (tmp_path / "x-errors.xlsx").mkdir()  # where the error workbook would go, and
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the fallback folder: the same
    with pytest.raises(StorageError, match="could not be written"):
        workspace.imports.import_file(path, today=TODAY)
    assert workspace.contact_list.ids(ContactFilter()) == []
    assert [o.kind for o in workspace.history.recent()] == ["system"]  # "Create workspace"


def test_numbers_drawn_in_bulk_skip_ones_already_handed_out(workspace):
    from desktop_crm.services.settings.numbering import allocate_numbers
    from desktop_crm.store.models import Person

    taken = workspace.numbers.preview("customer", TODAY)
    with workspace.store.unit_of_work("a person numbered by hand") as (session, _rec):
        session.add(Person(name="手工编号", number=taken))
    with workspace.store.unit_of_work("draw") as (session, _rec):
        drawn = allocate_numbers(session, "customer", TODAY, 1200)
    assert len(drawn) == len(set(drawn)) == 1200
    assert taken not in drawn
