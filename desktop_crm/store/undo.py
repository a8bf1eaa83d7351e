"""Undo and redo whole operations from the change log.

An operation's *net effect* per row is each field's value before the operation and after it
(and whether the operation created the row). Undo first checks that every such row still holds
the operation's "after" values (for a bulk-created row: that no later edit in effect touched
it); if a later edit changed any of them, the undo is refused and nothing is written. Then it
writes the "before" values (a created row becomes a tombstone) as a new operation of kind
``undo``, itself logged, so the log stays the whole truth for sync. Redo is the mirror image.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError, UndoConflictError
from desktop_crm.store.batches import in_chunks, placeholders
from desktop_crm.store.changelog import BULK_CREATE, Recorder
from desktop_crm.store.models import TRACKED_MODELS, Change, Operation, Tracked
from desktop_crm.store.values import from_json, to_json

NOT_UNDOABLE = ("undo", "redo", "system")  # kinds never offered for undo themselves


@dataclass
class NetChange:
    """What one operation did to one row.

    Attributes:
        created: Whether the operation created the row.
        fields: ``field -> [before, after]`` in JSON form.
    """

    created: bool = False
    fields: dict[str, list[Any]] = field(default_factory=dict)


def net_effect(
    session: Session, operation_id: str
) -> tuple[dict[tuple[str, str], NetChange], dict[str, list[str]]]:
    """Fold an operation's change rows into one net change per row, in log order.

    Rows created in bulk (``bulkcreate`` log rows) and not changed again by the operation
    come back apart, as ids by table: an import makes hundreds of thousands of them.
    """
    net: dict[tuple[str, str], NetChange] = {}
    bulk: dict[str, list[str]] = {}
    changes = session.scalars(
        select(Change).where(Change.operation_id == operation_id).order_by(Change.seq)
    )
    for change in changes:
        if change.action == BULK_CREATE:
            bulk.setdefault(change.entity, []).extend(change.values["ids"])
            continue
        entry = net.setdefault((change.entity, change.entity_id), NetChange())
        if change.action == "create":
            entry.created = True
        for name, (old, new) in change.values.items():
            if name in entry.fields:
                entry.fields[name][1] = new
            else:
                entry.fields[name] = [old, new]
    for entity, ids in bulk.items():
        changed_too = [i for i in ids if (entity, i) in net]
        for id_ in changed_too:
            net[(entity, id_)].created = True
        if changed_too:
            again = set(changed_too)
            bulk[entity] = [i for i in ids if i not in again]
    return net, bulk


def apply_undo(session: Session, recorder: Recorder, target: Operation) -> None:
    """Revert ``target`` inside ``session`` (whose recorder logs the revert)."""
    _apply(session, recorder, target, undo=True)
    target.undone_at = recorder.at


def apply_redo(session: Session, recorder: Recorder, target: Operation) -> None:
    """Re-apply an undone ``target`` inside ``session``."""
    _apply(session, recorder, target, undo=False)
    target.undone_at = None


def _apply(session: Session, recorder: Recorder, target: Operation, *, undo: bool) -> None:
    net, bulk = net_effect(session, target.id)
    rows: list[tuple[Tracked, NetChange]] = []
    conflicts: list[str] = []
    bulk_created: list[tuple[str, str]] = []
    loaded = _load(session, list(net))
    for (entity, entity_id), change in net.items():
        row = loaded.get((entity, entity_id))
        if row is None:
            raise NotFoundError(f"A {entity} row of this operation is missing.", entity=entity)
        if change.created and not change.fields:
            if (row.deleted_at is None) != undo:
                conflicts.append(entity)
            bulk_created.append((entity, entity_id))
        else:
            expected = {
                name: pair[1 if undo or change.created else 0]
                for name, pair in change.fields.items()
            }
            if change.created and undo:
                expected["deleted_at"] = None  # deleted after the creation
            for name, value in expected.items():
                if to_json(getattr(row, name)) != value:
                    conflicts.append(f"{entity}.{name}")
        rows.append((row, change))
    conflicts += _bulk_states(session, bulk, undo=undo)
    created_ids = [i for _e, i in bulk_created] + [i for ids in bulk.values() for i in ids]
    conflicts += _changed_since(session, target.id, created_ids)
    if conflicts:
        verb = "undo" if undo else "redo"
        raise UndoConflictError(
            f"Cannot {verb} “{target.label}”: later edits changed the same data "
            f"({', '.join(sorted(set(conflicts))[:5])}). Nothing was changed.",
            operation=target.id,
            fields=sorted(set(conflicts)),
        )
    for row, change in rows:
        columns = type(row).__table__.columns
        if change.created:
            # A created row is tombstoned, not emptied, so that redo can bring it back whole.
            row.deleted_at = recorder.at if undo else None
            continue
        for name, (before, after) in change.fields.items():
            setattr(row, name, from_json(columns[name], before if undo else after))
    session.flush()
    for entity, ids in bulk.items():
        recorder.bulk_set_deleted(session, TRACKED_MODELS[entity], ids, deleted=undo)


def _load(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Tracked]:
    """The rows ``(table, id)``, loaded a chunk of ids per query rather than one by one."""
    by_entity: dict[str, list[str]] = {}
    for entity, id_ in keys:
        by_entity.setdefault(entity, []).append(id_)
    loaded: dict[tuple[str, str], Tracked] = {}
    for entity, ids in by_entity.items():
        model = TRACKED_MODELS[entity]
        for chunk in in_chunks(ids):
            for row in session.scalars(select(model).where(model.id.in_(chunk))):
                loaded[(entity, row.id)] = row
    return loaded


def _bulk_states(session: Session, bulk: dict[str, list[str]], *, undo: bool) -> list[str]:
    """Tables whose bulk-created rows are not as the operation left them (or are gone).

    Undo expects them live, redo expects them tombstoned.
    """
    conflicts = []
    conn = session.connection()
    for entity, ids in bulk.items():
        table = TRACKED_MODELS[entity].__tablename__  # a known table, never text from outside
        found = wrong = 0
        for chunk in in_chunks(ids):
            count, live = conn.exec_driver_sql(
                f"SELECT count(*), coalesce(sum(deleted_at IS NULL), 0) FROM {table} "
                f"WHERE id IN ({placeholders(len(chunk))})",
                tuple(chunk),
            ).one()
            found += count
            wrong += (count - live) if undo else live
        if found != len(ids):
            raise NotFoundError(f"A {entity} row of this operation is missing.", entity=entity)
        if wrong:
            conflicts.append(entity)
    return conflicts


def _changed_since(session: Session, operation_id: str, ids: list[str]) -> list[str]:
    """Tables of rows (bulk-created by the operation) that operations in effect changed since.

    Bulk creations log no values to compare with, so the log itself answers: any later change
    by an operation still in effect counts. Undo and redo bookkeeping does not: an undone edit
    and its undo cancel out, and a redone edit is itself in effect.
    """
    if not ids:
        return []
    last = session.scalar(select(func.max(Change.seq)).where(Change.operation_id == operation_id))
    found: set[str] = set()
    conn = session.connection()
    kinds = ", ".join(f"'{kind}'" for kind in NOT_UNDOABLE)
    for chunk in in_chunks(ids):
        # Plain SQL: compiling an expanding IN (...) costs more than the query here.
        found.update(
            conn.exec_driver_sql(
                "SELECT DISTINCT c.entity FROM change_log c JOIN operations o "
                "ON o.id = c.operation_id WHERE c.seq > ? AND o.kind NOT IN "
                f"({kinds}) AND o.undone_at IS NULL AND c.entity_id IN "
                f"({placeholders(len(chunk))})",
                (last, *chunk),
            ).scalars()
        )
    return sorted(found)


def undo_candidate(session: Session) -> Operation | None:
    """The newest operation still in effect that the user made (not an undo or redo)."""
    return session.scalars(
        select(Operation)
        .where(Operation.kind.not_in(NOT_UNDOABLE), Operation.undone_at.is_(None))
        .order_by(Operation.at.desc(), Operation.id.desc())
        .limit(1)
    ).first()


def redo_candidate(session: Session) -> Operation | None:
    """The most recently undone operation, unless a new edit has been made since."""
    op = session.scalars(
        select(Operation)
        .where(Operation.undone_at.is_not(None))
        .order_by(Operation.undone_at.desc())
        .limit(1)
    ).first()
    if op is None or op.undone_at is None:
        return None
    newer = session.scalars(
        select(Operation.id)
        .where(Operation.kind.not_in(NOT_UNDOABLE), Operation.at > op.undone_at)
        .limit(1)
    ).first()
    return None if newer else op
