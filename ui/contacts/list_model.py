"""A table model over a contact list that fetches rows lazily (Anki's browser idea).

The model knows how many rows the list has (and their ids when a text filter makes the list
small) and keeps a bounded cache of rows by position. ``data`` never touches the database: a
missing row shows empty and its page is requested from the worker's reader (which answers while
an import or undo holds the writer); when it arrives the cells update. Sorting and filtering
ask the service for a new count, so 100,000 rows sort in SQL through an index, never in a
proxy model.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter, ContactRow, ListSnapshot

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

PAGE = 100
CACHE_ROWS = 5_000
RecordRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class ContactTableModel(QAbstractTableModel):
    """Rows of one contact list.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        columns: The column keys shown, in order.
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
        display: Callable[[ContactRow, str], str],
    ) -> None:
        super().__init__()
        self._worker = worker
        self._headers = headers
        self._display = display
        self._workspace: Workspace | None = None
        self._count = 0
        self._ids: tuple[int, ...] | None = None
        self._rows: OrderedDict[int, ContactRow] = OrderedDict()  # by position
        self._pending: set[int] = set()
        self._generation = 0
        self.columns: list[str] = [
            "name",
            "company",
            "title",
            "phone",
            "email",
            "city",
            "status",
            "last_contacted_at",
        ]
        self.filter = ContactFilter()
        self.sort_key, self.descending = "name", False

    # --- what the view asks -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Rows in the whole list (not only the loaded ones)."""
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """Columns the user chose."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self._headers.get(self.columns[section], self.columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell from the cache; a missing row is requested, never read here."""
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
        if role == Qt.ItemDataRole.ToolTipRole and key in ("tags", "email", "company"):
            return self._display(row, key) or None
        if role == RecordRole:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; cells are not edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL through a new count and fresh pages."""
        if 0 <= column < len(self.columns):
            self.sort_key = self.columns[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
            self.reload()

    # --- what the screen does -----------------------------------------------------------------

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show lists of ``workspace`` (``None`` empties the model)."""
        self._workspace = workspace
        self.reload()

    def set_filter(self, flt: ContactFilter) -> None:
        """Show the contacts ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def set_columns(self, columns: list[str]) -> None:
        """Show these columns, in this order."""
        self.beginResetModel()
        self.columns = [c for c in columns if c in COLUMNS] or ["name"]
        self.endResetModel()

    def reload(self) -> None:
        """Ask for the list again (after a change, a new sort or filter)."""
        self._generation += 1
        generation, ws = self._generation, self._workspace
        if ws is None:
            self._replace(generation, ListSnapshot(0, None))
            return
        flt, key, desc = self.filter, self.sort_key, self.descending
        self._worker.read(
            lambda: ws.reads.contact_list.open_list(flt, key, desc),
            lambda snapshot: self._replace(generation, snapshot),
        )

    def record(self, row: int) -> ContactRow | None:
        """The cached row at ``row`` (``None`` while its page is loading)."""
        return self._rows.get(row)

    def resolver(self, rows: list[int]) -> Callable[[Workspace], list[str]]:
        """A job (for the worker) that returns the record ids at these positions.

        Cached rows answer at once; otherwise the list's ids are read again, in the same
        filter and order, so that "select all" acts on every row, loaded or not.
        """
        cached = [self._rows.get(r) for r in rows]
        if all(row is not None for row in cached):
            ids = [row.id for row in cached if row is not None]
            return lambda _ws: ids
        flt, key, desc, known = self.filter, self.sort_key, self.descending, self._ids

        def resolve(ws: Workspace) -> list[str]:
            order = known if known is not None else ws.contact_list.ids(flt, key, desc)
            return ws.contact_list.record_ids([order[r] for r in rows if 0 <= r < len(order)])

        return resolve

    @property
    def ready(self) -> bool:
        """Whether no page is being fetched."""
        return not self._pending

    # --- arrivals -----------------------------------------------------------------------------

    def _replace(self, generation: int, snapshot: ListSnapshot) -> None:
        if generation != self._generation:
            return  # an older request answered late
        self.beginResetModel()
        self._count, self._ids = snapshot.count, snapshot.ids
        self._rows.clear()
        self._pending.clear()
        self.endResetModel()
        self.loaded.emit(snapshot.count)

    def _request(self, page: int) -> None:
        ws = self._workspace
        if page in self._pending or ws is None:
            return
        self._pending.add(page)
        generation, ids, start = self._generation, self._ids, page * PAGE
        flt, key, desc = self.filter, self.sort_key, self.descending

        def fetch() -> list[ContactRow]:
            lists = ws.reads.contact_list
            if ids is not None:
                return lists.rows(list(ids[start : start + PAGE]))
            return lists.page(flt, key, desc, start, PAGE)

        self._worker.read(fetch, lambda rows: self._page_arrived(generation, page, rows))

    def _page_arrived(self, generation: int, page: int, rows: list[ContactRow]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(page)
        first = page * PAGE
        for offset, row in enumerate(rows):
            self._rows[first + offset] = row
            self._rows.move_to_end(first + offset)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        last = min(first + PAGE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, max(len(self.columns) - 1, 0))
            )
