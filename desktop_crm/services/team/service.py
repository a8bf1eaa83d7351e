"""TeamService: what the UI and the CLI call for team mode (join, sync, conflicts).

Synchronous like every service: the UI runs ``sync`` off the GUI thread (on a timer, and soon
after a local change) and refreshes only the screens whose tables the report names.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

from desktop_crm.domain.errors import HubError
from desktop_crm.domain.progress import Progress
from desktop_crm.hub.address import HubAddress
from desktop_crm.hub.client import HubClient
from desktop_crm.services.team import conflicts as conflict_rules
from desktop_crm.services.team.dto import ConflictView, SyncReport, SyncStatus, TeamStatus
from desktop_crm.services.team.join import download, upload
from desktop_crm.services.team.outbox import pending_count
from desktop_crm.services.team.password import find_password, remember_password
from desktop_crm.services.team.state import read_last_sync, read_link
from desktop_crm.services.team.sync import sync_once
from desktop_crm.store.models import SyncConflict
from desktop_crm.store.schema import SCHEMA_VERSION
from desktop_crm.store.store import Store


class TeamService:
    """Team mode of one open workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def status(self) -> TeamStatus:
        """Joined or not, what waits to go up, conflicts to decide, the last sync."""
        with self._store.read() as session:
            link = read_link(session)
            if link is None:
                return TeamStatus("alone", None, None, 0, 0, None)
            waiting = pending_count(session)
            open_conflicts = int(
                session.scalar(
                    select(func.count())
                    .select_from(SyncConflict)
                    .where(SyncConflict.resolved_at.is_(None))
                )
                or 0
            )
            last = read_last_sync(session)
        state: SyncStatus = "conflicts" if open_conflicts else ("pending" if waiting else "synced")
        return TeamStatus(state, link.url, link.user, waiting, open_conflicts, last)

    def join(
        self,
        url: str,
        user: str,
        password: str | None = None,
        *,
        tls: str | None = None,
        remember: bool = False,
        progress: Progress | None = None,
    ) -> int:
        """Upload this workspace to an empty hub and join it; rows uploaded.

        Raises:
            ValidationError: The address is not one.
            HubError, HubUnreachableError, HubVersionError: See ``join.upload``.
        """
        with _member(url, user, password, tls, remember) as hub:
            return upload(self._store, hub, progress)

    def sync(self, progress: Progress | None = None, password: str | None = None) -> SyncReport:
        """Push and pull once (see ``sync.sync_once``).

        Raises:
            HubError: Not joined, refused, or no password known.
            HubUnreachableError: Offline: nothing lost, try later.
        """
        with self._store.read() as session:
            link = read_link(session)
        if link is None:
            raise HubError("This workspace has not joined a team hub.", reason="not_joined")
        address = HubAddress.parse(link.url)
        secret = password if password is not None else find_password(address, link.user)
        if secret is None:
            raise HubError(
                f"No password for {link.user} at {address.keychain_key}: enter it in Settings > "
                "Team, or set DESKTOP_CRM_HUB_PASSWORD.",
                reason="password",
            )
        with HubClient(address, link.user, secret) as hub:
            return sync_once(self._store, hub, progress)

    def remember_password(self, password: str) -> None:
        """Check ``password`` against the hub this workspace joined, then keep it in the keychain.

        Raises:
            HubError: Not joined, the password is refused, or there is no keychain.
            HubUnreachableError: The hub cannot be reached to check it.
        """
        with self._store.read() as session:
            link = read_link(session)
        if link is None:
            raise HubError("This workspace has not joined a team hub.", reason="not_joined")
        address = HubAddress.parse(link.url)
        with HubClient(address, link.user, password) as hub:
            hub.hello(link.device, SCHEMA_VERSION)
        remember_password(address, link.user, password)

    def conflicts(self) -> list[ConflictView]:
        """Open conflicts, oldest first, from this laptop's point of view."""
        return conflict_rules.list_conflicts(self._store)

    def resolve(
        self, conflict_id: str, choice: conflict_rules.Choice, value: str | None = None
    ) -> ConflictView:
        """Decide a conflict here (undoable); the next sync tells the hub and the others."""
        return conflict_rules.resolve(self._store, conflict_id, choice, value)


def join_into_new_workspace(
    path: Path,
    url: str,
    user: str,
    password: str | None = None,
    *,
    tls: str | None = None,
    remember: bool = False,
    progress: Progress | None = None,
) -> Store:
    """Download the hub's workspace into a new file at ``path``; the open store.

    Raises:
        ValidationError: A file is already there, or the address is not one.
        HubError, HubUnreachableError, HubVersionError: See ``join.download``.
    """
    with _member(url, user, password, tls, remember) as hub:
        return download(path, hub, user, progress)


@contextmanager
def _member(
    url: str, user: str, password: str | None, tls: str | None, remember: bool
) -> Iterator[HubClient]:
    """A connection as a member joining; the password kept in the keychain once it worked."""
    address = HubAddress.parse(url, tls)
    secret = password if password is not None else find_password(address, user)
    with HubClient(address, user, secret) as hub:
        yield hub
    if remember and password:
        remember_password(address, user, password)
