"""Planning, changing and completing follow-ups; each action one undoable operation.

Completing is shared with logging an activity on a card (``cards.contact_cards``): both go
through :func:`complete_in`, so a follow-up completed either way is done the same way (linked
to its activity, the contact marked contacted, a repeat's next occurrence planned).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock, local_today
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.followup_time import (
    Snooze,
    is_due_by,
    moment_of,
    parse_morning,
    snoozed_until,
    wall_time,
)
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.repeat import next_day, parse_repeat
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live
from desktop_crm.services.followups.dto import (
    FOLLOW_UP_KINDS,
    Completion,
    FollowUpDraft,
    FollowUpRow,
)
from desktop_crm.services.followups.queries import due_in_days, follow_up_rows
from desktop_crm.services.settings.workspace_settings import DEFAULTS, read_setting
from desktop_crm.store.models import Activity, Company, Deal, FollowUp, Person, User
from desktop_crm.store.store import Store

SUBJECT_MAX = 300
RECENT_DONE = 20  # done follow-ups a contact's list shows after its planned ones
ContactKind = Literal["person", "company"]


class FollowUpService:
    """Plan, change, snooze, cancel and complete follow-ups; read them by day or contact.

    Every rule reads ``clock`` (the local zone for wall times and local days, the moment for
    overdue and snoozes).
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    # --- changing -----------------------------------------------------------------------------

    def plan(self, draft: FollowUpDraft) -> ChangeResult:
        """Plan a follow-up.

        Raises:
            ValidationError: A subject over 300 characters, a kind that is no follow-up's, no
                person, company or deal, an unknown zone or repeat.
            NotFoundError: A linked record that does not exist.
        """
        label = op_label(LabelCode.PLAN_FOLLOW_UP, subject=draft.subject.strip())
        with self._store.unit_of_work(label) as (session, rec):
            row = add_in(session, draft, zone=self._clock.zone(), owner_id=self._store.actor_id)
            rec.label = op_label(LabelCode.PLAN_FOLLOW_UP, subject=row.subject)
        return change_result(rec, [row.id])

    def plan_many(self, drafts: Sequence[FollowUpDraft]) -> ChangeResult:
        """Plan several follow-ups (one per selected contact) as one undoable operation.

        All or nothing: a problem with any draft plans none of them.

        Raises:
            ValidationError: As :meth:`plan`, for any draft; or no drafts.
            NotFoundError: A linked record that does not exist.
        """
        if not drafts:
            raise ValidationError("Nothing to plan.", field="drafts")
        if len(drafts) == 1:
            return self.plan(drafts[0])
        subject = drafts[0].subject.strip()
        label = op_label(LabelCode.PLAN_FOLLOW_UPS, count=len(drafts), subject=subject)
        with self._store.unit_of_work(label) as (session, rec):
            zone, actor = self._clock.zone(), self._store.actor_id
            rows = [add_in(session, draft, zone=zone, owner_id=actor) for draft in drafts]
        return change_result(rec, [row.id for row in rows])

    def update(self, follow_up_id: str, draft: FollowUpDraft) -> ChangeResult:
        """Give a planned follow-up new values.

        A new due day or time clears a snooze. The repeat describes the series, the day this
        one: with the repeat unchanged, a new day moves this occurrence only (as
        :meth:`reschedule` does; the series keeps its days) and a new time is the series' from
        now on (each next one takes its wall time from the one completed). A new repeat starts
        the series again on the new day (the same series).

        Raises:
            ValidationError: As :meth:`plan`, or the follow-up is done or cancelled.
            NotFoundError: No such follow-up.
        """
        label = op_label(LabelCode.EDIT_FOLLOW_UP, subject=draft.subject.strip())
        with self._store.unit_of_work(label) as (session, rec):
            row = _planned(session, follow_up_id)
            values = _checked(session, draft, self._clock.zone(), row.owner_id)
            moved = (values["due_on"], values["due_at"]) != (row.due_on, row.due_at)
            # The rule is written for its series' first day (month ends), so an unchanged
            # repeat reads the same for the series' own first day.
            start = row.series_start or row.due_on
            repeat = _rule(draft.repeat, start)
            if repeat is not None and repeat == row.repeat:
                slot = row.series_day or row.due_on
                values["series_day"] = None if draft.due_on == slot else slot
            else:
                start, repeat = draft.due_on, _rule(draft.repeat, draft.due_on)
                values["series_day"] = None
            values["repeat"] = repeat
            values["series_start"] = None if repeat is None else start
            for key, value in values.items():
                setattr(row, key, value)
            row.series_id = None if repeat is None else (row.series_id or row.id)
            if moved:
                row.remind_at = None
            rec.label = op_label(LabelCode.EDIT_FOLLOW_UP, subject=row.subject)
        return change_result(rec, [row.id])

    def reschedule(
        self,
        follow_up_id: str,
        due_on: date,
        due_time: time | None = None,
        zone: str | None = None,
    ) -> ChangeResult:
        """Move a planned follow-up to another day (all-day when ``due_time`` is ``None``).

        Args:
            follow_up_id: The follow-up.
            due_on: The new day (a timed one's day in ``zone``).
            due_time: The new wall time; ``None``: all-day.
            zone: The zone of ``due_time``; ``None``: the clock's.

        A snooze is cleared (the new due moment reminds); a repeat keeps its series.

        Raises:
            ValidationError: Done or cancelled, or an unknown zone.
            NotFoundError: No such follow-up.
        """
        with self._store.unit_of_work(op_label(LabelCode.RESCHEDULE_FOLLOW_UP)) as (
            session,
            rec,
        ):
            row = _planned(session, follow_up_id)
            rec.label = op_label(LabelCode.RESCHEDULE_FOLLOW_UP, subject=row.subject)
            if row.repeat is not None:
                # The series day this occurrence stands for, so the next one follows it.
                slot = row.series_day or row.due_on
                row.series_day = None if due_on == slot else slot
            row.due_on = due_on
            row.due_at, row.due_zone = _due_moment(due_on, due_time, zone, self._clock.zone())
            row.remind_at = None
        return change_result(rec, [row.id])

    def snooze(self, follow_up_id: str, until: datetime) -> ChangeResult:
        """Remind of a planned follow-up again at ``until`` (when it is due does not change).

        Raises:
            ValidationError: ``until`` without a time zone, or the follow-up is not planned.
            NotFoundError: No such follow-up.
        """
        if until.tzinfo is None:
            raise ValidationError("A snooze needs a moment with a time zone.", field="until")
        with self._store.unit_of_work(op_label(LabelCode.SNOOZE_FOLLOW_UP)) as (session, rec):
            row = _planned(session, follow_up_id)
            rec.label = op_label(LabelCode.SNOOZE_FOLLOW_UP, subject=row.subject)
            row.remind_at = until.astimezone(UTC)
        return change_result(rec, [row.id])

    def snooze_for(self, follow_up_id: str, choice: Snooze) -> ChangeResult:
        """Snooze by one of the offered choices (15 minutes, an hour, tomorrow, next week).

        Tomorrow and next week remind at the morning hour (the ``reminders.morning`` setting).

        Raises:
            ValidationError: The follow-up is not planned.
            NotFoundError: No such follow-up.
        """
        with self._store.read() as session:
            morning = morning_of(session)
        until = snoozed_until(Snooze(choice), self._clock.now(), self._clock.zone(), morning)
        return self.snooze(follow_up_id, until)

    def cancel(self, follow_up_id: str) -> ChangeResult:
        """Cancel a planned follow-up (a repeat plans no next occurrence).

        Raises:
            ValidationError: Already done or cancelled.
            NotFoundError: No such follow-up.
        """
        with self._store.unit_of_work(op_label(LabelCode.CANCEL_FOLLOW_UP)) as (session, rec):
            row = _planned(session, follow_up_id)
            rec.label = op_label(LabelCode.CANCEL_FOLLOW_UP, subject=row.subject)
            row.status = FollowUpStatus.CANCELLED.value
            row.done_at = self._clock.now()
            row.remind_at = None
        return change_result(rec, [row.id])

    def complete(
        self,
        follow_up_id: str,
        outcome: str = "",
        *,
        activity_kind: ActivityKind | None = None,
        occurred_at: datetime | None = None,
    ) -> Completion:
        """Complete a planned follow-up: log it on the timeline, plan a repeat's next one.

        One operation: an activity (the follow-up's kind unless ``activity_kind``; its subject;
        ``outcome`` as the body) on the follow-up's person, company and deal; the follow-up
        done and linked to it; the contact (and a person's company) contacted at the
        activity's moment (not for notes); for a repeating follow-up, the next occurrence.

        Args:
            follow_up_id: The follow-up.
            outcome: What came of it (the activity's body, the follow-up's outcome).
            activity_kind: The kind of activity to log, if not the follow-up's.
            occurred_at: When it happened; ``None``: now.

        Raises:
            ValidationError: Done or cancelled, an unknown activity kind or a naive moment.
            NotFoundError: No such follow-up.
        """
        when = self._clock.now() if occurred_at is None else occurred_at
        if when.tzinfo is None:
            raise ValidationError("A moment needs a time zone.", field="occurred_at")
        kind = _activity_kind(activity_kind)
        with self._store.unit_of_work(op_label(LabelCode.COMPLETE_FOLLOW_UP)) as (session, rec):
            row = _planned(session, follow_up_id)
            rec.label = op_label(LabelCode.COMPLETE_FOLLOW_UP, subject=row.subject)
            activity = Activity(
                kind=(kind or ActivityKind(row.kind)).value,
                subject=row.subject,
                body=outcome.strip() or None,
                occurred_at=when.astimezone(UTC),
                person_id=row.person_id,
                company_id=row.company_id,
                deal_id=row.deal_id,
                user_id=self._store.actor_id,
            )
            session.add(activity)
            session.flush()
            if activity.kind != ActivityKind.NOTE.value:
                mark_contacted(session, row.person_id, row.company_id, activity.occurred_at)
            nexts = complete_in(session, [row.id], activity, self._clock, outcome=outcome)
        nxt = nexts[0] if nexts else None
        return Completion(
            change=change_result(rec, [row.id, activity.id, *(n.id for n in nexts)]),
            activity_id=activity.id,
            next_id=None if nxt is None else nxt.id,
            next_due_on=None if nxt is None else nxt.due_on,
        )

    # --- reading ------------------------------------------------------------------------------

    def get(self, follow_up_id: str) -> FollowUpRow:
        """One follow-up.

        Raises:
            NotFoundError: No such live follow-up.
        """
        found = self._rows(FollowUp.id == follow_up_id)
        if not found:
            raise NotFoundError(f"No follow-up {follow_up_id}.", id=follow_up_id)
        return found[0]

    def between(
        self,
        start: date | None,
        end: date | None,
        *,
        status: FollowUpStatus | None = FollowUpStatus.PLANNED,
    ) -> list[FollowUpRow]:
        """Follow-ups due from ``start`` to ``end`` (both included; ``None``: open-ended).

        Days are local (the clock's zone): a timed follow-up is on the day its moment falls
        on here, whichever zone it was planned in.

        Args:
            start: First due day, or ``None``.
            end: Last due day, or ``None``.
            status: Only follow-ups in this state; ``None``: all.

        Returns:
            By due day, all-day ones before timed ones on a day, timed ones by moment.
        """
        where = due_in_days(start, end, self._clock.zone())
        if status is not None:
            where.append(FollowUp.status == FollowUpStatus(status).value)
        return self._rows(*where)

    def of_contact(self, kind: ContactKind, record_id: str) -> list[FollowUpRow]:
        """A person's or company's planned follow-ups by due, then its latest done ones.

        A company's include those of its people (a person's follow-up carries the company).
        """
        mine = _contact_column(kind) == record_id
        planned = self._rows(mine, FollowUp.status == FollowUpStatus.PLANNED.value)
        done = self._rows(
            mine,
            FollowUp.status == FollowUpStatus.DONE.value,
            limit=RECENT_DONE,
            newest_first=True,
        )
        return planned + done

    def due_for_contact(self, kind: ContactKind, record_id: str) -> list[FollowUpRow]:
        """A contact's planned follow-ups due by now (overdue or due today, local).

        What logging an activity on the card offers to complete.
        """
        now, zone = self._clock.now(), self._clock.zone()
        # A timed one's due_on is its day where it was planned (up to two days off here):
        # read with that slack, then decide exactly.
        until = local_today(self._clock) + timedelta(days=2)
        rows = self._rows(
            _contact_column(kind) == record_id,
            FollowUp.status == FollowUpStatus.PLANNED.value,
            FollowUp.due_on <= until,
        )
        return [r for r in rows if is_due_by(r.due_on, r.due_at, now, zone)]

    def _rows(
        self, *where: ColumnElement[bool], limit: int | None = None, newest_first: bool = False
    ) -> list[FollowUpRow]:
        with self._store.read() as session:
            return follow_up_rows(
                session,
                *where,
                now=self._clock.now(),
                zone=self._clock.zone(),
                limit=limit,
                newest_first=newest_first,
            )


# --- shared with logging an activity (cards) ---------------------------------------------------


def add_in(
    session: Session, draft: FollowUpDraft, *, zone: ZoneInfo, owner_id: str | None
) -> FollowUp:
    """Add a planned follow-up inside a unit of work (validated as ``FollowUpService.plan``).

    Args:
        session: The unit of work's session.
        draft: What to plan.
        zone: The local zone (a timed draft without a zone is in it).
        owner_id: Who does it when the draft names no one (the local user).

    Raises:
        ValidationError: See ``FollowUpService.plan``.
        NotFoundError: A linked record that does not exist.
    """
    values = _checked(session, draft, zone, owner_id)
    row = FollowUp(id=new_id(), status=FollowUpStatus.PLANNED.value, **values)
    if row.repeat is not None:
        row.series_id = row.id
    session.add(row)
    return row


def complete_in(
    session: Session,
    follow_up_ids: Iterable[str],
    activity: Activity,
    clock: Clock,
    *,
    outcome: str = "",
) -> list[FollowUp]:
    """Complete planned follow-ups by ``activity`` inside a unit of work.

    Each is marked done at the activity's moment, linked to it and given ``outcome``; a
    repeating one's next occurrence is planned (the first of its series after the completed
    one that is not before the local today: missed occurrences are skipped). The activity must
    be flushed already (it needs its id); marking the contact contacted is the caller's.

    Returns:
        The next occurrences planned, in the order of ``follow_up_ids`` (repeats only).

    Raises:
        ValidationError: One is done or cancelled.
        NotFoundError: One does not exist.
    """
    today = local_today(clock)
    planned: list[FollowUp] = []
    for follow_up_id in dict.fromkeys(follow_up_ids):
        row = _planned(session, follow_up_id)
        row.status = FollowUpStatus.DONE.value
        row.done_at = activity.occurred_at
        row.activity_id = activity.id
        row.outcome = outcome.strip() or None
        row.remind_at = None
        nxt = _next_occurrence(session, row, today)
        if nxt is not None:
            session.add(nxt)
            planned.append(nxt)
    return planned


def mark_contacted(
    session: Session, person_id: str | None, company_id: str | None, when: datetime
) -> None:
    """The person's and company's last contact is ``when``, unless a later one is known.

    A call logged after the fact never moves the last contact back.
    """
    records: list[Person | Company | None] = [
        None if person_id is None else session.get(Person, person_id),
        None if company_id is None else session.get(Company, company_id),
    ]
    for record in records:
        if record is None or record.deleted_at is not None:
            continue
        if record.last_contacted_at is None or record.last_contacted_at < when:
            record.last_contacted_at = when


def morning_of(session: Session) -> time:
    """The ``reminders.morning`` setting (its default should a stored value be unreadable)."""
    try:
        return parse_morning(str(read_setting(session, "reminders.morning")))
    except ValueError:
        return parse_morning(str(DEFAULTS["reminders.morning"]))


# --- rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Links:
    person_id: str | None
    company_id: str | None
    deal_id: str | None


def _checked(
    session: Session, draft: FollowUpDraft, zone: ZoneInfo, owner_id: str | None
) -> dict[str, Any]:
    """A draft's column values, checked; the repeat's series is left to the caller."""
    kind = _follow_up_kind(draft.kind)
    subject = " ".join(draft.subject.split()) or kind.value
    if len(subject) > SUBJECT_MAX:
        raise ValidationError(f"A subject has at most {SUBJECT_MAX} characters.", field="subject")
    links = _links(session, draft)
    owner = draft.owner_id or owner_id
    if owner is not None:
        live(session, User, owner)
    due_at, due_zone = _due_moment(draft.due_on, draft.due_time, draft.zone, zone)
    repeat = _rule(draft.repeat, draft.due_on)
    return {
        "kind": kind.value,
        "subject": subject,
        "due_on": draft.due_on,
        "due_at": due_at,
        "due_zone": due_zone,
        "repeat": repeat,
        "series_start": None if repeat is None else draft.due_on,
        "person_id": links.person_id,
        "company_id": links.company_id,
        "deal_id": links.deal_id,
        "owner_id": owner,
        "notes": draft.notes.strip() or None,
    }


def _follow_up_kind(kind: object) -> ActivityKind:
    try:
        found = ActivityKind(str(kind))
    except ValueError:
        found = None
    if found is None or found not in FOLLOW_UP_KINDS:
        raise ValidationError(
            f"A follow-up is a call, meeting, visit, email or message, not {kind}.", field="kind"
        )
    return found


def _activity_kind(kind: object | None) -> ActivityKind | None:
    if kind is None:
        return None
    try:
        return ActivityKind(str(kind))
    except ValueError:
        raise ValidationError(f"Unknown activity {kind}.", field="activity_kind") from None


def _links(session: Session, draft: FollowUpDraft) -> _Links:
    """The person, company and deal, live; a person's company and a lone deal's contact."""
    person_id, company_id, deal_id = draft.person_id, draft.company_id, draft.deal_id
    if not (person_id or company_id or deal_id):
        raise ValidationError(
            "A follow-up is about a person, a company or a deal.", field="person_id"
        )
    if deal_id:
        deal = live(session, Deal, deal_id)
        if not (person_id or company_id):  # a deal's follow-up calls the deal's contact
            person_id, company_id = deal.person_id, deal.company_id
    if person_id:
        person = live(session, Person, person_id)
        company_id = company_id or person.company_id
    if company_id:
        live(session, Company, company_id)
    return _Links(person_id or None, company_id or None, deal_id or None)


def _due_moment(
    day: date, wall: time | None, zone_name: str | None, local: ZoneInfo
) -> tuple[datetime | None, str | None]:
    """A timed follow-up's moment and zone name; ``(None, None)`` all-day."""
    if wall is None:
        return None, None
    zone = _zone(zone_name) if zone_name else local
    return moment_of(day, wall, zone), zone.key


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"Unknown time zone {name}.", field="zone") from None


def _rule(text: str | None, start: date) -> str | None:
    """A repeat as its normalised RRULE body for a series starting on ``start``."""
    if text is None or not text.strip():
        return None
    try:
        found = parse_repeat(text)
    except ValueError as exc:
        raise ValidationError(str(exc), field="repeat") from None
    return None if found is None else found.rule(start)


def _planned(session: Session, follow_up_id: str) -> FollowUp:
    row: FollowUp = live(session, FollowUp, follow_up_id)
    if row.status != FollowUpStatus.PLANNED.value:
        raise ValidationError(
            f"The follow-up “{row.subject}” is {row.status}, not planned.",
            field="status",
            id=follow_up_id,
        )
    return row


def _next_occurrence(session: Session, row: FollowUp, today: date) -> FollowUp | None:
    """A repeat's next follow-up after ``row`` (a timed one at the same wall time)."""
    if row.repeat is None:
        return None
    start = row.series_start or row.due_on
    # A moved occurrence stands for its series day: the next is the series' next after that
    # (and after the day it was done on, when that was later).
    slot = row.series_day or row.due_on
    day = next_day(row.repeat, start, max(slot, row.due_on), today)
    if day is None:
        return None
    due_at = None
    if row.due_at is not None:
        zone = _zone(row.due_zone) if row.due_zone else ZoneInfo("UTC")
        due_at = moment_of(day, _series_wall(session, row, row.due_at, zone), zone)
    return FollowUp(
        id=new_id(),
        kind=row.kind,
        subject=row.subject,
        due_on=day,
        due_at=due_at,
        due_zone=row.due_zone,
        repeat=row.repeat,
        series_start=start,
        series_id=row.series_id or row.id,
        status=FollowUpStatus.PLANNED.value,
        person_id=row.person_id,
        company_id=row.company_id,
        deal_id=row.deal_id,
        owner_id=row.owner_id,
        notes=row.notes,
    )


_GAPS = (timedelta(minutes=30), timedelta(hours=1), timedelta(hours=2))  # DST shifts there are


def _series_wall(session: Session, row: FollowUp, due_at: datetime, zone: ZoneInfo) -> time:
    """The wall time a timed repeat is kept at, read from the completed occurrence.

    On a spring-forward day 02:30 does not exist and is stored as the moment the clock shows
    03:30, which 03:30 also names: then the previous occurrence of the series says which was
    meant, so a daily 02:30 call goes on at 02:30 after the DST night, not at 03:30.
    """
    wall = wall_time(due_at, zone)[1]
    start = datetime.combine(row.due_on, wall)
    shadows = [
        (start - gap).time()
        for gap in _GAPS
        if (start - gap).date() == row.due_on
        and moment_of(row.due_on, (start - gap).time(), zone) == due_at
    ]
    if not shadows:
        return wall
    contact = (
        FollowUp.person_id == row.person_id
        if row.person_id
        else FollowUp.company_id == row.company_id
    )
    before = session.scalar(
        select(FollowUp.due_at)
        .where(
            contact,
            FollowUp.series_id == (row.series_id or row.id),
            FollowUp.due_on < row.due_on,
            FollowUp.due_at.is_not(None),
            FollowUp.deleted_at.is_(None),
        )
        .order_by(FollowUp.due_on.desc())
        .limit(1)
    )
    if before is not None and wall_time(before, zone)[1] in shadows:
        return wall_time(before, zone)[1]
    return wall


def _contact_column(kind: ContactKind) -> Any:
    if kind == "person":
        return FollowUp.person_id
    if kind == "company":
        return FollowUp.company_id
    raise ValidationError(f"Unknown kind {kind}.", field="kind")
