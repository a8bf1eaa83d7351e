"""The progress/cancel object that long services take (Orange3's ``state`` idea)."""

from __future__ import annotations

import threading
from typing import Protocol

from desktop_crm.domain.errors import CancelledError


class Progress(Protocol):
    """What a long-running service reports to and asks of its caller."""

    def report(self, done: int, total: int, message: str = "") -> None:
        """Report that ``done`` of ``total`` steps are finished."""

    def check_cancelled(self) -> None:
        """Raise :class:`CancelledError` if the caller asked to stop."""


class NullProgress:
    """Progress that reports nowhere and is never cancelled."""

    def report(self, done: int, total: int, message: str = "") -> None:
        """Ignore the report."""

    def check_cancelled(self) -> None:
        """Never cancelled."""


class CancelToken:
    """Thread-safe progress: the UI cancels from its thread, the worker checks.

    Attributes:
        done: Steps finished so far.
        total: Steps in all (0 while unknown).
        message: The latest message.
    """

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self.done = 0
        self.total = 0
        self.message = ""

    def cancel(self) -> None:
        """Ask the running work to stop at its next check."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancelled.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Record progress for the UI to poll."""
        self.done, self.total, self.message = done, total, message

    def check_cancelled(self) -> None:
        """Raise :class:`CancelledError` once cancelled."""
        if self._cancelled.is_set():
            raise CancelledError("Cancelled by the user.")
