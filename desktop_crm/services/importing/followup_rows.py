"""Importing planned calls, meetings and visits (a call list kept in Excel), one row each.

Rules, those of planning a follow-up in the app (``services.followups``):

* The contact is a live person or company, found by customer number, by phone (read with the
  workspace's phone region and compared in E.164, as contacts store them: "138-0013-8000",
  "+86 138 0013 8000" and 13800138000 are one number) or by name (case, width and spaces
  ignored, as companies are matched). "王芳 (远山设计)" is the 王芳 of that company. A cell
  matching several is a problem naming them; one matching none is a problem too: contacts
  are never made here (a typo would become a customer), import them first.
* The due date is required. A time ("14:30", "2:30 pm", "14点30", "下午2点半", an Excel time
  cell, or a date-and-time in the date cell) makes the row timed: that wall time on that day
  in this computer's time zone at the import (``TZ`` honoured), stored as its UTC moment with
  the zone's name, exactly as if it had been planned in the app on this computer then.
  Without a time the follow-up is all-day. 晚上12点 (the midnight ending the day) is 23:59 of
  the row's day, so it stays on the day written.
* The type is call (电话, the default), meeting (会议), visit (拜访), email (邮件) or message
  (消息, 微信, 短信). An empty subject is the type's, as the app plans it.
* A repeat is what ``domain.repeat.parse_repeat`` reads (daily, weekly, every 2 weeks, 每月,
  每周一…), stored as the RRULE for a series starting on the due day (the row is the series'
  first follow-up). A weekly repeat on a named weekday must start on that weekday.
* The owner is a user of the workspace; empty, the local user. Other names are kept in the
  notes (one report note counts them), as every import does.
* A row with the contact, due day and time, type and subject of a planned follow-up is that
  follow-up: skipped, or its notes, owner and repeat filled under those policies, so importing
  a list twice does not plan every call twice.

A row with a problem is not imported (its problems are on its cells in the preview, and it
is listed with its reasons in the error workbook).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop_crm.domain.choice_words import code_of
from desktop_crm.domain.contact_values import company_key, phone_e164
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.ids import new_ids
from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.domain.repeat import parse_repeat
from desktop_crm.domain.vocab import ActivityKind, FollowUpStatus
from desktop_crm.services.importing.cell_problems import CellProblems
from desktop_crm.services.importing.importer import ImportContext, Importer
from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Company, FollowUp, Person, Phone

SUBJECT_MAX = 300  # FollowUp.subject, as the app's planning checks it
LISTED = 4  # contacts a "several match" problem names
_FOLLOW_UP_KINDS = (
    ActivityKind.CALL,
    ActivityKind.MEETING,
    ActivityKind.VISIT,
    ActivityKind.EMAIL,
    ActivityKind.MESSAGE,
)
_KIND_WORDS = {
    "phone": ActivityKind.CALL,
    "phone call": ActivityKind.CALL,
    "打电话": ActivityKind.CALL,
    "致电": ActivityKind.CALL,
    "电话回访": ActivityKind.CALL,
    "meet": ActivityKind.MEETING,
    "开会": ActivityKind.MEETING,
    "会面": ActivityKind.MEETING,
    "见面": ActivityKind.MEETING,
    "面谈": ActivityKind.MEETING,
    "上门": ActivityKind.VISIT,
    "走访": ActivityKind.VISIT,
    "上门拜访": ActivityKind.VISIT,
    "e-mail": ActivityKind.EMAIL,
    "mail": ActivityKind.EMAIL,
    "电子邮件": ActivityKind.EMAIL,
    "发邮件": ActivityKind.EMAIL,
    "微信": ActivityKind.MESSAGE,
    "wechat": ActivityKind.MESSAGE,
    "短信": ActivityKind.MESSAGE,
    "sms": ActivityKind.MESSAGE,
    "text": ActivityKind.MESSAGE,
    "qq": ActivityKind.MESSAGE,
    "im": ActivityKind.MESSAGE,
}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WITH_COMPANY = re.compile(r"^(.+?)\s*[(（]\s*(.+?)\s*[)）]$")
_PHONE_LIKE = re.compile(r"^\+?[\d\s\-().]{5,}$")


@dataclass(frozen=True)
class Contact:
    """Who a row's follow-up is about.

    Attributes:
        person_id: The person (``None`` for a company).
        company_id: The company, or the person's company.
        label: How problems and the preview name it: "王芳 (远山设计)".
    """

    person_id: str | None
    company_id: str | None
    label: str


class ContactLookup:
    """Live people and companies by customer number, phone and name, read once."""

    def __init__(self, session: Session, region: str) -> None:
        self.region = region
        self.by_number: dict[str, list[Contact]] = {}
        self.by_name: dict[str, list[Contact]] = {}
        self.by_phone: dict[str, list[Contact]] = {}
        self.company_of: dict[str, str] = {}  # person id -> company key, for "王芳 (远山设计)"
        companies: dict[str, tuple[str, str | None]] = {}
        for cid, name, number in session.execute(
            select(Company.id, Company.name, Company.number)
            .where(Company.deleted_at.is_(None))
            .order_by(Company.created_at, Company.id)
        ):
            companies[cid] = (name, number)
        people: dict[str, Contact] = {}
        for pid, name, number, of_company in session.execute(
            select(Person.id, Person.name, Person.number, Person.company_id)
            .where(Person.deleted_at.is_(None))
            .order_by(Person.created_at, Person.id)
        ):
            company = companies.get(of_company) if of_company else None
            label = f"{name} ({company[0]})" if company else name
            found = Contact(pid, of_company if company else None, label)
            people[pid] = found
            self._add(found, name, number)
            if company:
                self.company_of[pid] = company_key(company[0])
        by_company: dict[str, Contact] = {}
        for cid, (name, number) in companies.items():
            found = Contact(None, cid, f"{name} (company)")
            by_company[cid] = found
            self._add(found, name, number)
        for e164, of_person, of_company in session.execute(
            select(Phone.e164, Phone.person_id, Phone.company_id).where(
                Phone.deleted_at.is_(None), Phone.e164.is_not(None)
            )
        ):
            owner = (
                people.get(of_person)
                if of_person
                else by_company.get(of_company)
                if of_company
                else None
            )
            if e164 and owner is not None and owner not in self.by_phone.get(e164, []):
                self.by_phone.setdefault(e164, []).append(owner)

    def _add(self, found: Contact, name: str, number: str | None) -> None:
        self.by_name.setdefault(company_key(name), []).append(found)
        if number and number.strip():
            self.by_number.setdefault(number.strip().casefold(), []).append(found)

    def find(self, text: str) -> Contact | str:
        """The contact ``text`` names, or the problem saying why there is not one."""
        wanted = text.strip()
        found = self.by_number.get(wanted.casefold(), [])
        if not found and _PHONE_LIKE.match(wanted):
            e164 = phone_e164(wanted, self.region)
            found = self.by_phone.get(e164, []) if e164 else []
        if not found:
            found = self.by_name.get(company_key(wanted), [])
        if not found:
            named = _WITH_COMPANY.match(wanted)
            if named:
                company = company_key(named[2])
                found = [
                    c
                    for c in self.by_name.get(company_key(named[1]), [])
                    if c.person_id is not None and self.company_of.get(c.person_id) == company
                ]
        if len(found) == 1:
            return found[0]
        if not found:
            return (
                "no person or company has this name, phone or customer number; import your "
                "contacts first"
            )
        listed = ", ".join(c.label for c in found[:LISTED]) + (", …" if len(found) > LISTED else "")
        labels = [c.label for c in found]
        example = next(
            (
                c.label
                for c in found
                if c.person_id and "(" in c.label and labels.count(c.label) == 1
            ),
            None,
        )  # "王芳 (远山设计)" tells them apart only when one 王芳 works there
        hint = f"write the name with its company, such as {example}, or" if example else "use"
        return f"{len(found)} contacts match: {listed}; {hint} a phone or customer number"


@dataclass(frozen=True)
class PlannedRow:
    """A follow-up a row plans.

    Attributes:
        key: What makes it the same as a planned follow-up (contact, due, type, subject).
        values: Its ``FollowUp`` column values (``id`` and ``series_id`` given when written).
    """

    key: tuple[Any, ...]
    values: dict[str, Any]


class FollowUpImporter(Importer[PlannedRow]):
    """Planned follow-ups of existing contacts, one a row.

    Args:
        ctx: The import's context.
        mapping: Column index -> field, to mark problems on their cells.
        zone: The zone a row's time is read in; ``None``: this computer's.
    """

    entity = "followups"
    model = FollowUp

    def __init__(
        self, ctx: ImportContext, mapping: dict[int, str], zone: ZoneInfo | None = None
    ) -> None:
        super().__init__(ctx)
        self.marks = CellProblems("followups", mapping)
        self.zone = zone or ZoneInfo(local_zone_name())

    @override
    def prepare(self, session: Session) -> None:
        self.contacts = ContactLookup(session, self.ctx.region)
        self.existing: dict[tuple[Any, ...], str] = {
            _key(pid, cid, due_on, due_at, kind, subject): fid
            for fid, pid, cid, due_on, due_at, kind, subject in session.execute(
                select(
                    FollowUp.id,
                    FollowUp.person_id,
                    FollowUp.company_id,
                    FollowUp.due_on,
                    FollowUp.due_at,
                    FollowUp.kind,
                    FollowUp.subject,
                ).where(
                    FollowUp.deleted_at.is_(None),
                    FollowUp.status == FollowUpStatus.PLANNED.value,
                )
            )
        }

    @override
    def prepare_preview(self, session: Session) -> None:
        self.prepare(session)  # a row is judged against the workspace in the preview too

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[PlannedRow | None, str]:
        reasons = self.marks.conversion_problems(read)
        contact = self._contact(read, reasons)
        due_on, wall = self._due(read, row, reasons)
        kind = self._kind(read, reasons)
        subject = " ".join((read.text("subject") or "").split()) or kind.value
        if len(subject) > SUBJECT_MAX:
            problem = f"a subject has at most {SUBJECT_MAX} characters"
            reasons.append(self.marks.mark(read, "subject", problem))
        repeat = self._repeat(read, due_on, reasons)
        if reasons or contact is None or due_on is None:
            return None, "; ".join(reasons)
        due_at = None if wall is None else moment_of(due_on, wall, self.zone)
        values = {
            "kind": kind.value,
            "subject": subject,
            "due_on": due_on,
            "due_at": due_at,
            "due_zone": None if wall is None else self.zone.key,
            "repeat": repeat,
            "series_start": None if repeat is None else due_on,
            "status": FollowUpStatus.PLANNED.value,
            "person_id": contact.person_id,
            "company_id": contact.company_id,
            "owner_id": read.values.get("owner") or self.ctx.actor_id,
            "notes": read.notes(),
        }
        key = _key(contact.person_id, contact.company_id, due_on, due_at, kind.value, subject)
        return PlannedRow(key, values), ""

    def _contact(self, read: RowRead, reasons: list[str]) -> Contact | None:
        text = read.text("contact")
        if not text:
            reasons.append(self.marks.mark(read, "contact", "no contact"))
            return None
        found = self.contacts.find(text)
        if isinstance(found, str):
            reasons.append(self.marks.mark(read, "contact", found))
            return None
        self.marks.show(read, "contact", found.label)
        return found

    def _due(
        self, read: RowRead, row: Sequence[Any], reasons: list[str]
    ) -> tuple[date | None, time | None]:
        """The due day and wall time (``None``: all-day), from the date and time cells."""
        due_on: date | None = read.values.get("date")
        wall: time | None = None
        raw_time = self._raw(row, "time")
        if raw_time is not None and cells.text(raw_time):
            try:
                day, wall = time_cell(raw_time)
            except ValueError as exc:
                reasons.append(self.marks.mark(read, "time", str(exc)))
            else:
                due_on = due_on or day
                self.marks.show(read, "time", wall.strftime("%H:%M"))
        elif due_on is not None:
            wall = _time_in_date(self._raw(row, "date"))
        if due_on is None and not self.marks.unreadable(read, "date"):
            reasons.append(self.marks.mark(read, "date", "no due date"))
        return due_on, wall

    def _kind(self, read: RowRead, reasons: list[str]) -> ActivityKind:
        text = read.text("kind")
        if not text:
            return ActivityKind.CALL
        found = kind_of(text)
        if found is None:
            problem = f"“{text}” is not a type (call, meeting, visit, email or message)"
            reasons.append(self.marks.mark(read, "kind", problem))
            return ActivityKind.CALL
        self.marks.show(read, "kind", found.value)
        return found

    def _repeat(self, read: RowRead, due_on: date | None, reasons: list[str]) -> str | None:
        text = read.text("repeat")
        if not text:
            return None
        try:
            found = parse_repeat(text)
        except ValueError as exc:
            reasons.append(self.marks.mark(read, "repeat", str(exc)))
            return None
        if found is None or due_on is None:
            return None
        if found.weekday is not None and found.weekday != due_on.weekday():
            named = _WEEKDAY_NAMES[found.weekday]
            problem = (
                f"repeats on {named}s but {due_on.isoformat()} is a "
                f"{_WEEKDAY_NAMES[due_on.weekday()]}; start it on a {named}"
            )
            reasons.append(self.marks.mark(read, "repeat", problem))
            return None
        return found.rule(due_on)

    def _raw(self, row: Sequence[Any], field: str) -> Any:
        col = self.marks.columns.get(field)
        return row[col] if col is not None and col < len(row) else None

    @override
    def find(self, item: PlannedRow) -> str | None:
        return self.existing.get(item.key)

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[PlannedRow]) -> None:
        rows = []
        for item, fid in zip(items, new_ids(len(items)), strict=True):
            values = {"id": fid, **item.values}
            if values["repeat"] is not None:
                values["series_id"] = fid  # the first follow-up of its series
            rows.append(values)
        self.made["followups"] += len(rec.bulk_insert(session, FollowUp, rows))

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: PlannedRow, overwrite: bool
    ) -> int:
        found = session.get(FollowUp, rid)
        if found is None:
            return 0
        changed = False
        for name in ("notes", "owner_id", "repeat"):
            value = item.values[name]
            current = getattr(found, name)
            if value is not None and value != current and (overwrite or current in (None, "")):
                setattr(found, name, value)
                changed = True
        if changed and found.repeat is not None:
            found.series_start = found.series_start or found.due_on
            found.series_id = found.series_id or found.id
        return int(changed)


def _key(
    person_id: str | None,
    company_id: str | None,
    due_on: date,
    due_at: datetime | None,
    kind: str,
    subject: str,
) -> tuple[Any, ...]:
    return (person_id, company_id, due_on, due_at, kind, " ".join(subject.split()).casefold())


def kind_of(text: str) -> ActivityKind | None:
    """The follow-up type a cell names (English or Chinese), ``None`` if none."""
    wanted = " ".join(text.split()).casefold()
    found = _KIND_WORDS.get(wanted)
    if found is not None:
        return found
    code = code_of("activity_kind", wanted)
    if code is None:
        return None
    kind = ActivityKind(code)
    return kind if kind in _FOLLOW_UP_KINDS else None


# --- times of day ------------------------------------------------------------------------------

_ZH_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_ZH_DIGITS |= {"八": 8, "九": 9, "十": 10}
_AFTERNOON = ("下午", "午后", "傍晚", "晚上", "晚", "夜里", "夜间")
_NIGHT = ("晚上", "晚", "夜里", "夜间", "半夜")
_MORNING = ("凌晨", "早上", "早晨", "清晨", "上午", "早")
_PART_OF_DAY = "|".join(sorted((*_AFTERNOON, *_MORNING, "半夜", "中午"), key=len, reverse=True))
_CLOCK = re.compile(
    rf"^(?P<part>{_PART_OF_DAY})?\s*(?P<hour>[0-9零一二两三四五六七八九十]{{1,3}})\s*"
    r"(?:(?:[:：.]|点钟?|时)\s*(?P<minute>[0-9零一二三四五六七八九十]{1,3}|半|一刻|三刻)?\s*分?)?"
    r"(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?$",
    re.IGNORECASE,
)


def time_cell(raw: Any) -> tuple[date | None, time]:
    """The wall time a time cell holds, and its day when it holds a date too.

    Takes Excel time cells (a time, a fraction of a day, a duration), a date-and-time cell,
    and text: "14:30", "9.30", "2:30 pm", "14点30", "下午2点半", "晚上八点", "2026-12-01 14:30".

    Raises:
        ValueError: Not a time of day (the message says so).
    """
    if isinstance(raw, datetime):
        return raw.date(), raw.time().replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(raw, time):
        return None, raw.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(raw, timedelta):
        return None, _of_seconds(raw.total_seconds(), str(raw))
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        if 0 <= raw < 1:  # Excel keeps a time of day as a fraction of the day
            return None, _of_seconds(round(raw * 86_400), cells.text(raw) or "")
        if float(raw).is_integer() and 0 <= raw <= 23:
            return None, time(int(raw))
        raise ValueError(f"“{cells.text(raw)}” is not a time of day (14:30, 2:30 pm, 下午2点)")
    text = unicodedata.normalize("NFKC", cells.text(raw) or "").strip()
    day = None
    first, _sep, rest = text.partition(" ")
    if rest and re.match(r"^\d{1,4}[-/.年]\d{1,2}", first):
        day = cells.parse_date(first)
        text = rest.strip()
    return day, parse_clock(text)


def parse_clock(text: str) -> time:
    """A time of day written by a person, in English or Chinese.

    Raises:
        ValueError: Not a time of day.
    """
    found = _CLOCK.match(" ".join(text.split()))
    problem = f"“{text}” is not a time of day (14:30, 2:30 pm, 下午2点)"
    if not found:
        raise ValueError(problem)
    hour = _number(found["hour"])
    minute = {"半": 30, "一刻": 15, "三刻": 45}.get(found["minute"] or "")
    if minute is None:
        minute = _number(found["minute"]) if found["minute"] else 0
    part, ampm = found["part"], (found["ampm"] or "").replace(".", "").lower()
    if hour is None or minute is None:
        raise ValueError(problem)
    if ampm or part:
        if hour > 12:
            if ampm:  # "14:30 pm": a 24-hour time needs no am or pm
                raise ValueError(problem)
        elif part in _NIGHT and hour == 12 and minute == 0:
            # 晚上12点 is the midnight that ends the day: kept on the day written, a minute
            # early, as the row's date is the day the person meant.
            return time(23, 59)
        elif ampm == "pm" or part in _AFTERNOON:
            hour = hour % 12 + 12
        elif ampm == "am" or part in ("凌晨",):
            hour = hour % 12
        elif part == "中午" and hour < 6:  # 中午1点 is 13:00; 中午12点 is noon
            hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(problem)
    return time(hour, minute)


def _number(text: str) -> int | None:
    """1 to 59 in digits or Chinese numerals (十二, 二十五)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _sep, ones = text.partition("十")
        high = _ZH_DIGITS.get(tens, 1) if tens else 1
        low = _ZH_DIGITS.get(ones, 0) if ones else 0
        return high * 10 + low
    return _ZH_DIGITS.get(text) if len(text) == 1 else None


def _of_seconds(seconds: float, shown: str) -> time:
    whole = int(seconds)
    if not 0 <= whole < 86_400:
        raise ValueError(f"“{shown}” is not a time of day (14:30, 2:30 pm, 下午2点)")
    return time(whole // 3600, whole % 3600 // 60)


def _time_in_date(raw: Any) -> time | None:
    """The time a date cell holds besides its day ("2026-12-01 14:30"); ``None``: none."""
    if isinstance(raw, datetime):
        wall = raw.time().replace(second=0, microsecond=0, tzinfo=None)
        return None if wall == time(0) else wall
    if not isinstance(raw, str):
        return None
    _first, _sep, rest = unicodedata.normalize("NFKC", raw).strip().partition(" ")
    if not rest.strip():
        return None
    try:
        return parse_clock(rest.strip())
    except ValueError:
        return None
