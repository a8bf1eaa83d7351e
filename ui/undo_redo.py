"""Edit > Undo and Redo: their texts name the operation, and a long one shows progress."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from ui.operation_labels import render as render_label
from ui.progress_dialog import ProgressRun, run_with_progress
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.domain.progress import CancelToken
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.history.dto import OperationSummary
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class UndoRedo(QObject):
    """The undo and redo actions of a window.

    Attributes:
        undo_action: Edit > Undo (Ctrl+Z), "Undo Edit 张三" in the user's language.
        redo_action: Edit > Redo (Ctrl+Shift+Z).
    """

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self._shell = shell
        self._undo_label = self._redo_label = ""
        self.undo_action = QAction(self.tr("&Undo"), shell)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.triggered.connect(lambda _checked=False: self.undo())
        self.redo_action = QAction(self.tr("&Redo"), shell)
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        self.redo_action.triggered.connect(lambda _checked=False: self.redo())
        for action in (self.undo_action, self.redo_action):
            # Card and editor windows are windows of their own: undo works from them too.
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.setEnabled(False)

    def disable(self) -> None:
        """Nothing to undo or redo (no workspace, or a revert running)."""
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def refresh(self) -> None:
        """Ask the reader what would be undone and redone now, and show it."""
        ws = self._shell.workspace
        if ws is None:
            self.disable()
            return
        history = ws.reads.history
        self._shell.worker.read(lambda: (history.next_undo(), history.next_redo()), self._show)

    def _show(self, state: tuple[OperationSummary | None, OperationSummary | None]) -> None:
        undo, redo = state
        # Labels are codes with arguments: rendered here, in the user's language.
        self._undo_label = render_label(undo.operation_label) if undo else ""
        self._redo_label = render_label(redo.operation_label) if redo else ""
        self.undo_action.setEnabled(undo is not None)
        self.redo_action.setEnabled(redo is not None)
        self.undo_action.setText(
            fill(self.tr("&Undo %1"), self._undo_label) if undo else self.tr("&Undo")
        )
        self.redo_action.setText(
            fill(self.tr("&Redo %1"), self._redo_label) if redo else self.tr("&Redo")
        )

    def undo(self) -> ProgressRun | None:
        """Undo the newest operation (Ctrl+Z)."""
        label = self._undo_label
        return self._revert(
            lambda ws, token: ws.history.undo(progress=token),
            self.tr("Undo"),
            fill(self.tr("Undoing %1…"), label) if label else self.tr("Undoing…"),
            fill(self.tr("Undone: %1"), label) if label else self.tr("Undone."),
        )

    def redo(self) -> ProgressRun | None:
        """Redo the operation undone last (Ctrl+Shift+Z)."""
        label = self._redo_label
        return self._revert(
            lambda ws, token: ws.history.redo(progress=token),
            self.tr("Redo"),
            fill(self.tr("Redoing %1…"), label) if label else self.tr("Redoing…"),
            fill(self.tr("Redone: %1"), label) if label else self.tr("Redone."),
        )

    def _revert(
        self,
        fn: Callable[[Workspace, CancelToken], ChangeResult],
        title: str,
        text: str,
        done_message: str,
    ) -> ProgressRun | None:
        """Undo or redo with the progress dialog: undoing an import of 100,000 takes a while.

        Undo and redo stay disabled until it ends, so a second Ctrl+Z cannot queue the undo of
        the operation before.
        """
        shell, ws = self._shell, self._shell.workspace
        if ws is None:
            return None
        self.disable()

        def done(result: ChangeResult) -> None:
            shell.show_status(done_message, 4000)
            shell.apply_changes(result)

        def ended(completed: bool) -> None:
            if not completed:  # failed or cancelled: nothing changed; the actions come back
                self.refresh()

        run = run_with_progress(shell, title, text, lambda token: fn(ws, token), done)
        run.finished.connect(ended)
        return run
