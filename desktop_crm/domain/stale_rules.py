"""Who has waited too long: customers not contacted for N days, deals rotting in a stage.

* A customer's limit is its level's (defaults A 7, B 14, C 30 days; a workspace setting), or
  the workspace's plain limit for a customer without a level. Waiting is counted from the last
  logged contact (an activity other than a note), never from an edit of the record; a customer
  never contacted waits from when the record was made.
* An open deal is rotting once it has waited in its stage longer than the stage's rotting days
  (none: never), counted from when it entered the stage (its last stage change, else its
  creation).
* Days are whole local days between the two moments' dates.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

DEFAULT_LEVEL_DAYS: dict[str, int] = {"A": 7, "B": 14, "C": 30}


def limit_days(level: str | None, by_level: Mapping[str, int], plain: int) -> int:
    """The days a customer of ``level`` may wait (``plain`` without a level)."""
    if level and level in by_level:
        return int(by_level[level])
    return plain


def days_waited(since: datetime, now: datetime, zone: ZoneInfo) -> int:
    """Whole local days from ``since`` to ``now``."""
    return (now.astimezone(zone).date() - since.astimezone(zone).date()).days
