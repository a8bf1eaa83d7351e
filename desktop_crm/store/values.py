"""Column values to and from the JSON forms the change log keeps."""

from __future__ import annotations

import base64
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Date, LargeBinary

from desktop_crm.store.types import ExactDecimal, UtcDateTime, iso_text, parse_moment

_PLAIN = frozenset({str, int, float, bool, list, dict})


def to_json(value: Any) -> Any:
    """Return a JSON-safe form of a column value that compares equal iff the values do."""
    if value is None or type(value) in _PLAIN:
        return value
    if isinstance(value, datetime):
        return iso_text(value)  # the log keeps moments as ISO text (values, not columns)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.0001")))
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, str):  # a code given as a StrEnum (ContactStatus.LEAD) logs its text
        return str(value)
    raise TypeError(f"cannot log a value of type {type(value).__name__}")


def from_json(column: ColumnElement[Any], value: Any) -> Any:
    """Turn a logged JSON form back into the Python value ``column`` holds."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UtcDateTime):
        return parse_moment(value)
    if isinstance(kind, ExactDecimal):
        return Decimal(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value)
    if isinstance(kind, Boolean):
        return bool(value)
    return value
