"""kill -9 in the middle of many writes loses no acknowledged commit."""

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

from sqlalchemy import select

from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.models import Person
from desktop_crm.store.schema import integrity_check

WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from desktop_crm.services.contacts.dto import Labelled, PersonDraft
    from desktop_crm.services.workspace.handle import open_workspace
    ws = open_workspace(Path(sys.argv[1]))
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        phone = Labelled("mobile", f"+86 139{i:08d}")
        result = ws.people.save(PersonDraft(f"写入{sys.argv[2]}-{i}", phones=(phone,)))
        print(result.ids[0], flush=True)  # acknowledged only after the commit returned
""")


def test_kill_9_during_writes_loses_no_acknowledged_commit(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    rnd = random.Random(42)
    acknowledged: list[str] = []
    rounds = 12
    for round_no in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(ws_path), str(round_no)],
            stdout=subprocess.PIPE,
            bufsize=0,
        )
        fd = proc.stdout.fileno()
        pending = b""
        while b"ready\n" not in pending:
            pending += os.read(fd, 4096)
        pending = pending.split(b"ready\n", 1)[1]
        os.set_blocking(fd, False)
        deadline = time.monotonic() + rnd.uniform(0.15, 0.6)
        while time.monotonic() < deadline:
            try:
                pending += os.read(fd, 65536)
            except BlockingIOError:
                time.sleep(0.005)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        try:
            while chunk := os.read(fd, 65536):
                pending += chunk
        except BlockingIOError:
            pass
        proc.stdout.close()
        lines = pending.decode().split("\n")
        acknowledged += [line for line in lines[:-1] if line]  # a torn last line is not an ack
        assert proc.returncode == -signal.SIGKILL

    assert len(acknowledged) > rounds  # the writers really wrote
    assert integrity_check(ws_path) == "ok"
    ws = open_workspace(ws_path)
    try:
        with ws.store.read() as s:
            stored = set(s.scalars(select(Person.id)))
    finally:
        ws.close(backup_if_changed=False)
    missing = [i for i in acknowledged if i not in stored]
    assert missing == []
