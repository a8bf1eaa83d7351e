"""A deal's product lines: those of its current quote (issue 13: "the quote issue's lines").

A deal holds no lines of its own: what it sells is what its quote says. The current quote is
the latest accepted one, else the latest not rejected or expired, else the latest.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from desktop_crm.store.models import Quote, QuoteLine


@dataclass(frozen=True)
class DealLine:
    """One product line of a deal's current quote.

    Attributes:
        quote: The quote's number.
        description: What is sold.
        quantity: How many.
        unit: The unit ("" for none).
        unit_price: Price of one, as the quote states it (net or tax included).
        currency: The quote's currency.
        optional: Offered for the customer's choice, not in the total.
    """

    quote: str
    description: str
    quantity: Decimal
    unit: str
    unit_price: Decimal
    currency: str
    optional: bool


def deal_lines(session: Session, deal_id: str) -> list[DealLine]:
    """The priced lines of the deal's current quote, in the quote's order (none without one)."""
    rank = case(
        (Quote.status == "accepted", 0),
        (Quote.status.in_(("rejected", "expired")), 2),
        else_=1,
    )
    quote = session.execute(
        select(Quote.id, Quote.number, Quote.currency)
        .where(Quote.deal_id == deal_id, Quote.deleted_at.is_(None))
        .order_by(rank, Quote.issued_on.desc(), Quote.created_at.desc())
        .limit(1)
    ).first()
    if quote is None:
        return []
    quote_id, number, currency = quote
    rows = session.execute(
        select(
            QuoteLine.description,
            QuoteLine.quantity,
            QuoteLine.unit,
            QuoteLine.unit_price,
            QuoteLine.optional,
        )
        .where(
            QuoteLine.quote_id == quote_id,
            QuoteLine.deleted_at.is_(None),
            QuoteLine.kind == "item",
        )
        .order_by(QuoteLine.position)
    ).all()
    return [
        DealLine(number, desc, qty, unit or "", price, currency, bool(optional))
        for desc, qty, unit, price, optional in rows
    ]
