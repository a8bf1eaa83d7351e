"""The sales funnel: which stages deals reached, how many went on, how long they stayed.

Definitions (issue 13; the Reports screen and the CLI use exactly these):

- A deal *reached* an open stage when its history (the stages it entered, plus its current
  stage) holds that stage or any later open stage (by position): a skipped stage counts as
  reached, a deal moved backwards keeps what it reached. A won deal, and a deal that was ever
  in a won stage (reopened since), reached every open stage.
- Conversion from an open stage to the next = deals that reached the next ÷ deals that reached
  it; the last open stage converts to Won (deals won now). Counted among the deals *created* in
  the period (local days); ``None`` when no deal reached the stage.
- Days in a stage, from the history: from entering it to the next move; an open deal still
  there counts until now (a closed deal's last stay ends with its move to Won or Lost).
  ``avg_days`` is the average stay: a deal back in a stage stays there twice; a skipped stage
  is no stay. Taken over the same deals as the conversion.

The record-level functions here are the definition; the reports service computes the same
per-deal reduction in SQL (``services/reports/queries.py``) for 100,000 deals and folds it with
:func:`fold_funnel`. Tests hold the two to the same answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

MICROS_PER_DAY = 86_400_000_000
_RATIO = Decimal("0.0001")
_DAYS = Decimal("0.1")


@dataclass(frozen=True)
class StageInfo:
    """A stage of the pipeline reported on.

    Attributes:
        id: The stage's id.
        name: Its name.
        position: Its place in the pipeline (lower first).
        kind: ``open``, ``won`` or ``lost``.
        probability: Its win probability, percent.
    """

    id: str
    name: str
    position: int
    kind: str
    probability: int


@dataclass(frozen=True)
class DealRecord:
    """One deal as the reports see it (plain values, nothing to look up).

    Attributes:
        id: The deal's id.
        created_on: The local day it was made.
        stage_id: Its current stage.
        status: ``open``, ``won`` or ``lost``.
        amount: What it is worth.
        currency: ISO code of ``amount``.
        probability: Its win probability, percent (``None``: its stage's).
        expected_close: The day it is expected to close.
        closed_on: The day it was won or lost.
        lost_reason: Why it was lost.
        source: Where it came from.
        owner: Who is in charge (a name or an id; ``None``: nobody).
        history: The stages it entered with the moments it entered them, its first stage
            included (the moment it was made), in any order.
    """

    id: str
    created_on: date
    stage_id: str
    status: str
    amount: Decimal = Decimal(0)
    currency: str = "CNY"
    probability: int | None = None
    expected_close: date | None = None
    closed_on: date | None = None
    lost_reason: str | None = None
    source: str | None = None
    owner: str | None = None
    history: tuple[tuple[str, datetime], ...] = ()


@dataclass(frozen=True)
class DealProgress:
    """What one deal adds to the funnel.

    Attributes:
        depth: How many open stages it reached (from the first; all of them when won).
        won: Whether it is won now.
        stays: By open stage it stayed in: (its stays there, their microseconds in all).
    """

    depth: int
    won: bool
    stays: Mapping[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class FunnelTotals:
    """The per-deal reductions summed: what :func:`fold_funnel` turns into rows.

    Attributes:
        depths: Number of deals by how many open stages they reached.
        won: Deals won now.
        stays: By open stage: (stays in it, their microseconds in all).
    """

    depths: Mapping[int, int]
    won: int
    stays: Mapping[str, tuple[int, int]]


@dataclass(frozen=True)
class FunnelRow:
    """One open stage of the funnel.

    Attributes:
        stage: The stage's name.
        stage_id: Its id.
        probability: Its win probability, percent.
        reached: Deals that reached it.
        conversion: reached(next) ÷ reached(this), 0–1 to four places (the last open stage's
            next is Won); ``None`` when none reached it.
        avg_days: Average days of a stay in it (one decimal); ``None`` when none stayed.
    """

    stage: str
    stage_id: str
    probability: int
    reached: int
    conversion: Decimal | None
    avg_days: Decimal | None


@dataclass(frozen=True)
class Funnel:
    """The funnel of the deals created in a period.

    Attributes:
        rows: The open stages in order.
        deals: Deals counted (created in the period).
        won: Those of them won now.
    """

    rows: tuple[FunnelRow, ...]
    deals: int
    won: int


def open_stages(stages: Iterable[StageInfo]) -> list[StageInfo]:
    """The open stages in pipeline order."""
    return sorted((s for s in stages if s.kind == "open"), key=lambda s: (s.position, s.id))


def stage_depths(stages: Sequence[StageInfo]) -> dict[str, int]:
    """How many open stages entering each stage means reaching.

    Open stages count 1…n in order, won stages n (a won deal reached them all), lost stages 0
    (losing reaches nothing more).
    """
    ordered = open_stages(stages)
    depths = {s.id: n for n, s in enumerate(ordered, start=1)}
    for s in stages:
        if s.kind == "won":
            depths[s.id] = len(ordered)
        elif s.kind != "open":
            depths[s.id] = 0
    return depths


def deal_progress(deal: DealRecord, stages: Sequence[StageInfo], now: datetime) -> DealProgress:
    """One deal's reached depth, whether it is won, and its time in each open stage."""
    depths = stage_depths(stages)
    kinds = {s.id: s.kind for s in stages}
    won = deal.status == "won"
    entered = [sid for sid, _at in deal.history] + [deal.stage_id]
    depth = len(open_stages(stages)) if won else max(depths.get(s, 0) for s in entered)
    # Stable sort: entries at the same moment keep the order given.
    moves = sorted(deal.history, key=lambda entry: entry[1])
    stays: dict[str, tuple[int, int]] = {}
    for n, (sid, at) in enumerate(moves):
        if n + 1 < len(moves):
            until: datetime | None = moves[n + 1][1]
        else:  # a closed deal's last stay ended when it closed (its move to Won or Lost)
            until = now if deal.status == "open" else None
        if until is None or kinds.get(sid) != "open":
            continue
        count, total = stays.get(sid, (0, 0))
        stays[sid] = (count + 1, total + (until - at) // timedelta(microseconds=1))
    return DealProgress(depth, won, stays)


def funnel_totals(progress: Iterable[DealProgress]) -> FunnelTotals:
    """Sum per-deal reductions."""
    depths: dict[int, int] = {}
    stays: dict[str, tuple[int, int]] = {}
    won = 0
    for p in progress:
        depths[p.depth] = depths.get(p.depth, 0) + 1
        won += p.won
        for sid, (count, micros) in p.stays.items():
            seen, total = stays.get(sid, (0, 0))
            stays[sid] = (seen + count, total + micros)
    return FunnelTotals(depths, won, stays)


def fold_funnel(stages: Sequence[StageInfo], totals: FunnelTotals) -> Funnel:
    """The funnel's rows from the summed reductions (see the module's definitions)."""
    ordered = open_stages(stages)
    n = len(ordered)
    reached = [sum(c for d, c in totals.depths.items() if d >= k) for k in range(1, n + 1)]
    rows = []
    for k, stage in enumerate(ordered):
        following = reached[k + 1] if k + 1 < n else totals.won
        deals, micros = totals.stays.get(stage.id, (0, 0))
        rows.append(
            FunnelRow(
                stage=stage.name,
                stage_id=stage.id,
                probability=stage.probability,
                reached=reached[k],
                conversion=ratio(following, reached[k]),
                avg_days=(
                    (Decimal(micros) / MICROS_PER_DAY / deals).quantize(_DAYS, ROUND_HALF_UP)
                    if deals
                    else None
                ),
            )
        )
    return Funnel(tuple(rows), sum(totals.depths.values()), totals.won)


def funnel(
    stages: Sequence[StageInfo],
    deals: Iterable[DealRecord],
    start: date | None,
    end: date | None,
    now: datetime,
) -> Funnel:
    """The funnel of the deals created from ``start`` to ``end`` (days included; ``None``: open).

    Args:
        stages: The pipeline's stages (any order).
        deals: Its deals; those made outside the period are left out.
        start: The first day.
        end: The last day.
        now: The moment open deals' current stays run until.
    """
    cohort = [d for d in deals if within(d.created_on, start, end)]
    return fold_funnel(stages, funnel_totals(deal_progress(d, stages, now) for d in cohort))


def ratio(part: int, whole: int) -> Decimal | None:
    """``part ÷ whole`` to four places, half up; ``None`` when ``whole`` is 0."""
    if not whole:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(_RATIO, ROUND_HALF_UP)


def within(day: date | None, start: date | None, end: date | None) -> bool:
    """Whether ``day`` is in the period (``None`` bounds are open; no day is in none)."""
    if day is None:
        return False
    return (start is None or day >= start) and (end is None or day <= end)
