"""What a new user hit first (issue 10, section 4), each driven as that user would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.conftest import open_and_wait


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time.

    A lock file is held while the workspace is open (it holds the pid meanwhile), so only
    its presence and emptiness count.
    """
    return {
        str(p.relative_to(folder)): (
            p.stat().st_size,
            0 if p.suffix == ".lock" else p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _shown_whole(label) -> bool:
    """Whether a label has the room its whole text needs (wrapped, if it wraps)."""
    if label.wordWrap():
        return label.height() >= label.heightForWidth(label.width())
    return label.width() >= label.sizeHint().width()


def test_screenshot_changes_nothing_on_disk_but_the_png(tmp_path, demo_path):
    home, config, data = tmp_path / "home", tmp_path / "config", tmp_path / "data"
    for folder in (home, config, data):
        folder.mkdir()
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(config),
        "DESKTOP_CRM_DATA_DIR": str(data),
    }
    before = _files(demo_path.parent)
    target = tmp_path / "shots" / "today.png"
    target.parent.mkdir()
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.launcher",
            "--workspace",
            str(demo_path),
            "--screenshot",
            str(target),
            "--size",
            "900x560",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (900, 560)
    # The demo had changes never backed up: a normal close would back them up.
    after = _files(demo_path.parent)
    assert after.pop(str(target.relative_to(demo_path.parent))) is not None
    assert after == before
    assert not (demo_path.parent / "demo-backups").exists()
    assert _files(config) == {}, "no settings written (last workspace, geometry)"
    assert _files(data) == {}, "no log, no default workspace"


def test_double_click_with_nothing_selected_opens_that_rows_card(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 120)
    for row in range(10):
        view.model.data(view.model.index(row, 0))
    qtbot.waitUntil(lambda: view.model.record(5) is not None and window.worker.idle)
    assert view.selected_rows() == [] and not view.bulk_bar.isVisible()
    wanted = view.model.record(5)
    spot = view.table.viewport().mapToGlobal(view.table.visualRect(view.model.index(5, 0)).center())

    # A real double-click: press and release (which selects the row), then the double click.
    viewport = view.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.mapFromGlobal(spot))
    qtbot.wait(50)  # the selection shows the bulk-action bar; the layout settles
    assert view.bulk_bar.isVisible()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.mapFromGlobal(spot))
    qtbot.waitUntil(lambda: bool(window.contacts.cards), timeout=5000)
    assert [c.record_id for c in window.contacts.cards] == [wanted.id]


def test_an_empty_workspace_shows_how_to_start(qtbot, window, workspace, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from ui.contacts.person_editor import PersonEditor
    from ui.imports import file_transfer

    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    today = window.screens["today"]
    assert today.start_panel.isVisibleTo(today) and not today.view.list.isVisibleTo(today)
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.start_panel)

    view.start_panel.add_button.click()
    editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, PersonEditor)]
    assert len(editors) == 1 and editors[0].isVisible() and editors[0].person_id is None
    editors[0].close()
    view.kind_box.setCurrentIndex(view.kind_box.findData("company"))
    qtbot.waitUntil(lambda: view.start_panel.heading.text() == "No companies yet")
    assert view.body.currentWidget() is view.start_panel
    view.kind_box.setCurrentIndex(view.kind_box.findData("person"))
    qtbot.waitUntil(lambda: view.start_panel.heading.text() == "No contacts yet")
    asked: list[object] = []
    monkeypatch.setattr(file_transfer, "choose_import", asked.append)
    today.start_panel.import_button.click()
    assert asked == [window]

    with qtbot.waitSignal(window.workspaceOpened, timeout=60_000) as opened:
        view.start_panel.demo_button.click()
    demo = Path(os.environ["DESKTOP_CRM_DATA_DIR"]) / "demo.crm"
    assert opened.args == [str(demo)] and demo.exists()
    qtbot.waitUntil(lambda: window.worker.idle and view.model.rowCount() > 0, timeout=20_000)
    assert view.body.currentWidget() is view.table
    assert not today.start_panel.isVisibleTo(today) and today.view.list.isVisibleTo(today)


def test_a_filter_that_matches_nothing_is_not_an_empty_workspace(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 120)
    assert view.body.currentWidget() is view.table
    view.search.setText("zzz-no-such-contact")
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.no_match, timeout=3000)
    assert "No contacts match" in view.no_match.label.text()
    view.no_match.clear_button.click()
    qtbot.waitUntil(
        lambda: view.model.rowCount() == 120 and view.body.currentWidget() is view.table
    )
    assert view.search.text() == ""


def test_a_validation_mark_clears_as_soon_as_the_value_is_valid(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    editor = window.edit_contact("person", None)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: window.worker.idle)
    phone = editor.phones.rows[0][1]
    email = editor.emails.rows[0][1]
    phone.setText("12")
    email.setText("li lei@qq.com")
    editor.save()
    qtbot.waitUntil(lambda: bool(editor.problem_label.text()))
    assert [w.property("problem") for w in (editor.name, phone, email)] == [True, True, True]

    editor.name.setText("李雷")  # valid now; the others are still wrong
    qtbot.waitUntil(lambda: editor.name.property("problem") is False, timeout=3000)
    assert phone.property("problem") is True and email.property("problem") is True
    assert "name" not in editor.problem_label.text().lower()
    email.setText("lilei@qq.com")
    qtbot.waitUntil(lambda: email.property("problem") is False, timeout=3000)
    assert phone.property("problem") is True and email.toolTip() == ""
    assert editor.problem_label.text() == "“12” is not a phone number."
    phone.setText("13800138000")
    qtbot.waitUntil(lambda: phone.property("problem") is False, timeout=3000)
    assert editor.problem_label.text() == ""


def test_the_status_bar_is_not_working_while_preferences_are_open(
    qtbot, window, workspace, monkeypatch
):
    from ui.workspace_settings.settings_dialog import SettingsDialog

    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    seen: list[tuple[str, bool]] = []

    def fake_exec(dialog):
        seen.append((window.status.currentMessage(), window.worker.idle))
        return SettingsDialog.DialogCode.Rejected

    monkeypatch.setattr(SettingsDialog, "exec", fake_exec)
    window.screens["settings"].preferences_action.trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [("", True)]


def test_ctrl_z_and_ctrl_shift_z_work_while_a_card_has_the_focus(qtbot, window, demo_path):
    from PySide6.QtWidgets import QApplication

    open_and_wait(qtbot, window, demo_path)
    lists = window.workspace.contact_list
    pid = lists.record_ids(lists.ids(window.contacts_view.current_filter())[:1])[0]
    card = window.open_card("person", pid)
    qtbot.waitUntil(lambda: card.card is not None and window.worker.idle)
    card.activateWindow()
    card.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is card)
    assert window.undo_action.isEnabled() and not window.redo_action.isEnabled()

    qtbot.keyClick(card, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.worker.idle and window.redo_action.isEnabled(), timeout=20_000)
    assert window.status.counts.text().startswith("0 people")
    qtbot.waitUntil(lambda: card.card is None)  # the card says its contact is gone

    qtbot.keyClick(
        card,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(
        lambda: window.worker.idle and not window.redo_action.isEnabled(), timeout=20_000
    )
    assert window.status.counts.text().startswith("120 people")
    qtbot.waitUntil(lambda: card.card is not None and card.card.id == pid)


def test_nothing_is_cut_off_at_the_minimum_window_size(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.resize(window.minimumSize())
    today = window.screens["today"].view
    qtbot.waitUntil(lambda: today.pipeline.text() != "")
    qtbot.wait(50)  # the layout settles
    assert _shown_whole(today.heading) and _shown_whole(today.pipeline)
    # The When column holds its longest text; the row's buttons fit beside the subject.
    from ui.today.today_view import WIDTH_SAMPLE

    tree = today.list
    metrics = tree.fontMetrics()
    rows = [row for section in today.model.sections for row in section.rows[:WIDTH_SAMPLE]]
    widest = max(metrics.horizontalAdvance(row.when) for row in rows)
    assert tree.header().sectionSize(0) >= widest
    row = today.rows("overdue")[0]
    assert today.select(row.key)
    buttons = tree.buttons(tree.today_model.find(row.key))
    assert buttons and buttons[0][1].left() > tree.header().sectionSize(0)
    assert buttons[-1][1].right() <= tree.viewport().width()

    settings = window.screens["settings"]
    window.show_view("settings")
    settings.backup_now()
    view = settings.view
    qtbot.waitUntil(lambda: view.backups.topLevelItemCount() == 1 and window.worker.idle)
    qtbot.waitUntil(lambda: view.history.topLevelItemCount() >= 1)
    for tree in (view.backups, view.history):
        item = tree.topLevelItem(0)
        metrics = tree.fontMetrics()
        for column in (0, 2):  # when, and size / records
            needed = metrics.horizontalAdvance(item.text(column))
            assert tree.header().sectionSize(column) >= needed, item.text(column)
