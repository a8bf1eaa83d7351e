"""Human-facing numbers (customers, deals, quotes, contracts) from configurable patterns.

A number is drawn inside the caller's transaction, so a transaction that fails takes its
number back with it: numbers stay unique and gap-free. In team mode each laptop draws from its
own range (``store.local_user.number_floor``), so laptops offline never draw one number twice.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, Table, text
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import NumberKind
from desktop_crm.domain.numbering import format_number, sequence_key
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.batches import in_chunks, placeholders
from desktop_crm.store.local_user import number_floor
from desktop_crm.store.models import Company, Contract, Deal, Person, Quote
from desktop_crm.store.store import Store

_NUMBERED: dict[NumberKind, tuple[Table, ...]] = {
    "customer": (Person.__table__, Company.__table__),  # type: ignore[dict-item]
    "deal": (Deal.__table__,),  # type: ignore[dict-item]
    "quote": (Quote.__table__,),  # type: ignore[dict-item]
    "contract": (Contract.__table__,),  # type: ignore[dict-item]
}


def allocate_number(session: Session, kind: NumberKind, day: date) -> str:
    """Draw the next number of ``kind`` in ``session``'s transaction."""
    pattern = read_setting(session, f"numbering.{kind}")
    key = sequence_key(kind, pattern, day)
    floor = number_floor(session)
    while True:
        seq = session.execute(
            text(
                "INSERT INTO number_sequences (key, value) VALUES (:key, :floor + 1) "
                "ON CONFLICT (key) DO UPDATE SET value = max(value, :floor) + 1 RETURNING value"
            ),
            {"key": key, "floor": floor},
        ).scalar_one()
        number = format_number(pattern, day, seq)
        # A pattern changed back and forth may meet numbers already handed out: skip them.
        conn = session.connection()
        if not any(_taken(conn, table, [number]) for table in _NUMBERED[kind]):
            return number


def allocate_numbers(session: Session, kind: NumberKind, day: date, count: int) -> list[str]:
    """Draw ``count`` consecutive numbers of ``kind`` at once (imports, demo data)."""
    if count <= 0:
        return []
    pattern = read_setting(session, f"numbering.{kind}")
    key = sequence_key(kind, pattern, day)
    floor = number_floor(session)
    numbers: list[str] = []
    while len(numbers) < count:
        wanted = count - len(numbers)
        last = session.execute(
            text(
                "INSERT INTO number_sequences (key, value) VALUES (:key, :floor + :n) "
                "ON CONFLICT (key) DO UPDATE SET value = max(value, :floor) + :n RETURNING value"
            ),
            {"key": key, "n": wanted, "floor": floor},
        ).scalar_one()
        block = [format_number(pattern, day, seq) for seq in range(last - wanted + 1, last + 1)]
        taken: set[str] = set()
        conn = session.connection()
        for table in _NUMBERED[kind]:
            for part in in_chunks(block):
                taken.update(_taken(conn, table, part))
        numbers += [n for n in block if n not in taken]
    return numbers


def _taken(conn: Connection, table: Table, numbers: list[str]) -> set[str]:
    """Which of ``numbers`` ``table`` holds, live or tombstoned (numbers are never reused).

    Each half is answered by its own partial index (the live unique one and the one of
    tombstoned numbers): a plain ``number IN (...)`` would scan the table.
    """
    # Plain SQL: compiling an expanding IN (...) costs more than the query here.
    listed = placeholders(len(numbers))
    return set(
        conn.exec_driver_sql(
            f"SELECT number FROM {table.name} WHERE number IN ({listed}) "
            f"AND deleted_at IS NULL UNION ALL SELECT number FROM {table.name} "
            f"WHERE number IN ({listed}) AND deleted_at IS NOT NULL",
            (*numbers, *numbers),
        ).scalars()
    )


class NumberingService:
    """Preview the numbers patterns will produce."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def preview(self, kind: NumberKind, day: date) -> str:
        """The number the next ``kind`` record would get, without drawing it."""
        with self._store.read() as session:
            pattern = read_setting(session, f"numbering.{kind}")
            key = sequence_key(kind, pattern, day)
            current = session.execute(
                text("SELECT value FROM number_sequences WHERE key = :key"), {"key": key}
            ).scalar()
        return format_number(pattern, day, (current or 0) + 1)
