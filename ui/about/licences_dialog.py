"""About > Licences…: the app's own licence and the notices of what it ships with."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ui.resources import read_resource

LICENCE = ("legal", "LICENSE.txt")
NOTICES = ("legal", "THIRD-PARTY-NOTICES.md")


class LicencesDialog(QDialog):
    """Two tabs: Desktop CRM's MIT licence, and the third-party notices (Markdown).

    Attributes:
        licence: The app's licence text, as written in ``resources/legal/LICENSE.txt``.
        notices: The third-party notices rendered from their Markdown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Licences"))
        self.resize(780, 560)
        self.tabs = QTabWidget()

        self.licence = QPlainTextEdit()
        self.licence.setReadOnly(True)
        # The licence is laid out for a fixed-width font, as it is in the file.
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence.setPlainText(read_resource(*LICENCE) or self._missing())
        self.tabs.addTab(self.licence, self.tr("Desktop CRM"))

        self.notices = QTextBrowser()
        self.notices.setOpenExternalLinks(True)
        self.notices.setMarkdown(read_resource(*NOTICES) or self._missing())
        self.tabs.addTab(self.notices, self.tr("Third-party software"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _missing(self) -> str:
        return self.tr("This file is missing from the installation.")
