"""A table model over the product list that fetches its rows a page at a time.

As the contact list does: the model knows how many rows the list has and keeps the pages it
was shown. ``data`` never touches the database; a missing row shows empty while its page is
read on the worker's reader (which answers while an import holds the writer). Sorting and
filtering ask the service for a new count, and sort in SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_crm.services.products.dto import SORT_KEYS, ProductFilter, ProductRow, ProductSort

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PAGE = 100
ProductRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
COLUMNS: tuple[ProductSort, ...] = (
    "sku",
    "name",
    "name_alt",
    "unit",
    "price",
    "tax_rate",
    "price_includes_tax",
    "active",
)
"""The columns the list shows, in order (each one sorts)."""
_RIGHT = frozenset({"price", "tax_rate"})


class ProductTableModel(QAbstractTableModel):
    """Rows of the product list.

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
        display: Callable[[ProductRow, str], str],
    ) -> None:
        super().__init__()
        self._worker = worker
        self._headers = headers
        self._display = display
        self._workspace: Workspace | None = None
        self._count = 0
        self._rows: dict[int, ProductRow] = {}  # by position; a catalogue fits whole
        self._pending: set[int] = set()
        self._generation = 0
        self.filter = ProductFilter()
        self.sort_key: ProductSort = "name"
        self.descending = False

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
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self._headers.get(COLUMNS[section], COLUMNS[section])
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
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.description:
            return row.description
        if role == Qt.ItemDataRole.TextAlignmentRole and key in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            # Archived products read as set aside, as disabled text does.
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == ProductRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; cells are edited in the editor, not in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL through a new count and fresh pages."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column] in SORT_KEYS:
            self.sort_key = COLUMNS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    # --- what the screen does -----------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the products of ``workspace`` (``None`` empties the model)."""
        self._workspace = workspace
        self.reload()

    def set_filter(self, flt: ProductFilter) -> None:
        """Show the products ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Count the list again (after a change, a new sort or filter); pages follow on demand."""
        self._generation += 1
        generation, ws, flt = self._generation, self._workspace, self.filter
        if ws is None:
            self._replace(generation, 0)
            return
        self._worker.read(
            lambda: ws.reads.products.count(flt), lambda n: self._replace(generation, n)
        )

    def product(self, row: int) -> ProductRow | None:
        """The loaded product at ``row`` (``None`` while its page is loading)."""
        return self._rows.get(row)

    @property
    def ready(self) -> bool:
        """Whether no page is being fetched."""
        return not self._pending

    # --- arrivals -----------------------------------------------------------------------------

    def _replace(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return  # an older request answered late
        self.beginResetModel()
        self._count = count
        self._rows.clear()
        self._pending.clear()
        self.endResetModel()
        self.loaded.emit(count)

    def _request(self, page: int) -> None:
        ws = self._workspace
        if page in self._pending or ws is None:
            return
        self._pending.add(page)
        generation, flt, key, desc = self._generation, self.filter, self.sort_key, self.descending
        self._worker.read(
            lambda: ws.reads.products.page(flt, key, desc, page * PAGE, PAGE),
            lambda rows: self._page_arrived(generation, page, rows),
        )

    def _page_arrived(self, generation: int, page: int, rows: list[ProductRow]) -> None:
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
