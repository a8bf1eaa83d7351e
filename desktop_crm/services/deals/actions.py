"""A deal's changes, each one undoable operation: create, edit, delete, restore, move, win, lose.

Every stage change goes through :func:`~desktop_crm.services.deals.moves.enter_stage` with the
clock's moment and the current user, so history, probability and status follow alike.
"""

from __future__ import annotations

from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock, local_today
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.vocab import DealStatus
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.deals.editing import checked, label_name, write_fields
from desktop_crm.services.deals.moves import enter_stage, live_stage, place, stage_of_kind
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.store.models import Deal, DealStageChange, Stage
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


class DealActions:
    """The writes of :class:`~desktop_crm.services.deals.service.DealService`."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def create(self, draft: DealDraft) -> ChangeResult:
        """Create a deal with the next deal number, in its first stage (history written).

        Raises:
            ValidationError: As :func:`~desktop_crm.services.deals.editing.checked`; a lost
                stage (lose a deal after making it).
            NotFoundError: A linked record that does not exist.
        """
        label = op_label(LabelCode.ADD_DEAL, name=draft.title.strip())
        with self._store.unit_of_work(label) as (session, rec):
            values = checked(session, draft)
            if values.stage.kind == "lost":
                raise ValidationError("A new deal cannot start lost.", field="stage_id")
            today = local_today(self._clock)
            number = allocate_number(session, "deal", today)
            rec.label = op_label(LabelCode.ADD_DEAL, name=number)
            stage = values.stage
            deal = Deal(
                number=number,
                status=DealStatus.OPEN.value,
                stage_id=stage.id,
                pipeline_id=stage.pipeline_id,
            )
            write_fields(deal, values)
            if deal.owner_id is None:
                deal.owner_id = self._store.actor_id
            session.add(deal)
            session.flush()
            # A new deal's history starts with the stage it was made in.
            session.add(
                DealStageChange(
                    deal_id=deal.id,
                    to_stage_id=stage.id,
                    moved_at=self._clock.now().astimezone(UTC),
                    user_id=self._store.actor_id,
                )
            )
            self._enter(session, deal, stage)
            place(session, deal, None)
        return change_result(rec, [deal.id])

    def update(self, deal_id: str, draft: DealDraft) -> ChangeResult:
        """Give a deal new values; another stage moves it (to the end of that column).

        Raises:
            ValidationError: As :meth:`create`; a lost stage (use ``lose``).
            NotFoundError: No such deal, or a linked record that does not exist.
        """
        with self._store.unit_of_work(op_label(LabelCode.EDIT_DEAL, name="")) as (session, rec):
            deal = _live_deal(session, deal_id)
            rec.label = op_label(LabelCode.EDIT_DEAL, name=label_name(deal))
            values = checked(session, draft)
            write_fields(deal, values)
            if values.stage.id != deal.stage_id:
                if values.stage.kind == "lost":
                    raise ValidationError("Say why it was lost: lose the deal.", field="stage_id")
                self._enter(session, deal, values.stage)
                place(session, deal, None)
        return change_result(rec, [deal_id])

    def delete(self, deal_id: str) -> ChangeResult:
        """Delete a deal (undoable; :meth:`restore` brings it back).

        Raises:
            NotFoundError: No such live deal.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_DEAL, name="")) as (session, rec):
            deal = _live_deal(session, deal_id)
            rec.label = op_label(LabelCode.DELETE_DEAL, name=label_name(deal))
            deal.deleted_at = utc_now()
        return change_result(rec, [deal_id])

    def restore(self, deal_id: str) -> ChangeResult:
        """Bring back a deleted deal as it was.

        Raises:
            NotFoundError: No such deal.
            ValidationError: It is not deleted, or its stage was deleted since.
        """
        with self._store.unit_of_work(op_label(LabelCode.RESTORE_DEAL, name="")) as (
            session,
            rec,
        ):
            deal = session.get(Deal, deal_id)
            if deal is None:
                raise NotFoundError("The deal no longer exists.", deal_id=deal_id)
            if deal.deleted_at is None:
                raise ValidationError("The deal is not deleted.", field="deal_id")
            rec.label = op_label(LabelCode.RESTORE_DEAL, name=label_name(deal))
            stage = session.get(Stage, deal.stage_id)
            if stage is None or stage.deleted_at is not None:
                raise ValidationError("Its stage was deleted.", field="stage_id")
            deal.deleted_at = None
        return change_result(rec, [deal_id])

    def move(
        self,
        deal_id: str,
        stage_id: str,
        *,
        before_id: str | None = None,
        reason: str | None = None,
    ) -> ChangeResult:
        """Move a deal to a stage of its pipeline, before the card ``before_id`` (else last).

        The stage's kind sets the status: a won or lost stage closes the deal today (a lost
        one needs ``reason``), an open one reopens it. Moving within a column only reorders.

        Raises:
            ValidationError: A stage of another pipeline; a lost stage without a reason.
            NotFoundError: No such deal, stage or card.
        """
        with self._store.unit_of_work(op_label(LabelCode.MOVE_DEAL, name="", stage="")) as (
            session,
            rec,
        ):
            deal = _live_deal(session, deal_id)
            stage = live_stage(session, stage_id)
            if stage.pipeline_id != deal.pipeline_id:
                raise ValidationError("The stage is in another pipeline.", field="stage_id")
            rec.label = _move_label(deal, stage)
            self._enter(session, deal, stage, reason=reason)
            place(session, deal, before_id)
        return change_result(rec, [deal_id])

    def win(self, deal_id: str) -> ChangeResult:
        """Mark a deal won: into its pipeline's won stage, closed today.

        Raises:
            NotFoundError: No such deal.
        """
        return self._close(deal_id, "won", None)

    def lose(self, deal_id: str, reason: str) -> ChangeResult:
        """Mark a deal lost for ``reason`` (from the list of lost reasons, or free text).

        Raises:
            ValidationError: No reason.
            NotFoundError: No such deal.
        """
        return self._close(deal_id, "lost", reason)

    def reopen(self, deal_id: str, stage_id: str | None = None) -> ChangeResult:
        """Reopen a won or lost deal: into ``stage_id``, else the open stage it was closed from.

        Raises:
            ValidationError: The deal is open, or ``stage_id`` is no open stage of its pipeline.
            NotFoundError: No such deal or stage.
        """
        with self._store.unit_of_work(op_label(LabelCode.REOPEN_DEAL, name="")) as (
            session,
            rec,
        ):
            deal = _live_deal(session, deal_id)
            rec.label = op_label(LabelCode.REOPEN_DEAL, name=label_name(deal))
            if deal.status == DealStatus.OPEN.value:
                raise ValidationError("The deal is open.", field="status")
            stage = (
                live_stage(session, stage_id)
                if stage_id is not None
                else _stage_before_closing(session, deal)
            )
            if stage.kind != "open" or stage.pipeline_id != deal.pipeline_id:
                raise ValidationError("Reopen into an open stage of its pipeline.", field="stage")
            self._enter(session, deal, stage)
            place(session, deal, None)
        return change_result(rec, [deal_id])

    def _close(self, deal_id: str, kind: str, reason: str | None) -> ChangeResult:
        code = LabelCode.WIN_DEAL if kind == "won" else LabelCode.LOSE_DEAL
        with self._store.unit_of_work(op_label(code, name="")) as (session, rec):
            deal = _live_deal(session, deal_id)
            rec.label = op_label(code, name=label_name(deal))
            stage = stage_of_kind(session, deal.pipeline_id, kind)
            moved = deal.stage_id != stage.id
            self._enter(session, deal, stage, reason=reason)
            if moved:
                place(session, deal, None)
        return change_result(rec, [deal_id])

    def _enter(
        self,
        session: Session,
        deal: Deal,
        stage: Stage,
        *,
        reason: str | None = None,
    ) -> None:
        enter_stage(
            session,
            deal,
            stage,
            moment=self._clock.now().astimezone(UTC),
            today=local_today(self._clock),
            user_id=self._store.actor_id,
            reason=reason,
        )


def _live_deal(session: Session, deal_id: str) -> Deal:
    deal = session.get(Deal, deal_id)
    if deal is None or deal.deleted_at is not None:
        raise NotFoundError("The deal no longer exists.", deal_id=deal_id)
    return deal


def _move_label(deal: Deal, stage: Stage) -> str:
    return op_label(LabelCode.MOVE_DEAL, name=label_name(deal), stage=stage.name)


def _stage_before_closing(session: Session, deal: Deal) -> Stage:
    """The open stage the deal was last in before it closed, else its pipeline's first."""
    rows = session.execute(
        select(DealStageChange.from_stage_id, DealStageChange.to_stage_id)
        .where(DealStageChange.deal_id == deal.id, DealStageChange.deleted_at.is_(None))
        .order_by(DealStageChange.moved_at.desc(), DealStageChange.id.desc())
    ).all()
    for from_id, to_id in rows:
        for candidate in (to_id, from_id):
            stage = session.get(Stage, candidate) if candidate else None
            if stage is not None and stage.deleted_at is None and stage.kind == "open":
                return stage
    first = session.scalars(
        select(Stage)
        .where(
            Stage.pipeline_id == deal.pipeline_id,
            Stage.kind == "open",
            Stage.deleted_at.is_(None),
        )
        .order_by(Stage.position, Stage.id)
    ).first()
    if first is None:
        raise ValidationError("The pipeline has no open stage.", field="stage")
    return first
