"""Renders off the GUI thread, debounced, with only the newest one's result shown.

A :data:`Runner` has the shape of ``DbWorker.read`` (``fn, on_done, on_error``), so a dialog
given the app's worker renders on its reader; without one it uses a thread of its own.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Hashable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]
"""Runs ``fn`` off the GUI thread; calls ``on_done(result)`` or ``on_error(exc)`` on it."""

DEBOUNCE_MS = 300


def _stop() -> None:
    """Ends a :class:`ThreadRunner`'s thread."""


class ThreadRunner(QObject):
    """A :data:`Runner` of one daemon thread, delivering results to the GUI thread."""

    _arrived = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.SimpleQueue[tuple[Callable[[], Any], int]] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[int, bool, Any]] = queue.SimpleQueue()
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[BaseException], None]]
        ] = {}
        self._seq = 0
        # No arguments through the signal: see ui.worker on PySide6 and queued Python objects.
        self._arrived.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        jobs = self._jobs
        # The thread ends with its owner (a dialog): it is told once the job in hand is done.
        self.destroyed.connect(lambda _obj=None: jobs.put((_stop, 0)))
        threading.Thread(target=self._loop, name="print-preview", daemon=True).start()

    def __call__(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Queue ``fn``."""
        self._seq += 1
        self._callbacks[self._seq] = (on_done, on_error)
        self._jobs.put((fn, self._seq))

    def _loop(self) -> None:
        while True:
            fn, seq = self._jobs.get()
            if fn is _stop:
                return
            try:
                result, ok = fn(), True
            except BaseException as exc:  # handed to on_error on the GUI thread
                result, ok = exc, False
            self._done.put((seq, ok, result))
            try:
                self._arrived.emit()
            except RuntimeError:  # the owner was deleted meanwhile: nobody waits
                return

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                seq, ok, result = self._done.get_nowait()
            except queue.Empty:
                return
            on_done, on_error = self._callbacks.pop(seq)
            (on_done if ok else on_error)(result)


class DebouncedRender(QObject):
    """Runs the newest of quickly repeated requests once they settle; one job at a time.

    A request is a key (what is asked for, e.g. template, language, paper) and a job making
    it. Only the result of the newest key is reported; an older job still running finishes
    unseen, then the newest runs.

    Signals:
        started(object): A job for this key started.
        done(object, object): The newest key's result.
        failed(object, object): The newest key's job raised this.
    """

    started = Signal(object)
    done = Signal(object, object)
    failed = Signal(object, object)

    def __init__(
        self, run: Runner, delay_ms: int = DEBOUNCE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._start)
        self._pending: tuple[Hashable, Callable[[], Any]] | None = None
        self._latest: Hashable = None
        self._running = False

    @property
    def busy(self) -> bool:
        """Whether a request waits or runs."""
        return self._running or self._pending is not None

    def request(self, key: Hashable, job: Callable[[], Any], *, now: bool = False) -> None:
        """Ask for ``job``'s result, after the delay (``now``: at once)."""
        self._pending = (key, job)
        self._latest = key
        self._timer.start(0 if now else self._timer.interval())

    def _start(self) -> None:
        if self._running or self._pending is None:
            return  # the running job starts the pending one when it ends
        key, job = self._pending
        self._pending = None
        self._running = True
        self.started.emit(key)
        self._run(job, lambda result: self._finished(key, True, result), self._error(key))

    def _error(self, key: Hashable) -> Callable[[BaseException], None]:
        return lambda exc: self._finished(key, False, exc)

    def _finished(self, key: Hashable, ok: bool, result: Any) -> None:
        if not shiboken6.isValid(self):
            return  # the dialog closed while its render ran
        self._running = False
        if self._pending is not None:
            self._start()
        elif key == self._latest:
            (self.done if ok else self.failed).emit(key, result)
