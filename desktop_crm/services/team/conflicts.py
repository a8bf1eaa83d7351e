"""Conflicts to decide: listed from this laptop's point of view, resolved here or anywhere.

Resolving sets the field here at once (one undoable operation of kind ``resolve``) and queues
the decision for the hub, which applies it whatever happened meanwhile and tells every laptop
the conflict is closed. A possible duplicate (one key made on two laptops) is acknowledged: the
second record stays a tombstone, nothing is lost.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from sqlalchemy import Boolean, Date, Float, Integer, Table, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.team.dto import ConflictView
from desktop_crm.services.team.state import read_link
from desktop_crm.store.models import TRACKED_MODELS, SyncConflict, Tracked
from desktop_crm.store.store import Store
from desktop_crm.store.types import ExactDecimal, UtcDateTime, parse_moment
from desktop_crm.store.values import from_json, to_json

Choice = Literal["mine", "theirs", "value"]
_PARENTS = ("person_id", "company_id", "deal_id", "quote_id", "contract_id")


def list_conflicts(store: Store) -> list[ConflictView]:
    """Open conflicts, oldest first."""
    with store.read() as session:
        link = read_link(session)
        device = link.device if link else None
        rows = session.scalars(
            select(SyncConflict)
            .where(SyncConflict.resolved_at.is_(None))
            .order_by(SyncConflict.hub_seq)
        ).all()
        return [_view(session, row, device) for row in rows]


def _sides(row: SyncConflict, device: str | None) -> tuple[Any, Any, str | None, Any]:
    """``mine``, ``theirs``, who set theirs and when: this laptop's side is ``mine``."""
    if device is not None and row.offered_device == device:
        return row.offered, row.kept, row.kept_by, row.kept_at
    return row.kept, row.offered, row.offered_by, row.offered_at


def _view(session: Session, row: SyncConflict, device: str | None) -> ConflictView:
    mine, theirs, by, at = _sides(row, device)
    number, record = describe(session, row.entity, row.row_id)
    return ConflictView(
        id=row.id,
        entity=row.entity,
        row_id=row.row_id,
        number=number,
        record=record,
        field=row.field,
        mine=mine,
        theirs=theirs,
        base=row.base,
        changed_by=by,
        changed_at=at,
        hub_seq=row.hub_seq,
        mine_text=readable(session, row.entity, row.field, mine),
        theirs_text=readable(session, row.entity, row.field, theirs),
    )


def readable(session: Session, entity: str, field: str, value: Any) -> str:
    """A conflict value as a person reads it: names for references, "" for none."""
    if value is None:
        return ""
    model = TRACKED_MODELS.get(entity)
    table: Table | None = model.__table__ if model else None  # type: ignore[assignment]
    if table is not None and field in table.c:
        for key in table.c[field].foreign_keys:
            target = TRACKED_MODELS.get(key.column.table.name)
            row = session.get(target, str(value)) if target else None
            name = getattr(row, "name", None) or getattr(row, "title", None)
            if name:
                return str(name)
    if isinstance(value, dict | list):
        import json

        return json.dumps(value, ensure_ascii=False)
    return str(value)


def describe(session: Session, entity: str, row_id: str) -> tuple[str | None, str]:
    """A record's number (its own, else its parent's) and a name to show for it."""
    model = TRACKED_MODELS.get(entity)
    row: Tracked | None = session.get(model, row_id) if model else None
    if row is None:
        return None, row_id
    name = str(getattr(row, "name", None) or getattr(row, "title", None) or "")
    number = getattr(row, "number", None)
    if number is None:
        for key in _PARENTS:
            parent_id = getattr(row, key, None)
            if parent_id:
                parent_entity = {
                    "person_id": "people",
                    "company_id": "companies",
                    "deal_id": "deals",
                    "quote_id": "quotes",
                    "contract_id": "contracts",
                }[key]
                number, parent_name = describe(session, parent_entity, parent_id)
                name = name or parent_name
                break
    return number, name or row_id


def resolve(
    store: Store, conflict_id: str, choice: Choice, value: str | None = None
) -> ConflictView:
    """Decide a conflict: keep this laptop's value, theirs, or a new one typed as text.

    Raises:
        NotFoundError: No open conflict has that id (or the start of one).
        ValidationError: ``value`` does not fit the field (a bad date, amount, number).
    """
    with store.unit_of_work("resolve", "resolve") as (session, rec):
        row = _find(session, conflict_id)
        link = read_link(session)
        mine, theirs, _by, _at = _sides(row, link.device if link else None)
        view = _view(session, row, link.device if link else None)
        rec.label = op_label(
            LabelCode.RESOLVE_CONFLICT, field=row.field, name=view.number or view.record
        )
        rec.target_id = row.id
        if row.field == "duplicate":
            chosen: Any = None
        else:
            model = TRACKED_MODELS[row.entity]
            table: Table = model.__table__  # type: ignore[assignment]
            if row.field not in table.c:
                raise ValidationError(f"{row.entity} has no field {row.field}.", field="field")
            column = table.c[row.field]
            if choice == "mine":
                chosen = mine
            elif choice == "theirs":
                chosen = theirs
            else:
                chosen = to_json(parse_value(column, value))
            target = session.get(model, row.row_id)
            if target is not None:
                setattr(target, row.field, from_json(column, chosen))
        row.chosen = chosen
        row.resolved_at = rec.at
        rec.ensure_operation(session)
        session.flush()
        return view


def _find(session: Session, conflict_id: str) -> SyncConflict:
    wanted = conflict_id.strip().lower()
    if not wanted:
        raise NotFoundError("Give the conflict's id (its first characters suffice).", id="")
    rows = [
        r
        for r in session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None)))
        if r.id.startswith(wanted)
    ]
    if len(rows) != 1:
        raise NotFoundError(
            f"No open conflict {conflict_id}." if not rows else f"{conflict_id} is ambiguous.",
            id=conflict_id,
        )
    return rows[0]


def parse_value(column: Any, text: str | None) -> Any:
    """A value typed as text for ``column``.

    Raises:
        ValidationError: It does not fit the column's type.
    """
    if text is None or text == "":
        return None
    kind = column.type
    try:
        if isinstance(kind, ExactDecimal):
            return Decimal(text.replace(",", ""))
        if isinstance(kind, UtcDateTime):
            return parse_moment(text)
        if isinstance(kind, Date):
            return date.fromisoformat(text)
        if isinstance(kind, Boolean):
            lowered = text.strip().lower()
            if lowered not in ("true", "false", "yes", "no", "1", "0"):
                raise ValueError(text)
            return lowered in ("true", "yes", "1")
        if isinstance(kind, Float):
            return float(text)
        if isinstance(kind, Integer):
            return int(text)
    except (ValueError, InvalidOperation) as exc:
        raise ValidationError(
            f"{text!r} is not a valid value for {column.name}.", field=column.name
        ) from exc
    return text
