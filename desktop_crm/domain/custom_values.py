"""The stored form of a custom field's value, checked against the field's kind."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

_TRUE = {"yes", "y", "true", "1", "是", "对", "✓"}
_FALSE = {"no", "n", "false", "0", "否", "不"}


def normalize_value(kind: str, options: list[str] | None, text: str) -> str:
    """The stored form of ``text`` for a field of ``kind``.

    Raises:
        ValueError: ``text`` does not fit the kind (the message says why).
    """
    value = text.strip()
    if kind == "number":
        try:
            return str(Decimal(value.replace(",", "")))
        except InvalidOperation:
            raise ValueError("is not a number") from None
    if kind == "date":
        try:
            return date.fromisoformat(value.replace("/", "-")).isoformat()
        except ValueError:
            raise ValueError("is not a date (YYYY-MM-DD)") from None
    if kind == "choice" and value not in (options or []):
        raise ValueError("is not one of the choices")
    if kind == "bool":
        if value.casefold() in _TRUE:
            return "yes"
        if value.casefold() in _FALSE:
            return "no"
        raise ValueError("is not yes or no")
    return value
