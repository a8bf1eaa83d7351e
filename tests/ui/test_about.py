"""Help > About Desktop CRM: versions, licences, and the folders the user's files are in."""

from __future__ import annotations

import platform
from pathlib import Path

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop_crm import __version__
from tests.ui.conftest import open_and_wait
from ui.about import about_dialog
from ui.about.about_dialog import AboutDialog
from ui.about.licences_dialog import LicencesDialog
from ui.main_window import MainWindow


def open_about(qtbot, window: MainWindow) -> AboutDialog:
    action = window.findChild(QAction, "helpAbout")
    assert action is not None and action.text() == "&About Desktop CRM"
    action.trigger()

    def shown() -> list[AboutDialog]:
        return [w for w in window.findChildren(AboutDialog) if w.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def shown_text(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_names_the_version_runtime_and_licence(qtbot, window: MainWindow) -> None:
    dialog = open_about(qtbot, window)
    text = shown_text(dialog)
    assert f"Version {__version__}" in text
    assert f"Python {platform.python_version()}, Qt {qVersion()}, PySide6" in text
    assert "MIT licence" in text and "Copyright (c) 2026 Desktop CRM contributors" in text
    icon = dialog.findChildren(QLabel)[0].pixmap()
    assert not icon.isNull() and icon.width() == 64
    assert not dialog.isModal()  # the window stays usable; support may read it off the screen
    dialog.close()


def test_without_a_workspace_the_backups_folder_cannot_be_opened(
    qtbot, window: MainWindow, user_data_dir: Path
) -> None:
    dialog = open_about(qtbot, window)
    assert dialog.paths["data"].text() == str(user_data_dir)
    assert dialog.paths["log"].text() == str(user_data_dir / "logs" / "desktop-crm.log")
    assert dialog.paths["backups"].text() == "No workspace is open."
    assert not dialog.open_buttons["backups"].isEnabled()
    assert dialog.open_buttons["data"].isEnabled() and dialog.open_buttons["log"].isEnabled()
    assert dialog.paths["data"].isReadOnly()
    dialog.close()


def test_the_backups_folder_is_where_backups_are_written_and_opens(
    qtbot, window: MainWindow, ws_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, ws_path, "new")
    ws = window.workspace
    assert ws is not None
    before = open_about(qtbot, window)
    folder = Path(before.paths["backups"].text())
    assert not folder.exists()  # no backup yet: nothing to open, and the tooltip says why
    assert not before.open_buttons["backups"].isEnabled()
    assert "first needed" in before.open_buttons["backups"].toolTip()
    before.close()

    made: list[Path] = []
    window.worker.submit(
        lambda: ws.backups.backup_now("manual"), lambda info: made.append(info.path)
    )
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    assert made[0].parent == folder  # the folder shown is the one the backup went into

    opened: list[Path] = []
    monkeypatch.setattr(about_dialog, "open_folder", lambda f: opened.append(f) or True)
    after = open_about(qtbot, window)
    assert after.paths["backups"].text() == str(folder)
    assert after.open_buttons["backups"].isEnabled()
    after.open_buttons["backups"].click()
    after.open_buttons["log"].click()
    assert opened == [folder, Path(after.paths["log"].text()).parent]
    after.close()


def test_a_folder_the_system_cannot_open_is_reported(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(about_dialog, "open_folder", lambda f: False)
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: warnings.append(text))
    )
    dialog = open_about(qtbot, window)
    dialog.open_buttons["data"].click()
    assert warnings == [f"Could not open {dialog.paths['data'].text()}."]
    dialog.close()


def test_copy_details_puts_everything_support_needs_on_the_clipboard(
    qtbot, window: MainWindow, demo_path: Path, user_data_dir: Path
) -> None:
    open_and_wait(qtbot, window, demo_path)
    dialog = open_about(qtbot, window)
    QGuiApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert dialog.copy_button.text() == "Copied"
    lines = copied.splitlines()
    assert lines[0] == f"Desktop CRM {__version__} (source checkout)"
    assert lines[1] == f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 " + (
        __import__("PySide6").__version__
    )
    assert lines[2].startswith("System: ") and len(lines[2]) > len("System: ")
    assert lines[3:] == [
        f"Workspace: {demo_path}",
        f"Data folder: {user_data_dir}",
        f"Backups folder: {demo_path.with_name('demo-backups')}",
        f"Log file: {user_data_dir / 'logs' / 'desktop-crm.log'}",
    ]
    qtbot.waitUntil(lambda: dialog.copy_button.text() == "Copy Details", timeout=5000)
    dialog.close()


def test_licences_show_the_apps_licence_and_the_third_party_notices(
    qtbot, window: MainWindow
) -> None:
    dialog = open_about(qtbot, window)
    dialog.licences_button.click()
    licences = dialog.findChild(LicencesDialog)
    assert licences is not None and licences.isVisible()
    licence = licences.licence.toPlainText()
    assert licence.startswith("MIT License")
    assert "Copyright (c) 2026 Desktop CRM contributors" in licence
    notices = licences.notices.toPlainText()
    for name in ("PySide6", "psycopg", "WenQuanYi Micro Hei", "Lucide", "PDFium", "libpq"):
        assert name in notices, name
    assert "|" not in notices  # Markdown tables are rendered as tables, not shown as text
    assert licences.tabs.count() == 2
    licences.close()
    dialog.close()


def test_a_missing_licence_file_is_said_to_be_missing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    import sys

    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    dialog = LicencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.licence.toPlainText() == "This file is missing from the installation."
