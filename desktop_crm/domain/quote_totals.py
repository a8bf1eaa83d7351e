"""The one function that prices quote lines, for the quote screen, PDF, exports and reports.

Services price stored quotes through ``services.quotes.pricing``, which calls this.

Rules (issue 11):

* Money is ``Decimal`` and every amount is rounded half-up to its currency's minor unit.
* A line's amount is ``quantity x unit price``, rounded, less its discount (a percentage of
  the line, or an amount off it). A discount larger than its line, or a negative quantity or
  price, is refused: a line is never negative.
* A price may be entered net of tax or including tax (含税价). The tax of an inclusive price is
  split out of it (``gross x rate / (100 + rate)``), never added on top, so the lines give back
  the gross the user typed.
* Tax is rounded either per line, or once per rate on the summed lines (a workspace setting).
  Per rate, net and inclusive lines are summed apart so that both keep their promise: net lines
  add their tax on top, inclusive lines keep their gross.
* Optional lines are priced but count in no total.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import ValidationError

HUNDRED = Decimal(100)
ZERO = Decimal(0)


class TaxRounding(StrEnum):
    """Where tax is rounded: on each line, or once per tax rate over the summed lines."""

    PER_LINE = "per_line"
    PER_RATE = "per_rate"


@dataclass(frozen=True)
class LineInput:
    """One priced line as the user entered it.

    Attributes:
        quantity: How many (not negative).
        unit_price: Price of one, net or including tax as ``price_includes_tax`` says.
        tax_rate: Percent, e.g. ``Decimal(13)`` for 13 %.
        discount: A percentage of the line when ``discount_is_percent``, else an amount off it.
        discount_is_percent: How to read ``discount``.
        price_includes_tax: Whether ``unit_price`` already includes the tax (含税).
        optional: Priced for the customer's choice but not counted in the totals.
    """

    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal = ZERO
    discount: Decimal = ZERO
    discount_is_percent: bool = True
    price_includes_tax: bool = False
    optional: bool = False


@dataclass(frozen=True)
class LineAmounts:
    """A line's figures, each rounded to the currency's minor unit.

    Attributes:
        list_amount: Quantity x unit price, before the discount (in the price's own basis).
        discount: The amount taken off ``list_amount``.
        amount: ``list_amount - discount``: what the line shows, in the price's own basis.
        net: The line net of tax.
        tax: The line's tax, rounded on its own (under per-rate rounding the totals' tax may
            differ from the sum of these by a minor unit or so; the totals are authoritative).
        total: The line including tax.
        optional: Whether the line counts in no total.
    """

    list_amount: Decimal
    discount: Decimal
    amount: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal
    optional: bool


@dataclass(frozen=True)
class QuoteTotals:
    """What a quote adds up to.

    Attributes:
        currency: ISO code the amounts are in.
        lines: Each input line's figures, in order.
        subtotal: Sum of the counted lines net of tax, after discounts.
        discount: Sum of the counted lines' discounts (in each line's price basis).
        tax_by_rate: Tax per rate (percent), rates in ascending order.
        tax: Sum of ``tax_by_rate``.
        total: ``subtotal + tax``.
        optional_total: What the optional lines would add, tax included.
    """

    currency: str
    lines: tuple[LineAmounts, ...]
    subtotal: Decimal
    discount: Decimal
    tax_by_rate: dict[Decimal, Decimal] = field(default_factory=dict)
    tax: Decimal = ZERO
    total: Decimal = ZERO
    optional_total: Decimal = ZERO


def _line_figures(line: LineInput, currency: str, position: int) -> tuple[Decimal, Decimal]:
    """``(list amount, discount)`` of ``line``, both rounded, refused if the line goes negative."""
    if line.quantity < 0:
        raise ValidationError(
            f"line {position}: the quantity is negative", field="quantity", line=position
        )
    if line.unit_price < 0:
        raise ValidationError(
            f"line {position}: the unit price is negative", field="unit_price", line=position
        )
    if line.tax_rate < 0:
        raise ValidationError(
            f"line {position}: the tax rate is negative", field="tax_rate", line=position
        )
    if line.discount < 0:
        raise ValidationError(
            f"line {position}: the discount is negative", field="discount", line=position
        )
    list_amount = to_minor_unit(line.quantity * line.unit_price, currency)
    if line.discount_is_percent:
        if line.discount > HUNDRED:
            raise ValidationError(
                f"line {position}: a discount of {line.discount}% is more than the line",
                field="discount",
                line=position,
            )
        discount = to_minor_unit(list_amount * line.discount / HUNDRED, currency)
    else:
        discount = to_minor_unit(line.discount, currency)
        if discount > list_amount:
            raise ValidationError(
                f"line {position}: the discount {discount} is more than the line ({list_amount})",
                field="discount",
                line=position,
            )
    return list_amount, discount


def _tax_in(amount: Decimal, rate: Decimal, *, inclusive: bool) -> Decimal:
    """The unrounded tax of ``amount`` at ``rate`` percent, split out or added on."""
    return amount * rate / (HUNDRED + rate) if inclusive else amount * rate / HUNDRED


def price_lines(
    lines: Sequence[LineInput], currency: str, rounding: TaxRounding = TaxRounding.PER_LINE
) -> QuoteTotals:
    """Price ``lines`` in ``currency`` under ``rounding``.

    Raises:
        ValidationError: A line would be negative (negative quantity, price, rate or
            discount, or a discount larger than its line); ``params['line']`` is its 1-based
            position.
    """
    figures: list[LineAmounts] = []
    # (rate, inclusive) -> summed amounts of the counted lines, for per-rate rounding
    groups: dict[tuple[Decimal, bool], Decimal] = {}
    per_line_tax: dict[Decimal, Decimal] = {}
    subtotal = discount_sum = optional_total = ZERO
    for position, line in enumerate(lines, start=1):
        list_amount, discount = _line_figures(line, currency, position)
        amount = list_amount - discount
        tax = to_minor_unit(
            _tax_in(amount, line.tax_rate, inclusive=line.price_includes_tax), currency
        )
        net, total = (amount - tax, amount) if line.price_includes_tax else (amount, amount + tax)
        figures.append(LineAmounts(list_amount, discount, amount, net, tax, total, line.optional))
        if line.optional:
            optional_total += total
            continue
        discount_sum += discount
        key = (line.tax_rate.normalize(), line.price_includes_tax)
        groups[key] = groups.get(key, ZERO) + amount
        per_line_tax[key[0]] = per_line_tax.get(key[0], ZERO) + tax
        subtotal += net
    if rounding is TaxRounding.PER_RATE:
        subtotal = ZERO
        tax_by_rate: dict[Decimal, Decimal] = {}
        for (rate, inclusive), amount in groups.items():
            tax = to_minor_unit(_tax_in(amount, rate, inclusive=inclusive), currency)
            tax_by_rate[rate] = tax_by_rate.get(rate, ZERO) + tax
            subtotal += amount - tax if inclusive else amount
    else:
        tax_by_rate = per_line_tax
    tax_by_rate = dict(sorted(tax_by_rate.items()))
    tax_sum = sum(tax_by_rate.values(), ZERO)
    return QuoteTotals(
        currency=currency,
        lines=tuple(figures),
        subtotal=subtotal,
        discount=discount_sum,
        tax_by_rate=tax_by_rate,
        tax=tax_sum,
        total=subtotal + tax_sum,
        optional_total=optional_total,
    )


def rate_label(rate: Decimal) -> str:
    """``13%`` for ``Decimal("13.00")``, ``6.5%`` for ``Decimal("6.50")``: the key of a rate."""
    text = format(rate.normalize(), "f")
    return f"{text}%"


def split_by_percent(total: Decimal, percents: Iterable[Decimal], currency: str) -> list[Decimal]:
    """Instalment amounts of ``total`` by ``percents`` (summing to 100); the last takes the rest.

    Raises:
        ValidationError: The percentages do not sum to 100 or one is not positive.
    """
    shares = list(percents)
    if any(p <= 0 for p in shares) or sum(shares, ZERO) != HUNDRED:
        raise ValidationError("the instalments' percentages must be positive and sum to 100%")
    amounts = [to_minor_unit(total * p / HUNDRED, currency) for p in shares[:-1]]
    return [*amounts, total - sum(amounts, ZERO)]
