"""Reading a workspace that another process (the app) has open: search and back up.

The app holds the workspace's OS lock while it is open, but SQLite in WAL mode lets readers
work beside its one writer, and the backup API copies a consistent snapshot. So these
commands open the file without the lock, on connections that refuse to write
(``PRAGMA query_only``). A file that still needs a schema upgrade or a rebuilt search index
is opened the usual, locked way instead: only the writer may change it (and an app that has
it open has already done both).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from desktop_crm.domain.errors import ValidationError, WorkspaceDamagedError
from desktop_crm.services.search.global_search import SearchService
from desktop_crm.services.settings.workspace_settings import SettingsService
from desktop_crm.services.workspace.backups import BackupService
from desktop_crm.services.workspace.dto import BackupInfo
from desktop_crm.store import backup, schema, search_index
from desktop_crm.store.database import make_engine
from desktop_crm.store.lock import WorkspaceLock
from desktop_crm.store.models import User
from desktop_crm.store.store import Store


def refuse_folder(path: Path, what: str = "workspace") -> None:
    """Raise a clear error when ``path`` is a folder (nothing is created beside it).

    Raises:
        ValidationError: ``path`` is a folder.
    """
    if path.expanduser().is_dir():
        raise ValidationError(
            f"{path} is a folder, not a {what} file.", field="path", path=str(path)
        )


class WorkspaceReader:
    """A workspace opened to search and back up, usually without its lock. Close it when done.

    Attributes:
        path: The workspace file.
        locked: Whether this process holds the lock (the file needed the writer).
        search: Search, as in the app.
        settings: Workspace settings (read only unless ``locked``).
    """

    def __init__(self, store: Store, *, locked: bool) -> None:
        self._store = store
        self.path = store.path
        self.locked = locked
        self.search = SearchService(store)
        self.settings = SettingsService(store)

    def backup(self, dest: Path | None = None) -> BackupInfo:
        """Take a verified backup: to ``dest``, or into the backups folder (then rotate).

        Raises:
            BackupError: The copy could not be written or verified.
        """
        if dest is not None:
            made = backup.make_backup(self.path, "manual", dest=dest)
            return BackupInfo(made.path, made.at, made.reason, made.size)
        if self.locked:  # the writer also records which change the backup holds
            return BackupService(self._store, self.settings).backup_now("manual")
        made = backup.make_backup(self.path, "manual")
        backup.rotate(self.path, self.settings.retention())
        return BackupInfo(made.path, made.at, made.reason, made.size)

    def close(self) -> None:
        """Release the file (and the lock, if held)."""
        self._store.close()


def open_for_reading(path: Path) -> WorkspaceReader:
    """Open ``path`` to search or back up, even while the app has it open.

    Raises:
        ValidationError: ``path`` is a folder.
        CrmError: Missing, damaged, foreign or too new (and, when it needs upgrading, locked).
    """
    refuse_folder(path)
    path = path.expanduser().resolve()
    header = schema.classify(path)
    if header.user_version < schema.SCHEMA_VERSION or not header.has_tables:
        return WorkspaceReader(Store.open(path), locked=True)
    verdict = schema.quick_check(path)
    if verdict != "ok":
        raise WorkspaceDamagedError(
            f"{path.name} is damaged ({verdict}).", path=str(path), detail=verdict
        )
    engine = make_engine(path)
    event.listen(engine, "connect", _refuse_writes)
    # A lock object that is never taken: Store.close() releases it as a no-op.
    store = Store(path, engine, WorkspaceLock(path))
    try:
        with store.read() as session:
            store.actor_id = session.scalars(
                select(User.id).where(User.is_local.is_(True)).limit(1)
            ).first()
            stale_index = search_index.needs_rebuild(session)
    except BaseException:
        store.close()
        raise
    if stale_index:
        store.close()
        return WorkspaceReader(Store.open(path), locked=True)
    return WorkspaceReader(store, locked=False)


def _refuse_writes(dbapi_conn: Any, _record: Any) -> None:
    # Registered after make_engine's own pragmas (journal_mode=WAL), which must still run.
    dbapi_conn.execute("PRAGMA query_only=ON")
