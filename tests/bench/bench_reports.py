"""Every sales report over 100,000 deals with their stage histories (goal ≤ 300 ms each).

The deals are written straight into a new workspace with SQL (a bench fixture, not a write
path): six owners, three currencies, made over two years, each moved through one to six
stages (some skipped, some backwards), about a third won or lost. Each report runs over every
deal (no period) and over the last year, five times; the median is the figure.
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.ids import new_id
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.types import id_bytes, micros
from tests.bench.figures import Figure, median_of

DEALS = 100_000
RUNS = 5
GOAL_MS = 300
NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


def _uid() -> bytes | str:
    """A time-ordered id as the store keeps it (UUIDv7: rows made together sit together)."""
    return id_bytes(new_id())


def _fill(path: Path) -> None:
    """Write the deals, their stage changes and six owners."""
    rnd = random.Random(13)
    con = sqlite3.connect(path)
    pipeline = con.execute("SELECT id FROM pipelines WHERE is_default").fetchone()[0]
    stages = con.execute(
        "SELECT id, kind FROM stages WHERE pipeline_id = ? ORDER BY position", (pipeline,)
    ).fetchall()
    opens = [sid for sid, kind in stages if kind == "open"]
    won = next(sid for sid, kind in stages if kind == "won")
    lost = next(sid for sid, kind in stages if kind == "lost")
    at = micros(NOW)
    owners = [_uid() for _ in range(6)]
    con.executemany(
        "INSERT INTO users (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [(uid, f"Owner {n}", at, at) for n, uid in enumerate(owners)],
    )
    deals, changes = [], []
    for n in range(DEALS):
        did = _uid()
        made = NOW - timedelta(days=rnd.uniform(0, 730))
        path_ = [opens[0]]
        for _ in range(rnd.randint(0, 4)):
            path_.append(rnd.choice(opens[1:] if rnd.random() < 0.8 else opens))
        outcome = rnd.random()
        status = "won" if outcome < 0.2 else "lost" if outcome < 0.35 else "open"
        if status != "open":
            path_.append(won if status == "won" else lost)
        moment, previous = made, None
        for sid in path_:
            changes.append((did, previous, sid, micros(moment), _uid(), at, at))
            previous = sid
            moment = min(moment + timedelta(days=rnd.uniform(0, 30)), NOW)
        closed = moment.date().isoformat() if status != "open" else None
        deals.append(
            (
                did,
                f"Deal {n}",
                pipeline,
                path_[-1],
                rnd.choice(owners),
                rnd.randrange(1_000, 500_000) * 10_000,
                rnd.choice(("CNY", "CNY", "CNY", "USD", "EUR")),
                (made.date() + timedelta(days=rnd.randint(10, 200))).isoformat(),
                status,
                closed,
                rnd.choice(("price", "timing", "competitor")) if status == "lost" else None,
                rnd.choice((None, "referral", "website", "fair")),
                rnd.choice((10, 25, 50, 75)) if status == "open" else None,
                micros(made),
                at,
            )
        )
    con.executemany(
        "INSERT INTO deals (id, title, pipeline_id, stage_id, owner_id, amount, currency, "
        "expected_close, status, closed_on, lost_reason, source, probability, created_at, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        deals,
    )
    con.executemany(
        "INSERT INTO deal_stage_changes (deal_id, from_stage_id, to_stage_id, moved_at, id, "
        "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        changes,
    )
    con.commit()
    con.execute("ANALYZE")
    con.close()


def _timed_ms(call: Callable[[], Any]) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = call()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def run(workdir: Path) -> list[Figure]:
    """Time each report over 100,000 deals."""
    path = workdir / "bench-reports.crm"
    for stale in workdir.glob("bench-reports.crm*"):
        stale.unlink()
    clock = FixedClock(NOW, "Asia/Shanghai")
    create_workspace(path, clock=clock).close(backup_if_changed=False)
    started = time.perf_counter()
    _fill(path)
    figures = [
        Figure(f"write {DEALS:,} deals with histories (SQL)", time.perf_counter() - started, "s")
    ]
    ws = open_workspace(path, clock)
    try:
        reports = ws.reads.reports  # as the Reports screen reads them
        year = (date(2025, 7, 1), date(2026, 6, 30))
        calls: dict[str, Callable[..., Any]] = {
            "funnel": reports.funnel,
            "forecast": reports.forecast,
            "won-lost": reports.won_lost,
            "win-rate": reports.win_rate,
            "sales": partial(reports.sales, period="quarter"),
            "targets": reports.targets,
        }
        periods: tuple[tuple[str, date | None, date | None], ...] = (
            ("all", None, None),
            ("last year", *year),
        )
        for name, call in calls.items():
            for label, start, end in periods:
                times, _report = _timed_ms(partial(call, start=start, end=end))
                value, spread = median_of(times)
                figures.append(
                    Figure(
                        f"report {name}, {label} ({DEALS:,} deals)", value, "ms", GOAL_MS, spread
                    )
                )
    finally:
        ws.close(backup_if_changed=False)
    for stale in workdir.glob("bench-reports.crm*"):
        stale.unlink()
    return figures
