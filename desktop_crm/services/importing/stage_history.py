"""A deals sheet's stage-history column: stage and date pairs, read into history rows.

The column holds pairs separated by ``;`` (or ``；``, or line breaks), each a stage name and
the day the deal entered it: ``初步接洽 2026-01-05; 方案报价 2026-02-10`` (``Qualified:
2026/1/5`` reads too). A day is read as the start of that day in this machine's zone. Pairs
naming no stage of the pipeline, or no date, are kept in the deal's notes instead.

A history that does not end in the deal's stage ends with a move there: on a closed deal's
closing day when the sheet gives one, else at the import (:func:`stage_moves`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
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
        visits.append(Visit(stage, day_start(day, zone)))
    visits.sort(key=lambda v: v.entered)  # stable: two on one day keep the sheet's order
    return visits, unread


def stage_moves(
    visits: list[Visit], stage_id: str, closing: datetime | None, now: datetime
) -> list[tuple[str | None, str, datetime]]:
    """A new deal's stage changes, ``(from, to, moment)`` oldest first.

    The history as the sheet gives it (the same stage twice in a row is one stay), else just
    the deal's stage; a history not ending in ``stage_id`` ends with a move there at
    ``closing`` (never before the history's last entry: then a second after it), else ``now``.

    Args:
        visits: The history, oldest first.
        stage_id: The stage the deal is in.
        closing: The start of a closed deal's closing day, when the sheet gives one.
        now: The import's moment.
    """
    moves: list[tuple[str | None, str, datetime]] = []
    previous: str | None = None
    for visit in visits:
        if visit.stage.id != previous:
            moves.append((previous, visit.stage.id, visit.entered))
            previous = visit.stage.id
    if previous != stage_id:
        moment = now if closing is None else min(closing, now)
        if moves and moment <= moves[-1][2]:
            # Moves are ordered by moment: the last one must come after the history.
            moment = moves[-1][2] + timedelta(seconds=1)
        moves.append((previous, stage_id, moment))
    return moves


def day_start(day: date, zone: ZoneInfo) -> datetime:
    """The start of ``day`` in ``zone``, as history days are read."""
    return datetime.combine(day, time(0), zone)


def _day(raw: str) -> date | None:
    cleaned = re.sub(r"[年月]", "-", raw).rstrip("日")
    try:
        return cells.parse_date(cleaned)
    except ValueError:
        return None
