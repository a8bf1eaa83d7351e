"""An open workspace file: its lock, engine and short sessions (one per unit of work)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import OperationKind
from desktop_crm.domain.errors import (
    StorageError,
    WorkspaceDamagedError,
    WorkspaceMissingError,
)
from desktop_crm.store import backup, schema, search_index
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.database import BULK_CACHE_KIB, CACHE_KIB, make_engine
from desktop_crm.store.local_user import joined_hub, local_user_id
from desktop_crm.store.lock import WorkspaceLock


class Store:
    """An open workspace. Create with :meth:`open`; :meth:`close` when done.

    Attributes:
        path: The workspace file.
        engine: The SQLAlchemy engine over it.
        search_keys: In-memory keys for short search queries.
        actor_id: The local user's id, stamped on every change.
    """

    def __init__(self, path: Path, engine: Engine, lock: WorkspaceLock) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self.actor_id: str | None = None
        # Joined to a team hub: every local operation is queued in the outbox.
        self.team = False
        self.search_keys = search_index.ShortKeys()

    @classmethod
    def open(cls, path: Path, *, create: bool = False) -> Store:
        """Lock, check, migrate if needed, and open ``path``.

        Raises:
            WorkspaceMissingError: ``path`` does not exist and ``create`` is false.
            WorkspaceLockedError: Another process has it open.
            WorkspaceDamagedError: It fails the quick integrity check (``params['backup']``
                names the newest good backup, if any).
            SchemaTooNewError, NotAWorkspaceError: It cannot be opened by this version.
            BackupError: A migration was due but the backup before it failed.
        """
        path = path.expanduser().resolve()
        if not path.exists() and not create:
            raise WorkspaceMissingError(f"No workspace at {path}.", path=str(path))
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = WorkspaceLock(path)
        lock.acquire()
        try:
            migrated = False
            if not path.exists() or path.stat().st_size == 0:
                schema.upgrade(path)
            else:
                header = _checked_header(path)
                if header.user_version < schema.SCHEMA_VERSION:
                    if header.has_tables:
                        backup.make_backup(path, "pre-migration")
                    schema.upgrade(path)
                    migrated = header.has_tables
            store = cls(path, make_engine(path), lock)
            with store.read() as session:
                store.actor_id = local_user_id(session)
                store.team = joined_hub(session)
                stale_index = search_index.needs_rebuild(session)
            if stale_index:
                with Session(store.engine) as session, session.begin():
                    search_index.rebuild_all(session)
            if migrated:
                store.engine.dispose()  # VACUUM wants the file to itself
                schema.compact_if_sparse(path)
            return store
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        """Dispose of the engine and release the lock (idempotent)."""
        self.engine.dispose()
        self._lock.release()

    def compact(self) -> None:
        """Rewrite the file packed (after a bulk load); no session of this store may be open."""
        self.engine.dispose()
        schema.compact(self.path)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A short read-only session (does not take the write lock)."""
        engine = self.engine.execution_options(read_only=True)
        with Session(engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def unit_of_work(
        self,
        label: str,
        kind: OperationKind = "edit",
        target_id: str | None = None,
        *,
        bulk: bool = False,
    ) -> Iterator[tuple[Session, Recorder]]:
        """A short write session whose changes commit together as one logged operation.

        ``bulk=True`` gives the connection a large page cache for the duration (imports, demo).
        """
        recorder = Recorder(
            label,
            kind=kind,
            actor_id=self.actor_id,
            target_id=target_id,
            outbox=self.team and kind != "sync",
        )
        with Session(self.engine, expire_on_commit=False) as session:
            session.info["recorder"] = recorder
            try:
                with session.begin():
                    if bulk:
                        session.connection().exec_driver_sql(f"PRAGMA cache_size={BULK_CACHE_KIB}")
                    yield session, recorder
                    session.flush()
                    search_index.update_for(session, recorder)
                if recorder.changed:
                    self.search_keys.invalidate()
            except OperationalError as exc:
                raise _storage_error(exc) from exc
            finally:
                if bulk:
                    session.connection().exec_driver_sql(f"PRAGMA cache_size={CACHE_KIB}")


def _storage_error(exc: OperationalError) -> StorageError:
    detail = str(exc.orig) if exc.orig is not None else str(exc)
    return StorageError(
        f"The workspace could not be written ({detail}). Nothing was changed.", detail=detail
    )


def _checked_header(path: Path) -> schema.FileHeader:
    try:
        header = schema.classify(path)
        verdict = schema.quick_check(path)
    except WorkspaceDamagedError as exc:
        verdict = exc.params.get("detail", str(exc))
    else:
        if verdict == "ok":
            return header
    good = backup.newest_good_backup(path)
    raise WorkspaceDamagedError(
        f"{path.name} is damaged ({verdict})."
        + (f" The newest good backup is from {good.at:%Y-%m-%d %H:%M} UTC." if good else ""),
        path=str(path),
        detail=verdict,
        backup=str(good.path) if good else None,
    )
