"""Custom fields: user-defined fields on people and companies, values checked by kind."""

from __future__ import annotations

import re
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.custom_values import normalize_value
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import CustomFieldKind
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contacts.dto import CustomFieldInfo
from desktop_crm.store.models import CustomFieldDef, CustomFieldValue
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


class CustomFieldsService:
    """Define custom fields and read their definitions."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def definitions(self, entity: RecordKind = "person") -> list[CustomFieldInfo]:
        """The live custom fields of ``entity``, in order."""
        with self._store.read() as session:
            return [
                _info(d)
                for d in session.scalars(
                    select(CustomFieldDef)
                    .where(CustomFieldDef.entity == entity, CustomFieldDef.deleted_at.is_(None))
                    .order_by(CustomFieldDef.position, CustomFieldDef.label)
                )
            ]

    def define(
        self,
        entity: RecordKind,
        label: str,
        kind: CustomFieldKind = CustomFieldKind.TEXT,
        options: tuple[str, ...] = (),
    ) -> ChangeResult:
        """Add a custom field (one operation).

        Raises:
            ValidationError: No label, an unknown kind, a choice without options, or a field
                of that name already there.
        """
        label = label.strip()
        if not label:
            raise ValidationError("A custom field needs a name.", field="label")
        if kind not in {k.value for k in CustomFieldKind}:
            raise ValidationError(f"Unknown field kind {kind}.", field="kind")
        if kind == "choice" and not options:
            raise ValidationError("A choice field needs its choices.", field="options")
        key = re.sub(r"\W+", "_", label.casefold()).strip("_") or "field"
        with self._store.unit_of_work(op_label(LabelCode.ADD_FIELD, label=label)) as (session, rec):
            # Live fields only: a field removed (tombstoned) frees its name for a new field.
            if session.scalar(
                select(CustomFieldDef.id).where(
                    CustomFieldDef.entity == entity,
                    CustomFieldDef.key == key,
                    CustomFieldDef.deleted_at.is_(None),
                )
            ):
                raise ValidationError(f"There is already a field called {label}.", field="label")
            position = (
                session.scalar(
                    select(func.count())
                    .select_from(CustomFieldDef)
                    .where(CustomFieldDef.entity == entity)
                )
                or 0
            )
            session.add(
                CustomFieldDef(
                    entity=entity,
                    key=key,
                    label=label,
                    kind=CustomFieldKind(kind).value,  # the code, whether given as text or enum
                    options=list(options) or None,
                    position=position,
                )
            )
        return change_result(rec)


def write_values(session: Session, record_id: str, values: tuple[tuple[str, str], ...]) -> None:
    """Store custom field values of one record inside a unit of work (empty clears)."""
    if not values:
        return
    existing = {
        v.field_id: v
        for v in session.scalars(
            select(CustomFieldValue).where(
                CustomFieldValue.record_id == record_id, CustomFieldValue.deleted_at.is_(None)
            )
        )
    }
    for field_id, text in values:
        row = existing.get(field_id)
        if not text.strip():
            if row is not None:
                row.deleted_at = utc_now()
            continue
        if row is None:
            session.add(CustomFieldValue(field_id=field_id, record_id=record_id, value=text))
        elif row.value != text:
            row.value = text


def check_values(
    session: Session, values: tuple[tuple[str, str], ...]
) -> tuple[tuple[tuple[str, str], ...], list[tuple[int, str]]]:
    """Normalised values, and ``(index, problem)`` for those that do not fit their field."""
    if not values:
        return (), []
    defs = {
        d.id: d
        for d in session.scalars(
            select(CustomFieldDef).where(CustomFieldDef.id.in_([f for f, _v in values]))
        )
    }
    clean: list[tuple[str, str]] = []
    problems: list[tuple[int, str]] = []
    for index, (field_id, text) in enumerate(values):
        definition = defs.get(field_id)
        if definition is None:
            problems.append((index, "is not a field of this workspace"))
            continue
        if not text.strip():
            clean.append((field_id, ""))
            continue
        try:
            clean.append((field_id, normalize_value(definition.kind, definition.options, text)))
        except ValueError as exc:
            problems.append((index, f"{definition.label}: “{text}” {exc}"))
    return tuple(clean), problems


def _info(d: CustomFieldDef) -> CustomFieldInfo:
    # Stored only through ``define``, which takes a RecordKind.
    entity = cast(RecordKind, d.entity)
    return CustomFieldInfo(d.id, entity, d.label, CustomFieldKind(d.kind), tuple(d.options or ()))
