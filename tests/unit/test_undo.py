"""Undo and redo of whole operations from the change log."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from desktop_crm.domain.errors import NotFoundError, NothingToUndoError, UndoConflictError
from desktop_crm.store.models import Person
from tests import drafts
from tests.conftest import TODAY


def _snapshot(workspace, pid):
    with workspace.store.read() as s:
        p = s.get(Person, pid)
        return {c.key: getattr(p, c.key) for c in Person.__table__.columns if c.key != "updated_at"}


def test_undo_restores_exact_earlier_values_and_redo_reapplies_them(workspace):
    pid = workspace.people.save(drafts.person("李四", title="设计师"), today=TODAY).ids[0]
    with workspace.store.unit_of_work("Rich edit") as (s, _r):
        p = s.get(Person, pid)
        p.birthday = date(1990, 2, 28)
        p.im = {"qq": "12345"}
        p.last_contacted_at = datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=UTC)
        p.photo = b"\x89PNG\x00\x01"
    before = _snapshot(workspace, pid)
    edit = drafts.edit(
        workspace.people, pid, name="李四四", title=None, birthday=date(1991, 3, 1), level="B"
    )
    with workspace.store.unit_of_work("Photo") as (s, _r):
        s.get(Person, pid).photo = b"new"
    after = _snapshot(workspace, pid)
    assert after["name"] == "李四四" and after["photo"] == b"new"

    workspace.history.undo()  # the photo
    workspace.history.undo(edit.operation_id)
    assert _snapshot(workspace, pid) == before
    workspace.history.redo()  # redo the edit (undone last)
    redone = _snapshot(workspace, pid)
    assert redone["name"] == "李四四" and redone["title"] is None
    assert redone["birthday"] == date(1991, 3, 1) and redone["photo"] == before["photo"]


def test_undo_of_a_creation_leaves_a_tombstone_and_redo_brings_it_back(workspace):
    ann = drafts.person("Ann", phones=(("mobile", "021 6123 4567"),))
    created = workspace.people.save(ann, today=TODAY)
    result = workspace.history.undo()
    assert result.deleted == 2
    assert workspace.today.info().people == 0
    redo = workspace.history.redo()
    assert redo.restored == 2
    person = workspace.cards.card("person", created.ids[0])
    assert [(x.label, x.value) for x in person.phones] == [("mobile", "021 6123 4567")]


def test_undo_of_a_delete_restores_the_person_with_phones_and_emails(workspace):
    pid = workspace.people.save(
        drafts.person("Zoe", emails=(("work", "zoe@x.io"),), phones=(("mobile", "555 0100"),)),
        today=TODAY,
    ).ids[0]
    workspace.contacts.delete_people([pid])
    workspace.history.undo()
    p = workspace.cards.card("person", pid)
    assert [(x.label, x.value) for x in p.emails] == [("work", "zoe@x.io")]
    assert [(x.label, x.value) for x in p.phones] == [("mobile", "555 0100")]


def test_undo_that_later_edits_overlap_is_refused_and_changes_nothing(workspace):
    pid = workspace.people.save(drafts.person("Old"), today=TODAY).ids[0]
    first = drafts.edit(workspace.people, pid, name="New", title="CEO")
    drafts.edit(workspace.people, pid, title="CTO")
    state = _snapshot(workspace, pid)
    ops = len(workspace.history.recent(100))
    with pytest.raises(UndoConflictError, match="later edits"):
        workspace.history.undo(first.operation_id)
    assert _snapshot(workspace, pid) == state  # never half-applied: name stays "New"
    assert len(workspace.history.recent(100)) == ops
    # undoing the creation is refused too: the row was edited since
    creation = workspace.history.recent(100)[-2]
    assert creation.label == "Add Old"
    with pytest.raises(UndoConflictError):
        workspace.history.undo(creation.id)


def test_non_overlapping_older_operation_can_be_undone(workspace):
    a = workspace.people.save(drafts.person("A"), today=TODAY).ids[0]
    b = workspace.people.save(drafts.person("B"), today=TODAY).ids[0]
    edit_a = drafts.edit(workspace.people, a, title="x")
    drafts.edit(workspace.people, b, title="y")
    workspace.history.undo(edit_a.operation_id)
    assert workspace.cards.card("person", a).title is None
    assert workspace.cards.card("person", b).title == "y"


def test_redo_is_cleared_by_a_new_edit_and_undo_stack_order(workspace):
    pid = workspace.people.save(drafts.person("P"), today=TODAY).ids[0]
    drafts.edit(workspace.people, pid, title="one")
    assert workspace.history.next_undo().label == "Edit P"
    workspace.history.undo()
    assert workspace.history.next_redo().label == "Edit P"
    assert workspace.history.next_undo().label == "Add P"
    drafts.edit(workspace.people, pid, title="two")
    assert workspace.history.next_redo() is None
    with pytest.raises(NothingToUndoError):
        workspace.history.redo()


def test_undo_and_redo_are_logged_operations(workspace):
    workspace.people.save(drafts.person("Q"), today=TODAY)
    undo = workspace.history.undo()
    ops = workspace.history.recent(10)
    assert ops[0].id == undo.operation_id and ops[0].kind == "undo"
    assert ops[1].undone
    with pytest.raises(NotFoundError):
        workspace.history.undo(ops[1].id)  # already undone
    with pytest.raises(NotFoundError):
        workspace.history.undo(ops[0].id)  # an undo is redone, not undone


def test_workspace_setup_is_not_offered_for_undo(workspace):
    with pytest.raises(NothingToUndoError):
        workspace.history.undo()


def test_undo_of_bulk_demo_operation(demo_path):
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(demo_path)
    try:
        assert ws.today.info().people == 120
        result = ws.history.undo()
        assert result.deleted > 120
        info = ws.today.info()
        assert (info.people, info.companies, info.open_deals) == (0, 0, 0)
        ws.history.redo()
        assert ws.today.info().people == 120
    finally:
        ws.close(backup_if_changed=False)


def test_settings_change_is_undoable(workspace):
    workspace.settings.update({"numbering.quote": "BJ-{yy}{mm}-{seq:3}", "backup.keep_recent": 3})
    assert workspace.settings.get("numbering.quote") == "BJ-{yy}{mm}-{seq:3}"
    workspace.history.undo()
    assert workspace.settings.get("numbering.quote") == "Q-{yyyy}-{seq:04}"
    assert workspace.settings.get("backup.keep_recent") == 10


def test_money_survives_undo_exactly(workspace):
    from desktop_crm.store.models import Product

    with workspace.store.unit_of_work("add") as (s, _r):
        s.add(Product(name="Print", price=Decimal("3200.5000")))
    with workspace.store.unit_of_work("reprice") as (s, _r):
        s.scalars(select(Product)).one().price = Decimal("2999.99")
    workspace.history.undo()
    with workspace.store.read() as s:
        assert s.scalars(select(Product)).one().price == Decimal("3200.50")


def test_bulk_creations_log_their_ids_in_batches_and_undo_whole(workspace):
    from sqlalchemy import select

    from desktop_crm.store.changelog import BULK_CREATE, bulk_ids
    from desktop_crm.store.models import Change, Person
    from tests.conftest import REALWORLD

    report = workspace.imports.import_file(REALWORLD / "vcard" / "fk_v4.vcf")
    with workspace.store.read() as s:
        logged = s.execute(
            select(Change.entity, Change.action, Change.values).where(
                Change.operation_id == report.operation_id
            )
        ).all()
        people = set(s.scalars(select(Person.id)))
    bulk = [(entity, bulk_ids(v)) for entity, action, v in logged if action == BULK_CREATE]
    assert {i for entity, ids in bulk if entity == "people" for i in ids} == people
    assert len(people) == 2
    # The history counts every created row, not the log rows that list them.
    summary = next(o for o in workspace.history.recent() if o.id == report.operation_id)
    assert summary.changes == sum(len(ids) for _e, ids in bulk) + (len(logged) - len(bulk))
    pid = workspace.search.contacts("Möhrke")[0].id
    drafts.edit(workspace.people, pid, title="Leitung")
    with pytest.raises(UndoConflictError):  # an imported row edited since
        workspace.history.undo(report.operation_id)
    workspace.history.undo()  # the edit
    workspace.history.undo(report.operation_id)  # now the import goes back whole
    assert workspace.today.info().people == 0
    workspace.history.redo()
    assert workspace.today.info().people == 2
