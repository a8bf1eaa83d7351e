"""kill -9 of a team laptop's process during a local write, a pull and a push (issue 14, test 5).

Each test runs the work in a real process (a small script through the store, or the CLI's
``join`` and ``sync``), kills it with SIGKILL part-way, then checks the file as the app would
find it: ``PRAGMA integrity_check`` is ok; the pull cursor is not ahead of what was applied
(the local rows are exactly the hub's changes up to the cursor, pages being applied with their
cursor in one transaction); every operation the hub acknowledged is on the hub; every local
operation is still queued; and a normal sync afterwards converges the laptops and the hub.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop_crm.domain.errors import HubUnreachableError
from desktop_crm.hub.client import PULL_PAGE, HubClient
from desktop_crm.hub.tables import synced_tables
from desktop_crm.services.team.join import download, upload
from desktop_crm.services.team.outbox import pending_count
from desktop_crm.services.team.state import read_cursor, read_link
from desktop_crm.services.workspace.handle import Workspace, create_workspace, open_workspace
from desktop_crm.store.models import Operation, Person, SyncOutbox, User
from desktop_crm.store.schema import integrity_check
from tests.hub_fixtures import (
    MEMBER_PASSWORD,
    Hub,
    Laptop,
    canonical,
    first_laptop,
    joining_laptop,
    laptop_path,
)
from tests.unit.test_sync_stateful import hub_dump, local_dump

ROOT = Path(__file__).resolve().parents[2]
CURSOR_SQL = "SELECT value FROM local_state WHERE key = 'sync.cursor'"


def _env() -> dict[str, str]:
    return {**os.environ, "DESKTOP_CRM_HUB_PASSWORD": MEMBER_PASSWORD, "PYTHONPATH": str(ROOT)}


def _cli(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", *args],
        env=_env(),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _peek(path: Path, sql: str) -> Any:
    """One value read from a file another process is writing (None while it has none)."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.05) as conn:
            row = conn.execute(sql).fetchone()
    except sqlite3.Error:
        return None  # not made yet, or its schema not yet
    return None if row is None else row[0]


def _kill_when(proc: subprocess.Popen[bytes], ready: Callable[[], bool], limit: float = 60) -> None:
    """SIGKILL ``proc`` once ``ready()`` (then a random few milliseconds more, to land anywhere)."""
    deadline = time.monotonic() + limit
    while not ready():
        assert proc.poll() is None, f"the process ended before the kill: {proc.communicate()}"
        assert time.monotonic() < deadline, "the process never got there"
        time.sleep(0.005)
    time.sleep(random.uniform(0, 0.25))
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "the process finished before it was killed"


def _hub_changes(hub: Hub) -> list[tuple[int, str, str, str, str | None]]:
    with hub.admin() as conn:
        rows = conn.execute(
            "SELECT seq, entity, row_id::text, action, device_id::text FROM crm.changes "
            "ORDER BY seq"
        )
        return [tuple(r) for r in rows.fetchall()]  # type: ignore[misc]


def _check_cursor(ws: Workspace, hub: Hub) -> int:
    """The cursor is at what was applied: no further (nor behind, pages being whole).

    Every record the hub created at or before the cursor is here; none that another laptop
    created after it is (they come with the page that moves the cursor past them).
    """
    with ws.store.read() as session:
        cursor = read_cursor(session)
        link = read_link(session)
        here = {table.name: set(session.scalars(select(table.c.id))) for table in synced_tables()}
    assert link is not None
    for seq, entity, row_id, action, device in _hub_changes(hub):
        if action != "create":
            continue
        if seq <= cursor:
            assert row_id in here[entity], f"change {seq} ({entity}) <= cursor {cursor}, not here"
        elif device != link.device:
            assert row_id not in here[entity], f"change {seq} ({entity}) > cursor {cursor}, here"
    return cursor


def _converged(hub: Hub, *laptops: Laptop) -> None:
    for _round in range(2):
        for laptop in laptops:
            laptop.sync()
    for laptop in laptops:
        with laptop.store.read() as session:
            assert pending_count(session) == 0
    first = canonical(laptops[0])
    for laptop in laptops[1:]:
        assert canonical(laptop) == first
    assert local_dump(laptops[0]) == hub_dump(hub)


def _bulk_people(ws: Workspace, count: int, prefix: str) -> list[str]:
    """``count`` people inserted as one bulk operation (as an import does)."""
    with ws.store.unit_of_work("crash test people", "bulk") as (session, rec):
        return rec.bulk_insert(
            session,
            Person,
            [
                {"name": f"{prefix}{i}", "number": f"{prefix}-{i:06d}", "title": "起"}
                for i in range(count)
            ],
        )


# --- (a) during a local write --------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop_crm.services.workspace.handle import open_workspace
    from desktop_crm.store.models import Person
    from tests import drafts
    ws = open_workspace(Path(sys.argv[1]))
    ids = sys.argv[3].split(",")
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        if i % 7 == 0:  # a new person now and then: the editor's save
            title = f"{sys.argv[2]}-{i}"
            result = ws.people.save(drafts.person(f"新{title}", title=title))
            print(result.operation_id, result.ids[0], title, flush=True)
            continue
        pid = ids[i % len(ids)]
        with ws.store.unit_of_work("crash edit") as (session, rec):
            session.get(Person, pid).title = f"{sys.argv[2]}-{i}"
        # acknowledged only once the commit has returned
        print(rec.operation_id, pid, f"{sys.argv[2]}-{i}", flush=True)
""")


def _run_writer(path: Path, round_no: int, ids: list[str], rnd: random.Random) -> list[list[str]]:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(round_no), ",".join(ids)],
        stdout=subprocess.PIPE,
        env=_env(),
        cwd=ROOT,
        bufsize=0,
    )
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    out = b""
    while b"ready\n" not in out:
        chunk = os.read(fd, 4096)
        assert chunk, "the writer died before it was ready"
        out += chunk
    out = out.split(b"ready\n", 1)[1]
    while b"\n" not in out:  # the first write warms the process up (imports, caches)
        chunk = os.read(fd, 4096)
        assert chunk, "the writer died before its first write"
        out += chunk
    os.set_blocking(fd, False)
    deadline = time.monotonic() + rnd.uniform(0.05, 0.5)
    while time.monotonic() < deadline:
        try:
            out += os.read(fd, 65536)
        except BlockingIOError:
            time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        while chunk := os.read(fd, 65536):
            out += chunk
    except BlockingIOError:
        pass
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    lines = out.decode().split("\n")[:-1]  # a torn last line is no acknowledgement
    return [line.split(" ") for line in lines if line]


def test_kill_9_during_local_writes_loses_no_operation_and_queues_every_one(hub, tmp_path):
    alice = first_laptop(hub, tmp_path, "alice")
    ids = [alice.add_person(f"客户{i}", title="起") for i in range(20)]
    alice.sync()
    bob = joining_laptop(hub, tmp_path, "bob")
    bob.sync()
    alice.sync()
    with alice.store.read() as session:
        joined_ops = set(session.scalars(select(Operation.id)))
    alice.close()
    path = laptop_path(tmp_path, "alice")
    rnd = random.Random(14)
    acknowledged: list[list[str]] = []
    for round_no in range(5):
        acknowledged += _run_writer(path, round_no, ids, rnd)
    assert len(acknowledged) > 50  # the writers really wrote
    assert integrity_check(path) == "ok"

    ws = open_workspace(path)
    alice = Laptop(ws, hub, "alice")
    _check_cursor(ws, hub)
    with ws.store.read() as session:
        outbox = {
            op: acked
            for op, acked in session.execute(select(SyncOutbox.operation_id, SyncOutbox.acked))
        }
        made = {
            op_id
            for op_id, kind in session.execute(select(Operation.id, Operation.kind))
            if op_id not in joined_ops and kind != "sync"
        }
        titles = {p.id: p.title for p in session.scalars(select(Person))}
    # Every acknowledged operation is in the file and queued for the hub, and so is every
    # operation the writers committed (acknowledged or not): the outbox is in the same
    # transaction as the change.
    assert {op for op, _pid, _title in acknowledged} <= made
    assert made <= set(outbox)
    assert all(outbox[op] is None for op in made)
    # Nothing acknowledged was lost: each person's title is the last acknowledged one or later.
    order = {title: n for n, (_op, _pid, title) in enumerate(acknowledged)}
    last: dict[str, str] = {}
    for _op, pid, title in acknowledged:
        last[pid] = title
    for pid, title in last.items():
        here = titles[pid]
        assert here == title or _later(here, title, order), (pid, here, title)
    _converged(hub, alice, bob)
    alice.close()
    bob.close()


def _later(here: str | None, acked: str, order: dict[str, int]) -> bool:
    """Whether ``here`` was written after ``acked`` (committed, its line lost with the kill)."""
    if here is None or here in order:
        return False
    h_round, h_i = (int(x) for x in here.split("-"))
    a_round, a_i = (int(x) for x in acked.split("-"))
    return (h_round, h_i) > (a_round, a_i)


# --- (b) during pull-apply -------------------------------------------------------------------

BACKLOG = 20_000


@pytest.fixture
def backlog(hub, tmp_path) -> Iterator[Laptop]:
    """Alice's workspace of 20,000 people, uploaded: a first download pulls 20,000 changes."""
    ws = create_workspace(laptop_path(tmp_path, "alice"))
    _bulk_people(ws, BACKLOG, "P")
    ws.close(backup_if_changed=False)
    alice = Laptop(open_workspace(laptop_path(tmp_path, "alice")), hub, "alice")
    with hub.client("alice") as client:
        upload(alice.store, client)
    yield alice
    alice.close()


def test_kill_9_during_a_first_download_leaves_the_cursor_at_what_was_applied(
    hub, tmp_path, backlog
):
    alice = backlog
    path = laptop_path(tmp_path, "bob")
    proc = _cli("join", str(path), hub.url, "--user", "bob")
    _kill_when(proc, lambda: int(_peek(path, CURSOR_SQL) or 0) > 0)
    assert integrity_check(path) == "ok"
    ws = open_workspace(path)
    try:
        cursor = _check_cursor(ws, hub)
        total = _hub_changes(hub)[-1][0]
        assert 0 < cursor < total  # killed part-way, after some pages
        assert ws.store.actor_id is not None, "the new workspace has no local user"
    finally:
        ws.close(backup_if_changed=False)
    # The next sync goes on where the download stopped.
    bob = Laptop(open_workspace(path), hub, "bob")
    try:
        _converged(hub, alice, bob)
        hits = bob.ws.search.global_search("P19999")  # indexed once, at the end of the download
        assert [hit.title for hit in hits][:1] == ["P19999"]
    finally:
        bob.close()


def test_a_download_cut_short_and_run_again_gives_the_workspace_its_user(
    hub, tmp_path, monkeypatch
):
    alice = first_laptop(hub, tmp_path, "alice")
    alice.add_person("王小明")
    alice.sync()
    path = laptop_path(tmp_path, "bob")

    def lost(*_args: object, **_kwargs: object) -> None:
        raise HubUnreachableError("connection lost", reason="unreachable")

    monkeypatch.setattr(HubClient, "pull", lost)
    with hub.client("bob") as client, pytest.raises(HubUnreachableError):
        download(path, client, "bob")
    monkeypatch.undo()
    # The user runs the same command again.
    again = _cli("join", str(path), hub.url, "--user", "bob")
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err.decode()
    bob = Laptop(open_workspace(path), hub, "bob")
    try:
        _converged(hub, alice, bob)
        assert bob.store.actor_id is not None, f"no local user after: {out.decode().strip()}"
        user = bob.get(User, bob.store.actor_id)
        assert user is not None and user.name == "bob"
    finally:
        bob.close()
        alice.close()


def test_kill_9_during_a_pull_after_time_offline_leaves_the_cursor_at_what_was_applied(
    hub, tmp_path
):
    alice = first_laptop(hub, tmp_path, "alice")
    bob = joining_laptop(hub, tmp_path, "bob")
    bob.sync()
    alice.sync()
    bob.close()
    # Alice works while bob is away: an import of 6,000 people goes to the hub (six pages).
    _bulk_people(alice.ws, 6 * PULL_PAGE, "Q")
    alice.sync()
    path = laptop_path(tmp_path, "bob")
    start = int(_peek(path, CURSOR_SQL))
    proc = _cli("sync", str(path))
    _kill_when(proc, lambda: int(_peek(path, CURSOR_SQL) or 0) > start)
    assert integrity_check(path) == "ok"
    bob = Laptop(open_workspace(path), hub, "bob")
    try:
        with bob.store.read() as session:
            cursor = read_cursor(session)
        assert start < cursor < _hub_changes(hub)[-1][0]
        _check_cursor(bob.ws, hub)
        _converged(hub, alice, bob)
    finally:
        bob.close()
        alice.close()


# --- (c) during push -------------------------------------------------------------------------

OPERATIONS = 2000


def test_kill_9_during_a_push_loses_nothing_acknowledged_and_applies_each_operation_once(
    hub, tmp_path
):
    alice = first_laptop(hub, tmp_path, "alice")
    ids = _bulk_people(alice.ws, 200, "R")
    alice.sync()
    bob = joining_laptop(hub, tmp_path, "bob")
    bob.sync()
    alice.sync()
    # Alice, offline for a while, makes thousands of operations (one title change each).
    titles: dict[str, str] = {}
    made: dict[str, int] = {}  # operation id: its number
    for n in range(OPERATIONS):
        pid = ids[n % len(ids)]
        titles[pid] = f"改{n}"
        with alice.store.unit_of_work("crash edit") as (session, rec):
            session.get(Person, pid).title = titles[pid]
        assert rec.operation_id is not None
        made[rec.operation_id] = n
    alice.close()
    path = laptop_path(tmp_path, "alice")
    acked_sql = "SELECT count(*) FROM sync_outbox WHERE acked IS NOT NULL"
    before = int(_peek(path, acked_sql))
    proc = _cli("sync", str(path))
    _kill_when(proc, lambda: int(_peek(path, acked_sql) or 0) > before)
    assert integrity_check(path) == "ok"
    alice = Laptop(open_workspace(path), hub, "alice")
    try:
        _check_cursor(alice.ws, hub)
        with alice.store.read() as session:
            rows = session.execute(select(SyncOutbox.operation_id, SyncOutbox.acked)).all()
            waiting = pending_count(session)
        acked = {op for op, seq in rows if seq is not None}
        assert waiting > 0, "the push finished before the kill"
        with hub.admin() as conn:
            on_hub = {
                str(r[0]) for r in conn.execute("SELECT DISTINCT operation_id FROM crm.applied")
            }
        missing = acked - on_hub
        assert not missing, f"{len(missing)} acknowledged operations are not on the hub"
        # Their values too: each person's title on the hub is its last acknowledged one or later.
        with hub.admin() as conn:
            on_hub_titles = dict(conn.execute("SELECT id::text, title FROM crm.people").fetchall())
        for op in acked & set(made):
            n = made[op]
            held = on_hub_titles[ids[n % len(ids)]]
            assert held.startswith("改") and int(held[1:]) >= n, (n, held)
        _converged(hub, alice, bob)
        # Each title change reached the hub exactly once, retried or not.
        with hub.admin() as conn:
            (count,) = conn.execute(
                "SELECT count(*) FROM crm.changes WHERE entity = 'people' AND action = 'update' "
                "AND fields ? 'title'"
            ).fetchone()
        assert count == OPERATIONS
        for pid, title in titles.items():
            assert bob.get(Person, pid).title == title
    finally:
        alice.close()
        bob.close()
