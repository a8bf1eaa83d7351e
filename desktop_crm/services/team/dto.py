"""What team mode's services return (frozen; never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

SyncStatus = Literal["alone", "synced", "pending", "offline", "conflicts", "refused"]


@dataclass(frozen=True)
class SyncReport:
    """One sync: what went up, what came down, what is left to decide.

    Attributes:
        pushed: Local operations the hub acknowledged.
        pulled: Hub changes applied here (rows, conflicts and resolutions).
        conflicts: Conflicts open now (after this sync).
        restored: The hub had been restored from an older dump: everything was sent again.
        entities: Tables the pull changed here (screens to refresh; empty: none).
        ids: Records the pull changed here (empty after a long pull: the tables say it all).
        at: When the sync finished.
    """

    pushed: int
    pulled: int
    conflicts: int
    restored: bool
    entities: frozenset[str]
    ids: frozenset[str]
    at: datetime


@dataclass(frozen=True)
class TeamStatus:
    """Where this workspace stands with its hub (the status bar's indicator).

    ``state``: ``alone`` (not joined), ``synced``, ``pending`` (local changes not yet sent),
    ``conflicts`` (some to decide); ``offline`` and ``refused`` come from the last attempt
    and are set by whoever runs the sync (the UI), not read from the file.
    """

    state: SyncStatus
    url: str | None
    user: str | None
    pending: int
    conflicts: int
    last_sync: datetime | None


@dataclass(frozen=True)
class ConflictView:
    """One field two laptops changed apart, from this laptop's point of view.

    ``mine`` is the value this laptop offered (or holds), ``theirs`` the other laptop's;
    ``changed_by``/``changed_at`` say who set ``theirs`` and when (by their clock: shown only).
    Values are the hub's JSON forms (text for moments and days, decimal numbers for money).
    """

    id: str
    entity: str
    row_id: str
    number: str | None
    record: str
    field: str
    mine: Any
    theirs: Any
    base: Any
    changed_by: str | None
    changed_at: datetime | None
    hub_seq: int
    mine_text: str = ""  # the values as a person reads them (a user's name, not an id)
    theirs_text: str = ""
