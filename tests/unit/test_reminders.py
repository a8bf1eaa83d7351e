"""Reminders: due at their moment, shown once per key, snoozed, across DST and time zones."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import StorageError
from desktop_crm.domain.followup_time import Snooze, reminder
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.followups.reminders import _candidates, at_key, day_key
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import FollowUp, ReminderMark
from tests import drafts

TODAY = date(2026, 11, 23)  # a Monday
# 08:00 in Shanghai: before the morning hour (09:00).
START = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START, "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, clock=clock)
    yield handle
    handle.close(backup_if_changed=False)


@pytest.fixture
def person(ws: Workspace) -> str:
    return ws.people.save(drafts.person("王芳", phones=[("mobile", "138 0013 8000")])).ids[0]


def plan(ws: Workspace, person: str, **kw) -> str:
    values = {"subject": "回访", "due_on": TODAY, "person_id": person} | kw
    return ws.followups.plan(FollowUpDraft(**values)).ids[0]


def at(clock: FixedClock, moment: datetime) -> None:
    clock.moment = moment


def due_ids(ws: Workspace) -> list[str]:
    return [r.follow_up.id for r in ws.reminders.due()]


def test_an_all_day_reminder_comes_at_the_morning_hour_once(ws, person, clock):
    fid = plan(ws, person)
    assert ws.reminders.due() == []  # 08:00 in Shanghai
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # 09:00
    (shown,) = ws.reminders.due()
    assert (shown.follow_up.id, shown.key, shown.moment) == (
        fid,
        "day:2026-11-23",
        datetime(2026, 11, 23, 1, 0, tzinfo=UTC),
    )
    assert (shown.follow_up.person, shown.follow_up.phone) == ("王芳", "138 0013 8000")
    ws.reminders.mark_shown([shown])
    assert ws.reminders.due() == []
    # The next day it is overdue, but its reminder was shown: not again.
    clock.advance(timedelta(days=1))
    assert ws.reminders.due() == []


def test_the_morning_hour_is_a_setting(ws, person, clock):
    plan(ws, person)
    ws.settings.update({"reminders.morning": "07:30"})
    at(clock, datetime(2026, 11, 22, 23, 29, tzinfo=UTC))
    assert ws.reminders.due() == []
    at(clock, datetime(2026, 11, 22, 23, 30, tzinfo=UTC))
    assert len(ws.reminders.due()) == 1


def test_an_all_day_reminder_shown_in_shanghai_is_not_shown_again_in_berlin(ws, person, clock):
    fid = plan(ws, person)
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # 09:00 Shanghai
    ws.reminders.mark_shown(ws.reminders.due())
    clock.travel("Europe/Berlin")  # 02:00 in Berlin, the same day
    for hour in range(1, 16):  # through 09:00 Berlin (08:00 UTC) and the afternoon
        at(clock, datetime(2026, 11, 23, hour, 0, tzinfo=UTC))
        assert fid not in due_ids(ws)


def test_an_unshown_all_day_reminder_comes_at_nine_where_the_laptop_is(ws, person, clock):
    fid = plan(ws, person)
    clock.travel("Europe/Berlin")
    at(clock, datetime(2026, 11, 23, 7, 59, tzinfo=UTC))  # 08:59 in Berlin
    assert due_ids(ws) == []
    at(clock, datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    assert due_ids(ws) == [fid]


def test_a_timed_reminder_fires_once_at_its_moment_wherever_the_laptop_is(ws, person, clock):
    fid = plan(ws, person, due_time=time(9, 0))  # 01:00 UTC
    at(clock, datetime(2026, 11, 23, 0, 59, 59, tzinfo=UTC))
    assert due_ids(ws) == []
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    (shown,) = ws.reminders.due()
    assert shown.key == "at:2026-11-23T01:00:00+00:00" and shown.follow_up.id == fid
    ws.reminders.mark_shown([shown])
    clock.travel("Europe/Berlin")  # 02:00 Berlin: the call Shanghai expects at 09:00
    assert due_ids(ws) == []
    clock.travel("America/New_York")
    clock.advance(timedelta(hours=12))
    assert due_ids(ws) == []


def test_a_snoozed_reminder_comes_again_at_its_new_moment(ws, person, clock):
    fid = plan(ws, person, due_time=time(9, 0))
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    ws.reminders.mark_shown(ws.reminders.due())
    ws.followups.snooze_for(fid, Snooze.MINUTES_15)
    clock.advance(timedelta(minutes=14, seconds=59))
    assert due_ids(ws) == []
    clock.advance(timedelta(seconds=1))
    (again,) = ws.reminders.due()
    assert again.key == "at:2026-11-23T01:15:00+00:00"
    ws.reminders.mark_shown([again])
    assert due_ids(ws) == []
    # An all-day one snoozed to tomorrow morning reminds then, not at today's morning hour.
    other = plan(ws, person, subject="寄样品")
    ws.reminders.mark_shown(ws.reminders.due())
    ws.followups.snooze_for(other, Snooze.TOMORROW_MORNING)
    at(clock, datetime(2026, 11, 24, 0, 59, tzinfo=UTC))
    assert other not in due_ids(ws)
    at(clock, datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    assert other in due_ids(ws)


def test_rescheduling_reminds_again_on_the_new_day(ws, person, clock):
    fid = plan(ws, person)
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    ws.reminders.mark_shown(ws.reminders.due())
    ws.followups.reschedule(fid, TODAY + timedelta(days=1))
    assert due_ids(ws) == []
    clock.advance(timedelta(days=1))
    assert due_ids(ws) == [fid]


def test_done_cancelled_and_future_follow_ups_do_not_remind(ws, person, clock):
    done = plan(ws, person, due_on=TODAY - timedelta(days=2))
    cancelled = plan(ws, person, due_time=time(7))
    plan(ws, person, due_on=TODAY + timedelta(days=1))
    plan(ws, person, due_time=time(23))
    ws.followups.complete(done)
    ws.followups.cancel(cancelled)
    at(clock, datetime(2026, 11, 23, 12, 0, tzinfo=UTC))  # 20:00 in Shanghai
    assert due_ids(ws) == []


def test_due_reminders_come_in_order_of_their_moments(ws, person, clock):
    late = plan(ws, person, due_time=time(10, 30))  # 02:30 UTC
    all_day = plan(ws, person)  # 09:00 local = 01:00 UTC
    overdue = plan(ws, person, due_on=TODAY - timedelta(days=3))
    early = plan(ws, person, due_time=time(9, 15), kind=ActivityKind.MEETING)
    at(clock, datetime(2026, 11, 23, 3, 0, tzinfo=UTC))
    got = ws.reminders.due()
    assert [r.follow_up.id for r in got] == [overdue, all_day, early, late]
    assert [r.moment for r in got] == sorted(r.moment for r in got)


def test_reminders_across_dst_changes_are_neither_dropped_nor_doubled(ws, person, clock):
    """A timer every ten minutes over both 2027 DST nights in Berlin, marking what it shows.

    Each reminder shown is completed, which plans the repeat's next day: a dropped reminder
    would stop its series, a doubled one would count twice.
    """
    clock.travel("Europe/Berlin")
    for first in (date(2027, 3, 27), date(2027, 10, 30)):
        plan(ws, person, due_on=first, due_time=time(2, 30), repeat="daily")
        plan(ws, person, due_on=first, subject="每日", repeat="daily")
        fired: Counter[str] = Counter()
        moment = datetime.combine(first, time(0), clock.zone()).astimezone(UTC)
        end = datetime.combine(first + timedelta(days=3), time(0), clock.zone()).astimezone(UTC)
        while moment < end:
            at(clock, moment)
            shown = ws.reminders.due()
            ws.reminders.mark_shown(shown)
            for r in shown:
                fired[r.key] += 1
                ws.followups.complete(r.follow_up.id)
            moment += timedelta(minutes=10)
        assert set(fired.values()) == {1}
        days = sorted(key for key in fired if key.startswith("day:"))
        assert days == [f"day:{first + timedelta(days=n)}" for n in range(3)]
        moments = sorted(datetime.fromisoformat(k[3:]) for k in fired if k.startswith("at:"))
        # 02:30 each night; on the spring-forward night it is 03:30 CEST (01:30 UTC).
        local = [m.astimezone(clock.zone()).strftime("%d %H:%M") for m in moments]
        if first.month == 3:
            assert local == ["27 02:30", "28 03:30", "29 02:30"]
        else:
            assert local == ["30 02:30", "31 02:30", "01 02:30"]
        for left in ws.followups.between(None, None):  # the series' next ones
            ws.followups.cancel(left.id)


def test_the_spring_forward_gap_reminds_at_the_clock_time_that_exists(ws, person, clock):
    clock.travel("Europe/Berlin")
    fid = plan(ws, person, due_on=date(2027, 3, 28), due_time=time(2, 30))
    # 02:30 does not exist that night: it is the moment the clock shows 03:30 (01:30 UTC).
    assert ws.followups.get(fid).due_at == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    at(clock, datetime(2027, 3, 28, 1, 29, tzinfo=UTC))
    assert due_ids(ws) == []
    at(clock, datetime(2027, 3, 28, 1, 30, tzinfo=UTC))
    assert due_ids(ws) == [fid]


def test_keys_computed_in_sql_match_the_domain_keys(ws, person, clock):
    fid = plan(ws, person, due_time=time(9))
    ws.followups.snooze(fid, datetime(2026, 11, 23, 1, 15, 7, 123, tzinfo=UTC))
    other = plan(ws, person)
    with ws.store.read() as s:
        for follow_up_id in (fid, other):
            row = s.get(FollowUp, follow_up_id)
            key, _ = reminder(row.due_on, row.due_at, row.remind_at, clock.zone(), time(9))
            column = "follow_ups.remind_at" if row.remind_at else "follow_ups.due_on"
            sql_key = at_key(column) if row.remind_at else day_key(column)
            assert s.scalar(select(sql_key).where(FollowUp.id == follow_up_id)) == key
        row = s.get(FollowUp, fid)
        expected = f"at:{row.due_at.isoformat()}"
        got = s.scalar(select(at_key("follow_ups.due_at")).where(FollowUp.id == fid))
        assert got == expected == "at:2026-11-23T01:00:00+00:00"
    # Shown keys are compared in SQL: a shown one is not even read back.
    at(clock, datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    ws.reminders.mark_shown(ws.reminders.due())
    with ws.store.read() as s:
        assert s.execute(_candidates(clock.now(), TODAY)).all() == []


def test_marks_are_machine_local_not_undoable_and_refused_by_the_reader(ws, person, clock):
    fid = plan(ws, person)
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    before = ws.history.next_undo()
    shown = ws.reads.reminders.due()  # read on the reader connection
    with pytest.raises(StorageError):
        ws.reads.reminders.mark_shown(shown)
    ws.reminders.mark_shown(shown)
    assert ws.history.next_undo() == before  # nothing to undo
    with ws.store.read() as s:
        mark = s.get(ReminderMark, fid)
        assert (mark.shown, mark.at) == ("day:2026-11-23", clock.now())
    assert ws.reads.reminders.due() == []
    ws.reminders.mark_shown([])  # nothing to write


def test_due_count_is_overdue_and_due_today(ws, person, clock):
    plan(ws, person, due_on=TODAY - timedelta(days=5))
    plan(ws, person)
    plan(ws, person, due_time=time(23, 30))  # later today, still counted
    plan(ws, person, due_on=TODAY + timedelta(days=1))
    plan(ws, person, due_on=TODAY + timedelta(days=1), due_time=time(0, 30))
    cancelled = plan(ws, person, due_on=TODAY - timedelta(days=1))
    ws.followups.cancel(cancelled)
    assert ws.reminders.due_count() == 3
    assert ws.reads.reminders.due_count() == 3
    # Tomorrow 00:00 in Shanghai: tomorrow's two are due today then.
    assert ws.reminders.due_count(datetime(2026, 11, 23, 16, 0, tzinfo=UTC)) == 5


def test_a_check_on_an_unchanged_file_reads_only_what_came_since(ws, person, clock, monkeypatch):
    """The timer's checks read every candidate only after something was written."""
    from desktop_crm.services.followups import reminders as module

    full_reads = []
    real = module._candidates
    monkeypatch.setattr(module, "_candidates", lambda *a: full_reads.append(a) or real(*a))
    overdue = plan(ws, person, due_on=TODAY - timedelta(days=3))
    timed = plan(ws, person, due_time=time(9, 20))  # 01:20 UTC
    all_day = plan(ws, person)  # 09:00 Shanghai
    checker = ws.reads.reminders  # the reader connection, as the app checks
    assert [r.follow_up.id for r in checker.due()] == [overdue]
    assert len(full_reads) == 1
    at(clock, datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    assert [r.follow_up.id for r in checker.due()] == [overdue, all_day]
    at(clock, datetime(2026, 11, 23, 1, 20, tzinfo=UTC))
    assert [r.follow_up.id for r in checker.due()] == [overdue, all_day, timed]
    assert len(full_reads) == 1  # nothing written: only what came since
    # Something written by the app (the writer's connection): read everything again.
    ws.reminders.mark_shown(checker.due())
    assert checker.due() == [] and len(full_reads) == 2
    late = plan(ws, person, due_on=TODAY - timedelta(days=1), subject="补记")
    assert [r.follow_up.id for r in checker.due()] == [late] and len(full_reads) == 3
    ws.reminders.mark_shown(checker.due())
    ws.history.undo()  # the marks are not undone; the undo is a write: read again
    ws.history.redo()
    assert checker.due() == []
    # A zone change reads again too (all-day mornings move).
    before = len(full_reads)
    clock.travel("Europe/Berlin")
    assert checker.due() == [] and len(full_reads) == before + 1
