"""Every Today list at one moment, read in one session.

Follow-ups fall in three windows around the local day of the moment (``domain.followup_time``):

* overdue: a timed follow-up once its moment has passed, an all-day one from the next local
  day;
* due today: a timed one due later today (its moment before the next local day begins), an
  all-day one of today;
* next 7 days: due in the seven local days after today (a timed one by its moment, read in the
  zone the laptop is in now, not the one it was planned in).

Each window is one condition over the follow-up's own columns, so a list and its count are two
indexed reads, never a pass over every follow-up in Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.contracts.summaries import overdue_instalments
from desktop_crm.services.followups.dto import FollowUpRow
from desktop_crm.services.followups.queries import follow_up_rows
from desktop_crm.services.pool.queries import returning_soon
from desktop_crm.services.today.birthdays import birthdays
from desktop_crm.services.today.dto import LIST_LIMIT, Listed, TodayLists
from desktop_crm.services.today.stale import stale_customers, stale_deals
from desktop_crm.store.models import FollowUp

NEXT_DAYS = 7
# Days between a moment's local day in two zones: at most two (UTC-12 and UTC+14 are 26 hours
# apart).
DAY_SLACK = 2
EVERYTHING = 1_000_000_000  # "no limit" for reads that take a number


@dataclass(frozen=True)
class Windows:
    """The three follow-up windows at a moment, as conditions over ``FollowUp`` columns.

    Attributes:
        overdue: Past due.
        due_today: Due later today.
        next_days: Due in the seven local days after today.
    """

    overdue: ColumnElement[bool]
    due_today: ColumnElement[bool]
    next_days: ColumnElement[bool]


def windows(now: datetime, zone: ZoneInfo) -> Windows:
    """The follow-up windows at ``now`` with local days read in ``zone``."""
    today = now.astimezone(zone).date()
    tomorrow = today + timedelta(days=1)
    after = today + timedelta(days=NEXT_DAYS + 1)
    tomorrow_starts = moment_of(tomorrow, time(0), zone)
    after_starts = moment_of(after, time(0), zone)
    timed, all_day = FollowUp.due_at.is_not(None), FollowUp.due_at.is_(None)
    # A timed follow-up's ``due_on`` is its day where it was planned, at most DAY_SLACK days
    # from its day here: the day ranges are supersets that let SQLite read the due_on index.
    slack = timedelta(days=DAY_SLACK)
    return Windows(
        overdue=or_(
            and_(timed, FollowUp.due_at <= now),
            and_(all_day, FollowUp.due_on < today),
        ),
        due_today=and_(
            FollowUp.due_on.between(today - slack, today + slack),
            or_(
                and_(timed, FollowUp.due_at > now, FollowUp.due_at < tomorrow_starts),
                and_(all_day, FollowUp.due_on == today),
            ),
        ),
        next_days=and_(
            FollowUp.due_on.between(tomorrow - slack, after + slack),
            or_(
                and_(timed, FollowUp.due_at >= tomorrow_starts, FollowUp.due_at < after_starts),
                and_(all_day, FollowUp.due_on >= tomorrow, FollowUp.due_on < after),
            ),
        ),
    )


def planned() -> tuple[ColumnElement[bool], ...]:
    """Planned follow-ups, not tombstoned: the ones Today lists."""
    return (FollowUp.status == FollowUpStatus.PLANNED.value, FollowUp.deleted_at.is_(None))


def planned_by_day() -> tuple[ColumnElement[bool], ...]:
    """:func:`planned`, worded so that SQLite reads a window's day range, not the status index.

    Open follow-ups are few beside done ones, so counting them and listing the overdue ones
    reads the status index; a window of a few days reads fewer rows through ``due_on``
    (``status || ''`` is SQLite's way of keeping an index out of a plan).
    """
    return (
        FollowUp.status.concat("") == FollowUpStatus.PLANNED.value,
        FollowUp.deleted_at.is_(None),
    )


def follow_up_counts(session: Session, found: Windows) -> tuple[int, int, int]:
    """How many planned follow-ups are overdue, due today and due in the next days."""
    overdue, due_today, next_days = session.execute(
        select(
            func.count().filter(found.overdue),
            func.count().filter(found.due_today),
            func.count().filter(found.next_days),
        ).where(*planned())
    ).one()
    return int(overdue), int(due_today), int(next_days)


def today_lists(
    session: Session, now: datetime, zone: ZoneInfo, limit: int | None = LIST_LIMIT
) -> TodayLists:
    """Every Today list at ``now`` (see ``TodayLists``); each holds at most ``limit`` rows.

    Args:
        session: An open session (the reader's, usually).
        now: The moment (timezone-aware).
        zone: The zone local days are read in.
        limit: Rows per list (``None``: all of them, as the command line prints).
    """
    today = now.astimezone(zone).date()
    found = windows(now, zone)
    counts = follow_up_counts(session, found)

    def rows(
        window: ColumnElement[bool], total: int, *, by_day: bool = True
    ) -> Listed[FollowUpRow]:
        if total == 0:  # nothing to read: skip the statement
            return Listed((), 0)
        where = planned_by_day() if by_day else planned()
        return Listed(
            tuple(follow_up_rows(session, *where, window, now=now, zone=zone, limit=limit)),
            total,
        )

    many = EVERYTHING if limit is None else limit
    return TodayLists(
        at=now.astimezone(UTC),
        today=today,
        zone=zone.key,
        overdue=rows(found.overdue, counts[0], by_day=False),
        due_today=rows(found.due_today, counts[1]),
        next_7_days=rows(found.next_days, counts[2]),
        stale_customers=stale_customers(session, now, zone, limit),
        stale_deals=stale_deals(session, now, zone, limit),
        returning_to_pool=tuple(returning_soon(session, now, zone, limit=many)),
        overdue_instalments=overdue_instalments(session, today, many),
        birthdays=birthdays(session, today, limit),
    )
