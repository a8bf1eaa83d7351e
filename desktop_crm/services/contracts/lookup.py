"""Finding contracts by id or number, and naming their customers."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import ContractStatus
from desktop_crm.store.models import Company, Contract, Person

T = TypeVar("T")

# A terminated contract no longer expects its money: Today and the customers' sums leave it
# out (its own figures still show what was never received).
NOT_OWING = (ContractStatus.TERMINATED.value,)


def find_contract(session: Session, ref: str) -> Contract:
    """The live contract whose number or id is ``ref``.

    Raises:
        NotFoundError: No live contract has that number or id.
    """
    ref = ref.strip()
    live = Contract.deleted_at.is_(None)
    found = session.scalar(select(Contract).where(live, Contract.number == ref))
    if found is None and len(ref) == 36:  # an id (UUID text)
        found = session.scalar(select(Contract).where(live, Contract.id == ref))
    if found is None:
        raise NotFoundError(f"there is no contract {ref}", contract=ref)
    return found


def customer_name() -> ColumnElement[Any]:
    """The customer's name in a query joined with :func:`with_customers`: company, else person."""
    return func.coalesce(Company.name, Person.name, "")


def with_customers(query: Select[T]) -> Select[T]:
    """``query`` over contracts, outer-joined with their customer company and person."""
    return query.outerjoin(Company, Company.id == Contract.company_id).outerjoin(
        Person, Person.id == Contract.person_id
    )
