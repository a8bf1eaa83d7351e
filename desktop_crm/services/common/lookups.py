"""Small lookups several services share: live rows and tags by name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.store.models import Tag


def live(session: Session, model: Any, record_id: str) -> Any:
    """The row of ``model`` with ``record_id``, unless missing or tombstoned.

    Raises:
        NotFoundError: No such live record.
    """
    row = session.get(model, record_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"No {model.__tablename__} record {record_id}.", id=record_id)
    return row


def find_tag(session: Session, name: str) -> Tag | None:
    """The live tag called ``name`` (case-insensitively), if any."""
    return session.scalars(
        select(Tag).where(func.lower(Tag.name) == name.lower(), Tag.deleted_at.is_(None))
    ).first()


def tag_named(session: Session, name: str) -> Tag:
    """The live tag called ``name``, created (in the session's operation) if there is none."""
    tag = find_tag(session, name)
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag
