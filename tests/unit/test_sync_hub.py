"""The hub's guarantees on a real PostgreSQL: idempotent pushes, whole batches, commit order,
clocks that do not matter, version gates, restores, and roles that may only sync (issue 14,
tests 4, 6, 8 and 9)."""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
import uuid
from datetime import timedelta

import psycopg
import pytest

from desktop_crm.domain.errors import HubError, HubUnreachableError, HubVersionError
from desktop_crm.hub.client import HubClient
from desktop_crm.services.team import sync as sync_module
from desktop_crm.store import changelog
from desktop_crm.store.models import Person
from desktop_crm.store.schema import SCHEMA_VERSION
from tests.hub_fixtures import MEMBER_PASSWORD, canonical, first_laptop, joining_laptop


@pytest.fixture
def pair(hub, tmp_path):
    a = first_laptop(hub, tmp_path, "alice")
    pid = a.add_person("韩梅梅", title="起")
    a.sync()
    b = joining_laptop(hub, tmp_path, "bob")
    b.sync()
    a.sync()
    yield a, b, pid
    a.close()
    b.close()


def _pg_tool(name, hub, *args):
    env = {"PGPASSWORD": "admin-secret", "PATH": "/usr/bin:/bin"}
    conn_args = ["-h", hub.server.host, "-p", str(hub.server.port), "-U", "hub_admin"]
    subprocess.run([shutil.which(name), *conn_args, *args], check=True, env=env)


def pg_dump(hub, path):
    """A dump of the hub as a studio takes it nightly (custom format)."""
    _pg_tool("pg_dump", hub, "-Fc", "-f", str(path), hub.database)
    return path


def pg_restore(hub, path):
    """The hub replaced by ``path``'s dump: dropped, made again, restored."""
    with psycopg.connect(hub.server.admin_dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE {hub.database} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {hub.database}")
    _pg_tool("pg_restore", hub, "-d", hub.database, str(path))


def device_of(laptop):
    from desktop_crm.services.team.state import read_link

    with laptop.store.read() as session:
        return read_link(session).device


def hub_rows(hub, sql, *params):
    with hub.admin() as conn:
        return conn.execute(sql, params).fetchall()


def test_an_answer_lost_after_the_hub_committed_is_applied_once_on_retry(pair, hub, monkeypatch):
    a, b, pid = pair
    a.edit(Person, pid, title="一次")
    real_push = HubClient.push

    def push_then_lose_the_answer(self, device, ops):
        real_push(self, device, ops)
        raise HubUnreachableError("connection lost", reason="unreachable")

    monkeypatch.setattr(HubClient, "push", push_then_lose_the_answer)
    with pytest.raises(HubUnreachableError):
        a.sync()
    monkeypatch.setattr(HubClient, "push", real_push)
    report = a.sync()
    assert report.pushed == 1
    changes = hub_rows(
        hub, "SELECT count(*) FROM crm.changes WHERE row_id = %s AND fields ? 'title'", pid
    )
    assert changes[0][0] == 2  # the upload and this edit, once
    b.sync()
    assert b.get(Person, pid).title == "一次"


def test_a_batch_with_one_bad_operation_is_refused_whole(pair, hub):
    a, _b, pid = pair
    before = hub_rows(hub, "SELECT seq FROM crm.clock")[0][0]
    good = {
        "op": str(uuid.uuid4()),
        "operation": str(uuid.uuid4()),
        "entity": "people",
        "id": pid,
        "action": "update",
        "base": before,
        "fields": {"title": "好"},
    }
    bad = {**good, "op": str(uuid.uuid4()), "fields": {"no_such_field": 1}}
    with hub.client("alice") as client, pytest.raises(HubError, match="no field"):
        client.push(device_of(a), [good, bad])
    assert hub_rows(hub, "SELECT seq FROM crm.clock")[0][0] == before
    assert hub_rows(hub, "SELECT title FROM crm.people WHERE id = %s", pid)[0][0] == "起"
    assert hub_rows(hub, "SELECT count(*) FROM crm.applied WHERE op_id = %s", good["op"])[0][0] == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"birthday": "not a day"},
        {"owner_id": "not-a-uuid"},
        {"id": "01a25048-e941-71fe-8efd-9a6150b7839d"},
        {"sync_fields": {}},
    ],
)
def test_malformed_operations_are_rejected_by_the_hub(pair, hub, fields):
    a, _b, pid = pair
    op = {
        "op": str(uuid.uuid4()),
        "operation": str(uuid.uuid4()),
        "entity": "people",
        "id": pid,
        "action": "update",
        "base": 0,
        "fields": fields,
    }
    with hub.client("alice") as client, pytest.raises(HubError):
        client.push(device_of(a), [op])
    with hub.client("alice") as client:
        for broken in ([{**op, "entity": "pg_authid"}], [{**op, "action": "drop"}], {"x": 1}):
            with pytest.raises(HubError):
                client.push(device_of(a), broken)  # type: ignore[arg-type]


def test_a_member_may_call_the_sync_functions_and_nothing_else(pair, hub):
    a, _b, _pid = pair
    dsn = (
        f"host={hub.server.host} port={hub.server.port} dbname={hub.database} user=bob "
        f"password={MEMBER_PASSWORD}"
    )
    statements = [
        "SELECT * FROM crm.people",
        "UPDATE crm.people SET title = 'x'",
        "INSERT INTO crm.changes (seq, entity, row_id, action, fields, at) "
        "VALUES (999, 'people', gen_random_uuid(), 'update', '{}', now())",
        "UPDATE crm.clock SET seq = 0",
        "SELECT crm.next_seq()",
        "CREATE TABLE crm.mine (x int)",
        "CREATE TABLE public.mine (x int)",
    ]
    for statement in statements:
        with psycopg.connect(dsn) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(statement)
    # Another member's laptop cannot be used to push as them.
    with hub.client("bob") as client, pytest.raises(HubError, match="joined as alice"):
        client.push(device_of(a), [])


def test_a_puller_never_skips_a_change_committed_late(pair, hub):
    a, b, pid = pair
    seen: list[int] = []
    stop = threading.Event()
    errors: list[BaseException] = []

    def pull_continuously() -> None:
        try:
            with hub.client("carol") as client:
                device = str(uuid.uuid4())
                client.register(device, str(uuid.uuid4()))
                cursor = 0
                while not stop.is_set():
                    for change in client.pull(device, cursor, 500):
                        seen.append(change.seq)
                        cursor = change.seq
                    time.sleep(0.005)
                for change in client.pull(device, cursor, 5000):
                    seen.append(change.seq)
        except BaseException as exc:
            errors.append(exc)

    puller = threading.Thread(target=pull_continuously)
    puller.start()
    dsn = (
        f"host={hub.server.host} port={hub.server.port} dbname={hub.database} user=alice "
        f"password={MEMBER_PASSWORD}"
    )
    slow_op = {
        "op": str(uuid.uuid4()),
        "operation": str(uuid.uuid4()),
        "entity": "people",
        "id": pid,
        "action": "update",
        "base": 0,
        "fields": {"notes": "慢"},
    }
    slow = psycopg.connect(dsn)
    try:
        from psycopg.types.json import Jsonb

        slow.execute("SELECT crm.sync_push(%s, %s)", (device_of(a), Jsonb([slow_op])))
        # Alice's transaction holds its change (and the clock) uncommitted while Bob pushes.
        done = threading.Event()

        def bob_pushes() -> None:
            for n in range(5):
                b.edit(Person, pid, department=f"部门{n}")
            b.sync()
            done.set()

        pusher = threading.Thread(target=bob_pushes)
        pusher.start()
        time.sleep(1.0)
        assert not done.is_set()  # Bob waits for the clock: numbers follow commit order
        slow.commit()
        pusher.join(30)
        assert done.is_set()
    finally:
        slow.close()
    time.sleep(0.3)
    stop.set()
    puller.join(30)
    assert not errors
    total = hub_rows(hub, "SELECT max(seq) FROM crm.changes")[0][0]
    assert seen == list(range(1, total + 1))


def test_clock_skew_of_days_changes_no_merge_result(pair, monkeypatch):
    a, b, pid = pair
    real_now = changelog.utc_now
    # Bob's laptop runs five days ahead; Alice edits later by the wall clock, but pushes first.
    monkeypatch.setattr(changelog, "utc_now", lambda: real_now() + timedelta(days=5))
    b.edit(Person, pid, title="鲍勃")
    monkeypatch.setattr(changelog, "utc_now", real_now)
    a.edit(Person, pid, title="爱丽丝")
    a.sync()
    b.sync()
    a.sync()
    for laptop in (a, b):
        assert laptop.get(Person, pid).title == "爱丽丝"  # pushed first: kept; the other kept aside
        [conflict] = laptop.ws.team.conflicts()
        assert {conflict.mine, conflict.theirs} == {"爱丽丝", "鲍勃"}
    assert canonical(a) == canonical(b)


def test_an_older_app_is_refused_with_update_the_app(pair, monkeypatch):
    a, _b, _pid = pair
    with a.hub.client("alice") as client:
        with pytest.raises(HubVersionError, match=r"[Uu]pdate the app"):
            client.hello(device_of(a), SCHEMA_VERSION - 1)
        with pytest.raises(HubVersionError, match="hub init"):
            client.hello(device_of(a), SCHEMA_VERSION + 1)
    monkeypatch.setattr(sync_module, "SCHEMA_VERSION", SCHEMA_VERSION - 1)
    a.edit(Person, _pid, title="旧版")
    with pytest.raises(HubVersionError):
        a.sync()
    with a.store.read() as session:
        from desktop_crm.services.team.outbox import pending_count

        assert pending_count(session) == 1  # nothing lost: it waits for the update


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_hub_restored_from_an_older_dump_is_sent_what_it_lost(pair, hub, tmp_path):
    a, b, pid = pair
    dump = pg_dump(hub, tmp_path / "hub.dump")
    a.edit(Person, pid, title="恢复后还在")
    made = a.add_person("新客户")
    a.sync()
    b.edit(Person, pid, notes="鲍勃的备注")
    b.sync()
    a.sync()
    pg_restore(hub, dump)  # the office box fails; the studio restores last night's dump
    assert hub_rows(hub, "SELECT count(*) FROM crm.people WHERE id = %s", made)[0][0] == 0
    assert a.sync().restored
    assert b.sync().restored
    a.sync()
    for laptop in (a, b):
        person = laptop.get(Person, pid)
        assert (person.title, person.notes) == ("恢复后还在", "鲍勃的备注")
        assert laptop.get(Person, made) is not None
    assert hub_rows(hub, "SELECT count(*) FROM crm.people WHERE id = %s", made)[0][0] == 1
    assert canonical(a) == canonical(b)


def test_an_interrupted_first_upload_and_download_resume(hub, tmp_path, monkeypatch):
    from desktop_crm.services.team import join as join_module
    from desktop_crm.services.workspace.handle import create_workspace, open_workspace

    monkeypatch.setattr(join_module, "SEED_PAGE", 50)
    ws = create_workspace(tmp_path / "big.crm")
    for n in range(180):
        ws.people.save(drafts_person(f"客户{n}"), today=None)
    real_seed = HubClient.seed
    calls = {"n": 0}

    def seed_then_fail(self, *args):
        calls["n"] += 1
        if calls["n"] == 3:
            raise HubUnreachableError("network lost", reason="unreachable")
        return real_seed(self, *args)

    monkeypatch.setattr(HubClient, "seed", seed_then_fail)
    with hub.client("alice") as client, pytest.raises(HubUnreachableError):
        join_module.upload(ws.store, client)
    with hub.client("alice") as client:
        join_module.upload(ws.store, client)  # resumes after the pages the hub has
    people = hub_rows(hub, "SELECT count(*) FROM crm.people")[0][0]
    assert people == 180
    # A download cut short goes on with the next sync.
    monkeypatch.setattr(sync_module, "FIRST_PULL_PAGE", 30)
    real_apply = sync_module.apply_page
    pages = {"n": 0}

    def apply_then_fail(*args, **kwargs):
        pages["n"] += 1
        if pages["n"] == 3:
            raise HubUnreachableError("network lost", reason="unreachable")
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(sync_module, "apply_page", apply_then_fail)
    with hub.client("bob") as client, pytest.raises(HubUnreachableError):
        join_module.download(tmp_path / "bob.crm", client, "bob")
    monkeypatch.setattr(sync_module, "apply_page", real_apply)
    wb = open_workspace(tmp_path / "bob.crm")
    try:
        with hub.client("bob") as client:
            sync_module.sync_once(wb.store, client)
        with wb.store.read() as session:
            assert session.query(Person).count() == 180
        # Every one of them is found by search (indexed once the download finished).
        assert len(wb.search.contacts("客户", 500)) == 180
    finally:
        wb.close(backup_if_changed=False)
        ws.close(backup_if_changed=False)


def drafts_person(name):
    from tests import drafts

    return drafts.person(name)


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_laptop_that_joined_after_the_dump_rejoins_a_restored_hub(hub, tmp_path):
    a = first_laptop(hub, tmp_path, "alice")
    pid = a.add_person("恢复前", title="起")
    a.sync()
    dump = pg_dump(hub, tmp_path / "early.dump")
    b = joining_laptop(hub, tmp_path, "bob")  # joins after the dump was taken
    try:
        made = b.add_person("鲍勃的客户")
        b.edit(Person, pid, notes="鲍勃写的")
        b.sync()
        a.sync()
        pg_restore(hub, dump)
        assert b.sync().restored  # forgotten by the hub: taken back, everything sent again
        a.sync()  # (alice lost nothing: bob's changes came back where she had seen them)
        b.sync()
        for laptop in (a, b):
            assert laptop.get(Person, made) is not None
            assert laptop.get(Person, pid).notes == "鲍勃写的"
        assert canonical(a) == canonical(b)
        number = b.get(Person, made).number
        assert number.endswith("1000001")  # bob's range came back with him
    finally:
        a.close()
        b.close()
