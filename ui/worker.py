"""The database worker: writer, reader and reminder threads; the GUI thread never waits on SQLite.

Like Anki's collection operations, every change runs in order on one thread, the writer, and
its result comes back to the GUI thread through a queued signal. What the user browses (list
pages, counts, filter values, search as you type, cards) runs on a second thread, the reader,
over the workspace's read-only connection (``Workspace.reads``): SQLite in WAL mode lets it
read beside the writer, so an import, undo or export on the writer never freezes browsing.
A third thread, the reminder lane, runs only the reminder checks on a connection of their own
(``Workspace.alarm_reads``): a reminder is never late because a slow list page or an import is
queued, and its checks do not make the status bar say "Working…".
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from desktop_crm.domain.errors import CancelledError


@dataclass(order=True)
class _Job:
    priority: int
    seq: int
    fn: Callable[[], Any] = field(compare=False)
    on_done: Callable[[Any], None] | None = field(compare=False)
    on_error: Callable[[BaseException], None] | None = field(compare=False)
    read: bool = field(compare=False, default=False)
    quiet: bool = field(compare=False, default=False)  # not shown as busy (reminder checks)


def _STOP() -> None:
    """Ends a lane's loop."""


class _Lane:
    """One thread running its queued jobs one at a time, foreground before background."""

    def __init__(self, name: str, deliver: Callable[[_Job, bool, Any], None]) -> None:
        self.queue: queue.PriorityQueue[_Job] = queue.PriorityQueue()
        self._deliver = deliver
        self.thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self.thread.start()

    def _loop(self) -> None:
        while True:
            job = self.queue.get()
            if job.fn is _STOP:
                return
            try:
                result, ok = job.fn(), True
            except BaseException as exc:  # delivered to the GUI, never lost
                result, ok = exc, False
            self._deliver(job, ok, result)


class DbWorker(QObject):
    """Runs submitted callables on background threads: the writer, the reader, the reminders.

    Signals:
        failed(BaseException): A job without its own error handler raised.
        busyChanged(bool): Whether jobs are queued or running on the writer or the reader.
    """

    failed = Signal(object)
    busyChanged = Signal(bool)
    # Carries no arguments: PySide6 6.12 mis-counts references of Python objects sent through
    # a queued signal from a plain thread, so results travel through a queue instead.
    _finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seq = itertools.count()
        self._done: queue.SimpleQueue[tuple[_Job, bool, Any]] = queue.SimpleQueue()
        self._pending = 0
        self._busy = 0  # pending jobs the user waits for (all but the reminder lane's)
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._writer = _Lane("db-worker", self._arrived)
        self._reader = _Lane("db-reader", self._arrived)
        self._alarms = _Lane("db-reminders", self._arrived)

    @property
    def idle(self) -> bool:
        """Whether no job is queued, running or waiting to be delivered, on any thread."""
        return self._pending == 0

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        background: bool = False,
        quiet: bool = False,
    ) -> None:
        """Queue ``fn`` on the writer; ``on_done(result)`` or ``on_error(exc)`` runs on the GUI.

        Jobs run one at a time in the order submitted, except that ``background`` jobs (search
        keys, hourly backups) wait while any foreground job is queued, so they never delay
        what the user is looking at. A ``quiet`` job (the timed team sync, which has its own
        indicator) does not make the status bar say "Working…".
        """
        self._put(self._writer, fn, on_done, on_error, background, read=False, quiet=quiet)

    def read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        background: bool = False,
    ) -> None:
        """Queue ``fn`` on the reader, which answers while the writer is busy.

        ``fn`` must only read, through ``Workspace.reads`` (a connection that refuses writes);
        it sees what the writer has committed. Order and ``background`` as in :meth:`submit`.
        A read that finds the workspace closed (it raises :class:`CancelledError`) is dropped
        quietly unless ``on_error`` is given: it raced the close, and nobody waits for it.
        """
        self._put(self._reader, fn, on_done, on_error, background, read=True)

    def alarm_read(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Queue a reminder check on the reminder lane: its own thread, beside writer and reader.

        ``fn`` must only read, through ``Workspace.alarm_reads``. It never waits for a job on
        the writer or the reader, and does not count as busy (no "Working…" every 20 s); a
        closed workspace drops it quietly, as :meth:`read` does.
        """
        self._put(self._alarms, fn, on_done, on_error, False, read=True, quiet=True)

    def shutdown(self, timeout: float = 30.0) -> None:
        """Finish queued jobs and stop the threads."""
        lanes = (self._writer, self._reader, self._alarms)
        for lane in lanes:
            lane.queue.put(_Job(2, next(self._seq), _STOP, None, None))
        for lane in lanes:
            lane.thread.join(timeout)

    def _put(
        self,
        lane: _Lane,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        background: bool,
        *,
        read: bool,
        quiet: bool = False,
    ) -> None:
        self._pending += 1
        if not quiet:
            self._busy += 1
            if self._busy == 1:
                self.busyChanged.emit(True)
        priority = 1 if background else 0
        lane.queue.put(_Job(priority, next(self._seq), fn, on_done, on_error, read, quiet))

    def _arrived(self, job: _Job, ok: bool, result: Any) -> None:
        # On a lane's thread: hand the outcome to the GUI thread.
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
                elif not (job.read and isinstance(result, CancelledError)):
                    self.failed.emit(result)
            finally:
                self._pending -= 1
                if not job.quiet:
                    self._busy -= 1
                    if self._busy == 0:
                        self.busyChanged.emit(False)
