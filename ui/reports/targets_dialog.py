"""Monthly sales targets: a year's grid, one row per user, twelve month columns.

The targets report compares these with won amounts and payments collected. The grid is read
on the reader and saved on the writer as ONE undoable operation ("Set sales targets for
2026"); a problem comes back shown in the dialog, on its cell, with everything typed kept.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.errors import ValidationError
from ui.alive import while_open
from ui.amounts import ui_locale
from ui.messages import error_text
from ui.problem_label import problem_label
from ui.products.values import parse_number, plain_number
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.targets.dto import MonthTarget, TargetOwner
    from desktop_crm.services.workspace.handle import Workspace
    from ui.shell import Shell

MONTHS = range(1, 13)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def grouped(value: Decimal) -> str:
    """A target as the grid shows it: grouped digits, no trailing zeros ("12,000.5")."""
    return f"{Decimal(plain_number(value)):,f}"


class TargetsDialog(QDialog):
    """Set every user's sales target for each month of a year.

    Signals:
        saved: The targets were written (the result of the operation).

    Attributes:
        owners: The rows' users, in order.
        year_box: The year shown.
        table: Users down, months across; blank cells have no target.
        problem: What the last save refused, or why the grid could not be read.
    """

    saved = Signal(object)

    def __init__(
        self, shell: Shell, workspace: Workspace, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._shell = shell
        self._workspace = workspace
        self._busy = False
        self._shown_year = year
        self._edited = False
        self.owners: list[TargetOwner] = []
        self.setWindowTitle(self.tr("Sales targets"))

        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.year_box = QSpinBox()
        self.year_box.setRange(2000, 2100)
        self.year_box.setValue(year)
        self.year_box.setGroupSeparatorShown(False)
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year_box)
        top.addSpacing(12)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        top.addWidget(self.hint, 1)
        root.addLayout(top)

        self.table = QTableWidget(0, len(MONTHS))
        locale = ui_locale()
        self.table.setHorizontalHeaderLabels(
            [locale.monthName(m, QLocale.FormatType.ShortFormat) for m in MONTHS]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Room for a seven-digit target ("1,234,567"); a scroll bar when the window is narrow.
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("8,888,888") + 14)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        root.addWidget(self.table, 1)

        self.problem = problem_label()
        root.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        root.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.year_box.valueChanged.connect(self._year_chosen)
        self.table.itemChanged.connect(self._cell_edited)
        self.resize(1200, 420)
        self._enable(False)
        self.load()

    # --- reading ------------------------------------------------------------------------------

    def year(self) -> int:
        """The year whose targets the grid holds."""
        return self._shown_year

    def load(self) -> None:
        """Read the users, the year's targets and the currency on the reader."""
        reads, year = self._workspace.reads.targets, self._shown_year

        def job() -> tuple[list[TargetOwner], list[MonthTarget], str]:
            return reads.owners(), reads.month_targets(year), reads.currency()

        self._enable(False)
        self._shell.worker.read(job, while_open(self, self._loaded), while_open(self, self._failed))

    def _loaded(self, data: tuple[list[TargetOwner], list[MonthTarget], str]) -> None:
        owners, targets, currency = data
        self.owners = owners
        self.hint.setText(fill(self.tr("Amounts in %1. A blank cell has no target."), currency))
        by_cell = {(t.owner_id, t.month.month): t for t in targets if t.currency == currency}
        self.table.blockSignals(True)
        self.table.setRowCount(len(owners))
        self.table.setVerticalHeaderLabels([o.name for o in owners])
        for row, owner in enumerate(owners):
            for col, month in enumerate(MONTHS):
                target = by_cell.get((owner.id, month))
                item = QTableWidgetItem(grouped(target.amount) if target else "")
                item.setTextAlignment(_RIGHT)
                item.setToolTip(item.text())  # a target too wide for its column is elided
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        self._edited = False
        self._show_problem("")
        self._enable(True)

    def _year_chosen(self, year: int) -> None:
        if year == self._shown_year:
            return
        if self._edited:
            # Typed targets belong to the year shown: never carry them into another.
            self.year_box.blockSignals(True)
            self.year_box.setValue(self._shown_year)
            self.year_box.blockSignals(False)
            self._show_problem(
                fill(self.tr("Save or cancel the targets of %1 first."), str(self._shown_year))
            )
            return
        self._shown_year = year
        self.load()

    def _cell_edited(self, _item: QTableWidgetItem) -> None:
        self._edited = True

    # --- saving -------------------------------------------------------------------------------

    def values(self) -> dict[tuple[str, date], Decimal | None]:
        """Every cell of the grid as the service takes it (blank: None).

        Raises:
            ValueError: A cell is not a number; the message names its user and month.
        """
        out: dict[tuple[str, date], Decimal | None] = {}
        for row, owner in enumerate(self.owners):
            for col, month in enumerate(MONTHS):
                item = self.table.item(row, col)
                text = item.text().strip() if item is not None else ""
                try:
                    out[(owner.id, date(self._shown_year, month, 1))] = (
                        parse_number(text) if text else None
                    )
                except ValueError as exc:
                    self.table.setCurrentCell(row, col)
                    raise ValueError(f"{exc} ({self._cell_name(row, col)})") from exc
        return out

    def save(self) -> None:
        """Write the whole grid as one operation on the writer; close when it is done."""
        if self._busy:
            return
        self._show_problem("")
        try:
            values = self.values()
        except ValueError as exc:
            self._show_problem(str(exc))
            return
        ws, year = self._workspace, self._shown_year
        self._busy = True
        self._enable(False)
        self._shell.worker.submit(
            lambda: ws.targets.set_targets(year, values),
            while_open(self, self._saved),
            while_open(self, self._failed),
        )

    def _saved(self, result: ChangeResult) -> None:
        self._busy = False
        if result.operation_id is not None:
            self._shell.apply_changes(result)
            self._shell.show_status(self.tr("Sales targets saved."), 4000)
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._enable(bool(self.owners))
        self._show_problem(self.problem_text(exc))

    def problem_text(self, exc: BaseException) -> str:
        """What went wrong, in the user's language, naming the cell when there is one."""
        if isinstance(exc, ValidationError):
            field = exc.params.get("field")
            if field == "amount":
                cell = self._cell_of(exc)
                return fill(self.tr("A target is a number from 0 (%1)."), cell)
            if field == "owner_id":
                return self.tr("A user of this grid no longer exists: close and open it again.")
        return error_text(exc)

    # --- inside -------------------------------------------------------------------------------

    def _cell_of(self, exc: ValidationError) -> str:
        """The refused cell's name ("Ann, Mar"), selected; blank when it cannot be found."""
        owner, month = exc.params.get("owner_id"), str(exc.params.get("month", ""))
        rows = [i for i, o in enumerate(self.owners) if o.id == owner]
        if not rows or len(month) < 7:
            return ""
        col = int(month[5:7]) - 1
        self.table.setCurrentCell(rows[0], col)
        return self._cell_name(rows[0], col)

    def _cell_name(self, row: int, col: int) -> str:
        month = ui_locale().monthName(col + 1, QLocale.FormatType.ShortFormat)
        return fill(self.tr("%1, %2"), self.owners[row].name, month)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _enable(self, enabled: bool) -> None:
        self.table.setEnabled(enabled)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(enabled)
