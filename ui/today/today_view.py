"""The Today screen: follow-ups due and overdue, quiet customers, the open pipeline."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.today.dto import TodaySummary
from ui.amounts import money_text
from ui.text_fill import fill


class _Tile(QFrame):
    """A figure with its caption."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        self.caption = QLabel(caption)
        self.caption.setObjectName("tileCaption")
        # Long captions wrap (at the window's minimum width, or in Chinese) instead of being
        # cut; the figure above keeps its full width.
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class TodayView(QWidget):
    """Shows a :class:`TodaySummary`; the main window loads it on the worker.

    Signals:
        contractActivated(str): An overdue payment's row was opened (its contract's id).
    """

    contractActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.heading = QLabel(self.tr("Today"))
        self.heading.setObjectName("viewTitle")
        layout.addWidget(self.heading)
        tiles = QGridLayout()
        self.overdue = _Tile(self.tr("Overdue follow-ups"))
        self.due_today = _Tile(self.tr("Due today"))
        self.upcoming = _Tile(self.tr("Next 7 days"))
        self.stale = _Tile(self.tr("Customers not contacted for 30 days"))
        self.pipeline = _Tile(self.tr("Open pipeline"))
        for col, tile in enumerate(
            (self.overdue, self.due_today, self.upcoming, self.stale, self.pipeline)
        ):
            tiles.addWidget(tile, 0, col)
        layout.addLayout(tiles)
        self.list = QTreeWidget()
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setHeaderLabels(
            [self.tr("Due"), self.tr("Follow-up"), self.tr("Contact"), self.tr("Kind")]
        )
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.empty = QLabel(self.tr("Nothing due. Enjoy your day."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        contract_id = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(contract_id, str):
            self.contractActivated.emit(contract_id)

    def show_summary(self, summary: TodaySummary) -> None:
        """Fill the screen from ``summary``."""
        self.heading.setText(fill(self.tr("Today, %1"), summary.today.isoformat()))
        self.overdue.value.setText(str(summary.overdue))
        self.due_today.value.setText(str(summary.due_today))
        self.upcoming.value.setText(str(summary.upcoming))
        self.stale.value.setText(str(summary.stale_customers))
        self.stale.caption.setText(
            self.tr("Customers not contacted for %n days", "", summary.stale_days)
        )
        self.pipeline.value.setText(money_text(summary.open_pipeline, summary.currency, whole=True))
        self.list.clear()
        late = QBrush(QColor("#c62828"))
        kinds = {
            "call": self.tr("Call"),
            "meeting": self.tr("Meeting"),
            "visit": self.tr("Visit"),
            "email": self.tr("Email"),
            "message": self.tr("Message"),
            "note": self.tr("Note"),
        }
        for item in summary.items:
            row = QTreeWidgetItem(
                [
                    item.due_on.isoformat(),
                    item.subject,
                    item.contact,
                    kinds.get(item.kind, item.kind),
                ]
            )
            if item.overdue:
                row.setForeground(0, late)
                row.setToolTip(0, self.tr("Overdue"))
            self.list.addTopLevelItem(row)
        # Money owed under contracts: after the follow-ups, each in its contract's currency.
        for due in summary.overdue_payments:
            row = QTreeWidgetItem(
                [
                    due.due_on.isoformat(),
                    fill(
                        self.tr("%1 unpaid on contract %2"),
                        money_text(due.unpaid, due.currency),
                        due.contract_number,
                    ),
                    due.customer,
                    self.tr("Payment"),
                ]
            )
            row.setForeground(0, late)
            row.setToolTip(0, self.tr("Overdue by %n days", "", due.days_overdue))
            row.setData(0, Qt.ItemDataRole.UserRole, due.contract_id)
            self.list.addTopLevelItem(row)
        for col in (0, 2, 3):
            self.list.resizeColumnToContents(col)
        self.empty.setVisible(not summary.items and not summary.overdue_payments)
