"""Which due follow-ups an activity being logged completes (all ticked; untick the others).

Logging a call no longer closes every follow-up of the contact by itself: the card asks once,
and the ticked ones are completed in the same operation as the activity.
"""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.services.followups.dto import FollowUpRow
from ui.followups.texts import due_text, kind_labels

OVERDUE = QColor("#c62828")


class CompletesDialog(QDialog):
    """Tick the due follow-ups the activity completes.

    Args:
        rows: The contact's due follow-ups (overdue or due today).
        local: This computer's zone.
        parent: The window it belongs to.
    """

    def __init__(
        self, rows: Sequence[FollowUpRow], local: ZoneInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complete follow-ups?"))
        self.setMinimumWidth(480)
        root = QVBoxLayout(self)
        text = QLabel(self.tr("This contact has follow-ups due. Which of them does this complete?"))
        text.setWordWrap(True)
        root.addWidget(text)
        self.list = QListWidget()
        labels = kind_labels()
        for row in rows:
            item = QListWidgetItem(
                f"{labels.get(row.kind, row.kind)}: {row.subject} — {due_text(row, local)}"
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            if row.overdue:
                item.setForeground(QBrush(OVERDUE))
            self.list.addItem(item)
        rows_high = self.list.sizeHintForRow(0) * max(2, min(len(rows), 8)) if rows else 0
        self.list.setFixedHeight(rows_high + 2 * self.list.frameWidth() + 4)
        root.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)

    def checked_ids(self) -> list[str]:
        """The follow-ups ticked."""
        found: list[str] = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return found
