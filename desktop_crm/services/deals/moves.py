"""Moving a deal to a stage: the one rule every stage change follows, and board order.

Whatever changes a deal's stage (a drag on the board, win, lose, reopen, a deleted stage's
deals moving on, the CLI) goes through :func:`enter_stage`, so each change writes its history
row, takes the stage's probability and makes the status follow the stage's kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.store.models import Deal, DealStageChange, Stage

REASON_MAX = 500
RANK_STEP = 1024.0  # room for many drops between two cards before a column is renumbered


def live_stage(session: Session, stage_id: str) -> Stage:
    """The live stage ``stage_id``.

    Raises:
        NotFoundError: No such stage, or it was deleted.
    """
    stage = session.get(Stage, stage_id)
    if stage is None or stage.deleted_at is not None:
        raise NotFoundError("The stage no longer exists.", stage_id=stage_id)
    return stage


def stage_of_kind(session: Session, pipeline_id: str, kind: str) -> Stage:
    """The pipeline's live won or lost stage (each pipeline has exactly one of each).

    Raises:
        NotFoundError: The pipeline has none (a damaged workspace).
    """
    stage = session.scalars(
        select(Stage)
        .where(Stage.pipeline_id == pipeline_id, Stage.kind == kind, Stage.deleted_at.is_(None))
        .order_by(Stage.position, Stage.id)
    ).first()
    if stage is None:
        raise NotFoundError(f"The pipeline has no {kind} stage.", pipeline_id=pipeline_id)
    return stage


def clean_reason(reason: str | None) -> str:
    """A lost reason, trimmed.

    Raises:
        ValidationError: None given, or longer than 500 characters.
    """
    text = (reason or "").strip()
    if not text:
        raise ValidationError("Say why the deal was lost.", field="lost_reason")
    if len(text) > REASON_MAX:
        raise ValidationError(
            f"A lost reason has at most {REASON_MAX} characters.", field="lost_reason"
        )
    return text


def enter_stage(
    session: Session,
    deal: Deal,
    stage: Stage,
    *,
    moment: datetime,
    today: date,
    user_id: str | None,
    reason: str | None = None,
) -> bool:
    """Put ``deal`` in ``stage``: history row, probability, status, closed day, lost reason.

    A won or lost stage closes the deal today (a lost one needs ``reason``); an open stage
    reopens it (closed day and lost reason cleared). Moving to the stage it is in changes
    nothing but a lost deal's reason (kept when none is given).

    Returns:
        Whether the stage changed.

    Raises:
        ValidationError: A lost stage without a reason.
    """
    status = {"won": DealStatus.WON, "lost": DealStatus.LOST}.get(stage.kind, DealStatus.OPEN)
    moved = deal.stage_id != stage.id
    lost_reason = None
    if status is DealStatus.LOST:
        # Reordering a lost card within its column keeps the reason it was lost for.
        keep = not moved and reason is None and deal.lost_reason
        lost_reason = deal.lost_reason if keep else clean_reason(reason)
    if moved:
        session.add(
            DealStageChange(
                deal_id=deal.id,
                from_stage_id=deal.stage_id,
                to_stage_id=stage.id,
                moved_at=moment,
                user_id=user_id,
            )
        )
        deal.stage_id = stage.id
        deal.pipeline_id = stage.pipeline_id
    deal.probability = stage.probability
    if deal.status != status.value or moved:
        deal.status = status.value
        deal.closed_on = None if status is DealStatus.OPEN else today
    deal.lost_reason = lost_reason
    return moved


def place(session: Session, deal: Deal, before_id: str | None) -> None:
    """Give ``deal`` a board rank in its stage's column: before ``before_id``, else last.

    Cards without a rank (made before the board, or by imports) sort after the ranked ones in
    the order they were made; a drop among them ranks them first, so the order the user saw is
    kept. A gap too small to split renumbers the column.

    Raises:
        NotFoundError: ``before_id`` is no live deal of that column.
    """
    column = _column(session, deal.stage_id, deal.id)
    index = len(column)
    if before_id is not None:
        index = next((i for i, (cid, _r) in enumerate(column) if cid == before_id), -1)
        if index < 0:
            raise NotFoundError("That card is not in the column.", deal_id=before_id)
    # Cards up to the drop point (and all of them for "last") need a rank to sit between.
    ranks = _ranked(session, column, index + 1 if before_id is not None else len(column))
    previous = ranks[index - 1] if index > 0 else None
    following = ranks[index] if before_id is not None else None
    rank = _between(previous, following)
    if rank is None:  # no room left between two neighbours: spread the column out again
        order = [cid for cid, _r in column]
        order.insert(index, deal.id)
        _renumber(session, order)
        return
    deal.board_rank = rank


def _column(session: Session, stage_id: str, leaving_out: str) -> list[tuple[str, float | None]]:
    """A stage's live cards in board order (ids and ranks), without ``leaving_out``."""
    rows = session.execute(
        select(Deal.id, Deal.board_rank)
        .where(Deal.stage_id == stage_id, Deal.deleted_at.is_(None), Deal.id != leaving_out)
        .order_by(Deal.board_rank.is_(None), Deal.board_rank, Deal.created_at, Deal.id)
    ).all()
    return [(row[0], row[1]) for row in rows]


def _ranked(
    session: Session, column: list[tuple[str, float | None]], upto: int
) -> list[float | None]:
    """The column's ranks, the unranked ones among the first ``upto`` given one in order."""
    ranks: list[float | None] = [rank for _id, rank in column]
    last = max((r for r in ranks if r is not None), default=0.0)
    for i in range(min(upto, len(column))):
        if ranks[i] is None:
            last += RANK_STEP
            ranks[i] = last
            row = session.get(Deal, column[i][0])
            if row is not None:
                row.board_rank = last
    return ranks


def _between(previous: float | None, following: float | None) -> float | None:
    """A rank between two neighbours (``None`` at an end); ``None`` when there is no room."""
    if previous is None and following is None:
        return RANK_STEP
    if following is None:
        assert previous is not None
        return previous + RANK_STEP
    if previous is None:
        return following - RANK_STEP
    middle = (previous + following) / 2
    return middle if previous < middle < following else None


def _renumber(session: Session, order: Sequence[str]) -> None:
    for i, deal_id in enumerate(order, start=1):
        row = session.get(Deal, deal_id)
        if row is not None:
            row.board_rank = i * RANK_STEP
