"""Undo and redo whole operations from the change log.

An operation's *net effect* per row is each field's value before the operation and after it
(and whether the operation created the row). Undo first checks that every such row still holds
the operation's "after" values (for a bulk-created row: that no later edit in effect touched
it); if a later edit changed any of them, the undo is refused and nothing is written. Then it
writes the "before" values (a created row becomes a tombstone) as a new operation of kind
``undo``, itself logged, so the log stays the whole truth for sync. Redo is the mirror image.

Unique keys hold among live rows only, and a key freed by a tombstone may be taken by a new row
(see ``models``). An undo or redo that would bring such a tombstone back (or set a key back)
while a live row holds its key is refused with :class:`KeyTakenError`, nothing written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from math import ceil
from typing import Any

from sqlalchemy import Column, ColumnElement, Index, Table, and_, func, literal, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.sql.util import ClauseAdapter
from sqlalchemy.sql.visitors import replacement_traverse

from desktop_crm.domain.errors import KeyTakenError, NotFoundError, UndoConflictError
from desktop_crm.domain.operation_labels import english
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.store.batches import IN_CHUNK, in_chunks, placeholders
from desktop_crm.store.changelog import BULK_CREATE, BULK_LOG_IDS, Recorder, bulk_ids
from desktop_crm.store.models import (
    TRACKED_MODELS,
    Change,
    Operation,
    SyncConflict,
    SyncOutbox,
    Tracked,
)
from desktop_crm.store.types import id_params, id_text
from desktop_crm.store.values import from_json, to_json

NOT_UNDOABLE = ("undo", "redo", "system", "sync")  # kinds never offered for undo themselves


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
            bulk.setdefault(change.entity, []).extend(bulk_ids(change.values))
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


class _Steps:
    """Counts chunks of work done, reports them and checks for cancel between chunks.

    A cancel raises inside the caller's unit of work, which then rolls back whole.
    """

    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 1), 0

    def tick(self) -> None:
        self.progress.check_cancelled()
        self.done = min(self.done + 1, self.total)
        self.progress.report(self.done, self.total)


def _chunks(count: int, size: int = IN_CHUNK) -> int:
    return ceil(count / size)


def _plan(net: dict[tuple[str, str], NetChange], bulk: dict[str, list[str]], *, undo: bool) -> int:
    """How many chunks :func:`_apply` works through: its checks, then its writes."""
    bulk_total = sum(len(ids) for ids in bulk.values())
    created = sum(1 for change in net.values() if change.created and not change.fields)
    checks = sum(_chunks(len(ids)) for ids in bulk.values()) + _chunks(bulk_total + created)
    if not undo:  # redo checks each bulk row's unique keys
        for entity, ids in bulk.items():
            table: Table = TRACKED_MODELS[entity].__table__  # type: ignore[assignment]
            checks += _chunks(len(ids)) * len(_unique_keys(table))
    writes = sum(_chunks(len(ids), BULK_LOG_IDS) for ids in bulk.values()) + _chunks(len(net))
    return checks + writes


def apply_undo(
    session: Session, recorder: Recorder, target: Operation, progress: Progress | None = None
) -> None:
    """Revert ``target`` inside ``session`` (whose recorder logs the revert).

    ``progress`` hears of each chunk checked or written and may cancel between chunks: the
    :class:`CancelledError` then rolls the caller's whole unit of work back.
    """
    _decision(session, recorder, target, undo=True)
    _apply(session, recorder, target, undo=True, progress=progress or NullProgress())
    target.undone_at = recorder.at


def apply_redo(
    session: Session, recorder: Recorder, target: Operation, progress: Progress | None = None
) -> None:
    """Re-apply an undone ``target`` inside ``session`` (``progress`` as in :func:`apply_undo`)."""
    _decision(session, recorder, target, undo=False)
    _apply(session, recorder, target, undo=False, progress=progress or NullProgress())
    target.undone_at = None


def _decision(session: Session, recorder: Recorder, target: Operation, *, undo: bool) -> None:
    """A team conflict decided here: undo reopens it, redo decides it again.

    Only while the decision has not reached the hub (the outbox says so): once sent, every
    laptop has closed the conflict, and the field is changed like any other instead.
    """
    if target.kind != "resolve" or target.target_id is None:
        return
    sent = session.scalar(select(SyncOutbox.acked).where(SyncOutbox.operation_id == target.id))
    if sent is not None:
        verb = "undo" if undo else "redo"
        raise UndoConflictError(
            f"Cannot {verb} “{english(target.label)}”: the decision has reached the team "
            "already. Change the field instead. Nothing was changed.",
            operation=target.id,
            fields=[],
        )
    conflict = session.get(SyncConflict, target.target_id)
    if conflict is not None:
        conflict.resolved_at = None if undo else recorder.at


def _apply(
    session: Session, recorder: Recorder, target: Operation, *, undo: bool, progress: Progress
) -> None:
    progress.check_cancelled()
    net, bulk = net_effect(session, target.id)
    steps = _Steps(progress, _plan(net, bulk, undo=undo))
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
    conflicts += _bulk_states(session, bulk, steps, undo=undo)
    created_ids = [i for _e, i in bulk_created] + [i for ids in bulk.values() for i in ids]
    conflicts += _changed_since(session, target.id, created_ids, steps)
    if conflicts:
        verb = "undo" if undo else "redo"
        raise UndoConflictError(
            f"Cannot {verb} “{english(target.label)}”: later edits changed the same data "
            f"({', '.join(sorted(set(conflicts))[:5])}). Nothing was changed.",
            operation=target.id,
            fields=sorted(set(conflicts)),
        )
    moves = [_key_move(row, change, undo) for row, change in rows]
    leaving = {row.id for (row, _c), (frees, _t) in zip(rows, moves, strict=True) if frees}
    if undo:
        leaving.update(i for ids in bulk.values() for i in ids)
    taking = [rc for rc, (_f, takes) in zip(rows, moves, strict=True) if takes]
    _refuse_taken_keys(session, target, taking, bulk, leaving, steps, undo=undo)
    try:
        # Rows giving up their keys go first, so that rows taking the same keys back never
        # meet them in a unique index half-way through.
        _write(session, recorder, [rc for rc in rows if rc[0].id in leaving], steps, undo=undo)
        if undo:
            _bulk_write(session, recorder, bulk, steps, deleted=True)
        _write(session, recorder, [rc for rc in rows if rc[0].id not in leaving], steps, undo=undo)
        if not undo:
            _bulk_write(session, recorder, bulk, steps, deleted=False)
    except IntegrityError as exc:
        if "unique" not in str(exc.orig).lower():
            raise
        # The check above covers what undo can reach; this keeps any case it missed a refusal.
        raise _taken(
            target, undo, "a name or code it would bring back is in use again", {}
        ) from None


def _bulk_write(
    session: Session,
    recorder: Recorder,
    bulk: dict[str, list[str]],
    steps: _Steps,
    *,
    deleted: bool,
) -> None:
    """Tombstone (or bring back) bulk-created rows, a log row's worth of ids at a time.

    Slices of ``BULK_LOG_IDS`` log exactly the rows that one call with every id would.
    """
    for entity, ids in bulk.items():
        for start in range(0, len(ids), BULK_LOG_IDS):
            part = ids[start : start + BULK_LOG_IDS]
            recorder.bulk_set_deleted(session, TRACKED_MODELS[entity], part, deleted=deleted)
            steps.tick()


def _write(
    session: Session,
    recorder: Recorder,
    rows: list[tuple[Tracked, NetChange]],
    steps: _Steps,
    *,
    undo: bool,
) -> None:
    for chunk in in_chunks(rows):
        for row, change in chunk:
            columns = type(row).__table__.columns
            if change.created:
                # A created row is tombstoned, not emptied, so that redo can bring it back whole.
                row.deleted_at = recorder.at if undo else None
                continue
            for name, (before, after) in change.fields.items():
                setattr(row, name, from_json(columns[name], before if undo else after))
        session.flush()
        steps.tick()


def _unique_keys(table: Table) -> list[Index]:
    """The table's unique indexes (over live rows only: see ``models.live_unique``)."""
    return sorted((ix for ix in table.indexes if ix.unique), key=lambda ix: ix.name or "")


def _key_columns(table: Table) -> list[str]:
    return sorted({c.key for ix in _unique_keys(table) for c in ix.columns})


def _final_keys(row: Tracked, change: NetChange, undo: bool) -> dict[str, Any]:
    """The row's key columns and ``deleted_at`` (JSON forms) once the undo or redo is written."""
    final = {k: to_json(getattr(row, k)) for k in _key_columns(type(row).__table__)}  # type: ignore[arg-type]
    if change.created:  # only its tombstone is written: set on undo, cleared on redo
        final["deleted_at"] = "now" if undo else None
    else:
        final["deleted_at"] = to_json(row.deleted_at)
        final.update({k: pair[0 if undo else 1] for k, pair in change.fields.items() if k in final})
    return final


def _key_move(row: Tracked, change: NetChange, undo: bool) -> tuple[bool, bool]:
    """Whether the row gives up its keys, and whether it takes keys (comes back or is re-keyed)."""
    final = _final_keys(row, change, undo)
    if len(final) == 1:
        return False, False  # a table without unique keys
    rekeyed = any(final[k] != to_json(getattr(row, k)) for k in final if k != "deleted_at")
    live_now, live_after = row.deleted_at is None, final["deleted_at"] is None
    return live_now and (not live_after or rekeyed), live_after and (not live_now or rekeyed)


def _refuse_taken_keys(
    session: Session,
    target: Operation,
    taking: list[tuple[Tracked, NetChange]],
    bulk: dict[str, list[str]],
    leaving: set[str],
    steps: _Steps,
    *,
    undo: bool,
) -> None:
    """Raise :class:`KeyTakenError` if a row this brings back would repeat a live row's key.

    ``taking``: rows coming back (tombstoned now, live after) or re-keyed; with the rows
    ``bulk`` brings back on redo, each is checked against the live rows, except those this same
    undo or redo gives up (``leaving``).
    """
    for row, change in taking:
        table: Table = type(row).__table__  # type: ignore[assignment]
        final = _final_keys(row, change, undo)
        values = {k: from_json(table.c[k], v) for k, v in final.items()}
        for index in _unique_keys(table):
            if any(values[c.key] is None for c in index.columns):
                continue  # NULL keys never clash
            same = [e == _bound(e, table, values) for e in _expressions(index)]
            for other in session.execute(
                select(table).where(*same, table.c.deleted_at.is_(None), table.c.id != row.id)
            ).mappings():
                if other["id"] not in leaving:
                    raise _taken_by(session, target, undo, table, index, other)
    if undo:
        return  # bulk-created rows only ever become tombstones on undo
    conn = session.connection()
    for entity, ids in bulk.items():
        table = TRACKED_MODELS[entity].__table__  # type: ignore[assignment]
        for index in _unique_keys(table):
            clashes = _clash_sql(session, table, index)
            for chunk in in_chunks(ids):
                # Plain SQL: compiling an expanding IN (...) costs more than the query here.
                for (stored,) in conn.exec_driver_sql(
                    f"{clashes} AND back.id IN ({placeholders(len(chunk))})", id_params(chunk)
                ):
                    other_id = id_text(stored)
                    if other_id not in leaving:
                        found = session.execute(select(table).where(table.c.id == other_id))
                        raise _taken_by(session, target, undo, table, index, found.mappings().one())
                steps.tick()


def _clash_sql(session: Session, table: Table, index: Index) -> str:
    """SQL for the live rows holding the key of a row ``back``, to be narrowed by ``back.id``."""
    back, live = table.alias("back"), table.alias("live")
    same = [
        ClauseAdapter(live).traverse(e) == ClauseAdapter(back).traverse(e)
        for e in _expressions(index)
    ]
    query = (
        select(live.c.id)
        .join(back, and_(*same, live.c.id != back.c.id))
        .where(
            live.c.deleted_at.is_(None),
            # NULL keys never clash: those rows skip the index seek.
            *(back.c[c.key].is_not(None) for c in index.columns if c.nullable),
        )
    )
    return str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))


def _expressions(index: Index) -> list[ColumnElement[Any]]:
    """The index's key columns and expressions (strings are resolved once it is on a table)."""
    return [e for e in index.expressions if isinstance(e, ColumnElement)]


def _bound(expr: ColumnElement[Any], table: Table, values: dict[str, Any]) -> ColumnElement[Any]:
    """``expr`` (a key column or an expression over them) computed from ``values`` instead."""

    def replace(element: Any, **_kw: Any) -> Any:
        if isinstance(element, Column) and element.table is table:
            return literal(values[element.key], element.type)
        return None

    bound: ColumnElement[Any] = replacement_traverse(expr, {}, replace)
    return bound


def _taken_by(
    session: Session,
    target: Operation,
    undo: bool,
    table: Table,
    index: Index,
    other: Any,
) -> KeyTakenError:
    """The refusal naming the live row in the way, through its index's ``taken`` sentence."""
    shown: dict[str, Any] = {}
    for column in table.columns:
        value = other[column.key]
        for fk in column.foreign_keys:  # a tag on a record reads as the tag's and record's names
            parent = fk.column.table
            if value is not None and "name" in parent.c:
                value = session.scalar(select(parent.c.name).where(fk.column == value)) or value
        shown[column.key] = value
    keys = ", ".join(f"{c.key} {shown[c.key]}" for c in index.columns)
    taken = index.info.get("taken", f"a {table.name} row with {keys} exists again")
    return _taken(
        target,
        undo,
        taken.format_map(shown),
        {"entity": table.name, "record_id": other["id"]},
    )


def _taken(target: Operation, undo: bool, taken: str, params: dict[str, Any]) -> KeyTakenError:
    verb = "undo" if undo else "redo"
    return KeyTakenError(
        f"Cannot {verb} “{english(target.label)}”: {taken} since. Undo or change that first; "
        "nothing was changed.",
        operation=target.id,
        taken=taken,
        **params,
    )


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


def _bulk_states(
    session: Session, bulk: dict[str, list[str]], steps: _Steps, *, undo: bool
) -> list[str]:
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
                id_params(chunk),
            ).one()
            found += count
            wrong += (count - live) if undo else live
            steps.tick()
        if found != len(ids):
            raise NotFoundError(f"A {entity} row of this operation is missing.", entity=entity)
        if wrong:
            conflicts.append(entity)
    return conflicts


def _changed_since(session: Session, operation_id: str, ids: list[str], steps: _Steps) -> list[str]:
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
    # A teammate's change pulled from the hub ("sync") counts: it is in effect, not bookkeeping.
    kinds = ", ".join(f"'{kind}'" for kind in NOT_UNDOABLE if kind != "sync")
    for chunk in in_chunks(ids):
        # Plain SQL: compiling an expanding IN (...) costs more than the query here.
        found.update(
            conn.exec_driver_sql(
                "SELECT DISTINCT c.entity FROM change_log c JOIN operations o "
                "ON o.id = c.operation_id WHERE c.seq > ? AND o.kind NOT IN "
                f"({kinds}) AND o.undone_at IS NULL AND c.entity_id IN "
                f"({placeholders(len(chunk))})",
                (last, *id_params(chunk)),
            ).scalars()
        )
        steps.tick()
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
