"""Demo deals with a believable past: made, moved forward, now and then won or lost.

Each deal moves stage by stage (now and then skipping one); a closed one is won or lost on the
day of its last move.

The funnel, the forecast and won/lost reports of a fresh demo then have something to show:
conversion falling stage by stage, days spent in each stage, reasons why deals were lost.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class DemoStage:
    """A stage of the demo's pipeline: its id, kind (open, won, lost) and probability."""

    id: str
    kind: str
    probability: int


@dataclass(frozen=True)
class DealPath:
    """Where a demo deal is now and how it got there.

    Attributes:
        stage: The stage it is in now.
        created_at: When it was made (its first move).
        moves: ``(from stage id or None, to stage id, moment)``, oldest first.
        closed_on: The local day it was won or lost, else ``None``.
    """

    stage: DemoStage
    created_at: datetime
    moves: tuple[tuple[str | None, str, datetime], ...]
    closed_on: date | None


def deal_path(
    rnd: random.Random, stages: Sequence[DemoStage], now: datetime, zone: ZoneInfo
) -> DealPath:
    """A random, consistent history for one deal ending in one of ``stages``."""
    open_stages = [s for s in stages if s.kind == "open"]
    won = next(s for s in stages if s.kind == "won")
    lost = next(s for s in stages if s.kind == "lost")
    # Fewer deals get further: a third close, the rest wait in a stage, earlier ones more often.
    roll = rnd.random()
    if roll < 0.15:
        target, reach = won, len(open_stages)
    elif roll < 0.32:
        target, reach = lost, rnd.randint(1, len(open_stages))
    else:
        reach = min(len(open_stages), 1 + int(rnd.expovariate(0.9)))
        target = open_stages[reach - 1]
    path = [s for s in open_stages[:reach] if s is open_stages[0] or rnd.random() > 0.12]
    if target.kind == "open" and path[-1] is not target:
        path.append(target)
    if target.kind != "open":
        path.append(target)
    # Closed deals spread over the year; open ones moved lately (a board of 300-day waits
    # would not look like anyone's pipeline), a few left to rot.
    if target.kind == "open":
        back = sum(rnd.randint(4, 16) for _ in path) + rnd.randint(0, 12)
    else:
        back = rnd.randint(20, 330)
    moment = now - timedelta(days=back, hours=rnd.randint(0, 8))
    created = moment
    moves: list[tuple[str | None, str, datetime]] = []
    before: str | None = None
    for stage in path:
        moves.append((before, stage.id, moment))
        before = stage.id
        step = rnd.randint(4, 16) if target.kind == "open" else rnd.randint(2, 30)
        moment = min(now - timedelta(hours=1), moment + timedelta(days=step))
    last = moves[-1][2]
    closed_on = last.astimezone(zone).date() if target.kind != "open" else None
    return DealPath(target, created, tuple(moves), closed_on)
