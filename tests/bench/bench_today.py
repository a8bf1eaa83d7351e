"""Today's lists on 100,000 contacts, 200,000 activities and 20,000 open follow-ups.

``python -m tests.bench today``. The workspace is the shared 100,000-contact demo
(``bench_startup.ensure_workspace``) copied and grown: activities up to 200,000, open follow-ups
up to 20,000 (two in three timed, due from two months back to two months ahead) beside 10,000
done ones, birthdays on a fifth of the people, rotting days on every open stage and pool return
rules. ``TodayService.lists`` is timed through the app's reader, first and warm, and each list
alone (in one read, as ``lists`` reads them).
"""

from __future__ import annotations

import random
import shutil
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from datetime import time as wall_time
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.contracts.summaries import overdue_instalments
from desktop_crm.services.followups.queries import follow_up_rows
from desktop_crm.services.pool.queries import returning_soon
from desktop_crm.services.today import lists as today_lists
from desktop_crm.services.today.birthdays import birthdays
from desktop_crm.services.today.stale import stale_customers, stale_deals
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store.models import Activity, FollowUp, Person, Stage
from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of

ACTIVITIES = 200_000
OPEN_FOLLOW_UPS = 20_000
DONE_FOLLOW_UPS = 10_000
CHUNK = 20_000
RUNS = 9
GOAL_MS = 150
ZONE = "Asia/Shanghai"


def ensure_today(workdir: Path) -> Path:
    """The grown workspace (made once, then kept)."""
    path = workdir / "today-100k.crm"
    if path.exists():
        return path
    making = workdir / "today-100k.making.crm"
    making.unlink(missing_ok=True)
    shutil.copyfile(ensure_workspace(workdir), making)
    ws = open_workspace(making)
    try:
        _grow(ws)
    finally:
        ws.close(backup_if_changed=False)
    making.rename(path)
    return path


def _grow(ws: Any) -> None:
    rnd = random.Random(12)
    now = datetime.now(UTC)
    zone = FixedClock(now, ZONE).zone()
    today = now.astimezone(zone).date()
    with ws.store.read() as session:
        people = session.execute(select(Person.id, Person.company_id)).all()
        activities = session.scalar(select(text("count(*)")).select_from(Activity)) or 0
        planned = session.scalar(
            select(text("count(*)")).select_from(FollowUp).where(FollowUp.status == "planned")
        )
    kinds = ("call", "meeting", "visit", "email", "message", "note")
    label = op_label(LabelCode.DEMO)
    with ws.store.unit_of_work(label, "demo", bulk=True) as (session, rec):
        for start in range(activities, ACTIVITIES, CHUNK):
            rec.bulk_insert(
                session,
                Activity,
                [
                    {
                        "kind": rnd.choice(kinds),
                        "subject": "回访",
                        "occurred_at": now - timedelta(minutes=rnd.randrange(525_600)),
                        "person_id": pid,
                        "company_id": cid,
                        "user_id": ws.store.actor_id,
                    }
                    for pid, cid in (
                        rnd.choice(people) for _ in range(min(CHUNK, ACTIVITIES - start))
                    )
                ],
            )
        rows = []
        for n in range(OPEN_FOLLOW_UPS - int(planned or 0) + DONE_FOLLOW_UPS):
            pid, cid = rnd.choice(people)
            due_on = today + timedelta(days=rnd.randint(-60, 60))
            timed = n % 3 != 0
            rows.append(
                {
                    "kind": "call",
                    "subject": "跟进报价",
                    "due_on": due_on,
                    "due_at": moment_of(due_on, wall_time(9 + n % 9, 15 * (n % 4)), zone)
                    if timed
                    else None,
                    "due_zone": ZONE if timed else None,
                    "status": "done" if n < DONE_FOLLOW_UPS else "planned",
                    "person_id": pid,
                    "company_id": cid,
                    "owner_id": ws.store.actor_id,
                }
            )
        for start in range(0, len(rows), CHUNK):
            rec.bulk_insert(session, FollowUp, rows[start : start + CHUNK])
        # A fifth of the people get a birthday, spread over the year (every week has some).
        session.execute(
            text(
                "UPDATE people SET birthday = date('1960-01-01', '+' || "
                "(abs(random()) % 15000) || ' days') WHERE abs(random()) % 5 = 0"
            )
        )
        for days, stage in zip(
            (7, 14, 21, 30, 45),
            session.scalars(select(Stage).where(Stage.kind == "open").order_by(Stage.position)),
            strict=False,
        ):
            stage.rotting_days = days
    ws.settings.update(
        {
            "pool.rules": [{"level": "A", "days": 60}, {"status": "lead", "days": 30}],
            "pool.warn_days": 3,
        }
    )


def _ms(work: Callable[[], object], runs: int = RUNS) -> tuple[float, str]:
    """The median wall time in ms, described with its spread and the median CPU time.

    The CPU time is this process's: on a busy machine the wall time also counts the wait for
    a core, which it does not.
    """
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    value, spread = median_of(times)
    return value, f"{spread}, CPU {statistics.median(cpu):.1f} ms"


def run(workdir: Path) -> list[Figure]:
    """Time ``TodayService.lists`` through the app's reader, then each list alone."""
    started = time.perf_counter()
    path = ensure_today(workdir)
    made = time.perf_counter() - started
    clock = FixedClock(datetime.now(UTC), ZONE)
    ws = open_workspace(path, clock)
    try:
        reads = ws.reads.today
        cold_start = time.perf_counter()
        lists = reads.lists()
        cold = (time.perf_counter() - cold_start) * 1000
        warm, spread = _ms(reads.lists)
        sizes = (
            f"overdue {lists.overdue.total}, today {lists.due_today.total}, next 7 days "
            f"{lists.next_7_days.total}, stale customers {lists.stale_customers.total}, stale "
            f"deals {lists.stale_deals.total}, pool {len(lists.returning_to_pool)}, "
            f"instalments {len(lists.overdue_instalments)}, birthdays {lists.birthdays.total}"
        )
        now, zone = clock.now(), clock.zone()
        today = now.astimezone(zone).date()
        parts: dict[str, Callable[[Any], object]] = {
            "follow-ups (3 lists + counts)": lambda s: _follow_ups(s, now, zone),
            "stale customers": lambda s: stale_customers(s, now, zone, 200),
            "stale deals": lambda s: stale_deals(s, now, zone, 200),
            "returning to the pool": lambda s: returning_soon(s, now, zone),
            "overdue instalments": lambda s: overdue_instalments(s, today),
            "birthdays": lambda s: birthdays(s, today, 200),
        }
        part_figures = []
        with ws.store.read() as session:
            for name, part in parts.items():
                value, part_spread = _ms(lambda p=part: p(session))  # type: ignore[misc]
                part_figures.append(Figure(f"today (100k): {name}", value, "ms", None, part_spread))
    finally:
        ws.close(backup_if_changed=False)
    return [
        Figure("today (100k): lists, first time", cold, "ms", GOAL_MS, sizes),
        Figure("today (100k): lists", warm, "ms", GOAL_MS, spread),
        *part_figures,
        Figure("today (100k): making the workspace", made, "s", detail="kept for later runs"),
    ]


def _follow_ups(session: Any, now: datetime, zone: Any) -> None:
    found = today_lists.windows(now, zone)
    counts = today_lists.follow_up_counts(session, found)
    windows = (found.overdue, found.due_today, found.next_days)
    for window, total in zip(windows, counts, strict=True):
        if total:
            follow_up_rows(session, *today_lists.planned(), window, now=now, zone=zone, limit=200)
