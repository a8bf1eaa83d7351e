"""Placeholders in translated text filled in one pass (no Qt, so it is testable anywhere)."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """Replace %1..%9 in a translated template with the values, in one pass.

    Substituted text is never scanned again, so a value that itself contains "%2" stays as it
    is. A placeholder without a value (e.g. %3 when two values are given) is left unchanged, and
    so are Qt's %n / %Ln plural markers, which tr() fills in itself.

    Args:
        template: The translated text, e.g. ``tr("Log %1 with %2")``.
        values: The value for %1, %2, … in that order; each is turned into text with str().
    """

    def substitute(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(substitute, template)
