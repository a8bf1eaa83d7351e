"""What each customer has paid and still owes under their contracts, per currency."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.contracts.dto import CustomerBalance
from ui.contracts.texts import late_color, money

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_MONEY_COLUMNS = (3, 4, 5, 6)


class _Item(QTableWidgetItem):
    """A cell that sorts by its value (amounts by number, names by their text)."""

    def __init__(self, text: str, key: Decimal | str) -> None:
        super().__init__(text)
        self.key = key

    def __lt__(self, other: QTableWidgetItem) -> bool:
        if isinstance(other, _Item) and type(self.key) is type(other.key):
            return self.key < other.key  # type: ignore[operator]
        return super().__lt__(other)


class BalancesView(QWidget):
    """Customers with their contracts' total, paid, outstanding and overdue.

    Signals:
        customerChosen(str): Show this customer's contracts (a double-click).
    """

    customerChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.hint = QLabel(
            self.tr(
                "Each customer's contracts summed up per currency, figures as of today. "
                "Double-click a customer to list their contracts."
            )
        )
        self.hint.setObjectName("tileCaption")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        headers = [
            self.tr("Customer"),
            self.tr("Currency"),
            self.tr("Contracts"),
            self.tr("Total"),
            self.tr("Paid"),
            self.tr("Outstanding"),
            self.tr("Overdue"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        for column in (2, *_MONEY_COLUMNS):
            item = self.table.horizontalHeaderItem(column)
            if item is not None:
                item.setTextAlignment(_RIGHT)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._chosen)
        layout.addWidget(self.table, 1)
        self.balances: list[CustomerBalance] = []

    def show_balances(self, balances: list[CustomerBalance]) -> None:
        """List ``balances``, most overdue first."""
        self.balances = balances
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(balances))
        bold = QFont()
        bold.setBold(True)
        for row, found in enumerate(balances):
            b, cur = found.balance, found.currency
            cells = [
                _Item(found.customer, found.customer.casefold()),
                _Item(cur, cur),
                _Item(str(found.contracts), Decimal(found.contracts)),
                _Item(money(b.total, cur), b.total),
                _Item(money(b.paid, cur), b.paid),
                _Item(money(b.outstanding, cur), b.outstanding),
                _Item(money(b.overdue, cur), b.overdue),
            ]
            for column in (2, *_MONEY_COLUMNS):
                cells[column].setTextAlignment(_RIGHT)
            if b.overdue > 0:
                cells[6].setForeground(late_color())
                cells[6].setFont(bold)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            item = self.table.item(rows[0].row(), 0)
            if item is not None:
                self.customerChosen.emit(item.text())
