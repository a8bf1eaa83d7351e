"""Snoozing a reminder: the choices offered everywhere, and a dialog to pick a moment.

Snoozing moves when the reminder fires, never when the follow-up is due (see
``domain.followup_time``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.followup_time import Snooze
from ui.translation_context import TranslationContext

PICK_DEFAULT = timedelta(hours=2)


class SnoozeTexts(TranslationContext):
    """Translation context of the snooze choices."""


def snooze_choices() -> list[tuple[Snooze, str]]:
    """The snooze choices with their words, in the order offered."""
    return [
        (Snooze.MINUTES_15, SnoozeTexts.tr("15 minutes")),
        (Snooze.HOUR, SnoozeTexts.tr("1 hour")),
        (Snooze.TOMORROW_MORNING, SnoozeTexts.tr("Tomorrow morning")),
        (Snooze.NEXT_WEEK, SnoozeTexts.tr("Next week")),
    ]


def snooze_menu(
    chosen: Callable[[Snooze], object], pick: Callable[[], object], parent: QWidget | None = None
) -> QMenu:
    """A menu of the snooze choices; "Pick a time…" calls ``pick``.

    Args:
        chosen: Called with the choice clicked.
        pick: Called for "Pick a time…".
        parent: The menu's parent.
    """
    menu = QMenu(SnoozeTexts.tr("Snooze"), parent)
    for choice, text in snooze_choices():
        action = menu.addAction(text)
        action.setData(choice.value)
        action.triggered.connect(lambda _c=False, c=choice: chosen(c))
    menu.addSeparator()
    action = menu.addAction(SnoozeTexts.tr("Pick a time…"))
    action.triggered.connect(lambda _c=False: pick())
    return menu


def qt_moment(moment: datetime, zone: ZoneInfo) -> QDateTime:
    """A moment's wall time in ``zone``, held as a QDateTime to edit.

    The wall time is kept in Qt's UTC (a floating wall time): Qt's own local zone is the
    machine's, which is not always the workspace clock's, and its DST gaps are not ours.
    """
    local = moment.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def py_moment(shown: QDateTime, zone: ZoneInfo) -> datetime:
    """A wall time typed in ``zone`` as an aware moment."""
    day, wall = shown.date(), shown.time()
    local = datetime(day.year(), day.month(), day.day(), wall.hour(), wall.minute(), tzinfo=zone)
    return local.astimezone(UTC)


class SnoozePickDialog(QDialog):
    """Pick the moment a reminder fires again (local time).

    Args:
        now: The current moment (the workspace clock's).
        local: This computer's zone.
        parent: The window it belongs to.
    """

    def __init__(self, now: datetime, local: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._local = local
        self.setWindowTitle(self.tr("Snooze until"))
        root = QVBoxLayout(self)
        root.addWidget(QLabel(self.tr("Remind me again at:")))
        self.moment = QDateTimeEdit()
        self.moment.setCalendarPopup(True)
        self.moment.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.moment.setDateTime(qt_moment(now + PICK_DEFAULT, local))
        self.moment.setMinimumDateTime(qt_moment(now, local))
        root.addWidget(self.moment)
        hint = QLabel(self.tr("When it is due does not change; use Reschedule for that."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        root.addWidget(hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

    def until(self) -> datetime:
        """The moment picked."""
        return py_moment(self.moment.dateTime(), self._local)
