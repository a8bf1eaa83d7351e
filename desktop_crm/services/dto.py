"""Plain frozen results that services return (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path


@dataclass(frozen=True)
class ChangeResult:
    """What a mutation changed, so that views can refresh and the CLI can report.

    Attributes:
        operation_id: The operation that ``undo`` takes (``None`` if nothing changed).
        created: Rows created.
        updated: Rows updated.
        deleted: Rows tombstoned.
        restored: Rows brought back from tombstones.
        skipped: Inputs deliberately left alone.
        failed: Inputs that could not be stored.
        entities: Tables touched, e.g. ``{"people", "phones"}``.
        ids: Ids of the main records created or changed, in input order.
    """

    operation_id: str | None
    created: int = 0
    updated: int = 0
    deleted: int = 0
    restored: int = 0
    skipped: int = 0
    failed: int = 0
    entities: frozenset[str] = frozenset()
    ids: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """The CLI's ``--json`` summary."""
        return {
            "created": self.created,
            "updated": self.updated + self.restored,
            "deleted": self.deleted,
            "skipped": self.skipped,
            "failed": self.failed,
            "operation_id": self.operation_id,
        }


@dataclass(frozen=True)
class OperationSummary:
    """One entry of the history.

    Attributes:
        id: Operation id.
        label: What the user did, e.g. "Edit 张三".
        kind: ``edit``, ``import``, ``merge``, ``bulk``, ``demo``, ``undo``, ``redo``, ``system``.
        at: When.
        changes: Number of rows it changed.
        undone: Whether it is currently undone.
        target_id: For undo/redo: the operation acted on.
    """

    id: str
    label: str
    kind: str
    at: datetime
    changes: int
    undone: bool
    target_id: str | None = None


@dataclass(frozen=True)
class BackupInfo:
    """A backup file.

    Attributes:
        path: Where it is.
        at: When it was taken.
        reason: Why it was taken.
        size: Bytes.
    """

    path: Path
    at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class CheckReport:
    """Result of ``desktop-crm check``.

    Attributes:
        path: The workspace checked.
        ok: Whether the file is healthy and this version can open it.
        schema_version: The file's schema version (0 if unreadable).
        supported_version: The newest schema this version knows.
        integrity: ``"ok"`` or SQLite's description of the damage.
        problem: One line saying what is wrong, or ``None``.
        code: The error code of the problem, or ``None``.
    """

    path: Path
    ok: bool
    schema_version: int
    supported_version: int
    integrity: str
    problem: str | None = None
    code: str | None = None


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
    kind: str
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
        open_pipeline: Sum of open deal amounts.
    """

    today: date
    overdue: int
    due_today: int
    upcoming: int
    items: tuple[FollowUpItem, ...]
    stale_customers: int
    stale_days: int
    open_pipeline: Decimal


@dataclass(frozen=True)
class SearchHit:
    """One result of the global search.

    Attributes:
        kind: ``person``, ``company``, ``deal`` or ``quote``.
        id: The record's id.
        title: The main line.
        subtitle: A second line (company, stage, amount).
    """

    kind: str
    id: str
    title: str
    subtitle: str = ""


@dataclass(frozen=True)
class PersonInput:
    """Fields for creating a person (phones and emails as ``(label, value)`` pairs).

    Attributes:
        name: Display name; required.
        company_id: The company they work at.
        title: Job title.
        status: lead, prospect, customer or inactive.
        level: A, B or C.
        source: Where the contact came from.
        notes: Free text.
        phones: ``(label, value)`` pairs.
        emails: ``(label, value)`` pairs.
    """

    name: str
    company_id: str | None = None
    title: str | None = None
    status: str = "lead"
    level: str | None = None
    source: str | None = None
    notes: str | None = None
    phones: tuple[tuple[str, str], ...] = ()
    emails: tuple[tuple[str, str], ...] = ()


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

    kind: str = "person"
    text: str = ""
    status: str | None = None
    level: str | None = None
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
    kind: str
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
    status: str | None
    level: str | None
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
    status: str = "lead"
    level: str | None = None
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

    field: str
    index: int | None
    message: str
    code: str = "invalid"
    value: str = ""


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
    kind: str
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

    kind: str
    id: str
    name: str
    number: str | None
    title: str | None
    company_id: str | None
    company: str | None
    department: str | None
    status: str
    level: str | None
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
    entity: str
    label: str
    kind: str
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
    reason: str
    detail: str


@dataclass(frozen=True)
class DuplicatePair:
    """Two people who are probably the same.

    Attributes:
        first_id: One of them (the older).
        first_name: Their name.
        second_id: The other.
        second_name: Their name.
        score: 0-100, higher is surer.
        reasons: What matched: ``phone``, ``email``, ``name``.
    """

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    score: int
    reasons: tuple[str, ...]


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
    status: str = "lead"
    level: str | None = None
    source: str | None = None
    owner_id: str | None = None
    notes: str | None = None
    phones: tuple[Labelled, ...] = ()
    emails: tuple[Labelled, ...] = ()
    addresses: tuple[AddressData, ...] = ()


@dataclass(frozen=True)
class ImportField:
    """A field an imported column can fill.

    Attributes:
        key: What a mapping names (``name``, ``mobile``, ``custom:Budget``...).
        label: Its English label (the UI shows its own translation).
        kind: How cells are read: text, phones, emails, date, amount, percent...
    """

    key: str
    label: str
    kind: str


@dataclass(frozen=True)
class PreviewCell:
    """One cell as it will be stored.

    Attributes:
        shown: The value stored, as text.
        problem: Why it cannot be stored as mapped (it is kept in notes), or ``None``.
    """

    shown: str
    problem: str | None = None


@dataclass(frozen=True)
class PreviewRow:
    """One row of the import preview.

    Attributes:
        number: Its row number in the sheet.
        cells: One per column.
        problem: Why the whole row cannot be imported (it goes to the error workbook).
    """

    number: int
    cells: tuple[PreviewCell, ...]
    problem: str | None = None


@dataclass(frozen=True)
class ImportPreview:
    """What an import of one sheet would store, before anything is written.

    Attributes:
        path: The file.
        kind: xlsx, xls, ods, fods, csv, html, xml (Excel 2003) or ldif.
        entity: people, companies, deals or products.
        sheets: Every sheet's name.
        sheet: The sheet shown.
        header_row: The header's row number (1-based), or ``None`` when there is none.
        columns: Column names.
        samples: Per column, its first few values as written in the file.
        mapping: Column index -> field key (``custom:<label>``, ``ignore``); unmapped columns
            are kept in notes.
        date_orders: Column index -> YMD, DMY or MDY, for date columns.
        fields: What columns can be mapped to.
        required: Fields of which a record needs at least one (a column must map to one).
        custom_fields: Labels of the existing custom fields (people and companies).
        total_rows: Data rows in the sheet.
        rows: The first rows, as they will be stored.
        problem_count: Cells with a problem among the rows shown.
        profile: The file a remembered mapping came from, when one was used.
        encoding: The text encoding found (text files).
        delimiter: The delimiter found (text files).
    """

    path: Path
    kind: str
    entity: str
    sheets: tuple[str, ...]
    sheet: str
    header_row: int | None
    columns: tuple[str, ...]
    samples: tuple[str, ...]
    mapping: dict[int, str]
    date_orders: dict[int, str]
    fields: tuple[ImportField, ...]
    required: tuple[str, ...]
    custom_fields: tuple[str, ...]
    total_rows: int
    rows: tuple[PreviewRow, ...]
    problem_count: int
    profile: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
