"""A table model over a contact list that fetches rows lazily (see ``ui.paged_model``).

Besides the count, the list's ids come back when a text filter makes the list small; pages are
then read by id. A bounded cache keeps the rows last loaded, so 100,000 rows sort in SQL
through an index and scroll without holding every row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop_crm.services.contact_lists.dto import COLUMNS, ContactFilter, ContactRow, ListSnapshot
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

_SHOWN = ("name", "company", "title", "phone", "email", "city", "status", "last_contacted_at")
"""The columns a list starts with (``set_columns`` changes them)."""
_TIPPED = frozenset({"tags", "email", "company"})


class ContactTableModel(PagedTableModel[ContactRow, ListSnapshot]):
    """Rows of one contact list.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
    """

    cache_rows = 5_000

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[ContactRow, str], str],
    ) -> None:
        super().__init__(worker, headers, display, _SHOWN, "name", False)
        self._ids: tuple[int, ...] | None = None
        self.filter = ContactFilter()

    def cell_data(self, row: ContactRow, key: str, role: int) -> Any:
        """Tooltips for the columns whose text a narrow column cuts."""
        if role == Qt.ItemDataRole.ToolTipRole and key in _TIPPED:
            return self._display(row, key) or None
        return None

    # --- what the screen does -----------------------------------------------------------------

    def set_filter(self, flt: ContactFilter) -> None:
        """Show the contacts ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def set_columns(self, columns: list[str]) -> None:
        """Show these columns, in this order."""
        self.beginResetModel()
        self.columns = [c for c in columns if c in COLUMNS] or ["name"]
        self.endResetModel()

    def record(self, row: int) -> ContactRow | None:
        """The cached row at ``row`` (``None`` while its page is loading)."""
        return self.row_at(row)

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

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[ListSnapshot], None]) -> None:
        flt, key, desc = self.filter, self.sort_key, self.descending
        self._worker.read(lambda: ws.reads.contact_list.open_list(flt, key, desc), done)

    def _accept_count(self, answer: ListSnapshot | None) -> int:
        self._ids = answer.ids if answer is not None else None
        return answer.count if answer is not None else 0

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[ContactRow]], None]
    ) -> None:
        ids, flt, key, desc = self._ids, self.filter, self.sort_key, self.descending

        def fetch() -> list[ContactRow]:
            lists = ws.reads.contact_list
            if ids is not None:
                return lists.rows(list(ids[start : start + size]))
            return lists.page(flt, key, desc, start, size)

        self._worker.read(fetch, done)
