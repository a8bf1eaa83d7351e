"""Saving from the editor (validation in place), duplicate hints, cards and their timeline."""

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.cards.contact_cards import NextFollowUp
from desktop_crm.services.contacts.dto import AddressData, Labelled, PersonDraft
from tests import drafts
from tests.conftest import TODAY


def draft(**kw):
    base = {
        "name": "王芳",
        "phones": (Labelled("mobile", "138 0013 8000"),),
        "emails": (Labelled("work", "wf@studio.cn"),),
    }
    return PersonDraft(**(base | kw))


def test_problems_are_reported_per_field_and_nothing_is_saved(workspace):
    bad = draft(
        name=" ",
        phones=(Labelled("mobile", "138 0013 8000"), Labelled("work", "Fax")),
        emails=(Labelled("work", "wf@studio"), Labelled("home", "a b@c.cn")),
    )
    problems = workspace.people.problems(bad)
    assert {(p.field, p.index) for p in problems} == {
        ("name", None),
        ("phones", 1),
        ("emails", 0),
        ("emails", 1),
    }
    with pytest.raises(ValidationError) as info:
        workspace.people.save(bad)
    assert len(info.value.params["problems"]) == 4
    assert workspace.today.info().people == 0


def test_save_creates_with_normalised_phones_then_edits_only_what_changed(workspace):
    created = workspace.people.save(
        draft(
            birthday=date(1990, 2, 28), addresses=(AddressData("work", "淮海中路 1 号", "上海"),)
        ),
        today=TODAY,
    )
    pid = created.ids[0]
    card = workspace.cards.card("person", pid)
    assert card.phones[0].value == "138 0013 8000" and card.birthday == date(1990, 2, 28)
    assert card.addresses[0].city == "上海" and card.number == "C-00001"
    from desktop_crm.store.models import Phone

    with workspace.store.read() as s:
        assert s.get(Phone, card.phones[0].id).e164 == "+8613800138000"
    edited = workspace.people.save(
        PersonDraft(
            id=pid,
            name="王芳",
            title="设计总监",
            phones=(card.phones[0], Labelled("work", "010-6552 9988")),
            emails=(),
            addresses=card.addresses,
        ),
        today=TODAY,
    )
    assert (edited.created, edited.updated, edited.deleted) == (1, 1, 1)  # phone, person, email
    card = workspace.cards.card("person", pid)
    assert [p.value for p in card.phones] == ["138 0013 8000", "010-6552 9988"]
    assert card.emails == () and card.title == "设计总监"
    workspace.history.undo()
    card = workspace.cards.card("person", pid)
    assert [e.value for e in card.emails] == ["wf@studio.cn"] and len(card.phones) == 1


def test_duplicate_hints_by_phone_email_and_similar_name(workspace):
    company = workspace.people.save_company(drafts.company("远山设计"), today=TODAY).ids[0]
    existing = workspace.people.save(draft(company_id=company), today=TODAY).ids[0]
    hints = workspace.people.duplicates(
        PersonDraft(name="Someone", phones=(Labelled("mobile", "+86 138-0013-8000"),))
    )
    assert [(h.id, h.reason) for h in hints] == [(existing, "phone")]
    hints = workspace.people.duplicates(
        PersonDraft(name="X", emails=(Labelled("w", "WF@Studio.CN"),))
    )
    assert [h.reason for h in hints] == ["email"]
    hints = workspace.people.duplicates(PersonDraft(name="王 芳", company_id=company))
    assert [h.reason for h in hints] == ["name"]
    assert workspace.people.duplicates(draft(id=existing, company_id=company)) == []


def test_logging_a_call_completes_the_follow_ups_passed_and_plans_the_next(workspace):
    pid = workspace.people.save(draft(), today=TODAY).ids[0]
    when = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    workspace.cards.log_activity(
        "person",
        pid,
        "call",
        "报价沟通",
        occurred_at=when - timedelta(days=1),
        next_follow_up=NextFollowUp(TODAY - timedelta(days=1), "call", "回访"),
    )
    due = workspace.followups.due_for_contact("person", pid)
    assert [f.subject for f in due] == ["回访"]
    workspace.cards.log_activity(
        "person",
        pid,
        "visit",
        "上门拜访",
        "带样品",
        occurred_at=when,
        next_follow_up=NextFollowUp(TODAY + timedelta(days=7), "call", "确认方案"),
        complete=[due[0].id],
    )
    card = workspace.cards.card("person", pid)
    kinds = [(i.kind, i.subkind, i.title) for i in card.timeline]
    assert ("activity", "visit", "上门拜访") in kinds and ("activity", "call", "报价沟通") in kinds
    # The follow-ups are the card's section's: the timeline tells what happened, once.
    assert not [k for k in kinds if k[0] == "follow_up"]
    assert workspace.followups.get(due[0].id).status == "done"  # completed by the visit, as asked
    subjects = [f.subject for f in workspace.followups.of_contact("person", pid)]
    assert subjects == ["确认方案", "回访"]
    assert card.last_contacted_at == when
    assert [i.at for i in card.timeline] == sorted((i.at for i in card.timeline), reverse=True)
    assert workspace.history.next_undo().label == "Log visit with 王芳"
    with pytest.raises(ValidationError):
        workspace.cards.log_activity("person", pid, "telepathy")


def test_logging_a_call_leaves_the_contacts_due_follow_ups_alone(workspace):
    pid = workspace.people.save(draft(), today=TODAY).ids[0]
    workspace.cards.log_activity(
        "person", pid, "call", next_follow_up=NextFollowUp(TODAY - timedelta(days=1))
    )
    workspace.cards.log_activity("person", pid, "call", "又一通电话")
    assert [f.status for f in workspace.followups.of_contact("person", pid)] == ["planned"]
    # A cancellation is something that happened: on the timeline at its moment.
    planned = workspace.followups.of_contact("person", pid)[0]
    workspace.followups.cancel(planned.id)
    card = workspace.cards.card("person", pid)
    [cancelled] = [i for i in card.timeline if i.kind == "follow_up"]
    assert cancelled.subkind == "cancelled" and cancelled.detail == planned.due_on.isoformat()
    assert cancelled.at == workspace.followups.get(planned.id).done_at


def test_timeline_shows_field_changes_and_company_card_gathers_its_people(demo_path):
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(demo_path)
    try:
        from desktop_crm.services.contact_lists.dto import ContactFilter

        rows = ws.contact_list.rows(ws.contact_list.ids(ContactFilter()))
        person = next(r for r in rows if r.company_id)
        drafts.edit(ws.people, person.id, title="合伙人")
        card = ws.cards.card("person", person.id)
        change = next(i for i in card.timeline if i.kind == "change" and i.subkind == "update")
        assert "title:" in change.detail and "合伙人" in change.detail
        company = ws.cards.card("company", person.company_id)
        assert (person.id, person.name, "合伙人") in company.people
        # The person's activities are on the company card, naming the person.
        theirs = {
            (i.at, i.title)
            for i in ws.cards.card("person", person.id).timeline
            if i.kind == "activity"
        }
        named = {(i.at, i.title) for i in company.timeline if i.who == person.name}
        assert theirs & named
    finally:
        ws.close(backup_if_changed=False)


def test_tags_im_and_addresses_are_edited_and_undone(workspace):
    from desktop_crm.services.contact_lists.dto import ContactFilter

    pid = workspace.people.save(
        draft(tags=("VIP", "展会"), im=(("QQ", "10001"),)), today=TODAY
    ).ids[0]
    card = workspace.cards.card("person", pid)
    assert card.tags == ("VIP", "展会") and card.im == (("qq", "10001"),)
    workspace.people.save(
        PersonDraft(
            id=pid,
            name="王芳",
            tags=("vip", "老客户"),
            addresses=(AddressData("home", city="杭州"),),
        )
    )
    card = workspace.cards.card("person", pid)
    assert card.tags == ("VIP", "老客户")  # the existing VIP tag, not a second one
    assert card.addresses[0].city == "杭州" and card.im == (("qq", "10001"),)
    assert [
        r.name
        for r in workspace.contact_list.rows(
            workspace.contact_list.ids(ContactFilter(tag="老客户"))
        )
    ] == ["王芳"]
    workspace.history.undo()
    assert workspace.cards.card("person", pid).tags == ("VIP", "展会")
