"""One sync: version gate, restored-hub check, push the outbox, pull to the end.

Pure work on a store and a hub client, with progress and cancel: the UI runs it off the GUI
thread on a timer, the CLI once. Stopping at any point (cancel, crash, lost network) is safe:
a push batch is one hub transaction, re-sent with the same ids; a pull page is one local
transaction with its cursor.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import HubError
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.hub.client import PULL_PAGE, HubClient
from desktop_crm.services.team.dto import SyncReport
from desktop_crm.services.team.outbox import hub_ops, mark_acked, pending
from desktop_crm.services.team.pull import Applied, apply_page
from desktop_crm.services.team.state import (
    HubLink,
    first_pull_due,
    read_cursor,
    read_link,
    set_first_pull,
    write_cursor,
    write_last_sync,
    write_link,
)
from desktop_crm.store import search_index
from desktop_crm.store.local_user import local_user_id
from desktop_crm.store.models import SyncConflict, SyncOutbox
from desktop_crm.store.schema import SCHEMA_VERSION
from desktop_crm.store.store import Store

PUSH_BATCH = 500  # hub operations per push transaction
FIRST_PULL_PAGE = 5000  # changes per page of a first download (the hub's largest)


def sync_once(store: Store, hub: HubClient, progress: Progress | None = None) -> SyncReport:
    """Push what waits, then pull everything new.

    A new workspace's first pull (the whole hub, until it has finished even if cut short and
    resumed) takes larger pages and builds the search index once at the end.

    Raises:
        HubVersionError: The app and the hub are of different versions.
        HubError: The hub refused (another team's hub, not joined) or failed.
        HubUnreachableError: The connection was lost (what was done stays done).
        CancelledError: ``progress`` was cancelled (what was done stays done).
    """
    progress = progress or NullProgress()
    with store.read() as session:
        link = read_link(session)
        cursor = read_cursor(session)
        first = first_pull_due(session)
    if link is None:
        raise HubError("This workspace has not joined a team hub.", reason="not_joined")
    try:
        state = hub.hello(link.device, SCHEMA_VERSION)
    except HubError as exc:
        if exc.params.get("reason") != "not_joined":
            raise
        # A hub restored from a dump older than this laptop's join has forgotten it: the same
        # team (epoch) takes it back, with its number range if still free.
        if hub.hello(None, SCHEMA_VERSION).epoch != link.epoch:
            raise
        slot, _user = hub.register(link.device, link.user_id, link.slot)
        if slot != link.slot:
            link = replace(link, slot=slot)
            with store.unit_of_work("sync rejoin", "system") as (session, _rec):
                write_link(session, link)
        state = hub.hello(link.device, SCHEMA_VERSION)
    if state.epoch != link.epoch:
        raise HubError(
            "The hub holds another team's workspace (it was replaced); this workspace cannot "
            "sync with it.",
            reason="other_hub",
        )
    restored = _restored(hub, link, cursor, state.seq)
    if restored:
        _start_over(store)
    pushed = _push(store, hub, link, progress)
    applied = _pull(store, hub, link, progress, first=first)
    if first:
        with store.unit_of_work("search index", "system") as (session, _rec):
            search_index.rebuild_all(session)
            set_first_pull(session, False)
        store.search_keys.invalidate()
    at = datetime.now(UTC)
    with store.unit_of_work("sync bookkeeping", "system") as (session, _rec):
        write_last_sync(session, at)
        cursor = read_cursor(session)
        mark = hub.mark(cursor) if cursor else None
        write_link(session, link.marked(cursor, mark))
        conflicts = open_conflicts(session)
        if store.actor_id is None:  # a download cut short: the member's record came now
            store.actor_id = local_user_id(session)
    return SyncReport(
        pushed=pushed,
        pulled=applied.rows + applied.conflicts + applied.resolved,
        conflicts=conflicts,
        restored=restored,
        entities=frozenset(applied.entities | ({"sync_conflicts"} if applied.conflicts else set())),
        ids=frozenset(applied.ids),
        at=at,
    )


def _restored(hub: HubClient, link: HubLink, cursor: int, hub_seq: int) -> bool:
    """Whether the hub forgot history this laptop saw (restored from an older dump)."""
    if cursor == 0:
        return False
    if hub_seq < cursor:
        return True
    return link.mark_seq == cursor and link.mark_op is not None and hub.mark(cursor) != link.mark_op


def _start_over(store: Store) -> None:
    """Send everything again (the hub skips what it holds) and pull from the start."""
    with store.unit_of_work("sync restart", "system") as (session, _rec):
        session.execute(update(SyncOutbox).values(acked=None))
        write_cursor(session, 0)


def _push(store: Store, hub: HubClient, link: HubLink, progress: Progress) -> int:
    pushed = 0
    while True:
        with store.read() as session:
            items = pending(session)
            if not items:
                return pushed
            batch: list[dict[str, object]] = []
            sent: list[int] = []
            for item in items:
                for op in hub_ops(session, item):
                    batch.append(op)
                    if len(batch) >= PUSH_BATCH:
                        hub.push(link.device, batch)
                        batch = []
                        progress.check_cancelled()
                sent.append(item.seq)
                if len(batch) >= PUSH_BATCH // 2:
                    break
        result = hub.push(link.device, batch) if batch else {"seq": 0}
        with store.unit_of_work("sync acknowledged", "system") as (session, _rec):
            mark_acked(session, sent, int(result.get("seq") or 0))
        pushed += len(sent)
        progress.report(pushed, pushed + 1)
        progress.check_cancelled()


def _pull(
    store: Store, hub: HubClient, link: HubLink, progress: Progress, *, first: bool
) -> Applied:
    applied = Applied()
    size = FIRST_PULL_PAGE if first else PULL_PAGE
    while True:
        with store.read() as session:
            cursor = read_cursor(session)
        page = hub.pull(link.device, cursor, size)
        if not page:
            return applied
        apply_page(store, page, applied, reindex=not first)
        progress.report(page[-1].seq, max(page[-1].seq, 1))
        progress.check_cancelled()
        if len(page) < size:
            return applied


def open_conflicts(session: Session) -> int:
    """How many conflicts wait for a decision."""
    return int(
        session.scalar(
            select(func.count()).select_from(SyncConflict).where(SyncConflict.resolved_at.is_(None))
        )
        or 0
    )
