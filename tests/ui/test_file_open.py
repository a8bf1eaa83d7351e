"""macOS opens a double-clicked workspace with a file-open event, not on the command line.

Synthetic ``QFileOpenEvent``s are sent to the application, as Qt sends them for Apple events.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from desktop_crm.services.workspace.handle import create_workspace
from tests.ui.conftest import open_and_wait
from ui import app as app_module
from ui.app import FileOpenRequests
from ui.first_run import FirstRunDialog
from ui.main_window import MainWindow


@pytest.fixture
def requests(qapp: QApplication) -> Iterator[FileOpenRequests]:
    handler = FileOpenRequests(qapp)
    yield handler
    handler.uninstall()
    handler.setParent(None)
    handler.deleteLater()


def workspace_file(path: Path) -> Path:
    create_workspace(path).close(backup_if_changed=False)
    return path


def send_file_open(event: QFileOpenEvent) -> bool:
    """Deliver ``event`` to the application; whether a filter took it."""
    app = QApplication.instance()
    assert app is not None
    return bool(QApplication.sendEvent(app, event))


def test_a_workspace_asked_for_before_the_window_is_the_start_workspace(
    qtbot, window: MainWindow, qt_settings, requests: FileOpenRequests, tmp_path: Path
) -> None:
    asked = workspace_file(tmp_path / "studio.crm")
    last = workspace_file(tmp_path / "last.crm")
    qt_settings.setValue("workspace/last", str(last))  # what would open otherwise
    assert send_file_open(QFileOpenEvent(str(asked)))
    assert requests.pending == asked
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000) as opened:
        app_module._open_initial(window, qt_settings, None, tmp_path / "default.crm", requests)
    assert opened.args == [str(asked)]
    assert requests.pending is None
    qtbot.waitUntil(lambda: window.worker.idle, timeout=20_000)


def test_a_request_while_running_opens_the_workspace_as_file_open_does(
    qtbot, window: MainWindow, qt_settings, requests: FileOpenRequests, tmp_path: Path
) -> None:
    first = workspace_file(tmp_path / "first.crm")
    second = workspace_file(tmp_path / "second.crm")
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000):
        app_module._open_initial(window, qt_settings, first, None, requests)
    qtbot.waitUntil(lambda: window.worker.idle, timeout=20_000)

    window.hide()  # closed to the tray: the request brings the window back too
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000) as opened:
        assert send_file_open(QFileOpenEvent(QUrl.fromLocalFile(str(second))))
    assert opened.args == [str(second)]
    qtbot.waitUntil(lambda: window.worker.idle, timeout=20_000)
    assert window.workspace is not None and window.workspace.path == second
    assert window.isVisible()
    assert qt_settings.value("workspace/last") == str(second)
    assert second.stem in window.windowTitle()


def test_the_open_workspace_asked_for_again_is_only_brought_to_the_front(
    qtbot, window: MainWindow, requests: FileOpenRequests, tmp_path: Path
) -> None:
    path = workspace_file(tmp_path / "studio.crm")
    open_and_wait(qtbot, window, path)
    requests.attach(window)
    workspace = window.workspace
    opened: list[str] = []
    window.workspaceOpened.connect(opened.append)
    assert send_file_open(QFileOpenEvent(str(path)))
    qtbot.wait(200)
    assert opened == [] and window.workspace is workspace


def test_other_files_are_left_alone(
    qtbot, window: MainWindow, requests: FileOpenRequests, tmp_path: Path
) -> None:
    sheet = tmp_path / "people.xlsx"
    sheet.write_bytes(b"not a workspace")
    assert not send_file_open(QFileOpenEvent(str(sheet)))
    assert requests.pending is None
    requests.attach(window)
    assert not send_file_open(QFileOpenEvent(str(sheet)))
    assert window.workspace is None and window.worker.idle


def test_a_request_answers_the_first_run_question(
    qtbot, window: MainWindow, qt_settings, requests: FileOpenRequests, tmp_path: Path
) -> None:
    asked = workspace_file(tmp_path / "studio.crm")
    default = tmp_path / "data" / "workspace.crm"

    def double_click_while_asking() -> None:
        dialogs = [d for d in window.findChildren(FirstRunDialog) if d.isVisible()]
        if not dialogs:  # the question is not up yet
            QTimer.singleShot(20, double_click_while_asking)
            return
        send_file_open(QFileOpenEvent(str(asked)))

    QTimer.singleShot(20, double_click_while_asking)
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000) as opened:
        # Nothing named, no last workspace, no default file: the first-run question is asked
        # (its exec returns once the request has answered it).
        app_module._open_initial(window, qt_settings, None, default, requests)
    assert opened.args == [str(asked)]
    assert not default.exists()  # neither a demo nor an empty workspace was made
    assert not any(d.isVisible() for d in window.findChildren(FirstRunDialog))
    qtbot.waitUntil(lambda: window.worker.idle, timeout=20_000)


def test_after_uninstall_the_app_no_longer_takes_file_open_events(
    qapp: QApplication, tmp_path: Path
) -> None:
    handler = FileOpenRequests(qapp)
    handler.uninstall()
    assert not send_file_open(QFileOpenEvent(str(tmp_path / "studio.crm")))
    assert handler.pending is None
