"""Which reminders are due now, and which this machine has shown already.

A reminder is due once its moment (``domain.followup_time.reminder``: a snooze's moment, a
timed follow-up's moment, an all-day one's morning hour in the zone the laptop is in) has come,
until this machine has shown it: :meth:`ReminderService.mark_shown` keeps the reminder's key in
``reminder_marks``. Keys are moments (UTC) or days, never wall times, so a DST change or a
flight neither drops nor repeats a reminder: an all-day follow-up shown at 09:00 in Shanghai is
not shown again at 09:00 in Berlin the same day (same ``day:`` key); a timed one fires once, at
its moment, wherever the laptop is; a snooze makes a new key (``at:`` its moment), so it
reminds again then.

A check reads only candidates: snoozed ones by ``remind_at``, the others through the index of
open follow-ups (``ix_follow_ups_open``), comparing keys with the marks in SQL (shown overdue
ones never leave SQLite). When nothing was written to the file since the service's last check
(the timer's usual case) it reads only the reminders whose moment came since then, and the
badge's count is the day's: a check takes about 1.5 ms with 20,000 open follow-ups; after a
write, when every candidate is read again, about 9 ms with 10,000 of them overdue and shown
(``python -m tests.bench reminders``).
Marks are machine-local bookkeeping like the print log: written in their own short
transaction, never in the change log, nothing to undo.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Date,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    union_all,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import StorageError
from desktop_crm.domain.followup_time import moment_of, reminder
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpRow, Reminder
from desktop_crm.services.followups.queries import DAY_SLACK, follow_up_rows
from desktop_crm.services.followups.service import morning_of
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import FollowUp, ReminderMark
from desktop_crm.store.store import Store
from desktop_crm.store.types import UtcDateTime

# ``domain.followup_time.reminder``'s keys are "at:" + a moment's ``datetime.isoformat()`` in UTC
# (microseconds only when not zero) or "day:" + an ISO day. A mark is compared with a row's
# moment by reading the moment back from the mark, in SQLite (moments are stored as integer
# microseconds since 1970 UTC): parsing an ISO text costs SQLite a third of writing one, and a
# check after a write compares every overdue follow-up with its mark. A "day:" key reads as
# NULL. SQLite 3.38 reads the seconds with unixepoch(), a sixth faster than strftime('%s'),
# which older libraries fall back to.
_SECONDS_OF = (
    "unixepoch({})"
    if sqlite3.sqlite_version_info >= (3, 38)
    else "CAST(strftime('%s', {}) AS INTEGER)"
)
_MARKED_MOMENT = (
    "CASE WHEN substr({c}, 1, 3) = 'at:' THEN "
    + _SECONDS_OF.format("substr({c}, 4, 19)")
    + " * 1000000"
    " + CASE WHEN substr({c}, 23, 1) = '.' THEN CAST(substr({c}, 24, 6) AS INTEGER) ELSE 0 END"
    " END"
)


_AT_KEY = (
    "'at:' || strftime('%Y-%m-%dT%H:%M:%S', {c} / 1000000, 'unixepoch')"
    " || CASE WHEN {c} % 1000000 = 0 THEN ''"
    " ELSE '.' || substr('000000' || ({c} % 1000000), -6) END || '+00:00'"
)


def at_key(column: str) -> ColumnElement[str]:
    """The ``at:`` reminder key of the moment column ``column`` (``table.column``), in SQL."""
    return literal_column(_AT_KEY.format(c=column))


def marked_moment(column: str) -> ColumnElement[int]:
    """The moment an ``at:`` key in the text column ``column`` names, as stored; else NULL."""
    return literal_column(_MARKED_MOMENT.format(c=column))


def day_key(column: str) -> ColumnElement[str]:
    """The ``day:`` reminder key of the date column ``column`` (``table.column``), in SQL."""
    return literal_column(f"'day:' || {column}")


def _open() -> tuple[ColumnElement[bool], ...]:
    """Planned, live follow-ups, worded so that SQLite reads ``ix_follow_ups_open``.

    The partial index's own condition (the literal ``'planned'``: a bound value would not
    match it), inside ``likely()`` so that the planner does not take the status index instead
    (an equality it guesses to be selective, whose rows must each be read from the table). The
    open index covers the due and snooze columns and the id, so a check reads no table row of
    a follow-up it does not report.
    """
    return (
        func.likely(FollowUp.status == literal_column(f"'{FollowUpStatus.PLANNED.value}'")),
        FollowUp.deleted_at.is_(None),
    )


# Unary + keeps a column's own index out of a plan: every unsnoozed follow-up has remind_at
# NULL, and SQLite would take "remind_at IS NULL" for a selective equality.
_NOT_SNOOZED = literal_column("+follow_ups.remind_at").is_(None)


class ReminderService:
    """Due reminders for the app's timer and badge; marks of the ones shown.

    Read the due ones anywhere (the app reads them on its reader connection, so a check never
    waits for a long import); :meth:`mark_shown` writes, so call it on the workspace's writer
    (``Workspace.reminders``): on the reader it raises ``StorageError``.
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._last: _Check | None = None
        self._count: tuple[tuple[Any, ...], int] | None = None

    def due(self, now: datetime | None = None) -> list[Reminder]:
        """Planned follow-ups whose reminder has come and was not shown here, by its moment.

        Args:
            now: The moment to check at; ``None``: the clock's.
        """
        now = self._clock.now() if now is None else now.astimezone(UTC)
        zone = self._clock.zone()
        today = now.astimezone(zone).date()
        with self._store.read() as session:
            seen = _fingerprint(session)
            last = self._last
            if last is not None and last.still(seen, zone, now):
                # Nothing was written since the last check: only reminders whose moment came
                # after it can be new (the ones due then and not shown are still due).
                morning, found = last.morning, dict(last.found)
                statement = _came_since(last.at, now, last.at.astimezone(zone).date(), today)
            else:
                morning, found = morning_of(session), {}
                statement = _candidates(now, today)
            for follow_up_id, due_on, due_at, remind_at, shown in session.execute(statement):
                key, moment = reminder(due_on, due_at, remind_at, zone, morning)
                if moment <= now and key != shown:
                    found[follow_up_id] = (key, moment)
            self._last = _Check(seen, zone.key, morning, now, found)
            rows: dict[str, FollowUpRow] = {}
            for chunk in in_chunks(list(found)):
                for row in follow_up_rows(session, FollowUp.id.in_(chunk), now=now, zone=zone):
                    rows[row.id] = row
        reminders = [
            Reminder(follow_up=rows[i], key=key, moment=moment)
            for i, (key, moment) in found.items()
            if i in rows
        ]
        reminders.sort(key=lambda r: (r.moment, r.follow_up.id))
        return reminders

    def mark_shown(self, reminders: Sequence[Reminder]) -> None:
        """Remember that these reminders were shown on this machine (not undoable, not logged).

        Raises:
            StorageError: The marks cannot be written (the reader's connection, a full disk).
        """
        if not reminders:
            return
        self._last = None  # the next check reads the marks again
        at = self._clock.now()
        values = [
            {"follow_up_id": r.follow_up.id, "shown": r.key, "at": at}
            for r in {r.follow_up.id: r for r in reminders}.values()
        ]
        statement = sqlite_insert(ReminderMark)
        statement = statement.on_conflict_do_update(
            index_elements=[ReminderMark.follow_up_id],
            set_={"shown": statement.excluded.shown, "at": statement.excluded.at},
        )
        try:
            with Session(self._store.engine) as session, session.begin():
                session.execute(statement, values)
        except OperationalError as error:
            # Said the way the store's own writes say it (Store.unit_of_work).
            detail = str(error.orig) if error.orig is not None else str(error)
            raise StorageError(
                f"The reminders shown could not be noted ({detail}).", detail=detail
            ) from error

    def due_count(self, now: datetime | None = None) -> int:
        """Planned follow-ups overdue or due today (local), for the sidebar and tray badges.

        The count changes only with the local day or a write: asked again on the same day of
        an unchanged file (the timer's usual case), it is not read again.
        """
        now = self._clock.now() if now is None else now.astimezone(UTC)
        zone = self._clock.zone()
        today = now.astimezone(zone).date()
        tomorrow = moment_of(today + timedelta(days=1), time(0), zone)
        counted = _count_statement().params(today=today, until=today + DAY_SLACK, tomorrow=tomorrow)
        with self._store.read() as session:
            state = (_fingerprint(session), zone.key, today)
            if self._count is not None and self._count[0] == state:
                return self._count[1]
            count = int(session.scalar(counted) or 0)
        self._count = (state, count)
        return count


@dataclass(frozen=True)
class _Check:
    """What one check found, and the state of the file it read.

    Attributes:
        seen: The reading connection and what it had seen written (:func:`_fingerprint`).
        zone: The zone it read local days in.
        morning: The morning hour setting then.
        at: The moment it checked at.
        found: The reminders due then and not shown: follow-up id to key and moment.
    """

    seen: tuple[int, int, int]
    zone: str
    morning: time
    at: datetime
    found: dict[str, tuple[str, datetime]]

    def still(self, seen: tuple[int, int, int], zone: ZoneInfo, now: datetime) -> bool:
        """Whether a check at ``now`` may start from this one (nothing written, same zone)."""
        return seen == self.seen and zone.key == self.zone and self.at <= now


def _fingerprint(session: Session) -> tuple[int, int, int]:
    """The reading connection, the commits it has seen from others, and its own changes.

    ``PRAGMA data_version`` changes on a connection whenever another one commits;
    ``total_changes()`` counts what this connection itself wrote. Equal fingerprints on the same
    connection mean the file holds what it held (plans, snoozes, marks, settings alike).
    """
    connection = session.connection()
    version = connection.exec_driver_sql("PRAGMA data_version").scalar()
    changes = connection.exec_driver_sql("SELECT total_changes()").scalar()
    return id(connection.connection.driver_connection), int(version or 0), int(changes or 0)


def _came_since(since: datetime, now: datetime, first_day: date, today: date) -> Any:
    """Planned follow-ups whose reminder moment may lie after ``since`` (up to ``now``).

    A check on a file unchanged since the last one reads only these: snoozes and timed ones by
    their moment (the remind_at and due_at indexes, a few entries each), all-day ones of the
    days from ``first_day`` (the last check's local day) to ``today`` (the open follow-ups'
    index). Those seen before are read again harmlessly (their keys decide).
    """
    shown = ReminderMark.shown
    mark = ReminderMark.follow_up_id == FollowUp.id
    columns = (FollowUp.id, FollowUp.due_on, FollowUp.due_at, FollowUp.remind_at, shown)
    # The status unindexed: the moment's range is the selective part.
    live = (
        literal_column("+follow_ups.status") == FollowUpStatus.PLANNED.value,
        FollowUp.deleted_at.is_(None),
    )
    snoozed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(*live, FollowUp.remind_at > since, FollowUp.remind_at <= now)
    )
    timed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(*live, FollowUp.due_at > since, FollowUp.due_at <= now, _NOT_SNOOZED)
    )
    all_day = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            *_open(),
            FollowUp.due_on >= first_day,
            FollowUp.due_on <= today,
            # Unary + keeps SQLite off the due_at index, where every all-day one is NULL.
            literal_column("+follow_ups.due_at").is_(None),
            _NOT_SNOOZED,
        )
    )
    return union_all(snoozed, timed, all_day)


def _candidates(now: datetime, today: date) -> Any:
    """Planned follow-ups whose reminder may have come and whose mark holds another key.

    Two index walks joined with their marks: snoozed ones by ``remind_at``, the others through
    the open follow-ups' index by day (covering the due and snooze columns and the id). An
    all-day one due today whose morning hour has not come yet is left out afterwards, in
    Python (the hour depends on the zone).
    """
    return _candidates_statement().params(now=now, today=today, until=today + DAY_SLACK)


@cache
def _count_statement() -> Any:
    """:meth:`ReminderService.due_count`'s statement, built once (values bound per count)."""
    today, until = bindparam("today", type_=Date()), bindparam("until", type_=Date())
    return (
        select(func.count())
        .select_from(FollowUp)
        .where(
            *_open(),
            FollowUp.due_on <= until,
            or_(
                and_(FollowUp.due_at.is_(None), FollowUp.due_on <= today),
                FollowUp.due_at < bindparam("tomorrow", type_=UtcDateTime()),
            ),
        )
    )


@cache
def _candidates_statement() -> Any:
    """:func:`_candidates`' statement, built once: a check after a write runs it every time."""
    now = bindparam("now", type_=UtcDateTime())
    today, until = bindparam("today", type_=Date()), bindparam("until", type_=Date())
    shown = ReminderMark.shown
    mark = ReminderMark.follow_up_id == FollowUp.id
    columns = (FollowUp.id, FollowUp.due_on, FollowUp.due_at, FollowUp.remind_at, shown)
    marked = marked_moment("reminder_marks.shown")
    snoozed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            # The few snoozed ones through the remind_at index: unary + keeps SQLite from the
            # status index and from skip-scanning every open one in ix_follow_ups_open.
            literal_column("+follow_ups.status") == FollowUpStatus.PLANNED.value,
            FollowUp.deleted_at.is_(None),
            FollowUp.remind_at <= now,
            marked.is_distinct_from(FollowUp.remind_at),  # no mark: NULL, distinct
        )
    )
    due = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            *_open(),
            # A timed one's due_on is its day where it was planned: up to two days off here.
            FollowUp.due_on <= until,
            _NOT_SNOOZED,
            or_(
                and_(
                    FollowUp.due_at.is_(None),
                    FollowUp.due_on <= today,
                    or_(shown.is_(None), shown != day_key("follow_ups.due_on")),
                ),
                and_(
                    FollowUp.due_at <= now,
                    marked.is_distinct_from(FollowUp.due_at),
                ),
            ),
        )
    )
    return union_all(snoozed, due)
