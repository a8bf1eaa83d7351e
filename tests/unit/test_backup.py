"""Backups with the SQLite backup API: verified, compressed, rotated, restored; damage detected."""

import builtins
import errno
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import zstandard

from desktop_crm.domain.errors import BackupError, WorkspaceDamagedError
from desktop_crm.domain.retention import RetentionPolicy
from desktop_crm.services.workspace.handle import open_workspace, restore_workspace
from desktop_crm.store import backup
from desktop_crm.store.schema import integrity_check
from tests import drafts
from tests.conftest import TODAY

ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


def _plain(path: Path) -> Path:
    """A backup as an SQLite file: compressed ones are decompressed beside themselves."""
    if path.read_bytes()[:4] != ZSTD_MAGIC:
        return path
    plain = path.with_name(path.name + ".test.sqlite")
    with open(path, "rb") as f, open(plain, "wb") as out:
        zstandard.ZstdDecompressor().copy_stream(f, out)
    return plain


def _people(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{_plain(path)}?mode=ro", uri=True)
    try:
        return [
            r[0]
            for r in conn.execute("SELECT name FROM people WHERE deleted_at IS NULL ORDER BY name")
        ]
    finally:
        conn.close()


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_backup_is_a_verified_copy_including_uncheckpointed_wal(workspace):
    workspace.people.save(drafts.person("王芳"), today=TODAY)
    info = workspace.backups.backup_now()
    assert info.path.exists() and info.reason == "manual"
    assert info.path.parent == workspace.path.with_name("studio-backups")
    assert info.path.name.endswith(".crmbak.zst")
    assert info.path.read_bytes()[:4] == ZSTD_MAGIC
    assert integrity_check(_plain(info.path)) == "ok"
    assert _people(info.path) == ["王芳"]
    assert not list(info.path.parent.glob("*.part"))


def test_backups_rotate_as_configured(workspace, monkeypatch):
    workspace.settings.update(
        {"backup.keep_recent": 3, "backup.keep_daily": 2, "backup.keep_weekly": 2}
    )
    folder = backup.backup_dir_for(workspace.path)
    folder.mkdir(exist_ok=True)
    start = datetime(2026, 9, 1, 9, tzinfo=UTC)
    # 60 days of backups, two a day, all older than today's real ones: morning ones in the
    # old uncompressed format, evening ones compressed
    for i in range(120):
        at = start + timedelta(hours=12 * i)
        suffix = ".crmbak" if i % 2 == 0 else ".crmbak.zst"
        name = f"studio-{at.strftime('%Y%m%dT%H%M%S%fZ')}-hourly{suffix}"
        (folder / name).write_bytes(b"x")
    assert len(backup.list_backups(workspace.path)) == 120
    workspace.backups.backup_now()
    kept = backup.list_backups(workspace.path)
    policy = RetentionPolicy(3, 2, 2)
    assert len(kept) <= policy.recent + policy.daily + policy.weekly
    assert kept[0].reason == "manual"  # the newest always survives
    days = {b.at.date() for b in kept}
    weeks = {b.at.isocalendar()[:2] for b in kept}
    assert len(days) >= 2 and len(weeks) == 2
    # both kinds were deleted, and nothing is left that does not list
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in kept)
    assert 0 < len(list(folder.glob("*.crmbak"))) < 60
    assert 1 < len(list(folder.glob("*.crmbak.zst"))) < 61


def test_hourly_backup_only_when_changed_and_an_hour_old(workspace):
    now = datetime.now(UTC)
    assert workspace.backups.backup_if_due(now) is not None  # never backed up, has changes
    assert workspace.backups.backup_if_due(now) is None  # nothing changed since
    workspace.people.save(drafts.person("Ann"), today=TODAY)
    assert workspace.backups.backup_if_due(now) is None  # changed, but not an hour yet
    assert workspace.backups.backup_if_due(now + timedelta(hours=1, minutes=1)) is not None
    workspace.people.save(drafts.person("Bob"), today=TODAY)
    assert (
        workspace.backups.backup_if_due(now, reason="close") is not None
    )  # close ignores the hour


def test_close_takes_a_backup_when_something_changed(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.people.save(drafts.person("Cai"), today=TODAY)
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
        ws.people.save(drafts.person(name), today=TODAY)
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
    ws.people.save(drafts.person("Before"), today=TODAY)
    snap = ws.backups.backup_now()
    ws.people.save(drafts.person("After"), today=TODAY)
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
    ids = [workspace.people.save(drafts.person(n), today=TODAY).ids[0] for n in "AB"]
    workspace.contacts.delete_people(ids)
    pre = [b for b in backup.list_backups(workspace.path) if b.reason == "pre-delete"]
    assert len(pre) == 1 and _people(pre[0].path) == ["A", "B"]


# --- compression ---------------------------------------------------------------------------


def test_backup_is_compressed_smaller_and_sized_on_disk(demo_path):
    made = backup.make_backup(demo_path, "manual")
    data = made.path.read_bytes()
    assert data[:4] == ZSTD_MAGIC
    assert made.size == len(data) == made.path.stat().st_size
    assert made.size < demo_path.stat().st_size / 3
    params = zstandard.get_frame_parameters(data[:18])
    assert params.has_checksum and params.content_size > made.size
    assert backup.check_backup(made.path) == "ok"
    [listed] = backup.list_backups(demo_path)
    assert listed.path == made.path and listed.size == made.size
    assert listed.reason == "manual" and listed.at == made.at
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]


def test_round_trip_restore_gives_identical_data(demo_path):
    before = _dump(demo_path)
    made = backup.make_backup(demo_path, "manual")
    ws = open_workspace(demo_path)
    try:
        ws.people.save(drafts.person("Added after the backup"), today=TODAY)
    finally:
        ws.close(backup_if_changed=False)
    assert _dump(demo_path) != before
    backup.restore_into(demo_path, made.path)
    assert _dump(demo_path) == before
    assert integrity_check(demo_path) == "ok"
    assert not list(demo_path.parent.glob("*.restoring"))


def test_restore_workspace_reads_a_compressed_backup(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.people.save(drafts.person("Kept"), today=TODAY)
    snap = ws.backups.backup_now()
    ws.people.save(drafts.person("Undone"), today=TODAY)
    ws.close(backup_if_changed=False)
    assert snap.path.read_bytes()[:4] == ZSTD_MAGIC
    assert restore_workspace(ws_path, snap.path) is None
    assert _people(ws_path) == ["Kept"]


def _flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(b ^ 0x5A for b in data[middle : middle + 64])
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_corrupted_compressed_backup_is_refused_and_workspace_untouched(demo_path, damage):
    older = backup.make_backup(demo_path, "hourly")
    made = backup.make_backup(demo_path, "manual")
    if damage == "flip":
        _flip_middle(made.path)
    else:
        made.path.write_bytes(made.path.read_bytes()[: made.size // 2])
    before = demo_path.read_bytes()
    assert backup.check_backup(made.path) != "ok"
    with pytest.raises(BackupError, match=r"crmbak\.zst is not a good backup"):
        backup.restore_into(demo_path, made.path)
    assert demo_path.read_bytes() == before
    assert not list(demo_path.parent.glob("*.restoring"))
    good = backup.newest_good_backup(demo_path)  # the damaged one is passed over
    assert good is not None and good.path == older.path


def test_a_flipped_bit_that_still_decompresses_is_caught_by_the_checksum(tmp_path):
    # Random bytes do not compress: zstd stores them as raw blocks, so a flipped bit there
    # decompresses without complaint and only the frame checksum can tell.
    path = tmp_path / "studio-20260101T000000000000Z-manual.crmbak.zst"
    body = b"SQLite format 3\x00" + os.urandom(200_000)
    packed = bytearray(zstandard.ZstdCompressor(write_checksum=True).compress(body))
    path.write_bytes(bytes(packed))
    assert backup.check_backup(path) == "ok"
    packed[100_000] ^= 1
    path.write_bytes(bytes(packed))
    assert "checksum" in backup.check_backup(path)


def test_compressed_backup_whose_database_is_damaged_is_refused(ws_path, tmp_path):
    from desktop_crm.services.workspace.handle import create_workspace

    create_workspace(ws_path).close(backup_if_changed=False)
    # Intact zstd with a good checksum, but the database inside is wrecked.
    bad = tmp_path / "bad.crmbak.zst"
    bad.write_bytes(
        zstandard.ZstdCompressor(write_checksum=True).compress(
            b"SQLite format 3\x00" + os.urandom(50_000)
        )
    )
    before = ws_path.read_bytes()
    with pytest.raises(BackupError, match="not a good backup"):
        backup.restore_into(ws_path, bad)
    assert ws_path.read_bytes() == before
    assert not list(ws_path.parent.glob("*.restoring"))


def test_explicit_destination_is_compressed_only_when_named_zst(demo_path, tmp_path):
    plain = backup.make_backup(demo_path, "manual", dest=tmp_path / "copy.crmbak")
    assert plain.path.read_bytes()[:16] == b"SQLite format 3\x00"
    assert integrity_check(plain.path) == "ok"
    packed = backup.make_backup(demo_path, "manual", dest=tmp_path / "copy.crmbak.zst")
    assert packed.path.read_bytes()[:4] == ZSTD_MAGIC
    assert _dump(_plain(packed.path)) == _dump(plain.path)
    assert not list(tmp_path.glob("*.part"))


def test_cli_backup_to_zst_and_restore(demo_path, tmp_path, capsys):
    from desktop_crm.cli import main

    target = tmp_path / "copy.crmbak.zst"
    assert main(["backup", str(demo_path), "--to", str(target)]) == 0
    assert target.read_bytes()[:4] == ZSTD_MAGIC
    before = _dump(demo_path)
    ws = open_workspace(demo_path)
    try:
        ws.people.save(drafts.person("Added after the backup"), today=TODAY)
    finally:
        ws.close(backup_if_changed=False)
    assert main(["restore", str(demo_path), str(target)]) == 0
    assert "Restored" in capsys.readouterr().out
    assert _dump(demo_path) == before


# --- backups of older versions: plain SQLite .crmbak ------------------------------------------


def _old_style_backup(workspace: Path, at: datetime, reason: str = "hourly") -> Path:
    """A backup as older versions wrote it: a plain SQLite copy named .crmbak."""
    folder = backup.backup_dir_for(workspace)
    dest = folder / f"{workspace.stem}-{at.strftime('%Y%m%dT%H%M%S%fZ')}-{reason}.crmbak"
    return backup.make_backup(workspace, reason, dest=dest).path


def test_old_uncompressed_backups_still_list_check_and_restore(demo_path):
    before = _dump(demo_path)
    old = _old_style_backup(demo_path, datetime.now(UTC) - timedelta(days=2))
    assert old.read_bytes()[:16] == b"SQLite format 3\x00"
    new = backup.make_backup(demo_path, "manual")
    listed = backup.list_backups(demo_path)
    assert [b.path for b in listed] == [new.path, old]
    assert listed[1].size == old.stat().st_size and listed[1].reason == "hourly"
    assert backup.check_backup(old) == "ok"
    _flip_middle(new.path)
    good = backup.newest_good_backup(demo_path)
    assert good is not None and good.path == old  # falls back to the old format
    ws = open_workspace(demo_path)
    try:
        ws.people.save(drafts.person("Added after the backup"), today=TODAY)
    finally:
        ws.close(backup_if_changed=False)
    backup.restore_into(demo_path, old)
    assert _dump(demo_path) == before


def test_restore_workspace_reads_an_old_uncompressed_backup(ws_path):
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.people.save(drafts.person("Old"), today=TODAY)
    ws.close(backup_if_changed=False)
    old = _old_style_backup(ws_path, datetime.now(UTC) - timedelta(days=1))
    ws = open_workspace(ws_path)
    ws.people.save(drafts.person("New"), today=TODAY)
    ws.close(backup_if_changed=False)
    assert restore_workspace(ws_path, old) is None
    assert _people(ws_path) == ["Old"]


# --- failures leave nothing behind --------------------------------------------------------


class _FullDisk:
    """A file whose writes fail with ENOSPC once ``room`` bytes have been written."""

    def __init__(self, f, room: int):
        self._f = f
        self._room = room

    def write(self, data) -> int:
        if len(data) > self._room:
            self._f.write(bytes(data[: self._room]))  # a partial write, as a real disk does
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._f.write(data)

    def __getattr__(self, name):
        return getattr(self._f, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._f.close()


def _disk_full_after(monkeypatch, room: int) -> None:
    """Make every file that the backup module opens for writing run out of space."""

    def fake_open(path, mode="r", *args, **kwargs):
        f = builtins.open(path, mode, *args, **kwargs)  # noqa: SIM115 - the caller closes it
        return _FullDisk(f, room) if "w" in mode else f

    monkeypatch.setattr(backup, "open", fake_open, raising=False)


@pytest.mark.parametrize("room", [0, 20_000])
def test_disk_full_while_compressing_fails_clearly_and_leaves_nothing(demo_path, monkeypatch, room):
    old = _old_style_backup(demo_path, datetime.now(UTC) - timedelta(days=1))
    before = demo_path.read_bytes()
    _disk_full_after(monkeypatch, room)
    with pytest.raises(BackupError, match=r"Could not write a backup to .*: the disk is full"):
        backup.make_backup(demo_path, "manual")
    folder = backup.backup_dir_for(demo_path)
    assert [p.name for p in folder.iterdir()] == [old.name]  # no .part, no temp copy
    assert demo_path.read_bytes() == before
    assert [b.path for b in backup.list_backups(demo_path)] == [old]


def test_disk_full_at_fsync_fails_clearly_and_leaves_nothing(demo_path, monkeypatch, tmp_path):
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(backup.os, "fsync", full)
    with pytest.raises(BackupError, match="the disk is full"):
        backup.make_backup(demo_path, "manual", dest=tmp_path / "out" / "x.crmbak.zst")
    monkeypatch.setattr(backup.os, "fsync", real_fsync)
    assert list((tmp_path / "out").iterdir()) == []


def test_failed_read_back_fails_clearly_and_leaves_nothing(demo_path, monkeypatch):
    real_compress = backup._compress

    def compress_then_rot(raw, part, size):
        real_compress(raw, part, size)
        _flip_middle(part)  # as if the disk returned other bytes than were written

    monkeypatch.setattr(backup, "_compress", compress_then_rot)
    with pytest.raises(BackupError, match="did not read back intact"):
        backup.make_backup(demo_path, "manual")
    assert list(backup.backup_dir_for(demo_path).iterdir()) == []


def test_disk_full_while_restoring_leaves_the_workspace_untouched(demo_path, monkeypatch):
    made = backup.make_backup(demo_path, "manual")
    before = demo_path.read_bytes()
    _disk_full_after(monkeypatch, 100_000)
    with pytest.raises(BackupError, match=r"Could not restore .*: the disk is full"):
        backup.restore_into(demo_path, made.path)
    assert demo_path.read_bytes() == before
    assert not list(demo_path.parent.glob("*.restoring"))
