"""The workspace's users (its salespeople): found by name, added in bulk.

A user here is someone records can belong to (their owner); the local user always exists.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import User


def live_users(session: Session) -> list[tuple[str, str]]:
    """``(id, name)`` of every user not deleted, by name."""
    return [
        (str(uid), str(name))
        for uid, name in session.execute(
            select(User.id, User.name).where(User.deleted_at.is_(None)).order_by(User.name)
        )
    ]


def users_by_name(session: Session) -> dict[str, str]:
    """User ids by casefolded name (of two users with one name, the first by name wins)."""
    found: dict[str, str] = {}
    for uid, name in live_users(session):
        found.setdefault(name.strip().casefold(), uid)
    return found


def add_users(session: Session, rec: Recorder, names: Iterable[str]) -> dict[str, str]:
    """Add a user for each of ``names`` (in one logged bulk insert); their ids by name.

    Undoing the operation that added them removes them again.
    """
    wanted = list(dict.fromkeys(n.strip()[:200] for n in names if n.strip()))
    ids = rec.bulk_insert(session, User, [{"name": n} for n in wanted])
    return dict(zip(wanted, ids, strict=True))
