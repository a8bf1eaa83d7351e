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

from desktop_crm.domain.contact_values import company_key, company_name, email_key, name_parts
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.validation import email_problem, phone_problem
from desktop_crm.domain.vocab import ContactStatus, Level
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live
from desktop_crm.services.contacts.contact_rules import ContactRules, live_companies
from desktop_crm.services.contacts.custom_fields import check_values, write_values
from desktop_crm.services.contacts.dto import (
    AddressData,
    CompanyDraft,
    DuplicateHint,
    FieldProblem,
    Labelled,
    PersonDraft,
)
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tagging
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
        elif isinstance(draft, CompanyDraft):
            with self._store.read() as session:
                same = live_companies(session).get(company_key(draft.name))
            if same is not None and same != draft.id:
                # Companies are found by name (imports, the person editor): two that fold
                # alike ("ACME Ltd", "acme ltd ") would split a company's people.
                found.append(
                    FieldProblem(
                        "name",
                        None,
                        f"A company called “{draft.name.strip()}” already exists.",
                        "exists",
                        draft.name.strip(),
                    )
                )
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
            wrong = email_problem(email.value)
            if wrong:
                text = "contains a space" if wrong == "space" else "is not an email address"
                found.append(
                    FieldProblem("emails", i, f"“{email.value}” {text}.", wrong, email.value)
                )
        return found

    def draft(self, person_id: str) -> PersonDraft:
        """A stored person as the editor would hold them, to change and :meth:`save`.

        Tags, messengers and custom fields are left out (``None``/empty): saving the draft
        leaves them as they are.

        Raises:
            NotFoundError: No such live person.
        """
        with self._store.read() as session:
            p = live(session, Person, person_id)
            return PersonDraft(
                id=p.id,
                name=p.name,
                company_id=p.company_id,
                **{f: getattr(p, f) for f in SIMPLE_FIELDS if f not in ("name", "company_id")},
                phones=_labelled(session, Phone, p.id),
                emails=_labelled(session, Email, p.id),
                addresses=tuple(
                    AddressData(a.label, a.street, a.city, a.region, a.postcode, a.country, a.id)
                    for a in _owned(session, Address, p.id)
                ),
            )

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
        code = LabelCode.ADD if draft.id is None else LabelCode.EDIT
        with self._store.unit_of_work(op_label(code, name=name)) as (session, rec):
            rules = ContactRules(
                session, rec, owner_id=self._store.actor_id, today=today or date.today()
            )
            if draft.company_id:
                company = session.get(Company, draft.company_id)
                if company is None or company.deleted_at is not None:
                    raise NotFoundError("That company no longer exists.", id=draft.company_id)
            company_id = draft.company_id or rules.company_id(draft.company_name)
            name, family, given = name_parts(name)
            person = _new_or_live(session, Person, draft.id, name, rules)
            if person.name != name or (person.family_name, person.given_name) == (None, None):
                # Parts follow the display name when it changes; unchanged, they stay as
                # stored (a vCard's N says better than a guess).
                person.family_name, person.given_name = family, given
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
            _sync_rows(session, "person_id", person.id, draft, rules)
            if draft.photo_changed and person.photo != draft.photo:
                person.photo = draft.photo
            if draft.im is not None:
                im = {k.strip().lower(): v.strip() for k, v in draft.im if k.strip() and v.strip()}
                if (person.im or {}) != im:
                    person.im = im or None
            if draft.tags is not None:
                _sync_tags(session, person.id, rules.tag_ids(draft.tags))
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
        code = LabelCode.ADD if draft.id is None else LabelCode.EDIT
        with self._store.unit_of_work(op_label(code, name=name)) as (session, rec):
            rules = ContactRules(
                session, rec, owner_id=self._store.actor_id, today=today or date.today()
            )
            name = company_name(name) or name
            company = _new_or_live(session, Company, draft.id, name, rules)
            for field in ("name", "industry", "website", "status", "level", "source", "notes"):
                value = getattr(draft, field)
                value = (value.strip() or None) if isinstance(value, str) else value
                if field == "name":
                    value = name
                if getattr(company, field) != value:
                    setattr(company, field, value)
            session.flush()
            _sync_rows(session, "company_id", company.id, draft, rules)
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
            emails = [email_key(e.value) for e in draft.emails if e.value.strip()]
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


def _owned(session: Session, model: Any, person_id: str) -> list[Any]:
    """A person's live rows of ``model`` (phones, emails, addresses) in order."""
    return list(
        session.scalars(
            select(model)
            .where(model.person_id == person_id, model.deleted_at.is_(None))
            .order_by(model.position)
        )
    )


def _labelled(session: Session, model: Any, person_id: str) -> tuple[Labelled, ...]:
    return tuple(Labelled(r.label, r.value, r.id) for r in _owned(session, model, person_id))


def _new_or_live(
    session: Session, model: Any, record_id: str | None, name: str, rules: ContactRules
) -> Any:
    """A new numbered record of ``model``, or the live one with ``record_id``."""
    if record_id is None:
        row = model(name=name, owner_id=rules.owner_id, number=rules.numbers(1)[0])
        session.add(row)
        return row
    return live(session, model, record_id)


def _sync_tags(session: Session, person_id: str, tag_ids: Sequence[str]) -> None:
    """Give a person exactly the tags ``tag_ids`` (found or made by :class:`ContactRules`)."""
    current = {
        tagging.tag_id: tagging
        for tagging in session.scalars(
            select(Tagging).where(Tagging.person_id == person_id, Tagging.deleted_at.is_(None))
        )
    }
    now = utc_now()
    for tag_id, tagging in current.items():
        if tag_id not in tag_ids:
            tagging.deleted_at = now
    for tag_id in tag_ids:
        if tag_id not in current:
            session.add(Tagging(tag_id=tag_id, person_id=person_id))


def _squash(name: str) -> str:
    """A name without spaces or case, so "王 芳" and "王芳" compare equal."""
    return "".join(name.split()).casefold()


def _sync_rows(
    session: Session,
    owner: str,
    owner_id: str,
    draft: PersonDraft | CompanyDraft,
    rules: ContactRules,
) -> None:
    """Make the phones, emails and addresses of a person or company match the draft."""
    _sync(
        session,
        Phone,
        owner,
        owner_id,
        [{"id": p.id, **rules.phone(p.label, p.value)} for p in draft.phones],
    )
    _sync(
        session,
        Email,
        owner,
        owner_id,
        [{"id": e.id, **rules.email(e.label, e.value)} for e in draft.emails],
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
