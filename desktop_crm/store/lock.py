"""One process per workspace: an OS file lock held while the workspace is open."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from desktop_crm.domain.errors import WorkspaceLockedError


def lock_path_for(workspace: Path) -> Path:
    """Return the lock file beside ``workspace``."""
    return workspace.with_name(workspace.name + ".lock")


class WorkspaceLock:
    """An exclusive lock on a workspace, released on :meth:`release` or process death.

    The OS drops the lock when the process dies (even by ``kill -9``), so a stale lock
    file never blocks the user.
    """

    def __init__(self, workspace: Path) -> None:
        self.path = lock_path_for(workspace)
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`WorkspaceLockedError`."""
        while True:
            handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held open on purpose
            try:
                _lock_file(handle)
            except OSError:
                handle.seek(0)
                holder = handle.read().strip() or "?"
                handle.close()
                raise WorkspaceLockedError(
                    f"The workspace is already open in another Desktop CRM process (pid {holder}); "
                    "close it there first.",
                    pid=holder,
                ) from None
            if _still_at(handle, self.path):
                break
            # The holder removed the file while we waited for it: lock the file there now.
            handle.close()
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._file is not None:
            try:
                self._file.seek(0)
                self._file.truncate()
                if sys.platform != "win32":
                    # Removed while still locked, so no other process can lock it and then
                    # lose it; one that opened it meanwhile sees it gone and retries.
                    self.path.unlink(missing_ok=True)
                _unlock_file(self._file)
            finally:
                self._file.close()
                self._file = None
            if sys.platform == "win32":  # pragma: no cover - an open file cannot be removed there
                with contextlib.suppress(OSError):
                    self.path.unlink(missing_ok=True)

    @property
    def held(self) -> bool:
        """Whether this object holds the lock."""
        return self._file is not None


def _still_at(handle: IO[str], path: Path) -> bool:
    """Whether ``handle`` is still the file at ``path`` (not removed or replaced)."""
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except FileNotFoundError:
        return False


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
