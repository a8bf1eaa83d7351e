"""The reminder check: every 20 seconds while a workspace is open, asks what is due.

The laptop keeps time, not a server. A timer on the GUI thread asks the workspace's reminder
service for what is due, on the worker's reminder lane over a connection of its own
(``Workspace.alarm_reads``), so a check never waits behind an import on the writer or a slow
list page on the reader. What is new since the last check is reported once and then marked as
shown through the writer; the keys shown this session are also kept here, since an import may
hold the writer (and so the marks) for a while.

The first check after a workspace opens reports what fell due while the app was closed
("While you were away") as one list. A check also runs at once when the machine wakes from
sleep or its clock is set (the wall clock jumps against the monotonic one), and every ten
minutes the system's zone is read again (a laptop carried to another zone: all-day reminders
fire at the morning hour where it is now; timed ones keep their moment).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_crm.domain.errors import CancelledError
from desktop_crm.domain.local_zone import refresh_local_zone

if TYPE_CHECKING:
    from desktop_crm.services.followups.dto import Reminder
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

log = logging.getLogger(__name__)

CHECK_MS = 20_000
"""How often the reminders are checked (a reminder fires at most this late)."""
HEARTBEAT_MS = 2_000
"""How often the wall clock is compared with the monotonic one, to notice a wake-up."""
CLOCK_JUMP_S = 10.0
"""A wall-clock jump beyond the monotonic clock's this large: the machine slept, or was set."""
ZONE_REFRESH_S = 600.0
"""How often the system's time zone is read again (seconds)."""

TimeSource = Callable[[], tuple[float, float]]
"""Returns ``(wall seconds, monotonic seconds)``; tests pass their own."""


def _system_times() -> tuple[float, float]:
    return time.time(), time.monotonic()


class ReminderScheduler(QObject):
    """Checks one open workspace's reminders on a timer; start after opening, stop before closing.

    Args:
        worker: The database worker (its reminder lane reads, its writer marks).
        workspace: The open workspace; its ``clock`` says what time it is.
        interval_ms: Milliseconds between checks.
        times: The wall and monotonic clocks, to notice sleep and clock changes.

    Signals:
        whileAway(list): The first check's reminders (:class:`Reminder`), if any: what fell due
            while the app was closed.
        remindersDue(list): Reminders that came due since the last check (each once).
        dueCountChanged(int): How many follow-ups are due (the badges), after every check.
        checked(): A check was delivered (after the signals above).
    """

    whileAway = Signal(list)
    remindersDue = Signal(list)
    dueCountChanged = Signal(int)
    checked = Signal()

    def __init__(
        self,
        worker: DbWorker,
        workspace: Workspace,
        *,
        interval_ms: int = CHECK_MS,
        times: TimeSource = _system_times,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace = workspace
        self._times = times
        self._shown: set[tuple[str, str]] = set()
        self._first = True
        self._running = False
        self._in_flight = False
        self._again = False
        self._zone_read_at: float | None = None  # monotonic seconds; None: read it next check
        self._last_times = times()
        self._errors: set[str] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self._heartbeat = QTimer(self)
        self._heartbeat.setInterval(HEARTBEAT_MS)
        self._heartbeat.timeout.connect(self._beat)

    @property
    def workspace(self) -> Workspace:
        """The workspace checked."""
        return self._workspace

    def start(self) -> None:
        """Check now (the "While you were away" check), then on the timer."""
        self._running = True
        self._last_times = self._times()
        self.timer.start()
        self._heartbeat.start()
        self.check()

    def stop(self) -> None:
        """Stop checking; a check still under way is ignored when it arrives."""
        self._running = False
        self.timer.stop()
        self._heartbeat.stop()

    def check(self) -> None:
        """Ask what is due now, on the reminder lane (one check at a time)."""
        if not self._running:
            return
        if self._in_flight:
            self._again = True  # e.g. a change arrived during a check: look once more after it
            return
        self._in_flight = True
        ws = self._workspace
        mono = self._times()[1]
        refresh_zone = self._zone_read_at is None or mono - self._zone_read_at >= ZONE_REFRESH_S
        if refresh_zone:
            self._zone_read_at = mono

        def job() -> tuple[list[Reminder], int]:
            if refresh_zone:
                refresh_local_zone()  # reads system files: off the GUI thread
            now = ws.clock.now()
            reminders = ws.alarm_reads.reminders
            return reminders.due(now), reminders.due_count(now)

        self._worker.alarm_read(job, self._arrived, self._failed)

    def _arrived(self, found: tuple[list[Reminder], int]) -> None:
        self._in_flight = False
        if not self._running:
            return
        due, count = found
        fresh = [r for r in due if (r.follow_up.id, r.key) not in self._shown]
        self._shown.update((r.follow_up.id, r.key) for r in fresh)
        first, self._first = self._first, False
        if fresh:
            (self.whileAway if first else self.remindersDue).emit(fresh)
            self._mark_shown(fresh)
        self.dueCountChanged.emit(count)
        self.checked.emit()
        if self._again:
            self._again = False
            self.check()

    def _mark_shown(self, reminders: list[Reminder]) -> None:
        ws = self._workspace
        # On the writer (marks are writes); until they land, ``_shown`` keeps them from
        # being shown twice.
        self._worker.submit(lambda: ws.reminders.mark_shown(reminders), on_error=self._log)

    def _failed(self, exc: BaseException) -> None:
        self._in_flight = False
        if not self._running:
            return
        self._log(exc)
        if self._again:
            self._again = False
            self.check()

    def _log(self, exc: BaseException) -> None:
        if isinstance(exc, CancelledError) or not self._running:
            return  # the workspace closed under the job
        text = f"{type(exc).__name__}: {exc}"
        if text not in self._errors:  # a failing check is logged once, not every 20 s
            self._errors.add(text)
            log.error("Reminder check failed", exc_info=exc)

    def _beat(self) -> None:
        wall, mono = self._times()
        last_wall, last_mono = self._last_times
        self._last_times = (wall, mono)
        if abs((wall - last_wall) - (mono - last_mono)) > CLOCK_JUMP_S:
            # Woke from sleep (the monotonic clock stood still) or the clock was set: what
            # came due meanwhile fires now, and the zone may have changed on the way.
            self._zone_read_at = None
            self.check()
