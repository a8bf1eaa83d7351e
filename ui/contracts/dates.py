"""Date fields of the contract dialogs: ISO display, a calendar, ``date`` in and out."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QSizePolicy, QWidget


def date_edit(day: date | None, fallback: date, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar, showing ``day`` (or ``fallback``) as 2027-01-15."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    # As wide as a date needs, in every dialog: a form does not stretch it to its edge.
    edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("2026-12-31") + 44)
    edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    shown = day or fallback
    edit.setDate(QDate(shown.year, shown.month, shown.day))
    return edit


def picked(edit: QDateEdit) -> date:
    """The day a date field shows."""
    day = edit.date()
    return date(day.year(), day.month(), day.day())
