"""Recording which app version writes a workspace (``local_state`` ``written_by``).

An older Desktop CRM that meets the file after a newer one upgraded it reads this record to
tell the user which version to install (``store.schema.classify``). Its shape is a contract
with every future version: see docs/ARCHITECTURE.md.
"""

from __future__ import annotations

from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError

from desktop_crm.store.models import LocalState
from desktop_crm.store.schema import WRITTEN_BY_KEY, written_by_value
from desktop_crm.store.store import Store


def mark_written_by(store: Store) -> bool:
    """Record this app's version as the file's writer; say whether it had to be written.

    Called whenever a workspace is opened for writing. One read, and a write only when another
    version (or none) was recorded, so opening the same file again changes nothing. A file
    that cannot be written now (read-only) is opened all the same: its first real write says so.
    """
    wanted = written_by_value()
    with store.read() as session:
        current = session.scalar(select(LocalState.value).where(LocalState.key == WRITTEN_BY_KEY))
    if current == wanted:
        return False
    try:
        # Machine-local bookkeeping: no operation, nothing in the change log or the outbox.
        with store.engine.begin() as conn:
            conn.execute(
                insert(LocalState).prefix_with("OR REPLACE"),
                {"key": WRITTEN_BY_KEY, "value": wanted},
            )
    except OperationalError:
        return False
    return True
