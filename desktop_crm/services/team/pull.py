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
from sqlalchemy.orm import Session

from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.hub.client import HubChange
from desktop_crm.services.team.outbox import SKIPPED_FIELDS, pending_fields
from desktop_crm.services.team.state import write_cursor
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import TRACKED_MODELS, SyncConflict, Tracked
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


def apply_page(
    store: Store, changes: list[HubChange], applied: Applied, *, reindex: bool = True
) -> None:
    """Apply one page of hub changes, one local operation per run of one author.

    ``reindex=False`` leaves the search documents to one rebuild at the end (a first download:
    contacts, then their phones and tags, would otherwise be indexed again page after page).
    """
    for run in _runs(changes):
        label = op_label(LabelCode.SYNC_PULL, name=run[0].user_name or "?")
        with store.unit_of_work(label, "sync") as (session, rec):
            session.connection().exec_driver_sql("PRAGMA defer_foreign_keys = ON")
            rec.actor_id = run[0].user_id  # their user record may come in this very run
            _apply_run(session, rec, run, applied)
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


def _apply_run(session: Session, rec: Recorder, run: list[HubChange], applied: Applied) -> None:
    rows = [c for c in run if c.action in ROW_ACTIONS and c.entity in TRACKED_MODELS]
    conflicted = [str(c.fields.get("row_id")) for c in run if c.action == "conflict"]
    local = pending_fields(session, [c.row_id for c in rows] + conflicted)
    done = _bulk_create(session, rec, rows, local, applied)
    todo = {id(c) for c in rows} - done
    for change in run:
        if change.action == "conflict":
            _conflict(session, change)
            applied.conflicts += 1
            kept = _kept_value(change)
            if kept is not None:
                _apply_row(session, kept, local.get(kept.row_id, set()), applied)
        elif change.action == "resolved":
            found = session.get(SyncConflict, str(change.fields.get("id")))
            if found is not None and found.resolved_at is None:
                found.resolved_at = change.at
            applied.resolved += 1
        elif id(change) in todo:
            _apply_row(session, change, local.get(change.row_id, set()), applied)
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


def _apply_row(session: Session, change: HubChange, local: set[str], applied: Applied) -> None:
    if "*" in local:
        return  # made here and not pushed yet: the hub has not got it to change
    model = TRACKED_MODELS[change.entity]
    table: Table = model.__table__  # type: ignore[assignment]
    values = _values(table, change.fields, local)
    row: Tracked | None = session.get(model, change.row_id)
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
