"""Turning spreadsheet cells into the values contacts hold, with a reason when they cannot be.

Phones that Excel stored as numbers keep every digit; several emails or phones in one cell
are split; text dates are read in a column's order (Y-M-D, D/M/Y or M/D/Y); amounts,
percentages and yes/no are understood in English and Chinese.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

ORDERS = ("YMD", "DMY", "MDY")
_SPLIT = re.compile(r"\s+:::\s+|[;；,，\n]+")
_DATE_PARTS = re.compile(r"^(\d{1,4})[-/.年](\d{1,2})[-/.月](\d{1,4})日?(?:[ T].*)?$")
_GROUPING = re.compile(r"[\s\u00a0\u202f']")
_CODES = "RMB|CNY|USD|EUR|GBP|HKD"
_CURRENCY = re.compile(rf"^(?:[¥￥$€£]|{_CODES})|(?:[¥￥$€£元]|{_CODES})$", re.IGNORECASE)
_THOUSANDS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+")
_EXCEL_1900 = date(1899, 12, 30)
_EXCEL_1904 = date(1904, 1, 1)
_TRUE = {"yes", "y", "true", "1", "是", "对", "有", "√", "✓", "ja", "x"}
_FALSE = {"no", "n", "false", "0", "否", "不", "无", "×", "✗", "nein", ""}


def text(value: Any) -> str | None:
    """A cell as text; numbers lose no digits and gain no ``.0`` or exponent."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    result = str(value).strip()
    return result or None


def phone_text(value: Any) -> str | None:
    """A phone as text; a number Excel stored (13800138000.0, 1.38e+10) keeps all digits."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(value)


def split_values(value: Any) -> list[str]:
    """Several emails or phones in one cell (separated by ``;``, ``,``, new lines or `` ::: ``)."""
    raw = phone_text(value)
    if raw is None:
        return []
    return [part.strip() for part in _SPLIT.split(raw) if part.strip()]


def date_order(samples: list[Any]) -> str:
    """The order text dates of a column are written in: ``YMD``, ``DMY`` or ``MDY``.

    Dates with a four-digit first part are year first whatever the column's order, so they
    do not decide it; among the others a first part over 12 means day first and a second part
    over 12 means month first. Undecided columns read as ``YMD``, then ``DMY``.
    """
    firsts, seconds = [], []
    for sample in samples:
        if not isinstance(sample, str):
            continue
        m = _DATE_PARTS.match(sample.strip())
        if m and len(m.group(1)) != 4:
            firsts.append(m.group(1))
            seconds.append(int(m.group(2)))
    if not firsts:
        return "YMD"
    if any(int(f) > 12 for f in firsts):
        return "DMY"
    if any(s > 12 for s in seconds):
        return "MDY"
    return "DMY"


def parse_date(value: Any, order: str = "YMD", date1904: bool = False) -> date:
    """A day from a date cell, a text date in ``order``, or an Excel serial number.

    Raises:
        ValueError: Not a real date (the message says why).
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not 1 <= value < 2_958_466:
            raise ValueError(f"{value} is not a date")
        return (_EXCEL_1904 if date1904 else _EXCEL_1900) + timedelta(days=int(value))
    raw = text(value)
    if raw is None:
        raise ValueError("empty")
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", raw)
    if compact:
        year, month, day = (int(p) for p in compact.groups())
        return date(year, month, day)
    m = _DATE_PARTS.match(raw)
    if not m:
        raise ValueError(f"“{raw}” is not a date")
    a, b, c = (int(p) for p in m.groups())
    if len(m.group(1)) == 4:
        order = "YMD"  # 2025-03-04 and 2025/3/4 are year first in every order
    year, month, day = {"YMD": (a, b, c), "DMY": (c, b, a), "MDY": (c, a, b)}[order]
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"“{raw}” is not a real date") from None


_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*([AaPp][Mm])?")


def parse_moment(value: Any, order: str = "YMD", date1904: bool = False) -> datetime:
    """A moment (aware, UTC) from a date or date-and-time cell, text, or Excel serial number.

    A moment written without a zone (Excel cells, "2024-03-05 14:30") is local time; a day
    alone is 00:00 local time that day, as a spreadsheet's "created" date means the day began
    where it was typed. Text with a zone ("2024-03-05T06:30:00Z", "+08:00") keeps it.

    Raises:
        ValueError: Not a date or moment (the message says why).
    """
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        day = parse_date(value, order, date1904)
        fraction = round((float(value) % 1) * 86_400)
        moment = datetime(day.year, day.month, day.day) + timedelta(seconds=fraction)
    else:
        moment = _text_moment(text(value), order)
    if moment.tzinfo is None:
        moment = moment.astimezone()  # local time, as written
    return moment.astimezone(UTC)


def _text_moment(raw: str | None, order: str) -> datetime:
    if raw is None:
        raise ValueError("empty")
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    day = parse_date(raw, order)
    rest = re.sub(r"^\S+\s*", "", raw) if re.search(r"\s", raw) else ""
    if not rest:
        return datetime(day.year, day.month, day.day)
    m = _TIME.fullmatch(rest.strip())
    if not m:
        raise ValueError(f"“{raw}” is not a date and time")
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3) or 0)
    micro = int((m.group(4) or "0").ljust(6, "0"))
    if m.group(5):
        hour = hour % 12 + (12 if m.group(5).lower() == "pm" else 0)
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second, micro)
    except ValueError:
        raise ValueError(f"“{raw}” is not a real time") from None


def moment_text(moment: datetime) -> str:
    """A moment as a user reads it: local time, the day alone when it is midnight."""
    local = moment.astimezone()
    if (local.hour, local.minute, local.second, local.microsecond) == (0, 0, 0, 0):
        return local.date().isoformat()
    return local.strftime("%Y-%m-%d %H:%M" if not local.second else "%Y-%m-%d %H:%M:%S")


def parse_amount(value: Any) -> Decimal:
    """Money or a number: currency signs, thousands separators and 万 understood.

    Raises:
        ValueError: Not a number.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    raw = _GROUPING.sub("", (text(value) or "").replace("，", ","))
    raw = _CURRENCY.sub("", raw)
    raw = _decimal_point(raw)
    factor = Decimal(1)
    if raw.endswith("万"):
        raw, factor = raw[:-1], Decimal(10_000)
    try:
        return Decimal(raw) * factor
    except InvalidOperation:
        raise ValueError(f"“{text(value)}” is not an amount") from None


def _decimal_point(raw: str) -> str:
    """``raw`` with "." as its decimal point and no thousands separators.

    With both marks the last one is the decimal point (1,234.50 and 1.234,50). A lone comma
    followed by exactly three digits groups thousands (12,345); any other (12,5 or 0,75) is
    a decimal comma, as Europeans write.
    """
    comma, dot = raw.rfind(","), raw.rfind(".")
    if comma < 0:
        return raw
    if dot > comma:
        return raw.replace(",", "")
    if dot >= 0:
        return raw.replace(".", "").replace(",", ".")
    if _THOUSANDS.fullmatch(raw):
        return raw.replace(",", "")
    return raw.replace(",", ".") if raw.count(",") == 1 else raw


def parse_percent(value: Any) -> Decimal:
    """A percentage as a number of percent: ``12.5%``, ``0.125`` (a fraction) and ``12.5``.

    A bare number between 0 and 1 is a fraction (Excel's percent cells hold those): 0.06 is 6%.
    """
    raw = (text(value) or "").strip()
    if raw.endswith(("%", "％")):
        return parse_amount(raw[:-1])
    number = parse_amount(value)
    return (number * 100).normalize() if 0 < number < 1 else number


def parse_bool(value: Any) -> bool:
    """Yes or no in English, Chinese or German.

    Raises:
        ValueError: Neither.
    """
    if isinstance(value, bool):
        return value
    raw = (text(value) or "").casefold()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ValueError(f"“{text(value)}” is not yes or no")
