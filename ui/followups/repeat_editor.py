"""How often a follow-up repeats: none, every N days, weeks or months, or every week on a day.

Under the choice a line says what it means, computed as the service will plan it
(``domain.repeat.occurrences``): "Every 2 weeks, then on 2026-12-07, 2026-12-21".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from desktop_crm.domain.repeat import MAX_EVERY, Repeat, parse_repeat
from ui.followups.texts import repeat_summary, weekday_names

MODES = ("none", "days", "weeks", "months", "weekday")


class RepeatEditor(QWidget):
    """The repeat of a follow-up and its plain-language summary.

    Signals:
        changed(): The repeat changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._start = date.today()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.mode = QComboBox()
        for key, text in (
            ("none", self.tr("Does not repeat")),
            ("days", self.tr("Every few days")),
            ("weeks", self.tr("Every few weeks")),
            ("months", self.tr("Every few months")),
            ("weekday", self.tr("Every week on a weekday")),
        ):
            self.mode.addItem(text, key)
        self.every = QSpinBox()
        self.every.setRange(1, MAX_EVERY)
        self.every.setPrefix(self.tr("every "))
        self.weekday = QComboBox()
        for number, name in enumerate(weekday_names()):
            self.weekday.addItem(name, number)
        row.addWidget(self.mode)
        row.addWidget(self.every)
        row.addWidget(self.weekday)
        row.addStretch(1)
        layout.addLayout(row)
        self.summary = QLabel()
        self.summary.setObjectName("hint")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.mode.currentIndexChanged.connect(self._on_changed)
        self.every.valueChanged.connect(self._on_changed)
        self.weekday.currentIndexChanged.connect(self._on_changed)
        self._on_changed()

    def set_start(self, start: date) -> None:
        """The first day of the series (the due day): the summary counts from it."""
        if start != self._start:
            before = self._start
            self._start = start
            # A weekday repeat still on the old due day's weekday follows the day moved.
            if (
                self.mode.currentData() != "weekday"
                or self.weekday.currentData() == before.weekday()
            ):
                self.weekday.blockSignals(True)
                self.weekday.setCurrentIndex(start.weekday())
                self.weekday.blockSignals(False)
            self._show()

    def set_repeat(self, rule: str | None) -> None:
        """Show a stored repeat (an RRULE body or words ``parse_repeat`` reads; ``None``: none).

        Raises:
            ValueError: Text that names no repeat.
        """
        found = parse_repeat(rule) if rule else None
        for widget in (self.mode, self.every, self.weekday):
            widget.blockSignals(True)
        if found is None:
            self.mode.setCurrentIndex(MODES.index("none"))
            self.every.setValue(1)
        else:
            mode = "weekday" if found.weekday is not None else found.unit
            self.mode.setCurrentIndex(MODES.index(mode))
            self.every.setValue(found.every)
            self.weekday.setCurrentIndex(
                found.weekday if found.weekday is not None else self._start.weekday()
            )
        for widget in (self.mode, self.every, self.weekday):
            widget.blockSignals(False)
        self._on_changed()

    def repeat(self) -> Repeat | None:
        """The repeat chosen, or ``None``."""
        mode = str(self.mode.currentData())
        if mode == "none":
            return None
        if mode == "weekday":
            return Repeat("weeks", self.every.value(), int(self.weekday.currentData()))
        return Repeat(mode, self.every.value())

    def rule(self) -> str | None:
        """The repeat as the RRULE body the service takes, or ``None``."""
        found = self.repeat()
        return None if found is None else found.rule(self._start)

    def _on_changed(self) -> None:
        mode = self.mode.currentData()
        # "Every Monday" needs no count; a stored fortnightly Monday shows its 2.
        self.every.setVisible(mode not in ("none", "weekday") or self.every.value() > 1)
        self.weekday.setVisible(mode == "weekday")
        units = {
            "days": self.tr(" days"),
            "weeks": self.tr(" weeks"),
            "months": self.tr(" months"),
            "weekday": self.tr(" weeks, on"),
        }
        self.every.setSuffix(units.get(str(mode), ""))
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        found = self.repeat()
        # "Does not repeat" is the choice's own word already: no line to repeat it.
        self.summary.setText("" if found is None else repeat_summary(found, self._start))
        self.summary.setVisible(found is not None)
