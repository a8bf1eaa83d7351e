"""Rows passed through to a file writer while they report progress and heed a cancel."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from desktop_crm.domain.progress import Progress

T = TypeVar("T")
EVERY = 500  # rows between reports: often enough for a bar, rare enough to cost nothing


def reporting(rows: Iterable[T], total: int, progress: Progress) -> Iterator[T]:
    """``rows`` unchanged; every :data:`EVERY` rows report ``done`` of ``total`` and check cancel.

    A cancel raises :class:`CancelledError` inside the writer, which then removes its
    half-written temporary file: the target is left as it was.

    Args:
        rows: What the writer writes.
        total: How many rows there are (0 while unknown).
        progress: Hears of the rows written; may cancel.
    """
    done = 0
    progress.report(0, total)
    for row in rows:
        if done % EVERY == 0:
            progress.check_cancelled()
            progress.report(done, total)
        yield row
        done += 1
    progress.report(done, max(total, done))
