"""What the today services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Generic, TypeVar

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contracts.dto import OverdueInstalment
from desktop_crm.services.followups.dto import FollowUpRow
from desktop_crm.services.pool.dto import PoolWarning


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


# --- Today's lists, computed at a moment (``TodayService.lists``) ------------------------------

T = TypeVar("T")

LIST_LIMIT = 200  # rows of each Today list; its ``total`` counts them all


@dataclass(frozen=True)
class Listed(Generic[T]):
    """The first rows of a list and how many there are in all.

    Attributes:
        items: The rows, in the list's order (at most the limit asked for).
        total: How many rows the list has, the ones not in ``items`` included.
    """

    items: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        """Rows left out of ``items``."""
        return self.total - len(self.items)


@dataclass(frozen=True)
class StaleCustomer:
    """A customer nobody has contacted for longer than their level allows.

    Attributes:
        kind: ``person`` or ``company``.
        id: The record's id.
        name: Its display name.
        level: A, B, C or ``None``.
        last_contacted_at: The last logged contact (UTC); ``None``: never (the wait counts from
            when the record was made).
        days_waited: Whole local days since the last contact (or the record's creation).
        limit_days: The days its level allows (``followup.stale_days_by_level``, else
            ``followup.stale_days``).
        phone: The first phone (a person without one: their company's), for copy and call.
        owner: Who looks after it ("" without an owner).
        owner_id: Their id, if any.
    """

    kind: RecordKind
    id: str
    name: str
    level: str | None
    last_contacted_at: datetime | None
    days_waited: int
    limit_days: int
    phone: str = ""
    owner: str = ""
    owner_id: str | None = None

    @property
    def days_over(self) -> int:
        """Days past the limit."""
        return self.days_waited - self.limit_days


@dataclass(frozen=True)
class StaleDeal:
    """An open deal that has waited in its stage longer than the stage's rotting days.

    Attributes:
        id: The deal's id.
        number: Its number, if it has one.
        title: Its title.
        company: Its company's name ("" without one).
        stage: The stage it waits in.
        days_in_stage: Whole local days since it entered the stage (its last move into it,
            else its creation).
        rotting_days: The stage's limit.
        amount: Its amount.
        currency: ISO code of ``amount``.
        owner: Who owns it ("").
        company_id: The company, if any.
        person_id: The contact person, if any.
        person: Their name ("").
        stage_id: The stage.
        owner_id: The owner, if any.
        entered_at: When it entered the stage (UTC).
    """

    id: str
    number: str | None
    title: str
    company: str
    stage: str
    days_in_stage: int
    rotting_days: int
    amount: Decimal
    currency: str
    owner: str = ""
    company_id: str | None = None
    person_id: str | None = None
    person: str = ""
    stage_id: str = ""
    owner_id: str | None = None
    entered_at: datetime | None = None

    @property
    def days_over(self) -> int:
        """Days past the stage's limit."""
        return self.days_in_stage - self.rotting_days


@dataclass(frozen=True)
class Birthday:
    """A person whose birthday falls in the coming week.

    Attributes:
        id: The person's id.
        name: Their name.
        birthday: The stored birthday.
        on: The day it is celebrated in the window (29 February: 28 February in other years).
        age: The age they turn on ``on``; ``None`` when the year is not known (stored before
            1900: address books write 1604 or 0001 for "no year").
        phone: Their first phone ("").
    """

    id: str
    name: str
    birthday: date
    on: date
    age: int | None
    phone: str = ""


@dataclass(frozen=True)
class TodayLists:
    """Every Today list, computed at one moment.

    Attributes:
        at: The moment they were computed at (UTC).
        today: The local day of ``at``.
        zone: The IANA zone local days were read in.
        overdue: Planned follow-ups past due at ``at`` (a timed one once its moment passed, an
            all-day one from the next local day), earliest due first.
        due_today: Planned follow-ups due later today (local).
        next_7_days: Planned follow-ups due in the seven local days after today.
        stale_customers: Customers waiting longer than their level allows, most overdue first.
        stale_deals: Open deals rotting in their stage, most overdue first.
        returning_to_pool: Held records going back to the lead pool soon, soonest first.
        overdue_instalments: Contract instalments past due and not fully paid, oldest first.
        birthdays: People whose birthday falls in the seven days from today, by day.
    """

    at: datetime
    today: date
    zone: str
    overdue: Listed[FollowUpRow]
    due_today: Listed[FollowUpRow]
    next_7_days: Listed[FollowUpRow]
    stale_customers: Listed[StaleCustomer]
    stale_deals: Listed[StaleDeal]
    returning_to_pool: tuple[PoolWarning, ...]
    overdue_instalments: tuple[OverdueInstalment, ...]
    birthdays: Listed[Birthday]
