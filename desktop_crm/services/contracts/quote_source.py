"""The quote a contract is made from: finding it, accepting it, and the lines it carries.

A contract carries one revision of its quote. The current revision's lines are in
``quote_lines``; an earlier one (the quote was reopened and revised after the contract was
made) is read back from its ``quote_revisions`` snapshot (``quotes.snapshots``), so the
contract keeps printing the lines the customer signed. Lines are priced by the quotes' own
pricing under the tax rounding rule kept on the contract when it was made
(``contracts.tax_rounding``), so a contract's printed total is always its stored amount.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.quote_lifecycle import move, status_on
from desktop_crm.domain.quote_totals import QuoteTotals, TaxRounding
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.contracts.dto import ContractLine
from desktop_crm.services.quotes.dto import LineDraft
from desktop_crm.services.quotes.editing import product_codes
from desktop_crm.services.quotes.pricing import SECTION, price_drafts
from desktop_crm.services.quotes.service import refuse_past_valid_until
from desktop_crm.services.quotes.snapshots import frozen_quote
from desktop_crm.store.models import Quote, QuoteLine, QuoteRevision


def find_quote(session: Session, ref: str) -> Quote:
    """The live quote whose id or number is ``ref``.

    Raises:
        NotFoundError: No live quote has that id or number.
        ValidationError: ``ref`` is empty.
    """
    ref = ref.strip()
    if not ref:
        raise ValidationError("give a quote number", field="quote")
    live = Quote.deleted_at.is_(None)
    found = session.scalar(select(Quote).where(live, Quote.number == ref))
    if found is None and len(ref) == 36:  # an id (UUID text)
        found = session.scalar(select(Quote).where(live, Quote.id == ref))
    if found is None:
        raise NotFoundError(f"there is no quote {ref}", quote=ref)
    return found


def accept(quote: Quote, today: date) -> bool:
    """Make ``quote`` accepted if it is not yet; whether it changed.

    A draft is sent and accepted in one go (the customer said yes to what they were shown).

    Raises:
        ValidationError: The quote was rejected or has expired (reopen or renew it first).
    """
    status = status_on(QuoteStatus(quote.status), quote.valid_until, today)
    if status is QuoteStatus.ACCEPTED:
        return False
    if status is QuoteStatus.REJECTED:
        raise ValidationError(
            f"quote {quote.number} was rejected: reopen it before making a contract",
            field="quote",
            status=status.value,
        )
    if status is QuoteStatus.EXPIRED:
        raise ValidationError(
            f"quote {quote.number} expired on {quote.valid_until}: renew it before making a "
            "contract",
            field="quote",
            status=status.value,
        )
    if status is QuoteStatus.DRAFT:
        refuse_past_valid_until(quote, status, "send", today)
        status = move(status, "send")
    quote.status = move(status, "accept").value
    return True


def carried_lines(session: Session, quote: Quote, revision: int | None) -> list[LineDraft]:
    """The lines of ``quote`` at ``revision`` (the current one when it is that or ``None``).

    An earlier revision's lines are read back from its snapshot, with the product codes it
    was sent with.
    """
    if revision is None or revision == quote.revision:
        rows = list(
            session.scalars(
                select(QuoteLine)
                .where(QuoteLine.quote_id == quote.id, QuoteLine.deleted_at.is_(None))
                .order_by(QuoteLine.position)
            )
        )
        codes = product_codes(session, {x.product_id for x in rows if x.product_id})
        return [_draft_of(x, codes) for x in rows]
    snapshot = session.scalar(
        select(QuoteRevision.snapshot).where(
            QuoteRevision.quote_id == quote.id,
            QuoteRevision.revision == revision,
            QuoteRevision.deleted_at.is_(None),
        )
    )
    return [] if snapshot is None else list(frozen_quote(snapshot).draft.lines)


def _draft_of(line: QuoteLine, codes: Mapping[str, str]) -> LineDraft:
    return LineDraft(
        kind="section" if line.kind == SECTION else "item",
        description=line.description,
        product_id=line.product_id,
        code=codes.get(line.product_id) if line.product_id else None,
        quantity=line.quantity,
        unit=line.unit,
        unit_price=line.unit_price,
        discount=line.discount,
        discount_is_percent=line.discount_is_percent,
        tax_rate=line.tax_rate,
        price_includes_tax=line.price_includes_tax,
        optional=line.optional,
    )


def priced_lines(
    lines: Sequence[LineDraft], currency: str, rounding: TaxRounding
) -> tuple[tuple[ContractLine, ...], QuoteTotals]:
    """``lines`` as contract lines with their amounts, and their totals (quotes' pricing).

    ``rounding`` is the contract's own rule (the one it was made with), so it prints and
    reports the amount that was signed whatever the workspace's rule is now.
    """
    totals, amounts = price_drafts(lines, currency, rounding)
    return (
        tuple(
            ContractLine(
                kind=line.kind,
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
                price_includes_tax=line.price_includes_tax,
                discount=line.discount,
                discount_is_percent=line.discount_is_percent,
                tax_rate=line.tax_rate,
                optional=line.optional,
                code=line.code,
                amount=figures.amount if figures is not None else None,
            )
            for line, figures in zip(lines, amounts, strict=True)
        ),
        totals,
    )
