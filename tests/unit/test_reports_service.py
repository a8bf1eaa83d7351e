"""The reports service on real workspace files: empty, the hand-checked set, and random deals.

The hand-checked set of ``test_funnel_maths`` is written into a workspace (stage changes as
the app writes them) and every report must give the numbers worked out there by hand; random
deals must give what the domain's record-level definitions give (SQL and Python agree).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal as D
from pathlib import Path

import pytest
from sqlalchemy import select, text

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.funnel import DealRecord, StageInfo, funnel
from desktop_crm.domain.sales_reports import group_deals, sales, win_rate, won_lost
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import (
    Contract,
    Deal,
    DealStageChange,
    Payment,
    Pipeline,
    SalesTarget,
    Stage,
    User,
)
from desktop_crm.store.types import id_bytes, micros
from tests.unit.test_funnel_maths import DEALS, END, NOW, START

KEYS = {"q": "Qualified", "n": "Needs analysis", "p": "Proposal sent", "g": "Negotiation"}


@pytest.fixture
def utc_ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new workspace whose clock stands at NOW in UTC (local days are UTC days)."""
    ws = create_workspace(tmp_path / "reports.crm", clock=FixedClock(NOW, "UTC"))
    yield ws
    ws.close(backup_if_changed=False)


def _stage_ids(ws: Workspace) -> tuple[str, dict[str, str]]:
    with ws.store.read() as s:
        pipeline = s.scalars(select(Pipeline.id).where(Pipeline.is_default.is_(True))).one()
        rows = s.execute(
            select(Stage.id, Stage.name, Stage.kind).where(Stage.pipeline_id == pipeline)
        )
        by_name = {name: sid for sid, name, _kind in rows}
    ids = {key: by_name[name] for key, name in KEYS.items()}
    ids.update(won=by_name["Won"], lost=by_name["Lost"])
    return pipeline, ids


def write_deals(ws: Workspace, deals: list[DealRecord]) -> dict[str, str]:
    """Write records as deals with their stage changes; owners made as users. Their ids."""
    pipeline, stage = _stage_ids(ws)
    users: dict[str, str] = {}
    made: dict[str, str] = {}
    with ws.store.unit_of_work("test deals") as (s, _rec):
        for name in sorted({d.owner for d in deals if d.owner}):
            user = User(name=name)
            s.add(user)
            s.flush()
            users[name] = user.id
        for d in deals:
            entries = sorted(d.history, key=lambda e: e[1])
            deal = Deal(
                title=d.id,
                pipeline_id=pipeline,
                stage_id=stage[d.stage_id],
                owner_id=users.get(d.owner or ""),
                amount=d.amount,
                currency=d.currency,
                probability=d.probability,
                expected_close=d.expected_close,
                status=d.status,
                closed_on=d.closed_on,
                lost_reason=d.lost_reason,
                source=d.source,
            )
            s.add(deal)
            s.flush()
            # A fixture, not a write path: the unit of work stamps its own moment on new rows.
            s.execute(
                text("UPDATE deals SET created_at = :at WHERE id = :id"),
                {"at": micros(entries[0][1]), "id": id_bytes(deal.id)},
            )
            made[d.id] = deal.id
            previous = None
            for sid, moment in entries:  # the first change records the stage it was made in
                s.add(
                    DealStageChange(
                        deal_id=deal.id,
                        from_stage_id=previous,
                        to_stage_id=stage[sid],
                        moved_at=moment,
                    )
                )
                previous = stage[sid]
    return made


def test_every_report_on_an_empty_workspace(utc_ws: Workspace) -> None:
    reports = utc_ws.reports
    funnel_report = reports.funnel()
    assert funnel_report.pipeline == "Sales" and funnel_report.currency == "CNY"
    assert [(r.stage, r.reached, r.conversion, r.avg_days) for r in funnel_report.data.rows] == [
        ("Qualified", 0, None, None),
        ("Needs analysis", 0, None, None),
        ("Proposal sent", 0, None, None),
        ("Negotiation", 0, None, None),
    ]
    assert reports.forecast().data == []
    nothing = reports.won_lost().data
    assert (nothing.won.count, nothing.lost.count, nothing.lost_by_reason) == (0, 0, {})
    assert reports.win_rate().data == []
    assert reports.sales(period="quarter").data == []
    assert reports.targets(start=START, end=END).data == []
    # The reader's copy answers too (the Reports screen reads there).
    assert len(utc_ws.reads.reports.funnel().data.rows) == 4


def test_the_hand_checked_set_through_sql(utc_ws: Workspace) -> None:
    write_deals(utc_ws, DEALS)
    reports = utc_ws.reports
    rows = reports.funnel(start=START, end=END).data.rows
    assert [(r.reached, r.conversion, r.avg_days) for r in rows] == [
        (6, D("0.8333"), D("4.0")),
        (5, D("1.0000"), D("5.3")),
        (5, D("0.6000"), D("25.0")),
        (3, D("0.6667"), D("13.7")),
    ]
    assert reports.funnel(start=date(2024, 12, 1), end=date(2024, 12, 31)).data.rows[0].reached == 1

    forecast = reports.forecast().data
    assert [(r.month, r.count, r.amount.amount, r.weighted.amount) for r in forecast] == [
        ("2025-04", 2, D(2000), D(1000)),
        ("2025-05", 1, D(4000), D(3000)),
    ]
    assert forecast[0].weighted.other_currencies == {"USD": D(100)}

    closed = reports.won_lost(start=START, end=END).data
    assert (closed.won.count, closed.won.amount.amount) == (2, D(4000))
    assert (closed.lost.count, closed.lost.amount.amount) == (2, D(800))
    assert closed.lost_by_reason == {"no budget": 1, "price": 1}
    assert closed.by_source == {"referral": (2, 0), "": (0, 1), "website": (0, 1)}

    rates = reports.win_rate(start=START, end=END).data
    assert [(r.owner, r.won, r.lost, r.rate) for r in rates] == [
        ("Ann", 1, 0, D(1)),
        ("Bob", 1, 2, D("0.3333")),
    ]
    by_quarter = reports.sales(start=START, end=END, period="quarter").data
    assert [(r.owner, r.period, r.amount.amount) for r in by_quarter] == [
        ("Ann", "2025-Q1", D(1000)),
        ("Bob", "2025-Q1", D(3000)),
    ]


def test_targets_with_payments_collected(utc_ws: Workspace) -> None:
    ids = write_deals(utc_ws, DEALS)
    with utc_ws.store.read() as s:
        users = {name: uid for name, uid in s.execute(select(User.name, User.id))}
    with utc_ws.store.unit_of_work("targets") as (s, _rec):
        s.add(
            SalesTarget(
                user_id=users["Ann"],
                period_start=date(2025, 1, 1),
                period_end=date(2025, 1, 31),
                amount=D(2000),
            )
        )
        s.add(
            SalesTarget(
                user_id=users["Bob"],
                period_start=date(2025, 3, 1),
                period_end=date(2025, 3, 31),
                amount=D(5000),
            )
        )
        # Ann's contract has no owner of its own: it counts for its deal's owner (D1: Ann).
        ann = Contract(number="C-1", title="D1", deal_id=ids["D1"], amount=D(1000))
        bob = Contract(
            number="C-2", title="D7", deal_id=ids["D7"], owner_id=users["Bob"], amount=D(3000)
        )
        s.add_all([ann, bob])
        s.flush()
        s.add(Payment(contract_id=ann.id, paid_on=date(2025, 1, 25), amount=D(600)))
        s.add(Payment(contract_id=bob.id, paid_on=date(2025, 3, 10), amount=D(1000)))
        s.add(Payment(contract_id=bob.id, paid_on=date(2025, 4, 2), amount=D(2000)))  # April
    rows = utc_ws.reports.targets(start=START, end=END).data
    assert [
        (r.owner, r.month, r.target.amount, r.won.amount, r.collected.amount) for r in rows
    ] == [
        ("Ann", "2025-01", D(2000), D(1000), D(600)),
        ("Bob", "2025-03", D(5000), D(3000), D(1000)),
    ]


def test_random_deals_agree_with_the_definitions(utc_ws: Workspace) -> None:
    """SQL and the record-level definitions give the same answers on 150 random deals."""
    rnd = random.Random(13)
    keys = ["q", "n", "p", "g"]
    deals = []
    for n in range(150):
        made = NOW - timedelta(days=rnd.randint(1, 200), hours=rnd.randint(0, 23))
        moment, history = made, [(rnd.choice(keys), made)]
        for _ in range(rnd.randint(0, 5)):
            moment += timedelta(hours=rnd.randint(0, 300))
            history.append((rnd.choice([*keys, "won", "lost"]), min(moment, NOW)))
        last = history[-1][0]
        status = {"won": "won", "lost": "lost"}.get(last, "open")
        closed = history[-1][1].date() if status != "open" else None
        deals.append(
            DealRecord(
                f"R{n}", made.date(), last, status, D(rnd.randint(1, 999)) * 10,
                rnd.choice(["CNY", "CNY", "USD"]), rnd.choice([10, 25, 50]),
                made.date() + timedelta(days=rnd.randint(0, 90)), closed,
                rnd.choice([None, "price", "timing"]) if status == "lost" else None,
                rnd.choice([None, "web", "fair"]), rnd.choice(["Ann", "Bob", None]),
                tuple(history),
            )
        )  # fmt: skip
    write_deals(utc_ws, deals)
    _pipeline, ids = _stage_ids(utc_ws)
    stages = [
        StageInfo(key, KEYS.get(key, key), n, "open" if key in KEYS else key, 0)
        for n, key in enumerate([*keys, "won", "lost"])
    ]
    start, end = (NOW - timedelta(days=120)).date(), (NOW - timedelta(days=10)).date()
    expected = funnel(stages, deals, start, end, NOW)
    got = utc_ws.reports.funnel(start=start, end=end).data
    assert got.deals == expected.deals > 0 and got.won == expected.won
    assert [(r.reached, r.conversion, r.avg_days) for r in got.rows] == [
        (r.reached, r.conversion, r.avg_days) for r in expected.rows
    ]
    groups = group_deals(deals, start, end)
    assert utc_ws.reports.won_lost(start=start, end=end).data == won_lost(groups, "CNY")
    assert utc_ws.reports.win_rate(start=start, end=end).data == win_rate(groups)
    assert utc_ws.reports.sales(start=start, end=end, period="year").data == sales(
        groups, "CNY", "year"
    )
    assert ids  # the stages were found by name


def test_unknown_pipeline_and_backwards_period_are_refused(utc_ws: Workspace) -> None:
    with pytest.raises(NotFoundError):
        utc_ws.reports.pipeline_named("Nope")
    assert utc_ws.reports.pipeline_named(" sales ").name == "Sales"
    with pytest.raises(NotFoundError):
        utc_ws.reports.forecast("01a00000-0000-7000-8000-000000000000")
    with pytest.raises(ValidationError):
        utc_ws.reports.funnel(start=END, end=START)


def test_local_days_decide_who_was_made_in_the_period(tmp_path: Path) -> None:
    """A deal made 2025-01-31 20:00 UTC was made on Feb 1 in Shanghai: in February's cohort."""
    ws = create_workspace(tmp_path / "zone.crm", clock=FixedClock(NOW, "Asia/Shanghai"))
    try:
        late = DealRecord(
            "L",
            date(2025, 1, 31),
            "q",
            "open",
            history=(("q", datetime(2025, 1, 31, 20, tzinfo=UTC)),),
        )
        write_deals(ws, [late])
        jan = ws.reports.funnel(start=date(2025, 1, 1), end=date(2025, 1, 31)).data
        feb = ws.reports.funnel(start=date(2025, 2, 1), end=date(2025, 2, 28)).data
        assert (jan.deals, feb.deals) == (0, 1)
    finally:
        ws.close(backup_if_changed=False)
