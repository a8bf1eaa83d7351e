"""What the targets service returns (frozen values, never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class TargetOwner:
    """Someone a target can be set for (a user of the workspace).

    Attributes:
        id: The user's id.
        name: The user's name.
    """

    id: str
    name: str


@dataclass(frozen=True)
class MonthTarget:
    """One owner's target for one month.

    Attributes:
        owner_id: The user's id.
        owner_name: The user's name.
        month: The month's first day (the report counts a target in the month it starts).
        amount: The target, a Decimal.
        currency: The amount's currency code.
    """

    owner_id: str
    owner_name: str
    month: date
    amount: Decimal
    currency: str
