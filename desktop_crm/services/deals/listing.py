"""The deals list (a lazy table reads it a page at a time) and a deal's stage history."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.deals.dto import DEAL_SORTS, DealFilter, StageVisit
from desktop_crm.services.deals.filters import customer_name, list_conditions, with_customer
from desktop_crm.store.models import Deal, DealStageChange, Stage

DAY = timedelta(days=1)


def count(session: Session, flt: DealFilter) -> int:
    """How many deals ``flt`` lets through."""
    query = with_customer(select(func.count(Deal.id))).where(*list_conditions(flt))
    return int(session.scalar(query) or 0)


def page_ids(
    session: Session, flt: DealFilter, sort: str, descending: bool, offset: int, limit: int
) -> list[str]:
    """The ids of one page of the list, in its order.

    Raises:
        ValidationError: An unknown sort column.
    """
    query = with_customer(select(Deal.id)).where(*list_conditions(flt))
    if sort == "stage":
        query = query.outerjoin(Stage, Stage.id == Deal.stage_id)
    query = query.order_by(*_order(sort, descending)).offset(max(0, offset)).limit(max(0, limit))
    return list(session.scalars(query))


def _order(sort: str, descending: bool) -> list[Any]:
    columns: dict[str, Any] = {
        "created_at": Deal.created_at,
        "number": Deal.number,
        "title": func.lower(Deal.title),
        "customer": func.lower(customer_name),
        "amount": Deal.amount,
        "expected_close": Deal.expected_close,
        "stage": Stage.position,
    }
    if sort not in DEAL_SORTS:
        raise ValidationError(f"Deals do not sort by {sort}.", field="sort")
    column = columns[sort]
    ties = Deal.id.desc() if descending else Deal.id
    return [column.desc() if descending else column, ties]


def stage_history(session: Session, deal_id: str, now: datetime) -> list[StageVisit]:
    """The deal's stages in the order it went through them, with days in each."""
    rows = (
        select(DealStageChange.to_stage_id, DealStageChange.moved_at, Stage.name)
        .outerjoin(Stage, Stage.id == DealStageChange.to_stage_id)
        .where(DealStageChange.deal_id == deal_id, DealStageChange.deleted_at.is_(None))
        .order_by(DealStageChange.moved_at, DealStageChange.id)
    )
    found = session.execute(rows).all()
    visits: list[StageVisit] = []
    for i, (stage_id, entered, name) in enumerate(found):
        left = found[i + 1][1] if i + 1 < len(found) else None
        days = max(0, ((left or now) - entered) // DAY)
        visits.append(StageVisit(stage_id, name or "", entered, left, days))
    return visits
