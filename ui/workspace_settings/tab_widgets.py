"""Small widgets the Pipelines tab and its dialogs share."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QPushButton


def hint_label(text: str) -> QLabel:
    """A wrapped explanation in the hint style."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button calling ``slot`` when clicked."""
    made = QPushButton(text)
    made.clicked.connect(slot)
    return made
