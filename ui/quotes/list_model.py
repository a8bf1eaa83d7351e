"""A table model over the quote list that fetches its rows a page at a time.

As the contact and product lists do: the model knows how many rows the list has and keeps the
pages it was shown. ``data`` never touches the database; a missing row shows empty while its
page is read on the worker's reader (which answers while an import holds the writer). Sorting
and filtering ask the service for a new count and sort in SQL; amounts are priced per page,
so they show but do not sort (``QUOTE_SORTS``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import QUOTE_SORTS, QuoteFilter, QuoteRow

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PAGE = 100
CACHE_ROWS = 5_000
QuoteRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
COLUMNS = (
    "number",
    "revision",
    "customer",
    "owner",
    "issued_on",
    "valid_until",
    "status",
    "currency",
    "subtotal",
    "tax",
    "total",
)
"""The columns the list shows, in order."""
RIGHT = frozenset({"revision", "subtotal", "tax", "total"})
CENTRE = frozenset({"currency"})
# Statuses a reader should notice at a glance: what is won, lost or stale.
_STATUS_COLOURS = {
    QuoteStatus.ACCEPTED: QColor("#2e7d32"),
    QuoteStatus.REJECTED: QColor("#9e9e9e"),
    QuoteStatus.EXPIRED: QColor("#c62828"),
}


class QuoteTableModel(QAbstractTableModel):
    """Rows of the quote list (each quote at its latest revision).

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
        sort_key: The column it is sorted by (one of ``QUOTE_SORTS``).
        descending: Whether the sort is descending.

    Signals:
        loaded(int): A new list is in place (the number of rows).
    """

    loaded = Signal(int)

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[QuoteRow, str], str],
    ) -> None:
        super().__init__()
        self._worker = worker
        self._headers = headers
        self._display = display
        self._workspace: Workspace | None = None
        self._count = 0
        self._rows: OrderedDict[int, QuoteRow] = OrderedDict()  # by position
        self._pending: set[int] = set()
        self._generation = 0
        self.counting = False  # a new count is on its way: the loaded rows are stale
        self.filter = QuoteFilter()
        self.sort_key = "issued_on"
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
        """Column titles, aligned as their cells are."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(key, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(key)
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
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return _STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and key == "customer":
            return row.customer or None
        if role == QuoteRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; quotes are changed in the editor, not in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL through a new count and fresh pages (amounts do not sort)."""
        if self.sortable(column):
            self.sort_key = COLUMNS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    @staticmethod
    def sortable(column: int) -> bool:
        """Whether the list sorts by ``column``."""
        return 0 <= column < len(COLUMNS) and COLUMNS[column] in QUOTE_SORTS

    # --- what the screen does -----------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the quotes of ``workspace`` (``None`` empties the model)."""
        self._workspace = workspace
        self.reload()

    def set_filter(self, flt: QuoteFilter) -> None:
        """Show the quotes ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        """Count the list again (after a change, a new sort or filter); pages follow on demand."""
        self._generation += 1
        generation, ws, flt = self._generation, self._workspace, self.filter
        if ws is None:
            self._replace(generation, 0)
            return
        self.counting = True
        self._worker.read(
            lambda: ws.reads.quotes.count(flt), lambda n: self._replace(generation, n)
        )

    def quote(self, row: int) -> QuoteRow | None:
        """The loaded quote at ``row`` (``None`` while its page is loading)."""
        return self._rows.get(row)

    def row_of(self, quote_id: str) -> int | None:
        """The position of a loaded quote, if it is loaded."""
        return next((r for r, q in self._rows.items() if q.id == quote_id), None)

    @property
    def ready(self) -> bool:
        """Whether no page is being fetched."""
        return not self._pending

    # --- arrivals -----------------------------------------------------------------------------

    def _replace(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return  # an older request answered late
        self.counting = False
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
            lambda: ws.reads.quotes.page(flt, key, desc, page * PAGE, PAGE),
            lambda rows: self._page_arrived(generation, page, rows),
        )

    def _page_arrived(self, generation: int, page: int, rows: list[QuoteRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        first = page * PAGE
        for offset, row in enumerate(rows):
            if first + offset < self._count:
                self._rows[first + offset] = row
                self._rows.move_to_end(first + offset)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))


def _alignment(key: str) -> int:
    if key in RIGHT:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if key in CENTRE:
        return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
