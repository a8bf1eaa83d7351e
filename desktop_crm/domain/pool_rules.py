"""The lead pool (公海): who holds a record, when it goes back, how many one may hold.

* A lead or customer with no owner is in the pool; claiming it makes the claimer its owner.
* A return rule names a level (A, B, C) or a status (lead, prospect, customer, inactive) and a
  number of days; the first rule naming the record's level, else its status, applies. A held
  record goes back to the pool once it has gone that many days without a logged contact,
  counted from the later of its last logged contact and its claim (a record held before the
  pool existed counts from its creation). The warning shows ``warn_days`` before.
* ``cap`` limits how many records one user holds (0: no limit); a claim past it is refused.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class ReturnRule:
    """Records of a level or status return after ``days`` without a logged contact."""

    days: int
    level: str | None = None
    status: str | None = None

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> ReturnRule:
        """A rule from its setting's form ``{"level": "A", "days": 30}``.

        Raises:
            ValueError: Neither a level nor a status, or days not a positive whole number.
        """
        days = stored.get("days")
        level, status = stored.get("level") or None, stored.get("status") or None
        if not isinstance(days, int) or isinstance(days, bool) or not 1 <= days <= 3650:
            raise ValueError("a return rule's days are a whole number from 1 to 3650")
        if (level is None) == (status is None):
            raise ValueError("a return rule names a level or a status")
        return cls(days, level, status)


def rule_for(
    level: str | None, status: str | None, rules: Sequence[ReturnRule]
) -> ReturnRule | None:
    """The rule that applies: the first naming the level, else the first naming the status."""
    for rule in rules:
        if rule.level is not None and rule.level == level:
            return rule
    for rule in rules:
        if rule.status is not None and rule.status == status:
            return rule
    return None


def clock_start(
    last_contact: datetime | None, claimed_at: datetime | None, created_at: datetime
) -> datetime:
    """Where a held record's pool clock starts."""
    starts = [m for m in (last_contact, claimed_at) if m is not None]
    return max(starts) if starts else created_at


def return_day(start: datetime, rule: ReturnRule, zone: ZoneInfo) -> date:
    """The local day the record goes back to the pool."""
    return start.astimezone(zone).date() + timedelta(days=rule.days)
