"""What screens and dialogs may use of the main window, so they need not import it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from desktop_crm.domain.choices import RecordKind
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class Shell(QMainWindow):
    """The main window as its screens see it; :class:`ui.main_window.MainWindow` fills it in.

    Attributes:
        worker: The database worker every service call goes through.
        workspace: The open workspace, or ``None``; only jobs on the worker touch it.
        settings: Per-computer preferences (window state, language, chosen columns).
    """

    worker: DbWorker
    workspace: Workspace | None
    settings: QSettings

    def show_error(self, exc: BaseException) -> None:
        """Tell the user what went wrong, in their language."""
        raise NotImplementedError

    def show_status(self, text: str, msecs: int = 4000) -> None:
        """Show ``text`` in the status bar for ``msecs`` (0: until replaced)."""
        self.statusBar().showMessage(text, msecs)

    def mutate(self, fn: Callable[[Workspace], ChangeResult], done_message: str) -> None:
        """Run a change on the worker, then refresh what it changed."""
        raise NotImplementedError

    def apply_changes(self, changes: ChangeResult) -> None:
        """Refresh the screens and open cards that show what ``changes`` touched."""
        raise NotImplementedError

    def open_card(self, kind: RecordKind, record_id: str) -> Any:
        """Show the card of a person or company."""
        raise NotImplementedError

    def edit_contact(self, kind: RecordKind, record_id: str | None) -> Any:
        """Open the editor for a person or company (``None``: a new one)."""
        raise NotImplementedError

    def show_view(self, key: str) -> None:
        """Bring the screen ``key`` (``today``, ``contacts``…) to the front."""
        raise NotImplementedError

    def open_workspace(self, path: Path, how: str = "open", contacts: int = 300) -> None:
        """Open ``path`` (or create it: ``how`` = ``new`` / ``demo``) on the worker."""
        raise NotImplementedError

    def restore(self, path: Path, backup_file: Path) -> None:
        """Replace the workspace at ``path`` with ``backup_file`` and reopen it."""
        raise NotImplementedError
