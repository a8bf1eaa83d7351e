"""Id lists split for ``IN (...)`` queries, under SQLite's limit on bound variables."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

IN_CHUNK = 900  # values per IN (...) list
T = TypeVar("T")


def in_chunks(values: Iterable[T]) -> Iterator[list[T]]:
    """``values`` in lists of at most ``IN_CHUNK``, in order."""
    batch: list[T] = []
    for value in values:
        batch.append(value)
        if len(batch) == IN_CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def placeholders(count: int) -> str:
    """``?, ?, …`` for a plain-SQL ``IN`` list of ``count`` values."""
    return ", ".join("?" * count)
