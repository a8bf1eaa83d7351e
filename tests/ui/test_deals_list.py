"""The deals list: sorted and filtered in SQL, opened in the editor, exported as shown."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PySide6.QtCore import Qt

from desktop_crm.domain.clock import FixedClock
from desktop_crm.services.deals.dto import DealDraft
from desktop_crm.services.workspace.handle import create_workspace
from tests import drafts
from tests.ui.conftest import open_and_wait, type_text
from ui.deals.deal_editor import DealEditor
from ui.deals.deals_list_model import COLUMNS
from ui.deals.deals_list_view import DealsListView

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)


@pytest.fixture
def listed(qtbot, window, tmp_path: Path):
    clock = FixedClock(NOW, "Asia/Shanghai")
    path = tmp_path / "deals.crm"
    ws = create_workspace(path, clock=clock)
    acme = ws.people.save_company(drafts.company("Acme Trading")).ids[0]
    yuan = ws.people.save_company(drafts.company("远山设计")).ids[0]
    li = ws.people.save(drafts.person("李雷")).ids[0]
    made = {}
    for title, customer, amount, close in (
        ("Chairs", {"company_id": acme}, "8000", date(2026, 12, 5)),
        ("Desks", {"company_id": yuan}, "25000.5", date(2026, 12, 1)),
        ("Lamps", {"person_id": li}, "1200", None),
        ("Sofas", {"company_id": acme}, "56000", date(2027, 1, 15)),
    ):
        draft = DealDraft(title=title, amount=Decimal(amount), expected_close=close, **customer)
        made[title] = ws.deals.create(draft).ids[0]
    ws.deals.win(made["Desks"])
    ws.deals.lose(made["Lamps"], "Price")
    second = ws.pipelines.default().stages[1]
    ws.deals.move(made["Sofas"], second.id)
    ws.close(backup_if_changed=False)
    window.clock = clock
    open_and_wait(qtbot, window, path)
    view = DealsListView(window)
    qtbot.addWidget(view)
    view.resize(1100, 500)
    view.show()
    view.set_workspace(window.workspace)
    return window, view, made, second


def shown(qtbot, view: DealsListView, column: str = "title") -> list[str]:
    """The values of ``column`` down the list, once every page has arrived."""
    model = view.model
    qtbot.waitUntil(lambda: model.ready and view._shell.worker.idle, timeout=5000)
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))  # asks for the row's page
    qtbot.waitUntil(
        lambda: all(model.row_at(r) is not None for r in range(model.rowCount())), timeout=5000
    )
    key = COLUMNS.index(column)
    return [model.data(model.index(r, key)) for r in range(model.rowCount())]


def test_newest_first_with_every_column(qtbot, listed):
    _window, view, _made, second = listed
    assert shown(qtbot, view) == ["Sofas", "Lamps", "Desks", "Chairs"]
    assert view.count_label.text() == "4 deals"
    assert shown(qtbot, view, "status") == ["Open", "Lost", "Won", "Open"]
    assert shown(qtbot, view, "customer") == ["Acme Trading", "李雷", "远山设计", "Acme Trading"]
    assert shown(qtbot, view, "stage")[0] == second.name
    assert shown(qtbot, view, "probability")[0] == f"{second.probability}%"
    assert shown(qtbot, view, "amount")[0] == "¥56,000.00"
    assert shown(qtbot, view, "expected_close")[:3] == ["2027-01-15", "", "2026-12-01"]
    assert shown(qtbot, view, "number")[3].endswith("0001")


def test_sorts_by_the_service_columns_only(qtbot, listed):
    _window, view, _made, _second = listed
    shown(qtbot, view)
    view.table.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.AscendingOrder)
    assert view.model.sort_key == "amount" and not view.model.descending
    assert shown(qtbot, view) == ["Lamps", "Chairs", "Desks", "Sofas"]
    view.table.sortByColumn(COLUMNS.index("customer"), Qt.SortOrder.DescendingOrder)
    assert shown(qtbot, view, "customer")[0] == "远山设计"
    view.table.sortByColumn(COLUMNS.index("expected_close"), Qt.SortOrder.AscendingOrder)
    assert shown(qtbot, view)[1:] == ["Desks", "Chairs", "Sofas"]  # no date sorts first
    view.table.sortByColumn(COLUMNS.index("status"), Qt.SortOrder.AscendingOrder)
    assert view.model.sort_key == "expected_close"  # status does not sort


def test_filters_by_text_status_stage_and_owner(qtbot, listed):
    window, view, _made, second = listed
    shown(qtbot, view)
    type_text(view.search, "acme")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)
    assert shown(qtbot, view) == ["Sofas", "Chairs"]
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4, timeout=5000)
    view.status_box.setCurrentIndex(view.status_box.findData("won"))
    assert shown(qtbot, view) == ["Desks"]
    view.status_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: view.stage_box.findData(f"stage:{second.id}") > 0, timeout=5000)
    view.stage_box.setCurrentIndex(view.stage_box.findData(f"stage:{second.id}"))
    assert shown(qtbot, view) == ["Sofas"]
    view.stage_box.setCurrentIndex(0)
    assert view.owner_box.count() == 2  # everyone's, and the one user
    view.owner_box.setCurrentIndex(1)
    assert shown(qtbot, view) == ["Sofas", "Lamps", "Desks", "Chairs"]  # all are theirs
    assert view.current_filter().board.owner_id == window.workspace.store.actor_id


def test_double_click_opens_the_editor_and_a_save_refreshes_the_list(qtbot, listed):
    window, view, made, _second = listed
    shown(qtbot, view)
    index = view.model.index(3, COLUMNS.index("title"))
    view.table.doubleClicked.emit(index)
    editors = [e for e in window.findChildren(DealEditor) if e.deal_id == made["Chairs"]]
    assert len(editors) == 1
    editor = editors[0]
    qtbot.waitUntil(lambda: editor.data is not None and editor.form.stage.count() > 0)
    editor.form.title.setText("Chairs, ergonomic")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()
    view.refresh()
    assert shown(qtbot, view)[3] == "Chairs, ergonomic"


def test_export_writes_the_list_as_shown_to_xlsx_and_csv(qtbot, listed, tmp_path: Path):
    window, view, _made, _second = listed
    shown(qtbot, view)
    view.status_box.setCurrentIndex(view.status_box.findData("open"))
    view.table.sortByColumn(COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    assert shown(qtbot, view) == ["Sofas", "Chairs"]
    target = tmp_path / "deals.xlsx"
    view.export_to(target, "xlsx")
    qtbot.waitUntil(lambda: target.exists() and window.worker.idle, timeout=10_000)
    book = openpyxl.load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0][:7] == ("No.", "Deal", "Customer", "Stage", "Status", "Amount", "Currency")
    assert [r[1] for r in rows[1:]] == ["Sofas", "Chairs"]
    sofas = dict(zip(rows[0], rows[1], strict=True))
    assert sofas["Amount"] == 56000 and sofas["Currency"] == "CNY"
    assert sofas["Status"] == "Open" and sofas["Customer"] == "Acme Trading"
    assert sofas["Expected close"].date() == date(2027, 1, 15)
    qtbot.waitUntil(lambda: "Exported 2 deals" in window.statusBar().currentMessage())

    view.status_box.setCurrentIndex(0)
    target = tmp_path / "deals.csv"
    view.export_to(target, "csv")
    qtbot.waitUntil(lambda: target.exists() and window.worker.idle, timeout=10_000)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == 5 and {"远山设计", "李雷"} <= {line[2] for line in lines}


def test_with_two_pipelines_the_filter_offers_each_and_its_stages(qtbot, listed):
    window, view, _made, _second = listed
    ws = window.workspace
    done: list[str] = []

    def add() -> None:
        pipeline = ws.pipelines.add_pipeline("Projects").ids[0]
        ws.deals.create(DealDraft(title="Fit-out", pipeline_id=pipeline))
        done.append(pipeline)

    window.worker.submit(add)
    qtbot.waitUntil(lambda: bool(done) and window.worker.idle, timeout=10_000)
    view.refresh()
    qtbot.waitUntil(lambda: view.stage_box.findData(f"pipeline:{done[0]}") > 0, timeout=5000)
    assert shown(qtbot, view)[0] == "Fit-out"
    at = view.stage_box.findData(f"pipeline:{done[0]}")
    assert view.stage_box.itemText(at) == "Projects"
    assert view.stage_box.itemText(at + 1).startswith("    ")  # its stages under it
    view.stage_box.setCurrentIndex(at)
    assert shown(qtbot, view) == ["Fit-out"]
    assert str(view.stage_box.itemData(1)).startswith("pipeline:")  # the default, first
    view.stage_box.setCurrentIndex(1)
    assert "Fit-out" not in shown(qtbot, view)  # the default pipeline's deals only
