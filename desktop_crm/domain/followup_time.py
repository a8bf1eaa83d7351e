"""When a follow-up is due, overdue and reminded of; snoozing.

A follow-up is due on a day (all-day) or at a moment (timed):

* A timed follow-up is a moment, stored in UTC, planned at a wall time in a zone. It is overdue
  once the moment has passed, and its reminder fires at that moment wherever the laptop is: a
  call planned for 09:00 in Shanghai (01:00 UTC) reminds at 02:00 in Berlin in winter, the hour
  the customer in Shanghai expects the call; the app shows Berlin's 02:00 and the planned
  "09:00 Shanghai" beside it. A DST change moves no moment, so nothing shifts, drops or doubles.
  A wall time that a DST change skips (02:30 on a spring-forward night) is the moment the clock
  shows 03:30; one it repeats (02:30 in autumn) is its first occurrence.
* An all-day follow-up is a date. It is overdue from the next local day, and reminds at the
  morning hour (a workspace setting, 09:00) of its day in the zone the laptop is in then: after
  a flight it reminds at 09:00 local, once (a reminder shown for a day is not shown again for
  that day, whatever the zone).
* A snoozed follow-up reminds at its ``remind_at`` moment instead; snoozing does not change
  when it is due (reschedule does).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo


def moment_of(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """The UTC moment of wall time ``wall`` on ``day`` in ``zone`` (DST gaps as above)."""
    local = datetime.combine(day, wall.replace(tzinfo=None), zone)  # fold=0: first or pre-gap
    return local.astimezone(UTC)


def wall_time(moment: datetime, zone: ZoneInfo) -> tuple[date, time]:
    """The local day and wall time of ``moment`` in ``zone``."""
    local = moment.astimezone(zone)
    return local.date(), local.time().replace(second=0, microsecond=0)


def is_overdue(due_on: date, due_at: datetime | None, now: datetime, zone: ZoneInfo) -> bool:
    """A timed follow-up once its moment has passed; an all-day one from the next local day."""
    if due_at is not None:
        return now >= due_at
    return now.astimezone(zone).date() > due_on


def is_due_by(due_on: date, due_at: datetime | None, now: datetime, zone: ZoneInfo) -> bool:
    """Overdue, or due later today (local)."""
    if due_at is not None:
        return due_at.astimezone(zone).date() <= now.astimezone(zone).date()
    return due_on <= now.astimezone(zone).date()


def reminder(
    due_on: date,
    due_at: datetime | None,
    remind_at: datetime | None,
    zone: ZoneInfo,
    morning: time,
) -> tuple[str, datetime]:
    """The reminder of a follow-up: its key (one shown reminder per key) and its moment."""
    if remind_at is not None:
        return f"at:{remind_at.astimezone(UTC).isoformat()}", remind_at
    if due_at is not None:
        return f"at:{due_at.astimezone(UTC).isoformat()}", due_at
    return f"day:{due_on.isoformat()}", moment_of(due_on, morning, zone)


class Snooze(StrEnum):
    """The snooze choices offered everywhere (a picked moment is passed as such)."""

    MINUTES_15 = "15m"
    HOUR = "1h"
    TOMORROW_MORNING = "tomorrow"
    NEXT_WEEK = "next_week"


def snoozed_until(choice: Snooze, now: datetime, zone: ZoneInfo, morning: time) -> datetime:
    """When a reminder snoozed now with ``choice`` fires again.

    Tomorrow morning is the morning hour of the next local day; next week is the morning hour
    of next Monday, or of the Monday after when next Monday is tomorrow (on a Sunday, "next
    week" would otherwise be "tomorrow morning" again).
    """
    if choice is Snooze.MINUTES_15:
        return now + timedelta(minutes=15)
    if choice is Snooze.HOUR:
        return now + timedelta(hours=1)
    today = now.astimezone(zone).date()
    if choice is Snooze.TOMORROW_MORNING:
        return moment_of(today + timedelta(days=1), morning, zone)
    ahead = 7 - today.weekday()
    return moment_of(today + timedelta(days=ahead if ahead > 1 else ahead + 7), morning, zone)


def parse_morning(text: str) -> time:
    """The morning hour setting, ``HH:MM``.

    Raises:
        ValueError: Not a time of day.
    """
    hour, sep, minute = text.strip().partition(":")
    if not (sep and hour.isdigit() and minute.isdigit()):
        raise ValueError(f"“{text}” is not a time of day (HH:MM)")
    return time(int(hour), int(minute))
