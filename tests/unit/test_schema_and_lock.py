"""Schema versions, migrations and the one-process-per-workspace lock."""

import hashlib
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from desktop_crm.domain.errors import NotAWorkspaceError, SchemaTooNewError, WorkspaceLockedError
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store import backup, schema
from desktop_crm.store.store import Store


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_migrations_build_exactly_the_models(ws_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from desktop_crm.store.models import Base

    create_workspace(ws_path).close(backup_if_changed=False)
    engine = create_engine(f"sqlite:///{ws_path}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _not_fts})
        diff = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert diff == []
    header = schema.read_header(ws_path)
    assert header.user_version == schema.SCHEMA_VERSION
    assert header.application_id == 0x43524D31


def _not_fts(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name.startswith("search_fts"))


def test_newer_schema_is_refused_and_the_file_untouched(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    with sqlite3.connect(ws_path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = _digest(ws_path)
    with pytest.raises(SchemaTooNewError, match="newer Desktop CRM"):
        open_workspace(ws_path)
    assert _digest(ws_path) == before
    assert not backup.list_backups(ws_path)


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = _digest(path)
    with pytest.raises(NotAWorkspaceError):
        open_workspace(path)
    assert _digest(path) == before


def test_older_schema_is_backed_up_then_migrated(ws_path):
    ws = create_workspace(ws_path)
    from tests import drafts

    ws.people.save(drafts.person("王芳"))
    ws.close(backup_if_changed=False)
    _downgrade_to_first_release(ws_path)
    assert schema.read_header(ws_path).user_version == 1
    ws = open_workspace(ws_path)
    try:
        assert ws.today.info().people == 1
        assert [h.title for h in ws.search.contacts("王芳")] == ["王芳"]  # index built on open
    finally:
        ws.close(backup_if_changed=False)
    pre = [b for b in backup.list_backups(ws_path) if b.reason == "pre-migration"]
    assert len(pre) == 1
    assert backup.check_backup(pre[0].path) == "ok"
    assert schema.read_header(ws_path).user_version == schema.SCHEMA_VERSION


def _downgrade_to_first_release(path):
    """Turn a current file into what version 0.1 (schema 0001) wrote."""
    from alembic import command
    from alembic.config import Config

    from desktop_crm.store.database import make_engine

    config = Config()
    config.set_main_option("script_location", str(schema.MIGRATIONS_DIR))
    engine = make_engine(path)
    with engine.connect() as conn:
        # As schema._migrate does: migrations that copy tables want foreign keys off.
        conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        config.attributes["connection"] = conn
        command.downgrade(config, "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM local_state WHERE key = 'search.index_version'")


def test_second_open_in_the_same_process_is_refused(workspace):
    with pytest.raises(WorkspaceLockedError, match="already open"):
        Store.open(workspace.path)


def test_second_process_is_told_and_does_not_write(workspace):
    before = _digest(workspace.path)
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from desktop_crm.cli import main
        sys.exit(main(["undo", {str(workspace.path)!r}]))
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "already open in another Desktop CRM process" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _digest(workspace.path) == before


def test_lock_is_released_on_close_and_by_a_dead_process(ws_path):
    create_workspace(ws_path).close(backup_if_changed=False)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys,time; from pathlib import Path; from desktop_crm.store.store import Store;"
            f"s=Store.open(Path({str(ws_path)!r})); print('open', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(WorkspaceLockedError):
            open_workspace(ws_path)
    finally:
        holder.kill()
        holder.wait()
    open_workspace(ws_path).close(backup_if_changed=False)  # a killed holder frees the file


def test_closing_leaves_no_lock_file_and_a_removed_lock_is_never_shared(ws_path):
    from desktop_crm.store.lock import WorkspaceLock, _still_at, lock_path_for

    create_workspace(ws_path).close(backup_if_changed=False)
    assert not lock_path_for(ws_path).exists()  # nothing stray beside the user's file
    first = WorkspaceLock(ws_path)
    first.acquire()
    # A second process opened the lock file just before the first released (and removed) it:
    # its lock on the removed file must not count, so it takes a fresh file instead.
    early = open(lock_path_for(ws_path), "a+", encoding="utf-8")  # noqa: SIM115
    assert _still_at(early, lock_path_for(ws_path))
    first.release()
    assert not _still_at(early, lock_path_for(ws_path))  # acquire() would retry on a new file
    second = WorkspaceLock(ws_path)
    second.acquire()
    try:
        assert lock_path_for(ws_path).exists()
        with pytest.raises(WorkspaceLockedError):
            WorkspaceLock(ws_path).acquire()
    finally:
        early.close()
        second.release()
    assert not lock_path_for(ws_path).exists()
