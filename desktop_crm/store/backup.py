"""Verified, rotating backups made with SQLite's online backup API (never a file copy)."""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_crm.domain.errors import BackupError
from desktop_crm.domain.retention import RetentionPolicy, backups_to_keep
from desktop_crm.store.schema import integrity_check

_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z-]+)\.crmbak$")


@dataclass(frozen=True)
class BackupFile:
    """One backup on disk.

    Attributes:
        path: Where it is.
        at: When it was taken (UTC).
        reason: Why: ``manual``, ``hourly``, ``close``, ``pre-migration``, ``pre-import``...
        size: Bytes on disk.
    """

    path: Path
    at: datetime
    reason: str
    size: int


def backup_dir_for(workspace: Path) -> Path:
    """The folder that holds ``workspace``'s backups."""
    return workspace.with_name(workspace.stem + "-backups")


def make_backup(workspace: Path, reason: str, dest: Path | None = None) -> BackupFile:
    """Copy ``workspace`` with the backup API, verify the copy, and return it.

    Args:
        workspace: The live workspace file (it may be open elsewhere in this process).
        reason: A short lower-case word recorded in the file name.
        dest: An explicit target file; by default a new file in the backups folder.

    Raises:
        BackupError: The copy could not be written (disk full, no permission) or failed its
            integrity check; no partial file is left behind.
    """
    at = datetime.now(UTC)
    if dest is None:
        folder = backup_dir_for(workspace)
        dest = folder / f"{workspace.stem}-{at.strftime(_STAMP)}-{reason}.crmbak"
    tmp = dest.with_name(dest.name + ".part")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(f"file:{workspace}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        verdict = integrity_check(tmp)
        if verdict != "ok":
            raise BackupError(f"The backup copy failed its check ({verdict}).", detail=verdict)
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(
            f"Could not write a backup to {dest.parent}: {exc}.", path=str(dest), detail=str(exc)
        ) from None
    finally:
        _discard(tmp)
    return BackupFile(dest, at, reason, dest.stat().st_size)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def list_backups(workspace: Path) -> list[BackupFile]:
    """Backups of ``workspace``, newest first."""
    folder = backup_dir_for(workspace)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            m = _NAME.match(path.name)
            if m and m.group("stem") == workspace.stem:
                at = datetime.strptime(m.group("stamp"), _STAMP).replace(tzinfo=UTC)
                found.append(BackupFile(path, at, m.group("reason"), path.stat().st_size))
    return sorted(found, key=lambda b: b.at, reverse=True)


def rotate(workspace: Path, policy: RetentionPolicy) -> list[Path]:
    """Delete the backups the policy does not keep; return what was deleted."""
    backups = list_backups(workspace)
    keep = backups_to_keep([b.at for b in backups], policy)
    removed = []
    for b in backups:
        if b.at not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def newest_good_backup(workspace: Path) -> BackupFile | None:
    """The newest backup that passes an integrity check, if any."""
    for b in list_backups(workspace):
        if integrity_check(b.path) == "ok":
            return b
    return None


def set_aside(workspace: Path, why: str) -> Path:
    """Rename ``workspace`` (and its WAL files) out of the way; never delete it."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    aside = workspace.with_name(f"{workspace.name}.{why}-{stamp}")
    os.replace(workspace, aside)
    for suffix in ("-wal", "-shm"):
        side = workspace.with_name(workspace.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    return aside


def restore_into(workspace: Path, backup: Path) -> None:
    """Replace ``workspace`` with a verified copy of ``backup`` (the workspace must be closed)."""
    verdict = integrity_check(backup)
    if verdict != "ok":
        raise BackupError(f"{backup.name} is not a good backup ({verdict}).", detail=verdict)
    tmp = workspace.with_name(workspace.name + ".restoring")
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        # Stale WAL files of the old database must not be replayed into the restored one.
        for suffix in ("-wal", "-shm"):
            workspace.with_name(workspace.name + suffix).unlink(missing_ok=True)
        os.replace(tmp, workspace)
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"Could not restore {backup.name}: {exc}.", detail=str(exc)) from None
    finally:
        _discard(tmp)
