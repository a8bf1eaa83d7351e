"""Cold start to a painted main window on a 100,000-contact workspace; demo creation time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.figures import Figure, median_of

CONTACTS = 100_000
RUNS = 5

CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from ui.main_window import MainWindow
from ui.worker import DbWorker

marks = {}
class PaintSpy(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "painted" not in marks:
            marks["painted"] = time.time()
        return False

app = QApplication([])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
worker = DbWorker()
window = MainWindow(worker, settings)
spy = PaintSpy()
window.installEventFilter(spy)
def ready(_path):
    def check():
        if worker.idle and window.screens["today"].view.list.model().rowCount():
            marks["ready"] = time.time()
            marks["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps(marks), flush=True)
            os._exit(0)
        QTimer.singleShot(5, check)
    check()
window.workspaceOpened.connect(ready)
window.show()
window.open_workspace(Path(sys.argv[1]))
app.exec()
"""


def ensure_workspace(workdir: Path, figures: list[Figure] | None = None) -> Path:
    """The shared 100,000-contact demo workspace, made (and timed) on first use.

    The time it took is kept beside it, so whichever benchmark made it, the figure is reported.
    """
    path = workdir / "bench-100k.crm"
    timing = workdir / "bench-100k.demo-seconds"
    if not path.exists():
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "ui.launcher", "demo", str(path), "--contacts", str(CONTACTS)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        timing.write_text(f"{time.perf_counter() - start:.3f}")
    if figures is not None and timing.exists():
        figures.append(
            Figure(f"desktop-crm demo --contacts {CONTACTS}", float(timing.read_text()), "s", 20)
        )
    return path


def run(workdir: Path) -> list[Figure]:
    """Measure demo creation and cold start."""
    figures: list[Figure] = []
    path = ensure_workspace(workdir, figures)
    painted, ready, rss = [], [], []
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for i in range(RUNS):
        begin = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(workdir / f"settings{i}.ini")],
            check=True,
            capture_output=True,
            text=True,
            env=env,
            timeout=120,  # a child that never sees its ready mark fails instead of hanging
        ).stdout
        marks = json.loads(out.strip().splitlines()[-1])
        painted.append(marks["painted"] - begin)
        ready.append(marks["ready"] - begin)
        rss.append(marks["rss_mb"])
    value, spread = median_of(painted)
    figures.append(Figure("cold start to painted main window", value, "s", 1.0, spread))
    value, spread = median_of(ready)
    figures.append(Figure("cold start to Today screen filled (100k)", value, "s", None, spread))
    figures.append(Figure("peak RSS at start (100k contacts)", max(rss), "MB", 150))
    return figures
