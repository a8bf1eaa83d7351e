"""Team sync on loopback: a 50,000-contact workspace's first upload and download, then a sync
with 100 changed records each way, with the peak memory of each step.

Each step runs in a process of its own (the CLI: ``join``, ``sync``), so its peak resident
memory is its own (``wait4``). The hub is a throwaway PostgreSQL started here (see
``tests/hub/server.py``), tuned like the test server (no fsync).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from sqlalchemy import select

from desktop_crm.services.workspace.handle import Workspace, open_workspace
from desktop_crm.store.models import Person
from tests.bench.figures import Figure
from tests.hub import server
from tests.hub_fixtures import MEMBER_PASSWORD

CONTACTS = 50_000
CHANGED = 100


def _cli(*args: str, password: str = MEMBER_PASSWORD) -> tuple[float, float]:
    """Run a CLI command; its wall seconds and peak memory in MB."""
    env = {**os.environ, "DESKTOP_CRM_HUB_PASSWORD": password}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", *args], env=env, stdout=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"desktop-crm {' '.join(args)} failed")
    return wall, usage.ru_maxrss / 1024


def _edit(ws: Workspace, offset: int, field: str) -> None:
    """Change one field of ``CHANGED`` people, one operation each (as users do)."""
    with ws.store.read() as session:
        ids = list(
            session.scalars(select(Person.id).order_by(Person.id).offset(offset).limit(CHANGED))
        )
    for pid in ids:
        with ws.store.unit_of_work("bench edit") as (session, _rec):
            person = session.get(Person, pid)
            assert person is not None
            setattr(person, field, f"bench {time.time()}")


def _timed_sync(ws: Workspace) -> tuple[float, int, int]:
    start = time.perf_counter()
    report = ws.team.sync()
    return time.perf_counter() - start, report.pushed, report.pulled


def run(workdir: Path) -> list[Figure]:
    """Measure the first upload, the first download and a 100-each-way sync."""
    first, second = workdir / "sync-a.crm", workdir / "sync-b.crm"
    for stale in [*workdir.glob("sync-a.crm*"), *workdir.glob("sync-b.crm*")]:
        stale.unlink()
    subprocess.run(
        [sys.executable, "-m", "ui.launcher", "demo", str(first), "--contacts", str(CONTACTS)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    pg = server.start()
    try:
        with psycopg.connect(pg.admin_dsn(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench_hub")
        url = pg.url("bench_hub")
        admin = server.ADMIN_PASSWORD
        _cli("hub", "init", url, "--user", server.ADMIN, password=admin)
        env = {**os.environ, "DESKTOP_CRM_NEW_MEMBER_PASSWORD": MEMBER_PASSWORD}
        for member in ("alice", "bob"):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "ui.launcher",
                    "hub",
                    "add-user",
                    url,
                    member,
                    "--user",
                    server.ADMIN,
                ],
                env={**env, "DESKTOP_CRM_HUB_PASSWORD": admin},
                check=True,
                stdout=subprocess.DEVNULL,
            )
        up, up_mb = _cli("join", str(first), url, "--user", "alice")
        down, down_mb = _cli("join", str(second), url, "--user", "bob")
        _cli("sync", str(second))  # bob's own user record
        _cli("sync", str(first))
        process, process_mb = _cli("sync", str(first))  # nothing to do: the fixed cost
        os.environ["DESKTOP_CRM_HUB_PASSWORD"] = MEMBER_PASSWORD
        wa, wb = open_workspace(first), open_workspace(second)
        try:
            _edit(wa, 0, "title")
            _edit(wb, 5_000, "notes")
            a1 = _timed_sync(wa)
            b1 = _timed_sync(wb)
            a2 = _timed_sync(wa)
        finally:
            wa.close(backup_if_changed=False)
            wb.close(backup_if_changed=False)
        with psycopg.connect(pg.admin_dsn("bench_hub")) as conn:
            rows = conn.execute("SELECT count(*) FROM crm.changes").fetchone()
    finally:
        pg.stop()
    peak = max(up_mb, down_mb, process_mb)
    return [
        Figure(
            f"first upload of {CONTACTS:,} contacts (join)", up, "s", 60, f"{rows[0]:,} hub rows"
        ),
        Figure("first download into a second laptop (join)", down, "s", 60),
        Figure(f"sync: push {CHANGED} changed records", a1[0], "s", 1, f"pushed {a1[1]}"),
        Figure(
            f"sync: push {CHANGED}, pull {CHANGED}",
            b1[0],
            "s",
            1,
            f"pushed {b1[1]}, pulled {b1[2]}",
        ),
        Figure(f"sync: pull {CHANGED} changed records", a2[0], "s", 1, f"pulled {a2[2]}"),
        Figure("desktop-crm sync with nothing to do (process)", process, "s", None),
        Figure(
            "peak memory of any step",
            peak,
            "MB",
            300,
            f"upload {up_mb:.0f}, download {down_mb:.0f}, sync process {process_mb:.0f}",
        ),
    ]
