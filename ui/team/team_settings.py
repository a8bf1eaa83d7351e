"""Settings → Team: join a team hub with this workspace, or see how it syncs and sync now.

Nothing here waits for the dialog's OK. Joining uploads this workspace to an EMPTY hub (the
hub refuses one holding a team's data: that is joined into a new file from the File menu) on
the writer with the progress dialog. Once joined, the tab shows the hub, the member, the last
sync, what waits and the conflicts, as the window's :class:`TeamSync` knows them, and "Sync
Now" syncs through it (never beside a sync already running).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import HubError
from desktop_crm.domain.progress import CancelToken
from ui.alive import while_open
from ui.problem_label import problem_label
from ui.progress_dialog import run_with_progress
from ui.team.hub_form import HubForm
from ui.team.join_dialog import tls_choice
from ui.team.sync_driver import TeamSync, team_sync_of
from ui.team.sync_indicator import state_text
from ui.team.sync_state import SyncView
from ui.team.texts import hub_error_text, moment_text
from ui.text_fill import fill

if TYPE_CHECKING:
    from ui.shell import Shell


def hint_label(text: str) -> QLabel:
    """A wrapped explanation in the hint style."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class TeamTab(QWidget):
    """Joins this workspace to a hub, or shows its team status with "Sync Now".

    Attributes:
        form: The hub's fields (before joining).
        join_button: "Join with This Workspace".
        sync_button: "Sync Now" (once joined).
        problem: What went wrong last, in a sentence.
        done_label: What the last join did.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shell: Shell | None = None
        self._sync: TeamSync | None = None
        self._running = False
        self.pages = QStackedWidget()

        alone = QWidget()
        column = QVBoxLayout(alone)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            hint_label(
                self.tr(
                    "Share this workspace with your team through a hub: a PostgreSQL database "
                    "your studio runs. Each laptop keeps working offline on its own file and "
                    "syncs with the hub when it can reach it."
                )
            )
        )
        column.addWidget(
            hint_label(
                self.tr(
                    "Joining uploads this workspace to an EMPTY hub, so that the team starts "
                    "from it. To work on what a team already keeps in a hub, use File → Join "
                    "a Team Workspace… instead: it downloads the team's workspace into a new "
                    "file (two workspaces are never merged)."
                )
            )
        )
        self.form = HubForm()
        column.addWidget(self.form)
        self.join_button = QPushButton(self.tr("Join with This Workspace"))
        self.join_button.clicked.connect(self.join)
        row = QHBoxLayout()
        row.addWidget(self.join_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.pages.addWidget(alone)

        joined = QWidget()
        column = QVBoxLayout(joined)
        column.setContentsMargins(0, 0, 0, 0)
        facts = QFormLayout()
        self.url_label = QLabel()
        self.user_label = QLabel()
        self.state_label = QLabel()
        self.last_label = QLabel()
        self.pending_label = QLabel()
        self.conflicts_label = QLabel()
        for label in (self.url_label, self.user_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        facts.addRow(self.tr("Hub address:"), self.url_label)
        facts.addRow(self.tr("User name:"), self.user_label)
        facts.addRow(self.tr("State:"), self.state_label)
        facts.addRow(self.tr("Last sync:"), self.last_label)
        facts.addRow(self.tr("Changes waiting:"), self.pending_label)
        facts.addRow(self.tr("Conflicts:"), self.conflicts_label)
        column.addLayout(facts)
        column.addWidget(
            hint_label(
                self.tr(
                    "If the password is not kept in this computer's keychain, type it here "
                    "before syncing; it is used until Desktop CRM closes."
                )
            )
        )
        secret = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keychain"))
        secret.addRow(self.tr("Password:"), self.password)
        secret.addRow("", self.remember)
        column.addLayout(secret)
        self.sync_button = QPushButton(self.tr("Sync Now"))
        self.sync_button.clicked.connect(self.sync_now)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self.pages.addWidget(joined)

        self.problem = problem_label()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.done_label)
        layout.addWidget(self.problem)
        self.setEnabled(False)  # until attached to a window with a workspace

    def attach(self, shell: Shell) -> None:
        """Work on ``shell``'s workspace and show what its team sync knows."""
        self._shell = shell
        self._sync = team_sync_of(shell)
        if self._sync is None or shell.workspace is None:
            return
        self.setEnabled(True)
        slot = while_open(self, self.show_view)
        sync = self._sync
        sync.viewChanged.connect(slot)

        # The window's sync outlives the dialog: let go of the tab with it.
        def release(_obj: object = None) -> None:
            with contextlib.suppress(RuntimeError, TypeError):  # the window may be gone first
                sync.viewChanged.disconnect(slot)

        self.destroyed.connect(release)
        self.show_view(sync.view)
        # Read again once the dialog's loop runs, as the other tabs do: the worker is idle
        # while the dialog opens, so the status bar does not say "Working…" over it.
        QTimer.singleShot(0, self, sync.refresh)

    def show_view(self, view: SyncView) -> None:
        """Show the join form (not joined) or the team status."""
        self.pages.setCurrentIndex(1 if view.joined else 0)
        if not view.joined:
            return
        self.url_label.setText(view.url or "")
        self.user_label.setText(view.user or "")
        self.state_label.setText(state_text(view))
        self.last_label.setText(
            moment_text(view.last_sync) if view.last_sync else self.tr("Not synced yet")
        )
        self.pending_label.setText(str(view.pending))
        self.conflicts_label.setText(str(view.conflicts))
        self.sync_button.setEnabled(view.state != "syncing")
        if view.state == "refused":
            self._say(view.message)
        elif view.state in ("synced", "conflicts", "pending"):
            self._say("")

    def join(self) -> None:
        """Upload this workspace to the (empty) hub named in the form, with progress."""
        shell, sync = self._shell, self._sync
        ws = shell.workspace if shell is not None else None
        if shell is None or sync is None or ws is None or self._running:
            return
        missing = self.form.missing()
        if missing:
            self._say(missing)
            return
        fields = self.form.fields()
        tls = tls_choice(fields.url, fields.tls)

        def job(token: CancelToken) -> int:
            return ws.team.join(
                fields.url,
                fields.user,
                fields.password or None,
                tls=tls,
                remember=fields.remember,
                progress=token,
            )

        def joined(count: int) -> None:
            self._told(fill(self.tr("Joined the team hub: %1 records uploaded."), count))
            sync.keep_password(ws.path, fields.password)
            sync.refresh(sync_soon=True)

        def failed(exc: BaseException) -> None:
            self._say(hub_error_text(exc))
            if isinstance(exc, HubError) and exc.params.get("reason") == "keychain":
                sync.keep_password(ws.path, fields.password)  # joined: this run still syncs
            sync.refresh()

        self._set_running(True)
        self._say("")
        run = run_with_progress(
            shell,
            self.tr("Join a Team Hub"),
            self.tr("Uploading this workspace to the hub…"),
            job,
            while_open(self, joined),
            while_open(self, failed),
            parent=self.window(),
        )
        run.finished.connect(while_open(self, lambda _ok: self._set_running(False)))

    def sync_now(self) -> None:
        """Sync at once, with the password typed (if any) for this run, or remembered."""
        if self._sync is None:
            return
        self._say("")
        self._sync.sync_now(self.password.text(), self.remember.isChecked())

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.form.setEnabled(not running)
        self.join_button.setEnabled(not running)

    def _told(self, text: str) -> None:
        self.done_label.setText(text)
        self.done_label.setVisible(bool(text))

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
