"""Contract lists: filtered, sorted newest first, and read a page at a time.

Every filter but "has overdue" is SQL, so a list costs one count and then one page of rows;
whether a contract has an overdue instalment depends on how its payments settle its plan, so
that filter computes the figures of the contracts the other filters let through.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.services.contracts.allocation import next_due
from desktop_crm.services.contracts.dto import ContractFilter, ContractList, ContractRow
from desktop_crm.services.contracts.figures import figures_of
from desktop_crm.services.contracts.lookup import customer_name, with_customers
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Contract, Quote, User


def _conditions(flt: ContractFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Contract.deleted_at.is_(None)]
    if flt.status is not None:
        where.append(Contract.status == flt.status.value)
    if flt.owner_id is not None:
        where.append(Contract.owner_id == flt.owner_id)
    if flt.company_id is not None:
        where.append(Contract.company_id == flt.company_id)
    if flt.person_id is not None:
        where.append(Contract.person_id == flt.person_id)
    day = func.coalesce(Contract.signed_on, Contract.starts_on)
    if flt.signed_from is not None:
        where.append(day >= flt.signed_from)
    if flt.signed_to is not None:
        where.append(day <= flt.signed_to)
    text = flt.customer.strip().lower()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append(
            or_(
                *(
                    func.lower(col).like(like, escape="\\")
                    for col in (customer_name(), Contract.number, Contract.title)
                )
            )
        )
    return where


def _ids_query(flt: ContractFilter) -> Select[Any]:
    query = with_customers(select(Contract.id)).where(*_conditions(flt))
    return query.order_by(Contract.number.desc(), Contract.id)


def open_list(session: Session, flt: ContractFilter, today: date) -> ContractList:
    """The list's size, and its ids when ``has_overdue`` is asked for."""
    if flt.has_overdue:
        ids = overdue_ids(session, list(session.scalars(_ids_query(flt))), today)
        return ContractList(len(ids), tuple(ids))
    query = with_customers(select(func.count(Contract.id))).where(*_conditions(flt))
    return ContractList(int(session.scalar(query) or 0), None)


def page(
    session: Session, flt: ContractFilter, today: date, offset: int, limit: int
) -> list[ContractRow]:
    """Rows ``offset`` to ``offset + limit`` of the list."""
    if flt.has_overdue:
        listed = open_list(session, flt, today).ids or ()
        return rows(session, list(listed[offset : offset + limit]), today)
    ids = list(session.scalars(_ids_query(flt).limit(limit).offset(offset)))
    return rows(session, ids, today)


def overdue_ids(session: Session, ids: Sequence[str], today: date) -> list[str]:
    """Those of ``ids`` (in their order) with an overdue instalment on ``today``."""
    keep: set[str] = set()
    for chunk in in_chunks(ids):
        amounts = dict(
            session.execute(
                select(Contract.id, Contract.amount).where(Contract.id.in_(chunk))
            ).all()
        )
        figures = figures_of(session, amounts, today)
        keep.update(cid for cid, f in figures.items() if f.balance.overdue)
    return [cid for cid in ids if cid in keep]


def rows(session: Session, ids: Sequence[str], today: date) -> list[ContractRow]:
    """The rows of these contracts, in the same order (ids no longer live are left out)."""
    found: dict[str, ContractRow] = {}
    for chunk in in_chunks(list(ids)):
        query = with_customers(
            select(
                Contract.id,
                Contract.number,
                Contract.title,
                Quote.number,
                customer_name(),
                User.name,
                Contract.signed_on,
                Contract.starts_on,
                Contract.currency,
                Contract.amount,
                Contract.status,
            )
        )
        query = (
            query.outerjoin(Quote, Quote.id == Contract.quote_id)
            .outerjoin(User, User.id == Contract.owner_id)
            .where(Contract.id.in_(chunk), Contract.deleted_at.is_(None))
        )
        records = session.execute(query).all()
        figures = figures_of(session, {r[0]: r[9] for r in records}, today)
        for (
            cid,
            number,
            title,
            quote,
            customer,
            owner,
            signed,
            starts,
            currency,
            amount,
            status,
        ) in records:
            f = figures[cid]
            found[cid] = ContractRow(
                id=cid,
                number=number,
                title=title,
                quote=quote,
                customer=customer or "",
                owner=owner,
                signed_on=signed,
                starts_on=starts,
                currency=currency,
                total=amount,
                paid=f.balance.paid,
                outstanding=f.balance.outstanding,
                overdue=f.balance.overdue,
                status=ContractStatus(status),
                next_due=next_due(f.settled),
            )
    return [found[cid] for cid in ids if cid in found]
