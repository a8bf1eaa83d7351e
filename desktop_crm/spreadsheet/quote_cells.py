"""Reading the cells of a quote sheet that mean more than a number: discounts and tax rates.

A discount is a percentage of its line when written with a percent sign (``10%``), as
Chinese 折 (``9折`` is 90 % of the price: 10 % off; ``85折`` and ``8.5折`` are 15 % off), or as
a number in a cell Excel formats as a percentage (0.1 showing "10%"); it is an amount off the
line when it is a plain number (``50``, ``¥50``).

A tax rate written ``13%``, or a number in a percent-formatted cell (0.13 showing "13%"), is
that percentage. A plain number is read by its column, decided over the whole column
(``TaxRateColumn``), because 0.13 and 13 are both written for 13 % and 1 is a real rate (1 %):

* A column whose plain numbers are all at most 1, some below 1, holds fractions: 0.13 is 13 %.
  A 1 there could be 1 % or 100 %, so it is a problem on its cell.
* Any other column holds percents: 13 is 13 %, 1 is 1 %. A number below 1 there is a fraction
  only when it is a usual rate as one (0.13, 0.09, 0.06, 0.03…); any other (0.5: 0.5 % or
  50 %?) is a problem on its cell, to be written with a % sign.

So a column of 0.13/0.06, a column of 13/6 and a column mixing 13% with 0.13 and 13 all read
as the user meant, and nothing ambiguous is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from desktop_crm.spreadsheet import cells
from desktop_crm.spreadsheet.number_formats import percent_cells
from desktop_crm.spreadsheet.tables import Table

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


def parse_discount(value: Any, *, percent_format: bool = False) -> Discount:
    """The discount a cell holds (``NONE`` when it is empty).

    ``percent_format``: the cell is formatted as a percentage in Excel, so a number in it is
    a fraction (0.1 is 10 % off).

    Raises:
        ValueError: Neither a percentage, a 折 nor an amount (the message quotes the cell).
    """
    raw = (cells.text(value) or "").strip()
    if not raw:
        return NONE
    if percent_format and _is_number(value):
        return Discount(_times_100(cells.parse_amount(value)), True)
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


# Tax rates (percent) in use, as Chinese VAT has had them and as most VAT elsewhere is.
USUAL_RATES = frozenset(Decimal(n) for n in (1, 3, 5, 6, 7, 8, 9, 10, 11, 13, 16, 17, 19, 20, 21))
_PERCENT_SIGNS = ("%", "％")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _times_100(number: Decimal) -> Decimal:
    """``number`` as percent, without trailing zeros or an exponent (0.5 → 50, 0.125 → 12.5)."""
    percent = (number * HUNDRED).normalize()
    return percent.quantize(Decimal(1)) if percent == percent.to_integral_value() else percent


def _plain_number(value: Any) -> Decimal | None:
    """A tax-rate cell's number when written without a % sign (``None`` otherwise)."""
    raw = (cells.text(value) or "").strip()
    if not raw or raw.endswith(_PERCENT_SIGNS) or isinstance(value, bool):
        return None
    try:
        return cells.parse_amount(value)
    except ValueError:
        return None  # not a rate at all: the row reader says so


class TaxRateColumn:
    """How the plain numbers of one tax-rate column are read (see the module's rules).

    Args:
        values: The column's cells, but for percent-formatted ones.
    """

    def __init__(self, values: Iterable[Any] = ()) -> None:
        plain = [n for n in map(_plain_number, values) if n is not None and n > 0]
        self.fractions = bool(plain) and max(plain) <= 1 and min(plain) < 1

    def percent(self, value: Any, *, percent_format: bool = False) -> Decimal:
        """The tax rate, percent, a cell of this column holds.

        Raises:
            ValueError: Not a rate, or a number that could be a fraction or a percent.
        """
        raw = (cells.text(value) or "").strip()
        if raw.endswith(_PERCENT_SIGNS):
            return cells.parse_amount(raw[:-1])
        number = cells.parse_amount(value)
        if percent_format and _is_number(value):
            return _times_100(number)
        if number <= 0 or number > 1:
            return number
        if number == 1:
            if self.fractions:
                raise ValueError(
                    f"“{raw}” could be 1% or 100% in this column of fractions; write it with %"
                )
            return number
        if self.fractions or _times_100(number) in USUAL_RATES:
            return _times_100(number)
        raise ValueError(
            f"“{raw}” could be {number}% or {_times_100(number)}%; write it with % (13%)"
        )


@dataclass(frozen=True)
class QuoteSheet:
    """What the cells of a quote (or product) sheet mean beyond their values, judged over it all.

    Attributes:
        percent_cells: ``(row index, column)`` of the discount and tax-rate cells Excel shows
            as percentages (their numbers are fractions: 0.1 shows "10%").
        rates: Tax-rate column -> how its plain numbers are read.
    """

    percent_cells: frozenset[tuple[int, int]] = frozenset()
    rates: Mapping[int, TaxRateColumn] = field(default_factory=dict)

    @classmethod
    def read(
        cls, path: Path | None, table: Table, data_rows: Iterable[int], mapping: Mapping[int, str]
    ) -> QuoteSheet:
        """The sheet ``table`` of ``path`` (its number formats read for .xlsx and .xlsm).

        Only the discount and tax-rate columns' formats are looked up.
        """
        wanted = [col for col, target in mapping.items() if target in ("discount", "tax_rate")]
        percent: frozenset[tuple[int, int]] = frozenset()
        if wanted and path is not None and table.kind == "xlsx":
            percent = percent_cells(path, table.name, wanted)
        rows = [(i, table.rows[i]) for i in data_rows]
        rates = {
            col: TaxRateColumn(
                row[col] for i, row in rows if col < len(row) and (i, col) not in percent
            )
            for col, target in mapping.items()
            if target == "tax_rate"
        }
        return cls(percent, rates)
