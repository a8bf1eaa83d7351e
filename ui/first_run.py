"""The first-run dialog: create a workspace, open the demo, or open a file."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class FirstRunDialog(QDialog):
    """Asks how to start; :attr:`choice` is ``"new"``, ``"demo"``, ``"open"`` or ``""``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Desktop CRM"))
        self.choice = ""
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your contacts, follow-ups, deals and quotes, kept in one file on this "
                "computer. How would you like to start?"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for choice, text in (
            ("demo", self.tr("Explore a demo workspace")),
            ("new", self.tr("Start an empty workspace")),
            ("open", self.tr("Open a workspace file…")),
        ):
            button = QPushButton(text)
            button.setObjectName(f"firstRun_{choice}")
            button.clicked.connect(lambda _c=False, c=choice: self._pick(c))
            layout.addWidget(button)

    def _pick(self, choice: str) -> None:
        self.choice = choice
        self.accept()
