"""Custom field values arriving with imported rows: fields made when missing, values stored."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import CustomFieldDef, CustomFieldValue


def custom_kinds(session: Session, entity: str | None) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Existing custom fields of ``entity`` by casefolded label: ``(kind, choices)``."""
    if entity is None:
        return {}
    return {
        label.casefold(): (kind, tuple(options or ()))
        for label, kind, options in session.execute(
            select(CustomFieldDef.label, CustomFieldDef.kind, CustomFieldDef.options).where(
                CustomFieldDef.entity == entity, CustomFieldDef.deleted_at.is_(None)
            )
        )
    }


class CustomValues:
    """Writes imported custom values inside the import's unit of work.

    Args:
        session: The import's session.
        recorder: Its recorder.
        entity: ``person`` or ``company``.
    """

    def __init__(self, session: Session, recorder: Recorder, entity: str) -> None:
        self.session, self.rec, self.entity = session, recorder, entity
        self.ids: dict[str, str] = {
            label.casefold(): fid
            for fid, label in session.execute(
                select(CustomFieldDef.id, CustomFieldDef.label).where(
                    CustomFieldDef.entity == entity, CustomFieldDef.deleted_at.is_(None)
                )
            )
        }

    def field_id(self, label: str) -> str:
        """The id of the field called ``label``, made as a text field when missing."""
        found = self.ids.get(label.casefold())
        if found:
            return found
        key = re.sub(r"\W+", "_", label.casefold()).strip("_") or "field"
        taken = set(
            self.session.scalars(
                select(CustomFieldDef.key).where(
                    CustomFieldDef.entity == self.entity, CustomFieldDef.deleted_at.is_(None)
                )
            )
        )  # live keys only: a tombstoned field's key is free for a new field
        base, n = key, 2
        while key in taken:
            key, n = f"{base}_{n}", n + 1
        position = self.session.scalar(
            select(func.count())
            .select_from(CustomFieldDef)
            .where(CustomFieldDef.entity == self.entity)
        )
        fid = self.rec.bulk_insert(
            self.session,
            CustomFieldDef,
            [
                {
                    "entity": self.entity,
                    "key": key,
                    "label": label[:200],
                    "kind": "text",
                    "position": position or 0,
                }
            ],
        )[0]
        self.ids[label.casefold()] = fid
        return fid

    def insert(self, pairs: list[tuple[str, dict[str, str]]]) -> None:
        """Store ``(record id, label -> value)`` for new records."""
        rows: list[dict[str, Any]] = [
            {"field_id": self.field_id(label), "record_id": rid, "value": value}
            for rid, values in pairs
            for label, value in values.items()
            if value
        ]
        self.rec.bulk_insert(self.session, CustomFieldValue, rows)

    def update(self, record_id: str, values: dict[str, str], overwrite: bool) -> bool:
        """Fill (or overwrite) an existing record's values; whether anything changed."""
        current = {
            v.field_id: v
            for v in self.session.scalars(
                select(CustomFieldValue).where(
                    CustomFieldValue.record_id == record_id, CustomFieldValue.deleted_at.is_(None)
                )
            )
        }
        changed = False
        for label, value in values.items():
            if not value:
                continue
            fid = self.field_id(label)
            row = current.get(fid)
            if row is None:
                self.session.add(CustomFieldValue(field_id=fid, record_id=record_id, value=value))
                changed = True
            elif row.value != value and (overwrite or not row.value):
                row.value = value
                changed = True
        return changed
