"""Repeating follow-ups as RFC 5545 recurrence rules (RRULE), computed by dateutil.

A repeat is stored as the RRULE body an ``.ics`` file carries (``FREQ=WEEKLY;INTERVAL=2``), so
the app, its calendar export and any calendar reading that export expand it to the same days.
Days, not moments: a repeat's wall time is kept in its zone (09:00 stays 09:00 across a DST
change). Rules:

* every N days, every N weeks (on the first day's weekday, or a named weekday), every N months;
* a monthly repeat starting on the 29th, 30th or 31st falls on the last day of shorter months
  (Jan 31 → Feb 28 → Mar 31), written ``BYMONTHDAY=28,29,30,31;BYSETPOS=-1`` so calendars agree
  (a bare ``BYMONTHDAY=31`` would skip short months);
* completing an occurrence plans the next one after it that is not before today (missed
  occurrences are skipped, not piled up as overdue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.rrule import rrulestr

UNITS = {"DAILY": "days", "WEEKLY": "weeks", "MONTHLY": "months"}
FREQS = {unit: freq for freq, unit in UNITS.items()}
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_ZH_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_EN_WEEKDAYS = {
    name: i
    for i, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_EN_UNITS = {"day": "days", "week": "weeks", "month": "months"}
_ZH_UNITS = {"天": "days", "日": "days", "周": "weeks", "星期": "weeks", "礼拜": "weeks"}
_ZH_UNITS |= {"月": "months", "个月": "months", "个星期": "weeks", "个礼拜": "weeks"}
_ZH_UNIT = r"(个月|天|日|周|个星期|星期|个礼拜|礼拜|月)"
_ZH_NUMBER = r"([0-9一二两三四五六七八九十]+)"
# 每3天, 每隔2周 (said for "every 2 weeks"), 两周一次, 每2周一次.
_ZH_EVERY = rf"(?:每隔?\s*{_ZH_NUMBER}\s*{_ZH_UNIT}(?:一次)?|每?{_ZH_NUMBER}\s*{_ZH_UNIT}一次)"
# 隔周, 隔天, 每隔一周: every other one (每隔一周 skips a week).
_ZH_OTHER = rf"(?:每隔一|隔){_ZH_UNIT}(?:一次)?"
MAX_EVERY = 999


@dataclass(frozen=True)
class Repeat:
    """A repeat as a person says it.

    Attributes:
        unit: ``days``, ``weeks`` or ``months``.
        every: How many units apart (1 for daily, weekly, monthly).
        weekday: For weekly repeats on a named day, 0 (Monday) to 6; else ``None``.
    """

    unit: str
    every: int = 1
    weekday: int | None = None

    def __post_init__(self) -> None:
        if self.unit not in FREQS:
            raise ValueError(f"a repeat is in days, weeks or months, not {self.unit!r}")
        if not 1 <= self.every <= MAX_EVERY:
            raise ValueError(f"repeat every 1 to {MAX_EVERY} {self.unit}")
        if self.weekday is not None and (self.unit != "weeks" or not 0 <= self.weekday <= 6):
            raise ValueError("only a weekly repeat falls on a named weekday")

    def rule(self, start: date) -> str:
        """The RRULE body of this repeat for a series whose first day is ``start``."""
        parts = [f"FREQ={FREQS[self.unit]}", f"INTERVAL={self.every}"]
        if self.weekday is not None:
            parts.append(f"BYDAY={WEEKDAYS[self.weekday]}")
        if self.unit == "months" and start.day > 28:
            days = ",".join(str(d) for d in range(28, start.day + 1))
            parts += [f"BYMONTHDAY={days}", "BYSETPOS=-1"]
        return ";".join(parts)


def parse_repeat(text: str) -> Repeat | None:
    """What a person wrote for a repeat; ``None`` for an empty cell or "no"/"不重复".

    Takes ``daily``, ``weekly``, ``monthly``, ``every 3 days``, ``every 2 weeks``,
    ``every other week``, ``biweekly``, ``every Monday``, 每天, 每周, 每月, 每3天, 每隔2周 (as
    people say it: every 2 weeks), 每隔一周 and 隔周 (every other week), 两周一次, 每两个月,
    每周一, 每个星期一, and RRULE bodies.

    Raises:
        ValueError: Words that name no repeat.
    """
    raw = " ".join(text.strip().split())
    low = raw.casefold()
    if low in ("", "no", "none", "never", "否", "无", "不重复"):
        return None
    if low.startswith("freq="):
        return repeat_of(raw.upper())
    simple = {"daily": "days", "weekly": "weeks", "monthly": "months"}
    simple |= {"每天": "days", "每日": "days", "每周": "weeks", "每星期": "weeks"}
    simple |= {"每月": "months", "每个月": "months", "每个星期": "weeks", "每个礼拜": "weeks"}
    if low in simple:
        return Repeat(simple[low])
    if low in ("biweekly", "fortnightly", "every fortnight"):
        return Repeat("weeks", 2)
    found = re.fullmatch(r"every other (day|week|month)", low)
    if found:
        return Repeat(_EN_UNITS[found[1]], 2)
    found = re.fullmatch(r"every(?: (\d+))? (day|week|month)s?", low)
    if found:
        return Repeat(_EN_UNITS[found[2]], int(found[1] or 1))
    found = re.fullmatch(r"(?:every )?(\w+?)s?", low)
    if found and found[1] in _EN_WEEKDAYS and (low.startswith("every ") or low.endswith("s")):
        return Repeat("weeks", 1, _EN_WEEKDAYS[found[1]])
    found = re.fullmatch(r"每个?(?:周|星期|礼拜)([一二三四五六日天])", raw)
    if found:
        return Repeat("weeks", 1, _ZH_WEEKDAYS[found[1]])
    found = re.fullmatch(_ZH_OTHER, raw)
    if found:
        return Repeat(_ZH_UNITS[found[1]], 2)
    found = re.fullmatch(_ZH_EVERY, raw)
    if found:
        number, unit = (found[1], found[2]) if found[1] else (found[3], found[4])
        return Repeat(_ZH_UNITS[unit], _zh_number(number))
    raise ValueError(
        f"“{raw}” is not a repeat (daily, weekly, monthly, every 3 days, 每周, 每2个月…)"
    )


def _zh_number(text: str) -> int:
    """1 to 99 written in digits or Chinese (两, 十二)."""
    if text.isdigit():
        return int(text)
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
    digits |= {"八": 8, "九": 9}
    if "十" in text:
        tens, _, ones = text.partition("十")
        return digits.get(tens, 1) * 10 + digits.get(ones, 0)
    if text in digits:
        return digits[text]
    raise ValueError(f"“{text}” is not a number")


def repeat_of(rule: str) -> Repeat:
    """The repeat an RRULE body (as :meth:`Repeat.rule` writes) describes.

    Raises:
        ValueError: A rule this app does not make (yearly, hourly, several weekdays…).
    """
    parts = dict(part.split("=", 1) for part in rule.upper().split(";") if "=" in part)
    freq = parts.get("FREQ", "")
    if freq not in UNITS:
        raise ValueError(f"unsupported repeat {rule!r}: only daily, weekly or monthly")
    every = int(parts.get("INTERVAL", "1"))
    weekday = None
    if "BYDAY" in parts:
        if parts["BYDAY"] not in WEEKDAYS or freq != "WEEKLY":
            raise ValueError(f"unsupported repeat {rule!r}: one weekday of a weekly repeat")
        weekday = WEEKDAYS.index(parts["BYDAY"])
    return Repeat(UNITS[freq], every, weekday)


def occurrences(rule: str, start: date, after: date, count: int) -> list[date]:
    """The first ``count`` days of the series (first day ``start``) after ``after``."""
    recurrence = rrulestr(rule, dtstart=datetime.combine(start, datetime.min.time()))
    found: list[date] = []
    moment = datetime.combine(after, datetime.min.time())
    while len(found) < count:
        nxt = recurrence.after(moment)
        if nxt is None:
            break
        found.append(nxt.date())
        moment = nxt
    return found


def next_day(rule: str, start: date, done: date, today: date) -> date | None:
    """The day of the occurrence after ``done`` that is not before ``today``.

    A weekly call completed three weeks late is next due this week, not three times overdue.
    """
    after = max(done, today - timedelta(days=1))
    found = occurrences(rule, start, after, 1)
    return found[0] if found else None
