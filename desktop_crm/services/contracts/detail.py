"""A contract with its lines, totals, instalments and payments, as its screen and PDF show it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import is_language
from desktop_crm.domain.quote_totals import QuoteTotals, TaxRounding
from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.services.contracts.dto import (
    ContractDetail,
    ContractLine,
    InstalmentState,
    PaymentRow,
)
from desktop_crm.services.contracts.figures import figures_of
from desktop_crm.services.contracts.quote_source import carried_lines, priced_lines
from desktop_crm.services.quotes.pricing import tax_rounding
from desktop_crm.store.models import Company, Contract, Payment, PaymentPlan, Person, Quote, User


def contract_detail(session: Session, contract: Contract, today: date) -> ContractDetail:
    """Everything about ``contract`` on ``today``."""
    quote = session.get(Quote, contract.quote_id) if contract.quote_id else None
    lines: tuple[ContractLine, ...] = ()
    totals: QuoteTotals | None = None
    rounding = contract_rounding(session, contract)
    if quote is not None:
        source = carried_lines(session, quote, contract.quote_revision)
        lines, totals = priced_lines(source, contract.currency, rounding)
    plan = {
        p.id: p
        for p in session.scalars(
            select(PaymentPlan).where(
                PaymentPlan.contract_id == contract.id, PaymentPlan.deleted_at.is_(None)
            )
        )
    }
    payments = session.scalars(
        select(Payment)
        .where(Payment.contract_id == contract.id, Payment.deleted_at.is_(None))
        .order_by(Payment.paid_on, Payment.id)
    ).all()
    figures = figures_of(session, {contract.id: contract.amount}, today)[contract.id]
    instalments = tuple(
        InstalmentState(
            id=s.item.id,
            position=n,
            due_on=s.item.due_on,
            amount=s.item.amount,
            percent=plan[s.item.id].percent,
            note=plan[s.item.id].note,
            paid=s.paid,
            outstanding=s.outstanding,
            overdue=s.overdue,
        )
        for n, s in enumerate(figures.settled, start=1)
    )
    company = session.get(Company, contract.company_id) if contract.company_id else None
    person = session.get(Person, contract.person_id) if contract.person_id else None
    owner = session.get(User, contract.owner_id) if contract.owner_id else None
    language = contract.language
    return ContractDetail(
        id=contract.id,
        number=contract.number,
        title=contract.title,
        status=ContractStatus(contract.status),
        quote_id=contract.quote_id,
        quote_number=quote.number if quote is not None else None,
        quote_revision=contract.quote_revision,
        customer=company.name if company else person.name if person else "",
        company_id=contract.company_id,
        person_id=contract.person_id,
        deal_id=contract.deal_id,
        owner_id=contract.owner_id,
        owner=owner.name if owner else None,
        signed_on=contract.signed_on,
        starts_on=contract.starts_on,
        ends_on=contract.ends_on,
        currency=contract.currency,
        language=language if language is not None and is_language(language) else None,
        template=contract.template,
        notes=contract.notes or "",
        terms=contract.terms or "",
        lines=lines,
        totals=totals,
        instalments=instalments,
        payments=tuple(
            PaymentRow(p.id, p.paid_on, p.amount, p.plan_id, p.method, p.reference, p.note)
            for p in payments
        ),
        balance=figures.balance,
        today=today,
        tax_rounding=rounding,
    )


def contract_rounding(session: Session, contract: Contract) -> TaxRounding:
    """The tax rounding rule ``contract`` was priced with when it was made.

    Every contract made from a quote keeps its rule (schema 9 filled it in for older ones);
    only a contract without one falls back to the workspace's rule.
    """
    try:
        return TaxRounding(contract.tax_rounding or "")
    except ValueError:
        return tax_rounding(session)
