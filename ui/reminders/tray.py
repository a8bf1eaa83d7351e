"""The system tray icon: the app's icon with the due count, its menu, and its messages."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ui.icons import icon
from ui.reminders.badges import badge_icon


def tray_available() -> bool:
    """Whether this desktop shows tray icons (offscreen Qt and some desktops do not)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


class AppTray(QObject):
    """The tray icon, shown while the app runs (also with its window closed to the tray).

    Signals:
        openRequested(): Show the main window (the menu's first entry, or a click on the icon).
        todayRequested(): Show the window at Today.
        planRequested(): Plan a follow-up.
        quitRequested(): Quit the app for real (closing the window may only hide it).
        messageClicked(): The last notification was clicked.
    """

    openRequested = Signal()
    todayRequested = Signal()
    planRequested = Signal()
    quitRequested = Signal()
    messageClicked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._count = 0
        self.icon = QSystemTrayIcon(icon("app"), self)
        self.icon.setToolTip(self.tr("Desktop CRM"))
        self.menu = QMenu()
        for text, signal in (
            (self.tr("Open Desktop CRM"), self.openRequested),
            (self.tr("Today"), self.todayRequested),
            (self.tr("Plan follow-up…"), self.planRequested),
        ):
            self._add(text, signal)
        self.menu.addSeparator()
        self._add(self.tr("Quit"), self.quitRequested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.messageClicked)
        self.icon.show()

    def _add(self, text: str, signal: SignalInstance) -> QAction:
        action = self.menu.addAction(text)
        action.triggered.connect(lambda _checked=False: signal.emit())
        return action

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click (Trigger) or double click opens the window; the right click is the menu's.
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.openRequested.emit()

    @property
    def count(self) -> int:
        """The due count on the icon."""
        return self._count

    def set_count(self, count: int) -> None:
        """Paint ``count`` on the icon (none at 0) and say it in the tooltip."""
        if count == self._count:
            return
        self._count = count
        self.icon.setIcon(badge_icon(icon("app"), count))
        tip = self.tr("Desktop CRM")
        if count:
            tip += "\n" + self.tr("%n follow-ups due", "", count)
        self.icon.setToolTip(tip)

    def show_message(self, title: str, body: str) -> None:
        """A desktop notification from the icon (the system's own notification service)."""
        self.icon.showMessage(title, body, self.icon.icon(), 15_000)

    def hide(self) -> None:
        """Take the icon out of the tray (when the app quits)."""
        self.icon.hide()
