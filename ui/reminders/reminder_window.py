"""The reminder window (always on top, as Outlook's) and the "While you were away" list.

Both list reminders with Open, Complete and Snooze (15 minutes, 1 hour, tomorrow morning, next
week, or a picked time): the desktop notification cannot carry those buttons on every system,
this window can. What the buttons do is the follow-up dialogs' (``ui.followups``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QBrush, QCloseEvent, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.followups.snooze import snooze_menu
from ui.icons import ICONS, icon
from ui.reminders.notifier import when_text

if TYPE_CHECKING:
    from desktop_crm.services.followups.dto import FollowUpRow, Reminder

ID_ROLE = Qt.ItemDataRole.UserRole
OVERDUE_COLOUR = QColor("#c5221f")
WHILE_AWAY_ROWS = 200
"""The "While you were away" list shows at most the latest this many (Today lists them all)."""


class ReminderList(QWidget):
    """Reminders as rows (subject, contact, when due) with Open, Complete and Snooze.

    Signals:
        openRequested(FollowUpRow): Open this follow-up.
        completeRequested(FollowUpRow): Complete it.
        snoozeRequested(FollowUpRow, str): Snooze it by a :class:`Snooze` value ("": ask when).
        dismissed(FollowUpRow): Take it off the list (it was shown; nothing changes).
    """

    openRequested = Signal(object)
    completeRequested = Signal(object)
    snoozeRequested = Signal(object, str)
    dismissed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels([self.tr("Follow-up"), self.tr("Contact"), self.tr("Due")])
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._rows: dict[str, FollowUpRow] = {}
        self.list.itemActivated.connect(lambda _item, _col: self._emit(self.openRequested))
        self.list.currentItemChanged.connect(lambda *_: self._enable())

        self.open_button = QPushButton(self.tr("&Open"))
        self.complete_button = QPushButton(self.tr("&Complete"))
        self.snooze_button = QToolButton()
        self.snooze_button.setText(self.tr("&Snooze"))
        self.snooze_button.setIcon(icon("follow_up"))
        self.snooze_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.snooze_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # The choices every follow-up offers (15 minutes … next week, pick a time).
        self.snooze_menu = snooze_menu(
            lambda choice: self._snooze(choice.value), lambda: self._snooze(""), self.snooze_button
        )
        self.snooze_button.setMenu(self.snooze_menu)
        self.dismiss_button = QPushButton(self.tr("&Dismiss"))
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested))
        self.complete_button.clicked.connect(lambda: self._emit(self.completeRequested))
        self.dismiss_button.clicked.connect(lambda: self._emit(self.dismissed))

        self.buttons = QHBoxLayout()
        for button in (self.open_button, self.complete_button, self.snooze_button):
            self.buttons.addWidget(button)
        self.buttons.addStretch(1)
        self.buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(self.buttons)
        self._enable()

    def set_reminders(self, reminders: Sequence[Reminder], now: datetime, zone: ZoneInfo) -> None:
        """List ``reminders``; a follow-up already listed gets its row replaced."""
        listed = {str(item.data(0, ID_ROLE)): item for item in self._items()}
        items = []
        for reminder in reminders:
            row = reminder.follow_up
            old = listed.pop(row.id, None)
            if old is not None:  # snoozed and due again: one row, the new one
                self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(old))
            self._rows[row.id] = row
            item = QTreeWidgetItem([row.subject, row.contact, when_text(row, now, zone)])
            item.setData(0, ID_ROLE, row.id)
            if row.overdue:
                item.setForeground(2, QBrush(OVERDUE_COLOUR))
            item.setIcon(0, icon(row.kind.value if row.kind.value in ICONS else "follow_up"))
            item.setToolTip(0, row.notes or row.subject)
            items.append(item)
        self.list.addTopLevelItems(items)  # at once: thousands after a long absence
        first = self.list.topLevelItem(0)
        if self.list.currentItem() is None and first is not None:
            self.list.setCurrentItem(first)
        self._enable()

    def ids(self) -> list[str]:
        """The listed follow-ups' ids, top to bottom."""
        return [str(item.data(0, ID_ROLE)) for item in self._items()]

    def remove(self, follow_up_id: str) -> None:
        """Take the follow-up off the list (if listed)."""
        for item in self._items():
            if item.data(0, ID_ROLE) == follow_up_id:
                self.list.takeTopLevelItem(self.list.indexOfTopLevelItem(item))
        self._rows.pop(follow_up_id, None)
        self._enable()

    def clear(self) -> None:
        """Take every reminder off the list."""
        self.list.clear()
        self._rows.clear()
        self._enable()

    def select(self, follow_up_id: str) -> None:
        """Make the follow-up's row the current one."""
        for item in self._items():
            if item.data(0, ID_ROLE) == follow_up_id:
                self.list.setCurrentItem(item)

    def _items(self) -> list[QTreeWidgetItem]:
        items = (self.list.topLevelItem(row) for row in range(self.list.topLevelItemCount()))
        return [item for item in items if item is not None]

    def current(self) -> FollowUpRow | None:
        """The current row's follow-up (``None`` when the list is empty)."""
        item = self.list.currentItem()
        return self._rows.get(str(item.data(0, ID_ROLE))) if item is not None else None

    def _emit(self, signal: SignalInstance) -> None:
        row = self.current()
        if row is not None:
            signal.emit(row)

    def _snooze(self, value: str) -> None:
        row = self.current()
        if row is not None:
            self.snoozeRequested.emit(row, value)

    def _enable(self) -> None:
        chosen = self.list.currentItem() is not None
        for button in (
            self.open_button,
            self.complete_button,
            self.snooze_button,
            self.dismiss_button,
        ):
            button.setEnabled(chosen)


class ReminderWindow(QWidget):
    """A small window above all others listing the due reminders until they are dealt with.

    It does not keep the app running when it is the last window shown, and hides itself once
    its list is empty.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setWindowTitle(self.tr("Reminders — Desktop CRM"))
        self.setWindowIcon(icon("follow_up"))
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600")
        self.reminders = ReminderList()
        self.dismiss_all = QPushButton(self.tr("Dismiss &All"))
        self.dismiss_all.clicked.connect(self.clear)
        self.reminders.dismissed.connect(lambda row: self.remove(row.id))
        self.reminders.buttons.addWidget(self.dismiss_all)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reminders, 1)
        self.resize(520, 280)

    def add(self, reminders: Sequence[Reminder], now: datetime, zone: ZoneInfo) -> None:
        """List ``reminders`` too and bring the window up (without taking the keyboard)."""
        self.reminders.set_reminders(reminders, now, zone)
        self.reminders.select(reminders[-1].follow_up.id)
        self._update_heading()
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.show()
        self.raise_()

    def remove(self, follow_up_id: str) -> None:
        """Take one follow-up off the window; hide it when none is left."""
        self.reminders.remove(follow_up_id)
        self._update_heading()
        if not self.reminders.ids():
            self.hide()

    def clear(self) -> None:
        """Dismiss every reminder listed and hide the window."""
        self.reminders.clear()
        self.hide()

    def _update_heading(self) -> None:
        self.heading.setText(self.tr("%n follow-ups are due", "", len(self.reminders.ids())))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing dismisses what is listed (each was shown and marked as shown)."""
        self.reminders.clear()
        super().closeEvent(event)


class WhileAwayDialog(QDialog):
    """The "While you were away" list: what fell due while the app was closed, once at start."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("While you were away"))
        self.setWindowIcon(icon("follow_up"))
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: 600")
        self.more = QLabel()
        self.more.setWordWrap(True)
        self.more.hide()
        self.reminders = ReminderList()
        self.reminders.dismissed.connect(lambda row: self.remove(row.id))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.more)
        layout.addWidget(self.reminders, 1)
        layout.addWidget(buttons)
        self.resize(600, 340)

    def set_reminders(self, reminders: Sequence[Reminder], now: datetime, zone: ZoneInfo) -> None:
        """List what fell due while the app was closed (the latest, after a long absence)."""
        # Thousands of rows after months away would freeze the window while they are made,
        # and nobody reads them: the latest ones are listed, Today has every one.
        self.reminders.set_reminders(reminders[-WHILE_AWAY_ROWS:], now, zone)
        if len(reminders) > WHILE_AWAY_ROWS:
            self.more.setText(
                self.tr("The latest %n are listed here; Today lists them all.", "", WHILE_AWAY_ROWS)
            )
            self.more.show()
        self.heading.setText(
            self.tr("%n follow-ups came due while Desktop CRM was closed.", "", len(reminders))
        )

    def remove(self, follow_up_id: str) -> None:
        """Take one follow-up off the list (done or snoozed); close when none is left."""
        self.reminders.remove(follow_up_id)
        if not self.reminders.ids():
            self.accept()
