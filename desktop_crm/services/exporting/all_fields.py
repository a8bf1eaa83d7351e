"""Every field of people or companies as rows of plain values (``export --columns all``).

The list columns show one phone, one email and one city; this export keeps every phone and
email (joined with "; "), the first address in its own columns and any others in one, the
birthday, messengers, notes and custom fields. Headers are the import's own field names, so
the file imports back into a workspace without choosing columns by hand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import (
    Address,
    Company,
    CustomFieldDef,
    CustomFieldValue,
    Email,
    Person,
    Phone,
    Tag,
    Tagging,
    User,
)

_ADDRESS = (
    ("street", "Street"),
    ("city", "City"),
    ("region", "Region"),  # the import does not recognise its own "Province / state" label
    ("postcode", "Postcode"),
    ("country", "Country"),
)
# key -> header, in the order written; custom fields follow.
PEOPLE_FIELDS: dict[str, str] = {
    "number": "No.",
    "name": "Name",
    "family_name": "Family name",
    "given_name": "Given name",
    "company": "Company",
    "title": "Job title",
    "department": "Department",
    "mobile": "Mobile",
    "phone": "Work phone",
    "home_phone": "Home phone",
    "fax": "Fax",
    "email": "Email",
    "email2": "Other email",
    **dict(_ADDRESS),
    "other_addresses": "Other addresses",
    "website": "Website",
    "wechat": "WeChat",
    "qq": "QQ",
    "messengers": "Other messengers",
    "birthday": "Birthday",
    "tags": "Tags",
    "source": "Source",
    "owner": "Owner",
    "level": "Level",
    "status": "Status",
    "notes": "Notes",
    "created_at": "Created",
    "last_contacted_at": "Last contact",
}
COMPANY_FIELDS: dict[str, str] = {
    "number": "No.",
    "name": "Company name",
    "industry": "Industry",
    "phone": "Phone",
    "mobile": "Mobile",
    "fax": "Fax",
    "email": "Email",
    **dict(_ADDRESS),
    "other_addresses": "Other addresses",
    "website": "Website",
    "tags": "Tags",
    "source": "Source",
    "owner": "Owner",
    "level": "Level",
    "status": "Status",
    "notes": "Notes",
    "created_at": "Created",
    "last_contacted_at": "Last contact",
}
# Phone labels with a column of their own; any other label goes with "phone".
_PHONE_COLUMNS = {"mobile": "mobile", "home": "home_phone", "fax": "fax"}
# Written under the key "phone", which xlsx keeps as text (see table_writer.TEXT_COLUMNS).
_TEXT_LIKE = {"mobile", "home_phone", "fax", "qq"}


def all_fields(
    session: Session, kind: str, record_ids: Sequence[str]
) -> tuple[list[str], list[str], Iterator[list[Any]]]:
    """Column keys, headers and rows of every field of these records, in the order given.

    Args:
        session: A read session (kept open while the rows are read).
        kind: ``person`` or ``company``.
        record_ids: The records, in the order to write them.

    Returns:
        Keys (``custom:<label>`` for custom fields; every phone column as ``phone``, so that
        writers keep them as text), headers, and the rows.
    """
    fields = PEOPLE_FIELDS if kind == "person" else COMPANY_FIELDS
    custom = list(
        session.execute(
            select(CustomFieldDef.id, CustomFieldDef.label)
            .where(CustomFieldDef.entity == kind, CustomFieldDef.deleted_at.is_(None))
            .order_by(CustomFieldDef.position, CustomFieldDef.label)
        )
    )
    headers = list(fields.values())
    taken = {h.casefold() for h in headers}
    for _fid, label in custom:
        # A custom field named like a built-in column must not hide it when read back.
        headers.append(label if label.casefold() not in taken else f"{label} (custom)")
    keys = ["phone" if k in _TEXT_LIKE else k for k in fields]
    keys += [f"custom:{label}" for _fid, label in custom]
    owners = dict(session.execute(select(User.id, User.name)).all())

    def rows() -> Iterator[list[Any]]:
        for chunk in in_chunks(record_ids):
            values = _chunk(session, kind, chunk, owners)
            extra = _custom_values(session, chunk)
            for rid in chunk:
                record = values.get(rid)
                if record is None:
                    continue
                own = extra.get(rid, {})
                yield [record.get(k) for k in fields] + [own.get(fid) for fid, _l in custom]

    return keys, headers, rows()


def _chunk(
    session: Session, kind: str, ids: list[str], owners: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Field values of the live records among ``ids``."""
    found: dict[str, dict[str, Any]] = {}
    if kind == "person":
        for p, company in session.execute(
            select(Person, Company.name)
            .outerjoin(Company, Company.id == Person.company_id)
            .where(Person.id.in_(ids), Person.deleted_at.is_(None))
        ):
            im = dict(p.im or {})
            qq = im.pop("qq", None)
            found[p.id] = {
                "number": p.number,
                "name": p.name,
                "family_name": p.family_name,
                "given_name": p.given_name,
                "company": company,
                "title": p.title,
                "department": p.department,
                "website": p.website,
                "wechat": p.wechat,
                "qq": qq,
                "messengers": "; ".join(f"{k}: {v}" for k, v in sorted(im.items())) or None,
                "birthday": p.birthday,
                "source": p.source,
                "owner": owners.get(p.owner_id or ""),
                "level": p.level,
                "status": p.status,
                "notes": p.notes,
                "created_at": p.created_at,
                "last_contacted_at": p.last_contacted_at,
            }
        owner_column: Any = Phone.person_id
    else:
        for c in session.scalars(
            select(Company).where(Company.id.in_(ids), Company.deleted_at.is_(None))
        ):
            found[c.id] = {
                "number": c.number,
                "name": c.name,
                "industry": c.industry,
                "website": c.website,
                "source": c.source,
                "owner": owners.get(c.owner_id or ""),
                "level": c.level,
                "status": c.status,
                "notes": c.notes,
                "created_at": c.created_at,
                "last_contacted_at": c.last_contacted_at,
            }
        owner_column = Phone.company_id
    person = kind == "person"
    _add_phones(session, found, ids, owner_column)
    _add_emails(session, found, ids, Email.person_id if person else Email.company_id, person)
    _add_addresses(session, found, ids, Address.person_id if person else Address.company_id)
    _add_tags(session, found, ids, Tagging.person_id if person else Tagging.company_id)
    return found


def _joined(found: dict[str, dict[str, Any]], rid: str, key: str, value: str) -> None:
    record = found.get(rid)
    if record is not None:
        record[key] = f"{record[key]}; {value}" if record.get(key) else value


def _add_phones(
    session: Session, found: dict[str, dict[str, Any]], ids: list[str], owner: Any
) -> None:
    for rid, label, value in session.execute(
        select(owner, Phone.label, Phone.value)
        .where(owner.in_(ids), Phone.deleted_at.is_(None))
        .order_by(Phone.position)
    ):
        _joined(found, rid, _PHONE_COLUMNS.get(label, "phone"), value)


def _add_emails(
    session: Session, found: dict[str, dict[str, Any]], ids: list[str], owner: Any, split: bool
) -> None:
    for rid, label, value in session.execute(
        select(owner, Email.label, Email.value)
        .where(owner.in_(ids), Email.deleted_at.is_(None))
        .order_by(Email.position)
    ):
        # People's import reads "Other email" as the "other" label; companies have one column.
        _joined(found, rid, "email2" if split and label == "other" else "email", value)


def _add_addresses(
    session: Session, found: dict[str, dict[str, Any]], ids: list[str], owner: Any
) -> None:
    placed: set[str] = set()
    for a in session.scalars(
        select(Address)
        .where(owner.in_(ids), Address.deleted_at.is_(None))
        .order_by(Address.position)
    ):
        rid = str(a.person_id or a.company_id)
        record = found.get(rid)
        if record is None:
            continue
        parts = {"street": a.street, "city": a.city, "region": a.region}
        parts |= {"postcode": a.postcode, "country": a.country}
        if rid not in placed:  # the first address in its own columns, as import reads it
            record.update(parts)
            placed.add(rid)
            continue
        shown = ", ".join(v for v in parts.values() if v)
        if shown:
            _joined(found, rid, "other_addresses", f"{a.label}: {shown}")


def _add_tags(
    session: Session, found: dict[str, dict[str, Any]], ids: list[str], owner: Any
) -> None:
    for rid, name in session.execute(
        select(owner, Tag.name)
        .join(Tag, Tag.id == Tagging.tag_id)
        .where(owner.in_(ids), Tagging.deleted_at.is_(None), Tag.deleted_at.is_(None))
        .order_by(Tag.name)
    ):
        _joined(found, rid, "tags", name)


def _custom_values(session: Session, ids: list[str]) -> dict[str, dict[str, str | None]]:
    values: dict[str, dict[str, str | None]] = defaultdict(dict)
    for rid, fid, value in session.execute(
        select(CustomFieldValue.record_id, CustomFieldValue.field_id, CustomFieldValue.value).where(
            CustomFieldValue.record_id.in_(ids), CustomFieldValue.deleted_at.is_(None)
        )
    ):
        values[rid][fid] = value
    return values
