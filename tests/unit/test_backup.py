"""Backups with the SQLite backup API: verified, rotated, restored; damage detected."""

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm.domain.errors import BackupError, WorkspaceDamagedError
from desktop_crm.domain.retention import RetentionPolicy
from desktop_crm.services.contacts.dto import PersonInput
from desktop_crm.services.workspace.handle import open_workspace, restore_workspace
from desktop_crm.store import backup
from desktop_crm.store.schema import integrity_check
from tests.conftest import TODAY


def _people(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [
            r[0]
            for r in conn.execute("SELECT name FROM people WHERE deleted_at IS NULL ORDER BY name")
        ]


def test_backup_is_a_verified_copy_including_uncheckpointed_wal(workspace):
    workspace.contacts.create_person(PersonInput("王芳"), today=TODAY)
    info = workspace.backups.backup_now()
    assert info.path.exists() and info.reason == "manual"
    assert info.path.parent == workspace.path.with_name("studio-backups")
    assert integrity_check(info.path) == "ok"
    assert _people(info.path) == ["王芳"]
    assert not list(info.path.parent.glob("*.part"))


def test_backups_rotate_as_configured(workspace, monkeypatch):
    workspace.settings.update(
        {"backup.keep_recent": 3, "backup.keep_daily": 2, "backup.keep_weekly": 2}
    )
    folder = backup.backup_dir_for(workspace.path)
    folder.mkdir(exist_ok=True)
    start = datetime(2026, 9, 1, 9, tzinfo=UTC)
    # 60 days of backups, two a day, all older than today's real ones
    for i in range(120):
        at = start + timedelta(hours=12 * i)
        name = f"studio-{at.strftime('%Y%m%dT%H%M%S%fZ')}-hourly.crmbak"
        (folder / name).write_bytes(b"x")
    workspace.backups.backup_now()
    kept = backup.list_backups(workspace.path)
    policy = RetentionPolicy(3, 2, 2)
    assert len(kept) <= policy.recent + policy.daily + policy.weekly
    assert kept[0].reason == "manual"  # the newest always survives
    days = {b.at.date() for b in kept}
    weeks = {b.at.isocalendar()[:2] for b in kept}
    assert len(days) >= 2 and len(weeks) == 2


def test_hourly_backup_only_when_changed_and_an_hour_old(workspace):
    now = datetime.now(UTC)
    assert workspace.backups.backup_if_due(now) is not None  # never backed up, has changes
    assert workspace.backups.backup_if_due(now) is None  # nothing changed since
    workspace.contacts.create_person(PersonInput("Ann"), today=TODAY)
    assert workspace.backups.backup_if_due(now) is None  # changed, but not an hour yet
    assert workspace.backups.backup_if_due(now + timedelta(hours=1, minutes=1)) is not None
    workspace.contacts.create_person(PersonInput("Bob"), today=TODAY)
    assert (
        workspace.backups.backup_if_due(now, reason="close") is not None
    )  # close ignores the hour


def test_close_takes_a_backup_when_something_changed(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.contacts.create_person(PersonInput("Cai"), today=TODAY)
    ws.close()
    reasons = [b.reason for b in backup.list_backups(ws_path)]
    assert reasons == ["close"]


def test_backup_to_unwritable_place_fails_clearly_and_leaves_nothing(workspace, tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("file in the way")
    with pytest.raises(BackupError, match="Could not write a backup"):
        backup.make_backup(workspace.path, "manual", dest=blocker / "x.crmbak")


def _corrupt(path: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as f:  # keep the header, wreck the pages after it
        f.seek(4096)
        f.write(os.urandom(max(size - 4096, 8192)))


def test_damaged_file_is_detected_at_start_and_restored_from_backup(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    for name in ("Ann", "Bob", "Cai"):
        ws.contacts.create_person(PersonInput(name), today=TODAY)
    good = ws.backups.backup_now()
    ws.close(backup_if_changed=False)
    original = ws_path.read_bytes()
    _corrupt(ws_path)
    damaged_bytes = ws_path.read_bytes()
    assert damaged_bytes != original

    with pytest.raises(WorkspaceDamagedError) as info:
        open_workspace(ws_path)
    assert info.value.params["backup"] == str(good.path)
    assert ws_path.read_bytes() == damaged_bytes  # detection changed nothing

    aside = restore_workspace(ws_path, Path(info.value.params["backup"]))
    assert aside is not None and aside.read_bytes() == damaged_bytes  # kept, never deleted
    ws = open_workspace(ws_path)
    try:
        assert ws.today.info().people == 3
    finally:
        ws.close(backup_if_changed=False)


def test_file_that_is_not_a_database_is_reported_damaged(tmp_path):
    path = tmp_path / "notes.crm"
    path.write_text("just some text, not SQLite" * 100)
    with pytest.raises(WorkspaceDamagedError):
        open_workspace(path)
    assert path.read_text().startswith("just some text")


def test_restore_of_healthy_workspace_backs_it_up_first(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.contacts.create_person(PersonInput("Before"), today=TODAY)
    snap = ws.backups.backup_now()
    ws.contacts.create_person(PersonInput("After"), today=TODAY)
    ws.close(backup_if_changed=False)
    assert restore_workspace(ws_path, snap.path) is None
    assert _people(ws_path) == ["Before"]
    pre = [b for b in backup.list_backups(ws_path) if b.reason == "pre-restore"]
    assert len(pre) == 1 and _people(pre[0].path) == ["After", "Before"]


def test_restore_refuses_a_bad_backup_and_keeps_the_workspace(ws_path, tmp_path):
    from desktop_crm.services.workspace.handle import create_workspace

    create_workspace(ws_path).close(backup_if_changed=False)
    bad = tmp_path / "bad.crmbak"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    before = ws_path.read_bytes()
    with pytest.raises(BackupError):
        restore_workspace(ws_path, bad)
    assert ws_path.read_bytes() == before


def test_bulk_delete_takes_a_backup_first(workspace):
    ids = [workspace.contacts.create_person(PersonInput(n), today=TODAY).ids[0] for n in "AB"]
    workspace.contacts.delete_people(ids)
    pre = [b for b in backup.list_backups(workspace.path) if b.reason == "pre-delete"]
    assert len(pre) == 1 and _people(pre[0].path) == ["A", "B"]
