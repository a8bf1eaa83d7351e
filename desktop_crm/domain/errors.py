"""Typed errors with stable codes that the UI turns into translated messages."""

from __future__ import annotations

from typing import Any


class CrmError(Exception):
    """Base of every error the core raises on purpose.

    Attributes:
        code: Stable machine-readable code, e.g. ``"workspace.locked"``.
        params: Values the UI may put into its translated message.
    """

    code = "crm.error"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message


class NotFoundError(CrmError):
    """A record asked for does not exist (or is deleted)."""

    code = "record.not_found"


class ValidationError(CrmError):
    """Input that cannot be stored as given; ``params['field']`` names the field."""

    code = "input.invalid"


class WorkspaceMissingError(CrmError):
    """The workspace file does not exist."""

    code = "workspace.missing"


class WorkspaceLockedError(CrmError):
    """Another process has the workspace open."""

    code = "workspace.locked"


class WorkspaceDamagedError(CrmError):
    """The file fails its integrity check or is not a database at all."""

    code = "workspace.damaged"


class NotAWorkspaceError(CrmError):
    """The file is an SQLite database that Desktop CRM did not write."""

    code = "workspace.foreign"


class SchemaTooNewError(CrmError):
    """The file was written by a newer Desktop CRM; it is left untouched.

    ``params``: ``path``, ``found`` (the file's schema), ``supported`` (this app's),
    ``written_by`` (the app version that last wrote it, ``None`` if the file does not say) and
    ``this_version`` (this app's version).
    """

    code = "workspace.too_new"


class StorageError(CrmError):
    """The database refused a read or write (disk full, read-only, I/O error)."""

    code = "storage.failed"


class FileFormatError(CrmError):
    """A file to import cannot be read (protected, corrupt, empty, or not what it says)."""

    code = "import.unreadable"


class BackupError(CrmError):
    """A backup could not be written or failed verification."""

    code = "backup.failed"


class UndoConflictError(CrmError):
    """An undo or redo would overwrite later edits; nothing was changed."""

    code = "history.conflict"


class KeyTakenError(UndoConflictError):
    """An undo or redo would bring back a key (a tag name, a product code) a live row now has.

    ``params``: ``operation`` (the operation undone or redone), ``entity`` (the table),
    ``record_id`` (the live row in the way) and ``taken`` (what is in the way, in English).
    """

    code = "history.key_taken"


class NothingToUndoError(CrmError):
    """There is no operation to undo or redo."""

    code = "history.empty"


class CancelledError(CrmError):
    """The user cancelled a long operation; nothing was written."""

    code = "operation.cancelled"


class HubError(CrmError):
    """The team hub refused or failed a request; ``params['reason']`` says which kind."""

    code = "hub.error"


class HubUnreachableError(HubError):
    """The team hub cannot be reached now (offline, address wrong, server down)."""

    code = "hub.unreachable"


class HubVersionError(HubError):
    """The app and the hub are of different versions.

    ``params``: ``reason`` ``app_older`` (the hub needs a newer app: ``needed`` names the
    version to install, ``None`` if the hub does not say; ``this_version`` this app's) or
    ``hub_older`` (the hub must be upgraded with ``hub init``).
    """

    code = "hub.version"
