"""Who and where this machine is: the local user and the team hub joined, in local state."""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop_crm.store.models import LocalState, User

KEY = "local_user"


def local_user_id(session: Session) -> str | None:
    """The local user's id, if it names a user of this workspace."""
    value = session.scalar(select(LocalState.value).where(LocalState.key == KEY))
    if not isinstance(value, str):
        return None
    return value if session.scalar(select(User.id).where(User.id == value)) else None


HUB_KEY = "sync.hub"  # local_state: the hub this workspace joined (address, user, device)


def joined_hub(session: Session) -> bool:
    """Whether this workspace has joined a team hub (its changes go to the outbox)."""
    return session.scalar(select(LocalState.key).where(LocalState.key == HUB_KEY)) is not None


# Numbers made on the n-th laptop to join a hub start at n × this (C-1000001 on the second):
# laptops creating records offline never hand out one number twice. The first laptop, which
# seeded the hub, keeps its own sequence.
DEVICE_NUMBER_RANGE = 1_000_000


def number_floor(session: Session) -> int:
    """Where this laptop's numbers start (0 alone or on the hub's first laptop)."""
    value = session.scalar(select(LocalState.value).where(LocalState.key == HUB_KEY))
    slot = value.get("slot", 0) if isinstance(value, dict) else 0
    return int(slot or 0) * DEVICE_NUMBER_RANGE


def set_local_user(session: Session, user_id: str) -> None:
    """Make ``user_id`` the user at this machine (in the caller's transaction)."""
    session.execute(insert(LocalState).prefix_with("OR REPLACE").values(key=KEY, value=user_id))
