"""File → Join a Team Workspace…: download a team hub's workspace into a new file and open it.

The download runs on the worker's writer with the shared progress dialog; the new file then
opens in the window as File → Open does. A hub that cannot be reached, refuses the password or
holds nothing yet says so in the dialog, which stays open to try again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.progress import CancelToken
from ui.alive import while_open
from ui.problem_label import problem_label
from ui.progress_dialog import run_with_progress
from ui.team.hub_form import HubForm
from ui.team.sync_driver import team_sync_of
from ui.team.texts import hub_error_text

if TYPE_CHECKING:
    from ui.shell import Shell


def join_team_action(shell: Shell) -> QAction:
    """File → Join a Team Workspace… (available with or without a workspace open)."""
    action = QAction(QCoreApplication.translate("JoinDialog", "&Join a Team Workspace…"), shell)
    action.triggered.connect(lambda _checked=False: show_join_dialog(shell))
    return action


def show_join_dialog(shell: Shell) -> JoinDialog:
    """Open the join dialog over the window (window-modal; it deletes itself when closed)."""
    dialog = JoinDialog(shell)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def tls_choice(url: str, chosen: str) -> str | None:
    """The TLS mode to pass: none when the address names its own (``?sslmode=…``)."""
    return None if "sslmode=" in url else chosen


class JoinDialog(QDialog):
    """Asks for the hub, the member and a new file; joins; opens the file in the window.

    Attributes:
        form: The hub's fields.
        path: The new workspace file.
        problem: Why the last try failed (hidden until one did).
    """

    def __init__(self, shell: Shell, parent: QWidget | None = None) -> None:
        super().__init__(parent or shell)
        self._shell = shell
        self._running = False
        self.setWindowTitle(self.tr("Join a Team Workspace"))
        intro = QLabel(
            self.tr(
                "Download your team's workspace from its hub into a new file on this "
                "computer. You keep working in that file offline; your changes go to the hub "
                "and your team's come back whenever the hub can be reached."
            )
        )
        intro.setWordWrap(True)
        self.form = HubForm()
        self.path = QLineEdit(str(Path.home() / self.tr("team.crm")))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_path)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        self.form.form.addRow(self.tr("New file:"), row)
        self.problem = problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def choose_path(self) -> None:
        """Pick the new file's name."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("New Team Workspace"),
            self.path.text(),
            QCoreApplication.translate("MainWindow", "Desktop CRM workspaces (*.crm)"),
        )
        if name:
            self.path.setText(name)

    def target(self) -> Path | None:
        """The new file (``.crm`` added when no suffix is given), or None when empty."""
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_suffix(".crm")

    def accept(self) -> None:
        """Join with what is filled in; the dialog closes once the new file opens."""
        if self._running:
            return
        missing = self.form.missing()
        path = self.target()
        if not missing and path is None:
            missing = self.tr("Choose a name for the new workspace file.")
        elif not missing and path is not None and path.exists():
            missing = self.tr(
                "A file is already there. The team's workspace is downloaded into a new file: "
                "choose another name."
            )
        if missing or path is None:
            self._say(missing)
            return
        fields = self.form.fields()
        tls = tls_choice(fields.url, fields.tls)

        def job(token: CancelToken) -> Path:
            from desktop_crm.services.workspace.handle import join_team_workspace

            joined = join_team_workspace(
                path,
                fields.url,
                fields.user,
                fields.password or None,
                tls=tls,
                remember=fields.remember,
                progress=token,
            )
            # Opened again by the window, as File → Open does, so its screens follow it.
            joined.close(backup_if_changed=False)
            return path

        self._set_running(True)
        self._say("")
        run = run_with_progress(
            self._shell,
            self.tr("Join a Team Workspace"),
            self.tr("Downloading the team's workspace…"),
            job,
            while_open(self, lambda done: self._joined(done, fields.password)),
            while_open(self, self._failed),
            parent=self,
        )
        # A cancelled join reaches neither callback: the dialog is usable again either way.
        run.finished.connect(while_open(self, lambda _ok: self._set_running(False)))

    def reject(self) -> None:
        """Close, unless a join is running (its progress dialog cancels it)."""
        if not self._running:
            super().reject()

    def _joined(self, path: Path, password: str) -> None:
        self._set_running(False)
        shell = self._shell
        sync = team_sync_of(shell)
        if sync is not None:
            sync.keep_password(path, password)
        super().accept()
        shell.open_workspace(path)

    def _failed(self, exc: BaseException) -> None:
        self._set_running(False)
        self._say(hub_error_text(exc))

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.form.setEnabled(not running)
        self.path.setEnabled(not running)
        self.buttons.setEnabled(not running)

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
