"""What the today services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contracts.dto import OverdueInstalment


@dataclass(frozen=True)
class FollowUpItem:
    """A planned follow-up as the Today screen shows it.

    Attributes:
        id: Follow-up id.
        subject: What to do.
        kind: call, meeting, visit...
        due_on: The day it is due.
        contact: The person's or company's name.
        overdue: Due before today.
    """

    id: str
    subject: str
    kind: ActivityKind
    due_on: date
    contact: str
    overdue: bool


@dataclass(frozen=True)
class TodaySummary:
    """What the Today screen shows.

    Attributes:
        today: The day it is about.
        overdue: Planned follow-ups due before today.
        due_today: Planned follow-ups due today.
        upcoming: Planned follow-ups due in the next seven days.
        items: The follow-ups themselves, overdue first (at most 200).
        stale_customers: Customers nobody has contacted for ``stale_days`` days.
        stale_days: The threshold used.
        open_pipeline: Sum of the amounts of open deals in ``currency``.
        currency: The workspace's currency (ISO code, e.g. CNY), which Today shows amounts in.
        overdue_payments: Contract instalments past due and not fully paid, oldest first
            (each in its contract's currency; at most 200).
    """

    today: date
    overdue: int
    due_today: int
    upcoming: int
    items: tuple[FollowUpItem, ...]
    stale_customers: int
    stale_days: int
    open_pipeline: Decimal
    currency: str = "CNY"
    overdue_payments: tuple[OverdueInstalment, ...] = ()


@dataclass(frozen=True)
class WorkspaceInfo:
    """Headline numbers of an open workspace.

    Attributes:
        path: The workspace file.
        people: Live people.
        companies: Live companies.
        open_deals: Deals not won or lost.
        products: Live products.
        quotes: Live quotes.
    """

    path: Path
    people: int
    companies: int
    open_deals: int
    products: int
    quotes: int
