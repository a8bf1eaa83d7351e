"""Planning and acting on follow-ups: the dialogs, and the actions every screen shares.

Screens, cards and Today act on a follow-up through :func:`follow_up_actions` (one
:class:`FollowUpActions` per main window). The main window's reminder hooks call
:func:`open_follow_up` and :func:`plan_follow_up`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.followups.actions import FollowUpActions, follow_up_actions

if TYPE_CHECKING:
    from ui.shell import Shell

__all__ = ["FollowUpActions", "follow_up_actions", "open_follow_up", "plan_follow_up"]


def open_follow_up(shell: Shell, follow_up_id: str) -> None:
    """Show a follow-up's dialog (a reminder's Open, a clicked notification)."""
    follow_up_actions(shell).open(follow_up_id)


def plan_follow_up(shell: Shell) -> None:
    """Plan a follow-up for what the user is looking at (Ctrl+Shift+F, the tray)."""
    follow_up_actions(shell).plan_here()
