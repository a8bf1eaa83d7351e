"""Small lookups several services share: live rows and tags by name.

Tags are found or created by ``contacts.contact_rules.ContactRules.tag_ids``, the one way
every writer tags.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.contact_values import tag_key
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


def live_tags(session: Session) -> dict[str, Tag]:
    """Every live tag by its :func:`~desktop_crm.domain.contact_values.tag_key`.

    Compared in Python: SQLite's ``lower()`` folds ASCII only, so "Über" would miss "über"
    and make a second tag. Workspaces hold tens of tags, not thousands.
    """
    tags: dict[str, Tag] = {}
    for tag in session.scalars(
        select(Tag).where(Tag.deleted_at.is_(None)).order_by(Tag.created_at, Tag.id)
    ):
        tags.setdefault(tag_key(tag.name), tag)  # the oldest, should two fold alike
    return tags
