"""How to start in an empty workspace: add a contact, import a spreadsheet, or open the demo.

The Contacts list and the Today screen show the same panel while the workspace holds no
contacts; a filter that matches nothing says so instead (see ``ContactsView``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.shell import Shell

DEMO_FILE = "demo.crm"
"""The demo workspace's name in the user data folder (as the first-run dialog makes it)."""


class StartPanel(QFrame):
    """Three ways to start, as buttons.

    Signals:
        addRequested: Add a contact (opens the editor).
        importRequested: Import a spreadsheet or contact file.
        demoRequested: Open the demo workspace (made on first use).
    """

    addRequested = Signal()
    importRequested = Signal()
    demoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPanel")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel(self.tr("No contacts yet"))
        self.heading.setObjectName("viewTitle")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        text = QLabel(
            self.tr(
                "Add your first contact, import a spreadsheet or address book, "
                "or look around in a demo workspace."
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.add_button = QPushButton(self.tr("Add a contact…"))
        self.import_button = QPushButton(self.tr("Import a spreadsheet…"))
        self.demo_button = QPushButton(self.tr("Open the demo workspace"))
        for button, signal in (
            (self.add_button, self.addRequested),
            (self.import_button, self.importRequested),
            (self.demo_button, self.demoRequested),
        ):
            button.clicked.connect(signal)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def show_kind(self, kind: str) -> None:
        """Word the panel for the list it stands in: people (``person``) or ``company``."""
        if kind == "company":
            self.heading.setText(self.tr("No companies yet"))
            self.add_button.setText(self.tr("Add a company…"))
        else:
            self.heading.setText(self.tr("No contacts yet"))
            self.add_button.setText(self.tr("Add a contact…"))


class NoMatchPanel(QFrame):
    """Says that a filter matches nothing, with a button that clears it.

    Signals:
        clearRequested: Clear the filter.
    """

    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.label = QLabel(self.tr("No contacts match —"))
        self.clear_button = QPushButton(self.tr("Clear filter"))
        self.clear_button.clicked.connect(self.clearRequested)
        row.addWidget(self.label)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


def wire_start_panel(shell: Shell, panel: StartPanel, add: Callable[[], Any] | None = None) -> None:
    """Make ``panel``'s import and demo buttons act in ``shell`` (and ``add``, if given)."""
    if add is not None:
        panel.addRequested.connect(add)
    panel.importRequested.connect(lambda: _choose_import(shell))
    panel.demoRequested.connect(lambda: open_demo(shell))


def _choose_import(shell: Shell) -> None:
    from ui.imports.file_transfer import choose_import

    choose_import(shell)


def open_demo(shell: Shell) -> None:
    """Open the demo workspace in the user data folder, making it the first time."""
    from desktop_crm.services.workspace.error_log import data_dir

    path = data_dir() / DEMO_FILE
    shell.open_workspace(path, "open" if path.exists() else "demo")
