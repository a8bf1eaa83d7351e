"""The kanban board with 10,000 open deals (and 40,000 closed ones): reads and a drop.

Figures: the whole board read (every column's count, total, weighted total and its cards, two
SQL statements plus the stages), the same with a text filter, on the app's reader, and a
drag-drop committed (a move between columns before a given card: one undoable operation with
its history row). The workspace: 2,000 companies, 10,000 open deals over the four open stages
(each with one to three stage changes), 40,000 won or lost ones; written in bulk through the
store's recorder, as the demo writes.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.deals.dto import BoardFilter
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import Company, Deal, DealStageChange
from tests.bench.figures import Figure, median_of

OPEN_DEALS = 10_000
CLOSED_DEALS = 40_000
COMPANIES = 2_000
RUNS = 7
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)


def _seed(ws: Workspace) -> None:
    """Companies and deals in bulk (one operation), with stage changes."""
    rnd = random.Random(13)
    pipeline = ws.pipelines.default()
    stages = pipeline.stages
    open_stages = [s for s in stages if s.kind == "open"]
    closed = [s for s in stages if s.kind != "open"]
    with ws.store.unit_of_work("bench", "demo", bulk=True) as (session, rec):
        companies = rec.bulk_insert(
            session,
            Company,
            [{"name": f"公司 {i}", "number": f"C{i:05}"} for i in range(COMPANIES)],
        )
        rows: list[dict[str, Any]] = []
        for i in range(OPEN_DEALS + CLOSED_DEALS):
            stage = rnd.choice(open_stages) if i < OPEN_DEALS else rnd.choice(closed)
            rows.append(
                {
                    "number": f"D{i:06}",
                    "title": f"Deal {i}",
                    "pipeline_id": pipeline.id,
                    "stage_id": stage.id,
                    "company_id": rnd.choice(companies),
                    "amount": Decimal(rnd.randint(100, 500_000)),
                    "currency": "CNY" if rnd.random() < 0.95 else "USD",
                    "expected_close": date(2026, 12, 1) + timedelta(days=rnd.randint(0, 180)),
                    "status": "open" if stage.kind == "open" else stage.kind,
                    "probability": stage.probability,
                    "board_rank": float(i) if rnd.random() < 0.5 else None,
                    "lost_reason": "No budget" if stage.kind == "lost" else None,
                }
            )
        ids = rec.bulk_insert(session, Deal, rows)
        changes = [
            {
                "deal_id": deal_id,
                "to_stage_id": row["stage_id"],
                "moved_at": NOW - timedelta(days=rnd.randint(1, 90), hours=step),
            }
            for deal_id, row in zip(ids, rows, strict=True)
            for step in range(rnd.randint(1, 3))
        ]
        rec.bulk_insert(session, DealStageChange, changes)


def _timed(call: Callable[[], Any]) -> tuple[list[float], Any, float]:
    """Wall times of ``RUNS`` calls, the last result, and the median CPU time (the reference
    machine is often busy with other work: CPU time shows what the read itself costs)."""
    walls, cpus, result = [], [], None
    for _ in range(RUNS):
        start, cpu = time.perf_counter(), time.process_time()
        result = call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return walls, result, sorted(cpus)[len(cpus) // 2]


def _figure(name: str, walls: list[float], goal: float | None, cpu: float | None = None) -> Figure:
    value, spread = median_of([w * 1000 for w in walls])
    note = "" if cpu is None else f"; CPU {cpu * 1000:.0f} ms"
    return Figure(name, value, "ms", goal, f"{spread} ms{note}")


def run(workdir: Path) -> list[Figure]:
    """Measure the board of 10,000 open deals."""
    path = workdir / "bench-board.crm"
    for stale in workdir.glob("bench-board.crm*"):
        stale.unlink()
    ws = create_workspace(path, "zh", clock=FixedClock(NOW))
    try:
        _seed(ws)
        pipeline = ws.pipelines.default()
        walls, board, cpu = _timed(lambda: ws.deals.board(pipeline.id))
        cards = sum(len(c.cards) for c in board.columns)
        figures = [_figure(f"board read, {cards:,} open cards", walls, 300, cpu)]
        walls, found, cpu = _timed(lambda: ws.deals.board(pipeline.id, BoardFilter(text="公司 1")))
        hits = sum(len(c.cards) for c in found.columns)
        figures.append(_figure(f"board read, text filter ({hits:,} cards)", walls, 300, cpu))
        walls, _, cpu = _timed(lambda: ws.reads.deals.board(pipeline.id))
        figures.append(_figure("board read on the app's reader", walls, 300, cpu))
        source, target = board.columns[0], board.columns[1]
        drops = []
        for i in range(RUNS):  # each drop a different card, before the target's i-th card
            card, before = source.cards[i], target.cards[i * 7]
            start = time.perf_counter()
            ws.deals.move(card.id, target.stage_id, before_id=before.id)
            drops.append(time.perf_counter() - start)
        figures.append(_figure("a drag-drop committed (move before a card)", drops, 50))
        return figures
    finally:
        ws.close(backup_if_changed=False)
