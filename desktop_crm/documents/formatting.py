"""How numbers, money, dates and label patterns print on documents (formatting only, no sums)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from desktop_crm.domain.currency import minor_digits, symbol, to_minor_unit
from desktop_crm.domain.quote_totals import rate_label

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def fill(pattern: str, *values: object) -> str:
    """``pattern`` with ``%1``, ``%2``… replaced by ``values`` in one pass.

    One pass, so a value that itself holds ``%2`` is printed as it is.
    """
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        nxt = pattern[index + 1 : index + 2]
        if char == "%" and nxt.isdigit() and 1 <= int(nxt) <= len(values):
            out.append(str(values[int(nxt) - 1]))
            index += 2
            continue
        out.append(char)
        index += 1
    return "".join(out)


def money(amount: Decimal, currency: str) -> str:
    """``amount`` to the currency's minor unit with thousands separators: ``12,345.60``."""
    digits = minor_digits(currency)
    return f"{to_minor_unit(amount, currency):,.{digits}f}"


def money_with_sign(amount: Decimal, currency: str, has_glyphs: Callable[[str], bool]) -> str:
    """``¥12,345.60``; the code (``CHF 1,000.00``) when there is no sign or the font lacks it."""
    sign = symbol(currency)
    number = money(abs(amount), currency)
    minus = "-" if amount < 0 else ""
    if sign == currency.upper() or not has_glyphs(sign):
        return f"{minus}{currency.upper()} {number}"
    return f"{minus}{sign}{number}"


def price(amount: Decimal, currency: str) -> str:
    """A unit price: at least the currency's decimals, more when the price has them (0.125)."""
    digits = max(minor_digits(currency), _decimals(amount))
    return f"{amount:,.{digits}f}"


def quantity(amount: Decimal) -> str:
    """``1,200`` or ``2.5``: no trailing zeros, thousands separated."""
    return f"{amount:,.{_decimals(amount)}f}"


def percent(value: Decimal) -> str:
    """``13%``, ``6.5%``."""
    return rate_label(value)


def day(value: date, language: str) -> str:
    """``7 Dec 2025`` in English, ``2025年12月7日`` in Chinese."""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _decimals(amount: Decimal) -> int:
    """Decimals ``amount`` needs once trailing zeros are dropped."""
    exponent = amount.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
