"""The funnel's one-pass SQL on the rare deals it corrects for afterwards.

Deals with no change recording the stage they were made in (made before histories were
kept), including deals never moved, deals made in a stage and moved backwards from it, and
closed deals still in an open stage: the funnel must still give what the domain's
record-level definitions give.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.funnel import DealRecord, StageInfo, funnel
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.types import id_bytes
from tests.unit.test_funnel_maths import NOW
from tests.unit.test_reports_service import KEYS, write_deals

OPEN = ["q", "n", "p", "g"]
STAGES = [
    StageInfo(key, KEYS.get(key, key), n, "open" if key in KEYS else key, 0)
    for n, key in enumerate([*OPEN, "won", "lost"])
]


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new workspace whose clock stands at NOW in UTC."""
    made = create_workspace(tmp_path / "funnel.crm", clock=FixedClock(NOW, "UTC"))
    yield made
    made.close(backup_if_changed=False)


def _deals(rnd: random.Random, count: int) -> list[DealRecord]:
    deals = []
    for n in range(count):
        made = NOW - timedelta(days=rnd.randint(1, 150), hours=rnd.randint(0, 23))
        moment, history = made, [(rnd.choice(OPEN), made)]
        for _ in range(rnd.randint(0, 4)):
            moment += timedelta(hours=rnd.randint(1, 300))
            history.append((rnd.choice([*OPEN, "won", "lost"]), min(moment, NOW)))
        last = history[-1][0]
        status = {"won": "won", "lost": "lost"}.get(last, "open")
        if status == "open" and rnd.random() < 0.2:
            status = rnd.choice(["won", "lost"])  # closed, yet still in an open stage
        deals.append(DealRecord(f"R{n}", made.date(), last, status, D(10), history=tuple(history)))
    return deals


def _forget_first_stages(ws: Workspace, ids: list[str]) -> None:
    """Delete the changes recording the stage these deals were made in."""
    with ws.store.unit_of_work("test history") as (s, _rec):
        for deal_id in ids:
            s.execute(
                text("DELETE FROM deal_stage_changes WHERE deal_id = :d AND from_stage_id IS NULL"),
                {"d": id_bytes(deal_id)},
            )


def test_deals_without_a_first_record_and_closed_ones_in_open_stages(ws: Workspace) -> None:
    rnd = random.Random(31)
    deals = _deals(rnd, 120)
    made = write_deals(ws, deals)
    _forget_first_stages(ws, [made[d.id] for d in deals if rnd.random() < 0.4])
    start, end = (NOW - timedelta(days=120)).date(), (NOW - timedelta(days=5)).date()
    for first, last in ((start, end), (None, None)):
        expected = funnel(STAGES, deals, first, last, NOW)
        got = ws.reports.funnel(start=first, end=last).data
        assert (got.deals, got.won) == (expected.deals, expected.won)
        assert [(r.reached, r.conversion, r.avg_days) for r in got.rows] == [
            (r.reached, r.conversion, r.avg_days) for r in expected.rows
        ]


def test_a_deal_made_late_and_moved_back_reached_where_it_was_made(ws: Workspace) -> None:
    """Made in Proposal sent with no record of it, then moved back to Qualified."""
    made_at = NOW - timedelta(days=10)
    back = DealRecord(
        "B",
        made_at.date(),
        "q",
        "open",
        history=(("p", made_at), ("q", made_at + timedelta(days=4))),
    )
    never_moved = DealRecord("N", made_at.date(), "n", "open", history=(("n", made_at),))
    ids = write_deals(ws, [back, never_moved])
    _forget_first_stages(ws, list(ids.values()))
    rows = ws.reports.funnel().data.rows
    assert [r.reached for r in rows] == [2, 2, 1, 0]
    # Proposal sent: 4 days; Needs analysis: 10 days (never moved); Qualified: 6 days so far.
    assert [r.avg_days for r in rows] == [D("6.0"), D("10.0"), D("4.0"), None]
