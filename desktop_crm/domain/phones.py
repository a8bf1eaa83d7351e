"""Phone numbers: kept as typed, normalised to E.164 for search and duplicates."""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D+")
_CN_MOBILE = re.compile(r"(?:0086|86)?1[3-9]\d{9}")


def phone_digits(text: str) -> str:
    """Only the digits of ``text`` ("+86 138-0013-8000" -> "8613800138000")."""
    return _NON_DIGITS.sub("", text)


def normalize_phone(text: str, region: str) -> str | None:
    """The E.164 form of ``text`` read with ``region`` as default country, or ``None``.

    ``None`` means the text is not a possible phone number ("Fax", "ohne", too short); the
    typed value is still kept by the caller.
    """
    digits = phone_digits(text)
    if len(digits) < 3:
        return None
    # Fast path for the most common case, a Chinese mobile (same answer as phonenumbers,
    # checked by a test); parsing costs ~50 µs a number, which adds up over an import.
    plus_other = text.lstrip().startswith("+") and not digits.startswith("86")
    if (
        _CN_MOBILE.fullmatch(digits)
        and not plus_other
        and (region.upper() == "CN" or digits.startswith(("86", "0086")))
    ):
        return "+86" + digits[-11:]
    import phonenumbers  # ~50 ms to import: only where phones are handled

    try:
        number = phonenumbers.parse(text, region.upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
