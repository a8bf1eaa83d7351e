"""Today's sections as a two-level item model: a heading per section, its rows below it.

The texts are made once per load (:mod:`ui.today.today_rows`); ``data`` only hands them out,
so painting a screenful asks for a few dozen strings, however long the lists are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from ui.text_fill import fill
from ui.today.today_rows import Section, SectionKey, TodayRow, TodayTexts

Index = QModelIndex | QPersistentModelIndex

WHEN, WHAT, WHO, NOTE = range(4)
COLUMNS = 4
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""A row's :class:`TodayRow` (``None`` on a section heading)."""
SECTION_ROLE = Qt.ItemDataRole.UserRole + 2
"""The :class:`Section` of a heading or of a row's section."""
HEADING_FLAGS = Qt.ItemFlag.ItemIsEnabled
# Made once: the tree's layout asks each row. A row never has children: the layout need not
# ask it for them.
ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
DISPLAY = Qt.ItemDataRole.DisplayRole
LATE = QColor("#c62828")
LATE_ON_DARK = QColor("#ef5350")


class TodayModel(QAbstractItemModel):
    """Sections at the top level, their rows as children.

    A row's index carries its section's number + 1 as internal id; a heading's is 0.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sections: list[Section] = []
        self.late = LATE
        self._bold = QFont()
        self._bold.setBold(True)

    def set_sections(self, sections: list[Section]) -> None:
        """Show ``sections`` (a reset: the view restores its selection by row key)."""
        self.beginResetModel()
        self.sections = sections
        self.endResetModel()

    # --- lookups ------------------------------------------------------------------------------

    def row_at(self, index: Index) -> TodayRow | None:
        """The row at ``index`` (``None`` for a heading or an invalid index)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        section = self.sections[index.internalId() - 1]
        return section.row(index.row()) if index.row() < section.count else None

    def section_at(self, index: Index) -> Section | None:
        """The section a heading or row belongs to."""
        if not index.isValid():
            return None
        number = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self.sections[number] if number < len(self.sections) else None

    def section_index(self, key: SectionKey) -> QModelIndex:
        """The heading of section ``key`` (invalid if not shown)."""
        for number, section in enumerate(self.sections):
            if section.key == key:
                return self.index(number, 0)
        return QModelIndex()

    def find(self, key: str) -> QModelIndex:
        """The first column of the row whose :attr:`TodayRow.key` is ``key`` (invalid if gone)."""
        for number, section in enumerate(self.sections):
            if not key.startswith(f"{section.key}/"):
                continue
            for position in range(section.count):
                if section.key_at(position) == key:
                    return self.createIndex(position, 0, number + 1)
        return QModelIndex()

    # --- QAbstractItemModel ---------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Headings at the top, rows under them."""
        if column < 0 or column >= COLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.sections) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.sections):
            return QModelIndex()
        if row >= self.sections[parent.row()].count:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """A row's heading; nothing above a heading."""
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Sections at the top; a section's rows under its heading."""
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() != 0 or parent.column() != 0:
            return 0
        return self.sections[parent.row()].count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """When, what, who, note."""
        return COLUMNS

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Only non-empty headings (an empty section shows no arrow)."""
        return self.rowCount(parent) > 0

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows select; headings only toggle."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return HEADING_FLAGS if index.internalId() == 0 else ROW_FLAGS

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """A heading's title and count, a row's texts, red for what is late."""
        if not index.isValid():
            return None
        number = index.internalId()
        if number == 0:
            return self._heading_data(index, role)
        section = self.sections[number - 1]
        if index.row() >= section.count:
            return None
        row = section.row(index.row())
        # Painting asks a dozen roles per cell: the two it shows come first.
        if role == DISPLAY:
            return (row.when, row.what, row.who, row.note)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.late if row.late and index.column() in (WHEN, NOTE) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip
        if role == ROW_ROLE:
            return row
        if role == SECTION_ROLE:
            return self.sections[number - 1]
        return None

    def _heading_data(self, index: Index, role: int) -> Any:
        section = self.sections[index.row()] if index.row() < len(self.sections) else None
        if section is None or index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = fill(
                TodayTexts.tr("%1 (%2)", "section title (count)"), section.title, section.total
            )
            note = section.note()
            if note:
                return fill(TodayTexts.tr("%1 — %2", "section (count) — note"), text, note)
            return text
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == SECTION_ROLE:
            return section
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{section.title} {section.total}"
        return None
