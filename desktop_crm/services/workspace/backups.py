"""Backups of an open workspace: now, hourly while changed, at close, and rotation."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from desktop_crm.domain.choices import BackupReason
from desktop_crm.services.settings.workspace_settings import SettingsService
from desktop_crm.services.workspace.dto import BackupInfo
from desktop_crm.store import backup
from desktop_crm.store.models import Change, LocalState
from desktop_crm.store.store import Store

HOURLY = timedelta(hours=1)


class BackupService:
    """Take, list and rotate backups of the open workspace."""

    def __init__(self, store: Store, settings: SettingsService) -> None:
        self._store = store
        self._settings = settings

    def backup_now(self, reason: BackupReason = "manual") -> BackupInfo:
        """Take a verified backup now and rotate old ones.

        Raises:
            BackupError: The copy could not be written or verified.
        """
        with self._store.read() as session:
            seq = session.scalar(select(func.max(Change.seq))) or 0
        made = backup.make_backup(self._store.path, reason)
        with self._store.engine.begin() as conn:
            conn.execute(
                insert(LocalState).prefix_with("OR REPLACE"),
                {"key": "backup.last_seq", "value": seq},
            )
        backup.rotate(self._store.path, self._settings.retention())
        return _info(made)

    def backup_if_due(self, now: datetime, reason: BackupReason = "hourly") -> BackupInfo | None:
        """Back up if something changed since the last backup and it is an hour old.

        ``reason="close"`` ignores the hour: a backup at close is taken whenever anything
        changed since the last one.
        """
        with self._store.read() as session:
            seq = session.scalar(select(func.max(Change.seq))) or 0
            last_seq = session.scalar(
                select(LocalState.value).where(LocalState.key == "backup.last_seq")
            )
        if seq == (last_seq or 0):
            return None
        newest = backup.list_backups(self._store.path)
        if reason == "hourly" and newest and now - newest[0].at < HOURLY:
            return None
        return self.backup_now(reason)

    def folder(self) -> Path:
        """The folder this workspace's backups go to (made with the first backup)."""
        return backup.backup_dir_for(self._store.path)

    def list(self) -> list[BackupInfo]:
        """Backups of this workspace, newest first."""
        return [_info(b) for b in backup.list_backups(self._store.path)]


def _info(b: backup.BackupFile) -> BackupInfo:
    return BackupInfo(b.path, b.at, b.reason, b.size)
