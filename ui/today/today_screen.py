"""The Today screen as the main window sees it: loaded on the worker, refreshed on change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QVBoxLayout

from ui.screen import Screen
from ui.today.today_view import TodayView

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class TodayScreen(Screen):
    """Follow-ups due and overdue, customers gone quiet, the open pipeline."""

    key = "today"
    icon_name = "today"
    watches: ClassVar[frozenset[str]] = frozenset(
        {"activities", "people", "companies", "deals", "settings"}
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = TodayView()
        layout.addWidget(self.view)

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Today")

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Load today's figures."""
        if workspace is not None:
            self._load(workspace)

    def changed(self, changes: ChangeResult) -> None:
        """Reload the figures."""
        if self.shell.workspace is not None:
            self._load(self.shell.workspace)

    def _load(self, ws: Workspace) -> None:
        today = date.today()
        self.shell.worker.submit(lambda: ws.today.summary(today), self.view.show_summary)
