"""The quote editor's lines as an editable table model: cells, checkboxes, moves and drags.

The model holds the lines as the service takes them (``LineDraft``) and only reads typed text
into them; the editor prices them after every change (``pricing.price_drafts``) and hands the
figures and any refused line back with :meth:`LineTableModel.set_pricing`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from desktop_crm.domain.currency import minor_digits
from desktop_crm.domain.quote_totals import LineAmounts
from desktop_crm.services.quotes.dto import LineDraft
from ui.products.values import plain_number
from ui.quotes.quote_values import discount_text, parse_amount, parse_discount

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-desktop-crm-quote-lines"
COLUMNS = (
    "code",
    "description",
    "quantity",
    "unit",
    "unit_price",
    "discount",
    "tax_rate",
    "price_includes_tax",
    "optional",
    "amount",
)
"""The lines table's columns, in order."""
CHECKS = frozenset({"price_includes_tax", "optional"})
_RIGHT = frozenset({"quantity", "unit_price", "discount", "tax_rate", "amount"})
_PROBLEM = QColor("#fde7e9")
_OPTIONAL = QColor("#757575")


def number_text(value: Decimal, currency: str) -> str:
    """A price as the table shows it: grouped, with the currency's decimals (more if typed)."""
    places = max(minor_digits(currency), -min(0, int(value.normalize().as_tuple().exponent)))
    return f"{value:,.{places}f}"


class LineTableModel(QAbstractTableModel):
    """The lines of the quote being edited.

    Args:
        headers: Column titles by column key.

    Attributes:
        currency: The quote's currency (how many decimals prices show).
        read_only: Whether cells refuse edits (an earlier revision, an accepted quote).

    Signals:
        linesChanged: A line was edited, added, removed or moved (time to price again).
        inputRefused(str): Typed text was not a number; the message says so.
    """

    linesChanged = Signal()
    inputRefused = Signal(str)

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__()
        self._headers = headers
        self._lines: list[LineDraft] = []
        self._amounts: list[LineAmounts | None] = []
        self._problems: dict[int, str] = {}
        self.currency = "CNY"
        self.read_only = False

    # --- reading ------------------------------------------------------------------------------

    @property
    def lines(self) -> tuple[LineDraft, ...]:
        """The lines, in order."""
        return tuple(self._lines)

    def line(self, row: int) -> LineDraft:
        """The line at ``row``."""
        return self._lines[row]

    def problem(self, row: int) -> str | None:
        """Why pricing refused the line at ``row``, if it did."""
        return self._problems.get(row)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The lines."""
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles (right-aligned over numbers); line numbers down the side."""
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(COLUMNS):
            return None
        key = COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers.get(key, key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(key)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell as shown, as edited, checked, coloured or explained."""
        if not index.isValid() or index.row() >= len(self._lines):
            return None
        row, key = index.row(), COLUMNS[index.column()]
        line = self._lines[row]
        section = line.kind == "section"
        if role == Qt.ItemDataRole.BackgroundRole and row in self._problems:
            return _PROBLEM
        if role == Qt.ItemDataRole.ToolTipRole and row in self._problems:
            return self._problems[row]
        if role == Qt.ItemDataRole.FontRole and section:
            font = QFont()
            font.setBold(True)
            return font
        if section:
            show = key == "description" and role in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.EditRole,
            )
            return line.description if show else None
        if role == Qt.ItemDataRole.CheckStateRole and key in CHECKS:
            return Qt.CheckState.Checked if getattr(line, key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(key)
        if role == Qt.ItemDataRole.ForegroundRole and line.optional and key == "amount":
            return _OPTIONAL
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, line, key)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(line, key)
        return None

    def _display(self, row: int, line: LineDraft, key: str) -> str:
        if key == "amount":
            figures = self._amounts[row] if row < len(self._amounts) else None
            return "" if figures is None else number_text(figures.amount, self.currency)
        if key == "unit_price":
            return number_text(line.unit_price, self.currency)
        if key == "tax_rate":
            return plain_number(line.tax_rate) + "%"
        return self._edit_text(line, key)

    @staticmethod
    def _edit_text(line: LineDraft, key: str) -> str:
        if key == "discount":
            return discount_text(line.discount, line.discount_is_percent)
        if key in ("quantity", "unit_price", "tax_rate"):
            return plain_number(getattr(line, key))
        if key in ("code", "unit", "description"):
            return getattr(line, key) or ""
        return ""

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cells edit in place (sections only their text); rows drag; drops land between rows."""
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return flags
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        key = COLUMNS[index.column()]
        if self._lines[index.row()].kind == "section":
            return flags | Qt.ItemFlag.ItemIsEditable if key == "description" else flags
        if key in CHECKS:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if key != "amount":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # --- editing ------------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Read typed text (or a checkbox) into the line; refuse what is not a number."""
        if not index.isValid() or self.read_only:
            return False
        row, key = index.row(), COLUMNS[index.column()]
        line = self._lines[row]
        try:
            if role == Qt.ItemDataRole.CheckStateRole and key in CHECKS:
                on = _checked(value)
                if key == "optional":
                    changed = replace(line, optional=on)
                else:
                    changed = replace(line, price_includes_tax=on)
            elif role == Qt.ItemDataRole.EditRole:
                changed = _with_text(line, key, str(value))
            else:
                return False
        except ValueError as exc:
            self.inputRefused.emit(str(exc))
            return False
        if changed == line:
            return True
        self._lines[row] = changed
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.linesChanged.emit()
        return True

    def set_lines(self, lines: Sequence[LineDraft]) -> None:
        """Show these lines (a quote opened)."""
        self.beginResetModel()
        self._lines = list(lines)
        self._amounts, self._problems = [], {}
        self.endResetModel()
        self.linesChanged.emit()

    def insert_line(self, row: int, line: LineDraft) -> int:
        """Insert ``line`` at ``row`` (the end when out of range); where it went."""
        row = len(self._lines) if not 0 <= row <= len(self._lines) else row
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.insert(row, line)
        self._amounts.insert(row, None)
        self.endInsertRows()
        self.linesChanged.emit()
        return row

    def replace_line(self, row: int, line: LineDraft) -> None:
        """Put ``line`` in place of the line at ``row`` (a product chosen for a blank line)."""
        self._lines[row] = line
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        self.linesChanged.emit()

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Delete ``count`` lines from ``row``."""
        if parent.isValid() or row < 0 or count < 1 or row + count > len(self._lines):
            return False
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._lines[row : row + count]
        del self._amounts[row : row + count]
        self.endRemoveRows()
        self.linesChanged.emit()
        return True

    def moveRows(
        self,
        sourceParent: Index,
        sourceRow: int,
        count: int,
        destinationParent: Index,
        destinationChild: int,
    ) -> bool:
        """Move ``count`` lines from ``sourceRow`` to before ``destinationChild``."""
        if sourceParent.isValid() or destinationParent.isValid() or count < 1:
            return False
        if sourceRow < 0 or sourceRow + count > len(self._lines):
            return False
        if not 0 <= destinationChild <= len(self._lines):
            return False
        if sourceRow <= destinationChild <= sourceRow + count:
            return False  # onto itself: nothing moves (Qt refuses it too)
        self.beginMoveRows(
            QModelIndex(), sourceRow, sourceRow + count - 1, QModelIndex(), destinationChild
        )
        block = self._lines[sourceRow : sourceRow + count]
        del self._lines[sourceRow : sourceRow + count]
        at = destinationChild - count if destinationChild > sourceRow else destinationChild
        self._lines[at:at] = block
        self._amounts = [None] * len(self._lines)  # priced again at once
        self._problems = {}
        self.endMoveRows()
        self.linesChanged.emit()
        return True

    def move_line(self, row: int, step: int) -> int:
        """Move the line at ``row`` up (``step`` -1) or down (+1); its new row."""
        target = row + step
        if not 0 <= row < len(self._lines) or not 0 <= target < len(self._lines):
            return row
        destination = target + 1 if step > 0 else target
        moved = self.moveRows(QModelIndex(), row, 1, QModelIndex(), destination)
        return target if moved else row

    def set_pricing(self, amounts: Sequence[LineAmounts | None], problems: dict[int, str]) -> None:
        """Show each line's figures and mark the lines pricing refused."""
        self._amounts = list(amounts) + [None] * (len(self._lines) - len(amounts))
        self._problems = dict(problems)
        if self._lines:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._lines) - 1, len(COLUMNS) - 1)
            )

    # --- dragging -----------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        """Lines are moved, never copied, by a drag."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Lines are moved by a drag."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The one type a dragged line travels as."""
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged lines' rows."""
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(MIME, QByteArray(json.dumps(rows).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged lines (one block) to before ``row``, or onto ``parent``'s row."""
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME) or self.read_only:
            return False
        rows: list[int] = json.loads(bytes(data.data(MIME).data()).decode())
        if not rows or rows != list(range(rows[0], rows[0] + len(rows))):
            return False  # the view selects one block of lines at a time
        if row < 0:  # dropped on a line, not between two: put the block there
            row = parent.row() if parent.isValid() else len(self._lines)
            if row > rows[0]:
                row += 1
        return self.moveRows(QModelIndex(), rows[0], len(rows), QModelIndex(), row)


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def _with_text(line: LineDraft, key: str, text: str) -> LineDraft:
    """``line`` with the text typed in column ``key``."""
    if key == "description":
        return replace(line, description=text.strip())
    if key == "unit":
        return replace(line, unit=text.strip() or None)
    if key == "code":
        # A code typed by hand names a product only on save; the link is dropped here.
        return replace(line, code=text.strip() or None, product_id=None)
    if key == "discount":
        amount, percent = parse_discount(text)
        return replace(line, discount=amount, discount_is_percent=percent)
    if key == "quantity":
        return replace(line, quantity=parse_amount(text))
    if key == "unit_price":
        return replace(line, unit_price=parse_amount(text))
    if key == "tax_rate":
        return replace(line, tax_rate=parse_amount(text))
    return line


def _alignment(key: str) -> int:
    if key in _RIGHT:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if key in CHECKS:
        return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
    return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
