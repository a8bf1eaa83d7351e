"""Team sync against a real PostgreSQL hub: merges, conflicts, deletes (issue 14, tests 1–3)."""

from __future__ import annotations

import pytest

from desktop_crm.store.models import Person
from tests.hub_fixtures import canonical, first_laptop, joining_laptop


@pytest.fixture
def pair(hub, tmp_path):
    a = first_laptop(hub, tmp_path, "alice")
    pid = a.add_person("王小明", title="经理")
    a.sync()
    b = joining_laptop(hub, tmp_path, "bob")
    yield a, b, pid
    a.close()
    b.close()


def test_the_second_laptop_downloads_the_first_ones_workspace(pair):
    a, b, pid = pair
    assert b.get(Person, pid).name == "王小明"
    b.sync()  # bob's user record, made on his laptop at join
    a.sync()
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_disjoint_offline_edits_merge_in_either_order(pair, order):
    a, b, pid = pair
    a.edit(Person, pid, title="总经理")
    b.edit(Person, pid, notes="喜欢喝茶")
    first, second = (a, b) if order == "ab" else (b, a)
    first.sync()
    second.sync()
    first.sync()
    for laptop in (a, b):
        person = laptop.get(Person, pid)
        assert (person.title, person.notes) == ("总经理", "喜欢喝茶")
    assert canonical(a) == canonical(b)


def conflicts_of(laptop):
    return laptop.ws.team.conflicts()


@pytest.mark.parametrize("resolver", ["a", "b"])
def test_one_field_edited_on_two_laptops_is_one_conflict_resolved_anywhere(pair, resolver):
    a, b, pid = pair
    a.edit(Person, pid, title="总经理")
    b.edit(Person, pid, title="副总")
    a.sync()
    b.sync()
    a.sync()
    # The hub keeps the value pushed first; the other is kept in the conflict, not lost.
    assert a.get(Person, pid).title == b.get(Person, pid).title == "总经理"
    [on_a] = conflicts_of(a)
    [on_b] = conflicts_of(b)
    assert on_a.id == on_b.id and on_a.field == "title"
    assert (on_b.mine, on_b.theirs, on_b.changed_by) == ("副总", "总经理", "alice")
    assert (on_a.mine, on_a.theirs, on_a.changed_by) == ("总经理", "副总", "bob")
    assert on_a.number == a.get(Person, pid).number
    chooser = a if resolver == "a" else b
    chooser.ws.team.resolve(on_a.id[:8], "theirs" if resolver == "a" else "mine")
    assert chooser.get(Person, pid).title == "副总"
    chooser.sync()
    other = b if chooser is a else a
    other.sync()
    for laptop in (a, b):
        assert laptop.get(Person, pid).title == "副总"
        assert conflicts_of(laptop) == []
    assert canonical(a) == canonical(b)


def test_a_typed_value_resolves_and_an_undo_of_it_travels_like_an_edit(pair):
    a, b, pid = pair
    a.edit(Person, pid, title="A")
    b.edit(Person, pid, title="B")
    a.sync()
    b.sync()
    [conflict] = conflicts_of(b)
    b.ws.team.resolve(conflict.id, "value", "C")
    b.sync()
    a.sync()
    assert a.get(Person, pid).title == b.get(Person, pid).title == "C"
    assert conflicts_of(a) == [] == conflicts_of(b)


def test_same_value_on_two_laptops_is_no_conflict(pair):
    a, b, pid = pair
    a.edit(Person, pid, title="同一")
    b.edit(Person, pid, title="同一")
    a.sync()
    b.sync()
    assert conflicts_of(a) == [] == conflicts_of(b)


def test_delete_against_an_unseen_edit_keeps_the_record_and_flags_it(pair):
    a, b, pid = pair
    a.delete(Person, pid)
    b.edit(Person, pid, title="还在谈")
    b.sync()
    a.sync()  # the delete arrives after an edit alice had not seen
    b.sync()
    for laptop in (a, b):
        person = laptop.get(Person, pid)
        assert person.deleted_at is None and person.title == "还在谈"
    [conflict] = conflicts_of(a)
    assert conflict.field == "deleted_at" and conflict.theirs is None
    assert conflict.mine is not None  # alice's deletion, kept to decide
    a.ws.team.resolve(conflict.id, "mine")  # delete it after all
    a.sync()
    b.sync()
    assert a.get(Person, pid).deleted_at is not None
    assert b.get(Person, pid).deleted_at is not None
    assert canonical(a) == canonical(b)


def test_an_edit_against_an_unseen_delete_brings_the_record_back_flagged(pair):
    a, b, pid = pair
    a.delete(Person, pid)
    a.sync()
    b.edit(Person, pid, title="还要")
    b.sync()
    a.sync()
    for laptop in (a, b):
        assert laptop.get(Person, pid).deleted_at is None
    [conflict] = conflicts_of(b)
    assert conflict.field == "deleted_at"
    assert conflict.mine is None and conflict.theirs is not None and conflict.changed_by == "alice"


def test_a_stale_push_after_a_delete_does_not_bring_the_record_back(pair, hub):
    a, b, pid = pair
    b.edit(Person, pid, title="旧")
    b.sync()
    a.sync()
    a.delete(Person, pid)
    a.sync()
    # Bob's acknowledged operation is sent again (as after a lost answer): applied once only.
    from desktop_crm.services.team.outbox import hub_ops, pending
    from desktop_crm.store.models import SyncOutbox

    with b.store.unit_of_work("test", "system") as (session, _rec):
        session.query(SyncOutbox).update({SyncOutbox.acked: None})
    with b.store.read() as session:
        ops = [op for item in pending(session) for op in hub_ops(session, item)]
    with hub.client("bob") as client:
        result = client.push(_device(b), ops)
    assert result["applied"] == 0 and result["repeated"] == len(ops)
    b.sync()
    assert a.get(Person, pid).deleted_at is not None
    assert b.get(Person, pid).deleted_at is not None


def _device(laptop):
    from desktop_crm.services.team.state import read_link

    with laptop.store.read() as session:
        return read_link(session).device


def test_customers_made_offline_on_two_laptops_get_different_numbers(pair):
    a, b, _pid = pair
    one = a.add_person("甲方")
    two = b.add_person("乙方")
    a.sync()
    b.sync()
    a.sync()
    numbers = {a.get(Person, one).number, a.get(Person, two).number}
    assert len(numbers) == 2
    assert b.get(Person, two).number.endswith("1000001")  # the second laptop's range
    assert canonical(a) == canonical(b)


def test_two_offline_claims_of_one_lead_give_one_owner_and_tell_the_other(pair):
    a, b, pid = pair
    a.ws.pool.release("person", pid)
    a.sync()
    b.sync()
    a.ws.pool.claim("person", pid)
    b.ws.pool.claim("person", pid)
    b.sync()  # Bob's claim reaches the hub first: it stands
    a.sync()
    b.sync()
    owners = {laptop.get(Person, pid).owner_id for laptop in (a, b)}
    assert owners == {b.store.actor_id}
    claimed = {laptop.get(Person, pid).claimed_at for laptop in (a, b)}
    assert len(claimed) == 1
    [told] = a.ws.team.conflicts()  # Alice is told; one conflict, not one per field
    assert told.field == "owner_id" and told.mine == a.store.actor_id
    assert told.changed_by == "bob" and told.theirs_text == "bob"  # a name, not an id
    assert canonical(a) == canonical(b)


def test_the_timeline_says_which_teammate_changed_what(pair):
    a, b, pid = pair
    b.edit(Person, pid, title="由鲍勃改")
    b.sync()
    a.sync()
    items = [i for i in _timeline(a, pid) if i.kind == "change" and "由鲍勃改" in i.detail]
    assert [i.who for i in items] == ["bob"]
    own = [i for i in _timeline(b, pid) if i.kind == "change" and "由鲍勃改" in i.detail]
    assert [i.who for i in own] == [""]  # one's own changes need no name


def _timeline(laptop, pid):
    return laptop.ws.cards.card("person", pid).timeline


def test_undo_never_overwrites_a_teammates_later_change(pair):
    a, b, pid = pair
    a.edit(Person, pid, title="我的")
    a.sync()
    b.sync()
    b.edit(Person, pid, title="鲍勃的")
    b.sync()
    a.sync()
    from desktop_crm.domain.errors import UndoConflictError

    with pytest.raises(UndoConflictError):
        a.ws.history.undo()
    assert a.get(Person, pid).title == "鲍勃的"
