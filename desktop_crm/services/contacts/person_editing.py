"""Saving people from the editor, and duplicate hints while typing.

Problems are reported field by field; phones, emails and addresses are diffed row by row so
that an edit logs (and undoes) only what changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.validation import email_problem, phone_problem
from desktop_crm.domain.vocab import ContactStatus, Level
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live, tag_named
from desktop_crm.services.contacts.custom_fields import check_values, write_values
from desktop_crm.services.contacts.dto import CompanyDraft, DuplicateHint, FieldProblem, PersonDraft
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tag, Tagging
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

SIMPLE_FIELDS = (
    "name",
    "company_id",
    "title",
    "department",
    "status",
    "level",
    "source",
    "owner_id",
    "birthday",
    "wechat",
    "website",
    "notes",
)


class PeopleService:
    """Validate and save what the person editor holds."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def problems(self, draft: PersonDraft | CompanyDraft) -> list[FieldProblem]:
        """Everything wrong with ``draft``, field by field (empty when it can be saved)."""
        with self._store.read() as session:
            region = str(read_setting(session, "phone.default_region"))
        found: list[FieldProblem] = []
        if not draft.name.strip():
            found.append(FieldProblem("name", None, "A name is required.", "required"))
        if draft.status not in {s.value for s in ContactStatus}:
            found.append(
                FieldProblem(
                    "status", None, f"Unknown status {draft.status}.", "unknown", draft.status
                )
            )
        if draft.level is not None and draft.level not in {v.value for v in Level}:
            found.append(
                FieldProblem("level", None, f"Unknown level {draft.level}.", "unknown", draft.level)
            )
        for i, phone in enumerate(draft.phones):
            problem, _e164 = phone_problem(phone.value, region)
            if problem:
                found.append(
                    FieldProblem(
                        "phones", i, f"“{phone.value}” is not a phone number.", problem, phone.value
                    )
                )
        if isinstance(draft, PersonDraft) and draft.custom:
            with self._store.read() as session:
                _clean, custom = check_values(session, draft.custom)
            found += [
                FieldProblem("custom", i, m, "invalid", draft.custom[i][1]) for i, m in custom
            ]
        for i, email in enumerate(draft.emails):
            problem = email_problem(email.value)
            if problem:
                text = "contains a space" if problem == "space" else "is not an email address"
                found.append(
                    FieldProblem("emails", i, f"“{email.value}” {text}.", problem, email.value)
                )
        return found

    def _refuse_problems(self, draft: PersonDraft | CompanyDraft) -> None:
        problems = self.problems(draft)
        if problems:
            raise ValidationError(problems[0].message, field=problems[0].field, problems=problems)

    def save(self, draft: PersonDraft, today: date | None = None) -> ChangeResult:
        """Create or update a person with their phones, emails and addresses (one operation).

        Raises:
            ValidationError: ``params['problems']`` lists the :class:`FieldProblem` s;
                nothing was written.
            NotFoundError: The person to update is gone.
        """
        self._refuse_problems(draft)
        name = draft.name.strip()
        label = f"Add {name}" if draft.id is None else f"Edit {name}"
        with self._store.unit_of_work(label) as (session, rec):
            region = str(read_setting(session, "phone.default_region"))
            if draft.company_id and session.get(Company, draft.company_id) is None:
                raise NotFoundError("That company no longer exists.", id=draft.company_id)
            company_id = draft.company_id or _company_named(
                session, draft.company_name, self._store.actor_id, today
            )
            person = _new_or_live(session, Person, draft.id, name, self._store.actor_id, today)
            for field in SIMPLE_FIELDS:
                value = getattr(draft, field)
                if isinstance(value, str):
                    value = value.strip() or None
                if field == "name":
                    value = name
                if field == "owner_id" and value is None:
                    value = person.owner_id
                if field == "company_id":
                    value = company_id
                setattr(person, field, value)
            session.flush()
            _sync_rows(session, "person_id", person.id, draft, region)
            if draft.photo_changed and person.photo != draft.photo:
                person.photo = draft.photo
            if draft.im is not None:
                im = {k.strip().lower(): v.strip() for k, v in draft.im if k.strip() and v.strip()}
                if (person.im or {}) != im:
                    person.im = im or None
            if draft.tags is not None:
                _sync_tags(session, person.id, draft.tags)
            write_values(session, person.id, check_values(session, draft.custom)[0])
        return change_result(rec, [person.id])

    def save_company(self, draft: CompanyDraft, today: date | None = None) -> ChangeResult:
        """Create or update a company with its phones, emails and addresses (one operation).

        Raises:
            ValidationError: ``params['problems']`` lists the problems; nothing was written.
            NotFoundError: The company to update is gone.
        """
        self._refuse_problems(draft)
        name = draft.name.strip()
        label = f"Add {name}" if draft.id is None else f"Edit {name}"
        with self._store.unit_of_work(label) as (session, rec):
            region = str(read_setting(session, "phone.default_region"))
            company = _new_or_live(session, Company, draft.id, name, self._store.actor_id, today)
            for field in ("name", "industry", "website", "status", "level", "source", "notes"):
                value = getattr(draft, field)
                value = (value.strip() or None) if isinstance(value, str) else value
                if field == "name":
                    value = name
                if getattr(company, field) != value:
                    setattr(company, field, value)
            session.flush()
            _sync_rows(session, "company_id", company.id, draft, region)
        return change_result(rec, [company.id])

    def duplicates(self, draft: PersonDraft) -> list[DuplicateHint]:
        """People who look like the draft: a shared phone or email, or a similar name.

        A similar name counts only at the same company; the draft itself is excluded.
        """
        from rapidfuzz import fuzz

        hints: list[DuplicateHint] = []
        with self._store.read() as session:
            region = str(read_setting(session, "phone.default_region"))
            live = (Person.deleted_at.is_(None), Person.id != (draft.id or ""))
            numbers = [e for p in draft.phones if (e := phone_problem(p.value, region)[1])]
            if numbers:
                for pid, name, e164 in session.execute(
                    select(Person.id, Person.name, Phone.e164)
                    .join(Phone, Phone.person_id == Person.id)
                    .where(*live, Phone.deleted_at.is_(None), Phone.e164.in_(numbers))
                ):
                    hints.append(DuplicateHint(pid, name, "phone", e164 or ""))
            emails = [e.value.strip().lower() for e in draft.emails if e.value.strip()]
            if emails:
                for pid, name, value in session.execute(
                    select(Person.id, Person.name, Email.value)
                    .join(Email, Email.person_id == Person.id)
                    .where(*live, Email.deleted_at.is_(None), func.lower(Email.value).in_(emails))
                ):
                    hints.append(DuplicateHint(pid, name, "email", value))
            name = draft.name.strip()
            if name and draft.company_id:
                for pid, other in session.execute(
                    select(Person.id, Person.name).where(
                        *live, Person.company_id == draft.company_id
                    )
                ):
                    if fuzz.ratio(_squash(name), _squash(other)) >= 85:
                        hints.append(DuplicateHint(pid, other, "name", other))
        unique: dict[tuple[str, str], DuplicateHint] = {}
        for hint in hints:
            unique.setdefault((hint.id, hint.reason), hint)
        return list(unique.values())


def _new_or_live(
    session: Session,
    model: Any,
    record_id: str | None,
    name: str,
    owner: str | None,
    today: date | None,
) -> Any:
    """A new numbered record of ``model``, or the live one with ``record_id``."""
    if record_id is None:
        row = model(
            name=name,
            owner_id=owner,
            number=allocate_number(session, "customer", today or date.today()),
        )
        session.add(row)
        return row
    return live(session, model, record_id)


def _company_named(
    session: Session, name: str | None, owner: str | None, today: date | None
) -> str | None:
    """The live company called ``name``, created if there is none."""
    name = (name or "").strip()
    if not name:
        return None
    found = session.scalar(
        select(Company.id).where(Company.deleted_at.is_(None), Company.name == name).limit(1)
    )
    if found:
        return str(found)
    company = Company(
        name=name,
        owner_id=owner,
        number=allocate_number(session, "customer", today or date.today()),
    )
    session.add(company)
    session.flush()
    return company.id


def _sync_tags(session: Session, person_id: str, names: Sequence[str]) -> None:
    """Give a person exactly these tags (by name, case-insensitive; new tags are created)."""
    wanted: dict[str, str] = {}
    for name in names:
        if name.strip():
            wanted.setdefault(name.strip().casefold(), name.strip())
    current = {
        tag.name.casefold(): tagging
        for tagging, tag in session.execute(
            select(Tagging, Tag)
            .join(Tag, Tag.id == Tagging.tag_id)
            .where(Tagging.person_id == person_id, Tagging.deleted_at.is_(None))
        )
    }
    now = utc_now()
    for key, tagging in current.items():
        if key not in wanted:
            tagging.deleted_at = now
    for key, name in wanted.items():
        if key in current:
            continue
        tag = tag_named(session, name)
        session.add(Tagging(tag_id=tag.id, person_id=person_id))


def _squash(name: str) -> str:
    """A name without spaces or case, so "王 芳" and "王芳" compare equal."""
    return "".join(name.split()).casefold()


def _sync_rows(
    session: Session, owner: str, owner_id: str, draft: PersonDraft | CompanyDraft, region: str
) -> None:
    """Make the phones, emails and addresses of a person or company match the draft."""
    _sync(
        session,
        Phone,
        owner,
        owner_id,
        [
            {
                "id": p.id,
                "label": p.label,
                "value": p.value.strip(),
                "e164": phone_problem(p.value, region)[1],
            }
            for p in draft.phones
        ],
    )
    _sync(
        session,
        Email,
        owner,
        owner_id,
        [{"id": e.id, "label": e.label, "value": e.value.strip()} for e in draft.emails],
    )
    _sync(
        session,
        Address,
        owner,
        owner_id,
        [
            {
                "id": a.id,
                "label": a.label,
                "street": a.street,
                "city": a.city,
                "region": a.region,
                "postcode": a.postcode,
                "country": a.country,
            }
            for a in draft.addresses
        ],
    )


def _sync(
    session: Session, model: Any, owner: str, owner_id: str, wanted: Sequence[dict[str, Any]]
) -> None:
    """Make an owner's rows of ``model`` equal ``wanted`` (in order), touching only changes."""
    column = getattr(model, owner)
    existing = {
        row.id: row
        for row in session.scalars(
            select(model).where(column == owner_id, model.deleted_at.is_(None))
        )
    }
    keep: set[str] = set()
    for position, values in enumerate(wanted):
        row = existing.get(values.get("id") or "")
        fields = {k: v for k, v in values.items() if k != "id"} | {"position": position}
        if row is None:
            session.add(model(**{owner: owner_id}, **fields))
            continue
        keep.add(row.id)
        for key, value in fields.items():
            if getattr(row, key) != value:
                setattr(row, key, value)
    now = utc_now()
    for row_id, row in existing.items():
        if row_id not in keep:
            row.deleted_at = now
