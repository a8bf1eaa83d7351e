"""The Conflicts table: one row per open conflict, its texts made once per load."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.conflicts.conflict_values import field_text, value_text
from ui.team.texts import moment_text
from ui.translation_context import TranslationContext

if TYPE_CHECKING:
    from desktop_crm.services.team.dto import ConflictView

RECORD, FIELD, MINE, THEIRS, BY, WHEN = range(6)
TYPED_FIELDS_EXCLUDED = frozenset({"deleted_at", "duplicate"})
"""Fields decided only by keeping one side (no value to type)."""

Index = QModelIndex | QPersistentModelIndex


class ConflictColumns(TranslationContext):
    """Translation context of the table's headers."""


def headers() -> list[str]:
    """The column titles."""
    return [
        ConflictColumns.tr("Record"),
        ConflictColumns.tr("Field"),
        ConflictColumns.tr("Mine"),
        ConflictColumns.tr("Theirs"),
        ConflictColumns.tr("Changed by"),
        ConflictColumns.tr("When"),
    ]


@dataclass(frozen=True)
class ConflictRow:
    """One conflict as the table shows it.

    Attributes:
        conflict: The conflict as the service gave it.
        texts: The cells, by column.
        field: The field's name in the user's language.
    """

    conflict: ConflictView
    texts: tuple[str, ...]
    field: str

    @property
    def id(self) -> str:
        """The conflict's id."""
        return self.conflict.id

    @property
    def typable(self) -> bool:
        """Whether a new value can be typed (not for a delete or a duplicate)."""
        return self.conflict.field not in TYPED_FIELDS_EXCLUDED

    @property
    def record(self) -> str:
        """The record's number and name."""
        return self.texts[RECORD]


def make_row(conflict: ConflictView, names: dict[str, str]) -> ConflictRow:
    """The texts of ``conflict`` (ids of users and stages named from ``names``)."""
    record = " ".join(part for part in (conflict.number, conflict.record) if part)
    field = field_text(conflict.entity, conflict.field)
    # The core names what the references point at (a company, a person); ids stay ids here.
    named = {
        str(value): text
        for value, text in (
            (conflict.mine, conflict.mine_text),
            (conflict.theirs, conflict.theirs_text),
        )
        if value is not None and text and text != str(value)
    }
    names = {**names, **named}
    texts = (
        record,
        field,
        value_text(conflict.field, conflict.mine, names),
        value_text(conflict.field, conflict.theirs, names),
        conflict.changed_by or "",
        moment_text(conflict.changed_at) if conflict.changed_at else "",
    )
    return ConflictRow(conflict, texts, field)


class ConflictsModel(QAbstractTableModel):
    """The open conflicts (oldest first, as the service lists them)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[ConflictRow] = []
        self._headers = headers()

    def set_rows(self, rows: Sequence[ConflictRow]) -> None:
        """Show ``rows`` instead of what was shown."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Conflicts listed."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Record, field, mine, theirs, who, when."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text; the whole value as its tooltip."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.texts[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
