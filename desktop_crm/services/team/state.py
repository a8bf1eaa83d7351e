"""What this workspace knows of its hub, kept in local state (never synced, never logged).

``sync.hub`` holds the address, the member, this laptop's device id and number slot, the
hub's epoch and the last change pulled with its operation id (the mark a restored hub fails);
``sync.cursor`` the hub sequence applied up to, written in the transaction that applied it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from desktop_crm.store.changelog import SYNC_CURSOR
from desktop_crm.store.local_user import HUB_KEY
from desktop_crm.store.models import LocalState
from desktop_crm.store.types import iso_text, parse_moment

LAST_SYNC = "sync.last"  # the moment of the last sync that reached the hub
UPLOAD = "sync.upload"  # how far the first upload got, by table (resumable)
FIRST_PULL = "sync.first_pull"  # a download not finished yet: search is indexed at its end


@dataclass(frozen=True)
class HubLink:
    """This workspace's membership of a hub."""

    url: str
    user: str
    device: str
    slot: int
    epoch: str
    user_id: str
    mark_seq: int = 0
    mark_op: str | None = None
    seeding: bool = False

    def marked(self, seq: int, op: str | None) -> HubLink:
        """The link with a new history mark."""
        return replace(self, mark_seq=seq, mark_op=op)


def read_link(session: Session) -> HubLink | None:
    """The hub this workspace joined, if any."""
    value = _get(session, HUB_KEY)
    return HubLink(**value) if isinstance(value, dict) else None


def write_link(session: Session, link: HubLink | None) -> None:
    """Record (or with None, forget) the hub link, in the caller's transaction."""
    if link is None:
        session.execute(delete(LocalState).where(LocalState.key.in_([HUB_KEY, SYNC_CURSOR])))
        return
    _put(session, HUB_KEY, asdict(link))


def read_cursor(session: Session) -> int:
    """The hub sequence applied up to."""
    value = _get(session, SYNC_CURSOR)
    return int(value) if isinstance(value, int | str) and str(value).isdigit() else 0


def write_cursor(session: Session, seq: int) -> None:
    """Move the cursor (in the transaction that applied the changes up to ``seq``)."""
    _put(session, SYNC_CURSOR, seq)


def read_last_sync(session: Session) -> datetime | None:
    """When a sync last reached the hub."""
    value = _get(session, LAST_SYNC)
    return parse_moment(value) if isinstance(value, str) else None


def write_last_sync(session: Session, at: datetime) -> None:
    """Note a sync that reached the hub."""
    _put(session, LAST_SYNC, iso_text(at))


def read_upload(session: Session) -> dict[str, str]:
    """The last id uploaded per table (an interrupted first upload resumes after it)."""
    value = _get(session, UPLOAD)
    return dict(value) if isinstance(value, dict) else {}


def write_upload(session: Session, done: dict[str, str] | None) -> None:
    """Record upload progress (None: finished)."""
    if done is None:
        session.execute(delete(LocalState).where(LocalState.key == UPLOAD))
    else:
        _put(session, UPLOAD, done)


def first_pull_due(session: Session) -> bool:
    """Whether this workspace's first download has not finished (it may have been cut short)."""
    return bool(_get(session, FIRST_PULL))


def set_first_pull(session: Session, due: bool) -> None:
    """Mark the first download as started (True) or finished (False)."""
    if due:
        _put(session, FIRST_PULL, True)
    else:
        session.execute(delete(LocalState).where(LocalState.key == FIRST_PULL))


def _get(session: Session, key: str) -> Any:
    return session.scalar(select(LocalState.value).where(LocalState.key == key))


def _put(session: Session, key: str, value: Any) -> None:
    session.execute(insert(LocalState).prefix_with("OR REPLACE").values(key=key, value=value))
