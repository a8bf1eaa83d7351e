"""The screens of later releases: each says what it will hold and what the workspace has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout

from ui.placeholders.placeholder_view import PlaceholderView
from ui.screen import Screen

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.today.dto import WorkspaceInfo
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class PlaceholderScreen(Screen):
    """A screen that is not built yet: its purpose and a line of figures."""

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = PlaceholderView(self.title(), self.description())
        layout.addWidget(self.view)

    def description(self) -> str:
        """What the screen will hold."""
        raise NotImplementedError

    def figures(self, info: WorkspaceInfo) -> str:
        """A line about what the workspace already has for this screen ("" for none)."""
        return ""

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show the figures of the opened workspace (screens with figures only)."""
        if workspace is not None and type(self).figures is not PlaceholderScreen.figures:
            self.shell.worker.read(workspace.reads.today.info, self._show, background=True)

    def changed(self, changes: ChangeResult) -> None:
        """Show the figures again."""
        self.set_workspace(self.shell.workspace)

    def _show(self, info: WorkspaceInfo) -> None:
        self.view.set_figures(self.figures(info))

