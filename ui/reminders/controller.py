"""What the main window keeps of the reminders: the checks, what they show, the tray, pool returns.

The window makes one :class:`Reminders`; ``ui.app`` switches it on for a real run (tests and
``--screenshot`` leave it off, so nothing pops up and nothing is written), with the tray icon
when the desktop has a tray. While a workspace is open it checks the reminders
(:class:`~ui.reminders.scheduler.ReminderScheduler`), shows new ones as a desktop
notification and in the always-on-top reminder window, shows what fell due while the app was
closed once as a list, keeps the due count on the badges, and returns leads to the pool at
start and hourly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox

from desktop_crm.domain.followup_time import Snooze
from desktop_crm.services.common.dto import ChangeResult
from ui.followups.actions import follow_up_actions
from ui.messages import error_text
from ui.reminders.notifier import Notifier, TrayNotifier, notification_for
from ui.reminders.preferences import ReminderPreferences, keep_in_tray
from ui.reminders.reminder_window import ReminderList, ReminderWindow, WhileAwayDialog
from ui.reminders.scheduler import CHECK_MS, ReminderScheduler
from ui.reminders.tray import tray_available

if TYPE_CHECKING:
    from desktop_crm.services.followups.dto import FollowUpRow, Reminder
    from desktop_crm.services.pool.dto import RecycleResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.reminders.tray import AppTray
    from ui.shell import Shell
    from ui.workspace_settings.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)

RECYCLE_MS = 60 * 60 * 1000
"""Leads go back to the pool at start and then hourly."""
POOL_ENTITIES = frozenset({"people", "companies", "activities"})


class Reminders(QObject):
    """The reminders of the open workspace, the tray icon and the pool's returns.

    Args:
        shell: The main window (worker, settings, mutate, status bar).
        interval_ms: Milliseconds between reminder checks.

    Attributes:
        tray: The tray icon, or ``None`` (no tray on this desktop, or not switched on).
        notifier: Where notifications go (``None``: only the reminder window shows them).
        scheduler: The open workspace's checks, or ``None``.
        while_away: The "While you were away" dialog shown at the last start, if any.

    Signals:
        dueCountChanged(int): Follow-ups due (overdue or due today): the sidebar's badge.
        openFollowUp(str): Show this follow-up (a notification or a reminder's Open).
        showRequested(str): Bring the window up, at this screen ("" for the one shown).
        planRequested(): The tray's "Plan follow-up…".
        quitRequested(): The tray's Quit: quit even when closing would keep it in the tray.
    """

    dueCountChanged = Signal(int)
    openFollowUp = Signal(str)
    showRequested = Signal(str)
    planRequested = Signal()
    quitRequested = Signal()

    def __init__(self, shell: Shell, *, interval_ms: int = CHECK_MS) -> None:
        super().__init__(shell)
        self._shell = shell
        self.interval_ms = interval_ms
        self.enabled = False
        self.started_in_tray = False
        self.tray: AppTray | None = None
        self.notifier: Notifier | None = None
        self.scheduler: ReminderScheduler | None = None
        self.while_away: WhileAwayDialog | None = None
        self._window: ReminderWindow | None = None
        self._recycle_timer = QTimer(self)
        self._recycle_timer.setInterval(RECYCLE_MS)
        self._recycle_timer.timeout.connect(self._recycle)

    @property
    def window(self) -> ReminderWindow:
        """The always-on-top reminder window (made when first needed)."""
        if self._window is None:
            self._window = ReminderWindow()
            self._connect_list(self._window.reminders)
        return self._window

    # --- switching on -------------------------------------------------------------------------

    def enable(self, tray: AppTray | None = None, notifier: Notifier | None = None) -> None:
        """Check reminders (and return leads) for every workspace opened from now on.

        Args:
            tray: The tray icon, if the desktop has a tray (tests pass a fake).
            notifier: Where notifications go; by default the tray's messages.
        """
        self.enabled = True
        self.tray = tray
        self.notifier = notifier
        if tray is not None:
            if notifier is None:
                self.notifier = TrayNotifier(tray, self._notification_clicked)
            tray.openRequested.connect(lambda: self.showRequested.emit(""))
            tray.todayRequested.connect(lambda: self.showRequested.emit("today"))
            tray.planRequested.connect(self.planRequested)
            tray.quitRequested.connect(self.quitRequested)

    def keeps_running(self) -> bool:
        """Whether closing the window only hides it.

        It does when there is a tray to come back from and the setting is on (or the app
        started in the tray at login).
        """
        return self.tray is not None and (
            self.started_in_tray or keep_in_tray(self._shell.settings)
        )

    def add_preferences(self, dialog: SettingsDialog) -> ReminderPreferences:
        """Add the Reminders group to the settings dialog; save it when the dialog is accepted."""
        group = ReminderPreferences(tray_available())
        dialog.general.addRow(group)
        group.load(self._shell.settings)
        dialog.accepted.connect(lambda: self._save_preferences(group))
        return group

    def _save_preferences(self, group: ReminderPreferences) -> None:
        problem = group.save(self._shell.settings)  # the login entry is written or removed
        if problem:
            QMessageBox.warning(self._shell, self.tr("Reminders"), problem)

    # --- a workspace's life -------------------------------------------------------------------

    def start(self, workspace: Workspace) -> None:
        """Check ``workspace``'s reminders now ("While you were away") and on the timer."""
        self.stop()
        if not self.enabled:
            return
        scheduler = ReminderScheduler(
            self._shell.worker, workspace, interval_ms=self.interval_ms, parent=self
        )
        scheduler.whileAway.connect(self._show_while_away)
        scheduler.remindersDue.connect(self._show_due)
        scheduler.dueCountChanged.connect(self._count_changed)
        self.scheduler = scheduler
        scheduler.start()
        self._recycle()
        self._recycle_timer.start()

    def stop(self) -> None:
        """Stop checking (the workspace is closing); what is listed goes with it."""
        self._recycle_timer.stop()
        if self.scheduler is not None:
            self.scheduler.stop()
            self.scheduler.deleteLater()
            self.scheduler = None
        if self._window is not None:
            self._window.clear()
        if self.while_away is not None:
            self.while_away.close()
            self.while_away = None
        self._count_changed(0)

    def refresh(self) -> None:
        """Check again now (after a change: the counts, and anything now due)."""
        if self.scheduler is not None:
            self.scheduler.check()

    def shutdown(self) -> None:
        """The app quits: stop, and take the icon out of the tray."""
        self.stop()
        if self._window is not None:
            self._window.close()
        if self.tray is not None:
            self.tray.hide()

    # --- showing ------------------------------------------------------------------------------

    def _show_while_away(self, reminders: list[Reminder]) -> None:
        ws = self._workspace()
        if ws is None:
            return
        dialog = WhileAwayDialog(self._shell)
        self._connect_list(dialog.reminders)
        dialog.set_reminders(reminders, ws.clock.now(), ws.clock.zone())
        dialog.finished.connect(lambda _code: self._while_away_closed(dialog))
        self.while_away = dialog
        dialog.show()

    def _while_away_closed(self, dialog: WhileAwayDialog) -> None:
        if self.while_away is dialog:
            self.while_away = None
        dialog.deleteLater()

    def _show_due(self, reminders: list[Reminder]) -> None:
        ws = self._workspace()
        if ws is None:
            return
        now, zone = ws.clock.now(), ws.clock.zone()
        if self.notifier is not None:
            self.notifier.notify(notification_for(reminders, now, zone))
        self.window.add(reminders, now, zone)

    def _count_changed(self, count: int) -> None:
        if self.tray is not None:
            self.tray.set_count(count)
        self.dueCountChanged.emit(count)

    def _notification_clicked(self, follow_up_id: str) -> None:
        if follow_up_id:
            self.openFollowUp.emit(follow_up_id)
        elif self._window is not None and self._window.reminders.ids():
            self.window.show()
            self.window.raise_()
            self.window.activateWindow()
        else:
            self.showRequested.emit("today")

    # --- acting on a reminder -----------------------------------------------------------------

    def _connect_list(self, listed: ReminderList) -> None:
        listed.openRequested.connect(lambda row: self.openFollowUp.emit(row.id))
        listed.completeRequested.connect(self.complete)
        listed.snoozeRequested.connect(
            lambda row, value: self.snooze(row, Snooze(value) if value else None)
        )

    def complete(self, row: FollowUpRow) -> None:
        """Ask how it went and complete it (the follow-up dialogs'); then it leaves the lists."""
        dialog = follow_up_actions(self._shell).complete(row)
        if dialog is not None:
            dialog.accepted.connect(lambda: self._acted_on(row.id))

    def snooze(self, row: FollowUpRow, choice: Snooze | None) -> None:
        """Remind again later (``None``: ask when); it leaves the lists until then."""
        dialog = follow_up_actions(self._shell).snooze(row, choice)
        if dialog is not None:
            dialog.accepted.connect(lambda: self._acted_on(row.id))
        else:
            self._acted_on(row.id)

    def _acted_on(self, follow_up_id: str) -> None:
        if self._window is not None:
            self._window.remove(follow_up_id)
        if self.while_away is not None:
            self.while_away.remove(follow_up_id)

    # --- the lead pool ------------------------------------------------------------------------

    def _recycle(self) -> None:
        ws = self._workspace()
        if ws is None:
            return
        # One operation per run, in the background: it never delays what the user waits for.
        recycle: Callable[[], RecycleResult] = ws.pool.recycle
        self._shell.worker.submit(recycle, self._recycled, self._recycle_failed, background=True)

    def _recycled(self, result: RecycleResult) -> None:
        count = len(result.returned)
        if count == 0 or self._workspace() is None:
            return
        self._shell.show_status(self.tr("%n records returned to the pool", "", count), 8000)
        self._shell.apply_changes(
            ChangeResult(
                result.operation_id,
                updated=count,
                entities=POOL_ENTITIES,
                ids=tuple(r.id for r in result.returned),
            )
        )

    def _recycle_failed(self, exc: BaseException) -> None:
        # Said in the status bar and the log, not a message box: it runs every hour.
        if self._workspace() is not None:
            log.error("Returning records to the pool failed", exc_info=exc)
            self._shell.show_status(error_text(exc), 8000)

    def _workspace(self) -> Workspace | None:
        return self.scheduler.workspace if self.scheduler is not None else None
