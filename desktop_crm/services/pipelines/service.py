"""Pipelines and their stages: reading them in order, and changing them one undoable step each.

A pipeline keeps at least one open stage and exactly one won and one lost stage (checked after
every change, inside the change's transaction). Deleting a stage that holds deals moves them to
a stage the caller names, each move written as deal moves are (``deals.moves.enter_stage``).
Lost reasons are the workspace setting ``deals.lost_reasons``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock, SystemClock, local_today
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.common.lookups import live
from desktop_crm.services.deals.moves import enter_stage, live_stage
from desktop_crm.services.pipelines.dto import PipelineInfo, StageDraft, StageInfo
from desktop_crm.services.pipelines.rules import (
    check_shape,
    clean_currency,
    clean_name,
    clean_stage,
)
from desktop_crm.services.settings.workspace_settings import SettingsService, read_setting
from desktop_crm.store.models import Deal, Pipeline, Stage
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


class PipelineService:
    """Read and change pipelines, their stages and the lost reasons.

    Args:
        store: The workspace's store.
        clock: When deals moved off a deleted stage moved (tests pass a ``FixedClock``).
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()

    # --- reading ------------------------------------------------------------------------------

    def pipelines(self) -> list[PipelineInfo]:
        """Every live pipeline (the default first, then by position and name)."""
        with self._store.read() as session:
            return pipeline_infos(session)

    def pipeline(self, pipeline_id: str) -> PipelineInfo:
        """One pipeline with its stages.

        Raises:
            NotFoundError: No such live pipeline.
        """
        with self._store.read() as session:
            found = [p for p in pipeline_infos(session) if p.id == pipeline_id]
        if not found:
            raise NotFoundError("The pipeline no longer exists.", pipeline_id=pipeline_id)
        return found[0]

    def default(self) -> PipelineInfo:
        """The default pipeline (else the first).

        Raises:
            NotFoundError: The workspace has no pipeline.
        """
        found = self.pipelines()
        if not found:
            raise NotFoundError("The workspace has no pipeline.")
        return found[0]

    def by_name(self, name: str) -> PipelineInfo:
        """The pipeline called ``name`` (case ignored).

        Raises:
            NotFoundError: None is called so.
        """
        wanted = name.strip().casefold()
        for info in self.pipelines():
            if info.name.casefold() == wanted:
                return info
        raise NotFoundError(f"No pipeline called {name}.", name=name)

    def lost_reasons(self) -> list[str]:
        """The reasons offered when a deal is lost (free text is allowed too)."""
        with self._store.read() as session:
            return [str(r) for r in read_setting(session, "deals.lost_reasons")]

    # --- changing -----------------------------------------------------------------------------

    def set_lost_reasons(self, reasons: Sequence[str]) -> ChangeResult:
        """Replace the list of lost reasons (trimmed, blanks and repeats dropped)."""
        kept: list[str] = []
        for reason in reasons:
            text = reason.strip()
            if text and text.casefold() not in {k.casefold() for k in kept}:
                kept.append(text)
        return SettingsService(self._store).update({"deals.lost_reasons": kept})

    def add_pipeline(
        self, name: str, *, currency: str | None = None, stages: Sequence[StageDraft] = ()
    ) -> ChangeResult:
        """Add a pipeline with ``stages`` (in order), else a copy of the default's stages.

        Raises:
            ValidationError: A bad name, currency or stage, or stages breaking the shape.
        """
        clean = clean_name(name, "pipeline")
        code = clean_currency(currency)
        with self._store.unit_of_work(op_label(LabelCode.ADD_PIPELINE, name=clean)) as (
            session,
            rec,
        ):
            drafts = [clean_stage(s) for s in stages] or _default_drafts(session)
            check_shape([(d.name, d.kind) for d in drafts])
            last = session.scalar(select(Pipeline.position).order_by(Pipeline.position.desc()))
            pipeline = Pipeline(name=clean, currency=code, position=(last or 0) + 1)
            session.add(pipeline)
            session.flush()
            for position, draft in enumerate(drafts):
                session.add(_stage_row(pipeline.id, position, draft))
        return change_result(rec, [pipeline.id])

    def edit_pipeline(
        self, pipeline_id: str, name: str, *, currency: str | None = None
    ) -> ChangeResult:
        """Rename a pipeline and set its currency (``None``: the workspace's).

        Raises:
            ValidationError: A bad name or currency.
            NotFoundError: No such pipeline.
        """
        clean = clean_name(name, "pipeline")
        code = clean_currency(currency)
        with self._store.unit_of_work(op_label(LabelCode.EDIT_PIPELINE, name=clean)) as (
            session,
            rec,
        ):
            pipeline = live(session, Pipeline, pipeline_id)
            pipeline.name = clean
            pipeline.currency = code
        return change_result(rec, [pipeline_id])

    def add_stage(
        self, pipeline_id: str, draft: StageDraft, *, before_id: str | None = None
    ) -> ChangeResult:
        """Add a stage before ``before_id``, else before the pipeline's won and lost stages.

        Raises:
            ValidationError: A bad stage, or one breaking the pipeline's shape (a second won
                or lost stage, a name used in the pipeline).
            NotFoundError: No such pipeline, or ``before_id`` is not one of its stages.
        """
        clean = clean_stage(draft)
        with self._store.unit_of_work(op_label(LabelCode.ADD_STAGE, name=clean.name)) as (
            session,
            rec,
        ):
            live(session, Pipeline, pipeline_id)
            order = _stages(session, pipeline_id)
            if before_id is None:
                index = next((i for i, s in enumerate(order) if s.kind != "open"), len(order))
            else:
                index = _index_of(order, before_id)
            stage = _stage_row(pipeline_id, index, clean)
            session.add(stage)
            session.flush()
            order.insert(index, stage)
            _renumber(order)
            check_shape([(s.name, s.kind) for s in order])
        return change_result(rec, [stage.id])

    def edit_stage(self, stage_id: str, draft: StageDraft) -> ChangeResult:
        """Change a stage's name, probability, rotting days and colour (its kind stays).

        A new probability is its deals' from now on: the deals in the stage take it, as a
        move into the stage would give it.

        Raises:
            ValidationError: A bad value, a name used in the pipeline, or another kind.
            NotFoundError: No such stage.
        """
        clean = clean_stage(draft)
        with self._store.unit_of_work(op_label(LabelCode.EDIT_STAGE, name=clean.name)) as (
            session,
            rec,
        ):
            stage = live_stage(session, stage_id)
            if clean.kind != stage.kind:
                raise ValidationError("A stage keeps its kind.", field="kind")
            stage.name = clean.name
            stage.rotting_days = clean.rotting_days
            stage.colour = clean.colour
            if stage.probability != clean.probability:
                stage.probability = clean.probability
                for deal in _deals_in(session, stage_id):
                    deal.probability = clean.probability
            check_shape([(s.name, s.kind) for s in _stages(session, stage.pipeline_id)])
        return change_result(rec, [stage_id])

    def reorder_stages(self, pipeline_id: str, stage_ids: Sequence[str]) -> ChangeResult:
        """Put a pipeline's stages in the order of ``stage_ids`` (all of them, each once).

        Raises:
            ValidationError: ``stage_ids`` is not exactly the pipeline's live stages.
            NotFoundError: No such pipeline.
        """
        with self._store.unit_of_work(op_label(LabelCode.REORDER_STAGES, name="")) as (
            session,
            rec,
        ):
            pipeline = live(session, Pipeline, pipeline_id)
            rec.label = op_label(LabelCode.REORDER_STAGES, name=pipeline.name)
            by_id = {s.id: s for s in _stages(session, pipeline_id)}
            if sorted(stage_ids) != sorted(by_id):
                raise ValidationError("Name each of the pipeline's stages once.", field="stage_ids")
            _renumber([by_id[sid] for sid in stage_ids])
        return change_result(rec, list(stage_ids))

    def delete_stage(
        self, stage_id: str, *, target_stage_id: str | None = None, reason: str | None = None
    ) -> ChangeResult:
        """Delete a stage; the deals in it move to ``target_stage_id`` (needed if there are any).

        Each moved deal gets a history row, the target's probability and the status its kind
        says (a lost target needs ``reason``).

        Raises:
            ValidationError: Deals in the stage and no target (or the target is the stage
                itself or in another pipeline), a lost target without a reason, or the
                pipeline would lose its last open stage or its won or lost stage.
            NotFoundError: No such stage or target.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_STAGE, name="")) as (
            session,
            rec,
        ):
            stage = live_stage(session, stage_id)
            rec.label = op_label(LabelCode.DELETE_STAGE, name=stage.name)
            remaining = [s for s in _stages(session, stage.pipeline_id) if s.id != stage_id]
            check_shape([(s.name, s.kind) for s in remaining])
            deals = _deals_in(session, stage_id)
            if deals:
                target = self._target(session, stage, target_stage_id)
                moment = self._clock.now().astimezone(UTC)
                today = local_today(self._clock)
                for deal in deals:
                    enter_stage(
                        session,
                        deal,
                        target,
                        moment=moment,
                        today=today,
                        user_id=self._store.actor_id,
                        reason=reason,
                    )
                    deal.board_rank = None  # after the target's own cards, in age order
            # Deals in the trash keep a live stage too, so restoring one (or undoing its
            # deletion) puts it on a board: the target, else the nearest open stage before.
            trashed = _deals_in(session, stage_id, trashed=True)
            if trashed:
                home = target if deals and target.kind == "open" else _fallback(stage, remaining)
                for deal in trashed:
                    deal.stage_id, deal.probability, deal.board_rank = (
                        home.id,
                        home.probability,
                        None,
                    )
            stage.deleted_at = utc_now()
            _renumber(remaining)
        return change_result(rec, [stage_id, *(d.id for d in deals), *(d.id for d in trashed)])

    @staticmethod
    def _target(session: Session, stage: Stage, target_stage_id: str | None) -> Stage:
        if target_stage_id is None:
            raise ValidationError(
                "The stage holds deals: say which stage they move to.", field="target_stage_id"
            )
        target = live_stage(session, target_stage_id)
        if target.id == stage.id or target.pipeline_id != stage.pipeline_id:
            raise ValidationError(
                "Its deals move to another stage of the same pipeline.", field="target_stage_id"
            )
        return target


def pipeline_infos(session: Session) -> list[PipelineInfo]:
    """Every live pipeline with its live stages, default first (two statements)."""
    pipelines = session.scalars(
        select(Pipeline)
        .where(Pipeline.deleted_at.is_(None))
        .order_by(Pipeline.is_default.desc(), Pipeline.position, Pipeline.name, Pipeline.id)
    ).all()
    stages: dict[str, list[StageInfo]] = {p.id: [] for p in pipelines}
    for s in session.scalars(
        select(Stage)
        .where(Stage.deleted_at.is_(None))
        .order_by(Stage.pipeline_id, Stage.position, Stage.id)
    ):
        if s.pipeline_id in stages:
            stages[s.pipeline_id].append(
                StageInfo(s.id, s.name, s.position, s.probability, s.kind, s.rotting_days, s.colour)  # type: ignore[arg-type]
            )
    workspace_currency = str(read_setting(session, "currency.default"))
    return [
        PipelineInfo(
            id=p.id,
            name=p.name,
            currency=p.currency or workspace_currency,
            own_currency=p.currency is not None,
            is_default=p.is_default,
            stages=tuple(stages[p.id]),
        )
        for p in pipelines
    ]


def _stages(session: Session, pipeline_id: str) -> list[Stage]:
    return list(
        session.scalars(
            select(Stage)
            .where(Stage.pipeline_id == pipeline_id, Stage.deleted_at.is_(None))
            .order_by(Stage.position, Stage.id)
        )
    )


def _deals_in(session: Session, stage_id: str, *, trashed: bool = False) -> list[Deal]:
    """The stage's live deals (or, ``trashed``, its deleted ones)."""
    state = Deal.deleted_at.is_not(None) if trashed else Deal.deleted_at.is_(None)
    return list(session.scalars(select(Deal).where(Deal.stage_id == stage_id, state)))


def _fallback(stage: Stage, remaining: Sequence[Stage]) -> Stage:
    """Where a deleted stage's trashed deals go: the open stage before it, else the first."""
    open_stages = [s for s in remaining if s.kind == "open"]
    before = [s for s in open_stages if s.position < stage.position]
    return before[-1] if before else open_stages[0]


def _index_of(order: list[Stage], stage_id: str) -> int:
    for i, stage in enumerate(order):
        if stage.id == stage_id:
            return i
    raise NotFoundError("That stage is not in the pipeline.", stage_id=stage_id)


def _renumber(order: Sequence[Stage]) -> None:
    """Positions 0, 1, 2… in ``order`` (only changed ones are written)."""
    for position, stage in enumerate(order):
        if stage.position != position:
            stage.position = position


def _stage_row(pipeline_id: str, position: int, draft: StageDraft) -> Stage:
    return Stage(
        pipeline_id=pipeline_id,
        name=draft.name,
        position=position,
        probability=draft.probability,
        kind=draft.kind,
        rotting_days=draft.rotting_days,
        colour=draft.colour,
    )


def _default_drafts(session: Session) -> list[StageDraft]:
    """The default pipeline's stages, to start a new pipeline with."""
    infos = pipeline_infos(session)
    if not infos:
        return [
            StageDraft("Open", 10),
            StageDraft("Won", 100, kind="won"),
            StageDraft("Lost", 0, kind="lost"),
        ]
    return [
        StageDraft(s.name, s.probability, s.rotting_days, s.colour, s.kind) for s in infos[0].stages
    ]
