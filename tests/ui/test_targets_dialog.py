"""Setting sales targets from the Reports screen: typed, saved as one step, reported, undone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

from desktop_crm.services.workspace.handle import create_workspace
from desktop_crm.store.models import User
from tests.ui.test_reports_screen import opened_reports, show
from ui.reports.reports_screen import ReportsScreen
from ui.reports.targets_dialog import TargetsDialog, grouped


def _workspace(tmp_path: Path) -> Path:
    path = tmp_path / "targets.crm"
    ws = create_workspace(path)
    with ws.store.unit_of_work("users") as (s, _rec):
        s.add_all([User(name="Ann"), User(name="Bob")])
    ws.close(backup_if_changed=False)
    return path


def _targets(screen: ReportsScreen) -> list[tuple[str | None, str, D]]:
    report = screen.report
    if report is None or report.kind != "targets":
        return []
    return [(r.owner, r.month, r.target.amount) for r in report.data if r.target.amount]


def _opened(qtbot, screen: ReportsScreen) -> TargetsDialog:
    dialog = screen.edit_targets()
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.owners) and dialog.table.isEnabled(), timeout=20_000)
    return dialog


def _cell(dialog: TargetsDialog, owner: str, month: int):
    row = [o.name for o in dialog.owners].index(owner)
    item = dialog.table.item(row, month - 1)
    assert item is not None
    return item


def test_grouped_targets_drop_trailing_zeros() -> None:
    assert grouped(D("12000.0000")) == "12,000"
    assert grouped(D("8000.5000")) == "8,000.5"


def test_type_save_report_and_undo_targets(qtbot, window, tmp_path: Path) -> None:
    screen = opened_reports(qtbot, window, _workspace(tmp_path))
    assert not screen.targets_button.isVisibleTo(screen)  # the funnel is shown first
    show(qtbot, screen, "targets")
    assert screen.targets_button.isVisibleTo(screen)
    assert _targets(screen) == []
    year = date.today().year
    assert screen.view.period()[0].year == year

    dialog = _opened(qtbot, screen)
    assert dialog.year() == year
    assert {"Ann", "Bob"} <= {o.name for o in dialog.owners}
    assert dialog.table.columnCount() == 12
    assert dialog.table.horizontalHeaderItem(0).text() == "Jan"

    # Not a number: refused in place, nothing written, the dialog stays.
    _cell(dialog, "Ann", 1).setText("12,000")
    _cell(dialog, "Bob", 3).setText("lots")
    dialog.save()
    assert dialog.problem.isVisibleTo(dialog)
    assert "lots" in dialog.problem.text() and "Bob, Mar" in dialog.problem.text()
    assert dialog.isVisible()

    # A negative target: the service refuses it, named on its cell.
    _cell(dialog, "Bob", 3).setText("-5")
    dialog.save()
    qtbot.waitUntil(lambda: window.worker.idle and dialog.table.isEnabled(), timeout=20_000)
    assert dialog.problem.text() == "A target is a number from 0 (Bob, Mar)."
    assert dialog.table.currentRow() == [o.name for o in dialog.owners].index("Bob")
    assert dialog.isVisible()

    # Changing the year would lose what was typed: refused until saved.
    dialog.year_box.setValue(year + 1)
    assert dialog.year_box.value() == year and dialog.year() == year
    assert str(year) in dialog.problem.text()

    _cell(dialog, "Bob", 3).setText("8000.5")
    with qtbot.waitSignal(dialog.saved, timeout=20_000):
        dialog.save()
    assert not dialog.isVisible()
    want = [("Ann", f"{year}-01", D("12000")), ("Bob", f"{year}-03", D("8000.5"))]
    qtbot.waitUntil(lambda: _targets(screen) == want, timeout=20_000)
    # The Edit menu's label is read back after the save: under load it comes a moment later.
    qtbot.waitUntil(
        lambda: "Set sales targets for " + str(year) in window.undo_action.text(), timeout=20_000
    )

    # Opened again, the grid shows what was saved, grouped.
    again = _opened(qtbot, screen)
    assert _cell(again, "Ann", 1).text() == "12,000"
    assert _cell(again, "Bob", 3).text() == "8,000.5"
    assert _cell(again, "Bob", 1).text() == ""
    again.reject()

    # One undo takes every target of the save back; the report follows.
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and _targets(screen) == [], timeout=20_000)
