"""What the contacts services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_crm.domain.choices import DuplicateReason, ProblemCode, ProblemField, RecordKind
from desktop_crm.domain.vocab import ContactStatus, CustomFieldKind, Level


@dataclass(frozen=True)
class Labelled:
    """A phone number or email address with its label.

    Attributes:
        label: mobile, work, home, fax...
        value: As typed.
        id: The stored row, or ``None`` for a new one.
    """

    label: str
    value: str
    id: str | None = None


@dataclass(frozen=True)
class AddressData:
    """A postal address on a card.

    Attributes:
        label: work, home...
        street: Street lines.
        city: City.
        region: Province or state.
        postcode: Postal code.
        country: Country.
        id: The stored row, or ``None`` for a new one.
    """

    label: str = "work"
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class PersonDraft:
    """Everything the person editor saves (``id`` None for a new person).

    Attributes:
        id: The person, or ``None`` to create one.
        name: Display name.
        company_id: Their company.
        company_name: A company typed by name: the existing one of that name, else a new one
            (used when ``company_id`` is ``None``).
        title: Job title.
        department: Department.
        status: lead, prospect, customer, inactive.
        level: A, B, C or ``None``.
        source: Where they came from.
        owner_id: Who looks after them.
        birthday: Birthday.
        wechat: WeChat id.
        website: Web site.
        notes: Free text.
        phones: Phones in order.
        emails: Emails in order.
        addresses: Addresses in order.
        photo: Photo bytes (JPEG or PNG), or ``None`` for none.
        photo_changed: Whether to store ``photo`` (otherwise the stored photo stays).
        custom: ``(field id, value)`` of custom fields; an empty value clears one.
        tags: The person's tags (created when new); ``None`` leaves them as they are.
        im: ``(service, id)`` of messengers other than WeChat; ``None`` leaves them.
    """

    name: str
    id: str | None = None
    company_id: str | None = None
    company_name: str | None = None
    title: str | None = None
    department: str | None = None
    status: ContactStatus = ContactStatus.LEAD
    level: Level | None = None
    source: str | None = None
    owner_id: str | None = None
    birthday: date | None = None
    wechat: str | None = None
    website: str | None = None
    notes: str | None = None
    phones: tuple[Labelled, ...] = ()
    emails: tuple[Labelled, ...] = ()
    addresses: tuple[AddressData, ...] = ()
    photo: bytes | None = None
    photo_changed: bool = False
    custom: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] | None = None
    im: tuple[tuple[str, str], ...] | None = None


@dataclass(frozen=True)
class FieldProblem:
    """Something wrong with one field of a draft, shown in place.

    Attributes:
        field: ``name``, ``phones``, ``emails``...
        index: Which phone or email (for lists), else ``None``.
        message: What is wrong, in English (the UI translates from ``code``).
        code: ``required``, ``invalid``, ``space``, ``unknown``.
        value: The value as typed.
    """

    field: ProblemField
    index: int | None
    message: str
    code: ProblemCode = "invalid"
    value: str = ""


@dataclass(frozen=True)
class CustomFieldInfo:
    """A custom field definition.

    Attributes:
        id: The definition.
        entity: ``person`` or ``company``.
        label: Shown on cards and in the editor.
        kind: text, number, date, choice or bool.
        options: Choices for ``choice`` fields.
    """

    id: str
    entity: RecordKind
    label: str
    kind: CustomFieldKind
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class DuplicateHint:
    """An existing contact that looks like the one being typed.

    Attributes:
        id: The existing person.
        name: Their name.
        reason: ``phone``, ``email`` or ``name``.
        detail: What matched.
    """

    id: str
    name: str
    reason: DuplicateReason
    detail: str


@dataclass(frozen=True)
class CompanyDraft:
    """Everything the company editor saves (``id`` None for a new company).

    Attributes:
        name: Company name.
        id: The company, or ``None`` to create one.
        industry: Industry.
        website: Web site.
        status: lead, prospect, customer, inactive.
        level: A, B, C or ``None``.
        source: Where it came from.
        owner_id: Who looks after it.
        notes: Free text.
        phones: Phones in order.
        emails: Emails in order.
        addresses: Addresses in order.
    """

    name: str
    id: str | None = None
    industry: str | None = None
    website: str | None = None
    status: ContactStatus = ContactStatus.LEAD
    level: Level | None = None
    source: str | None = None
    owner_id: str | None = None
    notes: str | None = None
    phones: tuple[Labelled, ...] = ()
    emails: tuple[Labelled, ...] = ()
    addresses: tuple[AddressData, ...] = ()
