"""The status bar: the workspace file, its headline counts, and "Working…" while a job runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

if TYPE_CHECKING:
    from desktop_crm.services.today.dto import WorkspaceInfo


class StatusBar(QStatusBar):
    """Where the workspace is, how much it holds, and whether the worker is busy."""

    def __init__(self) -> None:
        super().__init__()
        self.path = QLabel()
        self.counts = QLabel()
        self.addWidget(self.path, 1)
        self.addPermanentWidget(self.counts)

    def show_workspace(self, path: str) -> None:
        """Show the open workspace's file."""
        self.path.setText(path)
        self.clearMessage()

    def show_counts(self, info: WorkspaceInfo) -> None:
        """Show how many people, companies and open deals the workspace holds."""
        parts = (
            self.tr("%Ln people", "", info.people),
            self.tr("%Ln companies", "", info.companies),
            self.tr("%Ln open deals", "", info.open_deals),
        )
        self.counts.setText(" · ".join(parts))

    def set_busy(self, busy: bool) -> None:
        """Say "Working…" while the worker runs a job the user waits for."""
        working = QCoreApplication.translate("MainWindow", "Working…")
        if busy:
            self.showMessage(working)
        elif self.currentMessage() == working:
            self.clearMessage()
