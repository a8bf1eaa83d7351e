"""Opening Reports the first time, plotting library import included (goal ≤ 1.5 s).

Each run is a fresh process, as a user's first click on Reports is: the main window built, a
workspace open on Today (matplotlib not imported yet, which the run checks), then the clock
starts, Reports is chosen, and it stops once the funnel is read on the reader, its table shown
and the window painted with its chart (``QWidget.grab``). Two workspaces: the demo (300
contacts) and ``bench_reports``' 100,000 deals with their stage histories.

Run it on demand (it is not in the default test paths)::

    QT_QPA_PLATFORM=offscreen uv run python -m tests.bench reports_open
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from tests.bench.figures import Figure, median_of

GOAL_S = 1.5
RUNS = 3

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    from ui.main_window import MainWindow
    from ui.worker import DbWorker

    app = QApplication([])
    worker = DbWorker()
    window = MainWindow(worker, QSettings(sys.argv[2], QSettings.Format.IniFormat))
    window.backup_on_close = False
    window.resize(1180, 740)
    window.show()
    opened = []
    window.workspaceOpened.connect(lambda *a: opened.append(1))
    window.open_workspace(Path(sys.argv[1]), "open")
    while not opened or not worker.idle:
        app.processEvents()
    window.show_view("today")
    window.grab()
    imported_before = "matplotlib" in sys.modules
    started, started_cpu = time.perf_counter(), time.process_time()
    window.show_view("reports")
    screen = window.screens["reports"]
    while screen.report is None or not worker.idle:
        app.processEvents()
    window.grab()  # paints the table and the chart
    seconds = time.perf_counter() - started
    cpu = time.process_time() - started_cpu  # every thread's: the reader's too
    window.close()
    while window.workspace is not None or not worker.idle:
        app.processEvents()
    worker.shutdown()
    print(json.dumps({"seconds": seconds, "cpu": cpu, "imported_before": imported_before,
                      "rows": screen.view.table.rowCount()}))
    """
)


def _open_once(path: Path, workdir: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(workdir / "bench-settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    found: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _demo(workdir: Path) -> Path:
    from desktop_crm.services.demo.demo_data import create_demo_workspace

    path = workdir / "bench-reports-open-demo.crm"
    if not path.exists():
        create_demo_workspace(path, 300, today=date.today()).close(backup_if_changed=False)
    return path


def _big(workdir: Path) -> Path:
    """``bench_reports``' 100,000 deals (made once per folder)."""
    from desktop_crm.domain.clock import FixedClock
    from desktop_crm.services.workspace.handle import create_workspace
    from tests.bench.bench_reports import NOW, _fill

    path = workdir / "bench-reports-open-100k.crm"
    if not path.exists():
        create_workspace(path, clock=FixedClock(NOW, "Asia/Shanghai")).close(
            backup_if_changed=False
        )
        _fill(path)
    return path


def run(workdir: Path) -> list[Figure]:
    """The first opening of Reports, in a fresh process each run."""
    figures = []
    for label, path in (("demo, 300 contacts", _demo(workdir)), ("100,000 deals", _big(workdir))):
        runs = [_open_once(path, workdir) for _ in range(RUNS)]
        assert not any(r["imported_before"] for r in runs), "matplotlib imported at start"
        seconds = [r["seconds"] for r in runs]
        value, spread = median_of(seconds)
        cpu = statistics.median(r["cpu"] for r in runs)
        detail = f"{spread}, CPU {cpu:.3f} s, funnel rows {int(runs[0]['rows'])}"
        figures.append(Figure(f"reports opened first time ({label})", value, "s", GOAL_S, detail))
        figures.append(Figure(f"  best of {RUNS} ({label})", min(seconds), "s", GOAL_S))
    return figures


if __name__ == "__main__":
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="crm-bench-"))
    for figure in run(folder):
        print("  " + figure.line(), flush=True)
