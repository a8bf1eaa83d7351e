"""Settings → Pipelines: the lost reasons offered when a deal is lost.

Like the stage table, the list never keeps an edit of its own: each change (add, rename,
remove, move) is handed on as the whole new list (``reasonsChanged``), saved as one undoable
operation, and the list is filled again from what the workspace then holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.workspace_settings.tab_widgets import hint_label

REASON_MAX = 200


class LostReasonsBox(QGroupBox):
    """The lost reasons in order, with Add, Remove and Move up/down; double-click renames.

    Signals:
        reasonsChanged(list): The whole new list, to be saved.
    """

    reasonsChanged = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Lost reasons"))
        self._reasons: list[str] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr(
                    "Offered when a deal is lost, in this order (any other reason may be "
                    "typed). Renaming or removing one leaves the deals already lost as they are."
                )
            )
        )
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 9)
        self.list.itemChanged.connect(self._renamed)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add reason…"))
        self.add_button.clicked.connect(self.add_reason)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self._update_buttons()

    def show_reasons(self, reasons: Sequence[str], select: str | None = None) -> None:
        """Fill the list; select ``select`` (else the row selected before, if still there)."""
        row = self.list.currentRow()
        self._reasons = list(reasons)
        self._filling = True
        self.list.clear()
        for reason in self._reasons:
            item = QListWidgetItem(reason)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._filling = False
        if select is not None and select in self._reasons:
            self.list.setCurrentRow(self._reasons.index(select))
        elif self._reasons:
            self.list.setCurrentRow(min(max(row, 0), len(self._reasons) - 1))
        self._update_buttons()

    def reasons(self) -> list[str]:
        """The reasons shown, in order."""
        return list(self._reasons)

    def add_reason(self) -> None:
        """Ask for a new reason and add it after the selected one (else last)."""
        text, ok = QInputDialog.getText(self, self.tr("Add lost reason"), self.tr("Reason:"))
        text = text.strip()[:REASON_MAX]
        if not ok or not text:
            return
        at = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else len(self._reasons)
        self.reasonsChanged.emit([*self._reasons[:at], text, *self._reasons[at:]])

    def remove_selected(self) -> None:
        """Remove the selected reason."""
        row = self.list.currentRow()
        if 0 <= row < len(self._reasons):
            self.reasonsChanged.emit(self._reasons[:row] + self._reasons[row + 1 :])

    def move_selected(self, step: int) -> None:
        """Move the selected reason up (-1) or down (+1)."""
        row = self.list.currentRow()
        to = row + step
        if 0 <= row < len(self._reasons) and 0 <= to < len(self._reasons):
            moved = list(self._reasons)
            moved[row], moved[to] = moved[to], moved[row]
            self.list.setCurrentRow(to)  # kept by show_reasons once saved
            self.reasonsChanged.emit(moved)

    def _renamed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        row = self.list.row(item)
        text = item.text().strip()[:REASON_MAX]
        if not 0 <= row < len(self._reasons) or text == self._reasons[row]:
            return
        if not text:  # an emptied reason is not a removal: show the stored one again
            self.show_reasons(self._reasons)
            return
        renamed = list(self._reasons)
        renamed[row] = text
        self.reasonsChanged.emit(renamed)

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        selected = 0 <= row < len(self._reasons) and bool(self.list.selectedItems())
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < len(self._reasons) - 1)
