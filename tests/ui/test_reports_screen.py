"""The Reports screen over real workspace files: each report, periods, exports, empty state."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_crm.domain.report_periods import period_days
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.reports.dto import REPORT_KINDS
from desktop_crm.services.workspace.handle import create_workspace
from tests.ui.conftest import open_and_wait
from ui.reports.reports_screen import ReportsScreen

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def opened_reports(qtbot, window, path: Path) -> ReportsScreen:
    open_and_wait(qtbot, window, path)
    window.show_view("reports")
    screen = window.screens["reports"]
    assert isinstance(screen, ReportsScreen)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)
    return screen


def show(qtbot, screen: ReportsScreen, kind: str | None = None, period: str | None = None) -> None:
    asked = screen._asked
    view = screen.view
    same = (kind in (None, view.kind())) and (period in (None, view.period_box.currentData()))
    if same:
        screen.reload()
    else:
        view.choose(kind, period)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: screen._asked > asked and screen.shell.worker.idle, timeout=20_000)
    qtbot.waitUntil(lambda: screen.report is not None, timeout=20_000)


def test_periods_are_whole_months_quarters_and_years() -> None:
    today = date(2026, 2, 14)
    assert period_days("this_month", today) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_days("last_month", today) == (date(2026, 1, 1), date(2026, 1, 31))
    assert period_days("this_quarter", today) == (date(2026, 1, 1), date(2026, 3, 31))
    assert period_days("last_quarter", today) == (date(2025, 10, 1), date(2025, 12, 31))
    assert period_days("this_year", today) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period_days("last_year", today) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_days("last_month", date(2026, 1, 5)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert period_days("this_month", date(2024, 12, 31)) == (date(2024, 12, 1), date(2024, 12, 31))
    # The forecast looks ahead: this month and the eleven after it.
    assert period_days("next_12_months", date(2026, 12, 7)) == (
        date(2026, 12, 1),
        date(2027, 11, 30),
    )
    assert period_days("next_12_months", today) == (date(2026, 2, 1), date(2027, 1, 31))


def test_the_forecast_looks_ahead_by_default(qtbot, window, demo_path: Path) -> None:
    screen = opened_reports(qtbot, window, demo_path)
    view = screen.view
    assert view.period_box.currentData() == "this_year"
    view.choose("forecast")
    assert view.period_box.currentData() == "next_12_months"
    assert view.period()[0] == date.today().replace(day=1)
    view.choose("funnel")
    assert view.period_box.currentData() == "this_year"


def test_each_report_shows_its_table_chart_and_definition(qtbot, window, demo_path: Path) -> None:
    screen = opened_reports(qtbot, window, demo_path)
    view = screen.view
    assert screen.canvas is not None and "matplotlib" in sys.modules
    definitions = set()
    for kind in REPORT_KINDS:
        show(qtbot, screen, kind, "this_year")
        assert screen.report is not None and screen.report.kind == kind
        definitions.add(view.definition.text())
        if kind == "targets":
            continue  # the demo has no targets, but its won months still list
        assert view.table.rowCount() > 0, kind
        assert view.chart_stack.currentWidget() is screen.canvas, kind
        assert screen.canvas.figure.axes, kind
    assert len(definitions) == len(REPORT_KINDS)
    # The funnel's table holds what the service answers, and says what "reached" means.
    show(qtbot, screen, "funnel")
    ws = window.workspace
    start, end = view.period()
    funnel = ws.reports.funnel(None, start, end).data
    assert [view.table.item(r, 0).text() for r in range(view.table.rowCount())] == [
        row.stage for row in funnel.rows
    ]
    assert view.table.item(0, 2).text() == f"{funnel.rows[0].reached:,}"
    assert "reached" in view.definition.text()


def test_a_new_period_reads_the_report_again(qtbot, window, demo_path: Path) -> None:
    screen = opened_reports(qtbot, window, demo_path)
    show(qtbot, screen, "forecast", "this_year")
    this_year = screen.report
    assert this_year is not None and this_year.start == date(date.today().year, 1, 1)
    show(qtbot, screen, period="last_year")
    last_year = screen.report
    assert last_year is not None and last_year.start == date(date.today().year - 1, 1, 1)
    assert last_year.end == date(date.today().year - 1, 12, 31)
    # Custom days, and a period ending before it starts is said, not raised.
    asked = screen._asked
    screen.view.set_custom(date(date.today().year, 1, 1), date(date.today().year, 3, 31))
    qtbot.waitUntil(lambda: screen._asked > asked and screen.shell.worker.idle, timeout=20_000)
    assert screen.report is not None and screen.report.end == date(date.today().year, 3, 31)
    screen.view.to_edit.setDate(screen.view.to_edit.date().addYears(-2))
    qtbot.waitUntil(lambda: screen.report is None, timeout=20_000)
    assert "before it starts" in screen.view.empty_label.text()
    assert not screen.view.png_button.isEnabled()


def test_exports_write_a_png_and_an_xlsx(qtbot, window, demo_path: Path, tmp_path: Path) -> None:
    screen = opened_reports(qtbot, window, demo_path)
    show(qtbot, screen, "funnel", "this_year")
    png = tmp_path / "funnel.png"
    screen.export_chart(png)
    data = png.read_bytes()
    assert data.startswith(PNG_MAGIC) and len(data) > 10_000
    xlsx = tmp_path / "funnel.xlsx"
    screen.export_data(xlsx)
    qtbot.waitUntil(lambda: xlsx.exists() and screen.shell.worker.idle, timeout=20_000)
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    assert headers == [screen.view.table.horizontalHeaderItem(c).text() for c in range(5)]
    report = screen.report
    assert report is not None
    first = report.data.rows[0]
    assert sheet.cell(2, 1).value == first.stage
    assert sheet.cell(2, 3).value == first.reached  # a number, not text
    assert not list(tmp_path.glob("*.part"))
    # Amounts are numbers in the report's currency.
    show(qtbot, screen, "forecast")
    xlsx = tmp_path / "forecast.xlsx"
    screen.export_data(xlsx)
    qtbot.waitUntil(lambda: xlsx.exists() and screen.shell.worker.idle, timeout=20_000)
    sheet = load_workbook(xlsx).active
    assert sheet is not None
    forecast = screen.report.data
    assert sheet.cell(2, 1).value == forecast[0].month
    assert float(sheet.cell(2, 3).value) == pytest.approx(float(forecast[0].amount.amount))


def test_an_empty_workspace_says_so_instead_of_drawing(qtbot, window, tmp_path: Path) -> None:
    path = tmp_path / "empty.crm"
    create_workspace(path, "en").close(backup_if_changed=False)
    screen = opened_reports(qtbot, window, path)
    view = screen.view
    for kind in REPORT_KINDS:
        show(qtbot, screen, kind, "this_year")
        assert view.chart_stack.currentWidget() is view.empty_label, kind
        assert "in this period" in view.empty_label.text(), kind
        assert not view.table.isVisible() and not view.png_button.isEnabled()


def test_changes_reload_when_shown_and_wait_when_hidden(qtbot, window, demo_path: Path) -> None:
    screen = opened_reports(qtbot, window, demo_path)
    change = ChangeResult(operation_id=None, entities=frozenset({"deals"}))
    asked = screen._asked
    window.apply_changes(change)
    qtbot.waitUntil(lambda: screen._asked == asked + 1 and window.worker.idle, timeout=20_000)
    window.show_view("today")
    qtbot.waitUntil(lambda: not screen.isVisible(), timeout=5_000)
    window.apply_changes(change)
    assert screen.stale and screen._asked == asked + 1  # not read while hidden
    window.apply_changes(ChangeResult(operation_id=None, entities=frozenset({"people"})))
    window.show_view("reports")
    qtbot.waitUntil(lambda: screen._asked == asked + 2 and window.worker.idle, timeout=20_000)
    assert not screen.stale


def test_the_start_does_not_import_matplotlib(tmp_path: Path) -> None:
    """A fresh process: the window built, a workspace open on Today, no plotting library."""
    script = textwrap.dedent(
        f"""
        import sys
        from datetime import date
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication
        from desktop_crm.services.demo.demo_data import create_demo_workspace
        from ui.main_window import MainWindow
        from ui.worker import DbWorker

        app = QApplication([])
        path = __import__("pathlib").Path({str(tmp_path / "demo.crm")!r})
        create_demo_workspace(path, 30, today=date.today()).close(backup_if_changed=False)
        worker = DbWorker()
        win = MainWindow(worker, QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
        win.show()
        opened = []
        win.workspaceOpened.connect(lambda *a: opened.append(1))
        win.open_workspace(path, "open")
        while not opened or not worker.idle:
            app.processEvents()
        win.show_view("today")
        app.processEvents()
        assert win.current_view() == "today", win.current_view()
        print("matplotlib" in sys.modules)
        win.show_view("reports")
        app.processEvents()
        print("matplotlib" in sys.modules)
        win.close()
        while win.workspace is not None or not worker.idle:
            app.processEvents()
        worker.shutdown()
        """
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-2:] == ["False", "True"], done.stdout


def test_chinese_labels_are_drawn_in_the_shipped_font(tmp_path: Path) -> None:
    from matplotlib import font_manager

    from desktop_crm.services.reports.chart_spec import ChartSpec, Series
    from desktop_crm.services.reports.charts import draw, font_families, new_figure

    latin, chinese = font_families()
    found = font_manager.findfont(font_manager.FontProperties(family=chinese))
    assert Path(found).name == "WenQuanYiMicroHei-GBK.ttf"  # never an installed namesake
    assert Path(found).parent.name == "fonts"
    figure = new_figure()
    spec = ChartSpec("bars", "各负责人赢单金额", ("张伟", "李娜"), (Series("赢单", (3.0, 5.0)),))
    draw(figure, spec)
    target = tmp_path / "zh.png"
    figure.savefig(target)
    assert target.read_bytes().startswith(PNG_MAGIC)
    title = figure.axes[0].title
    assert title.get_text() == "各负责人赢单金额"
    assert list(title.get_fontfamily()) == [latin, chinese]
