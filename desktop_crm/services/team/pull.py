"""Apply changes pulled from the hub to the local file, with the cursor in the same transaction.

A crash mid-pull therefore leaves the cursor exactly at what was applied. Fields a local
operation changed and the hub has not confirmed yet are left alone (the push decides them).
Changes are applied as operations of kind ``sync`` by their author, so the timeline says who
changed what, and undo never offers them (they are someone else's work).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache, partial
from typing import Any

from sqlalchemy import JSON, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.hub.client import HubChange
from desktop_crm.services.team.outbox import SKIPPED_FIELDS, pending_fields
from desktop_crm.services.team.state import write_cursor
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.key_clashes import live_holders
from desktop_crm.store.models import (
    TRACKED_MODELS,
    Change,
    Operation,
    SyncConflict,
    SyncOutbox,
    Tracked,
)
from desktop_crm.store.store import Store
from desktop_crm.store.types import UtcDateTime, parse_moment
from desktop_crm.store.values import from_json, to_json

ROW_ACTIONS = frozenset({"create", "update", "delete", "restore"})


@dataclass
class Applied:
    """What a pull applied."""

    rows: int = 0
    conflicts: int = 0
    resolved: int = 0
    entities: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    many: bool = False  # too many records to name: ``ids`` stays empty


MAX_IDS = 5_000  # records a pull names one by one; past it, screens refresh what they show


def apply_page(
    store: Store, changes: list[HubChange], applied: Applied, *, reindex: bool = True
) -> None:
    """Apply one page of hub changes, one local operation per run of one author.

    ``reindex=False`` leaves the search documents to one rebuild at the end (a first download:
    contacts, then their phones and tags, would otherwise be indexed again page after page).
    """
    for run in _runs(changes):
        try:
            _apply_in_one_go(store, run, applied, reindex=reindex, careful=False)
        except IntegrityError as exc:
            if "unique" not in str(exc.orig).lower():
                raise
            # A key a local change not yet confirmed holds (a tag renamed or made offline):
            # again, row by row, making room as the hub will.
            _apply_in_one_go(store, run, applied, reindex=reindex, careful=True)
    if applied.many or len(applied.ids) > MAX_IDS:  # weeks offline: tables, not each record
        applied.many = True
        applied.ids.clear()


def _apply_in_one_go(
    store: Store, run: list[HubChange], applied: Applied, *, reindex: bool, careful: bool
) -> None:
    label = op_label(LabelCode.SYNC_PULL, name=run[0].user_name or "?")
    with store.unit_of_work(label, "sync") as (session, rec):
        session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
        rec.actor_id = run[0].user_id  # their user record may come in this very run
        _apply_run(session, rec, run, applied, careful=careful)
        write_cursor(session, run[-1].seq)
        if not reindex:
            rec.touched.clear()


def _runs(changes: list[HubChange]) -> Iterator[list[HubChange]]:
    run: list[HubChange] = []
    for change in changes:
        if run and change.user_id != run[0].user_id:
            yield run
            run = []
        run.append(change)
    if run:
        yield run


def _apply_run(
    session: Session, rec: Recorder, run: list[HubChange], applied: Applied, *, careful: bool
) -> None:
    rows = [c for c in run if c.action in ROW_ACTIONS and c.entity in TRACKED_MODELS]
    conflicted = [str(c.fields.get("row_id")) for c in run if c.action == "conflict"]
    local = pending_fields(session, [c.row_id for c in rows] + conflicted)
    done = set() if careful else _bulk_create(session, rec, rows, local, applied)
    todo = {id(c) for c in rows} - done
    for change in run:
        if change.action == "conflict":
            _conflict(session, change)
            applied.conflicts += 1
            kept = _kept_value(change)
            if kept is not None:
                _apply_row(session, kept, local.get(kept.row_id, set()), applied, careful)
        elif change.action == "resolved":
            found = session.get(SyncConflict, str(change.fields.get("id")))
            if found is not None and found.resolved_at is None:
                found.resolved_at = change.at
            applied.resolved += 1
        elif id(change) in todo:
            _apply_row(session, change, local.get(change.row_id, set()), applied, careful)
    session.flush()


def _bulk_create(
    session: Session,
    rec: Recorder,
    rows: list[HubChange],
    local: dict[str, set[str]],
    applied: Applied,
) -> set[int]:
    """New rows in one insert per table (a first download is mostly these).

    Returns the changes applied so (by ``id()``): later changes of those rows apply one by one.
    """
    done: set[int] = set()
    by_table: dict[str, list[HubChange]] = {}
    for change in rows:
        if change.action == "create" and change.row_id not in local:
            by_table.setdefault(change.entity, []).append(change)
    for entity, creates in by_table.items():
        model = TRACKED_MODELS[entity]
        table: Table = model.__table__  # type: ignore[assignment]
        ids = [c.row_id for c in creates]
        have = set(session.scalars(select(table.c.id).where(table.c.id.in_(ids))))
        fresh: dict[str, dict[str, Any]] = {}
        for change in creates:
            if change.row_id in have or change.row_id in fresh:
                continue
            fresh[change.row_id] = {"id": change.row_id, **_values(table, change.fields, set())}
        if fresh:
            rec.bulk_insert(session, model, list(fresh.values()))
            applied.rows += len(fresh)
            applied.entities.add(entity)
            applied.ids.update(fresh)
        first = set(fresh)
        for change in creates:
            if change.row_id in first:
                done.add(id(change))
                first.discard(change.row_id)
    return done


def _apply_row(
    session: Session, change: HubChange, local: set[str], applied: Applied, careful: bool = False
) -> None:
    if "*" in local:
        return  # made here and not pushed yet: the hub has not got it to change
    model = TRACKED_MODELS[change.entity]
    table: Table = model.__table__  # type: ignore[assignment]
    values = _values(table, change.fields, local)
    row: Tracked | None = session.get(model, change.row_id)
    if careful:
        final = {c.key: getattr(row, c.key) if row is not None else None for c in table.columns}
        _make_room(session, table, {**final, **values}, change.row_id)
    if row is None:
        row = model(id=change.row_id, **values)
        session.add(row)
    else:
        changed = False
        for key, value in values.items():
            if key == "created_at":
                continue
            if getattr(row, key) != value:
                setattr(row, key, value)
                changed = True
        if not changed:
            return
    applied.rows += 1
    applied.entities.add(change.entity)
    applied.ids.add(change.row_id)


def _make_room(session: Session, table: Table, values: dict[str, Any], row_id: str) -> None:
    """Give up keys that local changes not yet confirmed hold, as the hub will.

    The hub holds one live row per key at every point of its history, so a clash here comes
    from this laptop's own pending change: a row made here goes (the hub keeps it as a
    tombstone beside a possible-duplicate conflict); a key changed here goes back to its last
    confirmed value (the hub's answer to the push says the same).
    """
    if values.get("deleted_at") is not None:
        return
    for index, other in live_holders(session, table, values, row_id):
        model = TRACKED_MODELS[table.name]
        holder = session.get(model, other["id"])
        if holder is None:
            continue
        pending = pending_fields(session, [holder.id]).get(holder.id, set())
        if "*" in pending:
            holder.deleted_at = datetime.now(UTC)  # made here: the hub keeps it as a tombstone
        else:
            fields = {c.key for c in index.columns} | {"deleted_at"}
            for key, value in _confirmed(session, table, holder.id, fields, pending).items():
                setattr(holder, key, value)
        session.flush()


def _confirmed(
    session: Session, table: Table, row_id: str, fields: set[str], pending: set[str]
) -> dict[str, Any]:
    """The hub's values of a row's key fields (or its tombstone) this laptop's changes hold.

    Changed here and not confirmed: their values before this laptop's first such change.
    Otherwise the hub refused this laptop's last change of them (the only way a confirmed row
    clashes): their values before that change.
    """
    query = (
        select(Change.values)
        .join(Operation, Operation.id == Change.operation_id)
        .where(Change.entity_id == row_id, Operation.kind != "sync", Change.action != "create")
    )
    held = fields & pending
    if held:
        query = query.join(SyncOutbox, SyncOutbox.operation_id == Change.operation_id).where(
            SyncOutbox.acked.is_(None)
        )
        found: dict[str, Any] = {}
        for values in session.execute(query.order_by(Change.seq)).scalars():
            for key in held - set(found):
                if key in values:
                    found[key] = from_json(table.c[key], values[key][0])
        return found
    for values in session.execute(query.order_by(Change.seq.desc())).scalars():
        touched = fields & set(values)
        if touched:
            return {key: from_json(table.c[key], values[key][0]) for key in touched}
    return {"deleted_at": datetime.now(UTC)}  # nothing tells: give the key up


def _kept_value(change: HubChange) -> HubChange | None:
    """The value a conflict kept, as a change to apply.

    The laptop that offered the other value had set it here already: it takes the kept one
    back (its own stays in the conflict).
    """
    data = change.fields
    entity, field = str(data.get("entity")), str(data.get("field"))
    model = TRACKED_MODELS.get(entity)
    table: Table | None = model.__table__ if model else None  # type: ignore[assignment]
    if table is None or field not in table.c:
        return None
    return replace(
        change,
        entity=entity,
        row_id=str(data["row_id"]),
        action="update",
        fields={field: data.get("kept")},
    )


def _values(table: Table, fields: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    convert = _converters(table)
    return {
        key: convert[key](value)
        for key, value in fields.items()
        if key in convert and key not in skip
    }


@cache
def _converters(table: Table) -> dict[str, Callable[[Any], Any]]:
    """Per column, how a hub value becomes the Python value the column holds (cached)."""
    found: dict[str, Callable[[Any], Any]] = {}
    for column in table.columns:
        if column.name in SKIPPED_FIELDS:
            continue
        kind = column.type
        if isinstance(kind, JSON):
            found[column.name] = plain
        elif isinstance(kind, UtcDateTime):
            found[column.name] = _moment
        else:
            found[column.name] = partial(from_json, column)
    return found


def plain(value: Any) -> Any:
    """A JSON value as Python's json module makes it (the hub's numbers arrive as Decimal)."""
    if isinstance(value, Decimal):
        return (
            int(value)
            if value == value.to_integral_value() and "." not in str(value)
            else float(value)
        )
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def local_form(entity: str, field: str, value: Any) -> Any:
    """A hub value of ``entity.field`` in the change log's JSON form (what the file keeps)."""
    model = TRACKED_MODELS.get(entity)
    table: Table | None = model.__table__ if model else None  # type: ignore[assignment]
    if value is None or table is None or field not in table.c:
        return plain(value)
    column = table.c[field]
    if isinstance(column.type, JSON):
        return plain(value)
    return to_json(from_json(column, value))


def _conflict(session: Session, change: HubChange) -> None:
    data = change.fields
    conflict_id = str(data["id"])
    if session.get(SyncConflict, conflict_id) is not None:
        return
    entity, field = str(data["entity"]), str(data["field"])
    session.add(
        SyncConflict(
            id=conflict_id,
            hub_seq=change.seq,
            entity=entity,
            row_id=str(data["row_id"]),
            field=field,
            base=local_form(entity, field, data.get("base")),
            kept=local_form(entity, field, data.get("kept")),
            offered=local_form(entity, field, data.get("offered")),
            kept_by=data.get("kept_by"),
            kept_device=_text(data.get("kept_device")),
            kept_at=_moment(data.get("kept_at")),
            offered_by=data.get("offered_by"),
            offered_device=_text(data.get("offered_device")),
            offered_at=_moment(data.get("offered_at")),
            resolved_at=_moment(data.get("resolved_at")),
        )
    )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _moment(value: Any) -> datetime | None:
    """A hub moment (ISO text with its offset) as an aware UTC datetime."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return parse_moment(str(value))
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
