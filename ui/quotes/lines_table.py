"""The table the quote's lines are edited in: typed cells, headings across, moves by key and drag.

Ctrl+Up and Ctrl+Down move the current line (the selection follows it); a drag moves the
selected lines and the model moves them itself (``dropMimeData``), so the view must not also
remove the dragged rows afterwards, which a Qt table does after every accepted move.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ui.quotes.line_model import COLUMNS, LineTableModel

_WIDTHS = {
    "code": 80,
    "description": 260,
    "quantity": 60,
    "unit": 54,
    "unit_price": 100,
    "discount": 70,
    "tax_rate": 56,
    "price_includes_tax": 70,
    "optional": 66,
    "amount": 110,
}
_NUMBERS = ("quantity", "unit_price", "discount", "tax_rate")


class NumberDelegate(QStyledItemDelegate):
    """Edits a number as text, right-aligned as it is shown (a spin box would hold a float)."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        """A right-aligned line edit."""
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor


class LinesTable(QTableView):
    """The lines of a quote being edited.

    Args:
        model: The lines.
        parent: The editor it sits in.
    """

    def __init__(self, model: LineTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.lines = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COLUMNS.index("description"), QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for i, key in enumerate(COLUMNS):
            self.setColumnWidth(i, _WIDTHS[key])
        self._numbers = NumberDelegate(self)
        for key in _NUMBERS:
            self.setItemDelegateForColumn(COLUMNS.index(key), self._numbers)
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.rowsMoved):
            signal.connect(self.update_spans)

    def update_spans(self, *_args: Any) -> None:
        """Let each section heading run across the line's columns."""
        self.clearSpans()
        first = COLUMNS.index("description")
        for row in range(self.lines.rowCount()):
            if self.lines.line(row).kind == "section":
                self.setSpan(row, first, 1, len(COLUMNS) - first)

    def current_row(self) -> int:
        """The current line (-1 when none)."""
        return self.currentIndex().row() if self.currentIndex().isValid() else -1

    def select_line(self, row: int, column: int | None = None) -> None:
        """Make ``row`` the current, selected line."""
        if not 0 <= row < self.lines.rowCount():
            return
        col = column if column is not None else max(0, self.currentIndex().column())
        index = self.lines.index(row, col)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)

    def move_current(self, step: int) -> None:
        """Move the current line up (-1) or down (+1), keeping it selected."""
        row = self.current_row()
        if row < 0 or self.lines.read_only:
            return
        column = self.currentIndex().column()
        self.select_line(self.lines.move_line(row, step), column)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Up and Ctrl+Down move the current line."""
        if event.modifiers() == Qt.KeyboardModifier.ControlModifier and event.key() in (
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
        ):
            self.move_current(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Let the model move the lines, then tell the drag they were copied, not moved.

        After a drag that ends in a move, Qt's item views remove the dragged rows from the
        model; the model has moved them already, so that would delete the moved lines.
        """
        super().dropEvent(event)
        if event.isAccepted() and event.dropAction() == Qt.DropAction.MoveAction:
            event.setDropAction(Qt.DropAction.CopyAction)
