"""Making a contract of a quote: acceptance, the carried lines' total, number and plan."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.services.contracts.dto import PlanDraft
from desktop_crm.services.contracts.plans import price, whole_on
from desktop_crm.services.contracts.quote_source import (
    accept,
    carried_lines,
    find_quote,
    priced_lines,
)
from desktop_crm.services.contracts.writing import write_plan
from desktop_crm.services.quotes.pricing import tax_rounding
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Contract, Deal, Quote


def create_from_quote(
    session: Session,
    rec: Recorder,
    ref: str,
    plan: PlanDraft | None,
    *,
    title: str | None,
    signed_on: date | None,
    starts_on: date | None,
    ends_on: date | None,
    today: date,
) -> Contract:
    """The new contract of quote ``ref``, added to ``session``; ``rec`` is named after it.

    Everything is checked before the first write, so a refusal leaves the quote as it was.

    Raises:
        NotFoundError: No such quote.
        ValidationError: See ``ContractService.from_quote``.
    """
    quote = find_quote(session, ref)
    _refuse_second_contract(session, quote)
    lines = carried_lines(session, quote, quote.revision)
    rounding = tax_rounding(session)  # frozen on the contract: it prints what was signed
    _, totals = priced_lines(lines, quote.currency, rounding)
    if totals.total <= 0:
        raise ValidationError(
            f"quote {quote.number} adds up to nothing: give it priced lines first",
            field="quote",
        )
    signed_on = signed_on or today
    starts_on = starts_on or signed_on
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError(
            f"the contract would end ({ends_on}) before it starts ({starts_on})", field="ends_on"
        )
    instalments = price(plan or whole_on(starts_on), totals.total, quote.currency)
    number = allocate_number(session, "contract", today)
    # Named before the first write: the operation row is written with its label then.
    rec.label = op_label(LabelCode.CONTRACT_FROM_QUOTE, number=number, quote=quote.number)
    accept(quote, today)
    contract = Contract(
        number=number,
        title=(title or "").strip() or _default_title(session, quote),
        quote_id=quote.id,
        quote_revision=quote.revision,
        deal_id=quote.deal_id,
        company_id=quote.company_id,
        person_id=quote.person_id,
        owner_id=quote.owner_id,
        signed_on=signed_on,
        starts_on=starts_on,
        ends_on=ends_on,
        amount=totals.total,
        currency=quote.currency,
        status=ContractStatus.ACTIVE.value,
        terms=quote.terms,
        language=quote.language,
        tax_rounding=rounding.value,
    )
    session.add(contract)
    session.flush()
    write_plan(session, contract, instalments)
    return contract


def _refuse_second_contract(session: Session, quote: Quote) -> None:
    taken = session.scalar(
        select(Contract.number).where(Contract.quote_id == quote.id, Contract.deleted_at.is_(None))
    )
    if taken is not None:
        raise ValidationError(
            f"quote {quote.number} already has contract {taken}", field="quote", contract=taken
        )


def _default_title(session: Session, quote: Quote) -> str:
    """The deal's title when the quote has one, else a title naming the quote."""
    deal_title = session.scalar(select(Deal.title).where(Deal.id == quote.deal_id))
    if deal_title:
        return str(deal_title)
    if quote.language == "zh":
        return f"报价单 {quote.number} 合同"
    return f"Contract for quote {quote.number}"
