"""Schema versions: recognise our files, refuse newer ones, migrate older ones.

The schema version lives in SQLite's ``user_version`` header field (set by every migration),
so it can be read in microseconds with the standard library before SQLAlchemy or Alembic
are imported. Alembic runs only when a file is created or must be upgraded.

Which app version last wrote a file is kept in ``local_state`` under ``WRITTEN_BY_KEY`` (see
docs/ARCHITECTURE.md): an older app refusing the file reads it to name the version to install.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_crm import __version__
from desktop_crm.domain.errors import (
    NotAWorkspaceError,
    SchemaTooNewError,
    WorkspaceDamagedError,
    WorkspaceMissingError,
)
from desktop_crm.store.database import APPLICATION_ID

SCHEMA_VERSION = 12
"""The schema this code writes; each Alembic revision sets ``user_version`` to its number."""

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

WRITTEN_BY_KEY = "written_by"
"""``local_state`` key: ``{"app": "0.3.0", "schema": 14}``, the app version that last opened
the file for writing and the schema it wrote. Older apps read it: its shape never changes."""

# What may be shown as a version: a file from elsewhere must not put arbitrary text in a message.
_VERSION_SHAPE = re.compile(r"[0-9][0-9A-Za-z.+\-]{0,39}")


@dataclass(frozen=True)
class FileHeader:
    """What a workspace file says about itself.

    Attributes:
        application_id: SQLite ``application_id`` (ours is ``APPLICATION_ID``).
        user_version: The schema version that wrote it.
        has_tables: Whether any table exists (an empty file has none).
    """

    application_id: int
    user_version: int
    has_tables: bool


def read_header(path: Path) -> FileHeader:
    """Read the header of ``path`` read-only, never creating or changing the file."""
    if not path.exists():
        raise WorkspaceMissingError(f"No workspace at {path}.", path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise WorkspaceDamagedError(
            f"{path.name} is damaged or is not a Desktop CRM workspace ({exc}).",
            path=str(path),
            detail=str(exc),
        ) from None
    return FileHeader(app_id, version, tables > 0)


def classify(path: Path) -> FileHeader:
    """Check that ``path`` is a workspace this version may open; raise a typed error if not."""
    header = read_header(path)
    if header.has_tables and header.application_id != APPLICATION_ID:
        raise NotAWorkspaceError(
            f"{path.name} is an SQLite database but not a Desktop CRM workspace.",
            path=str(path),
        )
    if header.user_version > SCHEMA_VERSION:
        raise _too_new(path, header.user_version)
    return header


def _too_new(path: Path, found: int) -> SchemaTooNewError:
    writer = read_written_by(path, found)
    if writer is None:
        message = (
            f"{path.name} was written by a newer Desktop CRM (schema {found}; this version "
            f"knows up to {SCHEMA_VERSION}). Update Desktop CRM to open it; the file was not "
            "changed."
        )
    else:
        message = (
            f"{path.name} was last written by Desktop CRM {writer} (this is {__version__}): "
            f"install Desktop CRM {writer} or newer to open it; the file was not changed."
        )
    return SchemaTooNewError(
        message,
        path=str(path),
        found=found,
        supported=SCHEMA_VERSION,
        written_by=writer,
        this_version=__version__,
    )


def written_by_value() -> dict[str, Any]:
    """The ``WRITTEN_BY_KEY`` value this app records: its version and the schema it writes."""
    return {"app": __version__, "schema": SCHEMA_VERSION}


def read_written_by(path: Path, schema: int) -> str | None:
    """The app version recorded as the last writer of ``path``, if it wrote schema ``schema``.

    Read-only with the standard library, never changing the file. ``None`` when the file has no
    record (files from before it was kept), a malformed one, or one for another schema (the
    record would not name the version that made the file what it is).
    """
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT value FROM local_state WHERE key = ?", (WRITTEN_BY_KEY,)
            ).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row and isinstance(row[0], str | bytes) else None
    except (sqlite3.Error, ValueError):
        return None
    if not isinstance(value, dict) or value.get("schema") != schema:
        return None
    app = shown_version(value.get("app"))
    return None if app == __version__ else app


def shown_version(value: object) -> str | None:
    """``value`` if it looks like an app version ("0.3.0", "1.2.0rc1"), else ``None``.

    Versions read from a file or a hub made elsewhere go into messages: nothing else may.
    """
    if isinstance(value, str) and _VERSION_SHAPE.fullmatch(value):
        return value
    return None


def upgrade(path: Path) -> None:
    """Run every pending Alembic migration on ``path`` (creating the schema if empty)."""
    _migrate(path, "upgrade", "head")
    raw = sqlite3.connect(path)
    try:
        # Every migration sets this itself; setting it again makes a half-stamped file whole.
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        # The new schema is this app's doing: an older app refusing the file names this version.
        raw.execute(
            "INSERT OR REPLACE INTO local_state (key, value) VALUES (?, ?)",
            (WRITTEN_BY_KEY, json.dumps(written_by_value())),
        )
        raw.commit()
    finally:
        raw.close()


def compact_if_sparse(path: Path, share: float = 0.05) -> bool:
    """``VACUUM`` ``path`` if more than ``share`` of its pages are free; say whether it did.

    An upgrade that drops indexes or rebuilds derived tables frees their pages inside the file
    (schema 5 freed a sixth of a 100,000-contact workspace): SQLite reuses them as the file
    grows, but the file would keep its old size until then. Nothing else may use the file.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()
    if free <= pages * share:
        return False
    compact(path)
    return True


def compact(path: Path) -> None:
    """``VACUUM`` ``path``: no free pages, every table and index written anew and packed.

    Indexes grown row by row during a bulk load keep pages partly empty (5 of 164 MB after
    the 100,000-contact demo). Nothing else may use the file.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def downgrade(path: Path, revision: str) -> None:
    """Migrate ``path`` back to ``revision`` (tests build older files with it)."""
    _migrate(path, "downgrade", revision)


def _migrate(path: Path, direction: str, revision: str) -> None:
    from alembic import command  # heavy: imported only when a migration is due
    from alembic.config import Config

    from desktop_crm.store.database import make_engine

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            # Batch migrations replace tables that others point to, which SQLite refuses with
            # foreign keys on; the pragma is a no-op inside a transaction, so it is set on the
            # raw connection before Alembic begins one. Migrations check the keys themselves.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
            config.attributes["connection"] = conn
            getattr(command, direction)(config, revision)
    finally:
        engine.dispose()


def quick_check(path: Path) -> str:
    """Return ``"ok"`` or SQLite's description of the damage (``PRAGMA quick_check``)."""
    return _check(path, "quick_check", foreign_keys=False)


def integrity_check(path: Path) -> str:
    """Return ``"ok"`` or the first problems ``PRAGMA integrity_check`` finds (slower, thorough)."""
    return _check(path, "integrity_check", foreign_keys=True)


def copy_check(path: Path) -> str:
    """Return ``"ok"`` or what is wrong with a fresh backup copy (quick check + foreign keys).

    ``PRAGMA quick_check`` reads every page of every table and index: it finds damaged pages,
    b-trees, free lists and records that do not parse (what a bad copy or a bad disk leaves).
    It skips what the slow ``integrity_check`` adds, that each index holds exactly its table's
    rows and UNIQUE keys: a copy made by the backup API has the source's index contents as
    they are, and on 100,000 contacts that cross-check alone took 1.7 of a 3 s backup. The
    foreign key check still runs. A restore runs the full ``integrity_check`` before use.
    (Memory-mapping the file saved under 0.03 s here and counted the file in the process's
    resident memory: not used.)
    """
    return _check(path, "quick_check", foreign_keys=True)


def _check(path: Path, pragma: str, *, foreign_keys: bool) -> str:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute(f"PRAGMA {pragma}").fetchall()
            if foreign_keys and rows and rows[0][0] == "ok":
                fk = conn.execute("PRAGMA foreign_key_check").fetchall()
                if fk:
                    return f"{len(fk)} rows point to missing records (first in table {fk[0][0]})"
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:5])
    return "ok" if result == "ok" else result
