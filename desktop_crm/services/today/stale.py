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

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Integer, case, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.stale_rules import days_waited, limit_days
from desktop_crm.domain.vocab import ContactStatus, DealStatus
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.services.today.contact_phones import first_phones, user_names
from desktop_crm.services.today.dto import Listed, StaleCustomer, StaleDeal
from desktop_crm.services.today.scans import live_in_scan
from desktop_crm.store.models import (
    Company,
    Deal,
    DealStageChange,
    Person,
    Stage,
    User,
)
from desktop_crm.store.types import from_micros, micros

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
    picked: list[tuple[RecordKind, Any]] = []
    total = 0
    tables: tuple[tuple[RecordKind, type[Person] | type[Company]], ...] = (
        ("person", Person),
        ("company", Company),
    )
    for kind, model in tables:
        rows = session.execute(_stale_of(model, by_level, plain, today, zone, limit)).all()
        total += rows[0].total if rows else 0
        picked.extend((kind, row) for row in rows)

    def days_over(row: Any) -> int:
        since = row.last_contacted_at or row.created_at
        return days_waited(since, now, zone) - limit_days(row.level, by_level, plain)

    # SQL kept each table's first by the UTC moment the limit ran out, an approximation of
    # the local days over it (a DST change between two customers' last contacts can swap two a
    # day apart); the exact local days order the rows kept, and that moment within a day.
    picked.sort(key=lambda found: (-days_over(found[1]), found[1].due, found[1].id))
    kept = picked if limit is None else picked[:limit]
    people = [row.id for kind, row in kept if kind == "person"]
    companies = [row.id for kind, row in kept if kind == "company"]
    phones = first_phones(
        session, people, companies + [row.company_id for _kind, row in kept if row.company_id]
    )
    names = user_names(session)
    return Listed(
        tuple(
            _customer(kind, row, now, zone, by_level, plain, phones, names) for kind, row in kept
        ),
        total,
    )


def _customer(
    kind: RecordKind,
    row: Any,
    now: datetime,
    zone: ZoneInfo,
    by_level: Mapping[str, int],
    plain: int,
    phones: Mapping[str, str],
    names: Mapping[str, str],
) -> StaleCustomer:
    # A person without a phone of their own: their company's, to call the switchboard.
    phone = phones.get(row.id) or (phones.get(row.company_id, "") if row.company_id else "")
    return StaleCustomer(
        kind=kind,
        id=row.id,
        name=row.name,
        level=row.level,
        last_contacted_at=row.last_contacted_at,
        days_waited=days_waited(row.last_contacted_at or row.created_at, now, zone),
        limit_days=limit_days(row.level, by_level, plain),
        phone=phone,
        owner=names.get(row.owner_id, "") if row.owner_id else "",
        owner_id=row.owner_id,
    )


def _stale_of(
    model: type[Person] | type[Company],
    by_level: Mapping[str, int],
    plain: int,
    today: date,
    zone: ZoneInfo,
    limit: int | None,
) -> Any:
    """One table's stale customers, in one scan: the first ``limit`` with the count of all.

    The scan keeps each stale record's id and sort key (SQLite materialises a CTE read twice),
    which are counted, and sorted to keep the first ``limit``; only those are joined back to
    their rows.
    """
    since = type_coerce(func.coalesce(model.last_contacted_at, model.created_at), Integer)
    levels = list(by_level.items())
    allowed: ColumnElement[Any] = (
        case(*((model.level == level, days) for level, days in levels), else_=plain)
        if levels
        else literal(plain)
    )
    cutoff: ColumnElement[Any] = (
        case(
            *(
                (model.level == level, day_start(today - timedelta(days=days), zone))
                for level, days in levels
            ),
            else_=day_start(today - timedelta(days=plain), zone),
        )
        if levels
        else literal(day_start(today - timedelta(days=plain), zone))
    )
    stale = (
        select(model.id.label("id"), (since + allowed * DAY_US).label("due"))
        .where(
            # Customers are few beside leads and prospects: tested first, as SQLite takes them.
            model.status == ContactStatus.CUSTOMER.value,
            live_in_scan(model),
            since < cutoff,
        )
        .cte("stale")
    )
    first = select(stale.c.id, stale.c.due).order_by(stale.c.due, stale.c.id)
    kept = (first if limit is None else first.limit(limit)).subquery("kept")
    company_id: ColumnElement[Any] = literal(None, type_=Person.company_id.type)
    if model is Person:
        company_id = Person.company_id.expression
    return select(
        select(func.count()).select_from(stale).scalar_subquery().label("total"),
        kept.c.due,
        model.id,
        model.name,
        model.level,
        model.last_contacted_at,
        model.created_at,
        model.owner_id,
        company_id.label("company_id"),
    ).join_from(kept, model, model.id == kept.c.id)


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
    rotting: dict[str, int] = {
        stage_id: int(days)
        for stage_id, days in session.execute(
            select(Stage.id, Stage.rotting_days).where(
                Stage.deleted_at.is_(None), Stage.rotting_days.is_not(None)
            )
        )
        if days is not None
    }
    if not rotting:
        return Listed((), 0)
    entered = (
        select(func.max(DealStageChange.moved_at))
        .where(
            DealStageChange.deal_id == Deal.id,
            DealStageChange.to_stage_id == Deal.stage_id,
            DealStageChange.deleted_at.is_(None),
        )
        .correlate(Deal)
        .scalar_subquery()
    )
    # Each deal's wait is read once (its stage changes looked up by deal): materialised, then
    # compared with its stage's cut-off, counted, and sorted to keep the first ``limit``.
    waiting = (
        select(
            Deal.id.label("id"),
            Deal.stage_id.label("stage_id"),
            type_coerce(func.coalesce(entered, Deal.created_at), Integer).label("since"),
        )
        .where(
            Deal.deleted_at.is_(None),
            Deal.status == DealStatus.OPEN.value,
            Deal.stage_id.in_(list(rotting)),
        )
        .cte("waiting")
        .prefix_with("MATERIALIZED")
    )
    cutoff = case(
        *(
            (waiting.c.stage_id == stage_id, day_start(today - timedelta(days=days), zone))
            for stage_id, days in rotting.items()
        ),
    )
    allowed = case(*((waiting.c.stage_id == stage_id, days) for stage_id, days in rotting.items()))
    stale = (
        select(
            waiting.c.id,
            waiting.c.since,
            (waiting.c.since + allowed * DAY_US).label("due"),
        )
        .where(waiting.c.since < cutoff)
        .cte("stale")
    )
    first = select(stale.c.id, stale.c.since, stale.c.due).order_by(stale.c.due, stale.c.id)
    kept = (first if limit is None else first.limit(limit)).subquery("kept")
    rows = session.execute(
        select(
            select(func.count()).select_from(stale).scalar_subquery().label("total"),
            kept.c.since,
            kept.c.due,
            Deal.id,
            Deal.number,
            Deal.title,
            Deal.amount,
            Deal.currency,
            Deal.stage_id,
            Deal.company_id,
            Deal.person_id,
            Deal.owner_id,
            Stage.name.label("stage"),
            Stage.rotting_days,
            Company.name.label("company"),
            Person.name.label("person"),
            User.name.label("owner"),
        )
        .select_from(kept)
        .join(Deal, Deal.id == kept.c.id)
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(Company, Company.id == Deal.company_id)
        .outerjoin(Person, Person.id == Deal.person_id)
        .outerjoin(User, User.id == Deal.owner_id)
    ).all()
    found = []
    for row in rows:
        entered_at = from_micros(int(row.since))
        found.append(
            StaleDeal(
                id=row.id,
                number=row.number,
                title=row.title,
                company=row.company or "",
                stage=row.stage,
                days_in_stage=days_waited(entered_at, now, zone),
                rotting_days=int(row.rotting_days),
                amount=row.amount,
                currency=row.currency,
                owner=row.owner or "",
                company_id=row.company_id,
                person_id=row.person_id,
                person=row.person or "",
                stage_id=row.stage_id,
                owner_id=row.owner_id,
                entered_at=entered_at,
            )
        )
    due_of = {row.id: row.due for row in rows}
    found.sort(key=lambda d: (-d.days_over, due_of[d.id], d.id))
    return Listed(tuple(found), rows[0].total if rows else 0)
