"""A clear placeholder for screens whose features arrive in later releases."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderView(QWidget):
    """Says what the screen will hold and shows what the workspace already has."""

    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        heading = QLabel(title)
        heading.setObjectName("viewTitle")
        self.description = QLabel(description)
        self.description.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        notice = QLabel(self.tr("This screen is coming in a later release."))
        notice.setObjectName("placeholderNotice")
        for widget in (heading, self.description, self.figures, notice):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft)
            layout.addWidget(widget)
        layout.addStretch(1)

    def set_figures(self, text: str) -> None:
        """Show a line of figures about what this screen will manage."""
        self.figures.setText(text)
