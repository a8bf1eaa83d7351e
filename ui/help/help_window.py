"""Help > User Guide: the guide in the UI's language, its sections listed on the left.

The window is not modal: it stays open beside the main window while the user follows its
steps, and F1 brings the same window back to the front.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.choices import Language
from ui.help.guide import GuideSection, load_guide
from ui.icons import app_icon
from ui.language import ui_language

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})


class HelpWindow(QWidget):
    """The user guide: a contents list of sections and the chosen section, rendered.

    Args:
        parent: The main window (the guide closes with it, but is a window of its own).
        language: The guide's language; the UI's by default.

    Attributes:
        sections: The guide's sections in order.
        contents: The list of section titles.
        browser: Where the chosen section is shown.
    """

    def __init__(self, parent: QWidget | None = None, language: Language | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(self.tr("Desktop CRM User Guide"))
        self.setWindowIcon(app_icon())
        self.sections: list[GuideSection] = load_guide(language or ui_language())

        self.contents = QListWidget()
        self.contents.setObjectName("helpContents")
        for section in self.sections:
            item = QListWidgetItem(section.title)
            item.setData(Qt.ItemDataRole.UserRole, section.id)
            self.contents.addItem(item)
        self.contents.currentRowChanged.connect(self._show_row)
        self.contents.setSpacing(3)  # a contents list to click, not a dense table

        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setOpenLinks(False)  # links between sections switch the section here
        self.browser.anchorClicked.connect(self.follow_link)
        self.browser.document().setDocumentMargin(16)
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # reading text, a little larger than forms
        self.browser.setFont(font)

        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.resize(960, 680)

        if self.sections:
            self.contents.setCurrentRow(0)
        else:
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))

    def current_section(self) -> str:
        """The id of the section shown (``""`` when the guide is missing)."""
        row = self.contents.currentRow()
        return self.sections[row].id if 0 <= row < len(self.sections) else ""

    def show_section(self, section_id: str) -> bool:
        """Show the section ``section_id``; whether the guide has it."""
        for row, section in enumerate(self.sections):
            if section.id == section_id:
                self.contents.setCurrentRow(row)
                return True
        return False

    def follow_link(self, url: QUrl) -> None:
        """A link in the guide: another section, or a web or mail address (opened outside)."""
        if url.scheme() in EXTERNAL_SCHEMES:
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.show_section(url.fragment())

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.sections):
            self.browser.setMarkdown(self.sections[row].markdown)
            self.browser.verticalScrollBar().setValue(0)


def show_guide(parent: QWidget, section_id: str = "") -> HelpWindow:
    """Bring up the guide (one window per main window), at ``section_id`` if given."""
    window = parent.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = HelpWindow(parent)
    if section_id:
        window.show_section(section_id)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
