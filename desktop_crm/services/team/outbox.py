"""The operations waiting for the hub, as the hub's push operations.

Each row change of a local operation becomes one hub operation whose id is derived from the
operation's id and its place in it, so a batch sent again after a lost answer carries the same
ids and the hub applies it once. A created row is sent whole (its current values: the change log
keeps no values of creations); an update sends the fields it changed with their old values (the
hub merges against them).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from desktop_crm.store.batches import in_chunks
from desktop_crm.store.changelog import BULK_ACTIONS, BULK_CREATE, BULK_SET, bulk_ids
from desktop_crm.store.models import TRACKED_MODELS, Change, Operation, SyncConflict, SyncOutbox
from desktop_crm.store.types import iso_text
from desktop_crm.store.values import to_json

# Local only: never a field of a hub row.
SKIPPED_FIELDS = frozenset({"id", "updated_at"})


@dataclass(frozen=True)
class Pending:
    """One operation in the outbox."""

    seq: int
    operation_id: str
    base: int


def pending(session: Session, limit: int = 200) -> list[Pending]:
    """The oldest operations not yet acknowledged by the hub."""
    rows = session.execute(
        select(SyncOutbox.seq, SyncOutbox.operation_id, SyncOutbox.base)
        .where(SyncOutbox.acked.is_(None))
        .order_by(SyncOutbox.seq)
        .limit(limit)
    )
    return [Pending(seq, op, base) for seq, op, base in rows]


def pending_count(session: Session) -> int:
    """How many operations wait for the hub."""
    return int(session.scalar(text("SELECT count(*) FROM sync_outbox WHERE acked IS NULL")) or 0)


def hub_ops(session: Session, item: Pending) -> Iterator[dict[str, Any]]:
    """The hub operations of one outbox entry, in the order they were made."""
    operation = session.get(Operation, item.operation_id)
    if operation is None:
        return
    if _decided_here_meanwhile(session, operation):
        return
    at = iso_text(operation.at)
    index = 0

    def op(
        entity: str, row_id: str, action: str, fields: dict[str, Any], **extra: Any
    ) -> dict[str, Any]:
        nonlocal index
        index += 1
        return {
            "op": str(uuid.uuid5(uuid.UUID(item.operation_id), str(index))),
            "operation": item.operation_id,
            "entity": entity,
            "id": row_id,
            "action": action,
            "base": item.base,
            "at": at,
            "fields": fields,
            **extra,
        }

    if operation.kind == "resolve" and operation.target_id:
        conflict = session.get(SyncConflict, operation.target_id)
        if conflict is not None:
            fields = {} if conflict.field == "duplicate" else {conflict.field: conflict.chosen}
            yield op(conflict.entity, conflict.row_id, "resolve", fields, conflict=conflict.id)
    changes = session.execute(
        select(Change.entity, Change.entity_id, Change.action, Change.values)
        .where(Change.operation_id == item.operation_id)
        .order_by(Change.seq)
    ).all()
    for entity, row_id, action, values in changes:
        if entity not in TRACKED_MODELS:
            continue
        if action == BULK_CREATE:
            ids = bulk_ids(values)
            for chunk in in_chunks(ids):
                for rid, fields in current_rows(session, entity, chunk):
                    yield op(entity, rid, "create", fields)
        elif action == BULK_SET:
            fields = {k: v for k, v in values.items() if k not in ("n", "ids", "packed")}
            kind = "delete" if fields.get("deleted_at") is not None else "restore"
            for rid in bulk_ids(values):
                yield op(entity, rid, kind, fields)
        elif action == "create":
            for rid, fields in current_rows(session, entity, [row_id]):
                yield op(entity, rid, "create", fields)
        else:
            new = {k: pair[1] for k, pair in values.items() if k not in SKIPPED_FIELDS}
            old = {k: pair[0] for k, pair in values.items() if k not in SKIPPED_FIELDS}
            if new:
                yield op(entity, row_id, action, new, old=old)


def _decided_here_meanwhile(session: Session, operation: Operation) -> bool:
    """A decision undone before it was sent, or an undo or redo of one not sent yet.

    Neither goes to the hub: what the decision stands at when it is sent is what counts (its
    own entry sends it, or nothing if it was undone), and the conflict stays open meanwhile.
    """
    if operation.kind == "resolve":
        return operation.undone_at is not None
    if operation.kind in ("undo", "redo") and operation.target_id:
        target = session.get(Operation, operation.target_id)
        if target is not None and target.kind == "resolve":
            acked = session.scalar(
                select(SyncOutbox.acked).where(SyncOutbox.operation_id == target.id)
            )
            return acked is None
    return False


def current_rows(session: Session, entity: str, ids: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """Rows of ``entity`` as the hub takes them: every field but the local ones, JSON forms."""
    table: Table = TRACKED_MODELS[entity].__table__  # type: ignore[assignment]
    columns = [c for c in table.columns if c.name not in SKIPPED_FIELDS]
    rows = session.execute(select(table.c.id, *columns).where(table.c.id.in_(ids))).all()
    return [
        (row[0], {c.name: to_json(v) for c, v in zip(columns, row[1:], strict=True)})
        for row in rows
    ]


def mark_acked(session: Session, seqs: list[int], hub_seq: int) -> None:
    """The hub has applied these outbox entries (kept: a restored hub is sent them again)."""
    for chunk in in_chunks(seqs):
        session.execute(
            SyncOutbox.__table__.update()  # type: ignore[attr-defined]
            .where(SyncOutbox.seq.in_(chunk))
            .values(acked=hub_seq)
        )


def pending_fields(session: Session, row_ids: list[str]) -> dict[str, set[str]]:
    """Fields of these rows that local operations changed and the hub has not yet confirmed.

    A pull leaves them as they are here: the push decides (and records a conflict if someone
    else changed them meanwhile). A row made here and not pushed yet is pending whole (``*``).
    """
    found: dict[str, set[str]] = {}
    if not row_ids:
        return found
    for chunk in in_chunks(row_ids):
        rows = session.execute(
            select(Change.entity_id, Change.action, Change.values)
            .join(SyncOutbox, SyncOutbox.operation_id == Change.operation_id)
            .where(SyncOutbox.acked.is_(None), Change.entity_id.in_(chunk))
        )
        for rid, action, values in rows:
            if action in BULK_ACTIONS:
                continue  # the row a bulk entry is filed under is one of many: below
            fields = found.setdefault(rid, set())
            if action == "create":
                fields.add("*")
            else:
                fields.update(values)
    # Bulk entries (imports, their undo) list their rows packed: read them all.
    wanted = set(row_ids)
    bulk = session.execute(
        select(Change.action, Change.values)
        .join(SyncOutbox, SyncOutbox.operation_id == Change.operation_id)
        .where(SyncOutbox.acked.is_(None), Change.action.in_(BULK_ACTIONS))
    )
    for action, values in bulk:
        set_fields = {k for k in values if k not in ("n", "ids", "packed")}
        for rid in bulk_ids(values):
            if rid in wanted:
                found.setdefault(rid, set()).update({"*"} if action == BULK_CREATE else set_fields)
    return found
