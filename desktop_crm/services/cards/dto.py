"""What the cards services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop_crm.domain.choices import RecordKind, TimelineKind
from desktop_crm.domain.vocab import ContactStatus, Level
from desktop_crm.services.contacts.dto import AddressData, Labelled


@dataclass(frozen=True)
class TimelineItem:
    """One entry of a card's timeline.

    Attributes:
        at: When it happened (or is due).
        kind: ``activity``, ``follow_up``, ``deal``, ``quote``, ``contract`` or ``change``.
        subkind: The activity kind (call, visit...) or follow-up status.
        title: The main line.
        detail: More (body, amounts, changed values).
        who: The person it concerns, on a company card.
    """

    at: datetime
    kind: TimelineKind
    subkind: str
    title: str
    detail: str = ""
    who: str = ""


@dataclass(frozen=True)
class ContactCard:
    """A person's or company's card.

    Attributes:
        kind: ``person`` or ``company``.
        id: The record.
        name: Display name.
        number: Customer number.
        title: Job title (people) or industry (companies).
        company_id: The person's company.
        company: Its name.
        department: Department.
        status: Status.
        level: Level.
        source: Source.
        owner: Owner's name.
        owner_id: Owner's id.
        birthday: Birthday.
        wechat: WeChat id.
        website: Web site.
        notes: Notes.
        photo: Photo bytes.
        im: ``(service, id)`` of other messengers (QQ, Skype...).
        phones: Labelled phones.
        emails: Labelled emails.
        addresses: Addresses.
        tags: Tag names.
        custom: ``(field id, label, value)`` of custom fields that have a value.
        people: On a company card: ``(id, name, title)`` of its people.
        timeline: Newest first.
        last_contacted_at: When last contacted.
    """

    kind: RecordKind
    id: str
    name: str
    number: str | None
    title: str | None
    company_id: str | None
    company: str | None
    department: str | None
    status: ContactStatus
    level: Level | None
    source: str | None
    owner: str | None
    owner_id: str | None
    birthday: date | None
    wechat: str | None
    website: str | None
    notes: str | None
    photo: bytes | None
    im: tuple[tuple[str, str], ...]
    phones: tuple[Labelled, ...]
    emails: tuple[Labelled, ...]
    addresses: tuple[AddressData, ...]
    tags: tuple[str, ...]
    custom: tuple[tuple[str, str, str], ...]
    people: tuple[tuple[str, str, str], ...]
    timeline: tuple[TimelineItem, ...]
    last_contacted_at: datetime | None
