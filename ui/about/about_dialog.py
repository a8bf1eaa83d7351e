"""Help > About Desktop CRM: icon, version, licence, and the folders with the user's files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.about.details import collect
from ui.about.licences_dialog import LicencesDialog
from ui.icons import app_icon
from ui.shell import Shell
from ui.text_fill import fill

COPYRIGHT = "Copyright (c) 2026 Desktop CRM contributors"


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager; whether that worked."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    """Version and licence, and the data, backups and log locations, each with Open.

    Args:
        shell: The main window; its open workspace names the backups folder.

    Attributes:
        details: What the dialog shows (and Copy Details copies).
        paths: The path fields by kind: ``data``, ``backups``, ``log``.
        open_buttons: Their Open buttons, by the same kinds.
    """

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        self.setWindowTitle(self.tr("About Desktop CRM"))
        self.details = collect(shell.workspace)
        self.paths: dict[str, QLineEdit] = {}
        self.open_buttons: dict[str, QPushButton] = {}

        layout = QVBoxLayout(self)
        layout.addLayout(self._heading())
        layout.addWidget(self._folders())
        layout.addWidget(self._buttons())
        self.setMinimumWidth(620)

    # --- parts --------------------------------------------------------------------------------

    def _heading(self) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        name = QLabel(self.tr("Desktop CRM"))
        name.setObjectName("aboutName")
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        name.setFont(font)
        lines = [
            fill(self.tr("Version %1"), self.details.version),
            self.tr("An offline-first CRM for small teams."),
            self.runtime_line(),
            fill(self.tr("Free software under the MIT licence. %1."), COPYRIGHT),
        ]
        text = QLabel("\n".join(lines))
        text.setObjectName("aboutText")
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout()
        column.addWidget(name)
        column.addWidget(text)
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addSpacing(12)
        row.addLayout(column, 1)
        return row

    def _folders(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your files"))
        grid = QGridLayout(box)
        d = self.details
        rows = (
            ("data", self.tr("Data folder:"), d.data_folder, d.data_folder, ""),
            (
                "backups",
                self.tr("Backups folder:"),
                d.backups_folder,
                d.backups_folder,
                self.tr("No workspace is open."),
            ),
            (
                "log",
                self.tr("Log file:"),
                d.log_file,
                d.log_file.parent if d.log_file else None,
                self.tr("No log file could be made."),
            ),
        )
        for row, (kind, label, path, folder, empty) in enumerate(rows):
            field = QLineEdit(str(path) if path is not None else empty)
            field.setReadOnly(True)  # selectable and copyable, and a long path scrolls
            field.setCursorPosition(0)
            button = QPushButton(self.tr("Open"))
            button.setEnabled(folder is not None and folder.is_dir())
            if folder is not None and not folder.is_dir():
                button.setToolTip(self.tr("This folder is made when it is first needed."))
            button.clicked.connect(lambda _checked=False, f=folder: self._open(f))
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(field, row, 1)
            grid.addWidget(button, row, 2)
            self.paths[kind] = field
            self.open_buttons[kind] = button
        grid.setColumnStretch(1, 1)
        return box

    def _buttons(self) -> QWidget:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.licences_button = buttons.addButton(
            self.tr("Licences…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button = buttons.addButton(
            self.tr("Copy Details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.licences_button.clicked.connect(self.show_licences)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- text ---------------------------------------------------------------------------------

    def runtime_line(self) -> str:
        """The line naming the Python, Qt and PySide6 versions."""
        d = self.details
        return fill(self.tr("Python %1, Qt %2, PySide6 %3"), d.python, d.qt, d.pyside)

    def details_text(self) -> str:
        """Everything support asks for, one item a line (what Copy Details copies)."""
        d = self.details
        none = self.tr("none")
        build = self.tr("installed app") if d.frozen else self.tr("source checkout")
        lines = [
            fill(self.tr("Desktop CRM %1 (%2)"), d.version, build),
            self.runtime_line(),
            fill(self.tr("System: %1"), d.system),
            fill(self.tr("Workspace: %1"), d.workspace if d.workspace else none),
            fill(self.tr("Data folder: %1"), d.data_folder),
            fill(self.tr("Backups folder: %1"), d.backups_folder or none),
            fill(self.tr("Log file: %1"), d.log_file or none),
        ]
        return "\n".join(lines) + "\n"

    # --- actions ------------------------------------------------------------------------------

    def copy_details(self) -> None:
        """Put :meth:`details_text` on the clipboard, for a support mail."""
        QGuiApplication.clipboard().setText(self.details_text())
        self.copy_button.setText(self.tr("Copied"))
        # Timed on the dialog, so nothing fires once it is closed (and deleted).
        QTimer.singleShot(2000, self, lambda: self.copy_button.setText(self.tr("Copy Details")))

    def show_licences(self) -> LicencesDialog:
        """Open the licences window (modal to this dialog)."""
        dialog = LicencesDialog(self)
        dialog.setModal(True)
        dialog.show()
        return dialog

    def _open(self, folder: Path | None) -> None:
        if folder is None:
            return
        if not open_folder(folder):
            QMessageBox.warning(
                self, self.windowTitle(), fill(self.tr("Could not open %1."), folder)
            )


def show_about(shell: Shell) -> AboutDialog:
    """Help > About Desktop CRM."""
    dialog = AboutDialog(shell)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
