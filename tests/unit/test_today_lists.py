"""Today's lists computed at chosen moments, on real workspace files, with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, Level
from desktop_crm.services.contracts.summaries import overdue_instalments
from desktop_crm.services.today.dto import TodayLists
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from desktop_crm.store.models import (
    Deal,
    DealStageChange,
    FollowUp,
    Person,
    Pipeline,
    Stage,
)
from tests import drafts

SHANGHAI, NEW_YORK = "Asia/Shanghai", "America/New_York"
MONDAY = date(2026, 11, 23)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(moment_of(MONDAY, time(9), ZoneInfo(SHANGHAI)), SHANGHAI)


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    workspace = create_workspace(ws_path, clock=clock)
    yield workspace
    workspace.close(backup_if_changed=False)


def at(day: date, hour: int, minute: int = 0, zone: str = SHANGHAI) -> datetime:
    """The moment of a wall time in a zone."""
    return moment_of(day, time(hour, minute), ZoneInfo(zone))


def plan(
    ws: Workspace,
    subject: str,
    day: date,
    wall: time | None = None,
    zone: str = SHANGHAI,
    *,
    person_id: str | None = None,
    company_id: str | None = None,
    status: str = "planned",
    deleted: bool = False,
) -> str:
    """A follow-up as the planning service stores it: a day, and a moment when timed."""
    with ws.store.unit_of_work(f"plan {subject}") as (session, _rec):
        row = FollowUp(
            kind="call",
            subject=subject,
            due_on=day,
            due_at=moment_of(day, wall, ZoneInfo(zone)) if wall else None,
            due_zone=zone if wall else None,
            status=status,
            person_id=person_id,
            company_id=company_id,
            owner_id=ws.store.actor_id,
            deleted_at=datetime.now(UTC) if deleted else None,
        )
        session.add(row)
        session.flush()
        return row.id


def bucket(lists: TodayLists, fid: str) -> str | None:
    """Which follow-up list holds ``fid`` (checking it is in one at most)."""
    found = [
        name
        for name in ("overdue", "due_today", "next_7_days")
        if fid in {r.id for r in getattr(lists, name).items}
    ]
    assert len(found) <= 1
    return found[0] if found else None


# --- follow-ups -----------------------------------------------------------------------------


def test_a_timed_follow_up_is_overdue_from_its_minute(ws: Workspace) -> None:
    call = plan(ws, "call back", MONDAY, time(15, 30))
    assert bucket(ws.today.lists(at(MONDAY - timedelta(days=1), 20)), call) == "next_7_days"
    assert bucket(ws.today.lists(at(MONDAY, 0)), call) == "due_today"
    before = ws.today.lists(at(MONDAY, 15, 29))
    assert bucket(before, call) == "due_today"
    assert before.due_today.items[0].overdue is False
    on_time = ws.today.lists(at(MONDAY, 15, 30))
    assert bucket(on_time, call) == "overdue"
    assert on_time.overdue.items[0].overdue is True
    assert on_time.overdue.total == 1 and on_time.due_today.total == 0
    assert bucket(ws.today.lists(at(MONDAY + timedelta(days=30), 9)), call) == "overdue"


def test_an_all_day_follow_up_is_overdue_from_the_next_local_day(
    ws: Workspace, clock: FixedClock
) -> None:
    visit = plan(ws, "visit", MONDAY)
    assert bucket(ws.today.lists(at(MONDAY, 23, 59)), visit) == "due_today"
    assert bucket(ws.today.lists(at(MONDAY + timedelta(days=1), 0)), visit) == "overdue"
    # In New York the same day ends 13 hours later.
    clock.travel(NEW_YORK)
    ny_midnight = at(MONDAY + timedelta(days=1), 0, zone=NEW_YORK)
    assert bucket(ws.today.lists(ny_midnight - timedelta(minutes=1)), visit) == "due_today"
    assert bucket(ws.today.lists(ny_midnight), visit) == "overdue"
    # That moment is already Tuesday afternoon in Shanghai.
    clock.travel(SHANGHAI)
    assert bucket(ws.today.lists(ny_midnight - timedelta(minutes=1)), visit) == "overdue"


def test_a_timed_follow_up_in_new_york_keeps_its_moment_for_a_shanghai_laptop(
    ws: Workspace, clock: FixedClock
) -> None:
    # 09:00 on Monday in New York is 22:00 on Monday in Shanghai.
    call = plan(ws, "call New York", MONDAY, time(9), NEW_YORK)
    due = at(MONDAY, 9, zone=NEW_YORK)
    assert due == at(MONDAY, 22)
    assert bucket(ws.today.lists(at(MONDAY, 21, 59)), call) == "due_today"
    assert bucket(ws.today.lists(due), call) == "overdue"
    clock.travel(NEW_YORK)
    assert bucket(ws.today.lists(due - timedelta(minutes=1)), call) == "due_today"
    assert bucket(ws.today.lists(due), call) == "overdue"
    # Sunday evening in New York: the call is tomorrow, in the next seven days.
    assert bucket(ws.today.lists(at(MONDAY - timedelta(days=1), 20, zone=NEW_YORK)), call) == (
        "next_7_days"
    )


def test_a_timed_follow_up_late_in_the_evening_is_tomorrows_after_a_flight(
    ws: Workspace, clock: FixedClock
) -> None:
    # 08:00 Tuesday in Shanghai is 19:00 Monday in New York: due today there.
    call = plan(ws, "early call", MONDAY + timedelta(days=1), time(8))
    monday_noon_ny = at(MONDAY, 12, zone=NEW_YORK)
    assert bucket(ws.today.lists(monday_noon_ny), call) == "due_today"  # Tuesday 01:00 here
    clock.travel(NEW_YORK)
    assert bucket(ws.today.lists(monday_noon_ny), call) == "due_today"
    assert bucket(ws.today.lists(at(MONDAY, 8, zone=NEW_YORK) - timedelta(days=1)), call) == (
        "next_7_days"
    )


def test_the_next_seven_days_are_the_local_days_after_today(ws: Workspace) -> None:
    now = at(MONDAY, 10)
    last_day = plan(ws, "last day", MONDAY + timedelta(days=7))
    past_it = plan(ws, "past it", MONDAY + timedelta(days=8))
    last_minute = plan(ws, "last minute", MONDAY + timedelta(days=7), time(23, 59))
    too_late = plan(ws, "too late", MONDAY + timedelta(days=8), time(0))
    tomorrow = plan(ws, "tomorrow", MONDAY + timedelta(days=1), time(0))
    lists = ws.today.lists(now)
    assert bucket(lists, last_day) == bucket(lists, last_minute) == "next_7_days"
    assert bucket(lists, tomorrow) == "next_7_days"
    assert bucket(lists, past_it) is None and bucket(lists, too_late) is None
    assert [r.subject for r in lists.next_7_days.items] == ["tomorrow", "last day", "last minute"]
    assert lists.today == MONDAY and lists.zone == SHANGHAI
    assert lists.at == now and lists.at.tzinfo == UTC


def test_the_seven_days_across_a_dst_change_in_new_york(ws: Workspace, clock: FixedClock) -> None:
    clock.travel(NEW_YORK)
    wednesday = date(2026, 10, 28)  # clocks go back on Sunday 1 November
    inside = plan(ws, "after the change", date(2026, 11, 4), time(23, 30), NEW_YORK)
    outside = plan(ws, "a day later", date(2026, 11, 5), time(0, 0), NEW_YORK)
    lists = ws.today.lists(at(wednesday, 12, zone=NEW_YORK))
    assert bucket(lists, inside) == "next_7_days"
    assert bucket(lists, outside) is None


def test_done_cancelled_and_deleted_follow_ups_are_not_listed(ws: Workspace) -> None:
    planned = plan(ws, "planned", MONDAY - timedelta(days=2))
    for status in ("done", "cancelled"):
        plan(ws, status, MONDAY - timedelta(days=2), status=status)
    plan(ws, "deleted", MONDAY - timedelta(days=2), deleted=True)
    lists = ws.today.lists(at(MONDAY, 10))
    assert [r.id for r in lists.overdue.items] == [planned]
    assert lists.overdue.total == 1


def test_lists_are_capped_with_their_totals(ws: Workspace) -> None:
    with ws.store.unit_of_work("many") as (session, _rec):
        session.add_all(
            FollowUp(
                kind="call",
                subject=f"call {n:03d}",
                due_on=MONDAY - timedelta(days=1 + n % 30),
                status="planned",
                owner_id=ws.store.actor_id,
            )
            for n in range(205)
        )
    lists = ws.today.lists(at(MONDAY, 10))
    assert lists.overdue.total == 205 and len(lists.overdue.items) == 200
    assert lists.overdue.more == 5
    days = [r.due_on for r in lists.overdue.items]
    assert days == sorted(days)  # the longest overdue first
    everything = ws.today.lists(at(MONDAY, 10), limit=None)
    assert len(everything.overdue.items) == 205


def test_rows_name_the_contact_and_phone_and_the_reader_sees_them(ws: Workspace) -> None:
    cid = ws.people.save_company(drafts.company("星河设计")).ids[0]
    pid = ws.people.save(
        drafts.person("王芳", phones=[("mobile", "138 0013 8000")], company_id=cid)
    ).ids[0]
    plan(ws, "quote", MONDAY, time(16), person_id=pid, company_id=cid)
    for lists in (ws.today.lists(at(MONDAY, 10)), ws.reads.today.lists(at(MONDAY, 10))):
        (row,) = lists.due_today.items
        assert (row.person, row.phone, row.company) == ("王芳", "138 0013 8000", "星河设计")
        assert row.due_at == at(MONDAY, 16) and row.zone == SHANGHAI


def test_lists_default_to_the_clock_and_refuse_a_naive_moment(
    ws: Workspace, clock: FixedClock
) -> None:
    visit = plan(ws, "visit", MONDAY)
    assert bucket(ws.today.lists(), visit) == "due_today"
    clock.advance(timedelta(days=1))
    assert bucket(ws.today.lists(), visit) == "overdue"
    with pytest.raises(ValueError):
        ws.today.lists(datetime(2026, 11, 23, 9))


# --- stale customers ------------------------------------------------------------------------


def customer(ws: Workspace, name: str, level: Level | None, **fields: object) -> str:
    return ws.people.save(
        drafts.person(name, status=ContactStatus.CUSTOMER, level=level, **fields)
    ).ids[0]


def contacted(ws: Workspace, pid: str, when: datetime, kind: str = "call") -> None:
    ws.cards.log_activity("person", pid, ActivityKind(kind), "rang", occurred_at=when)


def stale(lists: TodayLists) -> dict[str, tuple[int, int]]:
    return {c.name: (c.days_waited, c.limit_days) for c in lists.stale_customers.items}


def test_stale_customers_by_level(ws: Workspace) -> None:
    now = at(MONDAY, 12)
    waited = {
        ("A7", Level.A): 7,
        ("A8", Level.A): 8,
        ("B14", Level.B): 14,
        ("B15", Level.B): 15,
        ("C30", Level.C): 30,
        ("C31", Level.C): 31,
        ("none30", None): 30,
        ("none31", None): 31,
    }
    for (name, level), days in waited.items():
        contacted(ws, customer(ws, name, level), at(MONDAY - timedelta(days=days), 18))
    # A lead waiting a year is no customer: not listed.
    lead = ws.people.save(drafts.person("lead", level=Level.A)).ids[0]
    contacted(ws, lead, at(MONDAY - timedelta(days=365), 9))
    # Nor is a deleted customer.
    gone = customer(ws, "gone", Level.A)
    contacted(ws, gone, at(MONDAY - timedelta(days=100), 9))
    ws.contacts.delete_people([gone])
    lists = ws.today.lists(now)
    assert stale(lists) == {"A8": (8, 7), "B15": (15, 14), "C31": (31, 30), "none31": (31, 30)}
    assert lists.stale_customers.total == 4
    # The settings change the limits: a level left out falls back to the plain limit.
    ws.settings.update(
        {"followup.stale_days_by_level": {"A": 3, "B": 20}, "followup.stale_days": 10}
    )
    assert set(stale(ws.today.lists(now))) == {"A7", "A8", "C30", "C31", "none30", "none31"}


def test_stale_customers_most_overdue_first_with_phone_and_owner(ws: Workspace) -> None:
    a = customer(ws, "Ann", Level.A, phones=[("mobile", "+44 7700 900123")])
    c = customer(ws, "Cai", Level.C)
    contacted(ws, a, at(MONDAY - timedelta(days=10), 9))  # 3 days over
    contacted(ws, c, at(MONDAY - timedelta(days=50), 9))  # 20 days over
    items = ws.today.lists(at(MONDAY, 9)).stale_customers.items
    assert [(i.name, i.days_over) for i in items] == [("Cai", 20), ("Ann", 3)]
    ann = items[1]
    assert ann.kind == "person" and ann.id == a and ann.level == "A"
    assert ann.phone == "+44 7700 900123"
    assert ann.last_contacted_at == at(MONDAY - timedelta(days=10), 9)
    assert ann.owner and ann.owner_id == ws.store.actor_id


def test_stale_companies_are_listed_with_their_kind(ws: Workspace) -> None:
    cid = ws.people.save_company(
        drafts.company(
            "Harbour Lights Ltd",
            status=ContactStatus.CUSTOMER,
            level=Level.B,
            phones=[("work", "+44 20 7946 0000")],
        )
    ).ids[0]
    ws.cards.log_activity(
        "company", cid, ActivityKind.VISIT, occurred_at=at(MONDAY - timedelta(days=20), 9)
    )
    (item,) = ws.today.lists(at(MONDAY, 9)).stale_customers.items
    assert (item.kind, item.id, item.days_waited, item.limit_days) == ("company", cid, 20, 14)
    assert item.phone == "+44 20 7946 0000"


def test_activities_reset_the_wait_edits_and_notes_do_not(ws: Workspace) -> None:
    pid = customer(ws, "Bo", Level.A)
    contacted(ws, pid, at(MONDAY - timedelta(days=9), 9))
    now = at(MONDAY, 9)
    assert "Bo" in stale(ws.today.lists(now))
    drafts.edit(ws.people, pid, title="Director", notes="met at the fair")
    assert "Bo" in stale(ws.today.lists(now))
    contacted(ws, pid, at(MONDAY - timedelta(days=1), 9), kind="note")
    assert "Bo" in stale(ws.today.lists(now))
    contacted(ws, pid, at(MONDAY - timedelta(days=1), 9), kind="message")
    assert "Bo" not in stale(ws.today.lists(now))


def test_a_customer_never_contacted_waits_from_its_creation(ws: Workspace) -> None:
    pid = customer(ws, "New", Level.A)
    with ws.store.read() as session:
        made = session.scalars(select(Person.created_at).where(Person.id == pid)).one()
    made_on = made.astimezone(ZoneInfo(SHANGHAI)).date()
    assert "New" not in stale(ws.today.lists(at(made_on + timedelta(days=7), 23, 59)))
    lists = ws.today.lists(at(made_on + timedelta(days=8), 0))
    assert stale(lists) == {"New": (8, 7)}
    assert lists.stale_customers.items[0].last_contacted_at is None


def test_days_waited_are_local_days(ws: Workspace, clock: FixedClock) -> None:
    pid = customer(ws, "Zoe", Level.A)
    contacted(ws, pid, datetime(2026, 11, 15, 15, 30, tzinfo=UTC))
    now = datetime(2026, 11, 22, 16, 10, tzinfo=UTC)
    # Shanghai: from Sunday 23:30 to Monday 00:10 a week later, 8 days.
    assert stale(ws.today.lists(now)) == {"Zoe": (8, 7)}
    # New York: from Sunday 10:30 to Sunday 11:10, 7 days: not yet.
    clock.travel(NEW_YORK)
    assert stale(ws.today.lists(now)) == {}


# --- stale deals ----------------------------------------------------------------------------


def days_ago(days: int) -> datetime:
    """Noon in Shanghai ``days`` days before Monday."""
    return at(MONDAY - timedelta(days=days), 12)


def stages(ws: Workspace, rotting: dict[str, int | None]) -> dict[str, str]:
    """The default pipeline's stages by name, their rotting days set as given."""
    with ws.store.unit_of_work("rotting days") as (session, _rec):
        pipeline = session.scalars(select(Pipeline).where(Pipeline.is_default.is_(True))).one()
        found = {}
        for stage in session.scalars(select(Stage).where(Stage.pipeline_id == pipeline.id)):
            if stage.name in rotting:
                stage.rotting_days = rotting[stage.name]
            found[stage.name] = stage.id
        return found


def deal(
    ws: Workspace,
    title: str,
    stage_id: str,
    moves: list[tuple[str | None, str, datetime]],
    status: str = "open",
    **values: object,
) -> str:
    with ws.store.unit_of_work(f"deal {title}") as (session, _rec):
        pipeline = session.scalars(select(Pipeline).where(Pipeline.is_default.is_(True))).one()
        row = Deal(
            title=title,
            pipeline_id=pipeline.id,
            stage_id=stage_id,
            owner_id=ws.store.actor_id,
            status=status,
            amount=Decimal("12800.50"),
            currency="CNY",
            **values,
        )
        session.add(row)
        session.flush()
        for source, target, when in moves:
            session.add(
                DealStageChange(
                    deal_id=row.id, from_stage_id=source, to_stage_id=target, moved_at=when
                )
            )
        return row.id


def test_deals_rot_per_stage(ws: Workspace) -> None:
    s = stages(ws, {"Qualified": 10, "Proposal sent": 3, "Negotiation": None})
    q, p, n = s["Qualified"], s["Proposal sent"], s["Negotiation"]
    now = at(MONDAY, 9)
    day = timedelta(days=1)
    deal(ws, "ten days in qualified", q, [(None, q, at(MONDAY - 10 * day, 18))])
    deal(ws, "eleven days in qualified", q, [(None, q, at(MONDAY - 11 * day, 18))])
    deal(ws, "four days in proposal", p, [(None, q, days_ago(40)), (q, p, days_ago(4))])
    deal(
        ws,
        "back in qualified lately",
        q,
        [
            (None, q, days_ago(60)),
            (q, p, days_ago(50)),
            (p, q, days_ago(5)),
        ],
    )
    deal(ws, "negotiation never rots", n, [(None, n, days_ago(300))])
    deal(ws, "won long ago", q, [(None, q, days_ago(100))], status="won")
    # Only moves into its stage count: a later one recorded into another stage does not, nor
    # a tombstoned (undone) one.
    deal(ws, "moved elsewhere on record", q, [(None, q, days_ago(20)), (q, p, days_ago(2))])
    undone = deal(ws, "move undone", q, [(None, q, days_ago(30)), (p, q, days_ago(1))])
    with ws.store.unit_of_work("undo the move") as (session, _rec):
        latest = session.scalars(
            select(DealStageChange)
            .where(DealStageChange.deal_id == undone)
            .order_by(DealStageChange.moved_at.desc())
        ).first()
        assert latest is not None
        latest.deleted_at = datetime.now(UTC)
    lists = ws.today.lists(now)
    found = {d.title: (d.stage, d.days_in_stage, d.rotting_days) for d in lists.stale_deals.items}
    assert found == {
        "eleven days in qualified": ("Qualified", 11, 10),
        "four days in proposal": ("Proposal sent", 4, 3),
        "moved elsewhere on record": ("Qualified", 20, 10),
        "move undone": ("Qualified", 30, 10),
    }
    assert lists.stale_deals.total == 4
    # Most days over first; among deals as many days over, the one that ran out first.
    assert [d.title for d in lists.stale_deals.items] == [
        "move undone",
        "moved elsewhere on record",
        "four days in proposal",  # ran out at noon, the other at 18:00
        "eleven days in qualified",
    ]
    last = lists.stale_deals.items[3]
    assert last.amount == Decimal("12800.50") and last.currency == "CNY"
    assert last.entered_at == at(MONDAY - 11 * day, 18)


def test_a_deal_never_moved_waits_from_its_creation(ws: Workspace) -> None:
    s = stages(ws, {"Qualified": 2})
    company = ws.people.save_company(drafts.company("深圳星河设计工作室")).ids[0]
    did = deal(ws, "fresh", s["Qualified"], [], company_id=company, number="D-1")
    with ws.store.read() as session:
        made = session.scalars(select(Deal.created_at).where(Deal.id == did)).one()
    made_on = made.astimezone(ZoneInfo(SHANGHAI)).date()
    assert ws.today.lists(at(made_on + timedelta(days=2), 23, 59)).stale_deals.total == 0
    (item,) = ws.today.lists(at(made_on + timedelta(days=3), 0)).stale_deals.items
    assert (item.id, item.number, item.company, item.days_in_stage) == (
        did,
        "D-1",
        "深圳星河设计工作室",
        3,
    )
    assert item.owner and item.stage == "Qualified"


# --- birthdays ------------------------------------------------------------------------------


def born(ws: Workspace, name: str, birthday: date) -> str:
    return ws.people.save(drafts.person(name, birthday=birthday)).ids[0]


def birthdays(ws: Workspace, when: datetime) -> list[tuple[str, date, int | None]]:
    return [(b.name, b.on, b.age) for b in ws.today.lists(when).birthdays.items]


def test_birthdays_this_week_across_the_year_end(ws: Workspace) -> None:
    born(ws, "yesterday", date(1990, 12, 27))
    born(ws, "today", date(1985, 12, 28))
    born(ws, "new year", date(2000, 1, 1))
    born(ws, "last day", date(1970, 1, 3))
    born(ws, "too late", date(1970, 1, 4))
    born(ws, "no year", date(1604, 12, 30))
    ws.contacts.delete_people([born(ws, "deleted", date(1990, 12, 29))])
    assert birthdays(ws, at(date(2026, 12, 28), 9)) == [
        ("today", date(2026, 12, 28), 41),
        ("no year", date(2026, 12, 30), None),
        ("new year", date(2027, 1, 1), 27),
        ("last day", date(2027, 1, 3), 57),
    ]


def test_a_leap_day_birthday_is_kept_on_28_february_in_other_years(ws: Workspace) -> None:
    pid = born(ws, "leap", date(2000, 2, 29))
    born(ws, "twenty-eighth", date(2001, 2, 28))
    assert birthdays(ws, at(date(2027, 2, 25), 9)) == [
        ("leap", date(2027, 2, 28), 27),
        ("twenty-eighth", date(2027, 2, 28), 26),
    ]
    assert birthdays(ws, at(date(2028, 2, 25), 9)) == [
        ("twenty-eighth", date(2028, 2, 28), 27),
        ("leap", date(2028, 2, 29), 28),
    ]
    assert birthdays(ws, at(date(2027, 3, 1), 9)) == []  # 28 February has passed
    (item,) = ws.today.lists(at(date(2027, 2, 28), 23)).birthdays.items[:1]
    assert item.id == pid and item.birthday == date(2000, 2, 29)


def test_the_birthday_week_starts_on_the_local_day(ws: Workspace, clock: FixedClock) -> None:
    born(ws, "Sunday", date(1990, 11, 22))
    sunday_evening_ny = at(MONDAY - timedelta(days=1), 20, zone=NEW_YORK)  # Monday in Shanghai
    assert birthdays(ws, sunday_evening_ny) == []
    clock.travel(NEW_YORK)
    assert birthdays(ws, sunday_evening_ny) == [("Sunday", date(2026, 11, 22), 36)]


# --- the pool and instalments ---------------------------------------------------------------


def test_records_returning_to_the_pool_are_listed(ws: Workspace) -> None:
    pid = customer(ws, "held", Level.B)
    contacted(ws, pid, at(MONDAY - timedelta(days=28), 9))
    ws.settings.update({"pool.rules": [{"level": "B", "days": 30}], "pool.warn_days": 3})
    (warning,) = ws.today.lists(at(MONDAY, 9)).returning_to_pool
    assert (warning.id, warning.returns_on, warning.days_left) == (pid, MONDAY + timedelta(2), 2)
    assert ws.today.lists(at(MONDAY - timedelta(days=2), 9)).returning_to_pool == ()


def test_overdue_instalments_are_the_contracts_own(demo_path: Path) -> None:
    clock = FixedClock(at(date(2027, 6, 1), 9))
    ws = open_workspace(demo_path, clock)
    try:
        lists = ws.today.lists()
        with ws.store.read() as session:
            expected = overdue_instalments(session, date(2027, 6, 1))
        assert expected and lists.overdue_instalments == expected
    finally:
        ws.close(backup_if_changed=False)
