"""Column types that keep money exact, moments timezone-aware and ids compact on SQLite."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, LargeBinary
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

_SCALE = 10_000  # four decimal places


class ExactDecimal(TypeDecorator[Decimal]):
    """A Decimal stored as an integer of ten-thousandths: exact, sortable and summable in SQL."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        """Scale to an integer of ten-thousandths."""
        if value is None:
            return None
        return int((Decimal(value) * _SCALE).to_integral_value())

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        """Scale back to a Decimal with four places."""
        if value is None:
            return None
        return (Decimal(int(value)) / _SCALE).quantize(Decimal("0.0001"))


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ISO = "%Y-%m-%dT%H:%M:%S.%fZ"


def micros(moment: datetime) -> int:
    """A moment as stored: integer microseconds since 1970-01-01 UTC (exact, sortable)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where a moment is expected")
    return (moment - EPOCH) // timedelta(microseconds=1)


def from_micros(value: int) -> datetime:
    """The aware UTC moment of :func:`micros`."""
    return EPOCH + timedelta(microseconds=value)


def iso_text(moment: datetime) -> str:
    """A moment as ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` text.

    How the change log's JSON values and files of schema 5 and older keep moments.
    """
    if moment.tzinfo is None:
        raise ValueError("naive datetime given where a moment is expected")
    return moment.astimezone(UTC).strftime(_ISO)


def parse_moment(value: int | str) -> datetime:
    """A stored moment back as an aware UTC datetime.

    Takes integer microseconds (also as digits), or the ISO text the change log and files of
    schema 5 and older hold.
    """
    if isinstance(value, int):
        return from_micros(value)
    if value.lstrip("-").isdigit():
        return from_micros(int(value))
    try:
        return datetime.strptime(value, _ISO).replace(tzinfo=UTC)
    except ValueError:
        moment = datetime.fromisoformat(value)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored as integer microseconds since 1970 UTC; always returned timezone-aware.

    Eight bytes instead of 27 characters of ISO text (schema 5 and older; migration ``0006``
    converts them), exact to the microsecond, sorted and compared as numbers, and a plain
    BIGINT on PostgreSQL too. Reads still accept the ISO text (:func:`parse_moment`).
    """

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        """Microseconds since 1970 UTC; naive datetimes are a programming error."""
        if value is None:
            return None
        return micros(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Parse back to an aware UTC datetime."""
        if value is None:
            return None
        return parse_moment(value)


def utc_now() -> datetime:
    """Return the current moment in UTC."""
    return datetime.now(UTC)


def id_bytes(value: str) -> bytes | str:
    """An id as stored: the 16 bytes of its UUID (canonical text in Python, anywhere else).

    Text that is no UUID (a caller's typo, a foreign file's key) is bound as it is: it matches
    no stored id, so a lookup finds nothing instead of failing.
    """
    try:
        if len(value) == 36 and value.count("-") == 4:
            stored = bytes.fromhex(value.replace("-", ""))  # several times faster than uuid
            if len(stored) == 16:
                return stored
        return uuid.UUID(value).bytes
    except (ValueError, TypeError, AttributeError):
        return value


def id_text(value: bytes | str) -> str:
    """A stored id back as canonical text; text (files of schema 6 and older) is returned as is."""
    if isinstance(value, str):
        return value
    h = bytes(value).hex()
    if len(h) != 32:
        raise ValueError(f"a stored id has {len(h) // 2} bytes, not 16")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def id_params(values: Iterable[str]) -> tuple[bytes | str, ...]:
    """Ids as plain-SQL parameters (``IN (?, ?, …)`` lists and the like)."""
    items = values if isinstance(values, list | tuple) else list(values)
    count = len(items)
    joined = "".join(items)
    # Canonical ids (every one 36 characters, dashes where UUIDs have them) convert in one
    # fromhex: undoing a 100,000-person import binds 1.4 million ids.
    if len(joined) == 36 * count and all(joined[at::36] == "-" * count for at in (8, 13, 18, 23)):
        hexed = joined.replace("-", "")
        if len(hexed) == 32 * count and set(map(len, items)) <= {36}:
            try:
                raw = bytes.fromhex(hexed)
            except ValueError:
                pass
            else:
                return tuple(raw[at : at + 16] for at in range(0, 16 * count, 16))
    return tuple(id_bytes(v) for v in items)


class _IdBytes(LargeBinary):
    """A BLOB handed to the driver as it is.

    ``bytes`` need no ``memoryview`` wrapping, and text that is no UUID (see :func:`id_bytes`)
    passes through too.
    """

    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> None:
        """None: values go to the driver unchanged."""
        return None

    def result_processor(self, dialect: Dialect, coltype: object) -> None:
        """None: rows come back as the driver gives them."""
        return None


class IdType(TypeDecorator[str]):
    """A global id: canonical UUID text in Python, 16 bytes in SQLite.

    36 characters of text repeated in every row, foreign key and index took a third of a
    100,000-contact workspace; 16 bytes hold the same UUID (schema 7; migration ``0007``
    converts older files). Reads still accept the text of older files. Plain SQL binds
    :func:`id_bytes` / :func:`id_params` and reads back with :func:`id_text`; SQL itself
    converts with ``crm_id(text)`` and ``crm_id_text(blob)`` (``sql_functions``).
    """

    impl = _IdBytes(16)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """16 bytes on SQLite (a native ``uuid`` elsewhere would go here)."""
        return _IdBytes(16)

    def process_bind_param(self, value: str | None, dialect: Dialect) -> bytes | str | None:
        """The id's 16 bytes (see :func:`id_bytes`)."""
        if value is None:
            return None
        return id_bytes(value)

    def process_literal_param(self, value: str | None, dialect: Dialect) -> str:
        """The id as an SQL blob literal ``X'…'``."""
        if value is None:
            return "NULL"
        stored = id_bytes(value)
        if isinstance(stored, str):
            return "'" + stored.replace("'", "''") + "'"
        return f"X'{stored.hex()}'"

    def process_result_value(self, value: Any, dialect: Dialect) -> str | None:
        """Canonical text (legacy text ids are returned as stored)."""
        if value is None:
            return None
        return id_text(value)
