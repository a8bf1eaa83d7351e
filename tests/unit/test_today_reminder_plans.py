"""The indexes behind Today, the reminder check and the pool, and the plans that read them.

Today's lists, the reminder check and the pool's warnings are timed on 100,000 contacts
(``tests/bench``); these tests keep what makes them fast from quietly going away: the indexes
exist as the models declare them (the models-vs-migration test cannot compare expression
indexes), SQLite's plans read them and never the tables they spare, and the statements worded
for those plans still give the domain's answers.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Engine
from sqlalchemy.schema import CreateIndex

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, Level
from desktop_crm.services.followups.dto import FollowUpDraft
from desktop_crm.services.followups.reminders import marked_moment
from desktop_crm.services.pool.queries import returning_soon
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store import schema
from desktop_crm.store.models import Base
from desktop_crm.store.types import micros
from tests import drafts

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = date(2026, 11, 23)
NEW_INDEXES = ("ix_people_stale", "ix_companies_stale", "ix_people_birthday_day")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(moment_of(MONDAY, time(10), SHANGHAI), "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    workspace = create_workspace(ws_path, clock=clock)
    yield workspace
    workspace.close(backup_if_changed=False)


def _customer(ws: Workspace, name: str, level: Level | None, **fields: Any) -> str:
    draft = drafts.person(name, status=ContactStatus.CUSTOMER, level=level, **fields)
    return ws.people.save(draft).ids[0]


def _contacted(ws: Workspace, kind: RecordKind, record_id: str, when: datetime) -> None:
    ws.cards.log_activity(kind, record_id, ActivityKind.CALL, "rang", occurred_at=when)


def _index_sql(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return {
            name: sql
            for name, sql in db.execute("SELECT name, sql FROM sqlite_master WHERE type='index'")
            if sql
        }


def _normal(sql: str) -> str:
    """An index's SQL with quotes, spacing and letter case left out, to compare two spellings."""
    return re.sub(r'[\s"]+', "", sql).lower()


class Plans:
    """Every statement run while it is open, explained afterwards on the workspace file."""

    def __init__(self) -> None:
        self.statements: list[tuple[str, Any]] = []

    def __enter__(self) -> Plans:
        event.listen(Engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(Engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            self.statements.append((statement, params))

    def explained(self, path: Path) -> list[tuple[str, list[str]]]:
        """Each statement with its plan's lines."""
        with sqlite3.connect(path) as db:
            return [
                (sql, [row[3] for row in db.execute(f"EXPLAIN QUERY PLAN {sql}", params)])
                for sql, params in self.statements
            ]


def _lines(explained: list[tuple[str, list[str]]]) -> list[str]:
    return [line for _sql, lines in explained for line in lines]


def _scans(lines: list[str], *tables: str) -> list[str]:
    """Plan lines that read a whole table (``SCAN t``, alias included, not a covering index)."""
    return [
        line
        for line in lines
        if re.match(rf"SCAN ({'|'.join(tables)})\b", line) and "COVERING INDEX" not in line
    ]


# --- the indexes --------------------------------------------------------------------------------


def test_the_new_indexes_are_the_models_and_go_with_a_downgrade(ws_path: Path) -> None:
    create_workspace(ws_path).close(backup_if_changed=False)
    stored = _index_sql(ws_path)
    tables = Base.metadata.tables
    declared = {
        index.name: str(CreateIndex(index).compile(dialect=sqlite_dialect.dialect()))
        for table in ("people", "companies", "follow_ups")
        for index in tables[table].indexes
        if index.name in (*NEW_INDEXES, "ix_follow_ups_open")
    }
    assert set(declared) == {*NEW_INDEXES, "ix_follow_ups_open"}
    for name, sql in declared.items():
        assert _normal(stored[name]) == _normal(sql), name
    assert "WHERE status = 'customer' AND deleted_at IS NULL" in stored["ix_people_stale"]
    schema.downgrade(ws_path, "0009")
    assert not set(_index_sql(ws_path)) & {*NEW_INDEXES, "ix_follow_ups_open"}
    schema.upgrade(ws_path)
    assert set(NEW_INDEXES) <= set(_index_sql(ws_path))


# --- Today ------------------------------------------------------------------------------------


def test_today_reads_indexes_not_the_contact_and_follow_up_tables(
    ws: Workspace, ws_path: Path
) -> None:
    person = _customer(ws, "王芳", Level.A, birthday=date(1990, 11, 25))
    company = ws.people.save_company(drafts.company("Acme", status=ContactStatus.CUSTOMER)).ids[0]
    long_ago = moment_of(MONDAY - timedelta(days=40), time(9), SHANGHAI)
    _contacted(ws, "person", person, long_ago)
    _contacted(ws, "company", company, long_ago)
    for day in (MONDAY - timedelta(days=3), MONDAY, MONDAY + timedelta(days=2)):
        ws.followups.plan(FollowUpDraft(subject="回访", due_on=day, person_id=person))
    ws.followups.plan(
        FollowUpDraft(subject="报价", due_on=MONDAY, due_time=time(15), company_id=company)
    )
    with Plans() as plans:
        lists = ws.reads.today.lists()
    assert lists.stale_customers.total == 2 and lists.birthdays.total == 1
    assert (lists.overdue.total, lists.due_today.total, lists.next_7_days.total) == (1, 2, 1)
    lines = _lines(plans.explained(ws_path))
    assert _scans(lines, "people", "companies", "follow_ups") == []
    assert not [line for line in lines if "ix_follow_ups_status" in line]
    for index in (*NEW_INDEXES, "ix_follow_ups_open"):
        assert [line for line in lines if index in line], index


def test_stale_customers_keep_their_total_and_order_across_levels_and_tables(
    ws: Workspace,
) -> None:
    ws.settings.update({"followup.stale_days_by_level": {"A": 7}, "followup.stale_days": 20})
    now = moment_of(MONDAY, time(12), SHANGHAI)
    waited = {"A9": (Level.A, 9), "B25": (Level.B, 25), "none40": (None, 40), "C19": (Level.C, 19)}
    for name, (level, days) in waited.items():
        pid = _customer(ws, name, level)
        _contacted(ws, "person", pid, moment_of(MONDAY - timedelta(days=days), time(9), SHANGHAI))
    acme = ws.people.save_company(
        drafts.company("Acme", status=ContactStatus.CUSTOMER, level=Level.A)
    ).ids[0]
    _contacted(ws, "company", acme, moment_of(MONDAY - timedelta(days=30), time(9), SHANGHAI))
    everyone = ws.today.lists(now, limit=None).stale_customers
    # C has no limit of its own: the plain 20 days, so C19 is not stale.
    assert [(c.name, c.days_over) for c in everyone.items] == [
        ("Acme", 23),
        ("none40", 20),
        ("B25", 5),
        ("A9", 2),
    ]
    assert everyone.total == 4
    first = ws.today.lists(now, limit=1).stale_customers
    assert [c.name for c in first.items] == ["Acme"] and first.total == 4
    assert first.items[0].kind == "company"


def test_birthdays_give_the_company_phone_and_count_past_the_limit(ws: Workspace) -> None:
    acme = ws.people.save_company(drafts.company("Acme", phones=[("work", "010 6512 3456")])).ids[0]
    ws.people.save(
        drafts.person("Ann", birthday=date(1990, 11, 24), phones=[("mobile", "138 0013 8000")])
    )
    ws.people.save(drafts.person("Bo", birthday=date(1991, 11, 24), company_id=acme))
    ws.people.save(drafts.person("Cy", birthday=date(1992, 11, 23)))
    now = moment_of(MONDAY, time(12), SHANGHAI)
    every = ws.today.lists(now, limit=None).birthdays
    assert [(b.name, b.on, b.phone) for b in every.items] == [
        ("Cy", MONDAY, ""),
        ("Ann", MONDAY + timedelta(days=1), "138 0013 8000"),
        ("Bo", MONDAY + timedelta(days=1), "010 6512 3456"),
    ]
    first = ws.today.lists(now, limit=1).birthdays
    assert [b.name for b in first.items] == ["Cy"] and first.total == 3


def test_the_pool_warning_passes_over_each_table_itself(ws: Workspace, ws_path: Path) -> None:
    pid = _customer(ws, "held", Level.B)
    _contacted(ws, "person", pid, moment_of(MONDAY - timedelta(days=28), time(9), SHANGHAI))
    ws.settings.update({"pool.rules": [{"level": "B", "days": 30}], "pool.warn_days": 3})
    now = moment_of(MONDAY, time(9), SHANGHAI)
    with Plans() as plans, ws.store.read() as session:
        (warning,) = returning_soon(session, now, SHANGHAI)
    assert warning.id == pid and warning.owner
    (pool,) = [e for e in plans.explained(ws_path) if "UNION ALL" in e[0]]
    # A plain pass over each table, not a walk of a live-rows index with a lookup per row.
    assert [line for line in pool[1] if line.startswith("SCAN")] == ["SCAN r", "SCAN r"]


# --- the reminder check -----------------------------------------------------------------------


def test_the_reminder_check_reads_the_open_follow_ups_index(
    ws: Workspace, ws_path: Path, clock: FixedClock
) -> None:
    person = ws.people.save(drafts.person("王芳")).ids[0]
    plan = ws.followups.plan
    plan(FollowUpDraft(subject="all day", due_on=MONDAY - timedelta(days=2), person_id=person))
    plan(FollowUpDraft(subject="timed", due_on=MONDAY, due_time=time(9), person_id=person))
    snoozed = plan(FollowUpDraft(subject="later", due_on=MONDAY, person_id=person)).ids[0]
    ws.followups.snooze(snoozed, clock.now() + timedelta(minutes=15))
    checker = ws.reads.reminders
    with Plans() as plans:
        assert len(checker.due()) == 2  # every candidate read: the first check
        clock.advance(timedelta(minutes=20))
        assert len(checker.due()) == 3  # nothing written: what came since
        assert checker.due_count() == 3
    explained = plans.explained(ws_path)
    lines = _lines(explained)
    assert _scans(lines, "follow_ups") == []
    assert not [line for line in lines if "ix_follow_ups_status" in line]
    reads = [(sql, lines) for sql, lines in explained if "FROM follow_ups" in sql]
    for sql, plan_lines in reads:
        used = " ".join(line for line in plan_lines if "follow_ups" in line)
        assert re.search(r"ix_follow_ups_(open|due_at|remind_at)|autoindex", used), sql
    assert [line for line in lines if "ix_follow_ups_open" in line]


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 11, 23, 1, 15, tzinfo=UTC),
        datetime(2026, 11, 23, 1, 15, 7, 123, tzinfo=UTC),
        datetime(1969, 7, 20, 20, 17, 40, 500000, tzinfo=UTC),
        datetime(2099, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    ],
)
def test_a_marked_moment_reads_back_the_domain_key(ws: Workspace, moment: datetime) -> None:
    key = f"at:{moment.isoformat()}"  # domain.followup_time.reminder's key of a moment
    with ws.store.read() as session:
        assert session.scalar(select(marked_moment(f"'{key}'"))) == micros(moment)
        assert session.scalar(select(marked_moment("'day:2026-11-23'"))) is None
        # Both ways of reading the seconds (unixepoch() from SQLite 3.38, else strftime) agree.
        seconds = session.connection().exec_driver_sql(
            "SELECT CAST(strftime('%s', ?) AS INTEGER)", (key[3:22],)
        )
        assert seconds.scalar_one() == micros(moment) // 1_000_000
        if sqlite3.sqlite_version_info >= (3, 38):
            epoch = session.connection().exec_driver_sql("SELECT unixepoch(?)", (key[3:22],))
            assert epoch.scalar_one() == micros(moment) // 1_000_000


def test_the_badge_count_is_read_again_after_a_write_or_on_a_new_day(
    ws: Workspace, clock: FixedClock
) -> None:
    person = ws.people.save(drafts.person("王芳")).ids[0]
    counter = ws.reads.reminders
    ws.followups.plan(FollowUpDraft(subject="today", due_on=MONDAY, person_id=person))
    tomorrow = MONDAY + timedelta(days=1)
    ws.followups.plan(FollowUpDraft(subject="tomorrow", due_on=tomorrow, person_id=person))
    assert counter.due_count() == 1
    assert counter.due_count() == 1  # unchanged file, same day: not read again
    ws.followups.plan(
        FollowUpDraft(subject="late", due_on=MONDAY, due_time=time(23), person_id=person)
    )
    assert counter.due_count() == 2  # written since: read again
    clock.moment = moment_of(tomorrow, time(0, 30), SHANGHAI)
    assert counter.due_count() == 3  # a new local day: tomorrow's is due today now
