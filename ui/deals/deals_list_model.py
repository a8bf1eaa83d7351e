"""A table model over the deals list that fetches its deals a page at a time.

The paging is ``ui.paged_model``'s; counting and pages are the deal service's on the reader
(``count`` and ``page`` with a :class:`DealFilter`), sorted in SQL by the columns in
``DEAL_SORTS`` (status, probability and owner do not sort).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop_crm.services.deals.dto import DEAL_SORTS, DealFilter, DealSummary
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

COLUMNS: tuple[str, ...] = (
    "number",
    "title",
    "customer",
    "stage",
    "status",
    "amount",
    "probability",
    "expected_close",
    "owner",
)
"""The columns the list shows, in order."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class DealTableModel(PagedTableModel[DealSummary, int]):
    """Rows of the deals list, newest first until a column is sorted.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
    """

    aligned_headers = True

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[DealSummary, str], str],
    ) -> None:
        super().__init__(worker, headers, display, COLUMNS, "created_at", True)
        self.filter = DealFilter()

    def alignment(self, key: str) -> int | None:
        """Amounts and percentages to the right."""
        return _RIGHT if key in ("amount", "probability") else None

    def sortable(self, column: int) -> bool:
        """Only the columns the service sorts by."""
        return 0 <= column < len(self.columns) and self.columns[column] in DEAL_SORTS

    def cell_data(self, row: DealSummary, key: str, role: int) -> Any:
        """The title in full as its tooltip (a long one is cut in the column)."""
        if role == Qt.ItemDataRole.ToolTipRole and key in ("title", "customer"):
            return row.title if key == "title" else row.customer
        return None

    def set_filter(self, flt: DealFilter) -> None:
        """Show the deals ``flt`` lets through."""
        self.filter = flt
        self.reload()

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[int], None]) -> None:
        flt = self.filter
        self._worker.read(lambda: ws.reads.deals.count(flt), done)

    def _accept_count(self, answer: int | None) -> int:
        return answer or 0

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[DealSummary]], None]
    ) -> None:
        flt, sort, descending = self.filter, self.sort_key, self.descending
        self._worker.read(
            lambda: ws.reads.deals.page(flt, sort, descending=descending, offset=start, limit=size),
            done,
        )
