"""Fixture-built windows over real workspace files; Qt runs offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ui.main_window import MainWindow
from ui.worker import DbWorker


@pytest.fixture(autouse=True, scope="session")
def _no_real_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A ``QSettings()`` made in a test reads and writes a temporary folder, never the user's."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)


@pytest.fixture(autouse=True, scope="session")
def _freeze_what_earlier_tests_left() -> None:
    """Leave the unit tests' objects out of the UI tests' collections.

    Each UI test ends with a full collection (below). After the unit tests the heap holds ~1.5
    million objects, and scanning them took 1.6–2.6 s per UI test: most of the UI tests' time.
    Frozen once, before the first UI test, they are never scanned (nor freed) again.
    """
    import gc

    gc.collect()
    gc.freeze()


@pytest.fixture(autouse=True)
def _collect_on_gui_thread(qapp, _freeze_what_earlier_tests_left) -> Iterator[None]:
    """As in the app: cycles holding Qt or PDFium objects are never freed on a worker thread.

    Per test, so the unit tests that run after these get Python's own collector back.
    """
    from ui.gui_thread_gc import GuiThreadCollector

    collector = GuiThreadCollector(qapp)
    yield
    collector.stop()
    collector.setParent(None)
    collector.deleteLater()


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test(qapp) -> Iterator[None]:
    """A dialog a test leaves open (window-modal on a card, say) must not steer the next test."""
    yield
    from PySide6.QtWidgets import QDialog

    for widget in qapp.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture
def qt_settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def worker(qtbot) -> Iterator[DbWorker]:
    w = DbWorker()
    yield w
    w.shutdown()


@pytest.fixture
def window(qtbot, worker, qt_settings) -> Iterator[MainWindow]:
    win = MainWindow(worker, qt_settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.workspace is not None:
        win.close()
        qtbot.waitUntil(lambda: win.workspace is None and worker.idle, timeout=20_000)


def open_and_wait(qtbot, win: MainWindow, path: Path, how: str = "open") -> None:
    with qtbot.waitSignal(win.workspaceOpened, timeout=30_000):
        win.open_workspace(path, how)
    qtbot.waitUntil(lambda: win.worker.idle, timeout=20_000)


def type_text(widget, text: str) -> None:
    """Type ``text`` (any script) as key events; QTest.keyClicks only knows ASCII."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A 120-person demo arranged around the real today, which the window's Today uses."""
    from datetime import date

    from desktop_crm.services.demo.demo_data import create_demo_workspace

    path = tmp_path / "demo.crm"
    create_demo_workspace(path, 120, today=date.today()).close(backup_if_changed=False)
    return path
