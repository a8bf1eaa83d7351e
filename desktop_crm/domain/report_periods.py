"""Report periods: this or last month, quarter or year, the next 12 months, or custom days.

Local days, both ends included, as the reports service takes them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal[
    "this_month",
    "this_quarter",
    "this_year",
    "last_month",
    "last_quarter",
    "last_year",
    "next_12_months",
    "custom",
]
PERIOD_KINDS: tuple[PeriodKind, ...] = (
    "this_month",
    "this_quarter",
    "this_year",
    "last_month",
    "last_quarter",
    "last_year",
    "next_12_months",
    "custom",
)


def period_days(kind: PeriodKind, today: date) -> tuple[date, date]:
    """The first and last day of the period ``kind`` names, seen from ``today``.

    ``custom`` has no days of its own: it gives this month's, a start for the user to change.
    """
    if kind == "next_12_months":  # the forecast's: this month and the eleven after it
        return next_12_months(today)
    if kind in ("this_month", "custom"):
        return _month(today.year, today.month)
    if kind == "last_month":
        first = today.replace(day=1) - timedelta(days=1)
        return _month(first.year, first.month)
    quarter = (today.month - 1) // 3
    if kind == "this_quarter":
        return _quarter(today.year, quarter)
    if kind == "last_quarter":
        year, quarter = (today.year - 1, 3) if quarter == 0 else (today.year, quarter - 1)
        return _quarter(year, quarter)
    year = today.year if kind == "this_year" else today.year - 1
    return date(year, 1, 1), date(year, 12, 31)


def _month(year: int, month: int) -> tuple[date, date]:
    following = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, 1), following - timedelta(days=1)


def _quarter(year: int, quarter: int) -> tuple[date, date]:
    """Quarter ``quarter`` (0–3) of ``year``."""
    start, _ = _month(year, quarter * 3 + 1)
    _, end = _month(year, quarter * 3 + 3)
    return start, end


def next_12_months(today: date) -> tuple[date, date]:
    """This month's first day to the last day of the eleventh month after it."""
    month = today.month + 11
    _first, last_end = _month(today.year + (month - 1) // 12, (month - 1) % 12 + 1)
    return today.replace(day=1), last_end
