"""Settings → Pipelines: a pipeline's stages in order, edited in place one cell at a time.

The table never changes its own cells: an edit is handed on (``stageEdited``) as the stage's
whole new draft, the tab saves it as one undoable operation, and the table is filled again
from what the workspace then holds. A refused edit therefore leaves the stored value showing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop_crm.services.pipelines.dto import StageDraft
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.pipelines.dto import StageInfo

NAME, PROBABILITY, ROTTING, COLOUR, KIND = range(5)
ROTTING_MAX = 3650  # as the service allows
NAME_MAX = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class StageDelegate(QStyledItemDelegate):
    """Editors for a stage's cells: a line for the name, spin boxes for the numbers.

    ``setModelData`` leaves the model alone and hands the value to the table instead
    (:meth:`StageTable.commit`).
    """

    def __init__(self, table: StageTable) -> None:
        super().__init__(table)
        self._table = table

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        """A spin box for the probability (0–100 %) and rotting days (0: never), else a line."""
        if index.column() == PROBABILITY:
            box = QSpinBox(parent)
            box.setRange(0, 100)
            box.setSuffix(" %")
            return box
        if index.column() == ROTTING:
            box = QSpinBox(parent)
            box.setRange(0, ROTTING_MAX)
            box.setSpecialValueText(self._table.never)
            return box
        line = QLineEdit(parent)
        line.setMaxLength(NAME_MAX)
        return line

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Start from the stored value."""
        stage = self._table.stage_at(index.row())
        if stage is None:
            return
        if isinstance(editor, QSpinBox):
            if index.column() == PROBABILITY:
                editor.setValue(stage.probability)
            else:
                editor.setValue(stage.rotting_days or 0)
        elif isinstance(editor, QLineEdit):
            editor.setText(stage.name)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Hand the edited value to the table, which asks for it to be saved."""
        if isinstance(editor, QSpinBox):
            editor.interpretText()  # a typed number not yet stepped counts too
            self._table.commit(index.row(), index.column(), editor.value())
        elif isinstance(editor, QLineEdit):
            self._table.commit(index.row(), index.column(), editor.text())


class StageTable(QTableWidget):
    """A pipeline's stages: name, probability, rotting days, colour swatch, kind.

    Signals:
        stageEdited(str, object): A stage's id and its new :class:`StageDraft`, for the tab
            to save (only when something differs from the stored stage).
    """

    stageEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self._stages: list[StageInfo] = []
        self.never = self.tr("Never")
        self.kinds = {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}
        self.setHorizontalHeaderLabels(
            [
                self.tr("Stage"),
                self.tr("Win probability"),
                self.tr("Rotting days"),
                self.tr("Colour"),
                self.tr("Kind"),
            ]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setItemDelegate(StageDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (PROBABILITY, ROTTING, COLOUR, KIND):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Rows of one line of text: a pipeline's stages fit without scrolling.
        line = self.fontMetrics().lineSpacing()
        self.verticalHeader().setDefaultSectionSize(line + 10)
        self.setMinimumHeight((line + 10) * 8)
        self.cellDoubleClicked.connect(self._double_clicked)

    # --- showing ----------------------------------------------------------------------------

    def show_stages(self, stages: Sequence[StageInfo], select_id: str | None = None) -> None:
        """Fill the table with ``stages`` in order; select ``select_id`` (else the same row)."""
        selected = self.selected_stage()
        keep = select_id or (selected.id if selected is not None else None)
        self._stages = list(stages)
        self.setRowCount(len(self._stages))
        for row, stage in enumerate(self._stages):
            self._set(row, NAME, stage.name, editable=True)
            self._set(row, PROBABILITY, f"{stage.probability} %", editable=True)
            rotting = str(stage.rotting_days) if stage.rotting_days else self.never
            self._set(row, ROTTING, rotting, editable=True)
            # The swatch alone: a colour is seen, not read as #rrggbb (that is its tip).
            swatch = self._set(row, COLOUR, "" if stage.colour else self.tr("None"), editable=False)
            tip = self.tr("Double-click to choose a colour")
            if stage.colour:
                swatch.setData(Qt.ItemDataRole.DecorationRole, QColor(stage.colour))
                tip = f"{stage.colour}\n{tip}"
            swatch.setToolTip(tip)
            self._set(row, KIND, self.kinds.get(stage.kind, stage.kind), editable=False)
        self._align_numbers()
        rows = [i for i, s in enumerate(self._stages) if s.id == keep]
        if rows:
            self.selectRow(rows[0])
        elif self._stages:
            self.selectRow(0)

    def _align_numbers(self) -> None:
        """Numbers right-aligned, as in the app's other tables."""
        for row in range(self.rowCount()):
            for column in (PROBABILITY, ROTTING):
                item = self.item(row, column)
                if item is not None:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )

    def _set(self, row: int, column: int, text: str, *, editable: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        item.setFlags(flags)
        self.setItem(row, column, item)
        return item

    # --- reading ----------------------------------------------------------------------------

    def stages(self) -> list[StageInfo]:
        """The stages shown, in order."""
        return list(self._stages)

    def stage_at(self, row: int) -> StageInfo | None:
        """The stage shown in ``row``."""
        return self._stages[row] if 0 <= row < len(self._stages) else None

    def selected_row(self) -> int:
        """The selected row (-1: none)."""
        rows = {index.row() for index in self.selectedIndexes()}
        return min(rows) if rows else -1

    def selected_stage(self) -> StageInfo | None:
        """The selected stage."""
        return self.stage_at(self.selected_row())

    def moved_ids(self, step: int) -> list[str] | None:
        """The stages' ids with the selected one moved by ``step`` (``None``: it cannot)."""
        row, to = self.selected_row(), self.selected_row() + step
        if not (0 <= row < len(self._stages) and 0 <= to < len(self._stages)):
            return None
        ids = [s.id for s in self._stages]
        ids[row], ids[to] = ids[to], ids[row]
        return ids

    def place_for_new(self) -> tuple[int, str | None]:
        """A new stage's probability and the stage it goes before (``None``: before Won).

        After the selected open stage, with its probability; else before the won and lost
        stages, at 0 %.
        """
        row = self.selected_row()
        after = self.stage_at(row)
        if after is None or after.kind != "open":
            return 0, None
        following = self.stage_at(row + 1)
        return after.probability, following.id if following is not None else None

    def can_delete(self) -> bool:
        """Whether the selected stage may go: an open stage that is not the last open one.

        The service refuses the others too; a disabled button says so before the click.
        """
        stage = self.selected_stage()
        opened = [s for s in self._stages if s.kind == "open"]
        return stage is not None and stage.kind == "open" and len(opened) > 1

    # --- editing ----------------------------------------------------------------------------

    def commit(self, row: int, column: int, value: object) -> None:
        """Ask for ``row``'s stage to be saved with ``value`` in ``column`` (if it differs)."""
        stage = self.stage_at(row)
        if stage is None:
            return
        draft = draft_of(stage)
        if column == NAME:
            changed = StageDraft(str(value), draft.probability, draft.rotting_days, draft.colour,
                                 draft.kind)  # fmt: skip
        elif column == PROBABILITY and isinstance(value, int):
            changed = StageDraft(draft.name, value, draft.rotting_days, draft.colour, draft.kind)
        elif column == ROTTING and isinstance(value, int):
            rotting = value or None  # 0 is shown as "Never"
            changed = StageDraft(draft.name, draft.probability, rotting, draft.colour, draft.kind)
        else:
            return
        if changed != draft:
            self.stageEdited.emit(stage.id, changed)

    def choose_colour(self, row: int | None = None) -> None:
        """Pick the colour of ``row``'s stage (default: the selected one) with a colour dialog."""
        stage = self.stage_at(self.selected_row() if row is None else row)
        if stage is None:
            return
        start = QColor(stage.colour) if stage.colour else QColor("#9e9e9e")
        colour = QColorDialog.getColor(
            start, self, fill(self.tr("Colour of the stage %1"), stage.name)
        )
        if not colour.isValid():
            return  # cancelled
        draft = draft_of(stage)
        new = colour.name().lower()
        if new != draft.colour:
            self.stageEdited.emit(
                stage.id,
                StageDraft(draft.name, draft.probability, draft.rotting_days, new, draft.kind),
            )

    def _double_clicked(self, row: int, column: int) -> None:
        if column == COLOUR:
            self.choose_colour(row)


def draft_of(stage: StageInfo) -> StageDraft:
    """``stage`` as the service's draft (its kind kept: the service refuses another)."""
    return StageDraft(stage.name, stage.probability, stage.rotting_days, stage.colour, stage.kind)
