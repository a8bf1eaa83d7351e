"""Who has waited too long, as Today lists them: stale customers and rotting deals.

The rules are ``domain.stale_rules``': a customer (a person or company with status customer)
is stale once the whole local days since its last logged contact (else its creation) exceed
its level's limit; an open deal rots once the days since it entered its stage exceed the
stage's rotting days. "More than N days" on local days is "before the first moment of local
day ``today - N``": each limit becomes one UTC cut-off, computed here with the zone (DST and
all), and SQL compares stored moments (integer microseconds, ``store.types.micros``) with it,
so neither list reads a moment in a time zone row by row.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.stale_rules import days_waited, limit_days
from desktop_crm.domain.vocab import ContactStatus, DealStatus
from desktop_crm.services.common.phones import contact_phone_sql, first_phone_sql
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.services.today.dto import Listed, StaleCustomer, StaleDeal
from desktop_crm.store.types import ExactDecimal, from_micros, id_text, micros

DAY_US = 86_400_000_000  # a day in stored units (microseconds)


def day_start(day: date, zone: ZoneInfo) -> int:
    """The first moment of local ``day`` as stored (microseconds since 1970 UTC)."""
    return micros(moment_of(day, time(0), zone))


def level_limits(session: Session) -> tuple[dict[str, int], int]:
    """The days each level may wait, and the days of a customer without one (settings).

    A value that is not a whole number (a file edited by hand) falls back to the default.
    """
    stored = read_setting(session, "followup.stale_days_by_level")
    by_level: dict[str, int] = {}
    for level, days in stored.items() if isinstance(stored, Mapping) else ():
        if isinstance(days, int) and not isinstance(days, bool):
            by_level[str(level)] = days
    plain = read_setting(session, "followup.stale_days")
    return by_level, plain if isinstance(plain, int) and not isinstance(plain, bool) else 30


def stale_customers(
    session: Session, now: datetime, zone: ZoneInfo, limit: int | None
) -> Listed[StaleCustomer]:
    """Customers waiting longer than their level allows, most days over the limit first.

    Args:
        session: An open session.
        now: The moment it is.
        zone: The zone local days are read in.
        limit: At most this many rows (``None``: all); ``total`` counts them all.
    """
    by_level, plain = level_limits(session)
    today = now.astimezone(zone).date()
    db = session.connection()
    picked: list[StaleCustomer] = []
    due: dict[str, int] = {}
    total = 0
    tables: tuple[tuple[RecordKind, str], ...] = (("person", "people"), ("company", "companies"))
    for kind, table in tables:
        count, rows = _stale_of(db, table, by_level, plain, today, zone, limit)
        total += count
        for row in rows:
            customer = _customer(kind, row, now, zone, by_level, plain)
            due[customer.id] = row[0]
            picked.append(customer)
    # SQL kept each table's first by the UTC moment the limit ran out, an approximation of
    # the local days over it (a DST change between two customers' last contacts can swap two a
    # day apart); the exact local days order the rows kept, and that moment within a day.
    picked.sort(key=lambda found: (-found.days_over, due[found.id], found.id))
    return Listed(tuple(picked if limit is None else picked[:limit]), total)


def _customer(
    kind: RecordKind,
    row: Sequence[Any],
    now: datetime,
    zone: ZoneInfo,
    by_level: Mapping[str, int],
    plain: int,
) -> StaleCustomer:
    """A row of :func:`_stale_of` (``_KEPT_COLUMNS`` after its ``due``) as a list row."""
    _due, stored, name, level, contacted, created, owner_id, owner, phone = row
    last_contacted_at = None if contacted is None else from_micros(int(contacted))
    since = last_contacted_at or from_micros(int(created))
    return StaleCustomer(
        kind=kind,
        id=id_text(stored),
        name=name,
        level=level,
        last_contacted_at=last_contacted_at,
        days_waited=days_waited(since, now, zone),
        limit_days=limit_days(level, by_level, plain),
        phone=phone or "",
        owner=owner or "",
        owner_id=None if owner_id is None else id_text(owner_id),
    )


# The customer's rows as :func:`_customer` reads them (``r`` the record, ``u`` its owner).
_KEPT_COLUMNS = {
    "people": "r.id, r.name, r.level, r.last_contacted_at, r.created_at, r.owner_id, u.name, "
    + contact_phone_sql("r.id", "r.company_id"),
    "companies": "r.id, r.name, r.level, r.last_contacted_at, r.created_at, r.owner_id, u.name, "
    + first_phone_sql("company_id", "r.id"),
}
# Said as ``ix_<table>_stale`` says it (its condition literally, its expression as written), so
# SQLite reads that index.
_CUSTOMERS = f"status = '{ContactStatus.CUSTOMER.value}' AND deleted_at IS NULL"
_SINCE = "coalesce(last_contacted_at, created_at)"


def _stale_of(
    db: Connection,
    table: str,
    by_level: Mapping[str, int],
    plain: int,
    today: date,
    zone: ZoneInfo,
    limit: int | None,
) -> tuple[int, list[Sequence[Any]]]:
    """One table's stale customers: how many, and the first ``limit`` by when they went stale.

    Read through the table's ``ix_<table>_stale`` (live customers by level, then by the
    moment their wait started), in one statement: each level present is one range of the
    index, counted, and read in order up to ``limit`` rows (within a level, the order of the
    moment its limit ran out, as the level's days are one constant); the first ``limit`` of
    those are joined to their rows. Neither count nor list passes over every contact. Plain
    SQL (ids and moments as stored, converted by :func:`_customer`): the statement's shape
    changes with the levels present, and SQLAlchemy would compile each shape anew.
    """
    params: dict[str, Any] = {"limit": -1 if limit is None else limit}
    counts, branches = [], []
    for n, level in enumerate((None, *_levels(db, table))):
        days = limit_days(level, by_level, plain)
        params[f"cut{n}"] = day_start(today - timedelta(days=days), zone)
        params[f"wait{n}"] = days * DAY_US
        where = f"{_CUSTOMERS} AND level {'IS NULL' if level is None else f'= :level{n}'} "
        where += f"AND {_SINCE} < :cut{n}"
        if level is not None:
            params[f"level{n}"] = level
        counts.append(f"(SELECT count(*) FROM {table} WHERE {where})")
        branches.append(
            f"SELECT * FROM (SELECT rowid AS rid, id, {_SINCE} + :wait{n} AS due FROM {table} "
            f"WHERE {where} ORDER BY {_SINCE}, id LIMIT :limit)"
        )
    rows = db.execute(
        text(
            f"SELECT {' + '.join(counts)}, k.due, {_KEPT_COLUMNS[table]} FROM "
            f"(SELECT rid, due, id FROM ({' UNION ALL '.join(branches)}) "
            f"ORDER BY due, id LIMIT :limit) k "
            f"JOIN {table} r ON r.rowid = k.rid LEFT JOIN users u ON u.id = r.owner_id"
        ),
        params,
    ).all()
    if rows:
        return int(rows[0][0]), [row[1:] for row in rows]
    # No row to carry the count: there are none, unless the limit kept none.
    if limit == 0:
        return int(db.execute(text(f"SELECT {' + '.join(counts)}"), params).scalar_one()), []
    return 0, []


def _levels(db: Connection, table: str) -> list[str]:
    """The levels live customers have (NULL left out), each found by one seek of the index.

    A recursive walk: the least level, then the least above it, and so on; each step is a
    ``min()`` SQLite answers from the first entry of the index past the last level.
    """
    found = db.execute(
        text(
            f"WITH RECURSIVE walk(level) AS (SELECT min(level) FROM {table} WHERE {_CUSTOMERS} "
            f"UNION ALL SELECT (SELECT min(level) FROM {table} WHERE {_CUSTOMERS} "
            "AND level > walk.level) FROM walk WHERE walk.level IS NOT NULL) "
            "SELECT level FROM walk WHERE level IS NOT NULL"
        )
    )
    return [level for (level,) in found]


def stale_deals(
    session: Session, now: datetime, zone: ZoneInfo, limit: int | None
) -> Listed[StaleDeal]:
    """Open deals waiting in their stage longer than its rotting days, most days over first.

    Args:
        session: An open session.
        now: The moment it is.
        zone: The zone local days are read in.
        limit: At most this many rows (``None``: all); ``total`` counts them all.
    """
    today = now.astimezone(zone).date()
    db = session.connection()
    rotting = db.execute(
        text(
            "SELECT id, rotting_days FROM stages "
            "WHERE deleted_at IS NULL AND rotting_days IS NOT NULL"
        )
    ).all()
    if not rotting:
        return Listed((), 0)
    params: dict[str, Any] = {
        "open": DealStatus.OPEN.value,
        "limit": -1 if limit is None else limit,
    }
    waits, cutoffs = [], []
    for n, (stage_id, days) in enumerate(rotting):
        params.update(
            {
                f"stage{n}": stage_id,
                f"wait{n}": int(days) * DAY_US,
                f"cut{n}": day_start(today - timedelta(days=int(days)), zone),
            }
        )
        waits.append(f"WHEN :stage{n} THEN :wait{n}")
        cutoffs.append(f"WHEN :stage{n} THEN :cut{n}")
    stages = ", ".join(f":stage{n}" for n in range(len(rotting)))
    # Each deal's wait is read once (its stage changes looked up by deal): materialised, then
    # compared with its stage's cut-off, counted, and sorted to keep the first ``limit``. Plain
    # SQL, as for the stale customers (ids, moments and amounts as stored).
    rows = db.execute(
        text(
            "WITH waiting AS MATERIALIZED (SELECT d.rowid AS rid, d.id AS id, "
            "d.stage_id AS stage_id, coalesce((SELECT max(c.moved_at) FROM deal_stage_changes c "
            "WHERE c.deal_id = d.id AND c.to_stage_id = d.stage_id AND c.deleted_at IS NULL), "
            "d.created_at) AS since FROM deals d WHERE d.deleted_at IS NULL "
            f"AND d.status = :open AND d.stage_id IN ({stages})), "
            f"stale AS (SELECT rid, id, since, since + CASE stage_id {' '.join(waits)} END AS due "
            f"FROM waiting WHERE since < CASE stage_id {' '.join(cutoffs)} END) "
            "SELECT (SELECT count(*) FROM stale), k.since, k.due, d.id, d.number, d.title, "
            "d.amount, d.currency, d.stage_id, d.company_id, d.person_id, d.owner_id, s.name, "
            "s.rotting_days, co.name, p.name, u.name "
            "FROM (SELECT rid, since, due, id FROM stale ORDER BY due, id LIMIT :limit) k "
            "JOIN deals d ON d.rowid = k.rid JOIN stages s ON s.id = d.stage_id "
            "LEFT JOIN companies co ON co.id = d.company_id "
            "LEFT JOIN people p ON p.id = d.person_id LEFT JOIN users u ON u.id = d.owner_id"
        ),
        params,
    ).all()
    found, due_of = [], {}
    for row in rows:
        _total, since, due, stored, number, title, amount, currency, *ids, stage = row[:13]
        stage_id, company_id, person_id, owner_id = ids
        rotting_days, company, person, owner = row[13:]
        entered_at = from_micros(int(since))
        deal = StaleDeal(
            id=id_text(stored),
            number=number,
            title=title,
            company=company or "",
            stage=stage,
            days_in_stage=days_waited(entered_at, now, zone),
            rotting_days=int(rotting_days),
            amount=_AMOUNT.process_result_value(amount, db.dialect) or Decimal(0),
            currency=currency,
            owner=owner or "",
            company_id=_id_or_none(company_id),
            person_id=_id_or_none(person_id),
            person=person or "",
            stage_id=id_text(stage_id),
            owner_id=_id_or_none(owner_id),
            entered_at=entered_at,
        )
        due_of[deal.id] = due
        found.append(deal)
    found.sort(key=lambda d: (-d.days_over, due_of[d.id], d.id))
    return Listed(tuple(found), int(rows[0][0]) if rows else 0)


_AMOUNT = ExactDecimal()


def _id_or_none(stored: bytes | str | None) -> str | None:
    return None if stored is None else id_text(stored)
