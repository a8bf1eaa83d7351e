"""Money arithmetic of quote lines: exact decimals, rounded to the cent once, half up."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def line_net(quantity: Decimal, unit_price: Decimal, discount_percent: Decimal) -> Decimal:
    """A line's amount before tax, after its discount (not rounded)."""
    return quantity * unit_price * (HUNDRED - discount_percent) / HUNDRED


def quote_total(
    lines: Iterable[tuple[Decimal, Decimal, Decimal, Decimal]], discount_percent: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    """``(net, tax, total)`` of lines ``(quantity, unit price, discount %, tax %)``.

    The quote's own discount applies to every line before tax; each figure is rounded to the
    cent once, at the end, so the parts add up to the total.
    """
    keep = (HUNDRED - discount_percent) / HUNDRED
    net = tax = Decimal(0)
    for quantity, price, discount, rate in lines:
        amount = line_net(quantity, price, discount) * keep
        net += amount
        tax += amount * rate / HUNDRED
    net_r = net.quantize(CENT, ROUND_HALF_UP)
    tax_r = tax.quantize(CENT, ROUND_HALF_UP)
    return net_r, tax_r, net_r + tax_r
