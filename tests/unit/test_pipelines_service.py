"""Pipelines and stages: reading them in order, editing, reordering, deleting, lost reasons."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from desktop_crm.domain.clock import FixedClock
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.pipelines.dto import StageDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.types import id_bytes

START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    handle = create_workspace(ws_path, clock=FixedClock(START, "Asia/Shanghai"))
    yield handle
    handle.close(backup_if_changed=False)


def _names(ws: Workspace) -> list[str]:
    return [s.name for s in ws.pipelines.default().stages]


def test_the_default_pipeline_lists_its_stages_in_order(ws):
    sales = ws.pipelines.default()
    assert sales.name == "Sales" and sales.is_default and sales.currency == "CNY"
    assert not sales.own_currency
    assert [(s.name, s.probability, s.kind) for s in sales.stages] == [
        ("Qualified", 10, "open"),
        ("Needs analysis", 25, "open"),
        ("Proposal sent", 50, "open"),
        ("Negotiation", 75, "open"),
        ("Won", 100, "won"),
        ("Lost", 0, "lost"),
    ]
    assert [s.position for s in sales.stages] == list(range(6))
    assert sales.stages[0].rotting_days == 14


def test_add_rename_and_undo_a_pipeline(ws):
    made = ws.pipelines.add_pipeline("Projects", currency="usd")
    projects = ws.pipelines.pipeline(made.ids[0])
    assert projects.currency == "USD" and projects.own_currency and not projects.is_default
    assert [s.name for s in projects.stages] == _names(ws)  # a copy of the default's stages
    ws.pipelines.edit_pipeline(projects.id, "Big projects", currency=None)
    renamed = ws.pipelines.by_name("big PROJECTS")
    assert renamed.currency == "CNY" and not renamed.own_currency
    ws.history.undo()
    assert ws.pipelines.pipeline(projects.id).name == "Projects"
    ws.history.undo()
    assert [p.name for p in ws.pipelines.pipelines()] == ["Sales"]
    with pytest.raises(ValidationError):
        ws.pipelines.add_pipeline("Bad", currency="dollars")
    with pytest.raises(ValidationError, match="exactly one won"):
        ws.pipelines.add_pipeline("No won", stages=[StageDraft("A"), StageDraft("L", kind="lost")])


def test_add_edit_and_reorder_stages(ws):
    sales = ws.pipelines.default()
    added = ws.pipelines.add_stage(sales.id, StageDraft("Demo", 40, 10, "#AABBCC"))
    assert _names(ws)[4] == "Demo"  # before Won and Lost
    demo = ws.pipelines.default().stage_named("demo")
    assert demo is not None and demo.id == added.ids[0] and demo.colour == "#aabbcc"
    ws.pipelines.edit_stage(demo.id, StageDraft("Live demo", 45, None, None))
    edited = ws.pipelines.default().stage_named("Live demo")
    assert (edited.probability, edited.rotting_days, edited.colour) == (45, None, None)
    order = [s.id for s in reversed(ws.pipelines.default().stages)]
    ws.pipelines.reorder_stages(sales.id, order)
    assert _names(ws)[0] == "Lost" and [s.position for s in ws.pipelines.default().stages] == (
        list(range(7))
    )
    ws.history.undo()
    assert _names(ws)[0] == "Qualified"
    for bad in (
        StageDraft("X", 101),
        StageDraft("X", -1),
        StageDraft("X", 10, 0),
        StageDraft("X", 10, None, "red"),
        StageDraft(" "),
    ):
        with pytest.raises(ValidationError):
            ws.pipelines.add_stage(sales.id, bad)
    with pytest.raises(ValidationError, match="Two stages"):
        ws.pipelines.add_stage(sales.id, StageDraft("qualified"))
    with pytest.raises(ValidationError, match="exactly one won"):
        ws.pipelines.add_stage(sales.id, StageDraft("Won again", 100, kind="won"))
    with pytest.raises(ValidationError, match="keeps its kind"):
        ws.pipelines.edit_stage(demo.id, StageDraft("Live demo", 45, kind="won"))
    with pytest.raises(ValidationError):
        ws.pipelines.reorder_stages(sales.id, order[:-1])


def test_a_new_probability_is_the_stage_deals_probability(ws):
    sales = ws.pipelines.default()
    first = sales.stages[0]
    deal = ws.deals.create(DealDraft("Laptops", amount=Decimal(1000))).ids[0]
    assert ws.deals.summary(deal).probability == 10
    ws.pipelines.edit_stage(first.id, StageDraft(first.name, 20, first.rotting_days))
    assert ws.deals.summary(deal).probability == 20
    ws.history.undo()
    assert ws.deals.summary(deal).probability == 10


def test_deleting_a_stage_that_holds_deals_moves_them(ws, ws_path):
    sales = ws.pipelines.default()
    _qualified, analysis, proposal = sales.stages[:3]
    deals = [
        ws.deals.create(DealDraft(f"Deal {i}", amount=Decimal(100), stage_id=analysis.id)).ids[0]
        for i in range(3)
    ]
    with pytest.raises(ValidationError, match="which stage"):
        ws.pipelines.delete_stage(analysis.id)
    with pytest.raises(ValidationError, match="another stage"):
        ws.pipelines.delete_stage(analysis.id, target_stage_id=analysis.id)
    with pytest.raises(ValidationError, match="why"):
        ws.pipelines.delete_stage(analysis.id, target_stage_id=sales.stage_of_kind("lost").id)

    result = ws.pipelines.delete_stage(analysis.id, target_stage_id=proposal.id)

    assert "Needs analysis" not in _names(ws)
    assert [s.position for s in ws.pipelines.default().stages] == list(range(5))
    for deal_id in deals:
        summary = ws.deals.summary(deal_id)
        assert (summary.stage, summary.probability, summary.status) == ("Proposal sent", 50, "open")
        history = ws.deals.stage_history(deal_id)
        # The history still names the deleted stage (a tombstone keeps its name).
        assert [v.stage for v in history] == ["Needs analysis", "Proposal sent"]
    with sqlite3.connect(ws_path) as db:
        moves = db.execute(
            "SELECT count(*) FROM deal_stage_changes WHERE from_stage_id = ? AND to_stage_id = ?",
            (id_bytes(analysis.id), id_bytes(proposal.id)),
        ).fetchone()[0]
    assert moves == 3

    ws.history.undo(result.operation_id)
    assert _names(ws)[1] == "Needs analysis"
    assert {ws.deals.summary(d).stage for d in deals} == {"Needs analysis"}
    assert [v.stage for v in ws.deals.stage_history(deals[0])] == ["Needs analysis"]
    assert ws.deals.summary(deals[0]).probability == 25


def test_deleting_a_stage_gives_its_trashed_deals_a_live_stage(ws):
    """A deal in the trash is restored (or its deletion undone) onto a board, never a gone stage."""
    sales = ws.pipelines.default()
    qualified, analysis = sales.stages[:2]
    trashed = ws.deals.create(DealDraft("Old", amount=Decimal(100), stage_id=analysis.id)).ids[0]
    deleted = ws.deals.delete(trashed)
    ws.pipelines.delete_stage(analysis.id)  # no live deal in it: no target asked
    ws.history.undo(deleted.operation_id)  # the deal comes back ...
    back = ws.deals.summary(trashed)
    assert (back.stage, back.probability) == (qualified.name, qualified.probability)
    board = ws.deals.board(sales.id)
    assert trashed in {c.id for col in board.columns for c in col.cards}  # ... onto the board


def test_a_pipeline_keeps_an_open_a_won_and_a_lost_stage(ws):
    sales = ws.pipelines.default()
    with pytest.raises(ValidationError, match="exactly one won"):
        ws.pipelines.delete_stage(sales.stage_of_kind("won").id)
    with pytest.raises(ValidationError, match="exactly one lost"):
        ws.pipelines.delete_stage(sales.stage_of_kind("lost").id)
    for stage in sales.stages[:3]:
        ws.pipelines.delete_stage(stage.id)
    with pytest.raises(ValidationError, match="at least one open"):
        ws.pipelines.delete_stage(sales.stages[3].id)
    assert _names(ws) == ["Negotiation", "Won", "Lost"]


def test_lost_reasons_are_a_setting(ws):
    assert ws.pipelines.lost_reasons()[:2] == ["Price too high", "Chose a competitor"]
    ws.pipelines.set_lost_reasons([" Too slow ", "too slow", "", "No budget"])
    assert ws.pipelines.lost_reasons() == ["Too slow", "No budget"]
    assert ws.reads.pipelines.lost_reasons() == ["Too slow", "No budget"]
    ws.history.undo()
    assert ws.pipelines.lost_reasons()[0] == "Price too high"
    with pytest.raises(ValidationError):
        ws.settings.update({"deals.lost_reasons": ["ok", 3]})


def test_the_days_use_the_clock(ws):
    deal = ws.deals.create(DealDraft("Chairs", expected_close=date(2026, 12, 1))).ids[0]
    (visit,) = ws.deals.stage_history(deal)
    assert visit.entered == START and visit.left is None and visit.days == 0
