"""Today computed and painted on 100,000 contacts, 200,000 activities, 20,000 open follow-ups.

Goal: 150 ms from asking for the lists to the screen painted with them. The workspace is
``bench_today``'s (the shared 100,000-contact demo grown to those sizes; made once and kept in
``CRM_BENCH_DIR``, else ``$TMPDIR/crm-bench-today``, since making it takes minutes). One
measure is what the screen does on a change or a minute tick: ``TodayService.lists`` on the
workspace's read connection, the sections built and shown (selection and scroll kept), the
whole view painted (``QWidget.grab``).

Run it alone (it is not in the default test paths)::

    QT_QPA_PLATFORM=offscreen uv run pytest -q -p no:cacheprovider -s \\
        tests/bench/test_today_paint_bench.py

or ``python -m tests.bench.test_today_paint_bench`` for the figures only.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.workspace.handle import Workspace, open_workspace
from tests.bench.bench_today import ZONE, ensure_today
from tests.bench.figures import Figure, median_of

GOAL_MS = 150
RUNS = 9
SIZE = (1180, 740)  # the screenshot's window size: the view fills most of it


def bench_dir() -> Path:
    """Where the big workspace is kept between runs."""
    folder = Path(
        os.environ.get("CRM_BENCH_DIR") or Path(tempfile.gettempdir()) / "crm-bench-today"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _view(qapp: Any) -> Any:
    from ui.today.today_view import TodayView

    view = TodayView()
    view.resize(*SIZE)
    view.show()
    qapp.processEvents()
    return view


def measure(
    ws: Workspace, view: Any, qapp: Any, runs: int = RUNS
) -> tuple[list[float], list[float]]:
    """Each run: the lists computed, shown and painted; wall and CPU times in ms.

    The CPU time is this process's: on a busy machine the wall time also counts the wait for
    a core, which it does not.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        view.show_lists(ws.reads.today.lists())
        view.grab()  # paints the heading, the sections and the visible rows
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        qapp.processEvents()
    return wall, cpu


def _median_ms(work: Any) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(workdir: Path | None = None) -> list[Figure]:
    """The figures: first time, then warm (median and best of nine), and the parts."""
    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    path = ensure_today(workdir or bench_dir())
    ws = open_workspace(path, FixedClock(datetime.now(UTC), ZONE))
    try:
        view = _view(qapp)
        first, _ = measure(ws, view, qapp, runs=1)
        # A row selected in the middle of a list: a reload finds it again and keeps the scroll.
        rows = view.rows("next_7_days")
        if rows:
            view.select(rows[len(rows) // 2].key)
        wall, cpu = measure(ws, view, qapp)
        value, spread = median_of(wall)
        lists = ws.reads.today.lists()
        computed = _median_ms(ws.reads.today.lists)
        shown = _median_ms(lambda: view.show_lists(lists))
        painted = _median_ms(view.grab)
        sizes = ", ".join(f"{s.key} {s.total}" for s in view.model.sections)
        view.close()
    finally:
        ws.close(backup_if_changed=False)
    cpu_text = f"CPU {statistics.median(cpu):.1f} ms"
    return [
        Figure("today (100k): computed and painted, first time", first[0], "ms", GOAL_MS, sizes),
        Figure("today (100k): computed and painted", value, "ms", GOAL_MS, f"{spread}, {cpu_text}"),
        Figure("today (100k): computed and painted, best", min(wall), "ms", GOAL_MS),
        Figure("today (100k): lists computed", computed, "ms"),
        Figure("today (100k): sections shown (model, columns)", shown, "ms"),
        Figure("today (100k): view painted", painted, "ms"),
    ]


@pytest.fixture(scope="module")
def figures(qapp: Any) -> Iterator[list[Figure]]:
    found = run()
    for figure in found:
        print("  " + figure.line())
    yield found


def test_today_is_computed_and_painted_within_150_ms(figures: list[Figure]) -> None:
    # The best of nine runs: the machine's other work only ever adds to a run's time.
    best = figures[2]
    assert best.value <= GOAL_MS, "\n".join(figure.line() for figure in figures)


def test_the_big_workspace_fills_every_follow_up_section(figures: list[Figure]) -> None:
    sizes = dict(part.rsplit(" ", 1) for part in (figures[0].detail or "").split(", "))
    # 20,000 open follow-ups spread over four months: each window holds hundreds or more.
    assert int(sizes["overdue"]) > 1000 and int(sizes["next_7_days"]) > 100
    assert int(sizes["stale_customers"]) > 0 and int(sizes["birthdays"]) > 0


if __name__ == "__main__":
    for figure in run():
        print("  " + figure.line())
