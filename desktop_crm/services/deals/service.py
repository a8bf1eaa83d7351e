"""Reading deals: one deal's summary, and a customer's deals.

Only reads for now: the deal editor and the pipeline board (a later release) add the writes,
each one undoable and returning a :class:`ChangeResult` with ``entities={"deals"}``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import aliased

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.deals.dto import DealSummary
from desktop_crm.store.models import Company, Deal, Person, Pipeline, Stage, User
from desktop_crm.store.store import Store

_company = aliased(Company)
_person = aliased(Person)


class DealService:
    """Read deals.

    Args:
        store: The workspace's store (the writer's, or the reader's for the app's reads).
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def summary(self, deal_id: str) -> DealSummary:
        """The deal with its customer, pipeline, stage and owner named.

        Raises:
            NotFoundError: There is no such deal, or it was deleted.
        """
        with self._store.read() as session:
            row = session.execute(_summaries().where(Deal.id == deal_id)).first()
            if row is None:
                raise NotFoundError("The deal no longer exists.", deal_id=deal_id)
            return _summary_of(row)

    def deals_of_customer(
        self, *, company_id: str | None = None, person_id: str | None = None
    ) -> list[DealSummary]:
        """A company's or a person's deals (as customer or contact), newest first.

        With both, only the deals of that person at that company; with neither, none.
        """
        if company_id is None and person_id is None:
            return []
        query = _summaries()
        if company_id is not None:
            query = query.where(Deal.company_id == company_id)
        if person_id is not None:
            query = query.where(Deal.person_id == person_id)
        query = query.order_by(Deal.created_at.desc(), Deal.id.desc())
        with self._store.read() as session:
            return [_summary_of(row) for row in session.execute(query)]


def _summaries() -> Select[Any]:
    """Live deals with the names a summary shows (deleted customers left unnamed)."""
    columns: tuple[Any, ...] = (
        Deal,
        _company.name,
        _person.name,
        Pipeline.name,
        Stage.name,
        Stage.probability,
        User.name,
    )
    return (
        select(*columns)
        .outerjoin(_company, (_company.id == Deal.company_id) & _company.deleted_at.is_(None))
        .outerjoin(_person, (_person.id == Deal.person_id) & _person.deleted_at.is_(None))
        .outerjoin(Pipeline, Pipeline.id == Deal.pipeline_id)
        .outerjoin(Stage, Stage.id == Deal.stage_id)
        .outerjoin(User, User.id == Deal.owner_id)
        .where(Deal.deleted_at.is_(None))
    )


def _summary_of(row: Any) -> DealSummary:
    deal, company, person, pipeline, stage, probability, owner = row
    return DealSummary(
        id=deal.id,
        number=deal.number,
        title=deal.title,
        company_id=deal.company_id if company is not None else None,
        company_name=company,
        person_id=deal.person_id if person is not None else None,
        person_name=person,
        amount=deal.amount,
        currency=deal.currency,
        pipeline=pipeline or "",
        stage=stage or "",
        probability=int(probability or 0),
        status=DealStatus(deal.status),
        expected_close=deal.expected_close,
        closed_on=deal.closed_on,
        lost_reason=deal.lost_reason,
        owner=owner,
        notes=deal.notes or "",
        created_at=deal.created_at,
    )
