"""What the follow-up services take and return: plain frozen values, never ORM objects.

Timing rules (due, overdue, reminders, snooze, repeats) are in ``domain.followup_time`` and
``domain.repeat``; every service reads a ``domain.clock.Clock``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.common.dto import ChangeResult

# The kinds a follow-up may be (an activity's kinds but the note).
FOLLOW_UP_KINDS = (
    ActivityKind.CALL,
    ActivityKind.MEETING,
    ActivityKind.VISIT,
    ActivityKind.EMAIL,
    ActivityKind.MESSAGE,
)


@dataclass(frozen=True)
class FollowUpDraft:
    """A follow-up to plan, or a planned one's new values.

    Attributes:
        subject: What to do (empty: the kind's word).
        due_on: The day it is due (for a timed one, the day in ``zone``).
        due_time: The wall time in ``zone``; ``None`` for an all-day follow-up.
        zone: IANA zone of ``due_time``; ``None``: the clock's zone.
        kind: call, meeting, visit, email or message.
        notes: Free text.
        person_id: The person it is about, if any.
        company_id: The company it is about (a person's company when only the person is given).
        deal_id: The deal it is about, if any.
        owner_id: Who does it; ``None``: the local user.
        repeat: An RRULE body (``domain.repeat.Repeat.rule``) or ``None``.
    """

    subject: str
    due_on: date
    due_time: time | None = None
    zone: str | None = None
    kind: ActivityKind = ActivityKind.CALL
    notes: str = ""
    person_id: str | None = None
    company_id: str | None = None
    deal_id: str | None = None
    owner_id: str | None = None
    repeat: str | None = None


@dataclass(frozen=True)
class FollowUpRow:
    """A follow-up as lists, Today, reminders and the CLI show it.

    Attributes:
        id: Follow-up id.
        subject: What to do.
        kind: call, meeting, visit, email, message.
        status: planned, done or cancelled.
        due_on: The day it is due (a timed one's day in its zone).
        due_at: A timed one's moment (UTC); ``None``: all-day.
        zone: The zone it was planned in (timed ones).
        overdue: Past due at the moment it was read (see ``domain.followup_time``).
        remind_at: A snoozed reminder's moment, if snoozed.
        repeat: Its RRULE body, if it repeats.
        series_day: A repeat's occurrence moved off its day: the series day it stands for.
        person_id: The person, if any.
        person: The person's name ("" without one).
        company_id: The company, if any.
        company: The company's name ("").
        deal_id: The deal, if any.
        deal: The deal's title ("").
        owner_id: Who does it.
        owner: Their name ("").
        phone: The person's (else the company's) first phone, for copy and call ("").
        notes: Free text ("").
        outcome: What completing it said ("").
        done_at: When it was completed or cancelled.
    """

    id: str
    subject: str
    kind: ActivityKind
    status: FollowUpStatus
    due_on: date
    due_at: datetime | None
    zone: str | None
    overdue: bool
    remind_at: datetime | None = None
    repeat: str | None = None
    series_day: date | None = None
    person_id: str | None = None
    person: str = ""
    company_id: str | None = None
    company: str = ""
    deal_id: str | None = None
    deal: str = ""
    owner_id: str | None = None
    owner: str = ""
    phone: str = ""
    notes: str = ""
    outcome: str = ""
    done_at: datetime | None = None

    @property
    def contact(self) -> str:
        """The person's name, else the company's."""
        return self.person or self.company

    def draft(self) -> FollowUpDraft:
        """Its values as a draft, for editing or planning the next one."""
        return FollowUpDraft(
            subject=self.subject,
            due_on=self.due_on,
            due_time=None if self.due_at is None else _wall(self.due_at, self.zone),
            zone=self.zone,
            kind=self.kind,
            notes=self.notes,
            person_id=self.person_id,
            company_id=self.company_id,
            deal_id=self.deal_id,
            owner_id=self.owner_id,
            repeat=self.repeat,
        )


def _wall(moment: datetime, zone: str | None) -> time:
    from desktop_crm.domain.followup_time import wall_time
    from desktop_crm.domain.local_zone import zone as zone_named

    return wall_time(moment, zone_named(zone))[1]


@dataclass(frozen=True)
class Completion:
    """What completing a follow-up did.

    Attributes:
        change: The operation (the follow-up done, the activity logged, a repeat's next one).
        activity_id: The activity logged on the timeline.
        next_id: The next occurrence planned by a repeat, if any.
        next_due_on: Its day.
    """

    change: ChangeResult
    activity_id: str
    next_id: str | None = None
    next_due_on: date | None = None


@dataclass(frozen=True)
class Reminder:
    """A reminder due to be shown.

    Attributes:
        follow_up: The follow-up.
        key: Which reminder of it this is (``domain.followup_time.reminder``).
        moment: When it was due to fire.
    """

    follow_up: FollowUpRow
    key: str
    moment: datetime
