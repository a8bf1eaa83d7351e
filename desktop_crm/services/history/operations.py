"""The operation history: list it, undo and redo whole operations."""

from __future__ import annotations

from typing import cast

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import OperationKind
from desktop_crm.domain.errors import NotFoundError, NothingToUndoError
from desktop_crm.domain.operation_labels import LabelCode, decode, english, reverting_label
from desktop_crm.domain.progress import Progress
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.history.dto import OperationSummary
from desktop_crm.store.changelog import BULK_ACTIONS, bulk_count
from desktop_crm.store.models import Change, Operation
from desktop_crm.store.store import Store
from desktop_crm.store.undo import (
    NOT_UNDOABLE,
    apply_redo,
    apply_undo,
    redo_candidate,
    undo_candidate,
)


class HistoryService:
    """Undo/redo over the change log (Ctrl+Z, Ctrl+Shift+Z and ``desktop-crm undo``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def recent(self, limit: int = 50) -> list[OperationSummary]:
        """The newest operations first."""
        with self._store.read() as session:
            # A bulk row stands for every id it lists.
            rows_changed = case(
                (
                    Change.action.in_(BULK_ACTIONS),
                    bulk_count(),
                ),
                else_=1,
            )
            counts = (
                select(Change.operation_id, func.sum(rows_changed).label("n"))
                .group_by(Change.operation_id)
                .subquery()
            )
            rows = session.execute(
                select(Operation, func.coalesce(counts.c.n, 0))
                .outerjoin(counts, counts.c.operation_id == Operation.id)
                .order_by(Operation.at.desc(), Operation.id.desc())
                .limit(limit)
            ).all()
            return [_summary(op, n) for op, n in rows]

    def next_undo(self) -> OperationSummary | None:
        """What Ctrl+Z would undo now."""
        with self._store.read() as session:
            op = undo_candidate(session)
            return _summary(op, 0) if op else None

    def next_redo(self) -> OperationSummary | None:
        """What Ctrl+Shift+Z would redo now."""
        with self._store.read() as session:
            op = redo_candidate(session)
            return _summary(op, 0) if op else None

    def undo(
        self, operation_id: str | None = None, progress: Progress | None = None
    ) -> ChangeResult:
        """Undo ``operation_id`` (default: the newest one in effect) as a new operation.

        ``progress`` hears of each chunk (an import's undo runs through hundreds) and may
        cancel between chunks; a cancelled undo changes nothing (one transaction).

        Raises:
            NothingToUndoError: Nothing to undo.
            NotFoundError: No such operation, or it is not in effect.
            UndoConflictError: Later edits overlap it; nothing was changed.
            CancelledError: ``progress`` was cancelled; nothing was changed.
        """
        return self._revert(operation_id, undo=True, progress=progress)

    def redo(
        self, operation_id: str | None = None, progress: Progress | None = None
    ) -> ChangeResult:
        """Re-apply an undone operation (default: the one undone last); ``progress`` as in undo."""
        return self._revert(operation_id, undo=False, progress=progress)

    def _revert(
        self, operation_id: str | None, *, undo: bool, progress: Progress | None
    ) -> ChangeResult:
        kind: OperationKind = "undo" if undo else "redo"
        with self._store.unit_of_work(kind, kind) as (session, rec):
            target = self._target(session, operation_id, undo=undo)
            # The operation row is written with the first change, so naming it now is in time.
            rec.label = reverting_label(LabelCode.UNDO if undo else LabelCode.REDO, target.label)
            rec.target_id = target.id
            (apply_undo if undo else apply_redo)(session, rec, target, progress)
        return change_result(rec)

    @staticmethod
    def _target(session: Session, operation_id: str | None, *, undo: bool) -> Operation:
        if operation_id is None:
            op = undo_candidate(session) if undo else redo_candidate(session)
            if op is None:
                raise NothingToUndoError("Nothing to undo." if undo else "Nothing to redo.")
            return op
        op = session.get(Operation, operation_id)
        if op is None or op.kind in NOT_UNDOABLE:
            raise NotFoundError(f"No operation {operation_id} that can be undone.")
        if undo and op.undone_at is not None:
            raise NotFoundError(f"Operation {operation_id} is already undone.")
        if not undo and op.undone_at is None:
            raise NotFoundError(f"Operation {operation_id} is not undone.")
        return op


def _summary(op: Operation, changes: int) -> OperationSummary:
    decoded = decode(op.label)
    return OperationSummary(
        id=op.id,
        label=english(decoded),
        kind=cast(OperationKind, op.kind),  # written only through unit_of_work's kinds
        at=op.at,
        changes=int(changes),
        undone=op.undone_at is not None,
        target_id=op.target_id,
        operation_label=decoded,
    )
