"""A table model over the quote list that fetches its rows a page at a time.

The paging is ``ui.paged_model``'s, with a bounded cache of the rows last loaded. Sorting and
filtering ask the service for a new count and sort in SQL; amounts are priced per page, so
they show but do not sort (``QUOTE_SORTS``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import QUOTE_SORTS, QuoteFilter, QuoteRow
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

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


class QuoteTableModel(PagedTableModel[QuoteRow, int]):
    """Rows of the quote list (each quote at its latest revision).

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
        counting: A new count is on its way, so the loaded rows are stale.
    """

    cache_rows = 5_000
    aligned_headers = True

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[QuoteRow, str], str],
    ) -> None:
        super().__init__(worker, headers, display, COLUMNS, "issued_on", True)
        self.counting = False
        self.filter = QuoteFilter()

    def cell_data(self, row: QuoteRow, key: str, role: int) -> Any:
        """Telling statuses in colour; the customer's full name as its tooltip."""
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return _STATUS_COLOURS.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and key == "customer":
            return row.customer or None
        return None

    def alignment(self, key: str) -> int:
        """Figures right, the currency centred, text left."""
        if key in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if key in CENTRE:
            return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def sortable(self, column: int) -> bool:
        """Whether the list sorts by ``column`` (amounts do not)."""
        return 0 <= column < len(COLUMNS) and COLUMNS[column] in QUOTE_SORTS

    # --- what the screen does -----------------------------------------------------------------

    def set_filter(self, flt: QuoteFilter) -> None:
        """Show the quotes ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def quote(self, row: int) -> QuoteRow | None:
        """The loaded quote at ``row`` (``None`` while its page is loading)."""
        return self.row_at(row)

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[int], None]) -> None:
        self.counting = True
        flt = self.filter
        self._worker.read(lambda: ws.reads.quotes.count(flt), done)

    def _accept_count(self, answer: int | None) -> int:
        self.counting = False
        return answer or 0

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[QuoteRow]], None]
    ) -> None:
        flt, key, desc = self.filter, self.sort_key, self.descending
        self._worker.read(lambda: ws.reads.quotes.page(flt, key, desc, start, size), done)
