"""Joining a hub: upload this workspace to an empty hub, or download the hub into a new one.

Two unrelated workspaces are never merged: a workspace with data joins only an empty hub, and
a hub with data is joined from a new workspace file. The first upload is resumable: it goes
table by table in pages the hub applies once each (an interrupted upload starts again where it
stopped), and other laptops may join only once it has finished.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import HubError, ValidationError
from desktop_crm.domain.ids import new_id
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.progress import NullProgress, Progress
from desktop_crm.hub.client import HubClient, HubState
from desktop_crm.hub.tables import synced_tables
from desktop_crm.services.team.outbox import current_rows
from desktop_crm.services.team.state import (
    HubLink,
    read_cursor,
    read_link,
    read_upload,
    set_first_pull,
    write_cursor,
    write_link,
    write_upload,
)
from desktop_crm.services.team.sync import sync_once
from desktop_crm.store.local_user import set_local_user
from desktop_crm.store.models import User
from desktop_crm.store.schema import SCHEMA_VERSION
from desktop_crm.store.store import Store

SEED_PAGE = 2000  # rows per upload call
_BESIDE = ("-wal", "-shm", "-journal", ".lock")  # files SQLite and the lock keep beside one


def upload(store: Store, hub: HubClient, progress: Progress | None = None) -> int:
    """Join an empty hub with this workspace's data; how many rows were uploaded.

    Resumes an interrupted upload of the same workspace to the same hub.

    Raises:
        HubError: The hub already holds another workspace's data, or this workspace is joined
            to another hub.
    """
    progress = progress or NullProgress()
    state = hub.hello(None, SCHEMA_VERSION)
    with store.read() as session:
        link = read_link(session)
        me = store.actor_id
    if link is not None and not link.seeding:
        if link.epoch != state.epoch:
            raise HubError("This workspace is joined to another hub already.", reason="joined")
        if link.user != hub.user:
            raise HubError(
                f"This workspace has joined this hub as {link.user}, not {hub.user}.",
                reason="joined",
            )
        raise HubError(
            f"This workspace has joined this hub already (as {link.user}).",
            reason="already_joined",
        )
    if link is None:
        if state.devices or state.seq:
            raise HubError(
                "The hub already holds a team's workspace. Join it into a new workspace file "
                "instead (two workspaces are never merged).",
                reason="not_empty",
            )
        if me is None:
            raise ValidationError("This workspace has no local user.", field="user")
        device = str(uuid.uuid4())
        slot, user_id = hub.register(device, me)
        link = HubLink(hub.address.url, hub.user, device, slot, state.epoch, user_id, seeding=True)
        with store.unit_of_work("join", "system") as (session, _rec):
            write_link(session, link)
            write_cursor(session, 0)
        store.team = True  # from now on every change is queued for the hub
    # Seeded already (a crash before this laptop noted it): every page is on the hub.
    uploaded = 0 if state.seeded else _seed(store, hub, link, progress)
    seq = hub.seeded(link.device)  # what the upload ends at: others' changes come after it
    with store.unit_of_work("joined", "system") as (session, _rec):
        write_cursor(session, seq)
        write_link(
            session, HubLink(**{**link.__dict__, "seeding": False}).marked(seq, hub.mark(seq))
        )
        write_upload(session, None)
    return uploaded


def _seed(store: Store, hub: HubClient, link: HubLink, progress: Progress) -> int:
    with store.read() as session:
        done = read_upload(session)
        total = sum(
            session.scalar(select(func.count()).select_from(t)) or 0 for t in synced_tables()
        )
    uploaded = 0
    for table in synced_tables():
        last = done.get(table.name)
        if last == "*":
            continue
        while True:
            with store.read() as session:
                ids = _page_ids(session, table, last)
                rows = current_rows(session, table.name, ids) if ids else []
            if not rows:
                break
            page = str(uuid.uuid5(uuid.UUID(link.device), f"seed:{table.name}:{ids[0]}"))
            hub.seed(link.device, page, table.name, [{"id": rid, **fields} for rid, fields in rows])
            last = ids[-1]
            done[table.name] = last
            with store.unit_of_work("upload", "system") as (session, _rec):
                write_upload(session, done)
            uploaded += len(rows)
            progress.report(uploaded, total)
            progress.check_cancelled()
        done[table.name] = "*"
        with store.unit_of_work("upload", "system") as (session, _rec):
            write_upload(session, done)
    return uploaded


def _page_ids(session: Session, table: Table, after: str | None) -> list[str]:
    query = select(table.c.id).order_by(table.c.id).limit(SEED_PAGE)
    if after is not None:
        query = query.where(table.c.id > after)
    return list(session.scalars(query))


def download(path: Path, hub: HubClient, user_name: str, progress: Progress | None = None) -> Store:
    """Make a new workspace at ``path`` holding the hub's data; the open store.

    Raises:
        ValidationError: A non-empty file is already at ``path``.
        HubError: The hub is empty (join from a workspace to upload it) or still being seeded.
    """
    progress = progress or NullProgress()
    path = path.expanduser().resolve()
    if path.exists() and path.stat().st_size > 0:
        raise ValidationError(
            f"{path} already exists. A workspace with data joins only an empty hub; give a new "
            "file name to download the team's workspace.",
            field="path",
        )
    state: HubState = hub.hello(None, SCHEMA_VERSION)
    if not state.devices:
        raise HubError(
            "The hub is empty: join it from an existing workspace to upload that workspace.",
            reason="empty",
        )
    if not state.seeded:
        raise HubError(
            "The first laptop is still uploading the workspace; join when it has finished.",
            reason="seeding",
        )
    store = Store.open(path, create=True)
    pulled = False
    try:
        device = str(uuid.uuid4())
        proposed = new_id()
        slot, user_id = hub.register(device, proposed)
        link = HubLink(hub.address.url, hub.user, device, slot, state.epoch, user_id)
        with store.unit_of_work("join", "system") as (session, _rec):
            write_link(session, link)
            write_cursor(session, 0)
            set_first_pull(session, True)
            set_local_user(session, user_id)
        store.team = True
        if user_id == proposed:  # a new member: their user record is made here, then sent
            label = op_label(LabelCode.JOIN_HUB, name=user_name)
            with store.unit_of_work(label) as (session, _rec):
                session.add(User(id=user_id, name=user_name))
        store.actor_id = user_id
        sync_once(store, hub, progress)
        return store
    except BaseException:
        with store.read() as session:
            pulled = read_cursor(session) > 0
        store.close()
        if not pulled:  # nothing of the team's here yet: leave no file to trip a retry
            for leftover in (path, *(path.with_name(path.name + s) for s in _BESIDE)):
                leftover.unlink(missing_ok=True)
        raise
