"""One database worker thread; the GUI thread never waits on SQLite.

Like Anki's collection operations, every database job runs in order on one thread, and its
result comes back to the GUI thread through a queued signal.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


@dataclass(order=True)
class _Job:
    priority: int
    seq: int
    fn: Callable[[], Any] = field(compare=False)
    on_done: Callable[[Any], None] | None = field(compare=False)
    on_error: Callable[[BaseException], None] | None = field(compare=False)


def _STOP() -> None:
    """Ends the worker loop."""


class DbWorker(QObject):
    """Runs submitted callables one at a time on a background thread.

    Signals:
        failed(BaseException): A job without its own error handler raised.
        busyChanged(bool): Whether jobs are queued or running.
    """

    failed = Signal(object)
    busyChanged = Signal(bool)
    # Carries no arguments: PySide6 6.12 mis-counts references of Python objects sent through
    # a queued signal from a plain thread, so results travel through a queue instead.
    _finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._seq = itertools.count()
        self._done: queue.SimpleQueue[tuple[_Job, bool, Any]] = queue.SimpleQueue()
        self._pending = 0
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="db-worker", daemon=True)
        self._thread.start()

    @property
    def idle(self) -> bool:
        """Whether no job is queued, running or waiting to be delivered."""
        return self._pending == 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        background: bool = False,
    ) -> None:
        """Queue ``fn``; ``on_done(result)`` or ``on_error(exc)`` runs later on the GUI thread.

        Jobs run one at a time in the order submitted, except that ``background`` jobs (filter
        values, search keys, hourly backups) wait while any foreground job is queued, so they
        never delay what the user is looking at.
        """
        self._pending += 1
        if self._pending == 1:
            self.busyChanged.emit(True)
        self._queue.put(_Job(1 if background else 0, next(self._seq), fn, on_done, on_error))

    def shutdown(self, timeout: float = 30.0) -> None:
        """Finish queued jobs and stop the thread."""
        self._queue.put(_Job(2, next(self._seq), _STOP, None, None))
        self._thread.join(timeout)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job.fn is _STOP:
                return
            try:
                result, ok = job.fn(), True
            except BaseException as exc:  # delivered to the GUI, never lost
                result, ok = exc, False
            self._done.put((job, ok, result))
            self._finished.emit()

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                job, ok, result = self._done.get_nowait()
            except queue.Empty:
                return
            try:
                if ok:
                    if job.on_done is not None:
                        job.on_done(result)
                elif job.on_error is not None:
                    job.on_error(result)
                else:
                    self.failed.emit(result)
            finally:
                self._pending -= 1
                if self._pending == 0:
                    self.busyChanged.emit(False)
