"""Quotes priced by the one pricing function, under the workspace's tax rounding rule.

Every place that shows a quote's money (the editor, the list, the PDF, exports, reports, the
CLI) prices it here, so they cannot disagree.

Many quotes at once (a list's totals, an export) are read as plain column values, never as ORM
objects, in one streamed query ordered by quote: loading 300,000 lines as objects took most of
the ten seconds and more a 100,000-quote list's totals needed. Quotes whose lines are alike
(the same items at the same prices, in the same currency) are priced once per pass:
``price_lines`` is a pure function, so its answer for one serves them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, LargeBinary, Select, and_, select, type_coerce
from sqlalchemy.orm import Session, aliased

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import (
    LineAmounts,
    LineInput,
    QuoteTotals,
    TaxRounding,
    price_lines,
)
from desktop_crm.services.quotes.dto import LineDraft
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Quote, QuoteLine
from desktop_crm.store.types import ExactDecimal, id_text

SECTION = "section"
STREAM_ROWS = 5_000  # rows fetched at a time while streaming lines
# What a pass remembers, bounded so that a workspace where little repeats costs no memory:
MEMO_LIMIT = 20_000  # priced line sets (a quote's lines and currency)
VALUES_LIMIT = 100_000  # read-back decimals, and lines as pricing takes them

# A stored item line as plain values: the four decimals as the store's integers, then
# discount_is_percent, price_includes_tax, optional (0/1). Hashable: the memo's key.
_RawLine = tuple[int, int, int, int, int, int, int]


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

    Quotes priced alike may share one :class:`QuoteTotals` (treat it as read-only).

    Raises:
        ValidationError: A stored line would be negative (only possible in a damaged file).
    """
    if quote_ids is None:
        return dict(priced_quotes(session))
    found: dict[str, QuoteTotals] = {}
    for chunk in in_chunks(list(quote_ids)):
        found.update(priced_quotes(session, chunk))
    return found


def priced_quotes(
    session: Session, chosen: Select[Any] | Sequence[str] | None = None
) -> Iterator[tuple[str, QuoteTotals]]:
    """``(quote id, totals)`` of the live quotes ``chosen`` names, streamed in id order.

    Args:
        session: A read session.
        chosen: A query of quote ids (a filtered list), a short list of ids (at most
            ``batches.IN_CHUNK``), or ``None`` for every live quote.

    Raises:
        ValidationError: A stored line would be negative (only possible in a damaged file).
    """
    for stored_id, totals in _priced(session, chosen):
        yield id_text(stored_id), totals


def totals_of(
    session: Session, chosen: Select[Any] | Sequence[str] | None = None
) -> Iterator[QuoteTotals]:
    """The totals of the live quotes ``chosen`` names (as :func:`priced_quotes`, without ids).

    Raises:
        ValidationError: A stored line would be negative (only possible in a damaged file).
    """
    for _stored_id, totals in _priced(session, chosen):
        yield totals


def _priced(
    session: Session, chosen: Select[Any] | Sequence[str] | None
) -> Iterator[tuple[Any, QuoteTotals]]:
    """``(stored id, totals)`` of the quotes ``chosen`` names, in id order."""
    rounding = tax_rounding(session)
    line = aliased(QuoteLine)
    query = (
        select(
            # Plain values: an id as its stored bytes (made text once per quote, not per
            # line), decimals as the store's integers (made Decimal once per distinct value).
            type_coerce(Quote.id, LargeBinary),
            Quote.currency,
            type_coerce(line.quantity, Integer),
            type_coerce(line.unit_price, Integer),
            type_coerce(line.tax_rate, Integer),
            type_coerce(line.discount, Integer),
            type_coerce(line.discount_is_percent, Integer),
            type_coerce(line.price_includes_tax, Integer),
            type_coerce(line.optional, Integer),
        )
        .select_from(Quote)
        # An outer join: a quote without item lines is still listed (and counted), at zero.
        .outerjoin(
            line,
            and_(line.quote_id == Quote.id, line.deleted_at.is_(None), line.kind != SECTION),
        )
        .where(Quote.deleted_at.is_(None))
        .order_by(Quote.id, line.position)
    )
    if chosen is not None:
        ids = chosen.correlate(None) if isinstance(chosen, Select) else list(chosen)
        query = query.where(Quote.id.in_(ids))
    decimal = _decimal_reader(session)
    memo: dict[tuple[str, tuple[_RawLine, ...]], QuoteTotals] = {}
    inputs: dict[_RawLine, LineInput] = {}  # the same item at the same price, on many quotes

    def line_input(raw: _RawLine) -> LineInput:
        found = inputs.get(raw)
        if found is None:
            found = _line_input(raw, decimal)
            if len(inputs) < VALUES_LIMIT:
                inputs[raw] = found
        return found

    def priced(currency: str, raw: tuple[_RawLine, ...]) -> QuoteTotals:
        key = (currency, raw)
        found = memo.get(key)
        if found is None:
            found = price_lines([line_input(x) for x in raw], currency, rounding)
            if len(memo) < MEMO_LIMIT:
                memo[key] = found
        return found

    current: Any = None
    currency = ""
    lines: list[_RawLine] = []
    # The session's connection, not session.execute: the ORM's row handling doubled the time.
    rows = session.connection().execute(query.execution_options(yield_per=STREAM_ROWS))
    for row in rows:
        if row[0] != current:
            if current is not None:
                yield current, priced(currency, tuple(lines))
            current, currency, lines = row[0], row[1], []
        if row[2] is not None:  # None: the outer join found no item line
            lines.append((row[2], row[3], row[4], row[5], row[6], row[7], row[8]))
    if current is not None:
        yield current, priced(currency, tuple(lines))


def _decimal_reader(session: Session) -> Callable[[int], Decimal]:
    """Stored integers to Decimals as the column type reads them, each distinct value once."""
    column_type = ExactDecimal()
    dialect = session.get_bind().dialect
    seen: dict[int, Decimal] = {}

    def read(raw: int) -> Decimal:
        value = seen.get(raw)
        if value is None:
            # The columns are NOT NULL: a None here would be a damaged row, priced as zero.
            read_back = column_type.process_result_value(raw, dialect)
            value = Decimal(0) if read_back is None else read_back
            if len(seen) < VALUES_LIMIT:
                seen[raw] = value
        return value

    return read


def _line_input(raw: _RawLine, decimal: Callable[[int], Decimal]) -> LineInput:
    quantity, unit_price, tax_rate, discount, is_percent, includes_tax, optional = raw
    return LineInput(
        quantity=decimal(quantity),
        unit_price=decimal(unit_price),
        tax_rate=decimal(tax_rate),
        discount=decimal(discount),
        discount_is_percent=bool(is_percent),
        price_includes_tax=bool(includes_tax),
        optional=bool(optional),
    )


def draft_input(line: LineDraft) -> LineInput:
    """What pricing needs of an item line of a draft (or of a revision's snapshot)."""
    return LineInput(
        quantity=line.quantity,
        unit_price=line.unit_price,
        tax_rate=line.tax_rate,
        discount=line.discount,
        discount_is_percent=line.discount_is_percent,
        price_includes_tax=line.price_includes_tax,
        optional=line.optional,
    )


def price_drafts(
    lines: Sequence[LineDraft], currency: str, rounding: TaxRounding
) -> tuple[QuoteTotals, tuple[LineAmounts | None, ...]]:
    """Price a draft's lines; also each line's figures aligned with ``lines``.

    Section headings carry no money: they are left out of the pricing and get ``None``.

    Raises:
        ValidationError: A line would be negative; the message and ``params['line']`` give
            its 1-based position among all the lines (headings counted, as the editor shows
            them), ``params['description']`` its text.
    """
    positions = [n for n, line in enumerate(lines, start=1) if line.kind != SECTION]
    try:
        totals = price_lines([draft_input(lines[n - 1]) for n in positions], currency, rounding)
    except ValidationError as error:
        item = error.params.get("line")
        if not isinstance(item, int) or not 1 <= item <= len(positions):
            raise
        # price_lines counts the priced lines only; the editor counts headings too.
        shown = positions[item - 1]
        message = error.message.replace(f"line {item}:", f"line {shown}:", 1)
        params = {**error.params, "line": shown, "description": lines[shown - 1].description}
        raise ValidationError(message, **params) from None
    amounts: list[LineAmounts | None] = [None] * len(lines)
    for n, figures in zip(positions, totals.lines, strict=True):
        amounts[n - 1] = figures
    return totals, tuple(amounts)
