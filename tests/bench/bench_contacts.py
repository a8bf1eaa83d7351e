"""The contacts list on 100,000 contacts: open and paint, scroll to the end, sort, memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.bench.bench_startup import ensure_workspace
from tests.bench.figures import Figure, median_of

CHILD = r"""
import json, os, resource, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop_crm.services.workspace.handle import open_workspace
from ui.contacts.contacts_view import ContactsView
from ui.worker import DbWorker

app = QApplication([])
worker = DbWorker()
ws = open_workspace(Path(sys.argv[1]))
ws.search.prepare()
view = ContactsView(worker, QSettings(sys.argv[2], QSettings.Format.IniFormat), lambda *a: None)
view.resize(1000, 700)
view.show()
app.processEvents()
model, table = view.model, view.table

from PySide6.QtCore import QEventLoop, QTimer

def wait(condition):
    # Sleep in a real event loop (the GIL is free for the worker), checking every 2 ms.
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: condition() and loop.quit())
    timer.start(2)
    if not condition():
        loop.exec()
    timer.stop()

def visible_loaded():
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    return bool(model.rowCount() and first >= 0 and worker.idle and model.ready and all(
        model.record(r) is not None for r in range(first, (last if last >= 0 else first) + 1)))

def settle(started):
    # Done when the id list is in, the visible rows have data and the view has painted.
    wait(visible_loaded)
    table.viewport().repaint()
    return (time.perf_counter() - started) * 1000

figures = {}
start = time.perf_counter()
view.set_workspace(ws)
figures["open"] = settle(start)
start = time.perf_counter()
table.scrollToBottom()
figures["scroll"] = settle(start)
figures["sort"] = []
for column in ("company", "last_contacted_at", "name", "city"):
    start = time.perf_counter()
    model.sort(model.columns.index(column), 1)
    wait(lambda: worker.idle and model.sort_key == column)
    figures["sort"].append(settle(start))
figures["rows"] = model.rowCount()
figures["rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures), flush=True)
ws.close(backup_if_changed=False)
worker.shutdown()
"""


def run(workdir: Path) -> list[Figure]:
    """Measure in a fresh process (memory included)."""
    path = ensure_workspace(workdir)
    opened, scrolled, sorted_, rss = [], [], [], []
    for i in range(3):
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path), str(workdir / f"contacts{i}.ini")],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        ).stdout
        marks = json.loads(out.strip().splitlines()[-1])
        opened.append(marks["open"])
        scrolled.append(marks["scroll"])
        sorted_ += marks["sort"]
        rss.append(marks["rss_mb"])
        assert marks["rows"] >= 100_000
    figures = []
    for name, values, goal in (
        ("contacts list: open and paint", opened, 300),
        ("contacts list: scroll to the end", scrolled, 100),
        ("contacts list: sort by a column", sorted_, 100),
    ):
        value, spread = median_of(values)
        figures.append(Figure(name, value, "ms", goal, spread))
    figures.append(Figure("contacts list: peak RSS", max(rss), "MB", 150))
    return figures
