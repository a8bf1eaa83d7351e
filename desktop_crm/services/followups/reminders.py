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
(the timer's usual case) it reads only the reminders whose moment came since then: about a
millisecond with 20,000 open follow-ups, ~5 ms for the full read with 3,000 of them overdue.
Marks are machine-local bookkeeping like the print log: written in their own short
transaction, never in the change log, nothing to undo.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, union_all
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import StorageError
from desktop_crm.domain.followup_time import moment_of, reminder
from desktop_crm.domain.vocab import FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpRow, Reminder
from desktop_crm.services.followups.queries import follow_up_rows, open_follow_ups
from desktop_crm.services.followups.service import morning_of
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import FollowUp, ReminderMark
from desktop_crm.store.store import Store

# ``domain.followup_time.reminder``'s keys computed in SQLite from the stored columns (moments
# are integer microseconds since 1970 UTC, days ISO text), for comparing with the marks there:
# "at:" + the moment's ``datetime.isoformat()`` in UTC (microseconds only when not zero).
_DAY_SLACK = timedelta(days=2)  # a day in one zone is within two days of it in any other
_AT_KEY = (
    "'at:' || strftime('%Y-%m-%dT%H:%M:%S', {c} / 1000000, 'unixepoch')"
    " || CASE WHEN {c} % 1000000 = 0 THEN ''"
    " ELSE '.' || substr('000000' || ({c} % 1000000), -6) END || '+00:00'"
)


def at_key(column: str) -> ColumnElement[str]:
    """The ``at:`` reminder key of the moment column ``column`` (``table.column``), in SQL."""
    return literal_column(_AT_KEY.format(c=column))


def day_key(column: str) -> ColumnElement[str]:
    """The ``day:`` reminder key of the date column ``column`` (``table.column``), in SQL."""
    return literal_column(f"'day:' || {column}")


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
        """Planned follow-ups overdue or due today (local), for the sidebar and tray badges."""
        now = self._clock.now() if now is None else now.astimezone(UTC)
        zone = self._clock.zone()
        today = now.astimezone(zone).date()
        tomorrow = moment_of(today + timedelta(days=1), time(0), zone)
        counted = (
            select(func.count())
            .select_from(FollowUp)
            .where(
                *open_follow_ups(),
                FollowUp.due_on <= today + _DAY_SLACK,
                or_(
                    and_(FollowUp.due_at.is_(None), FollowUp.due_on <= today),
                    FollowUp.due_at < tomorrow,
                ),
            )
        )
        with self._store.read() as session:
            return int(session.scalar(counted) or 0)


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
    their moment, all-day ones of the days from ``first_day`` (the last check's local day) to
    ``today``. Those seen before are read again harmlessly (their keys decide).
    """
    shown = ReminderMark.shown
    mark = ReminderMark.follow_up_id == FollowUp.id
    columns = (FollowUp.id, FollowUp.due_on, FollowUp.due_at, FollowUp.remind_at, shown)
    live = (FollowUp.status == FollowUpStatus.PLANNED.value, FollowUp.deleted_at.is_(None))
    snoozed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(*live, FollowUp.remind_at > since, FollowUp.remind_at <= now)
    )
    timed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            *live,
            FollowUp.due_at > since,
            FollowUp.due_at <= now,
            FollowUp.remind_at.is_(None),
        )
    )
    all_day = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            *open_follow_ups(),
            FollowUp.due_on >= first_day,
            FollowUp.due_on <= today,
            # Unary + keeps SQLite off the due_at index, where every all-day one is NULL.
            literal_column("+follow_ups.due_at").is_(None),
            FollowUp.remind_at.is_(None),
        )
    )
    return union_all(snoozed, timed, all_day)


def _candidates(now: datetime, today: date) -> Any:
    """Planned follow-ups whose reminder may have come and whose mark holds another key.

    Two index walks joined with their marks: snoozed ones by ``remind_at``, the others through
    the open follow-ups' index by day (covering the due and snooze columns). An all-day one due
    today whose morning hour has not come yet is left out afterwards, in Python (the hour
    depends on the zone).
    """
    shown = ReminderMark.shown
    mark = ReminderMark.follow_up_id == FollowUp.id
    columns = (FollowUp.id, FollowUp.due_on, FollowUp.due_at, FollowUp.remind_at, shown)
    snoozed = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            # The few snoozed ones through the remind_at index: unary + keeps SQLite from
            # skip-scanning every open one in ix_follow_ups_open instead.
            literal_column("+follow_ups.status") == FollowUpStatus.PLANNED.value,
            FollowUp.deleted_at.is_(None),
            FollowUp.remind_at <= now,
            or_(shown.is_(None), shown != at_key("follow_ups.remind_at")),
        )
    )
    due = (
        select(*columns)
        .outerjoin(ReminderMark, mark)
        .where(
            *open_follow_ups(),
            # A timed one's due_on is its day where it was planned: up to two days off here.
            FollowUp.due_on <= today + _DAY_SLACK,
            FollowUp.remind_at.is_(None),
            or_(
                and_(
                    FollowUp.due_at.is_(None),
                    FollowUp.due_on <= today,
                    or_(shown.is_(None), shown != day_key("follow_ups.due_on")),
                ),
                and_(
                    FollowUp.due_at <= now,
                    or_(shown.is_(None), shown != at_key("follow_ups.due_at")),
                ),
            ),
        )
    )
    return union_all(snoozed, due)
