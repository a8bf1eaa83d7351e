"""The lead pool on 100,000 people and 10,000 companies, every one held: recycle runs.

Figures: a run that returns every held record (the worst case, 110,000), the pool list then
(count and first page), a run that returns the level-A ones (about a sixth), a run with nothing
due (the usual timer tick), the dry run, Today's "returning to the pool soon" query, and undoing
the worst-case run (no goal: undo writes through the ORM, row by row).

Each run works on a fresh copy of the shared demo workspace, with half the people given a
claim moment (so the change log's claim values are written too). Wall time is the figure;
CPU time is in the detail, as the reference machine is often busy with other work.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.pool.queries import returning_soon
from desktop_crm.services.workspace.handle import Workspace, open_workspace
from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of

RUNS = 3
STATUSES = ("lead", "prospect", "customer", "inactive")
GOAL_S = 1.0


def _copy(source: Path, workdir: Path) -> Path:
    """A fresh copy of the demo workspace, half its people claimed a year ago."""
    target = workdir / "bench-pool.crm"
    for stale in workdir.glob("bench-pool.crm*"):
        stale.unlink()
    shutil.copy(source, target)
    with sqlite3.connect(target) as con:
        # A bench fixture, not a write path: the claim moments the run logs and undo restores.
        con.execute(
            "UPDATE people SET claimed_at = created_at - 31536000000000 WHERE rowid % 2 = 0"
        )
    return target


def _timed(call: Callable[[], Any]) -> tuple[float, float, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return time.perf_counter() - wall, time.process_time() - cpu, result


def _run(
    source: Path, workdir: Path, rules: list[dict[str, Any]], days_on: int
) -> tuple[list[float], list[float], int, Workspace | None]:
    """Time ``RUNS`` recycle runs, each on a fresh copy; the last workspace is left open."""
    walls, cpus, count = [], [], 0
    ws: Workspace | None = None
    for n in range(RUNS):
        path = _copy(source, workdir)
        clock = FixedClock(datetime.now(UTC) + timedelta(days=days_on))
        ws = open_workspace(path, clock)
        ws.settings.update({"pool.rules": rules})
        wall, cpu, result = _timed(ws.pool.recycle)
        walls.append(wall)
        cpus.append(cpu)
        count = len(result.returned)
        if n < RUNS - 1:
            ws.close(backup_if_changed=False)
    return walls, cpus, count, ws


def _figure(name: str, walls: list[float], cpus: list[float], goal: float | None) -> Figure:
    wall, spread = median_of(walls)
    return Figure(name, wall, "s", goal, f"{spread}; CPU {sorted(cpus)[len(cpus) // 2]:.3f} s")


def run(workdir: Path) -> list[Figure]:
    """Measure recycle runs on the 100,000-contact demo workspace."""
    figures: list[Figure] = []
    source = ensure_workspace(workdir, figures)
    every = [{"status": s, "days": 30} for s in STATUSES]

    walls, cpus, count, ws = _run(source, workdir, every, 800)
    figures.append(_figure(f"recycle: all {count:,} held records due", walls, cpus, GOAL_S))
    if ws is not None:
        pages = [_timed(lambda: (ws.pool.count(), ws.pool.records())) for _ in range(RUNS)]
        figures.append(
            Figure(
                f"pool: count and first page of {pages[0][2][0]:,}",
                median_of([p[0] * 1000 for p in pages])[0],
                "ms",
                300,
                median_of([p[0] * 1000 for p in pages])[1],
            )
        )
        undo_wall, undo_cpu, _ = _timed(ws.history.undo)
        figures.append(
            Figure(
                f"undo that run ({count:,} records)", undo_wall, "s", None, f"CPU {undo_cpu:.3f} s"
            )
        )
        ws.close(backup_if_changed=False)

    walls, cpus, count, ws = _run(source, workdir, [{"level": "A", "days": 30}], 800)
    figures.append(_figure(f"recycle: {count:,} of 110,000 held due", walls, cpus, GOAL_S))
    if ws is not None:
        ws.close(backup_if_changed=False)

    # The usual tick: rules set, nothing due yet (every clock started within the year).
    walls, cpus, count, ws = _run(source, workdir, [{"level": "C", "days": 3650}], 0)
    figures.append(_figure(f"recycle: {count} of 110,000 held due", walls, cpus, 0.1))
    if ws is not None:
        ws.settings.update({"pool.rules": every})
        ws.clock.advance(timedelta(days=800))  # type: ignore[attr-defined]
        dry = [_timed(lambda: ws.pool.recycle(dry_run=True)) for _ in range(RUNS)]
        figures.append(
            _figure(
                f"recycle --dry-run: {len(dry[0][2].returned):,} due",
                [d[0] for d in dry],
                [d[1] for d in dry],
                GOAL_S,
            )
        )
        ws.settings.update({"pool.rules": [{"level": "A", "days": 30}], "pool.warn_days": 3})
        now, zone = ws.clock.now() - timedelta(days=800 - 400), ws.clock.zone()

        def warnings() -> int:
            with ws.store.read() as session:
                return len(returning_soon(session, now, zone))

        soon = [_timed(warnings) for _ in range(RUNS)]
        figures.append(
            Figure(
                f"returning soon (Today), {soon[0][2]} of 110,000 held",
                median_of([s[0] * 1000 for s in soon])[0],
                "ms",
                50,
                median_of([s[0] * 1000 for s in soon])[1],
            )
        )
        ws.close(backup_if_changed=False)
    for stale in workdir.glob("bench-pool.crm*"):
        stale.unlink()
    return figures
