"""Column types that keep money exact and moments timezone-aware on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

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
