"""Small lookups several services share: live rows and tags by name."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
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
    """The live tag called ``name`` (ignoring case), if any; tombstoned tags never count."""
    return live_tags(session).get(name.casefold())


def live_tags(session: Session) -> dict[str, Tag]:
    """Every live tag by its casefolded name.

    Compared in Python: SQLite's ``lower()`` folds ASCII only, so "Über" would miss "über"
    and make a second tag. Workspaces hold tens of tags, not thousands.
    """
    tags: dict[str, Tag] = {}
    for tag in session.scalars(
        select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.created_at, Tag.id)
    ):
        tags.setdefault(tag.name.casefold(), tag)  # the oldest, should two fold alike
    return tags


def tag_named(session: Session, name: str) -> Tag:
    """The live tag called ``name``, created (in the session's operation) if there is none.

    A tombstoned tag of that name is not revived: the new tag is a new row (see
    ``store.models``), so the undo that tombstoned it stays coherent.
    """
    tag = find_tag(session, name)
    if tag is None:
        tag = Tag(name=name)
        session.add(tag)
        session.flush()
    return tag
