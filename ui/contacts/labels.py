"""Shared pieces of the contact screens: translated status names and the mutation callback."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop_crm.services.common.dto import ChangeResult

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace

Mutation = Callable[[Callable[["Workspace"], ChangeResult], str], None]
"""Runs a change on the worker with a status-bar message, then refreshes the window."""


def status_labels() -> dict[str, str]:
    """Contact statuses in the user's language, in their natural order."""
    translate = QCoreApplication.translate
    return {
        "lead": translate("Labels", "Lead"),
        "prospect": translate("Labels", "Prospect"),
        "customer": translate("Labels", "Customer"),
        "inactive": translate("Labels", "Inactive"),
    }
