"""The status bar's team indicator: Synced / Syncing… / Offline / N conflicts / Changes waiting.

Hidden while the workspace works alone. The tooltip names the hub, the member and the last
sync in local time; with conflicts waiting, a click opens the Conflicts screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QToolButton, QWidget

from ui.icons import icon
from ui.team.sync_state import SyncView
from ui.team.texts import moment_text
from ui.text_fill import fill
from ui.translation_context import TranslationContext

STATE_COLOURS = {"offline": "#8a8a8a", "refused": "#c62828", "conflicts": "#b26a00"}
STATE_ICONS = {
    "syncing": "sync_running",
    "synced": "sync_ok",
    "pending": "sync_pending",
    "conflicts": "sync_problem",
    "refused": "sync_problem",
    "offline": "sync_offline",
}


class SyncTexts(TranslationContext):
    """Translation context of the sync state's words (the indicator's and the Team tab's)."""


def state_text(view: SyncView) -> str:
    """The few words on the button."""
    state = view.state
    if state == "syncing":
        return SyncTexts.tr("Syncing…")
    if state == "refused":
        return SyncTexts.tr("Sync refused")
    if state == "offline":
        return SyncTexts.tr("Offline")
    if state == "conflicts":
        return SyncTexts.tr("%n conflict(s)", "", view.conflicts)
    if state == "pending":
        return SyncTexts.tr("Changes waiting")
    if view.last_sync is None:
        return SyncTexts.tr("Synced")
    return fill(SyncTexts.tr("Synced %1"), moment_text(view.last_sync))


def tooltip_text(view: SyncView) -> str:
    """The hub, the member, the last sync, what waits, and why it was refused."""
    lines = [fill(SyncTexts.tr("Team hub: %1 as %2"), view.url or "", view.user or "")]
    if view.last_sync is None:
        lines.append(SyncTexts.tr("Not synced yet"))
    else:
        lines.append(fill(SyncTexts.tr("Last sync: %1"), moment_text(view.last_sync)))
    if view.pending:
        lines.append(SyncTexts.tr("%n change(s) waiting to be sent", "", view.pending))
    if view.conflicts:
        lines.append(
            SyncTexts.tr("%n conflict(s) to decide: click to see them", "", view.conflicts)
        )
    if view.state == "offline":
        lines.append(SyncTexts.tr("The hub cannot be reached; changes are sent when it can be."))
    if view.message:
        lines.append(view.message)
    return "\n".join(lines)


class SyncIndicator(QToolButton):
    """Shows a :class:`SyncView` in a few words.

    Signals:
        conflictsRequested: Clicked while conflicts wait (show the Conflicts screen).
    """

    conflictsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncIndicator")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setIconSize(QSize(16, 16))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view = SyncView()
        self.clicked.connect(self._clicked)
        self.hide()

    def show_view(self, view: SyncView) -> None:
        """Show ``view`` (hidden when the workspace is not joined)."""
        self.view = view
        if not view.joined:
            self.hide()
            return
        self.setText(state_text(view))
        self.setIcon(icon(STATE_ICONS.get(view.state, "sync_ok")))
        self.setToolTip(tooltip_text(view))
        colour = STATE_COLOURS.get(view.state)
        self.setStyleSheet(f"QToolButton {{ color: {colour}; }}" if colour else "")
        clickable = view.conflicts > 0
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        self.show()

    def _clicked(self) -> None:
        if self.view.conflicts > 0:
            self.conflictsRequested.emit()
