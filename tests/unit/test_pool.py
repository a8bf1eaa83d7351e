"""The lead pool (公海): claims, releases, return rules, warnings and recycle runs.

Real workspace files and a clock the tests move. Records are stamped with the real moment they
are written (the change log's own clock), so the test clock starts at the real moment too and
every rule is checked against moments the tests set: claims (the clock's moment) and logged
contacts (given moments).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import english
from desktop_crm.domain.pool_rules import ReturnRule, clock_start, return_day, rule_for
from desktop_crm.domain.vocab import ActivityKind, ContactStatus, Level, PoolEvent
from desktop_crm.services.contacts.users import add_users
from desktop_crm.services.pool.queries import returning_soon
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.changelog import bulk_ids
from desktop_crm.store.models import Activity, Change, Company, Person, User
from desktop_crm.store.types import id_bytes
from desktop_crm.store.values import to_json
from tests import drafts

SHANGHAI = ZoneInfo("Asia/Shanghai")


def noon_today() -> datetime:
    """Today's local noon in Shanghai, as UTC: far from midnight, whenever the tests run."""
    day = datetime.now(SHANGHAI).date()
    return datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI).astimezone(UTC)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(noon_today(), "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, "zh", clock)
    yield handle
    handle.close(backup_if_changed=False)


def add_person(ws: Workspace, name: str, **fields: object) -> str:
    """A person saved by the editor's service (the local user holds them, as new records)."""
    return ws.people.save(drafts.person(name, **fields)).ids[0]


def add_company(ws: Workspace, name: str, **fields: object) -> str:
    return ws.people.save_company(drafts.company(name, **fields)).ids[0]


def pooled(ws: Workspace, name: str, **fields: object) -> str:
    """A person in the pool: saved, then released."""
    pid = add_person(ws, name, **fields)
    ws.pool.release("person", pid)
    return pid


def other_user(ws: Workspace, name: str = "王经理") -> str:
    with ws.store.unit_of_work("add a user") as (session, rec):
        return add_users(session, rec, [name])[name]


def stored(ws: Workspace, model: type[Person] | type[Company], rid: str) -> Person | Company:
    with ws.store.read() as session:
        row = session.get(model, rid)
        assert row is not None
        return row


def pool_rows(ws: Workspace, rid: str) -> list[tuple[str, str | None]]:
    """The record's pool events on the timeline: (kind, body), oldest first."""
    with ws.store.read() as session:
        return [
            (a.kind, a.body)
            for a in session.scalars(
                select(Activity)
                .where(
                    (Activity.person_id == rid) | (Activity.company_id == rid),
                    Activity.kind.in_([e.value for e in PoolEvent]),
                    Activity.deleted_at.is_(None),
                )
                .order_by(Activity.occurred_at, Activity.id)
            )
        ]


def set_rules(ws: Workspace, *rules: dict[str, object], warn: int = 3, cap: int = 0) -> None:
    ws.settings.update({"pool.rules": list(rules), "pool.warn_days": warn, "pool.cap": cap})


# --- the pure rules ---------------------------------------------------------------------------


def test_a_level_rule_wins_over_a_status_rule_and_the_first_of_a_kind_wins():
    rules = [
        ReturnRule.of({"status": "lead", "days": 10}),
        ReturnRule.of({"level": "A", "days": 3}),
        ReturnRule.of({"level": "A", "days": 99}),
    ]
    assert rule_for("A", "lead", rules) == rules[1]
    assert rule_for("B", "lead", rules) == rules[0]
    assert rule_for(None, "customer", rules) is None
    with pytest.raises(ValueError):
        ReturnRule.of({"level": "A", "status": "lead", "days": 3})
    with pytest.raises(ValueError):
        ReturnRule.of({"level": "A", "days": 0})


def test_the_clock_starts_at_the_later_of_contact_and_claim_else_at_creation():
    made, claimed, contacted = (datetime(2026, 1, d, 4, tzinfo=UTC) for d in (1, 5, 9))
    assert clock_start(contacted, claimed, made) == contacted
    assert clock_start(made, claimed, made) == claimed
    assert clock_start(None, None, made) == made
    # 2026-01-09 04:00 UTC is noon in Shanghai, and 23:00 of the 8th in New York.
    rule = ReturnRule(2, level="A")
    assert return_day(contacted, rule, SHANGHAI) == date(2026, 1, 11)
    assert return_day(contacted, rule, ZoneInfo("America/New_York")) == date(2026, 1, 10)


# --- claiming and releasing -------------------------------------------------------------------


def test_release_and_claim_change_the_owner_and_leave_timeline_rows_not_contacts(ws, clock):
    pid = add_person(ws, "张伟", phones=[("手机", "138 0013 8000")], level=Level.B)
    actor = ws.store.actor_id
    assert stored(ws, Person, pid).owner_id == actor and ws.pool.count() == 0

    released = ws.pool.release("person", pid)
    assert released.operation_id and released.ids == (pid,) and "people" in released.entities
    assert stored(ws, Person, pid).owner_id is None
    [record] = ws.pool.records()
    assert (record.kind, record.id, record.name, record.level) == ("person", pid, "张伟", "B")
    assert record.phone == "138 0013 8000" and record.returned_at == clock.now()

    clock.advance(timedelta(hours=2))
    claimed = ws.pool.claim("person", pid)
    person = stored(ws, Person, pid)
    assert (person.owner_id, person.claimed_at) == (actor, clock.now())
    assert person.last_contacted_at is None  # pool events are no contact
    assert ws.pool.records() == [] and ws.pool.count() == 0
    assert pool_rows(ws, pid) == [("released", None), ("claimed", None)]
    subkinds = [i.subkind for i in ws.cards.card("person", pid).timeline if i.kind == "activity"]
    assert set(subkinds) == {"claimed", "released"}
    with ws.store.read() as session:
        label = session.scalars(
            select(Change.operation_id).where(Change.entity_id == pid).order_by(Change.seq.desc())
        ).first()
    assert label == claimed.operation_id
    assert english(ws.history.recent(1)[0].label) == "Claim 张伟"

    ws.history.undo(claimed.operation_id)  # one operation: owner, claim moment and row go
    person = stored(ws, Person, pid)
    assert (person.owner_id, person.claimed_at) == (None, None)
    assert pool_rows(ws, pid) == [("released", None)]


def test_a_record_someone_else_holds_cannot_be_claimed(ws):
    boss = other_user(ws)
    pid = add_person(ws, "李娜", owner_id=boss)
    with pytest.raises(ValidationError) as refused:
        ws.pool.claim("person", pid)
    assert refused.value.params["field"] == "owner_id" and "王经理" in refused.value.message
    assert stored(ws, Person, pid).owner_id == boss
    # Claiming what one holds already changes nothing.
    mine = add_person(ws, "赵敏")
    assert ws.pool.claim("person", mine).operation_id is None
    with pytest.raises(ValidationError):
        ws.pool.release("person", pooled(ws, "周杰"))  # in the pool already
    with pytest.raises(NotFoundError):
        ws.pool.claim("person", "01900000-0000-7000-8000-000000000000")
    with pytest.raises(ValidationError):
        ws.pool.claim("deal", pid)  # type: ignore[arg-type]


def test_the_cap_refuses_a_claim_past_it(ws):
    first, second, third = (pooled(ws, n) for n in ("甲", "乙", "丙"))
    add_person(ws, "丁")  # held since creation: counts toward the cap
    set_rules(ws, cap=2)
    assert ws.pool.held() == 1
    ws.pool.claim("person", first)
    with pytest.raises(ValidationError) as refused:
        ws.pool.claim("person", second)
    assert refused.value.params["field"] == "pool.cap"
    assert stored(ws, Person, second).owner_id is None and ws.pool.held() == 2
    ws.pool.release("person", first)
    ws.pool.claim("person", third)  # room again
    set_rules(ws, cap=0)  # no limit
    ws.pool.claim("person", second)
    assert ws.pool.held() == 3


def test_companies_are_pooled_and_claimed_too(ws):
    cid = add_company(ws, "云启科技", level=Level.A)
    pid = pooled(ws, "韩梅梅", company_name="云启科技")
    ws.pool.release("company", cid)
    records = ws.pool.records()
    assert [(r.kind, r.id) for r in records] == [("company", cid), ("person", pid)]  # newest
    assert records[1].company == "云启科技"
    assert [r.id for r in ws.pool.records(kind="company")] == [cid]
    assert ws.pool.count(kind="person") == 1
    assert [r.id for r in ws.pool.records(text="hanmeimei")] == [pid]  # pinyin finds it
    assert [r.id for r in ws.pool.records(limit=1, offset=1)] == [pid]
    ws.pool.claim("company", cid)
    assert pool_rows(ws, cid) == [("released", None), ("claimed", None)]
    assert [r.id for r in ws.pool.records()] == [pid]


# --- return days and warnings -----------------------------------------------------------------


def test_return_day_counts_from_the_claim_or_a_later_contact(ws, clock):
    set_rules(ws, {"level": "A", "days": 5})
    by_claim = pooled(ws, "客户甲", level=Level.A)
    by_contact = pooled(ws, "客户乙", level=Level.A)
    ws.pool.claim("person", by_claim)
    ws.pool.claim("person", by_contact)
    # A contact logged before the claim does not move the clock; one after it does.
    ws.cards.log_activity(
        "person", by_claim, ActivityKind.CALL, occurred_at=clock.now() - timedelta(days=9)
    )
    ws.cards.log_activity(
        "person", by_contact, ActivityKind.CALL, occurred_at=clock.now() + timedelta(days=2)
    )
    clock.advance(timedelta(days=4, hours=11))  # 23:00 local, four days on: nothing due
    assert ws.pool.recycle(dry_run=True).returned == ()
    clock.advance(timedelta(hours=1, minutes=1))  # 00:01 of the fifth day
    assert [r.id for r in ws.pool.recycle(dry_run=True).returned] == [by_claim]
    clock.advance(timedelta(days=2))
    assert {r.id for r in ws.pool.recycle(dry_run=True).returned} == {by_claim, by_contact}


def test_return_day_counts_from_creation_when_never_claimed_nor_contacted(ws, clock):
    set_rules(ws, {"status": "customer", "days": 3})
    pid = add_person(ws, "老客户", status=ContactStatus.CUSTOMER)
    made = stored(ws, Person, pid).created_at
    due = made.astimezone(SHANGHAI).date() + timedelta(days=3)
    clock.moment = datetime(due.year, due.month, due.day, tzinfo=SHANGHAI) - timedelta(minutes=1)
    assert ws.pool.recycle(dry_run=True).returned == ()
    clock.advance(timedelta(minutes=2))
    assert [r.id for r in ws.pool.recycle(dry_run=True).returned] == [pid]


def test_rules_by_level_and_status_with_the_level_winning(ws, clock):
    set_rules(ws, {"status": "lead", "days": 10}, {"level": "A", "days": 3})
    level_a = pooled(ws, "A级线索", level=Level.A)
    level_b = pooled(ws, "B级线索", level=Level.B)
    customer = pooled(ws, "无规则客户", status=ContactStatus.CUSTOMER)
    for pid in (level_a, level_b, customer):
        ws.pool.claim("person", pid)
    clock.advance(timedelta(days=3))
    due = ws.pool.recycle(dry_run=True).returned
    assert [(r.id, r.rule_days) for r in due] == [(level_a, 3)]
    clock.advance(timedelta(days=7))
    due = ws.pool.recycle(dry_run=True).returned
    assert {(r.id, r.rule_days) for r in due} == {(level_a, 3), (level_b, 10)}
    clock.advance(timedelta(days=3650))
    assert customer not in {r.id for r in ws.pool.recycle(dry_run=True).returned}


def test_the_warning_window_and_its_order(ws, clock):
    set_rules(ws, {"level": "A", "days": 10}, {"level": "B", "days": 12}, warn=3)
    a = pooled(ws, "甲公司联系人", level=Level.A)
    b = pooled(ws, "乙公司联系人", level=Level.B)
    ws.pool.claim("person", a)
    ws.pool.claim("person", b)
    start = clock.now()

    def warnings(days: int) -> list[tuple[str, int]]:
        with ws.store.read() as session:
            found = returning_soon(session, start + timedelta(days=days), SHANGHAI)
        return [(w.id, w.days_left) for w in found]

    assert warnings(6) == []
    assert warnings(7) == [(a, 3)]
    assert warnings(9) == [(a, 1), (b, 3)]  # soonest first
    assert warnings(10) == [(a, 0), (b, 2)]
    # Due, not yet returned: returning today, both (then by name: 乙 sorts before 甲).
    assert warnings(15) == [(b, 0), (a, 0)]
    with ws.store.read() as session:
        [first] = returning_soon(session, start + timedelta(days=9), SHANGHAI, limit=1)
    today = (start + timedelta(days=9)).astimezone(SHANGHAI).date()
    assert (first.kind, first.name, first.returns_on) == (
        "person",
        "甲公司联系人",
        today + timedelta(days=1),
    )
    with ws.store.read() as session:
        me = session.scalar(select(User.name).where(User.id == ws.store.actor_id))
    assert first.owner == me
    set_rules(ws, {"level": "A", "days": 10}, warn=0)
    assert warnings(9) == []
    assert warnings(10) == [(a, 0)]


def test_local_days_hold_across_a_dst_change(ws_path):
    """Claimed at 23:30 the evening before Berlin's clocks go forward: due from 00:00 next day."""
    berlin = ZoneInfo("Europe/Berlin")
    clock = FixedClock(datetime(2027, 3, 27, 23, 30, tzinfo=berlin), "Europe/Berlin")
    ws = create_workspace(ws_path, "en", clock)
    try:
        set_rules(ws, {"level": "C", "days": 1}, warn=1)
        pid = pooled(ws, "Anna Schmidt", level=Level.C)
        ws.pool.claim("person", pid)
        clock.moment = datetime(2027, 3, 27, 23, 59, tzinfo=berlin)
        assert ws.pool.recycle(dry_run=True).returned == ()
        with ws.store.read() as session:
            [warning] = returning_soon(session, clock.now(), berlin)
        assert (warning.returns_on, warning.days_left) == (date(2027, 3, 28), 1)
        clock.moment = datetime(2027, 3, 28, 0, 1, tzinfo=berlin)
        assert [r.id for r in ws.pool.recycle(dry_run=True).returned] == [pid]
    finally:
        ws.close(backup_if_changed=False)


# --- recycle runs -----------------------------------------------------------------------------


def test_a_recycle_run_returns_exactly_the_due_records_as_one_undoable_operation(ws, clock):
    set_rules(ws, {"level": "A", "days": 7}, {"status": "prospect", "days": 14})
    boss = other_user(ws)
    actor = ws.store.actor_id
    due_mine = pooled(ws, "到期甲", level=Level.A)
    due_boss = add_person(ws, "到期乙", level=Level.A, owner_id=boss)
    due_company = add_company(ws, "到期公司", status=ContactStatus.PROSPECT)
    fresh = pooled(ws, "刚联系", level=Level.A)
    never = add_person(ws, "无规则")
    in_pool = pooled(ws, "池中", level=Level.A)
    ws.pool.release("company", due_company)
    for kind, rid in (("person", due_mine), ("company", due_company), ("person", fresh)):
        ws.pool.claim(kind, rid)  # type: ignore[arg-type]
    claimed_at = stored(ws, Person, due_mine).claimed_at
    assert claimed_at is not None
    clock.advance(timedelta(days=12))
    ws.cards.log_activity("person", fresh, ActivityKind.VISIT, occurred_at=clock.now())
    clock.advance(timedelta(days=3))  # 李 held since creation, 15 days ago: due too
    before = {
        rid: (stored(ws, m, rid).owner_id, stored(ws, m, rid).claimed_at)
        for m, rid in ((Person, due_mine), (Person, due_boss), (Company, due_company))
    }

    run = ws.pool.recycle()
    returned = {(r.kind, r.id): r for r in run.returned}
    assert set(returned) == {("person", due_mine), ("person", due_boss), ("company", due_company)}
    assert returned[("person", due_boss)].owner == "王经理"
    assert returned[("person", due_mine)].rule_days == 7
    assert returned[("company", due_company)].rule_days == 14
    assert run.operation_id is not None
    [op] = ws.history.recent(1)
    assert op.id == run.operation_id
    assert english(op.label) == "Returned 3 records to the pool"
    for model, rid in ((Person, due_mine), (Person, due_boss), (Company, due_company)):
        row = stored(ws, model, rid)
        assert (row.owner_id, row.claimed_at) == (None, None)
    assert pool_rows(ws, due_mine)[-1] == ("returned", "7")
    assert pool_rows(ws, due_company)[-1] == ("returned", "14")
    assert stored(ws, Person, fresh).owner_id == actor
    assert stored(ws, Person, never).owner_id == actor
    assert {r.id for r in ws.pool.records()} == {due_mine, due_boss, due_company, in_pool}
    newest = ws.pool.records()[0]
    assert newest.returned_at == clock.now() and newest.id in {due_mine, due_boss, due_company}
    with ws.store.read() as session:
        # The change log holds what an edit of the same fields logs.
        logged = {
            c.entity_id: c.values
            for c in session.scalars(
                select(Change).where(
                    Change.operation_id == run.operation_id, Change.action == "update"
                )
            )
        }
        created = [
            i
            for c in session.scalars(
                select(Change).where(
                    Change.operation_id == run.operation_id, Change.action == "bulkcreate"
                )
            )
            for i in bulk_ids(c.values)
        ]
        owners_in_docs = (
            session.connection()
            .exec_driver_sql(
                "SELECT count(*) FROM search_docs "
                "WHERE owner_id IS NOT NULL AND record_id IN (?, ?, ?)",
                (id_bytes(due_mine), id_bytes(due_boss), id_bytes(due_company)),
            )
            .scalar_one()
        )
    assert logged[due_mine] == {
        "owner_id": [actor, None],
        "claimed_at": [to_json(claimed_at), None],
    }
    assert logged[due_boss] == {"owner_id": [boss, None]}  # never claimed: no claim moment
    assert len(created) == 3 and owners_in_docs == 0
    assert stored(ws, Person, due_mine).last_contacted_at is None  # a return is no contact

    again = ws.pool.recycle()  # nothing left that is due
    assert again.returned == () and again.operation_id is None

    ws.history.undo(run.operation_id)
    assert {
        rid: (stored(ws, m, rid).owner_id, stored(ws, m, rid).claimed_at)
        for m, rid in ((Person, due_mine), (Person, due_boss), (Company, due_company))
    } == before
    assert pool_rows(ws, due_mine)[-1] == ("claimed", None)
    assert {r.id for r in ws.pool.records()} == {in_pool}
    ws.history.redo(run.operation_id)
    assert stored(ws, Person, due_boss).owner_id is None
    assert pool_rows(ws, due_boss) == [("returned", "7")]


def test_a_dry_run_changes_nothing_and_no_rules_return_nothing(ws, ws_path, clock):
    pid = add_person(ws, "干跑", level=Level.A)
    clock.advance(timedelta(days=400))
    assert ws.pool.recycle() == ws.pool.recycle(dry_run=True)  # no rules: nothing at all
    set_rules(ws, {"level": "A", "days": 1})
    ops = len(ws.history.recent(50))
    size = sqlite3.connect(ws_path).execute("SELECT count(*) FROM change_log").fetchone()[0]
    dry = ws.pool.recycle(dry_run=True)
    assert [r.id for r in dry.returned] == [pid] and dry.operation_id is None
    assert dry.returned[0].owner and dry.returned[0].rule_days == 1
    assert stored(ws, Person, pid).owner_id == ws.store.actor_id
    assert len(ws.history.recent(50)) == ops
    with sqlite3.connect(ws_path) as con:
        assert con.execute("SELECT count(*) FROM change_log").fetchone()[0] == size
        tables = con.execute("SELECT name FROM sqlite_temp_master").fetchall()
    assert tables == []
    assert [r.id for r in ws.pool.recycle().returned] == [pid]


def test_pool_activities_never_count_as_contact(ws, clock):
    set_rules(ws, {"level": "A", "days": 2})
    pid = pooled(ws, "只领取", level=Level.A)
    contacted = add_person(ws, "有联系", level=Level.A)
    when = clock.now() - timedelta(hours=1)
    ws.cards.log_activity("person", contacted, ActivityKind.CALL, occurred_at=when)
    ws.pool.claim("person", pid)
    ws.pool.release("person", contacted)
    ws.pool.claim("person", contacted)
    clock.advance(timedelta(days=2))
    returned = {r.id: r for r in ws.pool.recycle().returned}
    assert set(returned) == {pid, contacted}
    assert returned[pid].last_contacted_at is None
    assert returned[contacted].last_contacted_at == when
    assert stored(ws, Person, pid).last_contacted_at is None
    assert stored(ws, Person, contacted).last_contacted_at == when
    [record] = [r for r in ws.pool.records() if r.id == contacted]
    assert record.last_contacted_at == when


def test_a_runs_records_read_like_a_tuple(ws, clock):
    set_rules(ws, {"level": "B", "days": 1})
    ids = [pooled(ws, f"客户{n}", level=Level.B) for n in range(3)]
    for pid in ids:
        ws.pool.claim("person", pid)
        clock.advance(timedelta(microseconds=123_457))  # claim moments to the microsecond
    clock.advance(timedelta(days=1))
    dry = ws.pool.recycle(dry_run=True).returned
    assert len(dry) == 3 and [r.id for r in dry] == ids  # stored order
    assert dry[-1] == dry[2] and dry[0:2] == (dry[0], dry[1]) and dry == tuple(dry)
    assert dry != tuple(dry)[:2] and dry != "abc"
    with pytest.raises(IndexError):
        dry[3]
    claims = [stored(ws, Person, pid).claimed_at for pid in ids]
    run = ws.pool.recycle()
    assert run.returned == dry  # the same records, returned now
    ws.history.undo(run.operation_id)
    assert [stored(ws, Person, pid).claimed_at for pid in ids] == claims  # exact, to the µs
