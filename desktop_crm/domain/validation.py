"""Checks on what users type: emails and phone numbers. Problems are reported per field."""

from __future__ import annotations

import re
from typing import Literal

from desktop_crm.domain.phones import normalize_phone

EmailProblem = Literal["empty", "space", "invalid"]
PhoneProblem = Literal["empty", "invalid"]

# Practical, not RFC 5322: one @, no spaces, a dot in the domain, non-ASCII allowed (IDN, and
# the Chinese or German local parts real address books hold).
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def email_problem(value: str) -> EmailProblem | None:
    """Why ``value`` is not a usable email address (a code), or ``None``.

    Codes: ``empty``, ``space`` (it contains a space), ``invalid``.
    """
    text = value.strip()
    if not text:
        return "empty"
    if " " in text:
        return "space"
    if not _EMAIL.match(text):
        return "invalid"
    return None


def phone_problem(value: str, region: str) -> tuple[PhoneProblem | None, str | None]:
    """``(problem code, e164)`` for a phone number read with the default ``region``.

    Codes: ``empty``, ``invalid``.
    """
    text = value.strip()
    if not text:
        return "empty", None
    e164 = normalize_phone(text, region)
    if e164 is None:
        return "invalid", None
    return None, e164
