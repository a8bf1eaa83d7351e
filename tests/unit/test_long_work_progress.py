"""Long services report progress per chunk and stop cleanly when cancelled (no Qt)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from desktop_crm.domain.errors import CancelledError
from desktop_crm.store.models import Change, Operation, Person, Phone

PEOPLE = 6_000  # more than one bulk log row (5,000 ids), many IN chunks (900)


class Recording:
    """A progress object that keeps every report and cancels after ``cancel_after`` of them."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after
        self.checks = 0

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total))

    def check_cancelled(self) -> None:
        self.checks += 1
        if self.cancel_after is not None and len(self.reports) >= self.cancel_after:
            raise CancelledError("Cancelled by the user.")


def _bulk_import(workspace, count: int) -> str:
    """Write ``count`` people with a phone each the way an import does (bulk, one operation)."""
    with workspace.store.unit_of_work("Import people.csv", "import", bulk=True) as (s, rec):
        ids = rec.bulk_insert(s, Person, [{"name": f"Person {n:05d}"} for n in range(count)])
        rec.bulk_insert(
            s,
            Phone,
            [
                {"person_id": pid, "value": f"138{n:08d}", "e164": f"+86138{n:08d}"}
                for n, pid in enumerate(ids)
            ],
        )
    assert rec.operation_id is not None
    return rec.operation_id


def _state(workspace) -> tuple[int, int, int, str | None]:
    """Live people, operations, change-log rows, and the operation Ctrl+Z would undo."""
    with workspace.store.read() as s:
        operations = s.scalar(select(func.count()).select_from(Operation))
        changes = s.scalar(select(func.count()).select_from(Change))
    following = workspace.history.next_undo()
    return (
        workspace.today.info().people,
        operations,
        changes,
        following.id if following else None,
    )


def _assert_steady(reports: list[tuple[int, int]]) -> None:
    totals = {total for _done, total in reports}
    assert len(totals) == 1, "the total stays put"
    dones = [done for done, _total in reports]
    assert dones == sorted(dones) and dones[-1] == reports[-1][1]


@pytest.fixture
def imported(workspace):
    op = _bulk_import(workspace, PEOPLE)
    assert workspace.today.info().people == PEOPLE
    return workspace, op


def test_undoing_a_large_import_reports_each_chunk(imported):
    workspace, op = imported
    progress = Recording()
    workspace.history.undo(op, progress=progress)
    assert workspace.today.info().people == 0
    # Checks and writes of 6,000 people with phones and emails: many chunks, each reported.
    assert len(progress.reports) >= 3 * PEOPLE // 900
    _assert_steady(progress.reports)
    assert progress.checks >= len(progress.reports)

    again = Recording()
    workspace.history.redo(progress=again)
    assert workspace.today.info().people == PEOPLE
    assert len(again.reports) >= 3 * PEOPLE // 900
    _assert_steady(again.reports)


@pytest.mark.parametrize("after", [1, 10, 30])
def test_a_cancelled_undo_leaves_the_data_untouched(imported, after):
    workspace, _op = imported
    before = _state(workspace)
    progress = Recording(cancel_after=after)
    with pytest.raises(CancelledError):
        workspace.history.undo(progress=progress)
    assert len(progress.reports) == after  # it stopped where it was told to
    assert _state(workspace) == before  # one transaction: nothing of it stayed
    assert workspace.search.contacts("Person 00042")  # the index was not touched either
    workspace.history.undo()  # and the undo can still run to the end
    assert workspace.today.info().people == 0


def test_a_cancelled_redo_leaves_the_data_untouched(imported):
    workspace, _op = imported
    workspace.history.undo()
    before = _state(workspace)
    with pytest.raises(CancelledError):
        workspace.history.redo(progress=Recording(cancel_after=5))
    assert _state(workspace) == before
    assert workspace.history.next_redo() is not None


def test_undo_of_a_small_edit_reports_once_it_is_done(workspace):
    workspace.settings.update({"backup.keep_recent": 3})
    progress = Recording()
    workspace.history.undo(progress=progress)
    assert progress.reports and progress.reports[-1][0] == progress.reports[-1][1]


def _ids(workspace) -> list[str]:
    with workspace.store.read() as s:
        return list(s.scalars(select(Person.id).where(Person.deleted_at.is_(None))))


def test_bulk_delete_reports_chunks_and_a_cancel_deletes_nothing(imported):
    workspace, _op = imported
    ids = _ids(workspace)[:2_000]
    before = _state(workspace)
    with pytest.raises(CancelledError):
        workspace.contacts.delete("person", ids, progress=Recording(cancel_after=1))
    assert _state(workspace) == before
    progress = Recording()
    workspace.contacts.delete("person", ids, progress=progress)
    assert progress.reports == [(1, 3), (2, 3), (3, 3)]  # 900 ids a chunk
    assert workspace.today.info().people == PEOPLE - 2_000


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_list_export_reports_its_rows_and_a_cancel_leaves_no_file(imported, tmp_path, fmt):
    workspace, _op = imported
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"people.{fmt}"
    with pytest.raises(CancelledError):
        workspace.exports.export_list(target, fmt, progress=Recording(cancel_after=3))
    assert list(out.iterdir()) == []  # neither the file nor its temporary part
    progress = Recording()
    assert workspace.exports.export_list(target, fmt, progress=progress) == PEOPLE
    _assert_steady(progress.reports)
    assert progress.reports[-1] == (PEOPLE, PEOPLE) and len(progress.reports) >= PEOPLE // 500


def test_a_vcard_export_reports_and_a_cancel_leaves_no_file(imported, tmp_path):
    workspace, _op = imported
    out = tmp_path / "out"
    out.mkdir()
    target = out / "people.vcf"
    with pytest.raises(CancelledError):
        workspace.exports.export_people_vcard(target, progress=Recording(cancel_after=2))
    assert list(out.iterdir()) == []
    progress = Recording()
    assert workspace.exports.export_people_vcard(target, progress=progress) == PEOPLE
    _assert_steady(progress.reports)


def test_the_duplicate_scan_reports_and_can_be_cancelled(imported):
    workspace, _op = imported
    with pytest.raises(CancelledError):
        workspace.duplicates.pairs(progress=Recording(cancel_after=1))
    progress = Recording()
    workspace.duplicates.pairs(progress=progress)
    done, total = progress.reports[-1]
    assert done == total > 2
