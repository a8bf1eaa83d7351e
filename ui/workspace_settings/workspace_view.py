"""The Settings screen: the workspace file, its backups and its history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.history.dto import OperationSummary
from desktop_crm.services.workspace.dto import BackupInfo
from ui.operation_labels import render as render_label
from ui.text_fill import fill


class WorkspaceView(QWidget):
    """Where the data lives, the backups of it, and what was done to it.

    Signals:
        backupRequested: The user asked for a backup now.
        restoreRequested(str): The user asked to restore the backup at this path.
        preferencesRequested: The user asked for the settings dialog.
    """

    backupRequested = Signal()
    restoreRequested = Signal(str)
    preferencesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("viewTitle")
        layout.addWidget(title)
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        layout.addWidget(self.path_label)
        prefs = QPushButton(self.tr("Preferences…"))
        prefs.clicked.connect(self.preferencesRequested)
        row = QHBoxLayout()
        row.addWidget(prefs)
        row.addStretch(1)
        layout.addLayout(row)

        box = QGroupBox(self.tr("Backups"))
        box_layout = QVBoxLayout(box)
        self.backups = QTreeWidget()
        self.backups.setRootIsDecorated(False)
        self.backups.setHeaderLabels([self.tr("Taken"), self.tr("Why"), self.tr("Size")])
        # Moments and sizes are shown whole (never "2026-12-0…"); the reason takes the rest.
        header = self.backups.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.reasons = {
            "manual": self.tr("Backed up by hand"),
            "hourly": self.tr("Hourly"),
            "close": self.tr("On closing"),
            "pre-migration": self.tr("Before an upgrade"),
            "pre-import": self.tr("Before an import"),
            "pre-restore": self.tr("Before a restore"),
            "pre-delete": self.tr("Before a bulk delete"),
            "pre-merge": self.tr("Before a merge"),
        }
        box_layout.addWidget(self.backups)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.clicked.connect(self.backupRequested)
        self.restore_button = QPushButton(self.tr("Restore selected…"))
        self.restore_button.setEnabled(False)  # until a backup is selected
        self.restore_button.clicked.connect(self._restore_selected)
        self.backups.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.backups.selectedItems()))
        )
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        layout.addWidget(box, 1)

        history = QGroupBox(self.tr("Recent changes"))
        history_layout = QVBoxLayout(history)
        self.history = QTreeWidget()
        self.history.setRootIsDecorated(False)
        self.history.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Records")])
        header = self.history.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        history_layout.addWidget(self.history)
        layout.addWidget(history, 1)

    def show_workspace(self, path: str) -> None:
        """Show where the workspace file is."""
        self.path_label.setText(fill(self.tr("Workspace file: %1"), path))

    def show_backups(self, backups: list[BackupInfo]) -> None:
        """List the backups, newest first."""
        self.backups.clear()
        for b in backups:
            item = QTreeWidgetItem(
                [
                    b.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                    self.reasons.get(b.reason, b.reason),
                    f"{b.size / 1_048_576:.1f} MB",
                ]
            )
            item.setData(0, 256, str(b.path))
            self.backups.addTopLevelItem(item)
        self.restore_button.setEnabled(bool(self.backups.selectedItems()))

    def show_history(self, operations: list[OperationSummary]) -> None:
        """List recent operations, newest first."""
        self.history.clear()
        for op in operations:
            label = render_label(op.operation_label) + (self.tr(" (undone)") if op.undone else "")
            self.history.addTopLevelItem(
                QTreeWidgetItem(
                    [op.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), label, str(op.changes)]
                )
            )

    def _restore_selected(self) -> None:
        items = self.backups.selectedItems()
        if items:
            self.restoreRequested.emit(items[0].data(0, 256))
