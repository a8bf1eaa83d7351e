"""Contact lists: filters and sorting in SQL, pages of rows, bulk actions as one operation."""

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store.models import Person
from tests import drafts
from tests.conftest import TODAY


@pytest.fixture
def demo(demo_path):
    ws = open_workspace(demo_path)
    yield ws
    ws.close(backup_if_changed=False)


EVERYONE = ContactFilter()


def names(ws, flt=EVERYONE, sort="name", descending=False):
    return [r.name for r in ws.contact_list.rows(ws.contact_list.ids(flt, sort, descending))]


def test_every_column_sorts_both_ways(demo):
    for column in COLUMNS:
        up = demo.contact_list.ids(ContactFilter(), column)
        down = demo.contact_list.ids(ContactFilter(), column, descending=True)
        assert len(up) == 120 and sorted(up) == sorted(down)
    by_name = names(demo)
    assert names(demo, descending=True) == by_name[::-1]
    from desktop_crm.domain.text import name_pinyin

    keys = [(name_pinyin(n)[0] or n).casefold() for n in by_name]
    assert keys == sorted(keys)  # Chinese names sort by pinyin among the Latin ones
    rows = demo.contact_list.rows(
        demo.contact_list.ids(ContactFilter(), "last_contacted_at", descending=True)
    )
    stamps = [r.last_contacted_at for r in rows if r.last_contacted_at]
    assert stamps == sorted(stamps, reverse=True)


def test_filters_match_the_records(demo):
    rows = demo.contact_list.rows(demo.contact_list.ids(ContactFilter()))
    for field in ("status", "level", "city", "source"):
        value = next(getattr(r, field) for r in rows if getattr(r, field))
        got = demo.contact_list.rows(demo.contact_list.ids(ContactFilter(**{field: value})))
        assert got and all(getattr(r, field) == value for r in got)
        assert len(got) == sum(1 for r in rows if getattr(r, field) == value)
    tagged = demo.contact_list.rows(demo.contact_list.ids(ContactFilter(tag="VIP")))
    assert tagged and all("VIP" in r.tags.split(", ") for r in tagged)
    quiet = demo.contact_list.rows(
        demo.contact_list.ids(ContactFilter(not_contacted_days=30), today=TODAY)
    )
    cutoff = datetime.combine(TODAY - timedelta(days=30), datetime.min.time(), UTC)
    assert all(r.last_contacted_at is None or r.last_contacted_at < cutoff for r in quiet)
    assert len(quiet) == sum(
        1 for r in rows if r.last_contacted_at is None or r.last_contacted_at < cutoff
    )
    today = date.today()
    assert len(demo.contact_list.ids(ContactFilter(created_from=today))) == 120
    assert demo.contact_list.ids(ContactFilter(created_to=today - timedelta(days=1))) == []


def test_text_filter_keeps_the_sort(demo):
    rows = demo.contact_list.rows(demo.contact_list.ids(ContactFilter()))
    surname = next(r.name[0] for r in rows if "\u4e00" <= r.name[0] <= "\u9fff")
    got = names(demo, ContactFilter(text=surname), sort="name", descending=True)
    assert got and all(surname in n for n in got) and got == sorted(got, reverse=True)


def test_companies_list(demo):
    got = demo.contact_list.rows(demo.contact_list.ids(ContactFilter(kind="company")))
    assert len(got) == 12 and all(r.kind == "company" for r in got)


def test_bulk_status_tag_and_delete_are_single_undoable_operations(workspace):
    ids = [workspace.people.save(drafts.person(n), today=TODAY).ids[0] for n in ("A", "B", "C")]
    result = workspace.contacts.set_field("person", ids[:2], "status", "customer")
    assert result.updated == 2
    assert names(workspace, ContactFilter(status="customer")) == ["A", "B"]
    workspace.contacts.add_tag("person", ids, "展会")
    workspace.contacts.add_tag("person", ids, "展会")  # already tagged: nothing new
    assert names(workspace, ContactFilter(tag="展会")) == ["A", "B", "C"]
    workspace.contacts.delete("person", ids[1:])
    assert names(workspace) == ["A"]
    workspace.history.undo()
    workspace.history.undo()  # the second add_tag changed nothing and is not in the history
    assert names(workspace, ContactFilter(tag="展会")) == []
    workspace.history.undo()
    assert names(workspace, ContactFilter(status="customer")) == []
    with pytest.raises(Exception, match="bulk"):
        workspace.contacts.set_field("person", ids, "name", "x")


def test_company_delete_updates_people_rows(workspace):
    cid = workspace.people.save_company(drafts.company("远山设计"), today=TODAY).ids[0]
    workspace.people.save(drafts.person("王芳", company_id=cid), today=TODAY)
    workspace.contacts.delete("company", [cid])
    rows = workspace.contact_list.rows(workspace.contact_list.ids(ContactFilter()))
    assert rows[0].company is None
    workspace.history.undo()
    rows = workspace.contact_list.rows(workspace.contact_list.ids(ContactFilter()))
    assert rows[0].company == "远山设计"


def test_rows_follow_edits(workspace):
    pid = workspace.people.save(
        drafts.person("Old", phones=(("mobile", "123456"),)), today=TODAY
    ).ids[0]
    with workspace.store.unit_of_work("contacted") as (s, _r):
        s.get(Person, pid).last_contacted_at = datetime(2026, 1, 1, tzinfo=UTC)
    drafts.edit(workspace.people, pid, name="New", title="CEO")
    [row] = workspace.contact_list.rows(workspace.contact_list.ids(ContactFilter()))
    assert (row.name, row.title, row.phone) == ("New", "CEO", "123456")
    assert row.last_contacted_at == datetime(2026, 1, 1, tzinfo=UTC)
    assert workspace.contact_list.record_ids([row.rowid]) == [pid]


def test_saved_views_round_trip_through_settings(workspace):
    from desktop_crm.services.contact_lists.dto import SavedView

    view = SavedView(
        "Quiet VIPs",
        ContactFilter(tag="VIP", not_contacted_days=30, created_from=date(2026, 1, 1)),
        "last_contacted_at",
        True,
        ("name", "tags"),
    )
    workspace.saved_views.save(view)
    assert workspace.saved_views.all() == [view]
    workspace.saved_views.save(SavedView("Quiet VIPs", ContactFilter(level="A")))
    assert [v.filter.level for v in workspace.saved_views.all()] == ["A"]
    workspace.saved_views.remove("Quiet VIPs")
    assert workspace.saved_views.all() == []
    with pytest.raises(Exception, match="name"):
        workspace.saved_views.save(SavedView(" ", ContactFilter()))
