"""A table model over the lead pool that fetches its records a page at a time.

The paging is ``ui.paged_model``'s. The pool's order is the service's (last arrived first),
so the columns do not sort. Days ("45 days ago", the day a record came back) are local days,
read with the workspace's clock on the worker when the list is counted: the GUI thread never
asks the workspace anything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from desktop_crm.domain.clock import local_today
from desktop_crm.services.pool.dto import PoolKind, PoolRecord
from ui.paged_model import PagedTableModel

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker

COLUMNS: tuple[str, ...] = (
    "name",
    "company",
    "kind",
    "level",
    "status",
    "last_contacted_at",
    "phone",
    "returned_at",
)
"""The columns the list shows, in order."""

Claimable = tuple[PoolKind, str]
"""A record to claim: its kind and id."""


@dataclass(frozen=True)
class PoolFilter:
    """What the pool list shows.

    Attributes:
        kind: Only people or only companies (``None``: both).
        text: Matches names (and their pinyin), numbers, companies and phones.
    """

    kind: PoolKind | None = None
    text: str = ""


@dataclass(frozen=True)
class PoolCount:
    """A count of the pool and the local day it was counted on.

    Attributes:
        count: Records the filter lets through.
        today: The local day (the workspace clock's).
        zone: The zone local days are read in.
    """

    count: int
    today: date
    zone: ZoneInfo


class PoolTableModel(PagedTableModel[PoolRecord, PoolCount]):
    """Rows of the lead pool.

    Args:
        worker: Where database work runs.
        headers: Column titles by column key.
        display: Formats a row's value for a column key.

    Attributes:
        filter: What the list shows.
        today: The local day of the last count (for "45 days ago").
        zone: The zone of the last count.
    """

    def __init__(
        self,
        worker: DbWorker,
        headers: dict[str, str],
        display: Callable[[PoolRecord, str], str],
    ) -> None:
        super().__init__(worker, headers, display, COLUMNS, "returned_at", True)
        self.filter = PoolFilter()
        self.today: date | None = None
        self.zone: ZoneInfo | None = None

    def cell_data(self, row: PoolRecord, key: str, role: int) -> Any:
        """The record's number as the name's tooltip."""
        if role == Qt.ItemDataRole.ToolTipRole and key == "name" and row.number:
            return row.number
        return None

    def sortable(self, column: int) -> bool:
        """The pool keeps the service's order: last arrived first."""
        return False

    # --- what the screen does -----------------------------------------------------------------

    def set_filter(self, flt: PoolFilter) -> None:
        """Show the records ``flt`` lets through."""
        self.filter = flt
        self.reload()

    def resolver(self, rows: list[int]) -> Callable[[Workspace], list[Claimable]]:
        """A job (for the worker) that returns the records at these positions.

        Loaded rows answer at once; otherwise the pool is read again over the selected
        ranges, in the same filter and order, so a selection across pages not yet shown
        claims every row in it.
        """
        cached = [self.row_at(r) for r in rows]
        if all(row is not None for row in cached):
            found = [(row.kind, row.id) for row in cached if row is not None]
            return lambda _ws: found
        flt, wanted = self.filter, sorted(set(rows))

        def resolve(ws: Workspace) -> list[Claimable]:
            records: list[Claimable] = []
            for start, size in _ranges(wanted):
                page = ws.pool.records(kind=flt.kind, text=flt.text, limit=size, offset=start)
                records.extend((record.kind, record.id) for record in page)
            return records

        return resolve

    # --- reads --------------------------------------------------------------------------------

    def _read_count(self, ws: Workspace, done: Callable[[PoolCount], None]) -> None:
        flt = self.filter

        def count() -> PoolCount:
            clock = ws.reads.clock
            total = ws.reads.pool.count(kind=flt.kind, text=flt.text)
            return PoolCount(total, local_today(clock), clock.zone())

        self._worker.read(count, done)

    def _accept_count(self, answer: PoolCount | None) -> int:
        if answer is None:
            return 0
        self.today, self.zone = answer.today, answer.zone
        return answer.count

    def _read_page(
        self, ws: Workspace, start: int, size: int, done: Callable[[list[PoolRecord]], None]
    ) -> None:
        flt = self.filter
        self._worker.read(
            lambda: ws.reads.pool.records(kind=flt.kind, text=flt.text, limit=size, offset=start),
            done,
        )


def _ranges(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted positions as ``(start, size)`` runs of neighbours."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][0] + runs[-1][1] == row:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((row, 1))
    return runs
