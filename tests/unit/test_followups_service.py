"""Follow-ups planned, changed, snoozed, cancelled, completed and repeated, on a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.followup_time import Snooze
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.cards.contact_cards import NextFollowUp
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import Activity, Company, FollowUp, Person
from tests import drafts

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Monday 23 November 2026, 10:00 in Shanghai.
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START, "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, clock=clock)
    yield handle
    handle.close(backup_if_changed=False)


@pytest.fixture
def people(ws: Workspace) -> tuple[str, str]:
    """王芳 of 远山设计 (with a phone), and the company."""
    company = ws.people.save_company(
        drafts.company("远山设计", phones=[("work", "021-5555 6666")]), today=TODAY
    ).ids[0]
    person = ws.people.save(
        drafts.person("王芳", phones=[("mobile", "138 0013 8000")], company_id=company),
        today=TODAY,
    ).ids[0]
    return person, company


def plan(ws: Workspace, person: str, **kw) -> str:
    values = {"subject": "回访", "due_on": TODAY, "person_id": person} | kw
    return ws.followups.plan(FollowUpDraft(**values)).ids[0]


def stored(ws: Workspace, follow_up_id: str) -> FollowUp:
    with ws.store.read() as session:
        row = session.get(FollowUp, follow_up_id)
        assert row is not None
        return row


# --- planning and validation ------------------------------------------------------------------


def test_plan_all_day_and_timed_with_names_phone_and_company_filled_in(ws, people):
    person, company = people
    all_day = plan(ws, person, subject="  寄样品  ", kind=ActivityKind.EMAIL)
    timed = plan(ws, person, due_time=time(9, 30), notes="带报价单")
    row = ws.followups.get(all_day)
    assert (row.subject, row.kind, row.status) == ("寄样品", ActivityKind.EMAIL, "planned")
    assert (row.due_at, row.zone, row.company_id, row.company) == (None, None, company, "远山设计")
    assert (row.person, row.phone, row.owner_id) == ("王芳", "138 0013 8000", ws.store.actor_id)
    assert row.owner  # the local user's name
    timed_row = ws.followups.get(timed)
    # 09:30 in Shanghai is 01:30 UTC; the zone it was planned in is kept.
    assert timed_row.due_at == datetime(2026, 11, 23, 1, 30, tzinfo=UTC)
    assert timed_row.zone == "Asia/Shanghai" and timed_row.notes == "带报价单"
    assert timed_row.draft().due_time == time(9, 30)
    # A company's own follow-up shows the company's phone.
    mine = ws.followups.plan(FollowUpDraft("年度回顾", TODAY, company_id=company)).ids[0]
    assert ws.followups.get(mine).phone == "021-5555 6666"
    # Listed in due order: the day's all-day ones before its timed one.
    listed = [r.id for r in ws.followups.between(TODAY, TODAY)]
    assert listed.index(timed) == 2 and set(listed[:2]) == {all_day, mine}


def test_plan_in_another_zone_and_an_empty_subject_takes_the_kind(ws, people):
    person, _ = people
    fid = plan(
        ws, person, subject=" ", kind=ActivityKind.VISIT, due_time=time(9), zone="Europe/Berlin"
    )
    row = ws.followups.get(fid)
    assert row.subject == "visit" and row.zone == "Europe/Berlin"
    assert row.due_at == datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 CET


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": "x" * 301}, "subject"),
        ({"kind": ActivityKind.NOTE}, "kind"),
        ({"kind": "telepathy"}, "kind"),
        ({"person_id": None}, "person_id"),
        ({"repeat": "every blue moon"}, "repeat"),
        ({"due_time": time(9), "zone": "Mars/Olympus"}, "zone"),
    ],
)
def test_plan_refuses_bad_drafts_with_the_field(ws, people, changes, field):
    person, _ = people
    values = {"subject": "回访", "due_on": TODAY, "person_id": person} | changes
    with pytest.raises(ValidationError) as info:
        ws.followups.plan(FollowUpDraft(**values))
    assert info.value.params["field"] == field
    assert ws.followups.between(None, None, status=None) == []


def test_plan_needs_live_links_and_a_300_character_subject_is_fine(ws, people):
    person, _ = people
    with pytest.raises(NotFoundError):
        ws.followups.plan(
            FollowUpDraft("回访", TODAY, person_id="01234567-0000-7000-8000-000000000000")
        )
    fid = plan(ws, person, subject="长" * 300)
    assert len(ws.followups.get(fid).subject) == 300


def test_plan_is_one_undoable_operation(ws, people):
    person, _ = people
    result = ws.followups.plan(FollowUpDraft("回访", TODAY, person_id=person))
    assert result.operation_id and "follow_ups" in result.entities
    assert ws.history.next_undo().label == "Plan follow-up 回访"
    ws.history.undo()
    with pytest.raises(NotFoundError):
        ws.followups.get(result.ids[0])


def test_plan_many_is_one_operation_all_or_nothing(ws, people):
    person, company = people
    drafts_ = [
        FollowUpDraft("年底回访", TODAY, person_id=person),
        FollowUpDraft("年底回访", TODAY, company_id=company),
    ]
    result = ws.followups.plan_many(drafts_)
    assert len(result.ids) == 2 and result.created == 2
    assert {ws.followups.get(i).subject for i in result.ids} == {"年底回访"}
    assert ws.history.next_undo().label == "Plan 2 follow-ups: 年底回访"
    ws.history.undo()  # one undo takes both back
    for fid in result.ids:
        with pytest.raises(NotFoundError):
            ws.followups.get(fid)
    # A dead link in the second draft plans neither.
    bad = FollowUpDraft("回访", TODAY, person_id="01234567-0000-7000-8000-000000000000")
    with pytest.raises(NotFoundError):
        ws.followups.plan_many([drafts_[0], bad])
    assert ws.followups.between(TODAY, TODAY) == []
    with pytest.raises(ValidationError):
        ws.followups.plan_many([])


# --- changing ---------------------------------------------------------------------------------


def test_update_changes_values_clears_a_snooze_when_moved_and_undoes(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, due_time=time(15))
    ws.followups.snooze(fid, START + timedelta(hours=1))
    row = ws.followups.get(fid)
    ws.followups.update(fid, FollowUpDraft(**(vars(row.draft()) | {"subject": "确认方案"})))
    row = ws.followups.get(fid)
    assert row.subject == "确认方案" and row.remind_at is not None  # not moved: still snoozed
    moved = vars(row.draft()) | {"due_on": TODAY + timedelta(days=1), "due_time": time(16)}
    ws.followups.update(fid, FollowUpDraft(**moved))
    row = ws.followups.get(fid)
    assert row.due_at == datetime(2026, 11, 24, 8, 0, tzinfo=UTC) and row.remind_at is None
    assert ws.history.next_undo().label == "Edit follow-up 确认方案"
    ws.history.undo()
    row = ws.followups.get(fid)
    assert row.due_at == datetime(2026, 11, 23, 7, 0, tzinfo=UTC) and row.remind_at is not None
    ws.followups.cancel(fid)
    with pytest.raises(ValidationError):
        ws.followups.update(fid, FollowUpDraft("x", TODAY, person_id=person))


def test_reschedule_to_a_time_or_all_day_clears_the_snooze_and_undoes(ws, people):
    person, _ = people
    fid = plan(ws, person)
    ws.followups.snooze_for(fid, Snooze.HOUR)
    ws.followups.reschedule(fid, date(2026, 11, 25), time(14, 0))
    row = ws.followups.get(fid)
    assert (row.due_on, row.due_at, row.zone, row.remind_at) == (
        date(2026, 11, 25),
        datetime(2026, 11, 25, 6, 0, tzinfo=UTC),
        "Asia/Shanghai",
        None,
    )
    ws.followups.reschedule(fid, date(2026, 11, 26))
    row = ws.followups.get(fid)
    assert (row.due_on, row.due_at, row.zone) == (date(2026, 11, 26), None, None)
    assert ws.history.next_undo().label == "Reschedule follow-up 回访"
    ws.history.undo()
    assert ws.followups.get(fid).due_on == date(2026, 11, 25)


def test_snooze_for_each_choice_uses_the_morning_setting(ws, people, clock):
    person, _ = people
    fid = plan(ws, person)
    ws.settings.update({"reminders.morning": "08:30"})
    expected = {
        Snooze.MINUTES_15: START + timedelta(minutes=15),
        Snooze.HOUR: START + timedelta(hours=1),
        # 08:30 on Tuesday, then on next Monday, in Shanghai.
        Snooze.TOMORROW_MORNING: datetime(2026, 11, 24, 0, 30, tzinfo=UTC),
        Snooze.NEXT_WEEK: datetime(2026, 11, 30, 0, 30, tzinfo=UTC),
    }
    for choice, until in expected.items():
        ws.followups.snooze_for(fid, choice)
        assert ws.followups.get(fid).remind_at == until
    assert ws.followups.get(fid).due_on == TODAY  # snoozing does not move the due day
    assert ws.history.next_undo().label == "Snooze follow-up 回访"
    ws.history.undo()
    assert ws.followups.get(fid).remind_at == datetime(2026, 11, 24, 0, 30, tzinfo=UTC)
    with pytest.raises(ValidationError):
        ws.followups.snooze(fid, datetime(2026, 11, 24, 9))  # naive


def test_cancel_then_nothing_more_until_undone(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, repeat="weekly")
    ws.followups.cancel(fid)
    row = ws.followups.get(fid)
    assert row.status == FollowUpStatus.CANCELLED and row.done_at == START
    assert ws.followups.between(None, None) == []  # planned only by default
    assert [r.id for r in ws.followups.between(None, None, status=FollowUpStatus.CANCELLED)] == [
        fid
    ]
    for act in (
        lambda: ws.followups.complete(fid),
        lambda: ws.followups.cancel(fid),
        lambda: ws.followups.snooze_for(fid, Snooze.HOUR),
        lambda: ws.followups.reschedule(fid, TODAY),
    ):
        with pytest.raises(ValidationError):
            act()
    assert ws.history.next_undo().label == "Cancel follow-up 回访"
    ws.history.undo()
    assert ws.followups.get(fid).status == FollowUpStatus.PLANNED


# --- completing -------------------------------------------------------------------------------


def test_complete_logs_an_activity_marks_contacted_and_undoes_whole(ws, people, clock):
    person, company = people
    fid = plan(ws, person, subject="报价沟通", kind=ActivityKind.CALL)
    clock.advance(timedelta(hours=2))
    done = ws.followups.complete(fid, "  客户同意下周签约  ")
    assert done.next_id is None and done.change.operation_id
    assert {"follow_ups", "activities"} <= done.change.entities
    row = ws.followups.get(fid)
    assert row.status == FollowUpStatus.DONE and row.outcome == "客户同意下周签约"
    assert row.done_at == clock.now()
    with ws.store.read() as s:
        activity = s.get(Activity, done.activity_id)
        assert (activity.kind, activity.subject, activity.body) == (
            "call",
            "报价沟通",
            "客户同意下周签约",
        )
        assert (activity.person_id, activity.company_id) == (person, company)
        assert s.get(FollowUp, fid).activity_id == done.activity_id
        assert s.get(Person, person).last_contacted_at == clock.now()
        assert s.get(Company, company).last_contacted_at == clock.now()
    card = ws.cards.card("person", person)
    assert ("activity", "call", "报价沟通") in [(i.kind, i.subkind, i.title) for i in card.timeline]
    assert ws.history.next_undo().label == "Complete follow-up 报价沟通"
    ws.history.undo()
    assert ws.followups.get(fid).status == FollowUpStatus.PLANNED
    with ws.store.read() as s:
        assert s.get(Activity, done.activity_id).deleted_at is not None
        assert s.get(Person, person).last_contacted_at is None


def test_complete_as_another_kind_at_a_moment_and_a_note_is_no_contact(ws, people, clock):
    person, _ = people
    when = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)
    first = ws.followups.complete(
        plan(ws, person), activity_kind=ActivityKind.VISIT, occurred_at=when
    )
    with ws.store.read() as s:
        assert s.get(Activity, first.activity_id).kind == "visit"
        assert s.get(Activity, first.activity_id).occurred_at == when
        assert s.get(Person, person).last_contacted_at == when
    note = ws.followups.complete(plan(ws, person), activity_kind=ActivityKind.NOTE)
    with ws.store.read() as s:
        assert s.get(Activity, note.activity_id).kind == "note"
        assert s.get(Person, person).last_contacted_at == when  # a note is no contact
    # An activity logged after the fact never moves the last contact back.
    ws.followups.complete(plan(ws, person), occurred_at=when - timedelta(days=3))
    with ws.store.read() as s:
        assert s.get(Person, person).last_contacted_at == when
    with pytest.raises(ValidationError):
        ws.followups.complete(plan(ws, person), activity_kind="telepathy")


# --- overdue ----------------------------------------------------------------------------------


def test_a_timed_follow_up_is_overdue_at_its_moment_an_all_day_one_the_next_local_day(
    ws, people, clock
):
    person, _ = people
    timed = plan(ws, person, due_time=time(11))  # 03:00 UTC
    all_day = plan(ws, person)
    clock.moment = datetime(2026, 11, 23, 2, 59, 59, tzinfo=UTC)
    assert not ws.followups.get(timed).overdue
    clock.moment = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    assert ws.followups.get(timed).overdue
    # 23:59 in Shanghai is still the day; midnight is the next.
    clock.moment = datetime(2026, 11, 23, 15, 59, tzinfo=UTC)
    assert not ws.followups.get(all_day).overdue
    clock.moment = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    assert ws.followups.get(all_day).overdue
    # Flown to Berlin at that moment: still the 23rd there, so not overdue yet.
    clock.travel("Europe/Berlin")
    assert not ws.followups.get(all_day).overdue


# --- repeats ----------------------------------------------------------------------------------


def complete_on_time(ws: Workspace, clock: FixedClock, fid: str, count: int) -> list[str]:
    """Complete ``fid`` and the next ones on their due days; the ids of the ones planned."""
    ids = []
    for _ in range(count):
        row = ws.followups.get(fid)
        clock.moment = datetime.combine(row.due_on, time(12), clock.zone()).astimezone(UTC)
        done = ws.followups.complete(fid)
        assert done.next_id is not None
        fid = done.next_id
        ids.append(fid)
    return ids


def days(ws: Workspace, ids: list[str]) -> list[date]:
    return [ws.followups.get(i).due_on for i in ids]


def test_repeat_daily_and_every_two_weeks(ws, people, clock):
    person, _ = people
    daily = plan(ws, person, repeat="daily")
    assert stored(ws, daily).repeat == "FREQ=DAILY;INTERVAL=1"
    assert days(ws, complete_on_time(ws, clock, daily, 3)) == [
        date(2026, 11, 24),
        date(2026, 11, 25),
        date(2026, 11, 26),
    ]
    clock.moment = START
    fortnight = plan(ws, person, repeat="every 2 weeks", subject="周报")
    made = complete_on_time(ws, clock, fortnight, 2)
    assert days(ws, made) == [date(2026, 12, 7), date(2026, 12, 21)]
    nxt = stored(ws, made[-1])
    assert (nxt.subject, nxt.repeat, nxt.series_start, nxt.series_id) == (
        "周报",
        "FREQ=WEEKLY;INTERVAL=2",
        TODAY,
        fortnight,
    )


def test_repeat_monthly_from_january_31_keeps_month_ends(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, due_on=date(2027, 1, 31), repeat="monthly")
    assert stored(ws, fid).repeat == "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    made = complete_on_time(ws, clock, fid, 3)
    assert days(ws, made) == [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    # Editing an occurrence (not its day) keeps the series' first day and month ends.
    row = ws.followups.get(made[-1])  # the one due on 30 April
    ws.followups.update(made[-1], FollowUpDraft(**(vars(row.draft()) | {"subject": "月结"})))
    assert stored(ws, made[-1]).series_start == date(2027, 1, 31)
    assert stored(ws, made[-1]).repeat == stored(ws, fid).repeat
    clock.moment = datetime(2027, 4, 30, 4, 0, tzinfo=UTC)
    assert ws.followups.complete(made[-1]).next_due_on == date(2027, 5, 31)


def test_a_new_time_alone_keeps_a_month_end_series(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, due_on=date(2027, 1, 31), due_time=time(9), repeat="monthly")
    [feb] = complete_on_time(ws, clock, fid, 1)
    row = ws.followups.get(feb)
    assert row.due_on == date(2027, 2, 28)
    ws.followups.update(feb, FollowUpDraft(**(vars(row.draft()) | {"due_time": time(10)})))
    assert stored(ws, feb).repeat == stored(ws, fid).repeat  # still the month's last day
    clock.moment = datetime(2027, 2, 28, 4, 0, tzinfo=UTC)
    done = ws.followups.complete(feb)
    nxt = ws.followups.get(done.next_id or "")
    assert nxt.due_on == date(2027, 3, 31)
    assert nxt.draft().due_time == time(10)  # the new time is the series' from now on


def test_a_moved_occurrence_stands_for_its_series_day(ws, people, clock):
    """Weekly on Mondays: one moved to the Friday before or the Wednesday after, by Reschedule
    or by Edit, is followed by the next Monday, never by the Monday it stood for."""
    person, _ = people
    monday = date(2026, 11, 30)
    fid = plan(ws, person, due_on=monday, repeat="weekly")
    ws.followups.reschedule(fid, date(2026, 11, 27))  # the Friday before
    assert stored(ws, fid).series_day == monday
    clock.moment = datetime(2026, 11, 27, 4, 0, tzinfo=UTC)
    done = ws.followups.complete(fid)
    assert done.next_due_on == date(2026, 12, 7)
    nxt = done.next_id or ""
    assert stored(ws, nxt).series_day is None
    row = ws.followups.get(nxt)
    # Edit with the repeat unchanged moves this one only, as Reschedule does.
    ws.followups.update(nxt, FollowUpDraft(**(vars(row.draft()) | {"due_on": date(2026, 12, 9)})))
    assert stored(ws, nxt).series_day == date(2026, 12, 7)
    assert stored(ws, nxt).series_start == monday
    # Moved back onto its own day, it is no exception any more.
    ws.followups.reschedule(nxt, date(2026, 12, 7))
    assert stored(ws, nxt).series_day is None
    ws.followups.reschedule(nxt, date(2026, 12, 9))
    clock.moment = datetime(2026, 12, 9, 4, 0, tzinfo=UTC)
    assert ws.followups.complete(nxt).next_due_on == date(2026, 12, 14)


def test_repeat_from_february_29_every_12_months(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, due_on=date(2028, 2, 29), repeat="every 12 months", subject="年检")
    made = complete_on_time(ws, clock, fid, 4)
    assert days(ws, made) == [
        date(2029, 2, 28),
        date(2030, 2, 28),
        date(2031, 2, 28),
        date(2032, 2, 29),
    ]


@pytest.mark.parametrize(
    ("zone", "first", "utc_hours"),
    [
        # Europe/Berlin: summer time from 28 March, winter time from 31 October 2027.
        ("Europe/Berlin", date(2027, 3, 22), [8, 7, 7]),
        ("Europe/Berlin", date(2027, 10, 25), [7, 8, 8]),
        # America/New_York: from 14 March and to 7 November 2027.
        ("America/New_York", date(2027, 3, 8), [14, 13, 13]),
        ("America/New_York", date(2027, 11, 1), [13, 14, 14]),
    ],
)
def test_weekly_at_nine_stays_nine_local_across_dst(ws, people, clock, zone, first, utc_hours):
    person, _ = people
    clock.travel(zone)
    fid = plan(ws, person, due_on=first, due_time=time(9), zone=zone, repeat="weekly")
    ids = [fid, *complete_on_time(ws, clock, fid, 2)]
    rows = [ws.followups.get(i) for i in ids]
    assert [r.due_on for r in rows] == [first + timedelta(weeks=n) for n in range(3)]
    assert [r.due_at.hour for r in rows] == utc_hours  # the UTC moments move by an hour
    assert all(r.due_at.astimezone(ZoneInfo(zone)).time() == time(9) for r in rows)
    assert all(r.zone == zone for r in rows)


def test_a_timed_repeat_keeps_its_zone_when_completed_elsewhere(ws, people, clock):
    person, _ = people
    fid = plan(ws, person, due_time=time(9), repeat="daily")  # Shanghai
    clock.travel("Europe/Berlin")
    nxt = ws.followups.complete(fid).next_id
    row = ws.followups.get(nxt)
    assert row.zone == "Asia/Shanghai" and row.due_at == datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def test_completing_late_skips_missed_occurrences(ws, people, clock):
    person, _ = people
    daily = plan(ws, person, repeat="daily")
    weekly = plan(ws, person, repeat="weekly")  # Mondays
    clock.advance(timedelta(days=16))  # Wednesday 9 December
    assert ws.followups.complete(daily).next_due_on == date(2026, 12, 9)
    assert ws.followups.complete(weekly).next_due_on == date(2026, 12, 14)
    # Completed early: the next one after the completed one, not after today.
    clock.moment = START - timedelta(days=3)
    ahead = plan(ws, person, repeat="weekly", due_on=date(2026, 11, 30))
    assert ws.followups.complete(ahead).next_due_on == date(2026, 12, 7)


def test_undo_of_a_completion_removes_the_next_occurrence(ws, people):
    person, _ = people
    fid = plan(ws, person, repeat="weekly")
    done = ws.followups.complete(fid)
    assert ws.followups.get(done.next_id).status == FollowUpStatus.PLANNED
    ws.history.undo()
    with pytest.raises(NotFoundError):
        ws.followups.get(done.next_id)
    assert [r.id for r in ws.followups.between(None, None)] == [fid]


def test_update_of_the_repeat_starts_the_series_again(ws, people):
    person, _ = people
    fid = plan(ws, person, repeat="weekly")
    row = ws.followups.get(fid)
    ws.followups.update(
        fid,
        FollowUpDraft(**(vars(row.draft()) | {"repeat": "monthly", "due_on": date(2026, 11, 30)})),
    )
    after = stored(ws, fid)
    assert (after.repeat, after.series_start, after.series_id) == (
        "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30;BYSETPOS=-1",
        date(2026, 11, 30),
        fid,
    )
    ws.followups.update(fid, FollowUpDraft(**(vars(row.draft()) | {"repeat": None})))
    after = stored(ws, fid)
    assert (after.repeat, after.series_start, after.series_id) == (None, None, None)


# --- reading ----------------------------------------------------------------------------------


def test_between_includes_both_ends_and_filters_by_status(ws, people):
    person, _ = people
    ids = {d: plan(ws, person, due_on=TODAY + timedelta(days=d)) for d in range(-1, 4)}
    got = [r.id for r in ws.followups.between(TODAY, TODAY + timedelta(days=2))]
    assert got == [ids[0], ids[1], ids[2]]
    ws.followups.complete(ids[1])
    assert [r.id for r in ws.followups.between(TODAY, TODAY + timedelta(days=2))] == [
        ids[0],
        ids[2],
    ]
    assert [r.id for r in ws.followups.between(None, TODAY, status=FollowUpStatus.DONE)] == []
    assert [r.id for r in ws.followups.between(None, None, status=FollowUpStatus.DONE)] == [ids[1]]
    assert len(ws.followups.between(None, None, status=None)) == 5
    with pytest.raises(NotFoundError):
        ws.followups.get("01234567-0000-7000-8000-000000000000")


def test_between_reads_local_days_and_done_or_cancelled_is_never_overdue(ws, people):
    person, _ = people
    # 21:00 in New York on the 25th is 10:00 on the 26th here in Shanghai.
    far = plan(
        ws, person, due_on=TODAY + timedelta(days=2), due_time=time(21), zone="America/New_York"
    )
    on = TODAY + timedelta(days=3)
    assert [
        r.id for r in ws.followups.between(on - timedelta(days=1), on - timedelta(days=1))
    ] == []
    assert [r.id for r in ws.followups.between(on, on)] == [far]
    assert [r.id for r in ws.followups.between(on, None)] == [far]
    assert [r.id for r in ws.followups.between(None, on - timedelta(days=1))] == []
    late = plan(ws, person, due_on=TODAY - timedelta(days=3))
    gone = plan(ws, person, due_on=TODAY - timedelta(days=2))
    assert ws.followups.get(late).overdue and ws.followups.get(gone).overdue
    ws.followups.complete(late)
    ws.followups.cancel(gone)
    assert not ws.followups.get(late).overdue and not ws.followups.get(gone).overdue


def test_of_contact_and_due_for_contact(ws, people, clock):
    person, company = people
    later = plan(ws, person, due_on=TODAY + timedelta(days=3))
    overdue = plan(ws, person, due_on=TODAY - timedelta(days=2))
    due_today_timed = plan(ws, person, due_time=time(18))
    done = plan(ws, person, due_on=TODAY - timedelta(days=5))
    ws.followups.complete(done)
    other = ws.people.save(drafts.person("李雷"), today=TODAY).ids[0]
    plan(ws, other)
    mine = [r.id for r in ws.followups.of_contact("person", person)]
    assert mine == [overdue, due_today_timed, later, done]
    assert [r.id for r in ws.followups.of_contact("company", company)] == mine
    assert [r.id for r in ws.followups.due_for_contact("person", person)] == [
        overdue,
        due_today_timed,
    ]
    # Read on the app's reader connection too.
    assert [r.id for r in ws.reads.followups.due_for_contact("company", company)] == [
        overdue,
        due_today_timed,
    ]


# --- logging an activity ----------------------------------------------------------------------


def test_logging_an_activity_leaves_due_follow_ups_alone_but_completes_those_passed(
    ws, people, clock
):
    person, company = people
    due = plan(ws, person, subject="回访", due_on=TODAY - timedelta(days=1))
    ticked = plan(ws, person, subject="寄样品", repeat="weekly", kind=ActivityKind.EMAIL)
    result = ws.cards.log_activity(
        "person", person, ActivityKind.CALL, "电话沟通", "已寄出", complete=[ticked]
    )
    activity_id = result.ids[0]
    assert ws.followups.get(due).status == FollowUpStatus.PLANNED  # unrelated: still due
    row = ws.followups.get(ticked)
    assert (row.status, row.outcome, row.done_at) == (FollowUpStatus.DONE, "已寄出", START)
    assert stored(ws, ticked).activity_id == activity_id
    nxt = [r for r in ws.followups.of_contact("person", person) if r.status == "planned"]
    assert [(r.subject, r.due_on) for r in nxt] == [
        ("回访", TODAY - timedelta(days=1)),
        ("寄样品", TODAY + timedelta(days=7)),
    ]
    with ws.store.read() as s:
        assert s.get(Company, company).last_contacted_at == START
    # One operation: undo brings the ticked one back and drops its next occurrence.
    assert ws.history.next_undo().label == "Log call with 王芳"
    ws.history.undo()
    assert [r.id for r in ws.followups.between(None, None)] == [due, ticked]
    assert ws.followups.get(ticked).status == FollowUpStatus.PLANNED
    ws.followups.cancel(due)
    with pytest.raises(ValidationError):  # a cancelled one cannot be completed by a call
        ws.cards.log_activity("person", person, ActivityKind.CALL, "x", complete=[ticked, due])
    assert ws.followups.get(ticked).status == FollowUpStatus.PLANNED  # nothing was written
    assert not any(i.title == "x" for i in ws.cards.card("person", person).timeline)


def test_logging_plans_the_next_follow_up_from_a_draft_with_a_time(ws, people, clock):
    person, _ = people
    ws.cards.log_activity(
        "company",
        people[1],
        ActivityKind.VISIT,
        "拜访",
        next_follow_up=NextFollowUp(TODAY + timedelta(days=7), ActivityKind.CALL, ""),
    )
    ws.cards.log_activity(
        "person",
        person,
        ActivityKind.CALL,
        "报价",
        next_follow_up=FollowUpDraft(
            "确认方案", TODAY + timedelta(days=2), time(10), repeat="weekly"
        ),
    )
    rows = ws.followups.between(None, None)
    assert [(r.subject, r.person_id, r.company_id) for r in rows] == [
        ("确认方案", person, people[1]),
        ("call", None, people[1]),
    ]
    assert rows[0].due_at == datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
    assert rows[0].repeat == "FREQ=WEEKLY;INTERVAL=1"
