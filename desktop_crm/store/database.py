"""Engine creation: one SQLite file, WAL, synchronous=FULL, foreign keys on."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from desktop_crm.store import sql_functions

APPLICATION_ID = 0x43524D31  # "CRM1": marks a file as ours in the SQLite header
CACHE_KIB = -4000  # page cache per connection (negative: KiB); keeps memory low at start
BULK_CACHE_KIB = -64000  # during bulk work the indexes being filled stay in memory


def make_engine(path: Path) -> Engine:
    """Return an engine for ``path`` with the pragmas every connection needs.

    Transactions are begun explicitly (``BEGIN IMMEDIATE``) instead of by the sqlite3
    module, so that a write transaction holds the write lock from its start and savepoints work.
    """
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute(f"PRAGMA cache_size={CACHE_KIB}")
        cur.close()
        sql_functions.register(dbapi_conn)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock up front; readers (execution option read_only) don't.
        read_only = conn.get_execution_options().get("read_only", False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine
