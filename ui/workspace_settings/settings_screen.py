"""The Settings screen: where the workspace is, preferences, backups (now, restore) and history."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout

from ui.choices import one_of
from ui.screen import MenuItem, MenuName, Screen
from ui.text_fill import fill
from ui.workspace_settings.settings_dialog import SettingsDialog
from ui.workspace_settings.workspace_view import WorkspaceView

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.printing.dto import TemplateInfo
    from desktop_crm.services.workspace.dto import BackupInfo
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell


class SettingsScreen(Screen):
    """The workspace file, its backups and its history; File > Back Up Now and Restore.

    Signals:
        dialogOpened(SettingsDialog): The settings dialog is about to open: other features add
            their own rows to its General tab (``dialog.general``) and save them when accepted.
    """

    dialogOpened = Signal(object)

    key = "settings"
    icon_name = "settings"

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = WorkspaceView()
        layout.addWidget(self.view)
        self.view.backupRequested.connect(self.backup_now)
        self.view.restoreRequested.connect(self.restore_backup)
        self.view.preferencesRequested.connect(self.open_preferences)
        self.backup_action = self.action(self.tr("&Back Up Now"), self.backup_now, "Ctrl+B")
        self.restore_action = self.action(self.tr("&Restore from Backup…"), self.choose_backup)
        self.preferences_action = self.action(
            self.tr("Se&ttings…"), self.open_preferences, QKeySequence.StandardKey.Preferences
        )
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Settings")

    def menu_items(self) -> dict[MenuName, list[MenuItem]]:
        """Backups in the File menu, preferences in the Edit menu."""
        return {
            "file": [self.backup_action, self.restore_action],
            "edit": [self.preferences_action],
        }

    def watching(self, changes: ChangeResult) -> bool:
        """Any change: the history lists it (loaded only while the screen is shown)."""
        return True

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Show where the file is; load backups and history if shown."""
        if workspace is not None:
            self.view.show_workspace(str(workspace.path))
            if self.isVisible():
                self.shown()

    def changed(self, changes: ChangeResult) -> None:
        """Reload backups and history while the screen is shown."""
        if self.isVisible():
            self.shown()

    def shown(self) -> None:
        """Load the backups and the history."""
        ws = self.shell.workspace
        if ws is not None:
            self.shell.worker.submit(ws.backups.list, self.view.show_backups)
            self.shell.worker.read(lambda: ws.reads.history.recent(100), self.view.show_history)

    def backup_now(self) -> None:
        """Take a verified backup on the worker."""
        ws = self.shell.workspace
        if ws is None:
            return

        def done(info: BackupInfo) -> None:
            self.shell.show_status(fill(self.tr("Backup saved: %1"), info.path.name), 6000)
            if self.isVisible():
                self.shown()

        self.shell.worker.submit(
            lambda: ws.backups.backup_now("manual"), done, self.shell.show_error
        )

    def choose_backup(self) -> None:
        """Pick a backup file and restore it."""
        ws = self.shell.workspace
        if ws is None:
            return
        folder = ws.path.with_name(ws.path.stem + "-backups")
        name, _filter = QFileDialog.getOpenFileName(
            self.shell,
            self.tr("Restore from Backup"),
            str(folder),
            self.tr("Desktop CRM backups (*.crmbak *.crmbak.zst);;All files (*)"),
        )
        if name:
            self.restore_backup(name)

    def restore_backup(self, backup_path: str) -> None:
        """Ask, then replace the open workspace with ``backup_path`` (after backing it up)."""
        ws = self.shell.workspace
        if ws is None:
            return
        answer = QMessageBox.question(
            self.shell,
            self.tr("Restore backup"),
            fill(
                self.tr(
                    "Replace the current data with the backup %1? The current data is backed "
                    "up first, so this can be reversed."
                ),
                Path(backup_path).name,
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.shell.restore(ws.path, Path(backup_path))

    def open_preferences(self) -> None:
        """Show the settings dialog and save what changed."""
        ws = self.shell.workspace
        if ws is not None:
            self.shell.worker.submit(
                # The templates too: the Quotes tab offers them as the default ones.
                lambda: (ws.settings.all(), ws.printing.templates()),
                # Opened after the job is delivered: a modal dialog inside the job's callback
                # would keep the worker busy (and the status bar on "Working…") while it is open.
                lambda found: QTimer.singleShot(0, lambda: self._show_dialog(*found)),
                self.shell.show_error,
            )

    def _show_dialog(self, values: dict[str, Any], templates: list[TemplateInfo]) -> None:
        settings = self.shell.settings
        dialog = SettingsDialog(
            values, str(settings.value("ui/language", "")), self.shell, templates
        )
        dialog.quotes.customizeRequested.connect(
            lambda kind, name: self._customize_template(dialog, kind, name)
        )
        self.dialogOpened.emit(dialog)  # the reminders add this computer's choices
        dialog.followups.attach(self.shell)  # the calendar file: shown, kept, exported
        dialog.pipelines.attach(self.shell)  # pipelines and stages: changed at once
        dialog.team.attach(self.shell)  # team mode: join, status, sync now
        if dialog.exec() != SettingsDialog.DialogCode.Accepted or self.shell.workspace is None:
            return
        settings.setValue("ui/language", dialog.language())
        changed = dialog.workspace_values()
        if changed:
            self.shell.mutate(lambda w: w.settings.update(changed), self.tr("Settings saved."))

    def _customize_template(self, dialog: SettingsDialog, kind: str, name: str) -> None:
        """Open the template dialog over the settings; afterwards offer the templates again.

        A saved template becomes the default of its kind in the dialog (saved with OK, as any
        other setting); a deleted one gives way to the built-in default.
        """
        # Imported here, as the other screens do: the printing dialogs load Qt PDF.
        from ui.printing.document_printing import show_template_dialog
        from ui.printing.ports import KINDS

        chosen = one_of(kind, KINDS)

        def reload(selected: str) -> None:
            ws = self.shell.workspace
            if ws is None:
                return

            def offer(found: list[TemplateInfo]) -> None:
                if shiboken6.isValid(dialog):
                    dialog.quotes.set_templates(found, chosen, selected)

            self.shell.worker.submit(ws.printing.templates, offer, self.shell.show_error)

        show_template_dialog(
            self.shell, name, parent=dialog, on_saved=reload, on_deleted=lambda _n: reload("")
        )
