"""Set-based reads of the lead pool: which held records are due back, and which soon.

A held record's return day is a *local* day (``domain.pool_rules.return_day``): the day its
clock started plus the rule's days. SQLite cannot read a moment in a time zone, so instead of
turning every record's moment into a local day, each rule's days become one UTC cut-off: a
record is due by local day ``D`` when its clock started before the first moment of local day
``D - days + 1``. The zone turns those few days into moments (DST and all), and one scan of
each table compares integers (moments are stored as microseconds, ``store.types.micros``).

Shared with the Today service, which imports :func:`returning_soon` (``pool`` sits below
``today`` in the services' layers).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.domain.pool_rules import ReturnRule, clock_start, return_day, rule_for
from desktop_crm.domain.text import normalize
from desktop_crm.domain.vocab import PoolEvent
from desktop_crm.services.pool.dto import PoolKind, PoolRecord, PoolWarning, ReturnedRecords
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import KIND_CODES
from desktop_crm.store.search_index import KIND_OF, kind_sql
from desktop_crm.store.types import from_micros, id_bytes, id_text, micros

TABLES: dict[PoolKind, str] = {"person": "people", "company": "companies"}

# Where a held record's pool clock starts (``pool_rules.clock_start``) in SQL: the later of its
# last contact and its claim, else its creation. SQLite's two-argument max() is NULL when
# either is, hence the crossed coalesce.
START_SQL = (
    "coalesce(max(coalesce(r.last_contacted_at, r.claimed_at), "
    "coalesce(r.claimed_at, r.last_contacted_at)), r.created_at)"
)


def pool_rules(session: Session) -> list[ReturnRule]:
    """The workspace's return rules (``pool.rules``), in order; malformed ones are skipped.

    The settings service refuses malformed rules; a file edited by hand or by a newer version
    may still hold one, and one bad rule must not stop every other from working.
    """
    stored = read_setting(session, "pool.rules") or []
    rules = []
    for item in stored if isinstance(stored, list) else []:
        try:
            rules.append(ReturnRule.of(item))
        except (ValueError, AttributeError, TypeError):
            continue
    return rules


def whole_setting(session: Session, key: str) -> int:
    """A whole-number pool setting (``pool.warn_days``, ``pool.cap``), 0 if unreadable."""
    value = read_setting(session, key)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


def day_start(day: date, zone: ZoneInfo) -> int:
    """The first moment of local ``day`` in ``zone``, as stored (microseconds, UTC).

    Where midnight does not exist (a zone moving its clocks at 00:00), zoneinfo reads it with
    the offset before the change, which is the day's first real moment.
    """
    return micros(datetime.combine(day, time(0), zone))


@dataclass(frozen=True)
class RuleCase:
    """One table's rules as SQL: the record's rule days, and the cut-off it is compared with.

    Attributes:
        days: ``CASE`` giving the record's rule days (NULL: no rule applies).
        cutoff: ``CASE`` giving the moment its clock must have started before.
        params: Bound values of all three.
        applies: Whether any rule names the record's level or status: plain comparisons that
            a pass over a table tests before computing the ``CASE`` arms and the clock start.
    """

    days: str
    cutoff: str
    params: dict[str, Any]
    applies: str = "1"


def rule_case(rules: Sequence[ReturnRule], by_day: date, zone: ZoneInfo) -> RuleCase:
    """SQL choosing each record's rule as ``rule_for`` does, due by local day ``by_day``.

    Level rules come first in the ``CASE``, so a level rule wins over a status rule, and
    among rules naming the same level or status the first wins, as in ``rule_for``.
    """
    ordered = [r for r in rules if r.level is not None] + [r for r in rules if r.level is None]
    days_arms, cut_arms, named = [], [], []
    params: dict[str, Any] = {}
    for n, rule in enumerate(ordered):
        column = "r.level" if rule.level is not None else "r.status"
        params[f"pv{n}"] = rule.level if rule.level is not None else rule.status
        params[f"pd{n}"] = rule.days
        params[f"pc{n}"] = day_start(by_day - timedelta(days=rule.days - 1), zone)
        days_arms.append(f"WHEN {column} = :pv{n} THEN :pd{n}")
        cut_arms.append(f"WHEN {column} = :pv{n} THEN :pc{n}")
        named.append(f"{column} = :pv{n}")
    return RuleCase(
        f"CASE {' '.join(days_arms)} END",
        f"CASE {' '.join(cut_arms)} END",
        params,
        f"({' OR '.join(named)})" if named else "0",
    )


def returning_soon(
    session: Session, now: datetime, zone: ZoneInfo, *, limit: int = 200
) -> list[PoolWarning]:
    """Held records whose return day is at most ``pool.warn_days`` days from local today.

    Soonest first (then by name). A record already due whose return has not run yet (the app
    was closed) is listed as returning today. No rules, or ``pool.warn_days`` 0: none.

    Args:
        session: An open session (a reader's or a unit of work's).
        now: The moment it is (timezone-aware).
        zone: The zone local days are read in.
        limit: At most this many records.
    """
    rules = pool_rules(session)
    warn_days = whole_setting(session, "pool.warn_days")
    if not rules or limit <= 0:
        return []
    today = now.astimezone(zone).date()
    case = rule_case(rules, today + timedelta(days=warn_days), zone)
    day_us = 86_400_000_000
    selects = []
    for kind, table in TABLES.items():
        # ``sort`` approximates the return moment in UTC for SQL's order and limit; the exact
        # local day is computed below from the row's moments (a DST change between two
        # records' starts can only reorder records returning on neighbouring days). One pass
        # over each table (no index holds held records: one would cost megabytes on a file of
        # 100,000 held contacts), testing the cheap columns first; owners are named after it.
        selects.append(
            f"SELECT '{kind}' AS kind, r.id AS id, r.name AS name, r.owner_id AS owner_id, "
            "r.level, r.status, "
            f"r.last_contacted_at, r.claimed_at, r.created_at, {START_SQL} + "
            f"({case.days}) * {day_us} AS sort FROM {table} r "
            f"WHERE {due_predicate(case)}"
        )
    sql = " UNION ALL ".join(selects) + " ORDER BY sort, name LIMIT :limit"
    owners = user_names(session)
    found = []
    for row in session.execute(text(sql), {**case.params, "limit": limit}):
        rule = rule_for(row.level, row.status, rules)
        if rule is None:  # the CASE found one: only a rule changed in between could miss
            continue
        start = clock_start(_moment(row.last_contacted_at), _moment(row.claimed_at), _at(row))
        returns_on = max(return_day(start, rule, zone), today)
        found.append(
            PoolWarning(
                kind=cast(PoolKind, row.kind),
                id=id_text(row.id),
                name=row.name,
                owner=owners.get(row.owner_id),
                returns_on=returns_on,
                days_left=(returns_on - today).days,
            )
        )
    found.sort(key=lambda w: (w.returns_on, w.name))
    return found


def _moment(value: int | None) -> datetime | None:
    return None if value is None else from_micros(int(value))


def _at(row: Any) -> datetime:
    return from_micros(int(row.created_at))


# --- the pool itself --------------------------------------------------------------------------

# When each record last came back to the pool (returned by a rule or released by hand): its
# latest live pool-return activity, in one grouped pass over the activities (no index on kind:
# the pass costs tens of milliseconds on 300,000 activities, an index would cost every insert).
_RETURNS = (
    "SELECT coalesce(a.person_id, a.company_id) AS rid, max(a.occurred_at) AS at "
    "FROM activities a WHERE a.kind IN (:ev_returned, :ev_released) AND a.deleted_at IS NULL "
    "GROUP BY rid"
)


def _pool_where(kind: PoolKind | None, text_filter: str) -> tuple[str, dict[str, Any]]:
    """The pool's ``WHERE`` over ``search_docs d``: no owner, of ``kind``, matching the text."""
    where = ["d.owner_id IS NULL"]
    params: dict[str, Any] = {}
    if kind is not None:
        where.append(kind_sql([kind]))
    query = normalize(text_filter)
    if query:
        # The documents hold the names (with their pinyin), numbers, companies and phone
        # digits, normalised: "zhang", "张", "138" and "C-00001" all find their record.
        where.append("instr(d.short || ' ' || d.body, :query) > 0")
        params["query"] = query
    return " AND ".join(where), params


def pool_page(
    session: Session, kind: PoolKind | None, text_filter: str, limit: int, offset: int
) -> list[PoolRecord]:
    """One page of the pool, newest arrivals first (see ``PoolService.records``)."""
    where, params = _pool_where(kind, text_filter)
    sql = (
        "SELECT d.kind, d.record_id, d.number, d.name, d.company, d.level, d.status, "
        "d.last_contacted_at, d.phone, ret.at AS returned_at "
        f"FROM search_docs d LEFT JOIN ({_RETURNS}) ret ON ret.rid = d.record_id "
        f"WHERE {where} ORDER BY coalesce(ret.at, d.created_at) DESC, d.rowid DESC "
        "LIMIT :limit OFFSET :offset"
    )
    params.update(
        ev_returned=PoolEvent.RETURNED.value,
        ev_released=PoolEvent.RELEASED.value,
        limit=max(limit, 0),
        offset=max(offset, 0),
    )
    return [
        PoolRecord(
            kind=KIND_OF[row.kind],
            id=id_text(row.record_id),
            number=row.number,
            name=row.name,
            company=row.company,
            level=row.level,
            status=row.status or "lead",
            last_contacted_at=_moment(row.last_contacted_at),
            phone=row.phone,
            returned_at=_moment(row.returned_at),
        )
        for row in session.execute(text(sql), params)
    ]


def pool_count(session: Session, kind: PoolKind | None, text_filter: str) -> int:
    """How many records the pool holds (of ``kind``, matching ``text_filter``)."""
    where, params = _pool_where(kind, text_filter)
    return int(
        session.execute(
            text(f"SELECT count(*) FROM search_docs d WHERE {where}"), params
        ).scalar_one()
    )


def held_count(session: Session, owner_id: str) -> int:
    """How many live people and companies ``owner_id`` holds (what ``pool.cap`` limits)."""
    owner = id_bytes(owner_id)
    return int(
        session.connection()
        .exec_driver_sql(
            "SELECT (SELECT count(*) FROM people WHERE owner_id = ? AND deleted_at IS NULL) + "
            "(SELECT count(*) FROM companies WHERE owner_id = ? AND deleted_at IS NULL)",
            (owner, owner),
        )
        .scalar_one()
    )


# --- what a recycle run returns ---------------------------------------------------------------


# What :func:`due_select` reads of each record, in order (``kind`` as ``KIND_CODES`` stores it,
# ``rid`` its table's rowid, ``id`` and ``owner_id`` as stored).
DUE_COLUMNS = (
    "kind",
    "rid",
    "id",
    "number",
    "name",
    "level",
    "status",
    "last_contacted_at",
    "owner_id",
    "claimed_at",
    "days",
)


def due_predicate(case: RuleCase) -> str:
    """SQL over a table aliased ``r``: held, live, and its clock started before its cut-off.

    Worded for a pass over the table itself: plain ``r.deleted_at`` would match the partial
    indexes of live rows (the customer numbers'), and SQLite would walk one of them and look
    every row up in the table, a quarter slower; the unary ``+`` keeps it out of index matching.
    The columns that rule most records out cost least, so they are tested first.
    """
    return (
        f"{case.applies} AND r.owner_id IS NOT NULL AND +r.deleted_at IS NULL "
        f"AND {START_SQL} < ({case.cutoff})"
    )


def due_select(case: RuleCase, columns: Sequence[str] = DUE_COLUMNS) -> str:
    """``SELECT`` of ``columns`` (of :data:`DUE_COLUMNS`) of every record due back by ``case``.

    People first, then companies, each in the order they were stored: sorting 100,000 names
    would cost a recycle run more than everything it reports is worth.
    """

    def source(kind: PoolKind) -> dict[str, str]:
        return {"kind": str(KIND_CODES[kind]), "rid": "r.rowid", "days": case.days} | {
            c: f"r.{c}" for c in DUE_COLUMNS if c not in ("kind", "rid", "days")
        }

    return " UNION ALL ".join(
        f"SELECT {', '.join(source(kind)[c] for c in columns)} "
        f"FROM {table} r WHERE {due_predicate(case)}"
        for kind, table in TABLES.items()
    )


def user_names(session: Session) -> dict[bytes | str, str]:
    """Every user's name by stored id (a workspace has a handful of users)."""
    found = session.connection().exec_driver_sql("SELECT id, name FROM users").fetchall()
    return {stored: name for stored, name in found}


# What a run reports of each record, of :data:`DUE_COLUMNS` (what :func:`due_records` reads).
REPORTED_COLUMNS = (
    "kind",
    "id",
    "number",
    "name",
    "level",
    "status",
    "last_contacted_at",
    "owner_id",
    "days",
)


def due_records(
    rows: Sequence[Sequence[Any]], owners: Mapping[bytes | str, str], returned_at: datetime
) -> ReturnedRecords:
    """Rows of :data:`REPORTED_COLUMNS` (plain tuples) as the records a run returns.

    They carry their owner and rule days, no company or phone (a run reports who lost what).
    """

    def make(row: Sequence[Any]) -> PoolRecord:
        kind, stored, number, name, level, status, contacted, owner, days = row
        return PoolRecord(
            KIND_OF[kind],
            id_text(stored),
            number,
            name,
            None,
            level,
            status,
            None if contacted is None else from_micros(contacted),
            None,
            returned_at,
            owners.get(owner),
            days,
        )

    return ReturnedRecords(rows, make)
