"""The workspace's readers: their own connection, answering beside a writer that is busy."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from desktop_crm.domain.errors import CancelledError
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.store.models import Person


def _add(workspace, *names: str) -> None:
    with workspace.store.unit_of_work("Add people", "import", bulk=True) as (s, rec):
        rec.bulk_insert(s, Person, [{"name": name} for name in names])


def test_readers_use_wal_and_refuse_to_write(workspace):
    assert workspace.reads.journal_mode() == "wal"
    with pytest.raises(OperationalError, match=r"readonly|read-only|query_only"):  # noqa: SIM117
        with workspace.reads._store.read() as session:
            session.connection().exec_driver_sql("DELETE FROM people")


def test_readers_answer_while_a_write_is_open_and_see_it_once_committed(workspace):
    _add(workspace, "Ann", "Bob")
    lists = workspace.reads.contact_list
    assert lists.open_list(ContactFilter(), "name", False).count == 2
    with workspace.store.unit_of_work("Add people", "import", bulk=True) as (s, rec):
        rec.bulk_insert(s, Person, [{"name": f"Person {n}"} for n in range(50)])
        s.flush()
        # The writer holds its transaction (and the write lock): readers still answer, with
        # what was committed.
        assert lists.open_list(ContactFilter(), "name", False).count == 2
        assert [r.name for r in lists.page(ContactFilter(), "name", False, 0, 10)] == [
            "Ann",
            "Bob",
        ]
        assert workspace.reads.today.info().people == 2
    # Committed: the next read sees it.
    assert lists.open_list(ContactFilter(), "name", False).count == 52
    assert workspace.reads.today.info().people == 52


def test_search_through_the_readers_sees_what_the_writer_committed(workspace):
    _add(workspace, "Ann")
    assert [h.title for h in workspace.reads.search.contacts("A")] == ["Ann"]  # short keys load
    _add(workspace, "Amy")  # the writer's commit marks the shared keys stale
    assert sorted(h.title for h in workspace.reads.search.contacts("A")) == ["Amy", "Ann"]
    assert [h.title for h in workspace.reads.search.global_search("Amy")] == ["Amy"]


def test_closing_the_workspace_closes_its_readers(workspace):
    _add(workspace, "Ann")
    reads = workspace.reads
    assert reads.today.info().people == 1
    reads.close()
    reads.close()  # idempotent
    with pytest.raises(CancelledError):  # a read queued before the close never reopens the file
        reads.today.info()
    assert workspace.today.info().people == 1  # the writer is not affected
