"""What the contact lists services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.vocab import ContactStatus, Level

COLUMNS = (
    "name",
    "number",
    "company",
    "title",
    "phone",
    "email",
    "city",
    "tags",
    "status",
    "level",
    "owner",
    "source",
    "created_at",
    "last_contacted_at",
)
"""Columns a contact list can show and sort by."""


@dataclass(frozen=True)
class ContactFilter:
    """What a list shows.

    Attributes:
        kind: ``person`` or ``company``.
        text: A search query (same rules as search: CJK, pinyin, phone digits...).
        status: Only this status.
        level: Only this level.
        tag: Only contacts with this tag.
        owner_id: Only this owner's contacts.
        city: Only this city.
        source: Only this source.
        created_from: Created on or after this day.
        created_to: Created on or before this day.
        not_contacted_days: Only contacts nobody has contacted for this many days.
    """

    kind: RecordKind = "person"
    text: str = ""
    status: ContactStatus | None = None
    level: Level | None = None
    tag: str | None = None
    owner_id: str | None = None
    city: str | None = None
    source: str | None = None
    created_from: date | None = None
    created_to: date | None = None
    not_contacted_days: int | None = None


@dataclass(frozen=True)
class ContactRow:
    """One row of a contact list.

    Attributes:
        rowid: Position key the list keeps.
        kind: ``person`` or ``company``.
        id: The record's global id.
        name: Display name.
        number: Customer number.
        company: Company name (people) or industry (companies).
        company_id: The person's company.
        title: Job title (people).
        phone: First phone as typed.
        email: First email.
        city: First city.
        tags: Tag names, comma-separated.
        status: lead, prospect, customer, inactive.
        level: A, B, C.
        owner: Owner's name.
        owner_id: Owner's id.
        source: Where the contact came from.
        created_at: When created.
        last_contacted_at: When last contacted, if ever.
    """

    rowid: int
    kind: RecordKind
    id: str
    name: str
    number: str | None
    company: str | None
    company_id: str | None
    title: str | None
    phone: str | None
    email: str | None
    city: str | None
    tags: str | None
    status: ContactStatus | None
    level: Level | None
    owner: str | None
    owner_id: str | None
    source: str | None
    created_at: datetime | None
    last_contacted_at: datetime | None


@dataclass(frozen=True)
class Facets:
    """Values offered by the filter bar.

    Attributes:
        tags: Tag names.
        cities: Cities in use (most common first).
        sources: Sources in use.
        owners: ``(id, name)`` of users.
    """

    tags: tuple[str, ...]
    cities: tuple[str, ...]
    sources: tuple[str, ...]
    owners: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ListSnapshot:
    """The size of a contact list, and its ids when they are few enough to hold.

    Attributes:
        count: Rows in the list.
        ids: Row ids in order (text-filtered lists), or ``None`` (rows come by page).
    """

    count: int
    ids: tuple[int, ...] | None


@dataclass(frozen=True)
class SavedView:
    """A named way of looking at a contact list.

    Attributes:
        name: Shown in the sidebar.
        filter: What the list shows.
        sort: The column it is sorted by.
        descending: Sort direction.
        columns: Columns shown, in order (empty: the defaults).
    """

    name: str
    filter: ContactFilter
    sort: str = "name"
    descending: bool = False
    columns: tuple[str, ...] = ()
