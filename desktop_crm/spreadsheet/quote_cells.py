"""Reading the cells of a quote sheet that mean more than a number: discounts.

A discount is a percentage of its line when written with a percent sign (``10%``) or as
Chinese 折 (``9折`` is 90 % of the price: 10 % off; ``85折`` and ``8.5折`` are 15 % off), and an
amount off the line when it is a plain number (``50``, ``¥50``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from desktop_crm.spreadsheet import cells

HUNDRED = Decimal(100)
_ZHE = re.compile(r"^(\d+(?:\.\d+)?)\s*折$")


class Discount(NamedTuple):
    """A line's discount as written.

    Attributes:
        value: Percent when ``is_percent``, else an amount in the quote's currency.
        is_percent: Whether ``value`` is a percentage of the line.
    """

    value: Decimal
    is_percent: bool


NONE = Discount(Decimal(0), True)


def parse_discount(value: Any) -> Discount:
    """The discount a cell holds (``NONE`` when it is empty).

    Raises:
        ValueError: Neither a percentage, a 折 nor an amount (the message quotes the cell).
    """
    raw = (cells.text(value) or "").strip()
    if not raw:
        return NONE
    if raw.endswith(("%", "％")):
        try:
            return Discount(cells.parse_amount(raw[:-1]), True)
        except ValueError:
            raise ValueError(f"“{raw}” is not a discount (10% or an amount)") from None
    zhe = _ZHE.match(raw)
    if zhe:
        rate = Decimal(zhe.group(1))
        # 9折 pays 90 %, 8.5折 and 85折 pay 85 %: up to 10 the figure is tenths, above percent.
        paid = rate * 10 if rate <= 10 else rate
        if not 0 < paid <= HUNDRED:
            raise ValueError(f"“{raw}” is not a discount")
        return Discount(HUNDRED - paid, True)
    try:
        return Discount(cells.parse_amount(value), False)
    except ValueError:
        raise ValueError(f"“{raw}” is not a discount (10% or an amount)") from None
