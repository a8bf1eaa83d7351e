"""What the workspace services return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class BackupInfo:
    """A backup file.

    Attributes:
        path: Where it is.
        at: When it was taken.
        reason: Why it was taken.
        size: Bytes.
    """

    path: Path
    at: datetime
    reason: str
    size: int


@dataclass(frozen=True)
class CheckReport:
    """Result of ``desktop-crm check``.

    Attributes:
        path: The workspace checked.
        ok: Whether the file is healthy and this version can open it.
        schema_version: The file's schema version (0 if unreadable).
        supported_version: The newest schema this version knows.
        integrity: ``"ok"`` or SQLite's description of the damage.
        problem: One line saying what is wrong, or ``None``.
        code: The error code of the problem, or ``None``.
    """

    path: Path
    ok: bool
    schema_version: int
    supported_version: int
    integrity: str
    problem: str | None = None
    code: str | None = None
