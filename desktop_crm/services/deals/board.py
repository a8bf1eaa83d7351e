"""A pipeline's kanban board in two statements: the open deals' cards, the closed ones' sums.

Totals are in the pipeline's currency (its own, else the workspace's); deals in another
currency are never converted: each column sums them per currency in ``other_currencies``.
Weighted totals are Σ amount × probability ÷ 100 with the deal's probability (its stage's,
set on every stage change). Days in a stage count from the deal's last stage change (its
creation when it has none); a card rots when they exceed the stage's rotting days.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.services.deals.dto import Board, BoardCard, BoardColumn, BoardFilter
from desktop_crm.services.deals.filters import board_conditions, customer_name, with_customer
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Deal, DealStageChange, Pipeline, Stage, User

ZERO = Decimal(0)
HUNDRED = Decimal(100)
DAY = timedelta(days=1)


@dataclass
class _Sums:
    count: int = 0
    total: Decimal = ZERO
    weighted: Decimal = ZERO
    other: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    cards: list[BoardCard] = field(default_factory=list)

    def add(self, amount: Decimal, currency: str, probability: int, home: str) -> None:
        self.count += 1
        if currency == home:
            self.total += amount
            self.weighted += amount * probability / HUNDRED
        else:
            self.other[currency] += amount


def read_board(
    session: Session,
    pipeline_id: str,
    flt: BoardFilter,
    now: datetime,
    *,
    closed_cards: bool = False,
) -> Board:
    """The board of ``pipeline_id`` as ``flt`` filters it, days counted to ``now``.

    Raises:
        NotFoundError: No such live pipeline.
    """
    pipeline = session.get(Pipeline, pipeline_id)
    if pipeline is None or pipeline.deleted_at is not None:
        raise NotFoundError("The pipeline no longer exists.", pipeline_id=pipeline_id)
    home = pipeline.currency or str(read_setting(session, "currency.default"))
    stages = list(
        session.scalars(
            select(Stage)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position, Stage.id)
        )
    )
    sums = {s.id: _Sums() for s in stages}
    rotting = {s.id: s.rotting_days for s in stages}
    for row in session.execute(_cards_query(pipeline_id, flt, open_only=not closed_cards)):
        column = sums.get(row.stage_id)
        if column is None:
            continue
        probability = int(row.probability or 0)
        column.add(row.amount, row.currency, probability, home)
        days = max(0, (now - (row.entered or row.created_at)) // DAY)
        limit = rotting[row.stage_id]
        column.cards.append(
            BoardCard(
                id=row.id,
                number=row.number,
                title=row.title,
                customer=row.customer,
                amount=row.amount,
                currency=row.currency,
                probability=probability,
                expected_close=row.expected_close,
                owner=row.owner,
                days_in_stage=days,
                rotting=row.status == "open" and limit is not None and days > limit,
            )
        )
    if not closed_cards:
        for row in session.execute(_closed_sums(pipeline_id, flt)):
            column = sums.get(row.stage_id)
            if column is not None:
                _add_sum(column, row, home)
    return Board(
        pipeline_id=pipeline_id,
        currency=home,
        columns=tuple(_column(stage, sums[stage.id]) for stage in stages),
    )


def _cards_query(pipeline_id: str, flt: BoardFilter, *, open_only: bool) -> Any:
    """The cards: each deal with its customer, owner and the moment it entered its stage."""
    entered = (
        select(func.max(DealStageChange.moved_at))
        .where(DealStageChange.deal_id == Deal.id, DealStageChange.deleted_at.is_(None))
        .correlate(Deal)
        .scalar_subquery()
    )
    query = with_customer(
        select(
            Deal.id,
            Deal.number,
            Deal.title,
            customer_name.label("customer"),
            Deal.amount,
            Deal.currency,
            func.coalesce(Deal.probability, Stage.probability).label("probability"),
            Deal.expected_close,
            User.name.label("owner"),
            Deal.stage_id,
            Deal.status,
            Deal.created_at,
            entered.label("entered"),
        )
        .join(Stage, Stage.id == Deal.stage_id)
        .outerjoin(User, User.id == Deal.owner_id)
    ).where(Deal.pipeline_id == pipeline_id, Deal.deleted_at.is_(None), *board_conditions(flt))
    if open_only:
        query = query.where(Deal.status == "open")
    return query.order_by(Deal.board_rank.is_(None), Deal.board_rank, Deal.created_at, Deal.id)


def _closed_sums(pipeline_id: str, flt: BoardFilter) -> Any:
    """Count and Σ amount of the closed deals per stage, currency and probability."""
    probability = func.coalesce(Deal.probability, Stage.probability)
    query = with_customer(
        select(
            Deal.stage_id,
            Deal.currency,
            probability.label("probability"),
            func.count().label("count"),
            func.sum(Deal.amount).label("amount"),
        ).join(Stage, Stage.id == Deal.stage_id)
    ).where(
        Deal.pipeline_id == pipeline_id,
        Deal.deleted_at.is_(None),
        Deal.status != "open",
        *board_conditions(flt),
    )
    return query.group_by(Deal.stage_id, Deal.currency, probability)


def _add_sum(column: _Sums, row: Any, home: str) -> None:
    # func.sum of the stored ten-thousandths comes back as the column's Decimal type.
    amount = row.amount if isinstance(row.amount, Decimal) else Decimal(row.amount or 0)
    column.count += int(row.count)
    if row.currency == home:
        column.total += amount
        column.weighted += amount * int(row.probability or 0) / HUNDRED
    else:
        column.other[row.currency] += amount


def _column(stage: Stage, sums: _Sums) -> BoardColumn:
    return BoardColumn(
        stage_id=stage.id,
        name=stage.name,
        kind=stage.kind,  # type: ignore[arg-type]
        probability=stage.probability,
        rotting_days=stage.rotting_days,
        colour=stage.colour,
        count=sums.count,
        total=sums.total,
        weighted=sums.weighted,
        other_currencies=dict(sums.other),
        cards=tuple(sums.cards),
    )
