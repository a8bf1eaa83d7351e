"""Planned follow-ups as a calendar file: File > Export > Calendar, and the file kept up to date.

All of it runs on the worker: an export reads through the reader (it writes no data, only
the file); choosing the file kept up to date is remembered on the writer (this machine's
local state, not an undoable edit), and :class:`CalendarKeeper` rewrites that file there, in
the background, a moment after each change it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_crm.domain.errors import CancelledError
from ui.language import ui_language
from ui.messages import error_text
from ui.text_fill import fill
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from ui.shell import Shell

SHOWN_IN_CALENDAR = frozenset({"follow_ups", "people", "companies", "deals", "phones", "settings"})
"""Tables whose changes show in the calendar file: the follow-ups, the names, titles and
phones their events name, and the morning hour all-day alarms ring at."""


class CalendarFiles(TranslationContext):
    """The translation context of this module's functions."""


def published_name(workspace_path: Path) -> str:
    """The name of the file kept up to date in a chosen folder: one per workspace."""
    return f"{workspace_path.stem}-follow-ups.ics"


def choose_calendar_export(shell: Shell, parent: QWidget | None = None) -> None:
    """Ask for an ``.ics`` file and write every planned follow-up to it.

    The status bar says how many events were written; a failure says why.
    """
    ws = shell.workspace
    if ws is None:
        return
    owner = parent or shell
    name, _filter = QFileDialog.getSaveFileName(
        owner,
        CalendarFiles.tr("Export Calendar"),
        str(Path.home() / published_name(ws.path)),
        CalendarFiles.tr("iCalendar files (*.ics)"),
    )
    if not name:
        return
    target = Path(name)
    if target.suffix.lower() != ".ics":
        target = target.with_name(target.name + ".ics")
    language = ui_language()  # titles and labels in the words on screen

    def done(count: int) -> None:
        shell.show_status(
            fill(CalendarFiles.tr("Wrote %n events to %1.", "", count), target.name), 8000
        )

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(owner, CalendarFiles.tr("Export Calendar"), error_text(exc))

    shell.worker.read(lambda: ws.reads.calendar.export(target, language=language), done, failed)


def publish_calendar(
    shell: Shell,
    folder: Path | None,
    done: Callable[[Path | None, int], None],
    failed: Callable[[BaseException], None],
) -> None:
    """Keep a file in ``folder`` up to date with the planned follow-ups (``None``: stop).

    ``done(path, events)`` gets the file written (``None`` once stopped) and how many events
    it holds; ``failed(exc)`` why it could not be written (nothing is remembered then).
    """
    ws = shell.workspace
    if ws is None:
        return
    target = None if folder is None else folder / published_name(ws.path)
    language = ui_language()
    shell.worker.submit(
        lambda: ws.calendar.publish_to(target, language=language),
        lambda count: done(target, int(count)),
        failed,
    )


class CalendarKeeper(QObject):
    """Rewrites the calendar file this machine keeps, after the changes that show in it.

    Changes come in bursts (an import, a completed follow-up that plans the next): the file is
    rewritten once, ``delay_ms`` after the last of them, as a background job on the writer
    (the service reads only what changed since its last rewrite). Without a file kept the job
    is one small read. A file that cannot be written (a removed drive) is said in the status
    bar, not in a box at every change; the previous file stays whole.

    Args:
        shell: The main window.
        delay_ms: How long after the last change the file is rewritten.
    """

    def __init__(self, shell: Shell, delay_ms: int = 1500) -> None:
        super().__init__(shell)
        self._shell = shell
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh_now)

    def opened(self) -> None:
        """A workspace was opened: its follow-ups may have changed while the app was closed."""
        self._timer.start()

    def changed(self, changes: ChangeResult) -> None:
        """Rewrite the file soon if ``changes`` show in it (no entities: assume they do)."""
        if not changes.entities or changes.entities & SHOWN_IN_CALENDAR:
            self._timer.start()

    def refresh_now(self) -> None:
        """Rewrite the kept file now (on the worker), if one is kept."""
        self._timer.stop()
        ws = self._shell.workspace
        if ws is None:
            return

        def failed(exc: BaseException) -> None:
            # A workspace closed meanwhile has nothing to say; its file is the next one's.
            if self._shell.workspace is ws and not isinstance(exc, CancelledError):
                self._failed(exc)

        self._shell.worker.submit(ws.calendar.refresh_published, None, failed, background=True)

    def _failed(self, exc: BaseException) -> None:
        self._shell.show_status(
            fill(CalendarFiles.tr("The calendar file was not updated: %1"), error_text(exc)),
            0,
        )
