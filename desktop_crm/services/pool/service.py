"""The lead pool (公海): the records nobody holds, claiming and releasing them, and returns.

Which records are in the pool: every live person and company without an owner, whatever its
status. Inactive ones included: a rule may send inactive records back (``pool_rules`` lets a
rule name any status), and a record the rules returned must stay findable.

Claims, releases and returns are plain owner changes plus a timeline row (an activity of a
:class:`~desktop_crm.domain.vocab.PoolEvent` kind), keyed by ids and logged like every change,
so a later team mode can carry them between laptops as it carries any edit. Pool activities
record who held a record, never a contact: ``last_contacted_at`` is left alone.

A recycle run (at start and on a timer) returns every held record whose rule's days have run
out, as ONE operation: undoing it gives every record back to its owner with its claim moment.
It is written set-based (see :func:`_return`) to return 100,000 records in about a second.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import PoolEvent
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live
from desktop_crm.services.pool.dto import POOL_KINDS, PoolKind, PoolRecord, RecycleResult
from desktop_crm.services.pool.queries import (
    DUE_COLUMNS,
    REPORTED_COLUMNS,
    TABLES,
    RuleCase,
    due_records,
    due_select,
    held_count,
    pool_count,
    pool_page,
    pool_rules,
    rule_case,
    user_names,
    whole_setting,
)
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import KIND_CODES, Activity, Company, Person, User
from desktop_crm.store.store import Store
from desktop_crm.store.types import id_bytes, id_text, micros

_MODELS: dict[PoolKind, type[Person] | type[Company]] = {"person": Person, "company": Company}


class PoolService:
    """The lead pool over one workspace.

    Args:
        store: The workspace's store (a reader's store serves :meth:`records` and
            :meth:`count` only).
        clock: What time it is and where (claims, returns and their local days).
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    # --- reading --------------------------------------------------------------------------

    def records(
        self,
        *,
        kind: PoolKind | None = None,
        text: str = "",
        limit: int = 500,
        offset: int = 0,
    ) -> list[PoolRecord]:
        """Records in the pool, those that arrived last first.

        A record arrives when it is returned or released (``returned_at``), else when it was
        created; ``text`` matches names (and their pinyin), numbers, companies and phones.

        Raises:
            ValidationError: ``kind`` is neither ``person`` nor ``company``.
        """
        _check_kind(kind)
        with self._store.read() as session:
            return pool_page(session, kind, text, limit, offset)

    def count(self, *, kind: PoolKind | None = None, text: str = "") -> int:
        """How many records the pool holds (of ``kind``, matching ``text``)."""
        _check_kind(kind)
        with self._store.read() as session:
            return pool_count(session, kind, text)

    def holds(self, owner_id: str | None) -> bool:
        """Whether ``owner_id`` is the local user (whose claims the cap counts)."""
        return owner_id is not None and owner_id == self._store.actor_id

    def held(self) -> int:
        """How many records the local user holds (what ``pool.cap`` counts)."""
        if self._store.actor_id is None:
            return 0
        with self._store.read() as session:
            return held_count(session, self._store.actor_id)

    # --- claiming and releasing -----------------------------------------------------------

    def claim(self, kind: PoolKind, record_id: str) -> ChangeResult:
        """Take a record from the pool: the local user holds it from now. One operation.

        Claiming a record one already holds changes nothing (``operation_id`` None).

        Raises:
            NotFoundError: No such live record.
            ValidationError: Someone else holds it (``field="owner_id"``), or the user holds
                ``pool.cap`` records already (``field="pool.cap"``).
        """
        return self.claim_many([(kind, record_id)])  # labelled "Claim <name>" for one

    def claim_many(self, records: Sequence[tuple[PoolKind, str]]) -> ChangeResult:
        """Take several records from the pool as ONE operation (the pool list's Claim).

        All or none: when one is refused, none is claimed. Records the local user holds
        already are left as they are; one undo gives back every record claimed.

        Args:
            records: ``(kind, id)`` pairs; a pair named twice counts once.

        Raises:
            NotFoundError: One of them is no live record.
            ValidationError: Someone else holds one (``field="owner_id"``, with its ``name``
                and ``holder``), or the claims would take the user past ``pool.cap``
                (``field="pool.cap"``).
        """
        wanted = list(dict.fromkeys(records))
        for kind, _record_id in wanted:
            _check_kind(kind)
        actor = self._actor()
        label = op_label(LabelCode.CLAIM_MANY, count=len(wanted))
        with self._store.unit_of_work(label) as (session, rec):
            cap = whole_setting(session, "pool.cap")
            held = held_count(session, actor) if cap else 0
            now = self._clock.now()
            names: list[str] = []
            for kind, record_id in wanted:
                row = live(session, _MODELS[kind], record_id)
                if row.owner_id == actor:
                    continue
                if row.owner_id is not None:
                    holder = session.get(User, row.owner_id)
                    raise ValidationError(
                        f"{row.name} is held by {holder.name if holder else 'someone else'}; "
                        "only records in the pool can be claimed.",
                        field="owner_id",
                        name=row.name,
                        holder=holder.name if holder else None,
                    )
                if cap and held >= cap:
                    raise ValidationError(
                        f"You hold {cap} records already, as many as the pool allows "
                        "(pool.cap); release one to claim another.",
                        field="pool.cap",
                        cap=cap,
                    )
                held += 1
                row.owner_id, row.claimed_at = actor, now
                session.add(_event(kind, record_id, PoolEvent.CLAIMED, now, actor))
                names.append(row.name)
            rec.label = (
                op_label(LabelCode.CLAIM, name=names[0])
                if len(names) == 1
                else op_label(LabelCode.CLAIM_MANY, count=len(names))
            )
        return change_result(rec, [record_id for _kind, record_id in wanted])

    def release(self, kind: PoolKind, record_id: str) -> ChangeResult:
        """Put a held record back in the pool by hand. One operation.

        Whoever holds it: with one laptop the user decides for every owner (as the editor's
        owner field does); team mode may narrow this.

        Raises:
            NotFoundError: No such live record.
            ValidationError: It is in the pool already (``field="owner_id"``).
        """
        model = _model(kind)
        with self._store.unit_of_work(op_label(LabelCode.RELEASE, name="")) as (session, rec):
            row = live(session, model, record_id)
            if row.owner_id is None:
                raise ValidationError(
                    f"{row.name} is in the pool already.", field="owner_id", name=row.name
                )
            rec.label = op_label(LabelCode.RELEASE, name=row.name)
            row.owner_id, row.claimed_at = None, None
            session.add(
                _event(kind, record_id, PoolEvent.RELEASED, self._clock.now(), self._store.actor_id)
            )
        return change_result(rec, [record_id])

    # --- returning ------------------------------------------------------------------------

    def recycle(self, *, dry_run: bool = False) -> RecycleResult:
        """Return every held record whose return day (``pool.rules``) is today or earlier.

        One operation for the whole run, labelled with its count; undo gives every record
        back to its owner with its claim moment. Each returned record gets a ``returned``
        timeline row whose body is its rule's days. Nothing due (or no rules): nothing
        written, ``operation_id`` None. ``dry_run``: what would go, nothing written.

        The records come people first, each table in stored order, with their former owner
        and rule days (no company or phone). See :func:`_return` for how 100,000 go back in
        about a second.
        """
        now = self._clock.now()
        zone = self._clock.zone()
        today = now.astimezone(zone).date()
        if dry_run:
            with self._store.read() as session:
                rules = pool_rules(session)
                if not rules:
                    return RecycleResult((), None)
                case = rule_case(rules, today, zone)
                sql = due_select(case, REPORTED_COLUMNS)
                rows = _driver(session).execute(sql, case.params).fetchall()
                owners = user_names(session)
            return RecycleResult(due_records(rows, owners, now), None)
        label = op_label(LabelCode.RETURN_TO_POOL, count=0)
        with self._store.unit_of_work(label, "bulk") as (session, rec):
            rules = pool_rules(session)
            if not rules:
                return RecycleResult((), None)
            returned = _return(session, rec, rule_case(rules, today, zone), now)
        return RecycleResult(returned, rec.operation_id if returned else None)

    # --- helpers --------------------------------------------------------------------------

    def _actor(self) -> str:
        if self._store.actor_id is None:
            raise ValidationError("This workspace has no local user to claim for.", field="user")
        return self._store.actor_id


def _driver(session: Session) -> sqlite3.Connection:
    """The session's own sqlite3 connection, inside its transaction.

    A recycle run reads and writes 100,000 rows as plain tuples: SQLAlchemy's result rows and
    per-row parameter processing would cost more than the SQL.
    """
    driver = session.connection().connection.driver_connection
    if not isinstance(driver, sqlite3.Connection):
        raise TypeError("the lead pool's set-based writes need SQLite")
    return driver


class _IdRun:
    """``count`` new ids following one fresh UUIDv7, as 16 bytes and as text.

    The fresh id's time and counter bits are its own (``domain.ids`` never hands the same pair
    out twice), so ids that differ from it only in the low 40 random bits are new too, and
    still valid, time-ordered UUIDv7s. Making 100,000 ids one by one took a third of the
    run's time.
    """

    _LOW = 40

    def __init__(self, count: int) -> None:
        if count >= 1 << self._LOW:
            raise ValueError("too many ids for one run")
        self.count = count
        self.base = int(new_id().replace("-", ""), 16) >> self._LOW << self._LOW

    def blob(self, n: int) -> bytes:
        """The ``n``-th id (from 1) as stored."""
        return (self.base + n).to_bytes(16, "big")

    def texts(self) -> list[str]:
        """Every id as canonical text, in order."""
        h = f"{self.base:032x}"
        head, low = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-", self.base & (1 << 48) - 1
        return [f"{head}{low + n:012x}" for n in range(1, self.count + 1)]


# The change log's JSON of a returned record, as ``Recorder.write`` logs an update (the
# ``store.values.to_json`` forms): its owner's id as text (``o.json`` holds the start, made once
# per owner), then its claim moment as ISO text, if it has one.
_VALUES_SQL = (
    "coalesce(o.json, '{\"owner_id\": [\"' || crm_id_text(p.owner_id) || '\", null]') || "
    "CASE WHEN p.claimed_at IS NULL THEN '}' ELSE ', \"claimed_at\": [\"' || "
    "strftime('%Y-%m-%dT%H:%M:%S', p.claimed_at / 1000000, 'unixepoch') || "
    "printf('.%06dZ', p.claimed_at % 1000000) || '\", null]}' END"
)
_ENTITY_SQL = " ".join(
    [
        "CASE p.kind",
        *(f"WHEN {KIND_CODES[kind]} THEN '{table}'" for kind, table in TABLES.items()),
        "END",
    ]
)


def _return(session: Session, rec: Recorder, case: RuleCase, now: datetime) -> Sequence[PoolRecord]:
    """Send every record due by ``case`` back to the pool inside ``rec``'s operation.

    Set-based, for 100,000 records in about a second: the due records are gathered into a
    temporary table by one ``INSERT … SELECT``, and every write is one statement over it,
    run inside SQLite. What the change log holds is what ``Recorder.write`` would have
    written (an ``update`` row per record: owner and claim moment, before and after), and the
    timeline rows are logged as one bulk creation (``Recorder.log_created``), so undo and redo
    treat the run like any other operation. The search documents' owner column is set here
    too, the only part of them a return changes (rebuilding 100,000 documents would take
    seconds), so the records are not left for the unit of work to re-index.
    """
    session.flush()
    db = _driver(session)
    owners = user_names(session)
    columns = ", ".join(DUE_COLUMNS)
    try:
        db.execute(f"CREATE TEMP TABLE pool_due (n INTEGER PRIMARY KEY, {columns})")
        db.execute("CREATE TEMP TABLE pool_owner (id BLOB PRIMARY KEY, json TEXT)")
        db.execute(f"INSERT INTO temp.pool_due ({columns}) {due_select(case)}", case.params)
        reported = ", ".join(REPORTED_COLUMNS)
        rows = db.execute(f"SELECT {reported} FROM temp.pool_due ORDER BY n").fetchall()
        if not rows:
            return ()
        rec.label = op_label(LabelCode.RETURN_TO_POOL, count=len(rows))
        at, actor = micros(rec.at), None if rec.actor_id is None else id_bytes(rec.actor_id)
        db.executemany(
            "INSERT INTO temp.pool_owner VALUES (?, ?)",
            [(o, f'{{"owner_id": ["{id_text(o)}", null]') for o in owners],
        )
        activities, log = _IdRun(len(rows)), _IdRun(len(rows))
        db.create_function("crm_pool_activity_id", 1, activities.blob)
        db.create_function("crm_pool_log_id", 1, log.blob)
        person, company = KIND_CODES["person"], KIND_CODES["company"]
        db.execute(
            "INSERT INTO activities (id, kind, occurred_at, body, person_id, company_id, "
            "user_id, created_at, updated_at) "
            f"SELECT crm_pool_activity_id(p.n), :kind, :now, p.days, "
            f"CASE p.kind WHEN {person} THEN p.id END, CASE p.kind WHEN {company} THEN p.id END, "
            ":actor, :at, :at FROM temp.pool_due p ORDER BY p.n",
            {"kind": PoolEvent.RETURNED.value, "now": micros(now), "actor": actor, "at": at},
        )
        # Logging the creations first writes the operation row the updates' log rows name.
        rec.log_created(session, Activity.__tablename__, activities.texts())
        db.execute(
            'INSERT INTO change_log (id, operation_id, entity, entity_id, action, "values", '
            f"at, actor_id) SELECT crm_pool_log_id(p.n), :op, {_ENTITY_SQL}, p.id, 'update', "
            f"{_VALUES_SQL}, :at, :actor FROM temp.pool_due p "
            "LEFT JOIN temp.pool_owner o ON o.id = p.owner_id ORDER BY p.n",
            {"op": id_bytes(rec.operation_id), "at": at, "actor": actor},
        )
        for kind, table in TABLES.items():
            db.execute(
                f"UPDATE {table} SET owner_id = NULL, claimed_at = NULL, updated_at = ? "
                "WHERE rowid IN (SELECT rid FROM temp.pool_due WHERE kind = ?)",
                (at, KIND_CODES[kind]),
            )
        db.execute(
            "UPDATE search_docs SET owner_id = NULL "
            "WHERE record_id IN (SELECT id FROM temp.pool_due)"
        )
        rec.counts["update"] = rec.counts.get("update", 0) + len(rows)
        kinds = {row[0] for row in rows}
        rec.entities.update(t for k, t in TABLES.items() if KIND_CODES[k] in kinds)
        return due_records(rows, owners, now)
    finally:
        db.execute("DROP TABLE IF EXISTS temp.pool_due")
        db.execute("DROP TABLE IF EXISTS temp.pool_owner")
        db.create_function("crm_pool_activity_id", 1, None)
        db.create_function("crm_pool_log_id", 1, None)


def _event(
    kind: PoolKind, record_id: str, event: PoolEvent, at: datetime, user_id: str | None
) -> Activity:
    """A pool event on a record's timeline (never a contact: see ``PoolEvent``)."""
    owner = "person_id" if kind == "person" else "company_id"
    return Activity(kind=event.value, occurred_at=at, user_id=user_id, **{owner: record_id})


def _model(kind: str) -> type[Person] | type[Company]:
    _check_kind(kind)
    return _MODELS[kind]  # type: ignore[index]


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in POOL_KINDS:
        raise ValidationError(f"Unknown kind {kind}: person or company.", field="kind", value=kind)
