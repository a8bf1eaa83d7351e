"""The app shell driven as a user would: keyboard, sidebar, undo, search, settings."""

from __future__ import annotations

import subprocess
import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.domain.errors import WorkspaceLockedError
from desktop_crm.services.workspace.handle import open_workspace
from desktop_crm.store import backup
from tests import drafts
from tests.ui.conftest import open_and_wait, type_text
from ui.screens import SCREEN_KEYS
from ui.workspace_settings.settings_dialog import SettingsDialog


def test_today_view_shows_the_demo_figures(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    today = window.screens["today"].view
    totals = {section.key: section.total for section in today.model.sections}
    assert totals["overdue"] > 0 and totals["next_7_days"] > 0
    assert today.rows("overdue") and today.list.model().rowCount() == 8
    qtbot.waitUntil(lambda: today.pipeline.text().startswith("Open pipeline: "))
    assert "120 people" in window.status.counts.text()
    assert window.windowTitle().startswith("demo")
    assert window.undo_action.isEnabled() and "Create demo data" in window.undo_action.text()


def test_sidebar_and_shortcuts_switch_screens(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    assert window.sidebar.count() == len(SCREEN_KEYS) == 10  # Conflicts last: no Ctrl+digit
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "contacts"
    assert window.stack.currentWidget() is window.contacts
    qtbot.waitUntil(lambda: window.contacts_view.count_label.text() == "120 people")
    qtbot.keyClick(window, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() == "settings"
    qtbot.waitUntil(lambda: window.screens["settings"].view.history.topLevelItemCount() >= 2)


def test_ctrl_z_undoes_and_ctrl_shift_z_redoes(qtbot, window, workspace):
    path = workspace.path
    workspace.people.save(drafts.person("王芳"))
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    assert "Add 王芳" in window.undo_action.text()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.worker.idle and window.redo_action.isEnabled())
    assert window.status.counts.text().startswith("0 people")
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: window.worker.idle and window.status.counts.text().startswith("1 people")
    )
    assert not window.redo_action.isEnabled()


def test_global_search_is_keyboard_only(qtbot, window, workspace):
    path = workspace.path
    workspace.people.save(drafts.person("张三", emails=(("work", "zs@studio.cn"),)))
    workspace.people.save_company(drafts.company("张氏设计工作室"))
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    type_text(window.search, "张")
    qtbot.waitUntil(lambda: window.search.popup.count() == 2, timeout=5000)
    assert "张三" in window.search.popup.item(0).text()
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.search.popup.currentRow() == 1
    with qtbot.waitSignal(window.search.hitChosen) as chosen:
        qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert chosen.args[0].kind == "company"
    assert [c.record_id for c in window.contacts.cards] == [chosen.args[0].id]  # its card opened
    qtbot.waitUntil(lambda: window.contacts.cards[0].card is not None)
    assert window.contacts.cards[0].card.name == "张氏设计工作室"


def test_database_work_runs_off_the_gui_thread(qtbot, worker):
    seen = []
    worker.submit(lambda: threading.current_thread().name, seen.append)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == ["db-worker"] and threading.current_thread().name == "MainThread"


def test_worker_delivers_errors_to_the_gui(qtbot, worker):
    with qtbot.waitSignal(worker.failed) as failed:
        worker.submit(lambda: 1 / 0)
    assert isinstance(failed.args[0], ZeroDivisionError)


def _answer_with(monkeypatch, text):
    """Make every QMessageBox.exec click the button labelled ``text``; record what was asked."""
    asked = []

    def exec_(box):
        asked.append((box.text(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == text).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def test_locked_workspace_offers_another_file_and_is_not_written(
    qtbot, window, workspace, monkeypatch
):
    asked = _answer_with(monkeypatch, "Open Another…")
    chooser = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: chooser.append(1) or ("", "")
    )
    before = workspace.path.read_bytes()
    with qtbot.waitSignal(window.openFailed, timeout=10_000) as failed:
        window.open_workspace(workspace.path)
    assert isinstance(failed.args[0], WorkspaceLockedError)
    assert "Open Another…" in asked[0][1] and "Create It" not in asked[0][1]
    qtbot.waitUntil(lambda: chooser == [1])  # the file chooser was offered
    assert window.workspace is None and workspace.path.read_bytes() == before


def test_a_missing_workspace_can_be_created_instead_of_an_empty_window(
    qtbot, window, monkeypatch, tmp_path
):
    asked = _answer_with(monkeypatch, "Create It")
    missing = tmp_path / "nowhere" / "studio.crm"
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_workspace(missing)
    assert "studio.crm" in asked[0][0]
    assert window.workspace is not None and missing.exists()


def test_damaged_workspace_offers_the_newest_backup(qtbot, window, ws_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(ws_path)
    ws.people.save(drafts.person("Kept"))
    ws.backups.backup_now()
    ws.close(backup_if_changed=False)
    with open(ws_path, "r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 8192)
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000):
        window.open_workspace(ws_path)
    qtbot.waitUntil(lambda: window.worker.idle)
    assert asked and "damaged" in asked[0][2]
    assert window.status.counts.text().startswith("1 people")
    assert list(ws_path.parent.glob("studio.crm.damaged-*"))


def test_closing_the_window_backs_up_changes_and_releases_the_file(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    window.close()
    qtbot.waitUntil(lambda: window.workspace is None and window.worker.idle, timeout=20_000)
    assert [b.reason for b in backup.list_backups(path)] == ["close"]
    open_workspace(path).close(backup_if_changed=False)  # the lock was released


def test_settings_dialog_returns_only_changed_values(qtbot, workspace):
    dialog = SettingsDialog(workspace.settings.all(), "")
    qtbot.addWidget(dialog)
    dialog.keep["backup.keep_recent"].setValue(4)
    dialog.patterns["quote"].setText("BJ-{yy}-{seq:3}")
    dialog.language_box.setCurrentIndex(dialog.language_box.findData("zh_CN"))
    assert dialog.workspace_values() == {
        "backup.keep_recent": 4,
        "numbering.quote": "BJ-{yy}-{seq:3}",
    }
    assert dialog.language() == "zh_CN"


def test_settings_are_saved_through_the_dialog(qtbot, window, workspace, monkeypatch):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)

    def fake_exec(dialog):
        dialog.keep["backup.keep_weekly"].setValue(3)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and "Change settings" in window.undo_action.text())
    assert window.workspace.settings.get("backup.keep_weekly") == 3


def test_first_run_can_open_the_demo(qtbot, window, qt_settings, tmp_path, monkeypatch):
    from ui import app
    from ui.first_run import FirstRunDialog

    def pick_demo(dialog):
        dialog.choice = "demo"
        return 1

    monkeypatch.setattr(FirstRunDialog, "exec", pick_demo)
    with qtbot.waitSignal(window.workspaceOpened, timeout=60_000):
        app._open_initial(window, qt_settings, None, default=tmp_path / "ws" / "workspace.crm")
    qtbot.waitUntil(lambda: window.worker.idle, timeout=20_000)
    assert (tmp_path / "ws" / "demo.crm").exists()
    assert qt_settings.value("workspace/last") == str(tmp_path / "ws" / "demo.crm")
    assert "people" in window.status.counts.text()


def test_screenshot_command_renders_a_png(tmp_path, demo_path):
    target = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.launcher",
            "--workspace",
            str(demo_path),
            "--screenshot",
            str(target),
            "--view",
            "today",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(target))
    assert image.width() >= 900 and image.height() >= 560
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.launcher",
            "--workspace",
            str(tmp_path / "none.crm"),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "no workspace" in proc.stderr.lower()
    assert "Traceback" not in proc.stderr


def test_simplified_chinese_translation_is_complete_and_loads(qtbot, worker, qt_settings):
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QApplication

    from ui.app import TRANSLATIONS, install_translator
    from ui.main_window import MainWindow

    ts = ET.parse(TRANSLATIONS / "desktop_crm_zh_CN.ts")
    unfinished = [
        m.find("source").text
        for m in ts.iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == []
    app = QApplication.instance()
    translator = install_translator(app, "zh_CN")
    assert translator is not None
    try:
        win = MainWindow(worker, qt_settings)
        qtbot.addWidget(win)
        titles = [win.sidebar.item(i).text() for i in range(win.sidebar.count())]
        assert titles[:4] == ["今天", "联系人", "公海", "销售漏斗"]
        assert win.undo_action.text() == "撤销(&U)"
    finally:
        app.removeTranslator(translator)
    assert install_translator(app, "en") is None
