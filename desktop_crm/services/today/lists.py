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
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
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
        until: The last ``due_on`` any of them reaches.
    """

    overdue: ColumnElement[bool]
    due_today: ColumnElement[bool]
    next_days: ColumnElement[bool]
    until: date


def windows(now: datetime, zone: ZoneInfo) -> Windows:
    """The follow-up windows at ``now`` with local days read in ``zone``."""
    today = now.astimezone(zone).date()
    tomorrow = today + timedelta(days=1)
    after = today + timedelta(days=NEXT_DAYS + 1)
    tomorrow_starts = moment_of(tomorrow, time(0), zone)
    after_starts = moment_of(after, time(0), zone)
    timed, all_day = FollowUp.due_at.is_not(None), FollowUp.due_at.is_(None)
    # A timed follow-up's ``due_on`` is its day where it was planned, at most DAY_SLACK days
    # from its day here: the day ranges are supersets, ranges of the open follow-ups' index.
    slack = timedelta(days=DAY_SLACK)
    return Windows(
        overdue=and_(
            # Past due here is due by today where it was planned: the range keeps the read
            # to the open follow-ups' index up to today, in its order.
            FollowUp.due_on <= today + slack,
            or_(
                and_(timed, FollowUp.due_at <= now),
                and_(all_day, FollowUp.due_on < today),
            ),
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
        until=after + slack,
    )


def planned() -> tuple[ColumnElement[bool], ...]:
    """Planned follow-ups, not tombstoned (the ones Today lists), read through their index.

    Worded for ``ix_follow_ups_open``, the partial index of open follow-ups by due day and
    moment: its condition named as it names it (the literal ``'planned'``, which a bound value
    would not match), and wrapped in ``likely()`` so that SQLite does not prefer the status
    index (an equality it guesses to be selective, whose rows must each be read from the
    table). Through the open index every window is a range of due days read in list order,
    its due columns in the index itself: the first ``limit`` rows end the walk.
    """
    return (
        func.likely(FollowUp.status == literal_column(f"'{FollowUpStatus.PLANNED.value}'")),
        FollowUp.deleted_at.is_(None),
    )


def follow_up_counts(session: Session, found: Windows) -> tuple[int, int, int]:
    """How many planned follow-ups are overdue, due today and due in the next days.

    One pass over the open follow-ups' index up to the last day any window reaches.
    """
    overdue, due_today, next_days = session.execute(
        select(
            func.count().filter(found.overdue),
            func.count().filter(found.due_today),
            func.count().filter(found.next_days),
        ).where(*planned(), FollowUp.due_on <= found.until)
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

    def rows(window: ColumnElement[bool], total: int) -> Listed[FollowUpRow]:
        if total == 0:  # nothing to read: skip the statement
            return Listed((), 0)
        return Listed(
            tuple(follow_up_rows(session, *planned(), window, now=now, zone=zone, limit=limit)),
            total,
        )

    many = EVERYTHING if limit is None else limit
    return TodayLists(
        at=now.astimezone(UTC),
        today=today,
        zone=zone.key,
        overdue=rows(found.overdue, counts[0]),
        due_today=rows(found.due_today, counts[1]),
        next_7_days=rows(found.next_days, counts[2]),
        stale_customers=stale_customers(session, now, zone, limit),
        stale_deals=stale_deals(session, now, zone, limit),
        returning_to_pool=tuple(returning_soon(session, now, zone, limit=many)),
        overdue_instalments=overdue_instalments(session, today, many),
        birthdays=birthdays(session, today, limit),
    )
