"""The contract list's filters: text, status, owner, period and "has overdue"."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.services.contracts.dto import ContractFilter
from ui.contracts.texts import status_label


def period_bounds(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a period the filter offers (``None``: open)."""
    if key == "month":
        return today.replace(day=1), today
    if key == "quarter":
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today
    if key == "year":
        return today.replace(month=1, day=1), today
    if key == "last_year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if key == "90":
        return today - timedelta(days=90), today
    return None, None


class ContractFilterBar(QWidget):
    """What the contract list shows; typing is debounced, choices apply at once.

    Signals:
        changed: The filter changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by customer, number or title…"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 1)
        self.status_box = QComboBox()
        self.status_box.addItem(self.tr("Any status"), None)
        for status in ContractStatus:
            self.status_box.addItem(status_label(status), status.value)
        bar.addWidget(self.status_box)
        self.owner_box = QComboBox()
        self.owner_box.addItem(self.tr("Any owner"), None)
        self.owner_box.setVisible(False)
        bar.addWidget(self.owner_box)
        self.period_box = QComboBox()
        for key, text in (
            (None, self.tr("Any time")),
            ("month", self.tr("Signed this month")),
            ("90", self.tr("Signed in the last 90 days")),
            ("quarter", self.tr("Signed this quarter")),
            ("year", self.tr("Signed this year")),
            ("last_year", self.tr("Signed last year")),
        ):
            self.period_box.addItem(text, key)
        bar.addWidget(self.period_box)
        self.overdue_box = QCheckBox(self.tr("Has overdue"))
        self.overdue_box.setToolTip(self.tr("Only contracts with an instalment past due"))
        bar.addWidget(self.overdue_box)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.status_box, self.owner_box, self.period_box):
            box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.overdue_box.toggled.connect(lambda _on: self.changed.emit())

    def current_filter(self) -> ContractFilter:
        """The filter the bar describes."""
        status = self.status_box.currentData()
        start, end = period_bounds(str(self.period_box.currentData() or ""), date.today())
        return ContractFilter(
            status=ContractStatus(status) if status else None,
            customer=self.search.text().strip(),
            owner_id=self.owner_box.currentData(),
            signed_from=start,
            signed_to=end,
            has_overdue=self.overdue_box.isChecked(),
        )

    def clear(self) -> None:
        """Back to every contract (without announcing it: the caller reloads)."""
        widgets = (self.search, self.status_box, self.owner_box, self.period_box, self.overdue_box)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.status_box, self.owner_box, self.period_box):
            box.setCurrentIndex(0)
        self.overdue_box.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._debounce.stop()

    def show_owners(self, owners: tuple[tuple[str, str], ...]) -> None:
        """Offer these ``(id, name)`` owners (the box shows only when there are several)."""
        current = self.owner_box.currentData()
        self.owner_box.blockSignals(True)
        while self.owner_box.count() > 1:
            self.owner_box.removeItem(1)
        for owner_id, name in owners:
            self.owner_box.addItem(name, owner_id)
        self.owner_box.setCurrentIndex(max(0, self.owner_box.findData(current)))
        self.owner_box.blockSignals(False)
        # One user, one owner: nothing to choose between until the team shares the file.
        self.owner_box.setVisible(len(owners) > 1)
