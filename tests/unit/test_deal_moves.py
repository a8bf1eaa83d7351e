"""Deals made, edited, moved forwards and backwards, won, lost, reopened; each step undone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.services.deals.dto import BoardFilter, DealDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from tests import drafts

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shanghai


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START, "Asia/Shanghai")


@pytest.fixture
def ws(ws_path: Path, clock: FixedClock) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, clock=clock)
    yield handle
    handle.close(backup_if_changed=False)


@pytest.fixture
def stages(ws: Workspace) -> dict[str, str]:
    return {s.name: s.id for s in ws.pipelines.default().stages}


def _column(ws: Workspace, stage_id: str) -> list[str]:
    board = ws.deals.board(ws.pipelines.default().id)
    return [c.title for col in board.columns if col.stage_id == stage_id for c in col.cards]


def test_create_numbers_the_deal_and_writes_its_first_stage(ws, stages):
    company = ws.people.save_company(drafts.company("华为技术")).ids[0]
    made = ws.deals.create(
        DealDraft(
            " Servers ",
            company_id=company,
            amount=Decimal("12500.50"),
            expected_close=date(2026, 12, 31),
            source="referral",
        )
    )
    deal = ws.deals.summary(made.ids[0])
    assert deal.number and deal.number.startswith("D")
    assert (deal.title, deal.customer, deal.stage, deal.probability) == (
        "Servers",
        "华为技术",
        "Qualified",
        10,
    )
    assert (deal.amount, deal.currency, deal.source, deal.status) == (
        Decimal("12500.5000"),
        "CNY",
        "referral",
        "open",
    )
    assert deal.owner  # the current user
    assert [(v.stage, v.entered) for v in ws.deals.stage_history(deal.id)] == [("Qualified", START)]
    assert ws.deals.id_of(deal.number.lower()) == deal.id
    second = ws.deals.create(DealDraft("Desks")).ids[0]
    assert ws.deals.summary(second).number != deal.number
    ws.history.undo()
    with pytest.raises(NotFoundError):
        ws.deals.summary(second)
    for bad in (DealDraft(" "), DealDraft("X", amount=Decimal(-1)), DealDraft("X", currency="E")):
        with pytest.raises(ValidationError):
            ws.deals.create(bad)


def test_moves_forwards_and_backwards_write_history_and_probability(ws, stages, clock):
    deal = ws.deals.create(DealDraft("Servers", amount=Decimal(1000))).ids[0]
    clock.advance(timedelta(days=3))
    ws.deals.move(deal, stages["Proposal sent"])  # skips Needs analysis
    clock.advance(timedelta(days=5, hours=12))
    ws.deals.move(deal, stages["Needs analysis"])  # backwards
    summary = ws.deals.summary(deal)
    assert (summary.stage, summary.probability, summary.status) == ("Needs analysis", 25, "open")
    clock.advance(timedelta(days=2))
    history = ws.deals.stage_history(deal)
    assert [(v.stage, v.days) for v in history] == [
        ("Qualified", 3),
        ("Proposal sent", 5),
        ("Needs analysis", 2),
    ]
    assert history[1].left == START + timedelta(days=8, hours=12)
    assert history[2].left is None
    undone = ws.history.undo()
    assert undone.operation_id
    summary = ws.deals.summary(deal)
    assert (summary.stage, summary.probability) == ("Proposal sent", 50)
    assert [v.stage for v in ws.deals.stage_history(deal)] == ["Qualified", "Proposal sent"]


def test_win_then_reopen_and_lose_with_a_reason(ws, stages, clock):
    deal = ws.deals.create(DealDraft("Servers", amount=Decimal(1000))).ids[0]
    ws.deals.move(deal, stages["Negotiation"])
    clock.advance(timedelta(hours=15))  # 01:00 on Tuesday in Shanghai, still Monday in UTC
    ws.deals.win(deal)
    won = ws.deals.summary(deal)
    assert (won.status, won.stage, won.probability) == ("won", "Won", 100)
    assert won.closed_on == date(2026, 11, 24)  # the local day
    ws.deals.reopen(deal)
    reopened = ws.deals.summary(deal)
    assert (reopened.status, reopened.stage, reopened.closed_on) == ("open", "Negotiation", None)
    assert reopened.probability == 75
    with pytest.raises(ValidationError, match="why"):
        ws.deals.lose(deal, "  ")
    with pytest.raises(ValidationError, match="why"):
        ws.deals.move(deal, stages["Lost"])
    ws.deals.lose(deal, "Chose a competitor")
    lost = ws.deals.summary(deal)
    assert (lost.status, lost.lost_reason, lost.probability) == ("lost", "Chose a competitor", 0)
    reordered = ws.deals.move(deal, stages["Lost"])  # within its column: the reason stays
    assert ws.deals.summary(deal).lost_reason == "Chose a competitor"
    assert reordered.operation_id is None  # the only card, left where it was: no change
    with pytest.raises(ValidationError, match="is open"):
        ws.deals.reopen(ws.deals.create(DealDraft("Other")).ids[0])
    ws.history.undo()  # the other deal
    ws.deals.move(deal, stages["Qualified"])  # back to an open stage reopens too
    back = ws.deals.summary(deal)
    assert (back.status, back.closed_on, back.lost_reason) == ("open", None, None)
    ws.history.undo()
    assert ws.deals.summary(deal).lost_reason == "Chose a competitor"
    ws.history.undo()  # the loss
    assert ws.deals.summary(deal).status == "open"
    ws.history.undo()  # the reopening
    assert ws.deals.summary(deal).status == "won"
    assert [v.stage for v in ws.deals.stage_history(deal)] == ["Qualified", "Negotiation", "Won"]


def test_order_within_a_column_is_kept(ws, stages, ws_path):
    first = stages["Qualified"]
    a, b, c = (ws.deals.create(DealDraft(t)).ids[0] for t in "ABC")
    assert _column(ws, first) == ["A", "B", "C"]
    ws.deals.move(c, first, before_id=a)
    assert _column(ws, first) == ["C", "A", "B"]
    ws.deals.move(a, first)  # to the end
    assert _column(ws, first) == ["C", "B", "A"]
    ws.deals.move(b, stages["Negotiation"])
    d = ws.deals.create(DealDraft("D", stage_id=stages["Negotiation"])).ids[0]
    ws.deals.move(a, stages["Negotiation"], before_id=d)
    assert _column(ws, stages["Negotiation"]) == ["B", "A", "D"]
    ws.history.undo()
    assert _column(ws, stages["Negotiation"]) == ["B", "D"]
    assert _column(ws, first) == ["C", "A"]
    with pytest.raises(NotFoundError):
        ws.deals.move(a, first, before_id=d)  # d is not in that column
    # Unranked cards (imports, older workspaces) keep the order they were made in.
    with sqlite3.connect(ws_path) as db:
        db.execute("UPDATE deals SET board_rank = NULL")
    ws.deals.move(d, stages["Negotiation"], before_id=b)
    assert _column(ws, stages["Negotiation"]) == ["D", "B"]


def test_a_gap_split_too_often_renumbers_the_column(ws, stages, ws_path):
    first = stages["Qualified"]
    _a, b, c, d = (ws.deals.create(DealDraft(t)).ids[0] for t in "ABCD")
    # C and D take turns dropping just before B: each drop halves the gap left before B.
    for i in range(80):
        ws.deals.move(d if i % 2 else c, first, before_id=b)
    assert _column(ws, first) == ["A", "C", "D", "B"]
    with sqlite3.connect(ws_path) as db:
        (rank_b,) = db.execute("SELECT board_rank FROM deals WHERE title = 'B'").fetchone()
    assert rank_b == 4096.0  # made at 2048: only renumbering the column (4th of 4) moved it


def test_edit_delete_and_restore(ws, stages):
    deal = ws.deals.create(DealDraft("Servers", amount=Decimal(10))).ids[0]
    ws.deals.update(
        deal, DealDraft("Big servers", amount=Decimal(20), stage_id=stages["Proposal sent"])
    )
    edited = ws.deals.summary(deal)
    assert (edited.title, edited.amount, edited.stage, edited.probability) == (
        "Big servers",
        Decimal("20.0000"),
        "Proposal sent",
        50,
    )
    assert [v.stage for v in ws.deals.stage_history(deal)] == ["Qualified", "Proposal sent"]
    with pytest.raises(ValidationError, match="lose"):
        ws.deals.update(deal, DealDraft("Big servers", stage_id=stages["Lost"]))
    ws.deals.delete(deal)
    with pytest.raises(NotFoundError):
        ws.deals.summary(deal)
    assert ws.deals.board(ws.pipelines.default().id).columns[2].count == 0
    ws.deals.restore(deal)
    assert ws.deals.summary(deal).title == "Big servers"
    ws.history.undo()
    ws.history.undo()
    assert ws.deals.summary(deal).title == "Big servers"
    ws.history.undo()
    assert ws.deals.summary(deal).title == "Servers"
    assert ws.deals.count() == 1
    assert ws.deals.board(ws.pipelines.default().id, BoardFilter(text="serv")).columns[0].count == 1
