"""What the lead pool (公海) hands out: records in the pool, warnings, a recycle run's result."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal, overload

PoolKind = Literal["person", "company"]
POOL_KINDS: tuple[PoolKind, ...] = ("person", "company")


@dataclass(frozen=True)
class PoolRecord:
    """A person or company in the pool (or, in a recycle run, one going back to it).

    Attributes:
        kind: ``person`` or ``company``.
        id: The record's id.
        number: Its customer number.
        name: Its display name.
        company: A person's company name (``None`` for companies).
        level: A, B, C or ``None``.
        status: lead, prospect, customer or inactive.
        last_contacted_at: The last logged contact (UTC), if any.
        phone: The first phone (as typed), if any.
        returned_at: When it last came back to the pool (UTC), if it ever did.
        owner: Who held it (recycle runs: the owner it was taken from), else ``None``.
        rule_days: The days of the return rule that sent it back (recycle runs).
    """

    kind: PoolKind
    id: str
    number: str | None
    name: str
    company: str | None
    level: str | None
    status: str
    last_contacted_at: datetime | None
    phone: str | None
    returned_at: datetime | None = None
    owner: str | None = None
    rule_days: int | None = None


@dataclass(frozen=True)
class PoolWarning:
    """A held record that goes back to the pool soon (Today's "returning to the pool").

    Attributes:
        kind: ``person`` or ``company``.
        id: The record's id.
        name: Its display name.
        owner: Who holds it now.
        returns_on: The local day it goes back (today for one already due whose return has
            not run yet).
        days_left: Days from local today to ``returns_on`` (0: today).
    """

    kind: PoolKind
    id: str
    name: str
    owner: str | None
    returns_on: date
    days_left: int


class ReturnedRecords(Sequence[PoolRecord]):
    """The records of a recycle run, each made from its stored row when it is first read.

    A run may return 100,000 records, and the app shows how many and a few of them: making
    every record up front took a third of such a run. Read-only, like a tuple; equal to any
    sequence of the same records.
    """

    __slots__ = ("_made", "_make", "_rows")

    def __init__(self, rows: Sequence[Any], make: Callable[[Any], PoolRecord]) -> None:
        self._rows = rows
        self._make = make
        self._made: list[PoolRecord | None] = [None] * len(rows)

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> PoolRecord: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[PoolRecord, ...]: ...

    def __getitem__(self, index: int | slice) -> PoolRecord | tuple[PoolRecord, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        made = self._made[index]
        if made is None:
            made = self._made[index] = self._make(self._rows[index])
        return made

    def __iter__(self) -> Iterator[PoolRecord]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # equal to tuples it need not hash like

    def __repr__(self) -> str:
        return f"ReturnedRecords({len(self)} records)"


@dataclass(frozen=True)
class RecycleResult:
    """What one recycle run sent back to the pool.

    Attributes:
        returned: The records returned (or, on a dry run, that would be): people first, then
            companies, each in stored order; a read-only sequence (see
            :class:`ReturnedRecords`).
        operation_id: The run's one undoable operation (``None`` on a dry run or when nothing
            was due).
    """

    returned: Sequence[PoolRecord]
    operation_id: str | None
