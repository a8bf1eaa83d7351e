"""The undo history in the user's language: Edit menu, status bar and Settings history."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop_crm.services.contacts.dto import PersonDraft
from desktop_crm.services.workspace.handle import create_workspace
from desktop_crm.store.types import id_bytes
from tests.ui.conftest import open_and_wait
from ui.language import ui_language
from ui.operation_labels import render
from ui.workspace_settings.workspace_view import WorkspaceView


def _edited_zhang_san(path: Path) -> str:
    """A workspace where 张三 was added, then edited; the edit's operation id."""
    ws = create_workspace(path, "zh")
    try:
        pid = ws.people.save(PersonDraft("张三"), today=date.today()).ids[0]
        return ws.people.save(PersonDraft("张三", id=pid, title="经理")).operation_id
    finally:
        ws.close(backup_if_changed=False)


def test_chinese_ui_names_the_edit_in_chinese(qtbot, window, tmp_path):
    from ui.app import install_translator

    path = tmp_path / "zh.crm"
    _edited_zhang_san(path)
    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        assert ui_language() == "zh"  # exports and a new demo follow the words on screen
        open_and_wait(qtbot, window, path)
        qtbot.waitUntil(lambda: window.undo_action.isEnabled())
        assert window.undo_action.text() == "撤销 编辑 张三(&U)"
        window.undo_action.trigger()
        qtbot.waitUntil(lambda: window.redo_action.isEnabled() and window.worker.idle)
        assert window.redo_action.text() == "重做 编辑 张三(&R)"
        assert window.undo_action.text() == "撤销 添加 张三(&U)"
        assert window.statusBar().currentMessage() == "已撤销：编辑 张三"
        history = _recent_via_window(qtbot, window)
        view = WorkspaceView()
        qtbot.addWidget(view)
        view.show_history(history)
        shown = [
            view.history.topLevelItem(i).text(1) for i in range(view.history.topLevelItemCount())
        ]
        assert shown[:2] == ["撤销 编辑 张三", "编辑 张三（已撤销）"]
    finally:
        app.removeTranslator(translator)


def _recent_via_window(qtbot, window):
    """The window's workspace history, read on its worker (the window holds the file)."""
    found: list = []
    ws = window.workspace
    window.worker.submit(lambda: ws.history.recent(3), found.append)
    qtbot.waitUntil(lambda: bool(found))
    return found[0]


def test_an_old_workspace_plain_label_still_shows(qtbot, window, tmp_path):
    path = tmp_path / "old.crm"
    edit_id = _edited_zhang_san(path)
    with sqlite3.connect(path) as db:  # written before labels were codes
        db.execute("UPDATE operations SET label = 'Edit 张三' WHERE id = ?", (id_bytes(edit_id),))
    open_and_wait(qtbot, window, path)
    qtbot.waitUntil(lambda: window.undo_action.isEnabled())
    assert window.undo_action.text() == "&Undo Edit 张三"
    history = _recent_via_window(qtbot, window)
    assert render(history[0].operation_label) == "Edit 张三"
    view = WorkspaceView()
    qtbot.addWidget(view)
    view.show_history(history)
    assert view.history.topLevelItem(0).text(1) == "Edit 张三"
