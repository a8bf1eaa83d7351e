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
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Integer, LargeBinary, cast, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.services.deals.dto import Board, BoardCard, BoardColumn, BoardFilter
from desktop_crm.services.deals.filters import board_conditions, customer_name, with_customer
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Deal, DealStageChange, Pipeline, Stage, User
from desktop_crm.store.types import id_bytes, micros

ZERO = Decimal(0)
HUNDRED = Decimal(100)
DAY_MICROS = 86_400_000_000


@dataclass
class _Sums:
    """A column's figures as they add up; weighted sums wait for the end (one per probability)."""

    count: int = 0
    total: Decimal = ZERO
    by_probability: dict[int, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    other: dict[str, Decimal] = field(default_factory=lambda: defaultdict(lambda: ZERO))
    cards: list[BoardCard] = field(default_factory=list)

    def add(self, count: int, amount: Decimal, currency: str, probability: int, home: str) -> None:
        self.count += count
        if currency == home:
            self.total += amount
            self.by_probability[probability] += amount
        else:
            self.other[currency] += amount

    @property
    def weighted(self) -> Decimal:
        return sum(
            (amount * probability / HUNDRED for probability, amount in self.by_probability.items()),
            ZERO,
        )


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
    # The stage's probability stands in for a deal's unset one (rows older than schema 11).
    stage_probability = {s.id: s.probability for s in stages}
    owners: dict[str, str] = {
        uid: name for uid, name in session.execute(select(User.id, User.name))
    }
    # Stage ids as stored (read raw: ten thousand conversions saved).
    stored = {id_bytes(s.id): s.id for s in stages}
    query = _cards_query(pipeline_id, flt, now, open_only=not closed_cards)
    for row in session.execute(query):
        stage_id = stored.get(row.stage_id)
        if stage_id is None:
            continue
        column = sums[stage_id]
        probability = row.probability
        if probability is None:
            probability = stage_probability[stage_id]
        column.add(1, row.amount, row.currency, probability, home)
        days = max(0, row.days)
        limit = rotting[stage_id]
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
                owner=owners.get(row.owner_id) if row.owner_id else None,
                days_in_stage=days,
                rotting=row.status == "open" and limit is not None and days > limit,
            )
        )
    if not closed_cards:
        for row in session.execute(_closed_sums(pipeline_id, flt)):
            closed = sums.get(row.stage_id)
            if closed is not None:
                probability = row.probability
                if probability is None:
                    probability = stage_probability[row.stage_id]
                closed.add(int(row.deals), _decimal(row.amount), row.currency, probability, home)
    return Board(
        pipeline_id=pipeline_id,
        currency=home,
        columns=tuple(_column(stage, sums[stage.id]) for stage in stages),
    )


def _cards_query(pipeline_id: str, flt: BoardFilter, now: datetime, *, open_only: bool) -> Any:
    """The cards: each deal with its customer and whole days since it entered its stage.

    Moments are stored as integer microseconds: the days are worked out in SQL on them, so no
    moment needs reading back.
    """
    entered = (
        select(func.max(type_coerce(DealStageChange.moved_at, Integer)))
        .where(DealStageChange.deal_id == Deal.id, DealStageChange.deleted_at.is_(None))
        .correlate(Deal)
        .scalar_subquery()
    )
    since = func.coalesce(entered, type_coerce(Deal.created_at, Integer))
    days = (literal(micros(now), Integer) - since) / DAY_MICROS
    query = with_customer(
        select(
            Deal.id,
            Deal.number,
            Deal.title,
            customer_name.label("customer"),
            Deal.amount,
            Deal.currency,
            Deal.probability,
            Deal.expected_close,
            Deal.owner_id,
            type_coerce(Deal.stage_id, LargeBinary).label("stage_id"),
            Deal.status,
            cast(days, Integer).label("days"),
        )
    ).where(Deal.pipeline_id == pipeline_id, Deal.deleted_at.is_(None), *board_conditions(flt))
    if open_only:
        query = query.where(Deal.status == "open")
    return query.order_by(Deal.board_rank.is_(None), Deal.board_rank, Deal.created_at, Deal.id)


def _closed_sums(pipeline_id: str, flt: BoardFilter) -> Any:
    """Count and Σ amount of the closed deals per stage, currency and probability."""
    query = select(
        Deal.stage_id,
        Deal.currency,
        Deal.probability,
        func.count().label("deals"),
        func.sum(Deal.amount).label("amount"),
    ).where(
        Deal.pipeline_id == pipeline_id,
        Deal.deleted_at.is_(None),
        Deal.status.in_(("won", "lost")),
        *board_conditions(flt),
    )
    if flt.text.strip():  # only the text filter reads the customer's name
        query = with_customer(query)
    return query.group_by(Deal.stage_id, Deal.currency, Deal.probability)


def _decimal(value: Any) -> Decimal:
    """A sum of amounts (the column's type makes it a Decimal; an empty one is ``None``)."""
    return value if isinstance(value, Decimal) else Decimal(value or 0)


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
