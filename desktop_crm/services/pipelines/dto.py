"""What the pipeline service takes and returns: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_crm.services.deals.dto import StageKind


@dataclass(frozen=True)
class StageInfo:
    """One stage of a pipeline.

    Attributes:
        id: The stage's id.
        name: Its name.
        position: Its place in the pipeline (lower first).
        probability: Win probability of a deal in it, percent (0–100).
        kind: ``open``, ``won`` or ``lost``.
        rotting_days: Days after which an open deal waiting in it is stale (``None``: never).
        colour: ``#rrggbb``, or ``None`` for the board's own.
    """

    id: str
    name: str
    position: int
    probability: int
    kind: StageKind
    rotting_days: int | None
    colour: str | None


@dataclass(frozen=True)
class PipelineInfo:
    """A pipeline with its live stages in order.

    Attributes:
        id: The pipeline's id.
        name: Its name.
        currency: The currency its board totals are in (its own, else the workspace's).
        own_currency: Whether ``currency`` is the pipeline's own rather than the workspace's.
        is_default: Whether new deals go into it unless told otherwise.
        stages: Its stages by position.
    """

    id: str
    name: str
    currency: str
    own_currency: bool
    is_default: bool
    stages: tuple[StageInfo, ...]

    def stage_named(self, name: str) -> StageInfo | None:
        """The stage called ``name`` (case and surrounding spaces ignored), if any."""
        wanted = name.strip().casefold()
        return next((s for s in self.stages if s.name.casefold() == wanted), None)

    def stage_of_kind(self, kind: StageKind) -> StageInfo | None:
        """The first stage of ``kind`` (the won or the lost stage)."""
        return next((s for s in self.stages if s.kind == kind), None)


@dataclass(frozen=True)
class StageDraft:
    """A stage as an editor holds it.

    Attributes:
        name: Its name (not empty, unique in its pipeline ignoring case).
        probability: Win probability, percent (0–100).
        rotting_days: Days after which a waiting open deal is stale (``None``: never; 1–3650).
        colour: ``#rrggbb`` or ``None``.
        kind: ``open``, ``won`` or ``lost`` (a pipeline has exactly one won and one lost).
    """

    name: str
    probability: int = 0
    rotting_days: int | None = None
    colour: str | None = None
    kind: StageKind = "open"
