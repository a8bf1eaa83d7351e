"""The quote list: filters, sort orders, pages and rows, and what a list adds up to.

Lists read the ``quotes`` table with the customer's name joined in; amounts are not stored but
priced (``pricing.price_quotes``) for the rows of a page only, so a list of 100,000 quotes
opens with one count and one page. Its totals price every listed quote, streamed
(``pricing.priced_quotes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop_crm.domain.quote_lifecycle import status_on
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes.dto import QUOTE_SORTS, CurrencyTotals, QuoteFilter, QuoteRow
from desktop_crm.services.quotes.pricing import price_quotes, totals_of
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Company, Person, Quote, QuoteLine, User

ZERO = Decimal(0)
_company = aliased(Company)
_person = aliased(Person)
CUSTOMER = func.coalesce(_company.name, _person.name, "")


def _joined(*columns: Any) -> Select[Any]:
    """``columns`` over live quotes with their customer company and person joined."""
    return (
        select(*columns)
        .select_from(Quote)
        .outerjoin(_company, _company.id == Quote.company_id)
        .outerjoin(_person, _person.id == Quote.person_id)
        .where(Quote.deleted_at.is_(None))
    )


def status_condition(status: QuoteStatus, today: date) -> ColumnElement[bool]:
    """SQL for quotes whose status today is ``status`` (a sent quote past valid-until expired)."""
    past = and_(Quote.status == QuoteStatus.SENT.value, Quote.valid_until < today)
    if status is QuoteStatus.EXPIRED:
        return or_(Quote.status == QuoteStatus.EXPIRED.value, past)
    if status is QuoteStatus.SENT:
        return and_(
            Quote.status == QuoteStatus.SENT.value,
            or_(Quote.valid_until.is_(None), Quote.valid_until >= today),
        )
    return Quote.status == status.value


def _filtered(query: Select[Any], flt: QuoteFilter, today: date) -> Select[Any]:
    if flt.status is not None:
        query = query.where(status_condition(QuoteStatus(flt.status), today))
    if flt.owner_id is not None:
        query = query.where(Quote.owner_id == flt.owner_id)
    if flt.company_id is not None:
        query = query.where(Quote.company_id == flt.company_id)
    if flt.person_id is not None:
        query = query.where(Quote.person_id == flt.person_id)
    if flt.deal_id is not None:
        query = query.where(Quote.deal_id == flt.deal_id)
    if flt.issued_from is not None:
        query = query.where(Quote.issued_on >= flt.issued_from)
    if flt.issued_to is not None:
        query = query.where(Quote.issued_on <= flt.issued_to)
    customer = flt.customer.strip()
    if customer:
        query = query.where(
            or_(
                _company.name.contains(customer, autoescape=True),
                _person.name.contains(customer, autoescape=True),
            )
        )
    text = flt.text.strip()
    if text:
        in_lines = exists().where(
            QuoteLine.quote_id == Quote.id,
            QuoteLine.deleted_at.is_(None),
            QuoteLine.description.contains(text, autoescape=True),
        )
        query = query.where(
            or_(
                Quote.number.contains(text, autoescape=True),
                _company.name.contains(text, autoescape=True),
                _person.name.contains(text, autoescape=True),
                Quote.notes.contains(text, autoescape=True),
                in_lines,
            )
        )
    return query


def _order(sort: str, descending: bool) -> list[ColumnElement[Any]]:
    if sort not in QUOTE_SORTS:
        raise ValueError(f"a quote list cannot be sorted by {sort}")
    columns: dict[str, Any] = {
        "issued_on": Quote.issued_on,
        "number": Quote.number,
        "customer": CUSTOMER,
        "valid_until": Quote.valid_until,
        "status": Quote.status,
        "currency": Quote.currency,
    }
    keys = [columns[sort], Quote.number] if sort != "number" else [Quote.number]
    return [k.desc() if descending else k.asc() for k in keys]


def count(session: Session, flt: QuoteFilter, today: date) -> int:
    """How many live quotes ``flt`` lets through."""
    if flt == QuoteFilter():  # the plain list: no join needed
        query = select(func.count()).select_from(Quote).where(Quote.deleted_at.is_(None))
    else:
        query = _filtered(_joined(func.count(Quote.id)), flt, today)
    return int(session.scalar(query) or 0)


def ids(
    session: Session,
    flt: QuoteFilter,
    today: date,
    sort: str = "issued_on",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[str]:
    """Ids of the quotes ``flt`` lets through, in list order (a slice of them if asked)."""
    query = _filtered(_joined(Quote.id), flt, today).order_by(*_order(sort, descending))
    if limit is not None:
        query = query.limit(limit).offset(offset)
    elif offset:
        query = query.offset(offset)
    return list(session.scalars(query))


def rows(session: Session, quote_ids: Sequence[str], today: date) -> list[QuoteRow]:
    """The list rows of these quotes, priced, in the order given (missing ones left out)."""
    if not quote_ids:
        return []
    owners = dict(session.execute(select(User.id, User.name)).all())
    found: dict[str, QuoteRow] = {}
    for chunk in in_chunks(list(quote_ids)):
        prices = price_quotes(session, chunk)
        query = _joined(
            Quote.id,
            Quote.number,
            Quote.revision,
            CUSTOMER.label("customer"),
            Quote.company_id,
            Quote.person_id,
            Quote.owner_id,
            Quote.issued_on,
            Quote.valid_until,
            Quote.status,
            Quote.currency,
        ).where(Quote.id.in_(chunk))
        for r in session.execute(query):
            totals = prices[r.id]
            found[r.id] = QuoteRow(
                id=r.id,
                number=r.number,
                revision=r.revision,
                customer=r.customer,
                company_id=r.company_id,
                person_id=r.person_id,
                owner=owners.get(r.owner_id) if r.owner_id else None,
                owner_id=r.owner_id,
                issued_on=r.issued_on,
                valid_until=r.valid_until,
                status=status_on(QuoteStatus(r.status), r.valid_until, today),
                currency=r.currency,
                subtotal=totals.subtotal,
                discount=totals.discount,
                tax=totals.tax,
                total=totals.total,
                tax_by_rate=dict(totals.tax_by_rate),
            )
    return [found[x] for x in quote_ids if x in found]


def totals(session: Session, flt: QuoteFilter, today: date) -> list[CurrencyTotals]:
    """What the quotes ``flt`` lets through add up to, per currency (by currency code)."""
    # The plain list needs no filter query (nor its joins): every live quote is listed.
    chosen = None if flt == QuoteFilter() else _filtered(_joined(Quote.id), flt, today)
    sums: dict[str, list[Decimal]] = {}
    counts: dict[str, int] = {}
    for quote_totals in totals_of(session, chosen):
        code = quote_totals.currency
        figures = sums.setdefault(code, [ZERO, ZERO, ZERO, ZERO])
        for index, value in enumerate(
            (quote_totals.subtotal, quote_totals.discount, quote_totals.tax, quote_totals.total)
        ):
            figures[index] += value
        counts[code] = counts.get(code, 0) + 1
    return [CurrencyTotals(code, counts[code], *sums[code]) for code in sorted(sums)]
