"""The editor's lines priced as they are typed, every refused line found, not only the first.

``price_drafts`` stops at the first line it refuses; the editor marks each one, so it prices
the lines one by one only when the whole set is refused, and totals the lines it accepts.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import LineAmounts, QuoteTotals, TaxRounding
from desktop_crm.services.quotes.dto import LineDraft
from desktop_crm.services.quotes.pricing import price_drafts
from ui.quotes.quote_values import line_problem

Priced = tuple[QuoteTotals, tuple[LineAmounts | None, ...], dict[int, str]]
"""The totals of the accepted lines, each line's figures, and why lines were refused (by row)."""


def price_live(lines: Sequence[LineDraft], currency: str, rounding: TaxRounding) -> Priced:
    """Price ``lines``; a refused line gets no figures and its problem, in the user's words."""
    try:
        totals, amounts = price_drafts(lines, currency, rounding)
        return totals, amounts, {}
    except ValidationError:
        pass
    problems: dict[int, str] = {}
    for row, line in enumerate(lines):
        if line.kind == "item":
            try:
                price_drafts([line], currency, rounding)
            except ValidationError as exc:
                problems[row] = line_problem(exc)
    kept = [n for n in range(len(lines)) if n not in problems]
    totals, kept_amounts = price_drafts([lines[n] for n in kept], currency, rounding)
    by_row = dict(zip(kept, kept_amounts, strict=True))
    return totals, tuple(by_row.get(n) for n in range(len(lines))), problems
