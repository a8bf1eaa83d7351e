"""Start-up moments written to a file, for the benchmarks of the installed (frozen) app.

A frozen app runs no benchmark script of ours, so ``DESKTOP_CRM_STARTUP_MARKS=FILE`` makes it
write, as JSON, the wall-clock moment its main window is first painted. Unset, nothing is
installed.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

MARKS_ENV = "DESKTOP_CRM_STARTUP_MARKS"


class _FirstPaint(QObject):
    """Writes the first Paint event's moment of the watched window, once."""

    def __init__(self, window: QWidget, target: Path) -> None:
        super().__init__(window)
        self._target = target
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Record the first paint and stop watching."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._target.write_text(json.dumps({"painted": time.time()}), "utf-8")
        return False


def watch_first_paint(window: QWidget) -> None:
    """Record the window's first paint when the environment asks for it."""
    target = os.environ.get(MARKS_ENV, "").strip()
    if target:
        _FirstPaint(window, Path(target))
