"""Deals: reading one or a customer's, the board, the list, the history; and every change.

The changes live in :mod:`~desktop_crm.services.deals.actions` (each one undoable operation
returning a :class:`ChangeResult`), the board in :mod:`~desktop_crm.services.deals.board`,
the list and history in :mod:`~desktop_crm.services.deals.listing`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.deals import board as boards
from desktop_crm.services.deals import listing
from desktop_crm.services.deals.actions import DealActions
from desktop_crm.services.deals.deal_lines import DealLine, deal_lines
from desktop_crm.services.deals.dto import (
    Board,
    BoardFilter,
    DealDraft,
    DealFilter,
    DealSummary,
    StageVisit,
)
from desktop_crm.services.deals.filters import company as _company
from desktop_crm.services.deals.filters import person as _person
from desktop_crm.services.deals.tag_choices import deal_tags
from desktop_crm.store.models import Deal, Pipeline, Stage, User
from desktop_crm.store.store import Store


class DealService:
    """Read and change deals.

    Args:
        store: The workspace's store (the writer's, or the reader's for the app's reads).
        clock: When moves happen and days in a stage end (tests pass a ``FixedClock``).
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()
        self._actions = DealActions(store, self._clock)

    # --- changing (each one undoable operation) -----------------------------------------------

    def create(self, draft: DealDraft) -> ChangeResult:
        """Create a deal (numbered, in its first stage); see ``DealActions.create``."""
        return self._actions.create(draft)

    def update(self, deal_id: str, draft: DealDraft) -> ChangeResult:
        """Give a deal new values (another stage moves it); see ``DealActions.update``."""
        return self._actions.update(deal_id, draft)

    def delete(self, deal_id: str) -> ChangeResult:
        """Delete a deal; see ``DealActions.delete``."""
        return self._actions.delete(deal_id)

    def restore(self, deal_id: str) -> ChangeResult:
        """Bring back a deleted deal; see ``DealActions.restore``."""
        return self._actions.restore(deal_id)

    def move(
        self,
        deal_id: str,
        stage_id: str,
        *,
        before_id: str | None = None,
        reason: str | None = None,
    ) -> ChangeResult:
        """Move a deal to a stage, before ``before_id`` or last; see ``DealActions.move``."""
        return self._actions.move(deal_id, stage_id, before_id=before_id, reason=reason)

    def win(self, deal_id: str) -> ChangeResult:
        """Mark a deal won; see ``DealActions.win``."""
        return self._actions.win(deal_id)

    def lose(self, deal_id: str, reason: str) -> ChangeResult:
        """Mark a deal lost for ``reason``; see ``DealActions.lose``."""
        return self._actions.lose(deal_id, reason)

    def reopen(self, deal_id: str, stage_id: str | None = None) -> ChangeResult:
        """Reopen a won or lost deal; see ``DealActions.reopen``."""
        return self._actions.reopen(deal_id, stage_id)

    # --- the board, the list, the history -----------------------------------------------------

    def board(
        self,
        pipeline_id: str,
        flt: BoardFilter | None = None,
        *,
        closed_cards: bool = False,
    ) -> Board:
        """A pipeline's board: a column per stage with its figures and cards in order.

        The won and lost columns hold cards only with ``closed_cards`` (their counts and sums
        are always there). See :mod:`desktop_crm.services.deals.board` for the sums' rules.

        Raises:
            NotFoundError: No such pipeline.
        """
        with self._store.read() as session:
            return boards.read_board(
                session,
                pipeline_id,
                flt or BoardFilter(),
                self._clock.now(),
                closed_cards=closed_cards,
            )

    def lines(self, deal_id: str) -> list[DealLine]:
        """The product lines of the deal's current quote (see :mod:`.deal_lines`)."""
        with self._store.read() as session:
            return deal_lines(session, deal_id)

    def tags(self) -> list[tuple[str, str]]:
        """``(id, name)`` of the tags on deals' customers (the board's tag filter offers them)."""
        with self._store.read() as session:
            return deal_tags(session)

    def count(self, flt: DealFilter | None = None) -> int:
        """How many live deals the list's filter lets through."""
        with self._store.read() as session:
            return listing.count(session, flt or DealFilter())

    def page(
        self,
        flt: DealFilter | None = None,
        sort: str = "created_at",
        *,
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[DealSummary]:
        """One page of the deals list, sorted by one of ``DEAL_SORTS``.

        Raises:
            ValidationError: An unknown sort column.
        """
        with self._store.read() as session:
            ids = listing.page_ids(session, flt or DealFilter(), sort, descending, offset, limit)
            found = {
                row[0].id: _summary_of(row)
                for row in session.execute(_summaries().where(Deal.id.in_(ids)))
            }
        return [found[i] for i in ids if i in found]

    def id_of(self, number: str) -> str:
        """The id of the live deal numbered ``number`` (case and spaces ignored).

        Raises:
            NotFoundError: No live deal has that number.
        """
        wanted = number.strip()
        with self._store.read() as session:
            found = session.scalar(
                select(Deal.id).where(
                    Deal.deleted_at.is_(None),
                    func.upper(Deal.number) == wanted.upper(),
                )
            )
        if found is None:
            raise NotFoundError(f"No deal numbered {wanted}.", number=wanted)
        return str(found)

    def stage_history(self, deal_id: str) -> list[StageVisit]:
        """The stages a deal went through, with when it entered, left and days in each."""
        with self._store.read() as session:
            return listing.stage_history(session, deal_id, self._clock.now())

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
        func.coalesce(Deal.probability, Stage.probability),
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
        source=deal.source,
    )
