"""The Reports screen's widgets: the choices, the definition, the chart, the table.

No plotting library here: the chart widget arrives through :meth:`ReportsView.set_canvas`
when the screen is first shown.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.report_periods import PERIOD_KINDS, PeriodKind, period_days
from desktop_crm.services.reports.dto import REPORT_KINDS, ReportKind
from ui.list_table import ROW_HEIGHT, list_header
from ui.reports.report_rows import ShownReport, definition, empty_text, report_names

if TYPE_CHECKING:
    from desktop_crm.services.reports.queries import PipelineRow

ALL_PIPELINES = ""
"""The pipeline choice meaning every pipeline (the funnel then reads the default one)."""


class ReportsView(QWidget):
    """The choices in a row, the definition under them, then the chart over the table.

    Signals:
        choiceChanged: The report, period or pipeline changed (read the report again).
        exportChartRequested: "Export chart (PNG)…" was clicked.
        exportDataRequested: "Export data (Excel)…" was clicked.
    """

    choiceChanged = Signal()
    exportChartRequested = Signal()
    exportDataRequested = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        layout, top = list_header(self, self.tr("Reports"))
        self.report_box = QComboBox()
        for kind, name in report_names().items():
            self.report_box.addItem(name, kind)
        self.period_box = QComboBox()
        for period, label in self._period_names().items():
            self.period_box.addItem(label, period)
        self.from_edit, self.to_edit = self._date_edit(), self._date_edit()
        self.pipeline_box = QComboBox()
        self.pipeline_box.addItem(self.tr("All pipelines"), ALL_PIPELINES)
        top.addSpacing(12)
        top.addWidget(self.report_box)
        top.addWidget(self.period_box)
        self.from_label, self.to_label = QLabel(self.tr("From")), QLabel(self.tr("to"))
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            top.addWidget(widget)
        top.addWidget(self.pipeline_box)
        top.addStretch(1)
        self.png_button = QPushButton(self.tr("Export chart (PNG)…"))
        self.xlsx_button = QPushButton(self.tr("Export data (Excel)…"))
        top.addWidget(self.png_button)
        top.addWidget(self.xlsx_button)
        layout.addLayout(top)

        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setObjectName("hint")
        self.caption = QLabel()
        layout.addWidget(self.definition)
        layout.addWidget(self.caption)

        self.chart_stack = QStackedWidget()
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyReport")
        self.loading_label = QLabel(self.tr("Reading…"))
        self.loading_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_stack.addWidget(self.loading_label)
        self.chart_stack.addWidget(self.empty_label)
        self.canvas: QWidget | None = None

        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.note = QLabel()
        self.note.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.table)
        lower_layout.addWidget(self.note)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.chart_stack)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 160])  # the chart first; the table scrolls
        layout.addWidget(self.splitter, 1)

        self._set_period("this_year")
        self.report_box.currentIndexChanged.connect(self._report_chosen)
        self.period_box.currentIndexChanged.connect(self._period_chosen)
        self.pipeline_box.currentIndexChanged.connect(lambda _i: self.choiceChanged.emit())
        self.from_edit.dateChanged.connect(self._custom_days)
        self.to_edit.dateChanged.connect(self._custom_days)
        self.png_button.clicked.connect(self.exportChartRequested)
        self.xlsx_button.clicked.connect(self.exportDataRequested)
        self._report_chosen()
        self.set_exportable(False)

    # --- the choices ----------------------------------------------------------------------------

    def kind(self) -> ReportKind:
        """The report chosen."""
        kind: ReportKind = self.report_box.currentData()
        return kind

    def period(self) -> tuple[date, date]:
        """The days chosen, both included."""
        start, end = self.from_edit.date().toPython(), self.to_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        return start, end

    def pipeline_id(self) -> str | None:
        """The pipeline chosen (``None``: every one)."""
        chosen = self.pipeline_box.currentData()
        return str(chosen) if chosen else None

    def choose(self, kind: ReportKind | None = None, period: PeriodKind | None = None) -> None:
        """Pick a report and a period, as the user would (tests, saved state)."""
        if kind is not None:
            self.report_box.setCurrentIndex(REPORT_KINDS.index(kind))
        if period is not None:
            self.period_box.setCurrentIndex(PERIOD_KINDS.index(period))

    def set_custom(self, start: date, end: date) -> None:
        """Choose custom days."""
        self.choose(period="custom")
        self.from_edit.setDate(QDate(start.year, start.month, start.day))
        self.to_edit.setDate(QDate(end.year, end.month, end.day))

    def set_today(self, today: date) -> None:
        """The day the periods count from (the workspace's clock)."""
        if today != self._today:
            self._today = today
            self._period_chosen()

    def set_pipelines(self, pipelines: list[PipelineRow]) -> None:
        """Offer these pipelines, keeping the one chosen when it is still there."""
        chosen = self.pipeline_box.currentData()
        self.pipeline_box.blockSignals(True)
        self.pipeline_box.clear()
        self.pipeline_box.addItem(self.tr("All pipelines"), ALL_PIPELINES)
        for row in pipelines:
            self.pipeline_box.addItem(row.name, row.id)
        found = self.pipeline_box.findData(chosen)
        self.pipeline_box.setCurrentIndex(max(found, 0))
        self.pipeline_box.blockSignals(False)
        if found < 0 and chosen:
            self.choiceChanged.emit()

    # --- what is shown --------------------------------------------------------------------------

    def set_canvas(self, canvas: QWidget) -> None:
        """Put the chart widget in place (made when the screen is first shown)."""
        self.canvas = canvas
        self.chart_stack.addWidget(canvas)

    def show_message(self, text: str) -> None:
        """Say ``text`` where the chart goes, with no table (a period ending before it starts)."""
        self.empty_label.setText(text)
        self.chart_stack.setCurrentWidget(self.empty_label)
        self.table.setVisible(False)
        self.note.setVisible(False)
        self.set_exportable(False)

    def show_report(self, shown: ShownReport, caption: str) -> None:
        """Show the table, and the chart or the empty state (drawn by the caller)."""
        self.caption.setText(caption)
        self.note.setText(shown.note)
        self.note.setVisible(bool(shown.note))
        self.table.clear()
        self.table.setColumnCount(len(shown.headers))
        self.table.setRowCount(len(shown.rows))
        self.table.setHorizontalHeaderLabels(list(shown.headers))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, row in enumerate(shown.rows):
            for c, cell in enumerate(row):
                item = QTableWidgetItem(cell)
                if c in shown.numbers:
                    item.setTextAlignment(right)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        if shown.empty:
            self.empty_label.setText(
                empty_text(self.kind())
                + "\n\n"
                + self.tr("Choose a longer period, or add deals on the Pipeline screen.")
            )
            self.chart_stack.setCurrentWidget(self.empty_label)
        elif self.canvas is not None:
            self.chart_stack.setCurrentWidget(self.canvas)
        self.table.setVisible(not shown.empty)
        self.set_exportable(not shown.empty)

    def set_exportable(self, exportable: bool) -> None:
        """Offer the exports only when a report is shown."""
        self.png_button.setEnabled(exportable)
        self.xlsx_button.setEnabled(exportable)

    # --- inside ---------------------------------------------------------------------------------

    def _report_chosen(self) -> None:
        self.definition.setText(definition(self.kind()))
        # The forecast looks ahead: in December "this year" would hide nearly all of it.
        chosen = self.period_box.currentData()
        if self.kind() == "forecast" and chosen == "this_year":
            self._set_period("next_12_months")
        elif self.kind() != "forecast" and chosen == "next_12_months":
            self._set_period("this_year")
        self.choiceChanged.emit()

    def _period_chosen(self) -> None:
        kind: PeriodKind = self.period_box.currentData()
        custom = kind == "custom"
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)
        if not custom:
            self._set_period(kind)
        self.choiceChanged.emit()

    def _set_period(self, kind: PeriodKind) -> None:
        start, end = period_days(kind, self._today)
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.period_box.blockSignals(True)
        self.period_box.setCurrentIndex(PERIOD_KINDS.index(kind))
        self.period_box.blockSignals(False)
        custom = kind == "custom"
        for widget in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            widget.setVisible(custom)

    def _custom_days(self) -> None:
        if self.period_box.currentData() == "custom":
            self.choiceChanged.emit()

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _period_names(self) -> dict[PeriodKind, str]:
        return {
            "this_month": self.tr("This month"),
            "this_quarter": self.tr("This quarter"),
            "this_year": self.tr("This year"),
            "last_month": self.tr("Last month"),
            "last_quarter": self.tr("Last quarter"),
            "last_year": self.tr("Last year"),
            "next_12_months": self.tr("Next 12 months"),
            "custom": self.tr("Custom…"),
        }
