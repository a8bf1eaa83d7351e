"""Typed SQLAlchemy 2.x models for the whole domain.

Every tracked row has a global UUIDv7 ``id``, ``created_at``/``updated_at`` moments and a
``deleted_at`` tombstone: deleting sets it, restoring clears it, and reads filter it out. The
change log and operations tables record every change made through services.

Unique keys (tag names, product codes, custom field keys, numbers, settings, a tag on a record)
hold among live rows only: they are partial unique indexes ``WHERE deleted_at IS NULL``
(:func:`live_unique`), so a tombstone never blocks its key. Making a record whose key matches a
tombstone makes a *new* row; the tombstone is not revived (settings excepted: a setting's row is
its key's, and setting it again clears its tombstone). The tombstone keeps its own history, and
the operation that tombstoned it can still be undone or redone, unless that would bring back a
key a live row holds again: then the undo or redo is refused (``KeyTakenError``), nothing
changed. Numbers never meet this: they are drawn past every number ever handed out, tombstones
included, so a number is never reused.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ColumnElement,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from desktop_crm.store.types import ExactDecimal, IdType, UtcDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = IdType()  # canonical UUID text in Python, 16 bytes in the file


class Base(DeclarativeBase):
    """Declarative base with a stable constraint naming scheme for migrations."""

    metadata = MetaData(naming_convention=NAMING)


class Tracked(Base):
    """A row with a global id, timestamps and a tombstone, recorded in the change log."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, default=None)


LIVE_ROWS = text("deleted_at IS NULL")


def live_unique(name: str, *keys: str | ColumnElement[Any], taken: str) -> Index:
    """A unique index over live rows only (a tombstone keeps its key without holding it).

    Args:
        name: The index name.
        keys: Its columns or expressions (``func.lower(...)`` for keys the app compares
            case-insensitively).
        taken: What an undo or redo that would repeat the key says is in the way, as a
            ``str.format`` template over the live row's columns (foreign keys given as the
            referenced row's name), e.g. ``tag “{name}” exists again``.
    """
    return Index(
        name,
        *keys,
        unique=True,
        sqlite_where=LIVE_ROWS,
        postgresql_where=LIVE_ROWS,
        info={"taken": taken},
    )


def fk(target: str, nullable: bool = True, *, index: bool = True) -> Mapped[Any]:
    """A foreign key column to ``target``'s id, indexed unless the table indexes it itself."""
    return mapped_column(ID, ForeignKey(f"{target}.id"), nullable=nullable, index=index)


def _one_owner() -> CheckConstraint:
    return CheckConstraint("(person_id IS NULL) <> (company_id IS NULL)", name="one_owner")


def _owner_indexes(table: str) -> tuple[Index, Index]:
    """An owner's rows in position order in one index seek (cards, search documents)."""
    return (
        Index(f"ix_{table}_person_id", "person_id", "position"),
        Index(f"ix_{table}_company_id", "company_id", "position", **_HAS_COMPANY),
    )


# Most rows belong to a person: an index of company ids holds only the rows that have one
# (``company_id = ?`` implies it, so SQLite still uses the index for every lookup).
_HAS_COMPANY: dict[str, Any] = {
    "sqlite_where": text("company_id IS NOT NULL"),
    "postgresql_where": text("company_id IS NOT NULL"),
}


def company_index(table: str) -> Index:
    """The partial index of ``table.company_id`` (see ``_HAS_COMPANY``)."""
    return Index(f"ix_{table}_company_id", "company_id", **_HAS_COMPANY)


def tombstoned_numbers(table: str) -> Index:
    """Numbers of tombstoned rows: with the live unique index, a number lookup never scans.

    Numbers are never reused, so drawing one checks tombstones too; the live unique index is
    partial and cannot answer that alone.
    """
    where = text("deleted_at IS NOT NULL")
    return Index(
        f"ix_{table}_number_tombstoned",
        "number",
        sqlite_where=where,
        postgresql_where=where,
    )


# Live customers by level, then by the moment their wait started (their last logged contact,
# else their creation): Today's stale customers are one range of it per level, counted and read
# in order, never a pass over every contact. Customers only, so it stays small (a third of the
# 100,000-contact demo's people: 0.6 MB).
_LIVE_CUSTOMERS = text("status = 'customer' AND deleted_at IS NULL")
_WAIT_STARTED = "coalesce(last_contacted_at, created_at)"


def stale_index(table: str) -> Index:
    """``ix_<table>_stale``: see ``_LIVE_CUSTOMERS`` (``services.today.stale`` reads it)."""
    return Index(
        f"ix_{table}_stale",
        "level",
        text(_WAIT_STARTED),
        sqlite_where=_LIVE_CUSTOMERS,
        postgresql_where=_LIVE_CUSTOMERS,
    )


# A birthday's month and day (``Date`` is ISO text in SQLite: characters 6 to 10), as Today's
# birthdays of the week ask for it; indexed for live people who have a birthday only.
BIRTHDAY_DAY = "substr(birthday, 6, 5)"
_HAS_BIRTHDAY = text("birthday IS NOT NULL AND deleted_at IS NULL")


# --- people and companies -------------------------------------------------------------------


class User(Tracked):
    """Someone who uses the workspace (shared in team mode).

    Which one sits at this machine is local state (``store.local_user``), never a flag here:
    with a hub, every laptop shares this table.
    """

    __tablename__ = "users"
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))


class Company(Tracked):
    """An organisation we sell to."""

    __tablename__ = "companies"
    __table_args__ = (
        live_unique(
            "uq_companies_number", "number", taken="customer number {number} is used again"
        ),
        tombstoned_numbers("companies"),
        stale_index("companies"),
    )
    number: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300), index=True)
    industry: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(20), default="lead")
    owner_id: Mapped[str | None] = fk("users", index=False)  # no query looks it up
    notes: Mapped[str | None] = mapped_column(Text)
    last_contacted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # by the current owner


class Person(Tracked):
    """A contact person, optionally working at a company."""

    __tablename__ = "people"
    __table_args__ = (
        live_unique("uq_people_number", "number", taken="customer number {number} is used again"),
        tombstoned_numbers("people"),
        company_index("people"),
        stale_index("people"),
        # Today's birthdays of the week: one seek per day (see BIRTHDAY_DAY).
        Index(
            "ix_people_birthday_day",
            text(BIRTHDAY_DAY),
            sqlite_where=_HAS_BIRTHDAY,
            postgresql_where=_HAS_BIRTHDAY,
        ),
    )
    number: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300), index=True)
    family_name: Mapped[str | None] = mapped_column(String(200))
    given_name: Mapped[str | None] = mapped_column(String(200))
    company_id: Mapped[str | None] = fk("companies", index=False)
    title: Mapped[str | None] = mapped_column(String(200))
    department: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = mapped_column(String(500))
    wechat: Mapped[str | None] = mapped_column(String(100))
    im: Mapped[dict[str, str] | None] = mapped_column(JSON)
    birthday: Mapped[date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str | None] = mapped_column(String(1))
    status: Mapped[str] = mapped_column(String(20), default="lead")
    owner_id: Mapped[str | None] = fk("users", index=False)  # lists filter search_docs
    notes: Mapped[str | None] = mapped_column(Text)
    photo: Mapped[bytes | None] = mapped_column(
        LargeBinary
    )  # not deferred: undo needs the old value
    last_contacted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # by the current owner


class Phone(Tracked):
    """A labelled phone number of a person or a company."""

    __tablename__ = "phones"
    __table_args__ = (_one_owner(), *_owner_indexes("phones"))
    person_id: Mapped[str | None] = fk("people", index=False)
    company_id: Mapped[str | None] = fk("companies", index=False)
    label: Mapped[str] = mapped_column(String(50), default="mobile")
    value: Mapped[str] = mapped_column(String(100))
    e164: Mapped[str | None] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Email(Tracked):
    """A labelled email address of a person or a company."""

    __tablename__ = "emails"
    __table_args__ = (_one_owner(), *_owner_indexes("emails"))
    person_id: Mapped[str | None] = fk("people", index=False)
    company_id: Mapped[str | None] = fk("companies", index=False)
    label: Mapped[str] = mapped_column(String(50), default="work")
    value: Mapped[str] = mapped_column(String(320))  # looked up as lower(value): no index
    position: Mapped[int] = mapped_column(Integer, default=0)


class Address(Tracked):
    """A labelled postal address of a person or a company."""

    __tablename__ = "addresses"
    __table_args__ = (_one_owner(), *_owner_indexes("addresses"))
    person_id: Mapped[str | None] = fk("people", index=False)
    company_id: Mapped[str | None] = fk("companies", index=False)
    label: Mapped[str] = mapped_column(String(50), default="work")
    street: Mapped[str | None] = mapped_column(String(500))
    city: Mapped[str | None] = mapped_column(String(200))  # lists filter search_docs.city
    region: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(40))
    country: Mapped[str | None] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Tag(Tracked):
    """A label that groups contacts; names are unique among live tags, ignoring case."""

    __tablename__ = "tags"
    name: Mapped[str] = mapped_column(String(100))
    color: Mapped[str | None] = mapped_column(String(9))
    __table_args__ = (
        live_unique("uq_tags_name", func.lower(name), taken="tag “{name}” exists again"),
    )


class Tagging(Tracked):
    """A tag on a person or a company (a row of its own so that it syncs and undoes)."""

    __tablename__ = "taggings"
    __table_args__ = (
        _one_owner(),
        live_unique(
            "uq_taggings_tag_person",
            "tag_id",
            "person_id",
            taken="tag “{tag_id}” is on “{person_id}” again",
        ),
        live_unique(
            "uq_taggings_tag_company",
            "tag_id",
            "company_id",
            taken="tag “{tag_id}” is on “{company_id}” again",
        ),
        company_index("taggings"),
    )
    tag_id: Mapped[str] = fk("tags", nullable=False)
    person_id: Mapped[str | None] = fk("people")
    company_id: Mapped[str | None] = fk("companies", index=False)


class CustomFieldDef(Tracked):
    """A user-defined field on people, companies or deals."""

    __tablename__ = "custom_field_defs"
    __table_args__ = (
        live_unique(
            "uq_custom_field_defs_entity",
            "entity",
            "key",
            taken="custom field “{label}” exists again",
        ),
    )
    entity: Mapped[str] = mapped_column(String(30))
    key: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="text")
    options: Mapped[list[str] | None] = mapped_column(JSON)
    position: Mapped[int] = mapped_column(Integer, default=0)


class CustomFieldValue(Tracked):
    """The value of one custom field on one record, as text in a canonical form."""

    __tablename__ = "custom_field_values"
    __table_args__ = (Index("ix_custom_field_values_record", "record_id", "field_id"),)
    field_id: Mapped[str] = fk("custom_field_defs", nullable=False)
    record_id: Mapped[str] = mapped_column(ID)
    value: Mapped[str | None] = mapped_column(Text)


# --- follow-ups -------------------------------------------------------------------------------


class Activity(Tracked):
    """Something that happened: a call, meeting, visit, email, message or note."""

    __tablename__ = "activities"
    __table_args__ = (company_index("activities"),)
    kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    person_id: Mapped[str | None] = fk("people")
    company_id: Mapped[str | None] = fk("companies", index=False)
    # Timelines read activities by person, company or date; nothing by deal or user yet.
    deal_id: Mapped[str | None] = fk("deals", index=False)
    user_id: Mapped[str | None] = fk("users", index=False)


class FollowUp(Tracked):
    """A planned follow-up due on a day, or at a moment (see ``domain.followup_time``)."""

    __tablename__ = "follow_ups"
    __table_args__ = (
        # Open follow-ups only, covering their due and snooze columns and id: the reminder
        # check and Today walk these, never the closed ones that pile up over the years, and
        # join a reminder's mark by the id without reading the follow-up's row.
        Index(
            "ix_follow_ups_open",
            "due_on",
            "due_at",
            "remind_at",
            "id",
            sqlite_where=text("status = 'planned' AND deleted_at IS NULL"),
            postgresql_where=text("status = 'planned' AND deleted_at IS NULL"),
        ),
    )
    kind: Mapped[str] = mapped_column(String(20), default="call")
    subject: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date] = mapped_column(Date, index=True)  # a timed one's local day
    due_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)  # timed: moment
    due_zone: Mapped[str | None] = mapped_column(String(64))  # IANA zone it was planned in
    remind_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)  # snoozed
    repeat: Mapped[str | None] = mapped_column(String(200))  # RRULE body (domain.repeat)
    series_start: Mapped[date | None] = mapped_column(Date)  # a repeat's first day
    series_id: Mapped[str | None] = mapped_column(ID)  # the first follow-up of its series
    # A repeat's occurrence moved off its day: the series day it stands for (its slot).
    series_day: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="planned", index=True)
    person_id: Mapped[str | None] = fk("people")
    company_id: Mapped[str | None] = fk("companies")
    # Follow-ups are read by day and status (the due_on and status indexes), few per owner.
    deal_id: Mapped[str | None] = fk("deals", index=False)
    owner_id: Mapped[str | None] = fk("users", index=False)
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    activity_id: Mapped[str | None] = fk("activities", index=False)
    notes: Mapped[str | None] = mapped_column(Text)


# --- the funnel -------------------------------------------------------------------------------


class Pipeline(Tracked):
    """A sales process with its ordered stages."""

    __tablename__ = "pipelines"
    name: Mapped[str] = mapped_column(String(200))
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    currency: Mapped[str | None] = mapped_column(String(3))  # None: the workspace's currency


class Stage(Tracked):
    """One step of a pipeline with its win probability."""

    __tablename__ = "stages"
    pipeline_id: Mapped[str] = fk("pipelines", nullable=False)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    probability: Mapped[int] = mapped_column(Integer, default=0)  # percent
    kind: Mapped[str] = mapped_column(String(10), default="open")
    rotting_days: Mapped[int | None] = mapped_column(Integer)  # an open deal waiting longer
    colour: Mapped[str | None] = mapped_column(String(7))  # "#rrggbb"


class Deal(Tracked):
    """An opportunity moving through a pipeline."""

    __tablename__ = "deals"
    __table_args__ = (
        live_unique("uq_deals_number", "number", taken="deal number {number} is used again"),
        tombstoned_numbers("deals"),
    )
    number: Mapped[str | None] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    # A stage belongs to one pipeline: the kanban board reads deals by stage (kept indexed).
    pipeline_id: Mapped[str] = fk("pipelines", nullable=False, index=False)
    stage_id: Mapped[str] = fk("stages", nullable=False)
    company_id: Mapped[str | None] = fk("companies")
    person_id: Mapped[str | None] = fk("people")
    owner_id: Mapped[str | None] = fk("users", index=False)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    expected_close: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date)
    lost_reason: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(String(200))  # referral, website…
    # Win probability (%), set from the stage on every stage change; None: the stage's.
    probability: Mapped[int | None] = mapped_column(Integer)
    board_rank: Mapped[float | None] = mapped_column(Float)  # order in a board column; None last


class DealStageChange(Tracked):
    """A deal's move from one stage to another."""

    __tablename__ = "deal_stage_changes"
    deal_id: Mapped[str] = fk("deals", nullable=False)
    # Read by deal (its history); stage totals come from deals themselves.
    from_stage_id: Mapped[str | None] = fk("stages", index=False)
    to_stage_id: Mapped[str] = fk("stages", nullable=False, index=False)
    moved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_id: Mapped[str | None] = fk("users")


# --- products, quotes and contracts -------------------------------------------------------------


class Product(Tracked):
    """Something we sell, with its list price and tax rate; codes are unique ignoring case."""

    __tablename__ = "products"
    sku: Mapped[str | None] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    name_alt: Mapped[str | None] = mapped_column(String(300))  # in the other language
    description: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(30))
    price: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    price_includes_tax: Mapped[bool] = mapped_column(Boolean, default=False)  # 含税价
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    tax_rate: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))  # percent
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    __table_args__ = (
        live_unique("uq_products_sku", func.lower(sku), taken="product code “{sku}” is used again"),
    )


class Quote(Tracked):
    """A priced offer to a customer, at its latest revision (earlier ones in QuoteRevision).

    The customer is the company when there is one, else the person; with both, the person is
    the contact. ``language`` (``en``/``zh``) is the documents' language: the customer's.
    """

    __tablename__ = "quotes"
    __table_args__ = (
        live_unique("uq_quotes_number", "number", taken="quote number {number} is used again"),
        tombstoned_numbers("quotes"),
    )
    number: Mapped[str] = mapped_column(String(40))
    deal_id: Mapped[str | None] = fk("deals")
    company_id: Mapped[str | None] = fk("companies")
    person_id: Mapped[str | None] = fk("people")
    owner_id: Mapped[str | None] = fk("users")
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), default="draft")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    template: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    terms: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))


class QuoteRevision(Tracked):
    """An earlier revision of a quote, frozen when a sent quote was edited (readable, printable).

    ``snapshot`` holds the quote and its lines as they were (JSON forms: decimals as strings,
    dates as ISO text); the current revision lives in ``quotes`` and ``quote_lines``.
    """

    __tablename__ = "quote_revisions"
    __table_args__ = (
        live_unique(
            "uq_quote_revisions_quote",
            "quote_id",
            "revision",
            taken="revision {revision} of this quote exists again",
        ),
    )
    quote_id: Mapped[str] = fk("quotes", nullable=False, index=False)
    revision: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)


class QuoteLine(Tracked):
    """One line of a quote: an item (from the catalogue or free text) or a section heading."""

    __tablename__ = "quote_lines"
    quote_id: Mapped[str] = fk("quotes", nullable=False)
    product_id: Mapped[str | None] = fk("products")
    kind: Mapped[str] = mapped_column(String(10), default="item")  # item | section
    description: Mapped[str] = mapped_column(String(500))
    quantity: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(1))
    unit: Mapped[str | None] = mapped_column(String(30))
    unit_price: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    price_includes_tax: Mapped[bool] = mapped_column(Boolean, default=False)
    discount: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    discount_is_percent: Mapped[bool] = mapped_column(Boolean, default=True)
    tax_rate: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    optional: Mapped[bool] = mapped_column(Boolean, default=False)  # not in the total
    position: Mapped[int] = mapped_column(Integer, default=0)


class Contract(Tracked):
    """A signed agreement, usually from an accepted quote."""

    __tablename__ = "contracts"
    __table_args__ = (
        live_unique(
            "uq_contracts_number", "number", taken="contract number {number} is used again"
        ),
        tombstoned_numbers("contracts"),
    )
    number: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(300))
    quote_id: Mapped[str | None] = fk("quotes")
    deal_id: Mapped[str | None] = fk("deals")
    company_id: Mapped[str | None] = fk("companies")
    person_id: Mapped[str | None] = fk("people")
    owner_id: Mapped[str | None] = fk("users")
    signed_on: Mapped[date | None] = mapped_column(Date)
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    template: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)
    quote_revision: Mapped[int | None] = mapped_column(Integer)  # whose lines it carries
    terms: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(2))
    # The tax rounding rule its lines were priced with when it was made (``per_line`` or
    # ``per_rate``): the contract prints and reports that, whatever the setting says later.
    tax_rounding: Mapped[str | None] = mapped_column(String(10))


class PaymentPlan(Tracked):
    """An instalment a contract expects on a day (``percent`` when it was planned as one)."""

    __tablename__ = "payment_plans"
    contract_id: Mapped[str] = fk("contracts", nullable=False)
    due_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    percent: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(String(500))


class Payment(Tracked):
    """Money received against a contract."""

    __tablename__ = "payments"
    contract_id: Mapped[str] = fk("contracts", nullable=False)
    plan_id: Mapped[str | None] = fk("payment_plans")
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    method: Mapped[str | None] = mapped_column(String(50))
    reference: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(500))


class DocumentTemplate(Tracked):
    """A user's document template (a copy of a shipped one, changed); travels with the data.

    ``spec`` is the template's JSON form (``documents.templates.template_to_json``).
    """

    __tablename__ = "document_templates"
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))  # quote | contract
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    __table_args__ = (
        live_unique(
            "uq_document_templates_name", func.lower(name), taken="template “{name}” exists again"
        ),
    )


class SalesTarget(Tracked):
    """A user's sales goal for a period."""

    __tablename__ = "sales_targets"
    user_id: Mapped[str | None] = fk("users")
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(ExactDecimal)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")


# --- workspace bookkeeping ----------------------------------------------------------------------


class Setting(Tracked):
    """A workspace setting shared by everyone on the workspace (JSON value)."""

    __tablename__ = "settings"
    __table_args__ = (live_unique("uq_settings_key", "key", taken="setting {key} is set again"),)
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[Any] = mapped_column(JSON)


class ImportBatch(Tracked):
    """One import run: its file, mapping, counts and the operation that undoes it."""

    __tablename__ = "import_batches"
    source_name: Mapped[str] = mapped_column(String(500))
    file_format: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(30))
    operation_id: Mapped[str | None] = mapped_column(ID)
    mapping: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)


class Operation(Base):
    """One user action (an edit, an import, a merge, an undo) grouping its changes."""

    __tablename__ = "operations"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    label: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20), default="edit")
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    actor_id: Mapped[str | None] = mapped_column(ID)
    target_id: Mapped[str | None] = mapped_column(ID)  # what an undo/redo acts on
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class PrintRecord(Base):
    """A quote or contract printed or saved as PDF: when, which revision, which template.

    A log, not an edit: nothing to undo, so it stays out of the change log.
    """

    __tablename__ = "print_log"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # quote | contract
    record_id: Mapped[str] = mapped_column(ID, index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    template: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(2))
    paper: Mapped[str] = mapped_column(String(10))
    destination: Mapped[str] = mapped_column(String(10))  # pdf | printer
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(ID)


class ReminderMark(Base):
    """Which reminder of a follow-up this machine has shown (its key, see followup_time).

    Machine-local bookkeeping, like the print log: not in the change log, never synced.
    """

    __tablename__ = "reminder_marks"
    follow_up_id: Mapped[str] = mapped_column(ID, primary_key=True)
    shown: Mapped[str] = mapped_column(String(40))
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class Change(Base):
    """One row's change in an operation.

    ``values`` holds JSON forms, field -> ``[old, new]``, for an ``update``, ``delete``
    (``deleted_at`` set) or ``restore`` (``deleted_at`` cleared). A ``create`` logs no values:
    the row holds what was created, and later changes are logged against it.
    """

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity_id", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(ID, unique=True)
    operation_id: Mapped[str] = mapped_column(ID, ForeignKey("operations.id"), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(ID)
    action: Mapped[str] = mapped_column(String(10))  # create, update, delete, restore
    values: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor_id: Mapped[str | None] = mapped_column(ID)


class NumberSequence(Base):
    """The last number handed out for one counter, bumped in the caller's transaction."""

    __tablename__ = "number_sequences"
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class LocalState(Base):
    """Machine-local bookkeeping (last backup and the like); never synced nor logged."""

    __tablename__ = "local_state"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SyncOutbox(Base):
    """An operation this machine made that the team hub has not yet acknowledged.

    Written in the operation's own transaction (team mode only), so a crash never loses the
    record that something changed. ``base`` is the hub sequence this machine had pulled up to
    when the operation was made: the hub merges against it (what the user had seen).
    """

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    operation_id: Mapped[str] = mapped_column(ID, unique=True)
    base: Mapped[int] = mapped_column(Integer)
    # The hub sequence that applied it, once acknowledged (kept: a hub restored from an older
    # dump is re-sent what it lost).
    acked: Mapped[int | None] = mapped_column(Integer)


class SyncConflict(Base):
    """One field two machines changed apart, as the hub recorded it (both values kept).

    ``kept`` is the value the hub holds (pushed first), ``offered`` the one pushed later that
    was not applied; each with who, which machine and when (their own clocks: shown, never
    merged on). Resolved conflicts stay until the hub's resolution is pulled.
    """

    __tablename__ = "sync_conflicts"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    hub_seq: Mapped[int] = mapped_column(Integer)
    entity: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(ID, index=True)
    field: Mapped[str] = mapped_column(String(60))
    base: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept: Mapped[Any] = mapped_column(JSON, nullable=True)
    offered: Mapped[Any] = mapped_column(JSON, nullable=True)
    kept_by: Mapped[str | None] = mapped_column(String(200))
    kept_device: Mapped[str | None] = mapped_column(String(36))
    kept_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    offered_by: Mapped[str | None] = mapped_column(String(200))
    offered_device: Mapped[str | None] = mapped_column(String(36))
    offered_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    chosen: Mapped[Any] = mapped_column(JSON, nullable=True)  # resolved here, not yet pushed


LIST_SORT_COLUMNS = (
    "sort_name",
    "company",
    "city",
    "status",
    "level",
    "created_at",
    "last_contacted_at",
)


CONTACT_KINDS = ("person", "company")
# How ``search_docs.kind`` stores each kind: SQLite keeps the integers 0 and 1 in no bytes, which
# saved 5 MB over the words on 100,000 contacts (the kind leads every list index).
KIND_CODES = {"person": 0, "company": 1}
SHORT_PREFIX = 8  # characters of ``short`` that its index keeps


def list_index(column: str) -> Index:
    """A kind's documents sorted by ``column``, then by rowid.

    SQLite appends the rowid to every index entry anyway: naming it as a column stored it twice.
    """
    return Index(f"ix_search_docs_{column}", "kind", column)


class SearchDoc(Base):
    """The derived document of one person or company, for search and for lists.

    Rebuilt from the records at any time. ``short`` (name, pinyin, initials, company, city,
    tags) serves search queries of one or two characters; ``short`` and ``body`` (everything
    else, phone digits included) feed the FTS5 trigram index ``search_fts``. The list columns
    let the contact lists sort and page through one narrow table with an index per usual sort
    column, instead of joining and sorting the records.
    """

    __tablename__ = "search_docs"
    __table_args__ = (
        # A prefix finds names that start with a query (the ones sharing it are sorted after):
        # indexing the whole key cost 7 MB on 100,000 contacts, this 2 MB.
        Index("ix_search_docs_short_prefix", text(f"substr(short, 1, {SHORT_PREFIX})")),
        *(list_index(c) for c in LIST_SORT_COLUMNS),
    )
    rowid: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[int] = mapped_column(SmallInteger)  # a value of KIND_CODES
    record_id: Mapped[str] = mapped_column(ID, unique=True)
    name: Mapped[str] = mapped_column(Text)
    short: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text)  # pinyin first, so 张 sorts under Z
    number: Mapped[str | None] = mapped_column(String(40))
    company: Mapped[str | None] = mapped_column(Text)
    company_id: Mapped[str | None] = mapped_column(ID)
    title: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    tags: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))
    level: Mapped[str | None] = mapped_column(String(1))
    owner_id: Mapped[str | None] = mapped_column(ID)
    source: Mapped[str | None] = mapped_column(Text)
    # Integer microseconds since 1970 (``search_index.moment_key``): 8 bytes, not 27 characters.
    created_at: Mapped[int] = mapped_column(Integer)
    last_contacted_at: Mapped[int | None] = mapped_column(Integer)


TRACKED_MODELS: dict[str, type[Tracked]] = {m.__tablename__: m for m in Tracked.__subclasses__()}
