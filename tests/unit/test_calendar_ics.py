"""Planned follow-ups as .ics files: read back by icalendar, expanded by recurring_ical_events.

The expansions must give the days ``domain.repeat`` plans (month ends, Feb 29) and keep a
09:00 call at 09:00 local across a DST change; all-day items are dates, timed ones carry their
zone, alarms are there; done, cancelled and deleted follow-ups are not.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlalchemy import func, select

from desktop_crm.cli import main
from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.domain.repeat import Repeat, occurrences, parse_repeat
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contacts.dto import Labelled
from desktop_crm.services.followups.calendar import CalendarService
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.followups.service import FollowUpService
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from desktop_crm.store.models import LocalState, Operation
from tests.drafts import company, edit, person

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW, "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    workspace = create_workspace(ws_path, clock=clock)
    yield workspace
    workspace.close(backup_if_changed=False)


@pytest.fixture
def wang(ws: Workspace) -> str:
    made = ws.people.save_company(company("远山设计", phones=[("work", "021-6288 0000")]))
    return ws.people.save(
        person("王芳", company_id=made.ids[0], phones=[("mobile", "138 0013 8000")])
    ).ids[0]


def plan(ws: Workspace, clock: FixedClock, person_id: str, **values: Any) -> str:
    values.setdefault("subject", "回访")
    values.setdefault("due_on", date(2026, 12, 1))
    repeat = values.pop("repeat_text", None)
    if repeat is not None:
        values["repeat"] = repeat
    draft = FollowUpDraft(person_id=person_id, **values)
    return FollowUpService(ws.store, clock).plan(draft).ids[0]


def read_back(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events_by_uid(cal: Calendar) -> dict[str, Any]:
    return {str(e["UID"]).removesuffix("@desktop-crm"): e for e in cal.walk("VEVENT")}


def expand(cal: Calendar, start: date, end: date) -> list[Any]:
    found = recurring_ical_events.of(cal).between(start, end)
    return sorted(found, key=lambda e: str(e.decoded("DTSTART")))


def test_monthly_from_jan_31_falls_on_month_ends_as_the_app_plans(ws, clock, wang, tmp_path):
    fid = plan(ws, clock, wang, due_on=date(2027, 1, 31), repeat_text="monthly")
    target = tmp_path / "跟进.ics"
    assert ws.calendar.export(target) == 1
    cal = read_back(target)
    (event,) = cal.walk("VEVENT")
    assert str(event["UID"]) == f"{fid}@desktop-crm"
    assert event.decoded("DTSTART") == date(2027, 1, 31)  # a date: all-day
    days = [e.decoded("DTSTART") for e in expand(cal, date(2027, 1, 1), date(2027, 5, 15))]
    assert days == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
    rule = Repeat("months").rule(date(2027, 1, 31))
    assert days == occurrences(rule, date(2027, 1, 31), date(2027, 1, 30), 4)


@pytest.mark.parametrize("timed", [False, True])
def test_a_moved_occurrence_is_an_exception_the_series_keeps_its_days(
    ws, clock, wang, tmp_path, timed
):
    """Weekly on Mondays, this week's moved to the Friday before: the calendar shows the
    Friday, then Mondays, as the app plans them (and the published file keeps it so)."""
    values: dict[str, Any] = {"due_time": time(9, 30)} if timed else {}
    fid = plan(ws, clock, wang, due_on=date(2026, 11, 30), repeat_text="weekly", **values)
    ws.followups.reschedule(fid, date(2026, 11, 27), values.get("due_time"))
    target = tmp_path / "moved.ics"
    ws.calendar.publish_to(target)
    cal = read_back(target)
    series, moved = cal.walk("VEVENT")
    assert str(series["UID"]) == str(moved["UID"]) == f"{fid}@desktop-crm"
    assert "RRULE" in series and "RRULE" not in moved
    assert moved.decoded("RECURRENCE-ID") == series.decoded("DTSTART")
    found = [e.decoded("DTSTART") for e in expand(cal, date(2026, 11, 20), date(2026, 12, 20))]
    local = [d.astimezone(ZoneInfo("Asia/Shanghai")) if timed else d for d in found]
    app = [date(2026, 11, 27), date(2026, 12, 7), date(2026, 12, 14)]
    assert [d.date() if timed else d for d in local] == app
    if timed:
        assert {(d.hour, d.minute) for d in local} == {(9, 30)}
    # The app agrees: completing the Friday plans the 7th.
    assert ws.followups.complete(fid).next_due_on == app[1]
    # A later run of the app keeps the file's events as they are when nothing changed.
    ws.followups.reschedule(ws.followups.between(None, None)[0].id, date(2026, 12, 8))
    assert ws.calendar.refresh_published()
    fresh = tmp_path / "fresh.ics"
    ws.calendar.export(fresh)
    assert [e.to_ical() for e in read_back(target).walk("VEVENT")] == [
        e.to_ical() for e in read_back(fresh).walk("VEVENT")
    ]


def test_every_12_months_from_feb_29(ws, clock, wang, tmp_path):
    plan(ws, clock, wang, due_on=date(2028, 2, 29), repeat_text="every 12 months")
    target = tmp_path / "leap.ics"
    ws.calendar.export(target)
    cal = read_back(target)
    days = [e.decoded("DTSTART") for e in expand(cal, date(2028, 1, 1), date(2032, 12, 31))]
    assert days == [
        date(2028, 2, 29),
        date(2029, 2, 28),
        date(2030, 2, 28),
        date(2031, 2, 28),
        date(2032, 2, 29),
    ]
    rule = parse_repeat("every 12 months")
    assert rule is not None
    assert days == occurrences(
        rule.rule(date(2028, 2, 29)), date(2028, 2, 29), date(2028, 2, 28), 5
    )


def test_weekly_nine_oclock_berlin_keeps_nine_across_the_march_change(ws, clock, wang, tmp_path):
    plan(
        ws,
        clock,
        wang,
        due_on=date(2027, 3, 15),
        due_time=time(9, 0),
        zone="Europe/Berlin",
        repeat_text="weekly",
        kind=ActivityKind.MEETING,
    )
    target = tmp_path / "berlin.ics"
    ws.calendar.export(target)
    raw = target.read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Berlin:20270315T090000" in raw
    cal = read_back(target)
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    found = expand(cal, date(2027, 3, 14), date(2027, 4, 6))
    starts = [e.decoded("DTSTART") for e in found]
    assert [s.date() for s in starts] == [
        date(2027, 3, 15),
        date(2027, 3, 22),
        date(2027, 3, 29),  # the clocks went forward on 28 March
        date(2027, 4, 5),
    ]
    berlin = ZoneInfo("Europe/Berlin")
    assert {s.astimezone(berlin).time() for s in starts} == {time(9, 0)}
    assert [s.astimezone(UTC).hour for s in starts] == [8, 8, 7, 7]
    assert {e.decoded("DTEND") - e.decoded("DTSTART") for e in found} == {timedelta(minutes=30)}


def test_all_day_is_a_date_timed_carries_its_zone_and_both_have_alarms(ws, clock, wang, tmp_path):
    ws.settings.update({"reminders.morning": "08:30"})
    all_day = plan(ws, clock, wang, subject="发报价", due_on=date(2026, 12, 1))
    timed = plan(
        ws,
        clock,
        wang,
        subject="电话确认",
        due_on=date(2026, 12, 2),
        due_time=time(14, 30),
    )  # no zone given: the clock's (Shanghai)
    target = tmp_path / "mixed.ics"
    assert ws.calendar.export(target) == 2
    events = events_by_uid(read_back(target))
    day = events[all_day]
    assert day.decoded("DTSTART") == date(2026, 12, 1)
    assert not isinstance(day.decoded("DTSTART"), datetime)
    assert day.decoded("DTEND") == date(2026, 12, 2)
    assert "TZID" not in day["DTSTART"].params
    (day_alarm,) = day.walk("VALARM")
    assert str(day_alarm["ACTION"]) == "DISPLAY"
    assert day_alarm.decoded("TRIGGER") == timedelta(hours=8, minutes=30)  # the morning hour
    at = events[timed]
    assert at["DTSTART"].params["TZID"] == "Asia/Shanghai"
    start = at.decoded("DTSTART")
    assert start.astimezone(ZoneInfo("Asia/Shanghai")).replace(tzinfo=None) == datetime(
        2026, 12, 2, 14, 30
    )
    (at_alarm,) = at.walk("VALARM")
    assert at_alarm.decoded("TRIGGER") == timedelta(0)  # at the due moment
    assert str(at["SUMMARY"]) == "Call: 电话确认 — 王芳"


def test_a_snoozed_follow_up_reminds_again_at_the_snooze(ws, clock, wang, tmp_path):
    fid = plan(ws, clock, wang, subject="回电", due_on=date(2026, 12, 2), due_time=time(9, 0))
    until = datetime(2026, 12, 2, 3, 15, tzinfo=UTC)  # 11:15 in Shanghai
    ws.followups.snooze(fid, until)
    target = tmp_path / "snoozed.ics"
    ws.calendar.export(target)
    alarms = events_by_uid(read_back(target))[fid].walk("VALARM")
    assert [a.decoded("TRIGGER") for a in alarms] == [timedelta(0), until]


def test_done_cancelled_and_deleted_ones_are_left_out(ws, clock, wang, tmp_path):
    service = FollowUpService(ws.store, clock)
    kept = plan(ws, clock, wang, subject="保留")
    done = plan(ws, clock, wang, subject="已完成")
    cancelled = plan(ws, clock, wang, subject="已取消")
    deleted = plan(ws, clock, wang, subject="已删除")
    service.complete(done, "谈妥了")
    service.cancel(cancelled)
    last = ws.history.recent(10)
    plan_of_deleted = next(op for op in last if "已删除" in op.label)
    ws.history.undo(plan_of_deleted.id)  # the plan undone: the follow-up is tombstoned
    target = tmp_path / "left-out.ics"
    assert ws.calendar.export(target) == 1
    assert set(events_by_uid(read_back(target))) == {kept}
    assert {done, cancelled, deleted}.isdisjoint(events_by_uid(read_back(target)))


def test_chinese_text_survives_in_summary_and_description(ws, clock, wang, tmp_path):
    fid = plan(
        ws,
        clock,
        wang,
        subject="回访：报价确认，样品；下周",
        notes="带上样品；下午去\n第二行",
        kind=ActivityKind.VISIT,
    )
    target = tmp_path / "中文.ics"
    ws.calendar.export(target, language="zh")
    event = events_by_uid(read_back(target))[fid]
    assert str(event["SUMMARY"]) == "拜访：回访：报价确认，样品；下周 — 王芳"
    assert str(event["DESCRIPTION"]).split("\n") == [
        "带上样品；下午去",
        "第二行",
        "联系人：王芳",
        "公司：远山设计",
        "电话：138 0013 8000",
    ]
    assert read_back(target)["X-WR-CALNAME"] == "客户跟进（Desktop CRM）"


def test_from_and_to_include_both_ends(ws, clock, wang, tmp_path):
    ids = {
        day: plan(ws, clock, wang, due_on=date(2026, 12, day), subject=f"第{day}天")
        for day in (1, 2, 3, 4)
    }
    target = tmp_path / "range.ics"
    assert ws.calendar.export(target, date(2026, 12, 2), date(2026, 12, 3)) == 2
    assert set(events_by_uid(read_back(target))) == {ids[2], ids[3]}
    with pytest.raises(ValidationError):
        ws.calendar.export(target, date(2026, 12, 3), date(2026, 12, 2))


def test_publishing_keeps_the_file_up_to_date_and_is_machine_local(ws, clock, wang, tmp_path):
    service = FollowUpService(ws.store, clock)
    first = plan(ws, clock, wang, subject="第一个")
    target = tmp_path / "published.ics"
    operations_before = _operations(ws)
    assert ws.calendar.refresh_published() is False  # nothing chosen yet
    assert ws.calendar.publish_to(target) == 1
    assert ws.calendar.published().path == target
    assert _operations(ws) == operations_before  # local state: no undoable operation
    with ws.store.read() as session:
        stored = session.scalar(
            select(LocalState.value).where(LocalState.key == "calendar.publish_path")
        )
    assert stored == {"path": str(target), "language": "en"}

    second = plan(ws, clock, wang, subject="第二个")
    assert ws.calendar.refresh_published() is True
    assert set(events_by_uid(read_back(target))) == {first, second}

    service.update(second, FollowUpDraft("改过的", date(2026, 12, 9), person_id=wang))
    ws.calendar.refresh_published()
    changed = events_by_uid(read_back(target))[second]
    assert str(changed["SUMMARY"]) == "Call: 改过的 — 王芳"
    assert changed.decoded("DTSTART") == date(2026, 12, 9)

    edit(ws.people, wang, name="王芳芳")
    ws.calendar.refresh_published()  # a name shown in every event: all read again
    assert {str(e["SUMMARY"]).split(" — ")[1] for e in read_back(target).walk("VEVENT")} == {
        "王芳芳"
    }

    service.complete(first, "done")
    ws.calendar.refresh_published()
    assert set(events_by_uid(read_back(target))) == {second}

    # Another handle on the same file (the app started again) picks the choice up.
    ws.close(backup_if_changed=False)
    again = open_workspace(ws.path, clock)
    try:
        assert again.calendar.published().path == target
        FollowUpService(again.store, clock).plan(
            FollowUpDraft("第三个", date(2026, 12, 5), person_id=wang)
        )
        assert again.calendar.refresh_published() is True
        assert len(events_by_uid(read_back(target))) == 2
        again.calendar.publish_to(None)
        assert again.calendar.published() is None
        assert again.calendar.refresh_published() is False
    finally:
        again.close(backup_if_changed=False)
    # the fixture closes ``ws`` again, which is harmless


def test_a_refresh_reads_only_what_changed_yet_matches_a_fresh_file(ws, clock, wang, tmp_path):
    service = FollowUpService(ws.store, clock)
    ids = [
        plan(ws, clock, wang, subject=f"第{n}个", due_on=date(2026, 12, 1 + n)) for n in range(5)
    ]
    target = tmp_path / "cached.ics"
    ws.calendar.publish_to(target)
    service.reschedule(ids[0], date(2027, 1, 5), time(10, 0), "America/New_York")
    service.cancel(ids[1])
    plan(ws, clock, wang, subject="新的", due_on=date(2026, 12, 20))
    ws.people.save(person("李雷", phones=[("mobile", "139 0000 0000")]))  # not shown anywhere
    ws.calendar.refresh_published()
    fresh = tmp_path / "fresh.ics"
    CalendarService(ws.store, clock).export(fresh)  # a new service: nothing kept
    assert _events_text(target) == _events_text(fresh)
    moved = events_by_uid(read_back(target))[ids[0]]
    assert moved["DTSTART"].params["TZID"] == "America/New_York"
    assert [str(tz["TZID"]) for tz in read_back(target).walk("VTIMEZONE")] == ["America/New_York"]


def test_the_next_run_keeps_the_events_of_the_file_it_wrote(ws, clock, wang, tmp_path, monkeypatch):
    from desktop_crm.services.followups import calendar as module

    days = [date(2026, 12, 1 + n) for n in range(4)]
    ids = [plan(ws, clock, wang, subject=f"第{n}个", due_on=day) for n, day in enumerate(days)]
    li = ws.people.save(person("李雷")).ids[0]
    lis = plan(ws, clock, li, subject="李雷的")
    target = tmp_path / "kept.ics"
    ws.calendar.publish_to(target)
    path = ws.path
    ws.close(backup_if_changed=False)
    rendered: list[str] = []
    real = module._vevent

    def counting(row, *args):
        rendered.append(row.id)
        return real(row, *args)

    monkeypatch.setattr(module, "_vevent", counting)
    again = open_workspace(path, clock)  # the app started again: nothing kept in memory
    try:
        FollowUpService(again.store, clock).reschedule(ids[2], date(2027, 2, 1))
        again.calendar.refresh_published()
        assert rendered == [ids[2]]  # the others taken from the file as written
        assert _events_text(target) == _events_text(_fresh(again, clock, tmp_path))

        rendered.clear()
        edited = target.read_bytes().replace(b"SUMMARY:Call: \xe7\xac\xac1", b"SUMMARY:Call: X")
        assert edited != target.read_bytes()
        target.write_bytes(edited)  # edited by hand: not trusted
        CalendarService(again.store, clock).refresh_published()
        assert sorted(rendered) == sorted([*ids, lis])

        rendered.clear()
        edit(again.people, wang, name="王小芳")  # shown in each of 王芳's events only
        service = CalendarService(again.store, clock)
        service.refresh_published()
        assert sorted(rendered) == sorted(ids)
        assert "王小芳" in target.read_text(encoding="utf-8")

        rendered.clear()
        edit(again.people, li, phones=(Labelled("mobile", "139 0000 1111"),))
        service.refresh_published()
        assert rendered == [lis]
        assert "139 0000 1111" in target.read_text(encoding="utf-8")
        assert _events_text(target) == _events_text(_fresh(again, clock, tmp_path))
    finally:
        again.close(backup_if_changed=False)


def test_a_file_from_another_history_is_written_afresh(ws, clock, wang, tmp_path, monkeypatch):
    """A restored backup numbers its new changes as the old ones were: the file's change id
    (not its number) tells the histories apart."""
    from desktop_crm.services.followups import calendar as module

    fid = plan(ws, clock, wang)
    target = tmp_path / "restored.ics"
    ws.calendar.publish_to(target)
    data = target.read_bytes()
    head, _sep, _rest = data.partition(b"BEGIN:VEVENT")
    unfolded = head.replace(b"\r\n ", b"")
    state = unfolded.split(b"X-DESKTOP-CRM-STATE:")[1].split(b"\r\n")[0]
    seq, _change_id, *rest = state.split(b";")
    other = b";".join([seq, b"00000000-0000-7000-8000-000000000000", *rest])
    target.write_bytes(unfolded.replace(state, other) + data[len(head) :])
    rendered: list[str] = []
    real = module._vevent
    monkeypatch.setattr(module, "_vevent", lambda row, *a: rendered.append(row.id) or real(row, *a))
    CalendarService(ws.store, clock).refresh_published()
    assert rendered == [fid]
    rendered.clear()
    CalendarService(ws.store, clock).refresh_published()  # the file as it wrote it: kept
    assert rendered == []


def test_a_missing_folder_or_a_full_disk_leaves_the_old_file(
    ws, clock, wang, tmp_path, monkeypatch
):
    plan(ws, clock, wang)
    with pytest.raises(ValidationError, match="does not exist"):
        ws.calendar.export(tmp_path / "gone" / "f.ics")
    with pytest.raises(ValidationError, match="does not exist"):
        ws.calendar.publish_to(tmp_path / "gone" / "f.ics")
    assert ws.calendar.published() is None  # not remembered
    with pytest.raises(ValidationError, match="folder"):
        ws.calendar.export(tmp_path)
    target = tmp_path / "f.ics"
    ws.calendar.publish_to(target)
    before = target.read_bytes()
    plan(ws, clock, wang, subject="第二个")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(StorageError, match="No space left on device"):
        ws.calendar.refresh_published()
    assert target.read_bytes() == before  # whole, and the old one
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    monkeypatch.undo()
    (tmp_path / "moved").mkdir()
    ws.calendar.publish_to(tmp_path / "moved" / "f.ics")
    (tmp_path / "moved" / "f.ics").unlink()
    (tmp_path / "moved").rmdir()  # a removed drive
    with pytest.raises(ValidationError, match="does not exist"):
        ws.calendar.refresh_published()
    assert ws.calendar.published() is not None  # the choice is kept for when it is back


def test_cli_writes_the_file_while_the_app_holds_the_workspace(ws, clock, wang, tmp_path, capsys):
    plan(ws, clock, wang, due_on=date(2026, 12, 1))
    plan(ws, clock, wang, due_on=date(2026, 12, 10))
    plan(ws, clock, wang, due_on=date(2026, 12, 20), due_time=time(9, 0))
    target = tmp_path / "cli.ics"
    # ``ws`` is open (the app holds the lock): the command reads beside it.
    assert main(["ics", str(ws.path), str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"Wrote 3 events to {target}."
    assert len(list(read_back(target).walk("VEVENT"))) == 3
    code = main(
        ["ics", str(ws.path), str(target), "--from", "2026-12-10", "--to", "2026-12-20", "--json"]
    )
    assert code == 0
    assert '"events": 2' in capsys.readouterr().out
    assert main(["ics", str(ws.path), str(target), "--from", "12/10"]) == 2
    assert "--from" in capsys.readouterr().err
    missing = tmp_path / "nowhere" / "x.ics"
    assert main(["ics", str(ws.path), str(missing)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "does not exist" in err and "Traceback" not in err
    assert (
        main(["ics", str(ws.path), str(target), "--from", "2026-12-21", "--to", "2026-12-01"]) == 2
    )


def test_the_readers_export_too(ws, clock, wang, tmp_path):
    plan(ws, clock, wang)
    assert ws.reads.calendar.export(tmp_path / "reads.ics") == 1


def _operations(ws: Workspace) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).select_from(Operation)) or 0


def _fresh(ws: Workspace, clock: FixedClock, folder: Path) -> Path:
    fresh = folder / f"fresh-{len(list(folder.glob('fresh-*.ics')))}.ics"
    CalendarService(ws.store, clock).export(fresh)  # a new service, a new file: nothing kept
    return fresh


def _events_text(path: Path) -> list[bytes]:
    data = path.read_bytes()
    blocks = data.split(b"BEGIN:VEVENT")[1:]
    return sorted(b"BEGIN:VEVENT" + block.split(b"END:VEVENT")[0] for block in blocks)
