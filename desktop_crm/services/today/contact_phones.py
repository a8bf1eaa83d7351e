"""The first phone of a few contacts, for Today's copy and call buttons."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Phone, User


def first_phones(
    session: Session, person_ids: Iterable[str], company_ids: Iterable[str]
) -> dict[str, str]:
    """Each listed person's and company's first phone (by position), keyed by their id.

    Read for the rows a list shows only (at most a page), never for every candidate.
    """
    found: dict[str, str] = {}
    for column, ids in ((Phone.person_id, set(person_ids)), (Phone.company_id, set(company_ids))):
        for chunk in in_chunks(ids):
            rows = session.execute(
                select(column, Phone.value)
                .where(column.in_(chunk), Phone.deleted_at.is_(None))
                .order_by(column, Phone.position.desc())
            )
            # Descending positions: the last value written for an owner is its first phone.
            for owner, value in rows:
                if owner is not None:
                    found[owner] = value
    return found


def user_names(session: Session) -> dict[str, str]:
    """Every user's name by id (a workspace has a handful)."""
    return {user_id: name for user_id, name in session.execute(select(User.id, User.name))}
