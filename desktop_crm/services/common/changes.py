"""Turning what a unit of work recorded into a :class:`ChangeResult`."""

from __future__ import annotations

from collections.abc import Iterable

from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.store.changelog import Recorder


def change_result(
    recorder: Recorder, ids: Iterable[str] = (), *, skipped: int = 0, failed: int = 0
) -> ChangeResult:
    """Summarise ``recorder``'s operation (``operation_id`` is None when nothing changed)."""
    counts = recorder.counts
    return ChangeResult(
        operation_id=recorder.operation_id if recorder.changed else None,
        created=counts.get("create", 0),
        updated=counts.get("update", 0),
        deleted=counts.get("delete", 0),
        restored=counts.get("restore", 0),
        skipped=skipped,
        failed=failed,
        entities=frozenset(recorder.entities),
        ids=tuple(ids),
    )
