"""Quotes priced by the one pricing function, under the workspace's tax rounding rule.

Every place that shows a quote's money (the editor, the list, the PDF, exports, reports, the
CLI) prices it here, so they cannot disagree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.quote_totals import LineInput, QuoteTotals, TaxRounding, price_lines
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Quote, QuoteLine

SECTION = "section"


def tax_rounding(session: Session) -> TaxRounding:
    """The workspace's tax rounding rule (``quotes.tax_rounding``)."""
    return TaxRounding(read_setting(session, "quotes.tax_rounding"))


def line_input(line: QuoteLine) -> LineInput:
    """What pricing needs of a stored item line."""
    return LineInput(
        quantity=line.quantity,
        unit_price=line.unit_price,
        tax_rate=line.tax_rate,
        discount=line.discount,
        discount_is_percent=line.discount_is_percent,
        price_includes_tax=line.price_includes_tax,
        optional=line.optional,
    )


def price_items(lines: Sequence[QuoteLine], currency: str, rounding: TaxRounding) -> QuoteTotals:
    """Price a quote's lines (section headings carry no money and are left out)."""
    return price_lines([line_input(x) for x in lines if x.kind != SECTION], currency, rounding)


def price_quotes(
    session: Session, quote_ids: Iterable[str] | None = None
) -> dict[str, QuoteTotals]:
    """Totals of these quotes (every live one when ``None``), by quote id.

    Raises:
        ValidationError: A stored line would be negative (only possible in a damaged file).
    """
    rounding = tax_rounding(session)
    currencies: dict[str, str] = {}
    lines: dict[str, list[QuoteLine]] = defaultdict(list)
    chunks = [None] if quote_ids is None else list(in_chunks(list(quote_ids)))
    for chunk in chunks:
        quotes = select(Quote.id, Quote.currency).where(Quote.deleted_at.is_(None))
        items = (
            select(QuoteLine)
            .where(QuoteLine.deleted_at.is_(None))
            .order_by(QuoteLine.quote_id, QuoteLine.position)
        )
        if chunk is not None:
            quotes = quotes.where(Quote.id.in_(chunk))
            items = items.where(QuoteLine.quote_id.in_(chunk))
        currencies.update((qid, currency) for qid, currency in session.execute(quotes))
        for line in session.scalars(items):
            lines[line.quote_id].append(line)
    return {
        qid: price_items(lines.get(qid, []), currency, rounding)
        for qid, currency in currencies.items()
    }
