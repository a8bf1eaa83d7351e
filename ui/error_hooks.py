"""Errors nothing else caught: logged in full, told to the user in one sentence.

Without these hooks an exception in a slot prints a traceback to a terminal nobody watches,
and one in a plain thread ends that thread silently. With them, both go to the error log and
the user sees :func:`ui.messages.error_text`'s sentence: what happened and where the details
are (never a class name or SQL).
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_crm.services.workspace.error_log import log_unexpected
from ui.messages import error_text


class _Relay(QObject):
    """Carries errors from any thread to the GUI thread (queued) and shows them there."""

    raised = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pending: list[BaseException] = []
        self.showing = False
        # The exception travels in a list, not in the signal: PySide6 6.12 mis-counts
        # references of Python objects sent through queued signals (see ui.worker).
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(self, exc: BaseException) -> None:
        """Log ``exc`` now (any thread), show it soon (GUI thread)."""
        log_unexpected(exc, "uncaught, in the app")
        self.pending.append(exc)
        self.raised.emit()

    @Slot()
    def _show(self) -> None:
        if self.showing:  # one dialog at a time; the others are in the log already
            self.pending.clear()
            return
        while self.pending:
            text = error_text(self.pending.pop(0))
            self.showing = True
            try:
                QMessageBox.warning(_parent_window(), QApplication.applicationName(), text)
            finally:
                self.showing = False


_relay: _Relay | None = None


def install_error_hooks(app: QApplication) -> None:
    """Route uncaught exceptions (GUI thread and any other thread) to the log and a dialog."""
    global _relay
    if _relay is None:
        _relay = _Relay(app)
    relay = _relay

    def on_exception(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc.__traceback__ = tb
        relay.report(exc)

    def on_thread_exception(args: Any) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        on_exception(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def _parent_window() -> QWidget | None:
    window = QApplication.activeWindow()
    if window is not None:
        return window
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()]
    return shown[0] if shown else None
