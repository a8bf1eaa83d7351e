"""Human-facing number patterns such as ``Q-{yyyy}-{seq:04}``."""

from __future__ import annotations

import re
from datetime import date

from desktop_crm.domain.errors import ValidationError

_TOKEN = re.compile(r"\{(yyyy|yy|mm|dd|seq(?::(\d{1,2}))?)\}")

DEFAULT_PATTERNS: dict[str, str] = {
    "customer": "C-{seq:05}",
    "deal": "D-{yyyy}-{seq:04}",
    "quote": "Q-{yyyy}-{seq:04}",
    "contract": "HT-{yyyy}-{seq:04}",
}


def validate_pattern(pattern: str) -> None:
    """Raise :class:`ValidationError` unless ``pattern`` has exactly one ``{seq}`` token."""
    tokens = [m.group(1) for m in _TOKEN.finditer(pattern)]
    if sum(1 for t in tokens if t.startswith("seq")) != 1:
        raise ValidationError(
            "A number pattern needs exactly one {seq} token, e.g. Q-{yyyy}-{seq:04}.",
            field="pattern",
        )
    leftover = _TOKEN.sub("", pattern)
    if "{" in leftover or "}" in leftover:
        raise ValidationError(
            "Unknown token in number pattern; use {yyyy}, {yy}, {mm}, {dd} and {seq:N}.",
            field="pattern",
        )


def sequence_key(kind: str, pattern: str, day: date) -> str:
    """Return the counter a number draws from: it restarts whenever the date part changes."""
    return f"{kind}:" + _TOKEN.sub(
        lambda m: "{seq}" if m.group(1).startswith("seq") else _date_part(m.group(1), day),
        pattern,
    )


def format_number(pattern: str, day: date, seq: int) -> str:
    """Format the ``seq``-th number of ``pattern`` on ``day``."""

    def repl(m: re.Match[str]) -> str:
        token = m.group(1)
        if token.startswith("seq"):
            width = int(m.group(2) or 0)
            return str(seq).zfill(width)
        return _date_part(token, day)

    return _TOKEN.sub(repl, pattern)


def _date_part(token: str, day: date) -> str:
    return {
        "yyyy": f"{day.year:04d}",
        "yy": f"{day.year % 100:02d}",
        "mm": f"{day.month:02d}",
        "dd": f"{day.day:02d}",
    }[token]
