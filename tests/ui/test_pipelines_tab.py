"""Settings → Pipelines over a real workspace: each change one undoable operation, carrying
the entities the board and the reports watch; deleting a stage that holds deals moves them."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QLabel, QMessageBox

from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests.ui.conftest import open_and_wait
from ui.workspace_settings.pipelines_tab import PipelinesTab
from ui.workspace_settings.settings_dialog import SettingsDialog
from ui.workspace_settings.stage_delete_dialog import StageDeleteDialog
from ui.workspace_settings.stage_table import NAME, PROBABILITY, ROTTING


@pytest.fixture
def deals_path(tmp_path: Path) -> Path:
    """An English workspace: three deals in the default pipeline's second stage, one in its
    first."""
    path = tmp_path / "pipelines.crm"
    ws = create_workspace(path, "en")
    try:
        stages = ws.pipelines.default().stages
        for n in range(3):
            ws.deals.create(DealDraft(f"Deal {n}", amount=Decimal(100), stage_id=stages[1].id))
        ws.deals.create(DealDraft("Early deal", amount=Decimal(50), stage_id=stages[0].id))
    finally:
        ws.close(backup_if_changed=False)
    return path


@pytest.fixture
def opened(qtbot, window, deals_path):
    """The window on ``deals_path``, and a settings dialog's Pipelines tab attached to it."""
    open_and_wait(qtbot, window, deals_path)
    ws = window.workspace
    dialog = SettingsDialog(ws.settings.all(), "")
    qtbot.addWidget(dialog)
    tab = dialog.pipelines
    tab.attach(window)
    qtbot.waitUntil(lambda: tab.stages.rowCount() > 0)
    tab.keep_alive = dialog  # the tab lives as long as its dialog
    return window, tab


def settle(qtbot, window, tab: PipelinesTab, check) -> None:
    """Wait for the worker, the tab's reload and ``check()``."""
    qtbot.waitUntil(lambda: window.worker.idle and check(), timeout=10_000)


def undo(qtbot, window) -> None:
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)


def watching(window, entities: set[str]) -> list[str]:
    """Keys of the screens a change of ``entities`` refreshes."""
    from desktop_crm.services.common.dto import ChangeResult

    result = ChangeResult(None, entities=frozenset(entities))
    return [key for key, screen in window.screens.items() if screen.watching(result)]


def test_without_a_window_the_tab_shows_nothing_to_change(qtbot, workspace):
    dialog = SettingsDialog(workspace.settings.all(), "")
    qtbot.addWidget(dialog)
    tab = dialog.pipelines
    assert tab.stages.rowCount() == 0
    assert not tab.add_pipeline_button.isEnabled() and not tab.reasons.isEnabled()


def test_the_tab_lists_the_default_pipeline_and_the_lost_reasons(qtbot, opened):
    window, tab = opened
    ws = window.workspace
    default = ws.pipelines.default()
    assert tab.chooser.currentText() == default.name
    shown = [tab.stages.item(r, NAME).text() for r in range(tab.stages.rowCount())]
    assert shown == [s.name for s in default.stages]
    assert tab.stages.item(0, PROBABILITY).text() == f"{default.stages[0].probability} %"
    kinds = [tab.stages.item(r, 4).text() for r in range(tab.stages.rowCount())]
    assert kinds[-2:] == ["Won", "Lost"] and set(kinds[:-2]) == {"Open"}
    assert tab.reasons.reasons() == ws.pipelines.lost_reasons() != []
    assert tab.currency.text() == "" and "CNY" in tab.currency_hint.text()


def test_editing_a_probability_is_one_undoable_step_that_the_deals_take(qtbot, opened):
    window, tab = opened
    ws = window.workspace
    second = ws.pipelines.default().stages[1]
    applied: list[frozenset[str]] = []
    original = window.apply_changes
    window.apply_changes = lambda result: (applied.append(result.entities), original(result))
    tab.stages.commit(1, PROBABILITY, 65)
    settle(qtbot, window, tab, lambda: tab.stages.item(1, PROBABILITY).text() == "65 %")
    assert ws.pipelines.default().stages[1].probability == 65
    probabilities = {d.title: d.probability for d in ws.deals.page()}
    assert probabilities["Deal 0"] == 65 and probabilities["Early deal"] != 65
    assert "stages" in applied[-1] and "deals" in applied[-1]
    assert "pipeline" in watching(window, set(applied[-1]))
    assert window.undo_action.text().endswith(f"Edit stage {second.name}")

    undo(qtbot, window)
    assert ws.pipelines.default().stages[1].probability == second.probability
    assert {d.title: d.probability for d in ws.deals.page()}["Deal 0"] == second.probability


def test_a_name_two_stages_share_is_refused_in_place(qtbot, opened):
    window, tab = opened
    first = tab.stages.stage_at(0)
    second = tab.stages.stage_at(1)
    tab.stages.commit(1, NAME, first.name.upper())
    settle(qtbot, window, tab, lambda: tab.problem.isVisibleTo(tab))
    said = f"Two stages are called “{first.name}”: give each its own name."  # case ignored
    assert tab.problem.text() == said
    assert tab.stages.item(1, NAME).text() == second.name  # the stored name shows again
    assert window.workspace.pipelines.default().stages[1].name == second.name


def test_rotting_days_and_colour_are_saved(qtbot, opened, monkeypatch):
    window, tab = opened
    tab.stages.commit(0, ROTTING, 12)
    settle(qtbot, window, tab, lambda: tab.stages.item(0, ROTTING).text() == "12")
    tab.stages.selectRow(0)
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#12AB34"))
    tab.colour_button.click()
    settle(qtbot, window, tab, lambda: tab.stages.stage_at(0).colour == "#12ab34")
    swatch = tab.stages.item(0, 3).data(Qt.ItemDataRole.DecorationRole)
    assert QColor(swatch).name() == "#12ab34"
    stage = window.workspace.pipelines.default().stages[0]
    assert (stage.rotting_days, stage.colour) == (12, "#12ab34")
    tab.stages.commit(0, ROTTING, 0)  # shown as "Never"
    settle(qtbot, window, tab, lambda: tab.stages.item(0, ROTTING).text() == "Never")
    assert window.workspace.pipelines.default().stages[0].rotting_days is None


def test_moving_a_stage_down_reorders_and_undo_puts_it_back(qtbot, opened):
    window, tab = opened
    ws = window.workspace
    before = [s.name for s in ws.pipelines.default().stages]
    tab.stages.selectRow(0)
    assert not tab.up_button.isEnabled()
    tab.down_button.click()
    expected = [before[1], before[0], *before[2:]]
    settle(qtbot, window, tab, lambda: tab.stages.item(1, NAME).text() == before[0])
    assert [s.name for s in ws.pipelines.default().stages] == expected
    assert tab.stages.selected_stage().name == before[0]  # the moved stage stays selected
    undo(qtbot, window)
    assert [s.name for s in ws.pipelines.default().stages] == before


def test_deleting_a_stage_holding_deals_moves_them_where_the_user_says(qtbot, opened, monkeypatch):
    window, tab = opened
    ws = window.workspace
    stages = ws.pipelines.default().stages
    asked: list[tuple[str, list[str]]] = []

    def fake_exec(dialog: StageDeleteDialog):
        texts = [dialog.targets.item(i).text() for i in range(dialog.targets.count())]
        asked.append((dialog.windowTitle(), texts))
        assert dialog.target_id() == stages[0].id  # the open stage before it, by default
        dialog.targets.setCurrentRow(1)  # the third stage
        return StageDeleteDialog.DialogCode.Accepted

    monkeypatch.setattr(StageDeleteDialog, "exec", fake_exec)
    tab.stages.selectRow(1)
    tab.delete_stage_button.click()
    settle(qtbot, window, tab, lambda: tab.stages.rowCount() == len(stages) - 1)
    assert asked[0][0] == f"Delete stage {stages[1].name}"
    assert (
        asked[0][1][0] == stages[0].name and asked[0][1][-1] == stages[-1].name
    )  # "Lost", not "Lost (lost)"
    where = {d.title: d.stage for d in ws.deals.page()}
    assert [where[f"Deal {n}"] for n in range(3)] == [stages[2].name] * 3
    deal_id = next(d.id for d in ws.deals.page() if d.title == "Deal 0")
    history = [visit.stage for visit in ws.deals.stage_history(deal_id)]
    assert history[-2:] == [stages[1].name, stages[2].name]
    assert tab.stages.selected_stage().id == stages[2].id

    undo(qtbot, window)
    assert [s.name for s in ws.pipelines.default().stages] == [s.name for s in stages]
    assert {d.title: d.stage for d in ws.deals.page()}["Deal 0"] == stages[1].name


def test_a_stage_without_deals_is_deleted_after_a_question(qtbot, opened, monkeypatch):
    window, tab = opened
    ws = window.workspace
    stages = ws.pipelines.default().stages
    empty = next(i for i, s in enumerate(stages) if i > 1 and s.kind == "open")
    questions: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, text, *a, **k: questions.append(text) or QMessageBox.StandardButton.Yes,
    )
    tab.stages.selectRow(empty)
    tab.delete_stage_button.click()
    settle(qtbot, window, tab, lambda: tab.stages.rowCount() == len(stages) - 1)
    assert questions == [f"Delete the stage “{stages[empty].name}”? It holds no deals."]
    tab.stages.selectRow(tab.stages.rowCount() - 1)  # the lost stage stays
    assert not tab.delete_stage_button.isEnabled()


def test_a_stage_is_added_after_the_selected_one_and_a_pipeline_renamed(qtbot, opened, monkeypatch):
    window, tab = opened
    ws = window.workspace
    answers = iter([("Site visit", True), ("Key accounts", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    tab.stages.selectRow(0)
    tab.add_stage_button.click()
    settle(qtbot, window, tab, lambda: tab.stages.item(1, NAME).text() == "Site visit")
    assert tab.stages.selected_stage().name == "Site visit"
    assert ws.pipelines.default().stages[1].name == "Site visit"
    tab.rename_button.click()
    settle(qtbot, window, tab, lambda: tab.chooser.currentText() == "Key accounts")
    assert ws.pipelines.default().name == "Key accounts"
    tab.currency.setText("usd")
    tab.save_currency()
    settle(qtbot, window, tab, lambda: tab.currency.text() == "USD")
    assert ws.pipelines.default().currency == "USD"


def test_lost_reasons_round_trip(qtbot, opened, monkeypatch):
    window, tab = opened
    ws = window.workspace
    start = ws.pipelines.lost_reasons()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Went quiet", True))
    tab.reasons.list.setCurrentRow(len(start) - 1)
    tab.reasons.add_button.click()
    settle(qtbot, window, tab, lambda: tab.reasons.reasons() == [*start, "Went quiet"])
    assert ws.pipelines.lost_reasons() == [*start, "Went quiet"]

    item = tab.reasons.list.item(0)
    item.setText("Price too high")  # as an in-place edit commits
    settle(qtbot, window, tab, lambda: tab.reasons.reasons()[0] == "Price too high")

    tab.reasons.list.setCurrentRow(len(start))  # "Went quiet"
    tab.reasons.up_button.click()
    expected = ["Price too high", *start[1:-1], "Went quiet", start[-1]]
    settle(qtbot, window, tab, lambda: tab.reasons.reasons() == expected)
    assert tab.reasons.list.currentItem().text() == "Went quiet"

    tab.reasons.remove_button.click()
    settle(qtbot, window, tab, lambda: "Went quiet" not in tab.reasons.reasons())
    assert ws.pipelines.lost_reasons() == ["Price too high", *start[1:]]
    for _step in range(4):
        undo(qtbot, window)
    assert ws.pipelines.lost_reasons() == start


def test_moving_deals_to_the_lost_stage_asks_why(qtbot, workspace):
    stages = workspace.pipelines.default().stages
    others = [s for s in stages if s.id != stages[1].id]
    dialog = StageDeleteDialog(stages[1], 1, others, ["No budget", "Too late"])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChildren(QLabel)[0].text().startswith(f"“{stages[1].name}” holds 1 deal")
    assert not dialog.reason.isVisible()
    dialog.targets.setCurrentRow(len(others) - 1)  # the lost stage
    assert dialog.reason.isVisible() and dialog.reason.count() == 2
    dialog.accept()
    assert dialog.isVisible() and dialog.problem.text() == "Say why the deals were lost."
    dialog.reason.setCurrentIndex(1)
    dialog.accept()
    assert dialog.result() == StageDeleteDialog.DialogCode.Accepted
    assert (dialog.target_id(), dialog.lost_reason()) == (stages[-1].id, "Too late")
