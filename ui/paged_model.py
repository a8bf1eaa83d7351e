"""A table model that fetches its rows a page at a time (Anki's browser idea).

The model knows how many rows its list has and keeps the pages it was shown, by position.
``data`` never touches the database: a missing row shows empty while its page is read on the
worker (on the reader, which answers while an import or undo holds the writer); when it arrives
the cells update. Sorting and filtering count the list again, so a large list sorts in SQL,
never in a proxy model. Each new count starts a new generation: a count or page asked for
before it that answers late is dropped.

A subclass names its columns and says how to count the list (``_read_count``, ``_accept_count``),
how to read a page (``_read_page``) and how a loaded row shows (``cell_data``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PAGE = 100
"""Rows read at a time."""
RowRole = Qt.ItemDataRole.UserRole + 1
"""The role whose data is the loaded row itself."""
Index = QModelIndex | QPersistentModelIndex


class Identified(Protocol):
    """A row with an id."""

    @property
    def id(self) -> str:
        """The record's id."""
        ...


RowT = TypeVar("RowT", bound=Identified)
AnswerT = TypeVar("AnswerT")


class PagedTableModel(QAbstractTableModel, Generic[RowT, AnswerT]):
    """Rows of one list, loaded by page on demand.

    ``RowT`` is a row's type; ``AnswerT`` what a count read answers (often the count itself).

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.
        columns: The column keys shown, in order.
        sort_key: The column the list starts sorted by.
        descending: Whether it starts sorted descending.

    Attributes:
        columns: The column keys shown, in order.
        sort_key: The column the list is sorted by.
        descending: Whether the sort is descending.
        cache_rows: How many loaded rows are kept (the least recently loaded go first), or
            ``None`` to keep every row loaded.
        aligned_headers: Whether column titles take their cells' ``alignment``.

    Signals:
        loaded(int): A new list is in place (the number of rows).
    """

    loaded = Signal(int)
    cache_rows: int | None = None
    aligned_headers = False

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[RowT, str], str],
        columns: Sequence[str],
        sort_key: str,
        descending: bool,
    ) -> None:
        super().__init__()
        self._worker = worker
        self._headers = headers
        self._display = display
        self._workspace: Workspace | None = None
        self._count = 0
        self._rows: OrderedDict[int, RowT] = OrderedDict()  # by position
        self._pending: set[int] = set()  # pages asked for
        self._generation = 0
        self.columns: list[str] = list(columns)
        self.sort_key = sort_key
        self.descending = descending

    # --- what a subclass gives ----------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[AnswerT], None]) -> None:
        """Count the list on the worker and hand the answer to ``done`` (on the GUI thread)."""
        raise NotImplementedError

    def _accept_count(self, answer: AnswerT | None) -> int:
        """Take a current count answer (``None``: no workspace) while the model resets.

        Returns:
            The number of rows in the list. Rows the answer carries may be put in ``_rows``.
        """
        raise NotImplementedError

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[RowT]], None]
    ) -> None:
        """Read ``size`` rows from position ``start`` on the worker and hand them to ``done``."""
        raise NotImplementedError

    def cell_data(self, row: RowT, key: str, role: int) -> Any:
        """A loaded row's data for column ``key`` in a role other than display and the row's."""
        return None

    def alignment(self, key: str) -> int | None:
        """How column ``key``'s cells align (``None``: as the view's default)."""
        return None

    def sortable(self, column: int) -> bool:
        """Whether the list sorts by ``column``."""
        return 0 <= column < len(self.columns)

    # --- what the view asks -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows in the whole list (not only the loaded ones)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The list's columns."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (aligned as their cells are, with ``aligned_headers``)."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        key = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(key, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and self.aligned_headers:
            return self.alignment(key)
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
        key = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(key)
        if role == RowRole:
            return row
        return self.cell_data(row, key, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; cells are not edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column`` (if it sorts) through a new count and fresh pages."""
        if self.sortable(column):
            self.sort_key = self.columns[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    # --- what the screen does -----------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the list of ``workspace`` (``None`` empties the model)."""
        self._workspace = workspace
        self.reload()

    def reload(self) -> None:
        """Count the list again (after a change, a new sort or filter); pages follow on demand."""
        self._generation += 1
        generation, ws = self._generation, self._workspace
        if ws is None:
            self._replace(generation, None)
            return
        self._read_count(ws, lambda answer: self._replace(generation, answer))

    def row_at(self, row: int) -> RowT | None:
        """The loaded row at position ``row`` (``None`` while its page is loading)."""
        return self._rows.get(row)

    def row_of(self, record_id: str) -> int | None:
        """The position of a loaded row by its id, if it is loaded."""
        return next((r for r, found in self._rows.items() if found.id == record_id), None)

    @property
    def ready(self) -> bool:
        """Whether no page is being fetched."""
        return not self._pending

    # --- arrivals -----------------------------------------------------------------------------

    def _replace(self, generation: int, answer: AnswerT | None) -> None:
        if generation != self._generation:
            return  # an older request answered late
        self.beginResetModel()
        self._rows.clear()
        self._pending.clear()
        self._count = self._accept_count(answer)
        self.endResetModel()
        self.loaded.emit(self._count)

    def _request(self, page: int) -> None:
        ws = self._workspace
        if page in self._pending or ws is None:
            return
        self._pending.add(page)
        generation = self._generation
        self._read_page(
            ws, page * PAGE, PAGE, lambda rows: self._page_arrived(generation, page, rows)
        )

    def _page_arrived(self, generation: int, page: int, rows: list[RowT]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        first = page * PAGE
        for position in range(first, min(first + len(rows), self._count)):
            self._rows[position] = rows[position - first]
            self._rows.move_to_end(position)
        if self.cache_rows is not None:
            while len(self._rows) > self.cache_rows:
                self._rows.popitem(last=False)
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, max(len(self.columns) - 1, 0))
            )
