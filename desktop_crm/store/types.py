"""Column types that keep money exact and moments timezone-aware on SQLite."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, String
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


class UtcDateTime(TypeDecorator[datetime]):
    """A moment stored as ISO-8601 UTC text; always returned timezone-aware.

    Text (not SQLite's naive DATETIME) sorts correctly and survives a move to PostgreSQL.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> str | None:
        """Format as UTC text; naive datetimes are a programming error."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given where a moment is expected")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        """Parse back to an aware UTC datetime."""
        if value is None:
            return None
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


def utc_now() -> datetime:
    """Return the current moment in UTC."""
    return datetime.now(UTC)
