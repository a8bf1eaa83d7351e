"""Changing many people or companies at once: bulk fields, tags and (soft) deletion.

Each call is one undoable operation. People and companies are created and edited one at a
time by ``person_editing.PeopleService`` (the editor's save), the one path users and tests
take.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain import choices
from desktop_crm.domain.choices import BackupReason, BulkField, RecordKind
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.domain.vocab import ContactStatus, Level
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.contact_rules import ContactRules
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Address, Company, Email, Person, Phone, Tagging
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

BULK_FIELDS: frozenset[str] = frozenset(choices.BULK_FIELDS)


class ContactsService:
    """Create and change people and companies.

    Args:
        store: The open workspace.
        take_backup: Called with a reason before work that deletes in bulk.
    """

    def __init__(self, store: Store, take_backup: Callable[[BackupReason], object]) -> None:
        self._store = store
        self._take_backup = take_backup

    def delete_people(self, person_ids: Iterable[str]) -> ChangeResult:
        """Tombstone people with their phones, emails, addresses and tags (one operation)."""
        return self.delete("person", person_ids)

    def set_field(
        self, kind: RecordKind, ids: Iterable[str], field: BulkField, value: Any
    ) -> ChangeResult:
        """Set status, level or owner on many people or companies as one operation.

        Raises:
            ValidationError: A field that cannot be set in bulk, or an invalid value.
        """
        if field not in BULK_FIELDS:
            raise ValidationError(f"{field} cannot be changed in bulk.", field=field)
        _check_person_fields({field: value})
        model = _model(kind)
        ids = list(dict.fromkeys(ids))
        text = op_label(
            LabelCode.SET_FIELD, field=field.replace("_id", ""), count=len(ids), entity=kind
        )
        with self._store.unit_of_work(text, "bulk") as (session, rec):
            for row in _live_rows(session, model, ids):
                setattr(row, field, value)
        return change_result(rec, ids)

    def add_tag(self, kind: RecordKind, ids: Iterable[str], tag_name: str) -> ChangeResult:
        """Tag many people or companies (creating the tag if new) as one operation."""
        name = tag_name.strip()
        if not name:
            raise ValidationError("A tag needs a name.", field="tag")
        model = _model(kind)
        owner = "person_id" if kind == "person" else "company_id"
        ids = list(dict.fromkeys(ids))
        text = op_label(LabelCode.TAG, count=len(ids), entity=kind, tag=name)
        with self._store.unit_of_work(text, "bulk") as (session, rec):
            rules = ContactRules(session, rec, owner_id=self._store.actor_id, today=date.today())
            tag_id = rules.tag_ids([name])[0]
            tagged = set(
                session.scalars(
                    select(getattr(Tagging, owner)).where(
                        Tagging.tag_id == tag_id, Tagging.deleted_at.is_(None)
                    )
                )
            )
            for row in _live_rows(session, model, ids):
                if row.id not in tagged:
                    session.add(Tagging(tag_id=tag_id, **{owner: row.id}))
        return change_result(rec, ids)

    def delete(
        self, kind: RecordKind, ids: Iterable[str], progress: Progress | None = None
    ) -> ChangeResult:
        """Tombstone people or companies with what they own, as one operation.

        A verified backup is taken first when more than one record goes. ``progress`` hears
        of each chunk of records and may cancel between chunks: then nothing is deleted.
        """
        progress = progress or NullProgress()
        model = _model(kind)
        owner = "person_id" if kind == "person" else "company_id"
        ids = list(dict.fromkeys(ids))
        if len(ids) > 1:
            self._take_backup("pre-delete")
        text = op_label(LabelCode.DELETE_MANY, count=len(ids), entity=kind)
        with self._store.unit_of_work(text, "bulk") as (session, rec):
            now = utc_now()
            rows = _live_rows(session, model, ids)
            if len(rows) == 1:
                rec.label = op_label(LabelCode.DELETE, name=rows[0].name)
            by_id = {row.id: row for row in rows}
            chunks = list(in_chunks(ids))
            for done, chunk in enumerate(chunks, 1):
                progress.check_cancelled()
                for owned in (Phone, Email, Address, Tagging):
                    column = getattr(owned, owner)
                    for row in session.scalars(
                        select(owned).where(column.in_(chunk), owned.deleted_at.is_(None))
                    ):
                        row.deleted_at = now
                for record_id in chunk:
                    if record_id in by_id:
                        by_id[record_id].deleted_at = now
                session.flush()
                progress.report(done, len(chunks))
        return change_result(rec, [r.id for r in rows])


def _model(kind: RecordKind) -> type[Person] | type[Company]:
    # Checked at run time too: the UI and the command line are not type-checked callers.
    if kind not in choices.RECORD_KINDS:
        raise ValidationError(f"Unknown kind {kind}.", field="kind")
    return Person if kind == "person" else Company


def _live_rows(session: Session, model: Any, ids: list[str]) -> list[Any]:
    rows: list[Any] = []
    for chunk in in_chunks(ids):
        rows += session.scalars(
            select(model).where(model.id.in_(chunk), model.deleted_at.is_(None))
        ).all()
    return rows


def _check_person_fields(values: dict[str, Any]) -> None:
    if "name" in values and not (values["name"] or "").strip():
        raise ValidationError("A person needs a name.", field="name")
    if "status" in values and values["status"] not in {s.value for s in ContactStatus}:
        raise ValidationError(f"Unknown status {values['status']}.", field="status")
    if values.get("level") is not None and values["level"] not in {lv.value for lv in Level}:
        raise ValidationError(f"Unknown level {values['level']}.", field="level")
