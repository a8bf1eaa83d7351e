"""When a follow-up is due, as the plan and reschedule dialogs edit it: a day, optionally a time.

A timed follow-up keeps the zone it was planned in: a call set for 09:00 in Shanghai stays at
09:00 Shanghai when the laptop is in Berlin, and the editor says what that is here
("09:00 Asia/Shanghai = 02:00 here"), with a button to plan it in this computer's zone instead.
"""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.followup_time import moment_of, wall_time
from desktop_crm.domain.local_zone import zone as zone_named
from ui.followups.texts import zone_note

DEFAULT_TIME = time(9, 0)


def qdate(day: date) -> QDate:
    """A Python day as a QDate."""
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    """A QDate as a Python day."""
    return date(day.year(), day.month(), day.day())


class DueEditor(QWidget):
    """A day with a calendar popup, "At a time" and a time, and the zone when it is not local.

    Args:
        local: The zone this computer is in (the workspace clock's).
        parent: The widget it sits in.

    Signals:
        changed(): The day, the time or the zone changed.
    """

    changed = Signal()

    def __init__(self, local: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._local = local
        self._zone: ZoneInfo = local
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.at_time = QCheckBox(self.tr("At a time"))
        self.time_edit = QTimeEdit(QTime(DEFAULT_TIME.hour, DEFAULT_TIME.minute))
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setEnabled(False)
        row.addWidget(self.date_edit)
        row.addWidget(self.at_time)
        row.addWidget(self.time_edit)
        row.addStretch(1)
        layout.addLayout(row)
        zone_row = QHBoxLayout()
        self.zone_label = QLabel()
        self.zone_label.setObjectName("hint")
        self.zone_label.setWordWrap(True)
        self.local_button = QPushButton(self.tr("Use this computer's time zone"))
        self.local_button.setToolTip(
            self.tr("Keep the same moment, shown and planned in the time zone this computer is in")
        )
        self.local_button.clicked.connect(self.use_local_zone)
        zone_row.addWidget(self.zone_label, 1)
        zone_row.addWidget(self.local_button)
        layout.addLayout(zone_row)
        self.at_time.toggled.connect(self.time_edit.setEnabled)
        for signal in (
            self.at_time.toggled,
            self.date_edit.dateChanged,
            self.time_edit.timeChanged,
        ):
            signal.connect(self._on_changed)
        self._show_zone()

    # --- values ------------------------------------------------------------------------------

    def set_due(self, day: date, wall: time | None, zone: str | None) -> None:
        """Show ``day`` (and ``wall`` in ``zone``; ``None``: all-day; zone ``None``: local)."""
        self._zone = zone_named(zone) if zone else self._local
        for widget in (self.date_edit, self.at_time, self.time_edit):
            widget.blockSignals(True)
        self.date_edit.setDate(qdate(day))
        self.at_time.setChecked(wall is not None)
        self.time_edit.setEnabled(wall is not None)
        if wall is not None:
            self.time_edit.setTime(QTime(wall.hour, wall.minute))
        for widget in (self.date_edit, self.at_time, self.time_edit):
            widget.blockSignals(False)
        self._on_changed()

    def day(self) -> date:
        """The day (in the zone of :meth:`zone` for a timed one)."""
        return pydate(self.date_edit.date())

    def wall(self) -> time | None:
        """The wall time, or ``None`` for all-day."""
        if not self.at_time.isChecked():
            return None
        shown = self.time_edit.time()
        return time(shown.hour(), shown.minute())

    def zone(self) -> str | None:
        """The zone of the wall time: ``None`` when it is this computer's (or all-day)."""
        if self.wall() is None or self._zone.key == self._local.key:
            return None
        return self._zone.key

    def use_local_zone(self) -> None:
        """Plan the same moment in this computer's zone (its day and wall time here)."""
        wall = self.wall()
        if wall is not None:
            day, here = wall_time(moment_of(self.day(), wall, self._zone), self._local)
            self.set_due(day, here, None)
        else:
            self._zone = self._local
            self._on_changed()

    # --- showing -----------------------------------------------------------------------------

    def _on_changed(self) -> None:
        self._show_zone()
        self.changed.emit()

    def _show_zone(self) -> None:
        wall = self.wall()
        note = "" if wall is None else zone_note(self.day(), wall, self._zone, self._local)
        self.zone_label.setText(note)
        self.zone_label.setVisible(bool(note))
        self.local_button.setVisible(bool(note))
