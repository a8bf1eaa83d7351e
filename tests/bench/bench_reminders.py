"""The reminder check on 100,000 contacts, 200,000 activities and 20,000 open follow-ups.

``python -m tests.bench reminders``. The workspace is ``bench_today``'s (about 10,000 of the
open follow-ups overdue, two in three of them timed), copied so that the marks written here
stay out of it. A check is what the app's timer runs every 20 seconds on its own reader
connection (``Workspace.alarm_reads``): ``ReminderService.due`` then ``due_count``. Figures:

* the first check after opening, before anything was marked shown ("While you were away":
  every overdue reminder is new; no goal, it happens once);
* a check after a write (the app marks what it showed, or anything else was saved): every
  candidate is read again, the marks compared in SQL (goal 10 ms);
* a timer tick on an unchanged file: only reminders whose moment came since the last check
  are read, and the count is the day's (goal 10 ms).

Wall time is the figure; CPU time is in the detail, as the reference machine is often busy with
other work (the wall time also counts the wait for a core, which the CPU time does not).
"""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.workspace.handle import open_workspace
from tests.bench.bench_today import ZONE, ensure_today
from tests.bench.figures import Figure, median_of

RUNS = 15
GOAL_MS = 10


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _figure(name: str, times: list[tuple[float, float]], goal: float | None) -> Figure:
    value, spread = median_of([wall for wall, _cpu in times])
    cpu = statistics.median(cpu for _wall, cpu in times)
    return Figure(name, value, "ms", goal, f"{spread}, CPU {cpu:.1f} ms")


def run(workdir: Path) -> list[Figure]:
    """Time the reminder checks on a copy of the Today workspace."""
    path = workdir / "reminders-100k.crm"
    for old in workdir.glob("reminders-100k.crm*"):
        old.unlink()
    shutil.copyfile(ensure_today(workdir), path)
    clock = FixedClock(datetime.now(UTC), ZONE)
    ws = open_workspace(path, clock)
    try:
        checker = ws.alarm_reads.reminders  # the app's reminder lane and connection

        def check() -> int:
            now = clock.now()
            return len(checker.due(now)) + checker.due_count(now)

        first_times = [_timed(check)]
        shown = checker.due(clock.now())
        marking = _timed(lambda: ws.reminders.mark_shown(shown))
        after_write, ticks = [], []
        for _ in range(RUNS):
            # A write on the writer's connection (the app marking a reminder it showed, as
            # after any check that found one): the next check reads every candidate again.
            ws.reminders.mark_shown(shown[:1])
            clock.advance(timedelta(seconds=20))
            after_write.append(_timed(check))
            clock.advance(timedelta(seconds=20))
            ticks.append(_timed(check))  # nothing written since: the timer's usual check
        left = len(checker.due(clock.now()))
        count = checker.due_count(clock.now())
    finally:
        ws.close(backup_if_changed=False)
        for old in workdir.glob("reminders-100k.crm*"):
            old.unlink()
    return [
        _figure(f"reminders (100k): first check, {len(shown):,} due", first_times, None),
        Figure(
            f"reminders (100k): marking {len(shown):,} shown",
            marking[0],
            "ms",
            detail=f"CPU {marking[1]:.1f} ms",
        ),
        _figure(
            f"reminders (100k): check after a write ({count:,} due or overdue)",
            after_write,
            GOAL_MS,
        ),
        _figure(f"reminders (100k): timer check, nothing written ({left} new)", ticks, GOAL_MS),
    ]
