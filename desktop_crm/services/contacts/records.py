"""People and companies: create, read, edit and (soft) delete, each one undoable operation.

The contacts issue grows this into lists, search, cards and merging; the foundation needs
enough of it for the demo, undo and the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.vocab import ContactStatus, Level
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live, tag_named
from desktop_crm.services.contacts.dto import PersonInput
from desktop_crm.services.contacts.person_editing import SIMPLE_FIELDS
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tagging
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

BULK_FIELDS = frozenset({"status", "level", "owner_id"})
EDITABLE_PERSON_FIELDS = frozenset(SIMPLE_FIELDS) - {"owner_id"}


class ContactsService:
    """Create and change people and companies.

    Args:
        store: The open workspace.
        take_backup: Called with a reason before work that deletes in bulk.
    """

    def __init__(self, store: Store, take_backup: Callable[[str], object]) -> None:
        self._store = store
        self._take_backup = take_backup

    def create_person(self, data: PersonInput, today: date | None = None) -> ChangeResult:
        """Create a person with their phones and emails as one operation.

        Raises:
            ValidationError: Empty name, unknown status or level.
        """
        name = data.name.strip()
        _check_person_fields({"name": name, "status": data.status, "level": data.level})
        with self._store.unit_of_work(f"Add {name}") as (session, recorder):
            _require_company(session, data.company_id)
            person = Person(
                name=name,
                number=allocate_number(session, "customer", today or date.today()),
                company_id=data.company_id,
                title=data.title,
                status=data.status,
                level=data.level,
                source=data.source,
                notes=data.notes,
                owner_id=self._store.actor_id,
            )
            session.add(person)
            session.flush()
            for pos, (label, value) in enumerate(data.phones):
                session.add(Phone(person_id=person.id, label=label, value=value, position=pos))
            for pos, (label, value) in enumerate(data.emails):
                session.add(Email(person_id=person.id, label=label, value=value, position=pos))
        return change_result(recorder, [person.id])

    def update_person(self, person_id: str, changes: dict[str, Any]) -> ChangeResult:
        """Change some fields of a person as one operation.

        Raises:
            NotFoundError: No such live person.
            ValidationError: An unknown field or an invalid value.
        """
        unknown = set(changes) - EDITABLE_PERSON_FIELDS
        if unknown:
            raise ValidationError(f"Unknown field {sorted(unknown)[0]}.", field=sorted(unknown)[0])
        _check_person_fields(changes)
        with self._store.unit_of_work("Edit person") as (session, recorder):
            person = live(session, Person, person_id)
            recorder.label = f"Edit {person.name}"
            if "company_id" in changes:
                _require_company(session, changes["company_id"])
            for key, value in changes.items():
                setattr(person, key, value.strip() if isinstance(value, str) else value)
        return change_result(recorder, [person_id])

    def delete_people(self, person_ids: Iterable[str]) -> ChangeResult:
        """Tombstone people with their phones, emails, addresses and tags (one operation)."""
        return self.delete("person", person_ids)

    def set_field(self, kind: str, ids: Iterable[str], field: str, value: Any) -> ChangeResult:
        """Set status, level or owner on many people or companies as one operation.

        Raises:
            ValidationError: A field that cannot be set in bulk, or an invalid value.
        """
        if field not in BULK_FIELDS:
            raise ValidationError(f"{field} cannot be changed in bulk.", field=field)
        _check_person_fields({field: value})
        model = _model(kind)
        ids = list(dict.fromkeys(ids))
        noun = "people" if kind == "person" else "companies"
        label = f"Set {field.replace('_id', '')} of {len(ids)} {noun}"
        with self._store.unit_of_work(label, "bulk") as (session, rec):
            for row in _live_rows(session, model, ids):
                setattr(row, field, value)
        return change_result(rec, ids)

    def add_tag(self, kind: str, ids: Iterable[str], tag_name: str) -> ChangeResult:
        """Tag many people or companies (creating the tag if new) as one operation."""
        name = tag_name.strip()
        if not name:
            raise ValidationError("A tag needs a name.", field="tag")
        model = _model(kind)
        owner = "person_id" if kind == "person" else "company_id"
        ids = list(dict.fromkeys(ids))
        with self._store.unit_of_work(f"Tag {len(ids)} with {name}", "bulk") as (session, rec):
            tag = tag_named(session, name)
            tagged = set(
                session.scalars(
                    select(getattr(Tagging, owner)).where(
                        Tagging.tag_id == tag.id, Tagging.deleted_at.is_(None)
                    )
                )
            )
            for row in _live_rows(session, model, ids):
                if row.id not in tagged:
                    session.add(Tagging(tag_id=tag.id, **{owner: row.id}))
        return change_result(rec, ids)

    def delete(self, kind: str, ids: Iterable[str]) -> ChangeResult:
        """Tombstone people or companies with what they own, as one operation.

        A verified backup is taken first when more than one record goes.
        """
        model = _model(kind)
        owner = "person_id" if kind == "person" else "company_id"
        noun = "people" if kind == "person" else "companies"
        ids = list(dict.fromkeys(ids))
        if len(ids) > 1:
            self._take_backup("pre-delete")
        with self._store.unit_of_work(f"Delete {len(ids)} {noun}", "bulk") as (session, rec):
            now = utc_now()
            rows = _live_rows(session, model, ids)
            if len(rows) == 1:
                rec.label = f"Delete {rows[0].name}"
            for owned in (Phone, Email, Address, Tagging):
                column = getattr(owned, owner)
                for row in session.scalars(
                    select(owned).where(column.in_(ids), owned.deleted_at.is_(None))
                ):
                    row.deleted_at = now
            for row in rows:
                row.deleted_at = now
        return change_result(rec, [r.id for r in rows])

    def create_company(self, name: str, today: date | None = None, **fields: Any) -> ChangeResult:
        """Create a company as one operation."""
        name = name.strip()
        if not name:
            raise ValidationError("A company needs a name.", field="name")
        with self._store.unit_of_work(f"Add {name}") as (session, recorder):
            company = Company(
                name=name,
                number=allocate_number(session, "customer", today or date.today()),
                owner_id=self._store.actor_id,
                **fields,
            )
            session.add(company)
        return change_result(recorder, [company.id])


def _model(kind: str) -> type[Person] | type[Company]:
    if kind not in ("person", "company"):
        raise ValidationError(f"Unknown kind {kind}.", field="kind")
    return Person if kind == "person" else Company


def _live_rows(session: Session, model: Any, ids: list[str]) -> list[Any]:
    rows: list[Any] = []
    for chunk in in_chunks(ids):
        rows += session.scalars(
            select(model).where(model.id.in_(chunk), model.deleted_at.is_(None))
        ).all()
    return rows


def _require_company(session: Session, company_id: str | None) -> None:
    if company_id is not None:
        live(session, Company, company_id)


def _check_person_fields(values: dict[str, Any]) -> None:
    if "name" in values and not (values["name"] or "").strip():
        raise ValidationError("A person needs a name.", field="name")
    if "status" in values and values["status"] not in {s.value for s in ContactStatus}:
        raise ValidationError(f"Unknown status {values['status']}.", field="status")
    if values.get("level") is not None and values["level"] not in {lv.value for lv in Level}:
        raise ValidationError(f"Unknown level {values['level']}.", field="level")
