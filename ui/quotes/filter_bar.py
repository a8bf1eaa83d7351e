"""The quote list's filter bar: status, customer, owner, period and free text.

Typing waits a moment before the list is asked again (the count, pages and totals are read on
the worker's reader), so a key press never waits on the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import QuoteFilter
from ui.quotes.quote_values import period_range, status_labels


class QuoteFilterBar(QWidget):
    """Filters of the quote list.

    Signals:
        changed: The filter changed (read it with :meth:`current_filter`).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Any status"), None)
        for value, text in status_labels().items():
            self.status_box.addItem(text, value)
        self.customer = QLineEdit()
        self.customer.setPlaceholderText(self.tr("Customer…"))
        self.customer.setClearButtonEnabled(True)
        self.customer.setMaximumWidth(200)
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Any owner"), None)
        self.period_box = QComboBox()
        self.period_box.addItem(self.tr("Any time"), None)
        self.period_box.addItem(self.tr("This month"), "month")
        self.period_box.addItem(self.tr("This quarter"), "quarter")
        self.period_box.addItem(self.tr("This year"), "year")
        self.period_box.addItem(self.tr("Custom…"), "custom")
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        self.dash = QLabel("–")
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self._emit)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Number, notes or line text…"))
        self.text.setClearButtonEnabled(True)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear all filters"))
        self.clear_button.clicked.connect(self.clear)
        for box in (self.status_box, self.owner_box, self.period_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.currentIndexChanged.connect(self._emit)
        self.period_box.currentIndexChanged.connect(self._show_dates)
        widgets: list[QWidget] = [
            self.status_box,
            self.customer,
            self.owner_box,
            self.period_box,
            self.date_from,
            self.dash,
            self.date_to,
        ]
        for widget in widgets:
            layout.addWidget(widget)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.clear_button)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(200)
        self._debounce.timeout.connect(self.changed)
        self.customer.textChanged.connect(lambda _t: self._debounce.start())
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        self._show_dates()

    def set_owners(self, owners: list[tuple[str, str]]) -> None:
        """Offer these ``(id, name)`` users, keeping the one chosen."""
        current = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        while self.owner_box.count() > 1:
            self.owner_box.removeItem(1)
        for user_id, name in owners:
            self.owner_box.addItem(name, user_id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(current)) if current else 0)
        self.owner_box.blockSignals(False)

    def current_filter(self, today: date | None = None) -> QuoteFilter:
        """The filter the bar describes."""
        status = self.status_box.currentData()
        period = self.period_box.currentData()
        if period == "custom":
            first: date | None = self.date_from.date().toPython()  # type: ignore[assignment]
            last: date | None = self.date_to.date().toPython()  # type: ignore[assignment]
        else:
            first, last = period_range(str(period), today or date.today())
        return QuoteFilter(
            status=QuoteStatus(status) if status else None,
            customer=self.customer.text().strip(),
            owner_id=self.owner_box.currentData(),
            issued_from=first,
            issued_to=last,
            text=self.text.text().strip(),
        )

    def is_clear(self) -> bool:
        """Whether the bar lets every quote through."""
        return self.current_filter() == QuoteFilter()

    def clear(self) -> None:
        """Show every quote again."""
        widgets: list[Any] = [self.status_box, self.owner_box, self.period_box]
        for box in widgets:
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.customer, self.text):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self._show_dates()
        self.changed.emit()

    def _emit(self, *_args: Any) -> None:
        custom = self.period_box.currentData() == "custom"
        if self.sender() in (self.date_from, self.date_to) and not custom:
            return  # the dates only count for a custom period
        self.changed.emit()

    def _show_dates(self, *_args: Any) -> None:
        custom = self.period_box.currentData() == "custom"
        for widget in (self.date_from, self.dash, self.date_to):
            widget.setVisible(custom)
