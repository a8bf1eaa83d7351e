"""The Reports screen: funnel, forecast, won and lost, win rate, sales, targets, with charts.

Reports are read on the reader thread and drawn on the GUI thread. matplotlib is imported
the first time the screen is shown, never at the app's start (``ui/reports/report_chart.py``).
A change to what the reports read reloads the shown report; while another screen is shown the
report is only marked stale and read again when Reports is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_crm.domain.clock import local_today
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.reports.dto import Report, ReportKind
from ui.messages import error_text
from ui.reports.report_rows import report_names, shown_report
from ui.reports.reports_view import ReportsView
from ui.screen import Screen
from ui.text_fill import fill

if TYPE_CHECKING:
    from desktop_crm.services.common.dto import ChangeResult
    from desktop_crm.services.reports.queries import PipelineRow
    from desktop_crm.services.reports.service import ReportService
    from desktop_crm.services.workspace.handle import Workspace
    from ui.reports.report_chart import ChartCanvas
    from ui.reports.targets_dialog import TargetsDialog
    from ui.shell import Shell


@dataclass(frozen=True)
class ReportAnswer:
    """What one read brings back: the report and the pipelines to choose from."""

    report: Report[Any]
    pipelines: list[PipelineRow]


def read_report(
    reports: ReportService,
    kind: ReportKind,
    pipeline_id: str | None,
    start: date,
    end: date,
) -> ReportAnswer:
    """Read one report (on the reader thread), with the live pipelines."""
    pipelines = reports.pipelines()
    if pipeline_id is not None and all(p.id != pipeline_id for p in pipelines):
        pipeline_id = None  # deleted meanwhile: report on every pipeline
    calls: dict[ReportKind, Callable[..., Report[Any]]] = {
        "funnel": reports.funnel,
        "forecast": reports.forecast,
        "won_lost": reports.won_lost,
        "win_rate": reports.win_rate,
        "sales": reports.sales,
        "targets": reports.targets,
    }
    if kind == "funnel" and not pipelines:
        # No pipeline at all: an empty funnel, not an error.
        from desktop_crm.domain.funnel import Funnel

        return ReportAnswer(Report("funnel", None, "", start, end, Funnel((), 0, 0)), pipelines)
    return ReportAnswer(calls[kind](pipeline_id, start, end), pipelines)


class ReportsScreen(Screen):
    """Sales reports, each with its definition, a chart, its table and two exports.

    Attributes:
        view: The choices, definition, chart and table.
        canvas: The chart (``None`` until the screen is first shown).
        report: The report shown last.
        stale: Something changed while the screen was hidden: read again when shown.
    """

    key = "reports"
    icon_name = "reports"
    # Deals and their stage history make every report; targets and payments the targets.
    watches: ClassVar[frozenset[str]] = frozenset(
        {"deals", "deal_stage_changes", "stages", "pipelines", "sales_targets", "payments"}
    )

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = ReportsView(date.today())
        layout.addWidget(self.view)
        self.canvas: ChartCanvas | None = None
        self.report: Report[Any] | None = None
        self.stale = True
        self._shown = False  # the chart, its library and the first read wait for this
        self._asked = 0  # answers to older asks are dropped
        self.view.choiceChanged.connect(self.reload)
        self.view.exportChartRequested.connect(self.export_chart)
        self.view.exportDataRequested.connect(self.export_data)
        # Targets are set where they are reported on: beside the exports, with that report.
        self.targets_button = QPushButton(self.tr("Targets…"))
        _beside(self.view, self.view.png_button, self.targets_button)
        self.targets_button.clicked.connect(self.edit_targets)
        self.view.report_box.currentIndexChanged.connect(self._offer_targets)
        self._offer_targets()

    def title(self) -> str:
        """The screen's name."""
        return self.tr("Reports")

    def set_workspace(self, workspace: Workspace | None) -> None:
        """Report on the opened workspace (now if shown, else when shown)."""
        self.report = None
        self.stale = True
        if workspace is not None:
            self.view.set_today(local_today(workspace.clock))
            if self.isVisible():
                self.shown()

    def changed(self, changes: ChangeResult) -> None:
        """Read the report again, now if shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.reload()

    def shown(self) -> None:
        """Read the report if anything changed meanwhile; make the chart the first time.

        The read starts first: the reader runs the report's SQL while this thread imports
        the plotting library.
        """
        self._shown = True
        if self.stale:
            self.reload()
        self._ensure_canvas()

    def _ensure_canvas(self) -> ChartCanvas:
        if self.canvas is None:
            from ui.reports.report_chart import ChartCanvas

            self.canvas = ChartCanvas()
            self.view.set_canvas(self.canvas)
        return self.canvas

    def reload(self) -> None:
        """Read the chosen report on the reader; show it when it arrives."""
        ws = self.shell.workspace
        if ws is None or not self._shown:
            return  # read when first shown
        self.stale = False
        self._asked += 1
        asked = self._asked
        kind, pipeline_id = self.view.kind(), self.view.pipeline_id()
        start, end = self.view.period()
        reports = ws.reads.reports

        def done(answer: ReportAnswer) -> None:
            if asked == self._asked:
                self._show(answer)

        def failed(exc: BaseException) -> None:
            if asked == self._asked:
                self.report = None
                self.view.show_message(self._error_text(exc))

        self.shell.worker.read(
            lambda: read_report(reports, kind, pipeline_id, start, end), done, failed
        )

    def _show(self, answer: ReportAnswer) -> None:
        self.view.set_pipelines(answer.pipelines)
        report = answer.report
        self.report = report
        shown = shown_report(report)
        canvas = self._ensure_canvas()
        self.view.show_report(shown, self._caption(report))
        canvas.show_chart(None if shown.empty else shown.chart)

    def _caption(self, report: Report[Any]) -> str:
        pipeline = report.pipeline or self.tr("All pipelines")
        start = report.start.isoformat() if report.start else "…"
        end = report.end.isoformat() if report.end else "…"
        return fill(self.tr("%1 · %2 to %3 · amounts in %4"), pipeline, start, end, report.currency)

    def _error_text(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationError) and exc.params.get("field") == "end":
            return self.tr("The period ends before it starts: choose a later end day.")
        return error_text(exc)

    # --- targets ------------------------------------------------------------------------------

    def _offer_targets(self) -> None:
        self.targets_button.setVisible(self.view.kind() == "targets")

    def edit_targets(self) -> TargetsDialog | None:
        """Open the sales targets of the shown period's year (saving reloads the report)."""
        ws = self.shell.workspace
        if ws is None:
            return None
        from ui.reports.targets_dialog import TargetsDialog

        dialog = TargetsDialog(self.shell, ws, self.view.period()[0].year, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # --- exports ------------------------------------------------------------------------------

    def _file_name(self, suffix: str) -> str:
        report = self.report
        assert report is not None
        name = report_names()[report.kind]
        start = report.start.isoformat() if report.start else ""
        end = report.end.isoformat() if report.end else ""
        return f"{name} {start} {end}".strip() + suffix

    def export_chart(self, target: Path | None = None) -> None:
        """Save the chart as shown (in the user's language) as a PNG file."""
        if self.report is None or self.canvas is None:
            return
        if target is None:
            target = self._ask_file(
                self.tr("Export chart"), self._file_name(".png"), self.tr("PNG images (*.png)")
            )
            if target is None:
                return
        try:
            self.canvas.save_png(target)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Export chart"), error_text(exc))
            return
        self.shell.show_status(fill(self.tr("Saved the chart to %1."), target.name), 6000)

    def export_data(self, target: Path | None = None) -> None:
        """Write the report's table to an Excel file (on the worker)."""
        report = self.report
        if report is None:
            return
        if target is None:
            target = self._ask_file(
                self.tr("Export data"), self._file_name(".xlsx"), self.tr("Excel files (*.xlsx)")
            )
            if target is None:
                return
        chosen = target
        shown = shown_report(report)
        headers, rows = shown.headers, shown.sheet_rows()
        sheet = report_names()[report.kind]

        def done(_result: object) -> None:
            self.shell.show_status(fill(self.tr("Saved the data to %1."), chosen.name), 6000)

        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, self.tr("Export data"), error_text(exc))

        # Not at the start: the service module brings the ORM, which the window paints without.
        from desktop_crm.services.reports.sheet_export import write_report_sheet

        self.shell.worker.read(
            lambda: write_report_sheet(chosen, headers, rows, sheet), done, failed
        )

    def _ask_file(self, caption: str, name: str, filter_text: str) -> Path | None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, caption, str(Path.home() / name), filter_text
        )
        if not chosen:
            return None
        target = Path(chosen)
        suffix = ".png" if "png" in filter_text.lower() else ".xlsx"
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        return target


def _beside(view: QWidget, anchor: QWidget, widget: QWidget) -> None:
    """Put ``widget`` just before ``anchor`` in the row of ``view`` that holds it."""
    for row in view.findChildren(QHBoxLayout):
        index = row.indexOf(anchor)
        if index >= 0:
            row.insertWidget(index, widget)
            return
