"""The kanban board with 10,000 open deals read, shown and painted.

Goal: 300 ms from asking for the board to the view painted with it (issue 13). The workspace is
``bench_board``'s (10,000 open deals over four stages, 40,000 closed, 2,000 companies), made in
a temporary folder. One measure is what the Pipeline screen does on a change: the board read on
the workspace's read connection, the columns filled, the whole board painted
(``QWidget.grab``).

Run it alone (it is not in the default test paths)::

    QT_QPA_PLATFORM=offscreen uv run pytest -q -p no:cacheprovider -s \\
        tests/bench/test_board_paint_bench.py
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.workspace.handle import create_workspace
from tests.bench.bench_board import NOW, _seed
from tests.bench.figures import Figure, median_of

GOAL_MS = 300
RUNS = 9
SIZE = (1180, 740)


def run(workdir: Path) -> list[Figure]:
    """First time, then warm (median of nine), and the parts."""
    from PySide6.QtWidgets import QApplication

    from ui.pipeline.board_view import BoardView

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    path = workdir / "bench-board-paint.crm"
    ws = create_workspace(path, "zh", clock=FixedClock(NOW))
    try:
        _seed(ws)
        pipeline_id = ws.pipelines.default().id

        def lines(card: Any) -> tuple[str, str, str]:
            return (
                card.customer,
                f"¥{card.amount:,} · {card.expected_close}",
                f"{card.days_in_stage} d",
            )

        def heading(column: Any) -> tuple[str, str]:
            return f"{column.name} · {column.count}", f"¥{column.total:,} · ¥{column.weighted:,}"

        view = BoardView(lines, heading, ("Won", "Lost"))
        view.resize(*SIZE)
        view.show()
        qapp.processEvents()
        walls: list[float] = []
        cpus: list[float] = []
        for _ in range(RUNS + 1):
            start, cpu = time.perf_counter(), time.process_time()
            view.show_board(ws.reads.deals.board(pipeline_id), ("Won", "Lost"))
            view.grab()
            walls.append((time.perf_counter() - start) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
            qapp.processEvents()
        board = ws.reads.deals.board(pipeline_id)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            view.show_board(board, ("Won", "Lost"))
            view.grab()
            times.append((time.perf_counter() - start) * 1000)
        cards = sum(len(c.cards) for c in board.columns)
        view.close()
    finally:
        ws.close(backup_if_changed=False)
    value, spread = median_of(walls[1:])
    return [
        Figure(
            f"board ({cards:,} open cards): read, shown, painted, first", walls[0], "ms", GOAL_MS
        ),
        Figure(
            f"board ({cards:,} open cards): read, shown, painted",
            value,
            "ms",
            GOAL_MS,
            f"{spread}, CPU {statistics.median(cpus[1:]):.1f} ms",
        ),
        Figure("board: shown and painted (no read)", statistics.median(times), "ms"),
    ]


@pytest.fixture(scope="module")
def figures(qapp: Any) -> Iterator[list[Figure]]:
    with tempfile.TemporaryDirectory() as folder:
        found = run(Path(folder))
    for figure in found:
        print("  " + figure.line())
    yield found


def test_the_board_is_read_and_painted_within_300_ms(figures: list[Figure]) -> None:
    assert figures[1].value <= GOAL_MS, "\n".join(figure.line() for figure in figures)
