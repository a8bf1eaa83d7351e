"""A table model over the contract list that fetches its rows a page at a time.

As the contact and product lists do, the model knows how many rows the list has and keeps the
pages it was shown; ``data`` never touches the database. The service lists contracts newest
number first and sorts nothing else, so another sort reads the filtered list whole and sorts it
here (a business's contracts number in the hundreds or thousands, not millions).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from desktop_crm.services.contracts.dto import ContractFilter, ContractRow
from ui.contracts.texts import late_color, read_contracts

if TYPE_CHECKING:
    from desktop_crm.services.contracts.service import ContractService
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PAGE = 100
ContractRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    "number",
    "quote",
    "customer",
    "owner",
    "signed_on",
    "currency",
    "total",
    "paid",
    "outstanding",
    "overdue",
    "next_due",
    "status",
)
"""The columns the list shows, in order (each one sorts)."""
MONEY = frozenset({"total", "paid", "outstanding", "overdue"})


def _sort_key(key: str) -> Callable[[ContractRow], tuple[bool, Any]]:
    """Orders rows by column ``key``; empty values last."""

    def of(row: ContractRow) -> tuple[bool, Any]:
        value = getattr(row, key)
        if isinstance(value, str):
            value = value.casefold()
        return (value is None or value == "", value if value is not None else "")

    return of


class ContractTableModel(QAbstractTableModel):
    """Rows of the contract list.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
        sort_key: The column it is sorted by.
        descending: Whether the sort is descending.

    Signals:
        loaded(int): A new list is in place (the number of rows).
    """

    loaded = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[ContractRow, str], str],
    ) -> None:
        super().__init__()
        self._worker = worker
        self._headers = headers
        self._display = display
        self._workspace: Workspace | None = None
        self._count = 0
        self._rows: dict[int, ContractRow] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.filter = ContractFilter()
        self.sort_key = "number"
        self.descending = True

    # --- what the view asks -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows in the whole list (not only the loaded ones)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The list's columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; money columns' titles sit right, over their figures."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(COLUMNS[section], COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole and COLUMNS[section] in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell from the loaded pages; a missing row's page is requested, never read here."""
        if not index.isValid() or index.row() >= self._count:
            return None
        row = self._rows.get(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request(index.row() // PAGE)
                return ""
            return None
        key = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        late = row.overdue > 0
        if role == Qt.ItemDataRole.ForegroundRole and late and key in {"overdue", "next_due"}:
            return late_color()
        if role == Qt.ItemDataRole.FontRole and late and key == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key in {"number", "customer"} and row.title:
            return row.title
        if role == ContractRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; a contract is changed through the screen's dialogs."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``: newest number first in pages, any other order read whole."""
        if 0 <= column < len(COLUMNS):
            self.sort_key = COLUMNS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    # --- what the screen does -----------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the contracts of ``workspace`` (``None`` empties the model)."""
        self._workspace = workspace
        self.reload()

    def set_filter(self, flt: ContractFilter) -> None:
        """Show the contracts ``flt`` lets through."""
        self.filter = flt
        self.reload()

    @property
    def paged(self) -> bool:
        """Whether rows come a page at a time (the service's own order)."""
        return self.sort_key == "number" and self.descending

    def reload(self) -> None:
        """Count the list again (after a change, a new sort or filter); pages follow on demand."""
        self._generation += 1
        generation, ws, flt = self._generation, self._workspace, self.filter
        if ws is None:
            self._replace(generation, 0, [])
            return
        today = date.today()
        if self.paged:
            read_contracts(
                self._worker,
                ws,
                lambda s: s.open_list(flt, today).count,
                lambda n: self._replace(generation, n, []),
            )
            return
        key, descending = _sort_key(self.sort_key), self.descending

        def whole(service: ContractService) -> list[ContractRow]:
            count = service.open_list(flt, today).count
            rows = service.page(flt, today, 0, count) if count else []
            return sorted(rows, key=key, reverse=descending)

        read_contracts(
            self._worker, ws, whole, lambda rows: self._replace(generation, len(rows), rows)
        )

    def contract(self, row: int) -> ContractRow | None:
        """The loaded contract at ``row`` (``None`` while its page is loading)."""
        return self._rows.get(row)

    def row_of(self, contract_id: str) -> int | None:
        """The row of a loaded contract, if it is listed and loaded."""
        for row, found in self._rows.items():
            if found.id == contract_id:
                return row
        return None

    @property
    def ready(self) -> bool:
        """Whether no page is being fetched."""
        return not self._pending

    # --- arrivals -----------------------------------------------------------------------------

    def _replace(self, generation: int, count: int, rows: list[ContractRow]) -> None:
        if generation != self._generation:
            return  # an older request answered late
        self.beginResetModel()
        self._count = count
        self._rows = dict(enumerate(rows))
        self._pending.clear()
        self.endResetModel()
        self.loaded.emit(count)

    def _request(self, page: int) -> None:
        ws = self._workspace
        if page in self._pending or ws is None or not self.paged:
            return
        self._pending.add(page)
        generation, flt, today = self._generation, self.filter, date.today()
        read_contracts(
            self._worker,
            ws,
            lambda s: s.page(flt, today, page * PAGE, PAGE),
            lambda rows: self._page_arrived(generation, page, rows),
        )

    def _page_arrived(self, generation: int, page: int, rows: list[ContractRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        first = page * PAGE
        for offset, row in enumerate(rows):
            if first + offset < self._count:
                self._rows[first + offset] = row
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
