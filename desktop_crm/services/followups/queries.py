"""Reading follow-ups as rows with their contact's names and phone, in one statement.

Shared by the follow-up and reminder services and by the features above ``followups`` in the
services layers (Today, cards), so every list of follow-ups orders, names and marks overdue the
same way.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.followup_time import is_overdue, moment_of
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.common.phones import contact_phone_sql
from desktop_crm.services.followups.dto import FollowUpRow
from desktop_crm.store.models import Company, Deal, FollowUp, Person, User

# The follow-up's own columns, read by the inner statement (which alone filters, orders and
# limits, so SQLite walks the due_on index and stops after ``limit`` rows).
_OWN = (
    FollowUp.id,
    FollowUp.subject,
    FollowUp.kind,
    FollowUp.status,
    FollowUp.due_on,
    FollowUp.due_at,
    FollowUp.due_zone,
    FollowUp.remind_at,
    FollowUp.repeat,
    FollowUp.series_day,
    FollowUp.person_id,
    FollowUp.company_id,
    FollowUp.deal_id,
    FollowUp.owner_id,
    FollowUp.notes,
    FollowUp.outcome,
    FollowUp.done_at,
)


def open_follow_ups() -> tuple[ColumnElement[bool], ...]:
    """Conditions for planned, live follow-ups that let SQLite use ``ix_follow_ups_open``.

    The partial index holds open follow-ups only; SQLite uses it only when the query names its
    condition with the same literal (a bound ``?`` for 'planned' would not do).
    """
    return (FollowUp.status == literal_column("'planned'"), FollowUp.deleted_at.is_(None))


DAY_SLACK = timedelta(days=2)  # a day in one zone is within two days of it in any other


def due_in_days(start: date | None, end: date | None, zone: ZoneInfo) -> list[ColumnElement[bool]]:
    """Conditions for follow-ups due from local day ``start`` to ``end`` (both included).

    Days are read in ``zone`` (where the laptop is): an all-day follow-up by its day, a timed
    one by its moment, so 06:00 planned in Shanghai on the 8th is due on the 7th in Berlin.
    The stored day (where it was planned) is bounded too, with slack, to read the due index.
    """
    where: list[ColumnElement[bool]] = []
    timed, all_day = FollowUp.due_at.is_not(None), FollowUp.due_at.is_(None)
    if start is not None:
        starts = moment_of(start, time(0), zone)
        where.append(FollowUp.due_on >= start - DAY_SLACK)
        where.append(
            or_(and_(timed, FollowUp.due_at >= starts), and_(all_day, FollowUp.due_on >= start))
        )
    if end is not None:
        ends = moment_of(end + timedelta(days=1), time(0), zone)
        where.append(FollowUp.due_on <= end + DAY_SLACK)
        where.append(
            or_(and_(timed, FollowUp.due_at < ends), and_(all_day, FollowUp.due_on <= end))
        )
    return where


def follow_up_rows(
    session: Session,
    *where: ColumnElement[bool],
    now: datetime,
    zone: ZoneInfo,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[FollowUpRow]:
    """Live follow-ups matching ``where``, by due moment, with names and a phone.

    Order: by due day (``due_on``), then within a day all-day follow-ups before timed ones,
    timed ones by their moment, then by id (stable). A timed follow-up's day is its day in the
    zone it was planned in, so after a flight a timed one may sort a day off its local day;
    lists show the time beside it.

    Args:
        session: An open session (a reader's or a unit of work's).
        where: Conditions over ``FollowUp`` columns only (e.g. status, due_on range, person);
            tombstoned follow-ups are left out already.
        now: The moment ``overdue`` is computed at.
        zone: The local zone (an all-day one is overdue from the next day there).
        limit: At most this many rows; ``None``: all.
        newest_first: Latest due first (a contact's done follow-ups).

    Returns:
        The rows, each with the person's, company's, deal's and owner's names and the person's
        first phone (else the company's).
    """
    inner = (
        select(*_OWN).where(FollowUp.deleted_at.is_(None), *where).order_by(*_order(newest_first))
    )
    if limit is not None:
        inner = inner.limit(limit)
    own = inner.subquery("f")
    statement = (
        select(
            own,
            Person.name.label("person_name"),
            Company.name.label("company_name"),
            Deal.title.label("deal_title"),
            User.name.label("owner_name"),
            literal_column(contact_phone_sql("f.person_id", "f.company_id")).label("phone"),
        )
        .select_from(own)
        .outerjoin(Person, Person.id == own.c.person_id)
        .outerjoin(Company, Company.id == own.c.company_id)
        .outerjoin(Deal, Deal.id == own.c.deal_id)
        .outerjoin(User, User.id == own.c.owner_id)
    )
    # The outer join keeps the inner order on SQLite only by chance: order again (≤ limit rows).
    if newest_first:
        statement = statement.order_by(own.c.due_on.desc(), own.c.due_at.desc(), own.c.id.desc())
    else:
        statement = statement.order_by(own.c.due_on, own.c.due_at, own.c.id)
    return [_row(found, now, zone) for found in session.execute(statement).mappings()]


def _order(newest_first: bool) -> tuple[ColumnElement[Any], ...]:
    # NULLs sort first ascending on SQLite: a day's all-day follow-ups before its timed ones.
    columns = (FollowUp.due_on, FollowUp.due_at, FollowUp.id)
    return tuple(column.desc() if newest_first else column.asc() for column in columns)


def _row(found: Any, now: datetime, zone: ZoneInfo) -> FollowUpRow:
    due_on: date = found["due_on"]
    due_at: datetime | None = found["due_at"]
    return FollowUpRow(
        id=found["id"],
        subject=found["subject"],
        kind=ActivityKind(found["kind"]),
        status=FollowUpStatus(found["status"]),
        due_on=due_on,
        due_at=due_at,
        zone=found["due_zone"],
        # Only a planned one is late: a done or cancelled one is past, not overdue.
        overdue=found["status"] == FollowUpStatus.PLANNED.value
        and is_overdue(due_on, due_at, now, zone),
        remind_at=found["remind_at"],
        repeat=found["repeat"],
        series_day=found["series_day"],
        person_id=found["person_id"],
        person=found["person_name"] or "",
        company_id=found["company_id"],
        company=found["company_name"] or "",
        deal_id=found["deal_id"],
        deal=found["deal_title"] or "",
        owner_id=found["owner_id"],
        owner=found["owner_name"] or "",
        phone=found["phone"] or "",
        notes=found["notes"] or "",
        outcome=found["outcome"] or "",
        done_at=found["done_at"],
    )
