"""The Pipeline screen's board: columns with figures, drag and drop, Won / Lost, keys, undo."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QInputDialog

from tests.ui.conftest import open_and_wait
from ui.pipeline.board_column import ColumnView
from ui.pipeline.card_model import card_mime
from ui.pipeline.pipeline_screen import PipelineScreen


@pytest.fixture
def board(qtbot: Any, window: Any, demo_path: Any) -> PipelineScreen:
    open_and_wait(qtbot, window, demo_path)
    window.show_view("pipeline")
    screen = window.screens["pipeline"]
    assert isinstance(screen, PipelineScreen)
    qtbot.waitUntil(lambda: screen.board_data is not None and window.worker.idle, timeout=10_000)
    return screen


def settle(qtbot: Any, window: Any, screen: PipelineScreen, before: Any) -> None:
    """Wait for the change and the board read after it."""
    qtbot.waitUntil(lambda: window.worker.idle and screen.board_data is not before, timeout=10_000)
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)


def columns(screen: PipelineScreen) -> list[ColumnView]:
    return [screen.board.columns[stage_id] for stage_id in screen.board.order]


def stage_of(window: Any, deal_id: str) -> str:
    return window.workspace.deals.summary(deal_id).stage


def drop_on(widget: Any, deal_id: str, point: QPoint) -> None:
    """A real drop as Qt delivers it: enter, move, drop, with a card's payload."""
    mime = card_mime(deal_id)
    action = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(widget, QDragEnterEvent(point, action, mime, buttons, mods))
    QApplication.sendEvent(widget, QDragMoveEvent(point, action, mime, buttons, mods))
    QApplication.sendEvent(widget, QDropEvent(QPointF(point), action, mime, buttons, mods))


def test_columns_show_the_open_stages_with_counts_and_sums(board, window):
    data = board.board_data
    assert data is not None
    open_columns = [c for c in data.columns if c.kind == "open"]
    views = columns(board)
    assert [v.stage_id for v in views] == [c.stage_id for c in open_columns]
    for view, column in zip(views, open_columns, strict=True):
        assert view.model.rowCount() == column.count == len(column.cards)
        assert column.name in view.heading.text() and str(column.count) in view.heading.text()
        weighted = sum(
            (c.amount * c.probability / 100 for c in column.cards if c.currency == data.currency),
            start=Decimal(0),
        )
        assert column.weighted == weighted
    assert f"{sum(c.count for c in open_columns)} open deals" in board.summary.text()


def test_dragging_a_card_to_the_next_stage_moves_it_once_and_undo_takes_it_back(
    board, window, qtbot
):
    first, second = columns(board)[:2]
    card = first.model.cards[0]
    before = stage_of(window, card.id)
    target = second.list.viewport()
    data = board.board_data
    drop_on(target, card.id, QPoint(20, target.height() - 5))  # below the last card: last
    settle(qtbot, window, board, data)
    moved = window.workspace.deals.summary(card.id)
    assert moved.stage != before
    assert second.model.cards[-1].id == card.id and card.id not in [c.id for c in first.model.cards]
    history = window.workspace.deals.stage_history(card.id)
    assert history[-1].stage == moved.stage and history[-1].left is None
    assert "Move" in window.undo_action.text() or "移" in window.undo_action.text()
    data = board.board_data
    window.undo_action.trigger()
    settle(qtbot, window, board, data)
    assert stage_of(window, card.id) == before
    assert card.id in [c.id for c in first.model.cards]


def test_dropping_onto_a_card_places_it_before_that_one(board, window, qtbot):
    column = columns(board)[0]
    if column.model.rowCount() < 3:
        pytest.skip("the demo's first column is too short")
    last, second = column.model.cards[-1], column.model.cards[1]
    rect = column.list.visualRect(column.model.index(1))
    data = board.board_data
    drop_on(column.list.viewport(), last.id, rect.center())
    settle(qtbot, window, board, data)
    ids = [c.id for c in column.model.cards]
    assert ids.index(last.id) == ids.index(second.id) - 1


def test_lost_asks_the_reason_and_won_closes(board, window, qtbot, monkeypatch):
    column = columns(board)[0]
    lost, won = column.model.cards[0], column.model.cards[1]
    asked: list[list[str]] = []

    def get_item(_parent, _title, _label, items, *_rest):
        asked.append(list(items))
        return "预算不足", True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    data = board.board_data
    drop_on(board.board.lost, lost.id, QPoint(10, 10))
    settle(qtbot, window, board, data)
    assert asked and asked[0] == window.workspace.pipelines.lost_reasons()
    closed = window.workspace.deals.summary(lost.id)
    assert closed.status == "lost"
    data = board.board_data
    drop_on(board.board.won, won.id, QPoint(10, 10))
    settle(qtbot, window, board, data)
    assert window.workspace.deals.summary(won.id).status == "won"
    assert lost.id not in [c.id for v in columns(board) for c in v.model.cards]


def test_ctrl_right_moves_the_current_card_to_the_next_stage(board, window, qtbot):
    first, second = columns(board)[:2]
    card = first.model.cards[0]
    board.board.select(card.id)
    data = board.board_data
    qtbot.keyClick(first.list, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, window, board, data)
    assert card.id in [c.id for c in second.model.cards]
    assert second.current() is not None and second.current().id == card.id  # still current


def test_the_text_filter_narrows_the_cards(board, window, qtbot):
    card = columns(board)[0].model.cards[0]
    data = board.board_data
    board.search.setText(card.title)
    settle(qtbot, window, board, data)
    shown = [c for v in columns(board) for c in v.model.cards]
    assert shown and all(card.title.casefold() in c.title.casefold() for c in shown)


def test_the_list_tab_lists_the_deals_and_new_deal_starts_in_the_first_stage(board, window, qtbot):
    from ui.deals.deal_editor import DealEditor

    board.tabs.setCurrentWidget(board.deals_list)
    total = window.workspace.deals.count()
    qtbot.waitUntil(lambda: board.deals_list.model.rowCount() == total, timeout=10_000)
    board.tabs.setCurrentWidget(board.board_page)
    board.new_button.click()
    [editor] = [e for e in window.findChildren(DealEditor) if e.isVisible()]
    first_open = next(s for s in window.workspace.pipelines.default().stages if s.kind == "open")
    qtbot.waitUntil(lambda: editor.form.stage.currentData() == first_open.id, timeout=10_000)
    editor.reject()


def test_the_tag_filter_shows_the_deals_of_tagged_customers(board, window, qtbot):
    from desktop_crm.services.deals.dto import BoardFilter

    qtbot.waitUntil(lambda: board.tag_box.count() > 1, timeout=10_000)
    pipeline_id = board.pipeline_box.currentData()

    def open_cards(tag_id: str) -> set[str]:
        found = window.workspace.deals.board(pipeline_id, BoardFilter(tag_id=tag_id))
        return {c.id for col in found.columns if col.kind == "open" for c in col.cards}

    # A tag whose customers have open deals (some tags' deals are all closed).
    index = next(
        i for i in range(1, board.tag_box.count()) if open_cards(board.tag_box.itemData(i))
    )
    wanted = open_cards(board.tag_box.itemData(index))
    data = board.board_data
    board.tag_box.setCurrentIndex(index)
    settle(qtbot, window, board, data)
    shown = {c.id for v in columns(board) for c in v.model.cards}
    assert shown == wanted
    assert 0 < len(shown) < sum(c.count for c in data.columns if c.kind == "open")
