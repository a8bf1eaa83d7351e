"""What contracts add up to across the workspace: overdue instalments (Today), customers' sums."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop_crm.services.contracts.dto import CustomerBalance, OverdueInstalment
from desktop_crm.services.contracts.figures import add_up, figures_of
from desktop_crm.services.contracts.lookup import NOT_OWING, customer_name, with_customers
from desktop_crm.store.models import Contract, PaymentPlan

TODAY_LIMIT = 200


def overdue_instalments(
    session: Session, today: date, limit: int = TODAY_LIMIT
) -> tuple[OverdueInstalment, ...]:
    """Instalments due before ``today`` and not fully paid, oldest first (at most ``limit``)."""
    owing = (Contract.deleted_at.is_(None), Contract.status.not_in(NOT_OWING))
    # Only contracts with an instalment past due can owe one: the rest are never read.
    late = (
        select(PaymentPlan.contract_id)
        .where(PaymentPlan.deleted_at.is_(None), PaymentPlan.due_on < today)
        .distinct()
    )
    records = session.execute(
        with_customers(
            select(
                Contract.id,
                Contract.number,
                customer_name(),
                Contract.currency,
                Contract.amount,
            )
        ).where(*owing, Contract.id.in_(late))
    ).all()
    figures = figures_of(session, {r[0]: r[4] for r in records}, today)
    out = [
        OverdueInstalment(
            contract_id=cid,
            contract_number=number,
            customer=customer or "",
            due_on=s.item.due_on,
            unpaid=s.overdue,
            currency=currency,
            days_overdue=(today - s.item.due_on).days,
        )
        for cid, number, customer, currency, _amount in records
        for s in figures[cid].settled
        if s.overdue > 0
    ]
    out.sort(key=lambda r: (r.due_on, r.contract_number))
    return tuple(out[:limit])


def customer_balances(
    session: Session,
    today: date,
    *,
    company_id: str | None = None,
    person_id: str | None = None,
) -> list[CustomerBalance]:
    """Each customer's contracts summed per currency, most outstanding first.

    ``company_id`` or ``person_id`` narrows it to one customer (a person's own contracts,
    not their company's).
    """
    where: list[ColumnElement[bool]] = [
        Contract.deleted_at.is_(None),
        Contract.status.not_in(NOT_OWING),
    ]
    if company_id is not None:
        where.append(Contract.company_id == company_id)
    if person_id is not None:
        where.append(Contract.person_id == person_id)
        where.append(Contract.company_id.is_(None))
    records = session.execute(
        with_customers(
            select(
                Contract.id,
                Contract.company_id,
                Contract.person_id,
                customer_name(),
                Contract.currency,
                Contract.amount,
            )
        ).where(*where)
    ).all()
    figures = figures_of(session, {r[0]: r[5] for r in records}, today)
    groups: dict[tuple[str | None, str | None, str], list[str]] = defaultdict(list)
    names: dict[tuple[str | None, str | None, str], str] = {}
    for cid, company, person, name, currency, _amount in records:
        # The customer is the company when there is one; the person is then only its contact.
        key = (company, None if company else person, currency)
        groups[key].append(cid)
        names[key] = name or ""
    out = [
        CustomerBalance(
            company_id=key[0],
            person_id=key[1],
            customer=names[key],
            currency=key[2],
            contracts=len(cids),
            balance=add_up(figures[c].balance for c in cids),
        )
        for key, cids in groups.items()
    ]
    out.sort(key=lambda b: (-b.balance.outstanding, b.customer, b.currency))
    return out
