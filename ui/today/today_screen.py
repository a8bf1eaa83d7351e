"""The Today screen as the main window sees it: loaded on the worker, refreshed on change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QVBoxLayout

from ui.empty_state import StartPanel, wire_start_panel
from ui.screen import Screen
from ui.today.today_view import TodayView

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.today.dto import WorkspaceInfo
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class TodayScreen(Screen):
    """Follow-ups due and overdue, customers gone quiet, the open pipeline."""

    key = "today"
    icon_name = "today"
    watches: ClassVar[frozenset[str]] = frozenset(
        {
            "activities",
            "people",
            "companies",
            "deals",
            "settings",
            # overdue contract instalments
            "contracts",
            "payment_plans",
            "payments",
        }
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.view = TodayView()
        self.view.contractActivated.connect(self._open_contract)
        self._layout.addWidget(self.view, 1)
        # While the workspace holds no contacts, how to start takes the list's place.
        self.start_panel = StartPanel()
        self.start_panel.hide()
        self._layout.addWidget(self.start_panel)
        wire_start_panel(shell, self.start_panel, self._add_contact)

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

    def _open_contract(self, contract_id: str) -> None:
        """Show the contract an overdue payment row belongs to, on the Contracts screen."""
        self.shell.show_view("contracts")
        # Through the window's screens, so Today does not depend on the Contracts package.
        screen = getattr(self.shell, "screens", {}).get("contracts")
        select = getattr(screen, "select_contract", None)
        if callable(select):
            select(contract_id)

    def _load(self, ws: Workspace) -> None:
        today = date.today()
        self.shell.worker.read(lambda: ws.reads.today.summary(today), self.view.show_summary)
        self.shell.worker.read(ws.reads.today.info, self._show_start)

    def _show_start(self, info: WorkspaceInfo) -> None:
        """Offer how to start while there are no contacts (after the summary is shown)."""
        empty = info.people == 0 and info.companies == 0
        self.start_panel.setVisible(empty)
        self.view.list.setVisible(not empty)
        if empty:
            self.view.empty.hide()
        self._layout.setStretchFactor(self.view, 0 if empty else 1)
        self._layout.setStretchFactor(self.start_panel, 1 if empty else 0)

    def _add_contact(self) -> None:
        """Open the editor for a new person."""
        self.shell.edit_contact("person", None)
