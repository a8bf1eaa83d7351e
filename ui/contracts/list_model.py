"""A table model over the contract list that fetches its rows a page at a time.

The paging is ``ui.paged_model``'s. The service lists contracts newest number first and sorts
nothing else, so another sort reads the filtered list whole and sorts it here (a business's
contracts number in the hundreds or thousands, not millions).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from desktop_crm.services.contracts.dto import ContractFilter, ContractRow
from ui.contracts.texts import late_color, read_contracts
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.contracts.service import ContractService
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

COLUMNS = (
    "number",
    "quote",
    "customer",
    "owner",
    "signed_on",
    "starts_on",
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


class ContractTableModel(PagedTableModel[ContractRow, int | list[ContractRow]]):
    """Rows of the contract list.

    A count read answers the number of rows when the list comes by page (``paged``), or the
    whole list, sorted, otherwise.

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
        display: Callable[[ContractRow, str], str],
    ) -> None:
        super().__init__(worker, headers, display, COLUMNS, "number", True)
        self.filter = ContractFilter()

    def cell_data(self, row: ContractRow, key: str, role: int) -> Any:
        """Late instalments in colour and bold; the contract's title as a tooltip."""
        late = row.overdue > 0
        if role == Qt.ItemDataRole.ForegroundRole and late and key in {"overdue", "next_due"}:
            return late_color()
        if role == Qt.ItemDataRole.FontRole and late and key == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key in {"number", "customer"} and row.title:
            return row.title
        return None

    def alignment(self, key: str) -> int | None:
        """Money sits right, over and under its figures."""
        if key in MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # --- what the screen does -----------------------------------------------------------------

    def set_filter(self, flt: ContractFilter) -> None:
        """Show the contracts ``flt`` lets through."""
        self.filter = flt
        self.reload()

    @property
    def paged(self) -> bool:
        """Whether rows come a page at a time (the service's own order)."""
        return self.sort_key == "number" and self.descending

    def contract(self, row: int) -> ContractRow | None:
        """The loaded contract at ``row`` (``None`` while its page is loading)."""
        return self.row_at(row)

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[int | list[ContractRow]], None]) -> None:
        flt, today = self.filter, date.today()
        if self.paged:
            read_contracts(self._worker, ws, lambda s: s.open_list(flt, today).count, done)
            return
        key, descending = _sort_key(self.sort_key), self.descending

        def whole(service: ContractService) -> list[ContractRow]:
            count = service.open_list(flt, today).count
            rows = service.page(flt, today, 0, count) if count else []
            return sorted(rows, key=key, reverse=descending)

        read_contracts(self._worker, ws, whole, done)

    def _accept_count(self, answer: int | list[ContractRow] | None) -> int:
        if isinstance(answer, list):
            self._rows.update(enumerate(answer))
            return len(answer)
        return answer or 0

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[ContractRow]], None]
    ) -> None:
        if not self.paged:
            done([])  # the whole list came with the count
            return
        flt, today = self.filter, date.today()
        read_contracts(self._worker, ws, lambda s: s.page(flt, today, start, size), done)
