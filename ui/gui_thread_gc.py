"""Cyclic garbage collected on the GUI thread only.

Python runs its cyclic collector in whichever thread happens to allocate when a threshold is
crossed: often the database worker, deep in a big query. A cycle holding a Qt object or a
PDFium document is then freed on that thread, while the GUI thread may be using Qt or PDFium,
which crashes the process. So automatic collection is off while the app runs, and a timer on the
GUI thread collects with the collector's own thresholds (the pattern Anki, pyqtgraph and
GitFourchette use).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(interval_ms)

    def collect_due(self) -> None:
        """Collect each generation whose count passed its threshold, as the collector would."""
        count0, count1, count2 = gc.get_count()
        first, second, third = self._thresholds
        if count0 > first:
            generation = 0
            if count1 > second:
                generation = 2 if count2 > third else 1
            gc.collect(generation)

    def stop(self) -> None:
        """Collect once more and give collection back to Python."""
        self._timer.stop()
        gc.collect()
        gc.enable()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The app's collector, made on first call (running the app twice in one process adds none)."""
    existing = app.findChild(GuiThreadCollector)
    return existing if isinstance(existing, GuiThreadCollector) else GuiThreadCollector(app)
