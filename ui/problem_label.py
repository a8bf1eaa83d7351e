"""The red line a dialog says what stops a save in (hidden until there is something to say)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

PROBLEM_STYLE = "color: #c62828"


def problem_label() -> QLabel:
    """A hidden, wrapped label in the problem style (object name ``problem``)."""
    label = QLabel()
    label.setObjectName("problem")
    label.setStyleSheet(PROBLEM_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label
