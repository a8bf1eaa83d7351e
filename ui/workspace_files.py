"""Choosing workspace files: new, open, demo (File menu), and a damaged one's newest backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_crm.domain.errors import CrmError
from ui.messages import error_text
from ui.shell import Shell


def workspace_menu_items(shell: Shell) -> list[QAction]:
    """File > New Workspace…, Open Workspace… and Open Demo Workspace…."""
    items = (
        (
            QCoreApplication.translate("MainWindow", "&New Workspace…"),
            lambda: create_as(shell, "new"),
            QKeySequence(QKeySequence.StandardKey.New),
        ),
        (
            QCoreApplication.translate("MainWindow", "&Open Workspace…"),
            lambda: choose_workspace(shell),
            QKeySequence(QKeySequence.StandardKey.Open),
        ),
        (
            QCoreApplication.translate("MainWindow", "Open &Demo Workspace…"),
            lambda: create_as(shell, "demo"),
            None,
        ),
    )
    actions = []
    for text, slot, shortcut in items:
        action = QAction(text, shell)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False, s=slot: s())
        actions.append(action)
    return actions


def create_as(shell: Shell, how: str) -> None:
    """Ask for a new file name, then create an empty (``new``) or ``demo`` workspace there."""
    if how == "demo":
        title = QCoreApplication.translate("MainWindow", "Demo Workspace")
    else:
        title = QCoreApplication.translate("MainWindow", "New Workspace")
    name, _f = QFileDialog.getSaveFileName(
        shell,
        title,
        str(Path.home() / f"{'demo' if how == 'demo' else 'workspace'}.crm"),
        QCoreApplication.translate("MainWindow", "Desktop CRM workspaces (*.crm)"),
    )
    if name:
        shell.open_workspace(Path(name), how)


def choose_workspace(shell: Shell) -> None:
    """Ask for a workspace file and open it."""
    name, _f = QFileDialog.getOpenFileName(
        shell,
        QCoreApplication.translate("MainWindow", "Open Workspace"),
        str(Path.home()),
        QCoreApplication.translate("MainWindow", "Desktop CRM workspaces (*.crm);;All files (*)"),
    )
    if name:
        shell.open_workspace(Path(name))


def offer_backup_of_damaged(shell: Shell, exc: BaseException) -> bool:
    """If ``exc`` says the workspace is damaged and has a good backup, offer to restore it.

    Returns:
        Whether the error was handled here.
    """
    if not (
        isinstance(exc, CrmError) and exc.code == "workspace.damaged" and exc.params.get("backup")
    ):
        return False
    answer = QMessageBox.question(
        shell,
        QCoreApplication.translate("MainWindow", "Damaged workspace"),
        error_text(exc)
        + "\n\n"
        + QCoreApplication.translate(
            "MainWindow",
            "Restore the newest good backup? The damaged file is kept beside it, renamed.",
        ),
    )
    if answer == QMessageBox.StandardButton.Yes:
        shell.restore(Path(exc.params["path"]), Path(exc.params["backup"]))
    return True


def offer_another_workspace(shell: Shell, exc: BaseException) -> bool:
    """If ``exc`` says the file is missing, in use or not a workspace, offer a way on.

    A missing file can be created; any of them can be swapped for another file. Never leaves
    the user at an empty window without a choice.

    Returns:
        Whether the error was handled here.
    """
    code = exc.code if isinstance(exc, CrmError) else ""
    if code not in ("workspace.missing", "workspace.locked", "workspace.foreign"):
        return False
    box = QMessageBox(QMessageBox.Icon.Question, shell.windowTitle(), error_text(exc), parent=shell)
    create = None
    if code == "workspace.missing":
        create = box.addButton(
            QCoreApplication.translate("MainWindow", "Create It"),
            QMessageBox.ButtonRole.AcceptRole,
        )
    other = box.addButton(
        QCoreApplication.translate("MainWindow", "Open Another…"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    path = Path(str(exc.params.get("path", ""))) if isinstance(exc, CrmError) else None
    if create is not None and box.clickedButton() is create and path is not None:
        shell.open_workspace(path, "new")
    elif box.clickedButton() is other:
        choose_workspace(shell)
    return True
