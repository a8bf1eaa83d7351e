"""What the status-bar indicator and the Team tab show of team mode: one frozen snapshot."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

ShownState = Literal["alone", "syncing", "synced", "pending", "conflicts", "offline", "refused"]


@dataclass(frozen=True)
class SyncView:
    """Where the open workspace stands with its hub, as the driver last learnt it.

    Attributes:
        state: ``alone`` (not joined: nothing shown), ``syncing``, ``synced``, ``pending``
            (local changes not sent yet), ``conflicts``, ``offline`` (the hub cannot be
            reached: nothing lost), ``refused`` (the hub said no: ``message`` says why).
        url: The hub's address (no user, no password).
        user: The team member this laptop syncs as.
        pending: Local changes waiting to go up.
        conflicts: Conflicts waiting for a decision.
        last_sync: When a sync last reached the hub (aware UTC).
        message: Why the last attempt was refused, in the user's language.
    """

    state: ShownState = "alone"
    url: str | None = None
    user: str | None = None
    pending: int = 0
    conflicts: int = 0
    last_sync: datetime | None = None
    message: str = ""

    @property
    def joined(self) -> bool:
        """Whether the workspace belongs to a team hub."""
        return self.state != "alone"

    def with_state(self, state: ShownState, message: str = "") -> SyncView:
        """This view in another state."""
        return replace(self, state=state, message=message)
