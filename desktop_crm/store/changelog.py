"""The change log: every create, update and delete made through a unit of work.

A :class:`Recorder` rides on a session (``session.info["recorder"]``). Session events stamp
new and changed rows with ids and timestamps before a flush and write one ``change_log`` row
per changed row after it, all under one operation id. Bulk paths (demo data, imports) call
:meth:`Recorder.bulk_insert`, which inserts with Core and logs the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from desktop_crm.domain.ids import new_id
from desktop_crm.store.models import Change, Operation, Tracked
from desktop_crm.store.types import utc_now
from desktop_crm.store.values import to_json

UNLOGGED_FIELDS = frozenset({"id", "created_at", "updated_at"})


class Recorder:
    """Collects the changes of one operation and writes them to the log.

    Attributes:
        operation_id: The id that groups this operation's changes (what ``undo`` takes).
        at: The moment every change of the operation is stamped with.
        counts: Changed rows by action (``create``, ``update``, ``delete``, ``restore``).
    """

    def __init__(
        self,
        label: str,
        kind: str = "edit",
        actor_id: str | None = None,
        target_id: str | None = None,
    ) -> None:
        self.operation_id = new_id()
        self.label = label
        self.kind = kind
        self.actor_id = actor_id
        self.target_id = target_id
        self.at: datetime = utc_now()
        self.counts: dict[str, int] = {}
        self.entities: set[str] = set()
        self._operation_written = False

    @property
    def changed(self) -> bool:
        """Whether anything was logged."""
        return bool(self.counts)

    def _ensure_operation(self, session: Session) -> None:
        if not self._operation_written:
            session.connection().execute(
                insert(Operation).values(
                    id=self.operation_id,
                    label=self.label,
                    kind=self.kind,
                    at=self.at,
                    actor_id=self.actor_id,
                    target_id=self.target_id,
                )
            )
            self._operation_written = True

    def write(self, session: Session, rows: list[tuple[str, str, str, dict[str, list[Any]]]]) -> None:
        """Log ``(entity, entity_id, action, values)`` rows under this operation."""
        if not rows:
            return
        self._ensure_operation(session)
        session.connection().execute(
            insert(Change),
            [
                {
                    "id": new_id(),
                    "operation_id": self.operation_id,
                    "entity": entity,
                    "entity_id": entity_id,
                    "action": action,
                    "values": values,
                    "at": self.at,
                    "actor_id": self.actor_id,
                }
                for entity, entity_id, action, values in rows
            ],
        )
        for entity, _id, action, _values in rows:
            self.counts[action] = self.counts.get(action, 0) + 1
            self.entities.add(entity)

    def bulk_insert(
        self, session: Session, model: type[Tracked], rows: Iterable[Mapping[str, Any]]
    ) -> list[str]:
        """Insert many new rows of ``model`` with Core, logged as creations; return their ids."""
        prepared = []
        for row in rows:
            values = dict(row)
            values.setdefault("id", new_id())
            values.setdefault("created_at", self.at)
            values.setdefault("updated_at", self.at)
            prepared.append(values)
        if not prepared:
            return []
        session.flush()
        session.connection().execute(insert(model), prepared)
        entity = model.__tablename__
        self.write(
            session,
            [
                (
                    entity,
                    v["id"],
                    "create",
                    {
                        k: [None, to_json(x)]
                        for k, x in v.items()
                        if x is not None and k not in UNLOGGED_FIELDS
                    },
                )
                for v in prepared
            ],
        )
        return [v["id"] for v in prepared]


def _column_keys(obj: Tracked) -> list[str]:
    return [attr.key for attr in inspect(type(obj)).column_attrs]


@event.listens_for(Session, "before_flush")
def _stamp(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    recorder: Recorder | None = session.info.get("recorder")
    tracked_deleted = [o for o in session.deleted if isinstance(o, Tracked)]
    if tracked_deleted:
        raise RuntimeError("tracked rows are soft-deleted (deleted_at), never DELETEd")
    if recorder is None:
        if any(isinstance(o, Tracked) for o in (*session.new, *session.dirty)):
            raise RuntimeError("tracked rows change only inside a unit of work")
        return
    for obj in session.new:
        if isinstance(obj, Tracked):
            if obj.id is None:
                obj.id = new_id()
            obj.created_at = obj.updated_at = recorder.at
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            obj.updated_at = recorder.at


@event.listens_for(Session, "after_flush")
def _record(session: Session, _ctx: UOWTransaction) -> None:
    recorder: Recorder | None = session.info.get("recorder")
    if recorder is None:
        return
    rows: list[tuple[str, str, str, dict[str, list[Any]]]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            values = {}
            for key in _column_keys(obj):
                value = getattr(obj, key)
                if value is not None and key not in UNLOGGED_FIELDS:
                    values[key] = [None, to_json(value)]
            rows.append((obj.__tablename__, obj.id, "create", values))
    for obj in session.dirty:
        if not isinstance(obj, Tracked):
            continue
        state = inspect(obj)
        values = {}
        for key in _column_keys(obj):
            if key in UNLOGGED_FIELDS:
                continue
            history = state.attrs[key].history
            if not history.has_changes():
                continue
            old = to_json(history.deleted[0]) if history.deleted else None
            new = to_json(history.added[0]) if history.added else None
            if old != new:
                values[key] = [old, new]
        if not values:
            continue
        action = "update"
        if "deleted_at" in values:
            action = "delete" if values["deleted_at"][1] is not None else "restore"
        rows.append((obj.__tablename__, obj.id, action, values))
    recorder.write(session, rows)
