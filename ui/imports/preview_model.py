"""The import preview as a table: cells as stored, problems marked in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_crm.services.importing.dto import ImportPreview, PreviewRow
from ui.imports.field_labels import field_label
from ui.text_fill import fill

_PROBLEM = QColor("#fde2e1")
_ROW_PROBLEM = QColor("#f8c9c6")
_QUIET = QColor("#8a8f98")
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """Rows of an :class:`ImportPreview`; headers say where each column goes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._preview: ImportPreview | None = None
        self._rows: tuple[PreviewRow, ...] = ()

    def set_preview(self, preview: ImportPreview | None) -> None:
        """Show ``preview`` (or nothing)."""
        self.beginResetModel()
        self._preview = preview
        self._rows = preview.rows if preview else ()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the sheet."""
        return 0 if parent.isValid() or not self._preview else len(self._preview.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Stored value, problem colour and tooltip."""
        if not index.isValid() or self._preview is None:
            return None
        row = self._rows[index.row()]
        cell = row.cells[index.column()] if index.column() < len(row.cells) else None
        target = self._preview.mapping.get(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.shown if cell else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            if cell and cell.problem:
                return QBrush(_PROBLEM)
            if row.problem:
                return QBrush(_ROW_PROBLEM)
        if role == Qt.ItemDataRole.ForegroundRole and (target is None or target == "ignore"):
            return QBrush(_QUIET)
        if role == Qt.ItemDataRole.ToolTipRole:
            if cell and cell.problem:
                return cell.problem
            if row.problem:
                return row.problem
            if target is None:
                return self.tr("Not mapped: kept in the notes")
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column name and its target; row number, marked when the row cannot be imported."""
        if self._preview is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self._preview.columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                target = self._preview.mapping.get(section)
                goes = field_label(self._preview.entity, target) if target else self.tr("Notes")
                return f"{self._preview.columns[section]}\n→ {goes}"
            if role == Qt.ItemDataRole.FontRole and self._preview.mapping.get(section) == "ignore":
                font = QFont()
                font.setStrikeOut(True)
                return font
            return None
        if section >= len(self._rows):
            return None
        row = self._rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.number)
        if role == Qt.ItemDataRole.ToolTipRole and row.problem:
            return fill(self.tr("Not imported: %1 (listed in the error workbook)"), row.problem)
        if role == Qt.ItemDataRole.BackgroundRole and row.problem:
            return QBrush(_ROW_PROBLEM)
        return None
