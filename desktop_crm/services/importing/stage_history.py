"""A deals sheet's stage-history column: stage and date pairs, read into history rows.

The column holds pairs separated by ``;`` (or ``；``, or line breaks), each a stage name and
the day the deal entered it: ``初步接洽 2026-01-05; 方案报价 2026-02-10`` (``Qualified:
2026/1/5`` reads too). A day is read as the start of that day in this machine's zone. Pairs
naming no stage of the pipeline, or no date, are kept in the deal's notes instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from desktop_crm.domain.contact_values import company_key
from desktop_crm.spreadsheet import cells
from desktop_crm.store.models import Stage

_SEPARATORS = re.compile(r"[;；\n]+")
_PAIR = re.compile(r"^(?P<stage>.*?)[\s:：,，]*(?P<day>\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?)$")


@dataclass(frozen=True)
class Visit:
    """One pair of the column: the stage and when the deal entered it (start of that day)."""

    stage: Stage
    entered: datetime


def read_history(
    text: str | None, stages: Mapping[str, Stage], zone: ZoneInfo
) -> tuple[list[Visit], list[str]]:
    """The visits ``text`` names, oldest first, and the pairs that could not be read.

    Args:
        text: The cell's text.
        stages: The pipeline's stages by ``company_key`` of their names (``squash``, as the
            stage column finds them).
        zone: The zone whose midnight starts each day.
    """
    visits: list[Visit] = []
    unread: list[str] = []
    for part in _SEPARATORS.split(text or ""):
        pair = part.strip()
        if not pair:
            continue
        found = _PAIR.match(pair)
        stage = stages.get(company_key(found.group("stage"))) if found else None
        day = _day(found.group("day")) if found else None
        if stage is None or day is None:
            unread.append(pair)
            continue
        visits.append(Visit(stage, datetime.combine(day, time(0), zone)))
    visits.sort(key=lambda v: v.entered)  # stable: two on one day keep the sheet's order
    return visits, unread


def _day(raw: str) -> date | None:
    cleaned = re.sub(r"[年月]", "-", raw).rstrip("日")
    try:
        return cells.parse_date(cleaned)
    except ValueError:
        return None
