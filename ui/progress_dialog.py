"""One progress dialog for every long job, with Cancel.

Import, export, bulk undo and redo, bulk delete and the duplicate scan all use it. The job
runs on the worker's writer with a :class:`CancelToken`; the dialog appears only if it is
still running after a short delay, polls the token for done/total, and its Cancel button
cancels the token. The service stops at its next check and (being one transaction, or
writing to a temporary file) leaves nothing behind. The dialog is not modal: browsing goes on
through the reader meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import SIGNAL, SLOT, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_crm.domain.errors import CancelledError
from desktop_crm.domain.progress import CancelToken
from ui.messages import error_text
from ui.shell import Shell
from ui.text_fill import fill

SHOW_AFTER_MS = 400  # quicker jobs finish without a dialog flashing up
POLL_MS = 100


class ProgressRun(QObject):
    """A long service call on the writer, with the shared progress dialog.

    Args:
        shell: The main window (its worker, status bar and error dialog).
        title: The dialog's window title.
        label: What is being done, e.g. "Exporting 100,000 people…".
        job: Runs on the writer with the token to report to and check.
        on_done: Gets the job's result on the GUI thread.
        on_error: Gets a failure other than a cancel (default: ``shell.show_error``).
        show_after_ms: How long the job may run before the dialog shows (default
            :data:`SHOW_AFTER_MS`).
        parent: The window the dialog belongs to (default: ``shell``).

    Attributes:
        token: The progress/cancel object the job receives.
        dialog: The progress dialog (shown once the job outlasts ``show_after_ms``).

    Signals:
        finished(bool): The job ended; whether it completed (not failed or cancelled).
    """

    finished = Signal(bool)

    def __init__(
        self,
        shell: Shell,
        title: str,
        label: str,
        job: Callable[[CancelToken], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        show_after_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(shell)
        self._shell, self._label = shell, label
        self._on_done, self._on_error = on_done, on_error or shell.show_error
        self.running = True
        self.token = CancelToken()
        self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent or shell)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setMinimumWidth(380)
        # Qt hides the dialog on Cancel; it stays, saying "Cancelling…", until the job stops.
        QObject.disconnect(self.dialog, SIGNAL("canceled()"), self.dialog, SLOT("cancel()"))
        self.dialog.canceled.connect(self.cancel)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._update)
        self._show_timer.start(SHOW_AFTER_MS if show_after_ms is None else show_after_ms)
        token = self.token
        shell.worker.submit(lambda: job(token), self._done, self._failed)

    def cancel(self) -> None:
        """Ask the job to stop at its next check."""
        if not self.running or self.token.cancelled:
            return
        self.token.cancel()
        self.dialog.setLabelText(self.tr("Cancelling…"))
        self._shell.show_status(self.tr("Cancelling…"), 0)

    def _show(self) -> None:
        if self.running:
            self._update()
            self.dialog.show()
            self._poll.start()

    def _update(self) -> None:
        token = self.token
        if token.cancelled:
            return
        if token.total > 0:
            self.dialog.setMaximum(token.total)
            self.dialog.setValue(min(token.done, token.total))
            locale = QLocale()
            self.dialog.setLabelText(
                fill(
                    self.tr("%1\n%2 of %3"),
                    self._label,
                    locale.toString(token.done),
                    locale.toString(token.total),
                )
            )
        elif token.done > 0:  # counting, total unknown: a busy bar and the count so far
            self.dialog.setMaximum(0)
            self.dialog.setLabelText(
                fill(self.tr("%1\n%2 so far"), self._label, QLocale().toString(token.done))
            )

    def _end(self) -> None:
        self.running = False
        self._show_timer.stop()
        self._poll.stop()
        self.dialog.hide()
        self.dialog.deleteLater()
        self.deleteLater()

    def _done(self, result: Any) -> None:
        self._end()
        if self.token.cancelled:  # it finished before it saw the cancel
            self._shell.statusBar().clearMessage()
        try:
            self._on_done(result)
        finally:
            self.finished.emit(True)

    def _failed(self, exc: BaseException) -> None:
        self._end()
        try:
            if isinstance(exc, CancelledError):
                # The user asked for it: say so quietly, no dialog to dismiss.
                self._shell.show_status(error_text(exc), 6000)
            else:
                self._on_error(exc)
        finally:
            self.finished.emit(False)


def run_with_progress(
    shell: Shell,
    title: str,
    label: str,
    job: Callable[[CancelToken], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
    *,
    show_after_ms: int | None = None,
    parent: QWidget | None = None,
) -> ProgressRun:
    """Run ``job(token)`` on the writer with the shared progress dialog (see ProgressRun)."""
    return ProgressRun(
        shell, title, label, job, on_done, on_error, show_after_ms=show_after_ms, parent=parent
    )
