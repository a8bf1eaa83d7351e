"""A table model over the product list that fetches its rows a page at a time.

The paging is ``ui.paged_model``'s; a catalogue fits in memory whole, so every page loaded is
kept. Sorting and filtering ask the service for a new count, and sort in SQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_crm.services.products.dto import SORT_KEYS, ProductFilter, ProductRow, ProductSort
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

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


class ProductTableModel(PagedTableModel[ProductRow, int]):
    """Rows of the product list.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
        sort_key: The column it is sorted by.
    """

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[ProductRow, str], str],
    ) -> None:
        super().__init__(worker, headers, display, COLUMNS, "name", False)
        self.sort_key: ProductSort = "name"
        self.filter = ProductFilter()

    def cell_data(self, row: ProductRow, key: str, role: int) -> Any:
        """The description as the name's tooltip; archived products greyed."""
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.description:
            return row.description
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            # Archived products read as set aside, as disabled text does.
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return None

    def alignment(self, key: str) -> int | None:
        """Figures sit right."""
        if key in _RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sortable(self, column: int) -> bool:
        """Whether the list sorts by ``column`` (the service knows its keys)."""
        return 0 <= column < len(COLUMNS) and COLUMNS[column] in SORT_KEYS

    # --- what the screen does -----------------------------------------------------------------

    def set_filter(self, flt: ProductFilter) -> None:
        """Show the products ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def product(self, row: int) -> ProductRow | None:
        """The loaded product at ``row`` (``None`` while its page is loading)."""
        return self.row_at(row)

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[int], None]) -> None:
        flt = self.filter
        self._worker.read(lambda: ws.reads.products.count(flt), done)

    def _accept_count(self, answer: int | None) -> int:
        return answer or 0

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[ProductRow]], None]
    ) -> None:
        flt, key, desc = self.filter, self.sort_key, self.descending
        self._worker.read(lambda: ws.reads.products.page(flt, key, desc, start, size), done)
