"""The change log: every create, update and delete made through a unit of work.

A :class:`Recorder` rides on a session (``session.info["recorder"]``). Session events stamp
new and changed rows with ids and timestamps before a flush and write one ``change_log`` row
per changed row after it, all under one operation id. Bulk paths (demo data, imports) call
:meth:`Recorder.bulk_insert`, which inserts with Core and logs one ``bulkcreate`` row per
batch, listing the ids it created: one row per created record would make the log the largest
table of the file (a 100,000-person import logged half a million rows, 165 MB with indexes).
"""

from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, event, func, insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from desktop_crm.domain.ids import new_id, new_ids
from desktop_crm.store.batches import in_chunks, placeholders
from desktop_crm.store.models import Change, Operation, Tracked
from desktop_crm.store.types import id_bytes, id_params, id_text, micros, utc_now
from desktop_crm.store.values import to_json

UNLOGGED_FIELDS = frozenset({"id", "created_at", "updated_at"})
# Bulk rows list their ids packed (see :func:`pack_ids`): {"n": count, "packed": text}; rows
# written before packing (and lists holding an id that is no UUID) keep {"ids": [...]}.
BULK_CREATE = "bulkcreate"  # values {ids}: rows of ``entity`` created together
# values {ids, field: new JSON value}: rows of ``entity`` set alike (only undo and redo write
# these, tombstoning or bringing back what an import created in bulk)
BULK_SET = "bulkset"
BULK_ACTIONS = (BULK_CREATE, BULK_SET)
BULK_LOG_IDS = 5_000  # ids per bulkcreate row, to keep log rows (and exported cells) moderate


SYNC_CURSOR = "sync.cursor"  # local_state: the hub sequence pulled and applied up to


class Recorder:
    """Collects the changes of one operation and writes them to the log.

    Attributes:
        operation_id: The id that groups this operation's changes (what ``undo`` takes).
        outbox: Whether the operation is queued for the team hub (team mode, local changes).
        touched: Ids of the rows changed, by table (derived indexes follow them).
        at: The moment every change of the operation is stamped with.
        counts: Changed rows by action (``create``, ``update``, ``delete``, ``restore``).
    """

    def __init__(
        self,
        label: str,
        kind: str = "edit",
        actor_id: str | None = None,
        target_id: str | None = None,
        *,
        outbox: bool = False,
    ) -> None:
        self.operation_id = new_id()
        self.outbox = outbox
        self.label = label
        self.kind = kind
        self.actor_id = actor_id
        self.target_id = target_id
        self.at: datetime = utc_now()
        self.counts: dict[str, int] = {}
        self.entities: set[str] = set()
        self.touched: dict[str, set[str]] = {}
        self._operation_written = False

    @property
    def changed(self) -> bool:
        """Whether anything was logged."""
        return bool(self.counts)

    def ensure_operation(self, session: Session) -> None:
        """Write the operation (and its outbox entry) even if it changes no row."""
        self._ensure_operation(session)

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
            if self.outbox:
                # Same transaction as the change: a crash cannot lose that it must be pushed.
                # The base is what this machine had pulled from the hub when the user acted;
                # while older operations wait, theirs: a pull meanwhile left fields they hold
                # as they were here, so the user has not seen what came in for those.
                session.connection().exec_driver_sql(
                    "INSERT INTO sync_outbox (operation_id, base) VALUES (?, coalesce("
                    "(SELECT min(base) FROM sync_outbox WHERE acked IS NULL), (SELECT "
                    "CAST(value AS INTEGER) FROM local_state WHERE key = ?), 0))",
                    (id_bytes(self.operation_id), SYNC_CURSOR),
                )
            self._operation_written = True

    def write(self, session: Session, rows: list[tuple[str, str, str, dict[str, Any]]]) -> None:
        """Log ``(entity, entity_id, action, values)`` rows under this operation.

        ``values`` maps each changed field to ``[old, new]`` (JSON forms).
        """
        if not rows:
            return
        self._ensure_operation(session)
        at = micros(self.at)
        dumps = json.dumps
        operation = id_bytes(self.operation_id)
        actor = None if self.actor_id is None else id_bytes(self.actor_id)
        # Plain DB-API executemany: SQLAlchemy's per-row parameter processing costs more
        # than the insert itself at import sizes.
        session.connection().exec_driver_sql(
            'INSERT INTO change_log (id, operation_id, entity, entity_id, action, "values", '
            "at, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    id_bytes(new_id()),
                    operation,
                    entity,
                    id_bytes(entity_id),
                    action,
                    dumps(values, ensure_ascii=False),
                    at,
                    actor,
                )
                for entity, entity_id, action, values in rows
            ],
        )
        for entity, entity_id, action, _values in rows:
            self.counts[action] = self.counts.get(action, 0) + 1
            self.touched.setdefault(entity, set()).add(entity_id)
        self.entities.update(self.touched)

    def bulk_insert(
        self, session: Session, model: type[Tracked], rows: Iterable[Mapping[str, Any]]
    ) -> list[str]:
        """Insert many new rows of ``model`` with Core, logged as creations; return their ids.

        The log keeps their ids only, in ``bulkcreate`` rows (the rows hold the values).
        Undo checks such rows through later log entries instead of values.
        """
        prepared = [dict(row) for row in rows]
        if not prepared:
            return []
        ids = new_ids(sum(1 for v in prepared if "id" not in v))
        fresh = iter(ids)
        for values in prepared:
            if "id" not in values:
                values["id"] = next(fresh)
            values.setdefault("created_at", self.at)
            values.setdefault("updated_at", self.at)
        session.flush()
        _raw_insert(session, model.__table__, prepared)  # type: ignore[arg-type]
        created = [v["id"] for v in prepared]
        self.log_created(session, model.__tablename__, created)
        return created

    def bulk_set_deleted(
        self, session: Session, model: type[Tracked], ids: list[str], *, deleted: bool
    ) -> None:
        """Tombstone (``deleted``) or bring back many rows with Core, logged per batch."""
        if not ids:
            return
        session.flush()
        value = self.at if deleted else None
        at = micros(self.at)
        conn = session.connection()
        for chunk in in_chunks(ids):
            # Plain SQL: compiling an expanding IN (...) costs more than the update here.
            conn.exec_driver_sql(
                f"UPDATE {model.__tablename__} SET deleted_at = ?, updated_at = ? "
                f"WHERE id IN ({placeholders(len(chunk))})",
                (at if deleted else None, at, *id_params(chunk)),
            )
        self._log_bulk(session, model.__tablename__, ids, BULK_SET, {"deleted_at": to_json(value)})
        action = "delete" if deleted else "restore"
        self.counts[action] = self.counts.get(action, 0) + len(ids)

    def log_created(self, session: Session, entity: str, ids: list[str]) -> None:
        """Log rows of ``entity`` inserted in bulk (``bulkcreate`` rows holding their ids)."""
        if not ids:
            return
        self._log_bulk(session, entity, ids, BULK_CREATE, {})
        self.counts["create"] = self.counts.get("create", 0) + len(ids)

    def _log_bulk(
        self, session: Session, entity: str, ids: list[str], action: str, values: dict[str, Any]
    ) -> None:
        self._ensure_operation(session)
        at = micros(self.at)
        session.connection().exec_driver_sql(
            'INSERT INTO change_log (id, operation_id, entity, entity_id, action, "values", '
            "at, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    id_bytes(new_id()),
                    id_bytes(self.operation_id),
                    entity,
                    id_bytes(ids[start]),
                    action,
                    json.dumps({**pack_ids(ids[start : start + BULK_LOG_IDS]), **values}),
                    at,
                    None if self.actor_id is None else id_bytes(self.actor_id),
                )
                for start in range(0, len(ids), BULK_LOG_IDS)
            ],
        )
        self.touched.setdefault(entity, set()).update(ids)
        self.entities.add(entity)


def pack_ids(ids: list[str]) -> dict[str, Any]:
    """A bulk log row's id list, compact: ``{"n": count, "packed": base64(zlib(16-byte ids))}``.

    As JSON text every id took 39 bytes; ids made together are time-ordered UUIDv7 sharing
    their leading bytes, which zlib folds. A list holding any id that is no canonical UUID is
    kept as it is (``{"n": count, "ids": [...]}``). :func:`bulk_ids` reads both forms.
    """
    raw = [one for one in id_params(ids) if isinstance(one, bytes) and len(one) == 16]
    if len(raw) != len(ids):
        return {"n": len(ids), "ids": list(ids)}
    packed = zlib.compress(b"".join(raw), 1)  # no larger than level 9 here, 15x faster
    return {"n": len(ids), "packed": base64.b64encode(packed).decode("ascii")}


def bulk_ids(values: Mapping[str, Any]) -> list[str]:
    """The ids a bulk log row lists, packed (:func:`pack_ids`) or as a plain ``ids`` list."""
    packed = values.get("packed")
    if packed is None:
        return list(values["ids"])
    raw = zlib.decompress(base64.b64decode(packed))
    if len(raw) % 16:
        raise ValueError(f"a packed id list has {len(raw)} bytes, not a multiple of 16")
    return [id_text(raw[at : at + 16]) for at in range(0, len(raw), 16)]


def bulk_count() -> ColumnElement[Any]:
    """SQL for how many ids a bulk ``change_log`` row lists, packed or not."""
    return func.coalesce(
        func.json_extract(Change.values, "$.n"), func.json_array_length(Change.values, "$.ids")
    )


def _raw_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` with one DB-API executemany, applying column types and defaults."""
    dialect = session.get_bind().dialect
    keys = set().union(*rows)
    columns = [c for c in table.columns if c.key in keys or c.default is not None]
    # Built column by column: one comprehension per column is several times faster than a
    # Python loop over every cell of every row.
    values_by_column = []
    for column in columns:
        process = _remembering(column.type.bind_processor(dialect))
        default = getattr(column.default, "arg", None) if column.default is not None else None
        if callable(default):
            default = None  # only scalar defaults apply to a raw insert
        key = column.key
        values = [row.get(key, default) for row in rows]
        if process is not None:
            values = [None if v is None else process(v) for v in values]
        values_by_column.append(values)
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        table.name,
        ", ".join(f'"{c.name}"' for c in columns),
        ", ".join("?" for _ in columns),
    )
    session.connection().exec_driver_sql(sql, list(zip(*values_by_column, strict=True)))


def _remembering(process: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    """Wrap a bind processor to reuse its last result: a bulk insert repeats one timestamp."""
    if process is None:
        return None
    last: list[Any] = [object(), None]

    def cached(value: Any) -> Any:
        if value is not last[0]:
            last[0], last[1] = value, process(value)
        return last[1]

    return cached


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
            obj.updated_at = recorder.at
            if recorder.kind != "sync" or obj.created_at is None:  # pulled rows keep theirs
                obj.created_at = recorder.at
    for obj in session.dirty:
        if isinstance(obj, Tracked) and session.is_modified(obj, include_collections=False):
            obj.updated_at = recorder.at


@event.listens_for(Session, "after_flush")
def _record(session: Session, _ctx: UOWTransaction) -> None:
    recorder: Recorder | None = session.info.get("recorder")
    if recorder is None:
        return
    rows: list[tuple[str, str, str, dict[str, Any]]] = []
    for obj in session.new:
        if isinstance(obj, Tracked):
            values: dict[str, Any] = {}
            for key in _column_keys(obj):
                value = getattr(obj, key)
                if value is not None and key not in UNLOGGED_FIELDS:
                    values[key] = [None, to_json(value)]
            rows.append((obj.__tablename__, obj.id, "create", values))
    for obj in session.dirty:
        if not isinstance(obj, Tracked):
            continue
        state = inspect(obj)
        untouched = state.unmodified  # only changed attributes can have history to log
        values = {}
        for key in _column_keys(obj):
            if key in UNLOGGED_FIELDS or key in untouched:
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
