"""Planned follow-ups as an iCalendar file (.ics) that Outlook, Google and Apple Calendar read.

One ``VEVENT`` per planned follow-up, written by the icalendar library:

* ``UID`` is ``<follow-up id>@desktop-crm``, so a calendar subscribed to (or importing again)
  a published file updates its events instead of doubling them; ``DTSTAMP`` and
  ``LAST-MODIFIED`` are the follow-up's last change.
* A timed follow-up starts at its wall time in the zone it was planned in (``TZID`` with the
  zone's ``VTIMEZONE``) and lasts :data:`DURATION`; its alarm fires at the start. The calendar
  shows it at that moment wherever the reader is, as the app's reminder does.
* An all-day follow-up is a date (``VALUE=DATE``, ending the next day); its alarm fires at the
  morning hour (``reminders.morning``) of its day in the reader's own zone, as the app's does.
* A snoozed follow-up has a second alarm at the snooze's moment (an absolute UTC trigger).
* A repeating follow-up carries its repeat as the ``RRULE`` it is stored as
  (``domain.repeat``), starting at its open occurrence: a calendar expands it to the days the
  app would plan next (month ends, Feb 29 and DST changes included). An occurrence moved off
  its series' day is an exception (a second ``VEVENT``, its ``RECURRENCE-ID`` that day).
* Done, cancelled and deleted follow-ups are left out.

Keeping a file up to date ("publishing"): the chosen file is a machine-local setting (a folder
is per machine), kept in ``LocalState`` beside the last backup's bookkeeping, never in the
change log. :meth:`CalendarService.refresh_published` rewrites it; the app calls it after
follow-up changes. Rendering events with icalendar is slow, so they are kept: a rewrite
renders only the follow-ups changed since the last one (their ``updated_at`` says which, and
the change log which show a contact renamed or a phone changed) and joins the rest; another
language or morning hour renders all again. The file itself says what it holds (the change
log row it was read at, and a digest of its events), so the first rewrite after the app
starts keeps the events of the file it wrote last time too. On 20,000 planned
follow-ups (an 11 MB file, a busy 2-core machine) a rewrite after one change or a renamed
contact takes 0.15 to 0.25 s (reading which changed, joining, writing and syncing the file),
the first one after the app starts 0.3 to 0.6 s; rendering all of them (8 to 17 s) happens
only when publishing starts, or when its language or the morning hour changes (about 0.4 ms
an event). Every file is written to a temporary name beside it, flushed to disk and moved into
place: a full disk or a missing folder leaves the previous file whole and raises a clear error.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.choice_words import word
from desktop_crm.domain.choices import Language
from desktop_crm.domain.clock import Clock
from desktop_crm.domain.errors import StorageError, ValidationError
from desktop_crm.domain.followup_time import moment_of, parse_morning, wall_time
from desktop_crm.domain.local_zone import zone as zone_named
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.followups.dto import FollowUpRow
from desktop_crm.services.followups.queries import due_in_days, follow_up_rows
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.changelog import BULK_ACTIONS, bulk_ids
from desktop_crm.store.models import Change, FollowUp, LocalState, Phone
from desktop_crm.store.store import Store
from desktop_crm.store.types import id_bytes, id_text, micros, parse_moment

if TYPE_CHECKING:  # icalendar takes half a second to import: only when a file is written
    from icalendar import Event, Timezone

DURATION = timedelta(minutes=30)
"""How long a timed follow-up's event lasts (a follow-up has a start only)."""

PUBLISH_KEY = "calendar.publish_path"
"""The local-state key of the published file: ``{"path": …, "language": …}``."""

UID_DOMAIN = "desktop-crm"
PRODID = "-//Desktop CRM//Follow-ups//EN"
_MORNING = time(9, 0)
_NAMES = {"en": "Follow-ups (Desktop CRM)", "zh": "客户跟进（Desktop CRM）"}
_LABELS = {
    "en": {"phone": "Phone", "company": "Company", "deal": "Deal", "person": "Contact"},
    "zh": {"phone": "电话", "company": "公司", "deal": "商机", "person": "联系人"},
}
_END = b"END:VCALENDAR\r\n"
_EVENT_END = b"END:VEVENT\r\n"
_STAMP_PROPERTY = "X-DESKTOP-CRM-STAMP"
_STATE_PROPERTY = "X-DESKTOP-CRM-STATE"
_STATE_LINE = re.compile(rb"\r\nX-DESKTOP-CRM-STATE:([^\r\n]*)\r\n")
_UID_LINE = re.compile(rb"\r\nUID:([0-9a-f-]{36})@desktop-crm\r\n")
_STAMP_LINE = re.compile(rb"\r\nX-DESKTOP-CRM-STAMP:(\d+)\r\n")
_ZONE_LINE = re.compile(rb"\r\nDTSTART;TZID=([^:;\r\n]+)[:;]")
_HEAD_LIMIT = 4096  # the calendar's own lines come first
_REUSE_LIMIT = 512 * 1024 * 1024
_PLANNED = FollowUp.status == FollowUpStatus.PLANNED.value
_STAMPS = "SELECT id, updated_at FROM follow_ups WHERE status = 'planned' AND deleted_at IS NULL"
_NAMED = ("people", "companies", "deals")  # whose names and titles events show
_TOUCHED_LIMIT = 5_000  # records changed elsewhere beyond which all events are rendered again


@dataclass(frozen=True)
class PublishedCalendar:
    """The file this machine keeps up to date.

    Attributes:
        path: The ``.ics`` file.
        language: The language its titles and labels are written in (``en`` or ``zh``).
    """

    path: Path
    language: Language


@dataclass(frozen=True)
class _Shown:
    """One event as the file holds it.

    Attributes:
        zone: The zone of a timed event's start (its ``VTIMEZONE`` goes in the file too).
        data: The ``VEVENT`` text.
    """

    zone: str | None
    data: bytes


@dataclass(frozen=True)
class _Rendered:
    """One event and the values it was rendered from (the follow-up's row, stamp, settings)."""

    key: tuple[Any, ...]
    shown: _Shown


@dataclass(frozen=True)
class _Everything:
    """The last file of every planned follow-up, to write the next one cheaply.

    Attributes:
        language: Its language.
        morning: The morning hour its all-day alarms were set at.
        seq: The change log's last row when it was read.
        change_id: That row's id (a restored backup reuses row numbers, never ids).
        stamps: Planned follow-up -> its last change then (both as stored).
        events: Planned follow-up (its id as stored) -> its event.
    """

    language: Language
    morning: time
    seq: int
    change_id: str | None
    stamps: dict[Any, Any]
    events: dict[Any, _Shown]


class CalendarService:
    """Write planned follow-ups as ``.ics`` files, and keep a published one up to date.

    Args:
        store: The workspace (a reader's store exports; publishing writes local state).
        clock: The local zone (a timed follow-up without its own zone is shown in it).
    """

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        self._events: dict[str, _Rendered] = {}  # follow-up id -> its last rendering
        self._last: dict[Language, _Everything] = {}  # the last whole list, per language

    def export(
        self,
        path: Path,
        start: date | None = None,
        end: date | None = None,
        *,
        language: Language = "en",
    ) -> int:
        """Write the planned follow-ups due from ``start`` to ``end`` (both included) to ``path``.

        A repeating follow-up is chosen by its open occurrence and carries its repeat.

        Returns:
            How many events were written.

        Raises:
            ValidationError: ``start`` after ``end``, a folder named, or its folder missing.
            StorageError: The file could not be written (a full disk, no permission); a file
                already there is left as it was.
        """
        if start is not None and end is not None and start > end:
            raise ValidationError(
                f"The first day ({start}) is after the last ({end}).", field="start"
            )
        target = _target(path)
        if start is None and end is None:  # a file written before by this service is reused
            data, count = self._everything(language, target)
        else:
            data, count = self.render(start, end, language=language)
        _write_atomically(target, data)
        return count

    def render(
        self, start: date | None = None, end: date | None = None, *, language: Language = "en"
    ) -> tuple[bytes, int]:
        """The ``.ics`` text of the planned follow-ups due from ``start`` to ``end``; its events."""
        if start is None and end is None:
            return self._everything(language, None)
        where = [_PLANNED, *due_in_days(start, end, self._clock.zone())]
        with self._store.read() as session:
            rows = self._rows(session, *where)
            stamps = _stamps(session, rows)
            morning = _morning(read_setting(session, "reminders.morning"))
        events = {row.id: self._event(row, stamps[row.id], morning, language) for row in rows}
        return _calendar(events.values(), language), len(events)

    def _everything(self, language: Language, previous: Path | None) -> tuple[bytes, int]:
        """Every planned follow-up, reading again only those changed since the last time.

        The last time is this service's last whole file, else the file at ``previous`` (the
        published one, written by an earlier run of the app): its events are taken as they
        are when their follow-ups have not changed since. The follow-ups' last changes tell
        which changed, the change log which show a name, title or phone changed since; another
        morning hour, a restored backup or a file edited by hand render all again.
        """
        with self._store.read() as session:
            newest = session.execute(
                select(Change.seq, Change.id).order_by(Change.seq.desc()).limit(1)
            ).first()
            seq, change_id = (newest[0], newest[1]) if newest else (0, None)
            morning = _morning(read_setting(session, "reminders.morning"))
            # Plain SQL: the stored id and moment compare as they are, 20,000 in ~10 ms.
            stamps: dict[Any, Any] = dict(session.connection().exec_driver_sql(_STAMPS).all())
            last = self._last.get(language)
            if last is None and previous is not None:
                last = _from_file(previous)
            touched = (
                _shown_elsewhere(session, last.seq)
                if last is not None
                and (last.language, last.morning) == (language, morning)
                and _same_log(session, last)
                else None
            )
            if last is not None and touched is not None:
                events = {
                    raw: last.events[raw]
                    for raw, at in stamps.items()
                    if last.stamps.get(raw) == at and raw in last.events and raw not in touched
                }
                stale = [id_text(raw) for raw in stamps if raw not in events]
                rows = [
                    row
                    for chunk in in_chunks(stale)
                    for row in self._rows(session, FollowUp.id.in_(chunk), _PLANNED)
                ]
            else:
                events = {}
                rows = self._rows(session, _PLANNED)
        for row in rows:
            raw = id_bytes(row.id)
            if raw in stamps:  # planned when the stamps were read (the same snapshot)
                events[raw] = self._event(row, parse_moment(stamps[raw]), morning, language)
        self._last[language] = _Everything(language, morning, seq, change_id, stamps, events)
        if len(self._events) > len(events):  # forget follow-ups no longer planned
            kept = [row_id for row_id in self._events if id_bytes(row_id) in events]
            self._events = {row_id: self._events[row_id] for row_id in kept}
        state = f"{seq};{change_id or ''};{language};{morning:%H:%M}"
        return _calendar(events.values(), language, state), len(events)

    def _rows(self, session: Session, *where: ColumnElement[bool]) -> list[FollowUpRow]:
        return follow_up_rows(session, *where, now=self._clock.now(), zone=self._clock.zone())

    def published(self) -> PublishedCalendar | None:
        """The file this machine keeps up to date, if one was chosen."""
        with self._store.read() as session:
            value = session.scalar(select(LocalState.value).where(LocalState.key == PUBLISH_KEY))
        if not isinstance(value, dict) or not value.get("path"):
            return None
        language: Language = "zh" if value.get("language") == "zh" else "en"
        return PublishedCalendar(Path(str(value["path"])), language)

    def publish_to(self, path: Path | None, *, language: Language = "en") -> int:
        """Keep ``path`` up to date with every planned follow-up from now on (``None``: stop).

        The file is written first; the choice is remembered only once it was.

        Returns:
            How many events were written (0 when publishing stopped).

        Raises:
            ValidationError: A folder named, or its folder missing.
            StorageError: The file could not be written; nothing is remembered.
        """
        if path is None:
            self._remember(None)
            return 0
        target = _target(path)
        data, count = self._everything(language, target)
        _write_atomically(target, data)
        self._remember({"path": str(target), "language": language})
        return count

    def refresh_published(self) -> bool:
        """Rewrite the published file with every planned follow-up; whether there is one.

        Raises:
            ValidationError: Its folder is gone (a removed drive); the choice is kept.
            StorageError: It could not be written; the previous file is left whole.
        """
        chosen = self.published()
        if chosen is None:
            return False
        target = _target(chosen.path)
        data, _count = self._everything(chosen.language, target)
        _write_atomically(target, data)
        return True

    def _remember(self, value: dict[str, str] | None) -> None:
        # Local state, written outside any unit of work: choosing a file is no undoable edit.
        with self._store.engine.begin() as conn:
            if value is None:
                conn.execute(delete(LocalState).where(LocalState.key == PUBLISH_KEY))
            else:
                conn.execute(
                    insert(LocalState).prefix_with("OR REPLACE"),
                    {"key": PUBLISH_KEY, "value": value},
                )

    def _event(
        self, row: FollowUpRow, stamp: datetime, morning: time, language: Language
    ) -> _Shown:
        """The ``VEVENT`` of ``row``, rendered again only when something it shows changed."""
        key = (row, stamp, morning, language)
        kept = self._events.get(row.id)
        if kept is not None and kept.key == key:
            return kept.shown
        zone = row.zone if row.due_at is not None else None
        data = b"".join(bytes(event.to_ical()) for event in _vevents(row, stamp, morning, language))
        shown = _Shown(zone, data)
        self._events[row.id] = _Rendered(key, shown)
        return shown


def _vevents(row: FollowUpRow, stamp: datetime, morning: time, language: Language) -> list[Event]:
    """The ``VEVENT`` of ``row``; for a repeat's occurrence moved off its day, two.

    A moved occurrence is what calendars call an exception: the series (``RRULE``) starts at
    the day the occurrence stands for, and a second ``VEVENT`` with the same ``UID`` and that
    day as its ``RECURRENCE-ID`` puts the occurrence where it was moved. Calendars then repeat
    on the series' days, as the app plans them.
    """
    from icalendar import vRecur

    slot = row.series_day if row.repeat else None
    if slot is None or slot == row.due_on:
        event = _vevent(row, _start(row, row.due_on), stamp, morning, language)
        if row.repeat:
            event.add("rrule", vRecur.from_ical(row.repeat))
        return [event]
    series_start = _start(row, slot)
    series = _vevent(row, series_start, stamp, morning, language)
    series.add("rrule", vRecur.from_ical(row.repeat or ""))
    moved = _vevent(row, _start(row, row.due_on), stamp, morning, language)
    moved.add("recurrence-id", series_start)
    return [series, moved]


def _start(row: FollowUpRow, day: date) -> date | datetime:
    """When ``row`` starts on ``day``: a date, or its wall time that day in its zone."""
    if row.due_at is None:
        return day
    zone = zone_named(row.zone)
    if day == row.due_on:
        return row.due_at.astimezone(zone)
    return moment_of(day, wall_time(row.due_at, zone)[1], zone).astimezone(zone)


def _vevent(
    row: FollowUpRow, start: date | datetime, stamp: datetime, morning: time, language: Language
) -> Event:
    from icalendar import Alarm, Event

    event = Event()
    event.add("uid", f"{row.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    # To the microsecond (LAST-MODIFIED keeps seconds): which events a later run may keep.
    event.add(_STAMP_PROPERTY, str(micros(stamp)))
    event.add("summary", _summary(row, language))
    description = _description(row, language)
    if description:
        event.add("description", description)
    kind = word("activity_kind", row.kind.value, language) or row.kind.value
    event.add("categories", [kind])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", _summary(row, language))
    if isinstance(start, datetime):
        event.add("dtstart", start)
        event.add("dtend", start + DURATION)
        alarm.add("trigger", timedelta(0))
    else:
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a day's to-do does not make the day busy
        # Relative to the day's start, read in the reader's zone: the morning hour there.
        alarm.add("trigger", timedelta(hours=morning.hour, minutes=morning.minute))
    event.add_component(alarm)
    if row.remind_at is not None and start == _start(row, row.due_on):
        # Snoozed: the calendar reminds again when the app would (an absolute trigger, UTC).
        again = Alarm()
        again.add("action", "DISPLAY")
        again.add("description", _summary(row, language))
        again.add("trigger", row.remind_at.astimezone(UTC))
        event.add_component(again)
    return event


def _summary(row: FollowUpRow, language: Language) -> str:
    kind = word("activity_kind", row.kind.value, language) or row.kind.value
    subject = row.subject.strip()
    colon = "：" if language == "zh" else ": "
    # A follow-up planned without a subject has its kind's code as one ("call").
    bare = subject.casefold() in {row.kind.value, kind.casefold(), *_kind_words(row.kind)}
    title = kind if not subject or bare else f"{kind}{colon}{subject}"
    return f"{title} — {row.contact}" if row.contact else title


def _kind_words(kind: ActivityKind) -> set[str]:
    return {(word("activity_kind", kind.value, lang) or "").casefold() for lang in ("en", "zh")}


def _description(row: FollowUpRow, language: Language) -> str:
    labels = _LABELS[language]
    colon = "：" if language == "zh" else ": "
    lines = [row.notes.strip()] if row.notes.strip() else []
    for key, value in (
        ("person", row.person),
        ("company", row.company),
        ("phone", row.phone),
        ("deal", row.deal),
    ):
        if value:
            lines.append(f"{labels[key]}{colon}{value}")
    return "\n".join(lines)


def _calendar(events: Iterable[_Shown], language: Language, state: str | None = None) -> bytes:
    """The whole file: the calendar's own lines, the zones used, then the events.

    ``state`` (a whole list's: its change log row, language and morning hour) goes in the
    file with a digest of its events, for :func:`_from_file` to know what it holds.
    """
    from icalendar import Calendar

    shown = list(events)
    body = b"".join(event.data for event in shown)
    zones = sorted({event.zone for event in shown if event.zone})
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _NAMES[language])
    # Subscribers poll again after an hour (Outlook reads the second, others the first).
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    if state is not None:
        calendar.add(_STATE_PROPERTY, f"{state};{_digest(body)}")
    for name in zones:
        calendar.add_component(_timezone(name))
    head = calendar.to_ical()
    assert head.endswith(_END)  # the events go before the calendar's end
    return b"".join((head[: -len(_END)], body, _END))


def _digest(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()


def _from_file(path: Path) -> _Everything | None:
    """What a whole file this service wrote holds, to keep its unchanged events; else None.

    Only a file whose events are byte for byte what it says it wrote (its digest) is taken:
    one edited by hand or by another program is written afresh.
    """
    try:
        if path.stat().st_size > _REUSE_LIMIT:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    state = _STATE_LINE.search(data[:_HEAD_LIMIT].replace(b"\r\n ", b""))  # lines unfolded
    first = data.find(b"BEGIN:VEVENT\r\n")
    if state is None or not data.endswith(_END):
        return None
    body = data[first if first >= 0 else len(data) - len(_END) : -len(_END)]
    parts = state[1].decode("ascii", "replace").split(";")
    if len(parts) != 5 or not parts[0].isdigit() or parts[2] not in ("en", "zh"):
        return None
    seq, change_id, language, morning, digest = parts
    if _digest(body) != digest:
        return None
    stamps: dict[Any, Any] = {}
    events: dict[Any, _Shown] = {}
    for piece in body.split(_EVENT_END)[:-1]:
        block = piece + _EVENT_END
        uid, at = _UID_LINE.search(block), _STAMP_LINE.search(block)
        if uid is None or at is None:
            return None
        zone = _ZONE_LINE.search(block)
        raw = id_bytes(uid[1].decode("ascii"))
        stamps[raw] = int(at[1])
        before = events.get(raw)  # a moved occurrence of a repeat: its series came first
        data = block if before is None else before.data + block
        events[raw] = _Shown(None if zone is None else zone[1].decode("ascii"), data)
    return _Everything(
        "zh" if language == "zh" else "en",
        _morning(morning),
        int(seq),
        change_id or None,
        stamps,
        events,
    )


def _same_log(session: Session, last: _Everything) -> bool:
    """Whether the change log still holds the row ``last`` was read at (no backup restored)."""
    if last.change_id is None:
        return last.seq == 0
    found = session.scalar(select(Change.id).where(Change.seq == last.seq))
    return found == last.change_id


_ZONES: dict[str, Timezone] = {}


def _timezone(name: str) -> Timezone:
    """The ``VTIMEZONE`` of zone ``name`` (its transitions from 1970 to 2038), made once."""
    if name not in _ZONES:
        from icalendar import Timezone

        ZoneInfo(name)  # an unknown name fails here, not in a reader's calendar
        _ZONES[name] = Timezone.from_tzid(name)
    return _ZONES[name]


def _stamps(session: Session, rows: list[FollowUpRow]) -> dict[str, datetime]:
    """Each row's follow-up's last change (its events' ``DTSTAMP``)."""
    return {
        fid: at
        for chunk in in_chunks([row.id for row in rows])
        for fid, at in session.execute(
            select(FollowUp.id, FollowUp.updated_at).where(FollowUp.id.in_(chunk))
        )
    }


def _shown_elsewhere(session: Session, since: int) -> set[Any] | None:
    """Planned follow-ups whose events show something changed after ``since`` elsewhere.

    A person's or company's name, a deal's title, a phone: the follow-ups of those records
    (as stored ids). ``None`` when so many changed that reading everything again is quicker.
    Other changes (a contact's last-contact moment, an owner, new records) show nowhere.
    """
    renamed = or_(
        func.json_type(Change.values, "$.name").is_not(None),
        func.json_type(Change.values, "$.title").is_not(None),
    )
    found = session.execute(
        select(Change.entity, Change.entity_id, Change.action, Change.values).where(
            Change.seq > since,
            or_(
                Change.entity == "phones",
                and_(Change.entity.in_(_NAMED), Change.action == "update", renamed),
            ),
        )
    )
    ids: dict[str, set[str]] = {entity: set() for entity in (*_NAMED, "phones")}
    for entity, entity_id, action, values in found:
        ids[entity].update(bulk_ids(values) if action in BULK_ACTIONS else [entity_id])
        if sum(len(listed) for listed in ids.values()) > _TOUCHED_LIMIT:
            return None
    for chunk in in_chunks(sorted(ids.pop("phones"))):
        for person_id, company_id in session.execute(
            select(Phone.person_id, Phone.company_id).where(Phone.id.in_(chunk))
        ):
            ids["people"].update([person_id] if person_id else [])
            ids["companies"].update([company_id] if company_id else [])
    touched: set[Any] = set()
    for entity, column in (
        ("people", FollowUp.person_id),
        ("companies", FollowUp.company_id),
        ("deals", FollowUp.deal_id),
    ):
        for chunk in in_chunks(sorted(ids[entity])):
            touched.update(
                id_bytes(fid)
                for fid in session.scalars(select(FollowUp.id).where(column.in_(chunk), _PLANNED))
            )
    return touched


def _morning(value: Any) -> time:
    try:
        return parse_morning(str(value))
    except ValueError:
        return _MORNING


def _target(path: Path) -> Path:
    """``path`` made absolute, refused when it is a folder or its folder is missing."""
    target = path.expanduser().absolute()
    if target.is_dir():
        raise ValidationError(
            f"{target} is a folder; name the .ics file to write in it.", field="path"
        )
    if not target.parent.is_dir():
        raise ValidationError(
            f"The folder {target.parent} does not exist (a removed drive?); choose another "
            "place for the calendar file.",
            field="path",
        )
    return target


def _write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all.

    A temporary file beside it is written and flushed to disk, then moved into place: a
    calendar reading the file sees the old one or the new one, never half of either.
    """
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"Could not write the calendar file {target}: {exc.strerror or exc}. "
            "Nothing was written; a file already there is unchanged.",
            detail=str(exc),
        ) from None
