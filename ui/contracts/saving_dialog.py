"""A dialog that saves through a service on the writer and stays open when it is refused.

The contract dialogs share it: OK runs the change on the worker; a refusal is shown in the
dialog in the user's words and nothing typed is lost; success emits ``saved`` and closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_crm.services.common.dto import ChangeResult
from ui.contracts.texts import late_color

if TYPE_CHECKING:
    from desktop_crm.services.workspace.handle import Workspace
    from ui.worker import DbWorker


class SavingDialog(QDialog):
    """Base of the contract dialogs: a body, a problem line, OK and Cancel.

    Args:
        worker: Where the change runs.
        workspace: The open workspace.
        parent: The window it belongs to.

    Attributes:
        body: Where subclasses put their fields.
        problem_label: Why the last try was refused ("" when it was not).

    Signals:
        saved(ChangeResult): The change was made (the window refreshes and may undo it).
    """

    saved = Signal(object)

    def __init__(self, worker: DbWorker, workspace: Workspace, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._workspace = workspace
        layout = QVBoxLayout(self)
        self.body = QVBoxLayout()
        layout.addLayout(self.body)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {late_color().name()};")
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        """Check what was typed, then make the change (subclasses)."""
        raise NotImplementedError

    def problem(self, exc: BaseException) -> str:
        """``exc`` worded for the user (subclasses word what their service refuses)."""
        from ui.messages import error_text

        return error_text(exc)

    def run(self, change: Callable[[Workspace], ChangeResult]) -> None:
        """Make ``change`` on the writer; close when it is made, say why when it is refused."""
        ws = self._workspace
        self.buttons.setEnabled(False)
        self._worker.submit(lambda: change(ws), self._saved, self.refused)

    def refused(self, exc: BaseException) -> None:
        """Show why the change was refused; everything typed stays."""
        self.buttons.setEnabled(True)
        self.problem_label.setText(self.problem(exc))

    def _saved(self, result: ChangeResult) -> None:
        self.buttons.setEnabled(True)
        self.saved.emit(result)
        self.accept()
