"""Move a follow-up to another day or time (a snooze is cleared; a repeat keeps its series)."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.followups.dto import FollowUpRow
from ui.followups.due_editor import DueEditor


class RescheduleDialog(QDialog):
    """A new day, and optionally a time, for one follow-up.

    Args:
        row: The follow-up.
        local: This computer's zone.
        today: The local today (the workspace clock's), for the quick choices.
        parent: The window it belongs to.
    """

    def __init__(
        self, row: FollowUpRow, local: ZoneInfo, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(self.tr("Reschedule follow-up"))
        self.setMinimumWidth(480)
        root = QVBoxLayout(self)
        heading = QLabel(" · ".join(x for x in (row.subject, row.contact) if x))
        heading.setWordWrap(True)
        root.addWidget(heading)
        self.due = DueEditor(local, self)
        self.due.set_due(row.due_on, row.draft().due_time, row.zone)
        root.addWidget(self.due)
        quick = QHBoxLayout()
        for text, day in (
            (self.tr("Tomorrow"), today + timedelta(days=1)),
            (self.tr("In 3 days"), today + timedelta(days=3)),
            (self.tr("Next Monday"), today + timedelta(days=7 - today.weekday())),
            (self.tr("In 2 weeks"), today + timedelta(days=14)),
        ):
            button = QPushButton(text)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=day: self._move_to(d))
            quick.addWidget(button)
        quick.addStretch(1)
        root.addLayout(quick)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

    def _move_to(self, day: date) -> None:
        self.due.set_due(day, self.due.wall(), self.due.zone())

    def values(self) -> tuple[date, time | None, str | None]:
        """The new day, wall time (``None``: all-day) and zone (``None``: this computer's)."""
        return self.due.day(), self.due.wall(), self.due.zone()
