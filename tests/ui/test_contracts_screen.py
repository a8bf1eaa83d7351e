"""The Contracts screen over a real demo workspace: list, detail, payments, plan, filters."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop_crm.services.workspace.handle import open_workspace
from tests.ui.conftest import open_and_wait
from ui.contracts.contract_dialogs import ContractDialog, PlanDialog
from ui.contracts.list_model import COLUMNS
from ui.contracts.payment_dialog import PaymentDialog


def quote_numbers(ws) -> list[str]:
    """The demo's quote numbers, oldest first."""
    return sorted(row.number for row in ws.quotes.page())


@pytest.fixture
def contracts_path(demo_path: Path) -> Path:
    """The demo (one contract, no plan) and a second contract: 30% overdue, 70% due later."""
    today = date.today()
    ws = open_workspace(demo_path)
    try:
        number = quote_numbers(ws)[1]
        plan = f"30%:{today - timedelta(days=20)},70%:{today + timedelta(days=60)}"
        ws.contracts.from_quote(number, plan, title="Brochure and website", today=today)
    finally:
        ws.close(backup_if_changed=False)
    return demo_path


@pytest.fixture
def screen(qtbot, window, contracts_path):
    open_and_wait(qtbot, window, contracts_path)
    window.show_view("contracts")
    screen = window.screens["contracts"]
    qtbot.waitUntil(lambda: screen.view.model.rowCount() == 2)
    qtbot.waitUntil(lambda: screen.view.detail.detail is not None)
    return screen


def newest(qtbot, screen):
    """The newest contract's row (the list's first), once loaded."""
    model = screen.view.model
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.contract(0) is not None)
    return model.contract(0)


def cell(screen, row: int, key: str):
    model = screen.view.model
    return model.index(row, COLUMNS.index(key))


def wait_idle(qtbot, window):
    qtbot.waitUntil(lambda: window.worker.idle, timeout=10_000)


def test_the_list_shows_the_contracts_with_their_figures(qtbot, qtmodeltester, window, screen):
    row = newest(qtbot, screen)
    total = row.total
    overdue = (total * Decimal("0.30")).quantize(Decimal("0.01"))
    assert row.paid == 0 and row.outstanding == total and row.overdue == overdue
    assert cell(screen, 0, "total").data().startswith("¥")
    assert cell(screen, 0, "overdue").data() == f"¥{overdue:,}"
    assert cell(screen, 0, "status").data() == "Active"
    red = cell(screen, 0, "overdue").data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.red() > 150
    right = cell(screen, 0, "paid").data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight
    # The first contract is selected and its detail shows its plan.
    detail = screen.view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.id == row.id)
    assert detail.plan_table.rowCount() == 2
    assert "Overdue" in detail.plan_table.item(0, 6).text()
    assert detail.overdue.value.text() == f"¥{overdue:,}"
    assert screen.view.count_label.text() in {"2 contracts", "2 contract(s)"}
    qtmodeltester.check(screen.view.model)


def test_a_payment_updates_the_row_and_the_detail(qtbot, window, screen):
    row = newest(qtbot, screen)
    dialog = screen.act("payment")
    assert isinstance(dialog, PaymentDialog)
    dialog.amount.setText("¥1,234.50")
    dialog.reference.setText("CMB-0001")
    dialog.save()
    qtbot.waitUntil(lambda: screen.dialog is None)
    wait_idle(qtbot, window)
    detail = screen.view.detail
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.balance.paid > 0)
    assert detail.paid.value.text() == "¥1,234.50"
    assert detail.payments_table.rowCount() == 1
    assert detail.payments_table.item(0, 3).text() == "CMB-0001"
    assert detail.payments_table.item(0, 1).text() == "¥1,234.50"
    qtbot.waitUntil(lambda: screen.view.model.contract(0) is not None)
    fresh = screen.view.model.contract(0)
    assert fresh.id == row.id and fresh.paid == Decimal("1234.50")
    assert cell(screen, 0, "paid").data() == "¥1,234.50"
    assert fresh.outstanding == row.total - Decimal("1234.50")

    # Deleting it (undoable) puts the figures back.
    screen.delete_payment(detail.detail.payments[0], ask=False)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: detail.detail.balance.paid == 0)
    assert detail.payments_table.rowCount() == 0


def test_an_over_payment_or_nothing_is_refused_with_a_message(qtbot, window, screen):
    row = newest(qtbot, screen)
    dialog = screen.act("payment")
    dialog.amount.setText(str(row.total + 1))
    dialog.save()
    assert dialog.isVisible()
    assert "more than is still owed" in dialog.problem_label.text()
    assert f"¥{row.outstanding.quantize(Decimal('0.01')):,}" in dialog.problem_label.text()
    dialog.amount.setText("0")
    dialog.save()
    assert "more than zero" in dialog.problem_label.text()
    dialog.amount.setText("twelve")
    dialog.save()
    assert "twelve" in dialog.problem_label.text()
    # The service refuses as well when the dialog's own figure is out of date.
    dialog.left = row.total * 2
    dialog.amount.setText(str(row.total + 1))
    dialog.save()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "more than" in dialog.problem_label.text())
    assert dialog.isVisible()
    dialog.reject()
    wait_idle(qtbot, window)
    assert screen.view.detail.detail.balance.paid == 0


def test_the_plan_editor_refuses_a_plan_that_misses_the_total(qtbot, window, screen):
    row = newest(qtbot, screen)
    dialog = screen.act("plan")
    assert isinstance(dialog, PlanDialog)
    editor = dialog.editor
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert ok.isEnabled() and editor.problem == ""
    editor._rows[1].value.setText("60")
    assert not ok.isEnabled()
    assert editor.check_label.text() == "The percentages add up to 90%: 10% short of 100%."
    editor.mode.setCurrentIndex(1)  # amounts
    editor._rows[0].value.setText("100")
    editor._rows[1].value.setText("200")
    assert not ok.isEnabled() and "short of the total" in editor.problem
    editor.preset("50/50")
    assert ok.isEnabled()
    half = (row.total / 2).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert editor._rows[0].amount.text() == f"¥{half:,}"
    dialog.save()
    qtbot.waitUntil(lambda: screen.dialog is None)
    wait_idle(qtbot, window)
    detail = screen.view.detail
    qtbot.waitUntil(lambda: [p.percent for p in detail.detail.instalments] == [50, 50])
    assert detail.plan_table.item(0, 2).text() == "50%"


def test_the_overdue_filter_keeps_contracts_with_money_past_due(qtbot, window, screen):
    view = screen.view
    row = newest(qtbot, screen)
    view.filters.overdue_box.setChecked(True)
    # The demo's own contract has half its amount due ten days ago: both are overdue.
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    qtbot.waitUntil(lambda: view.model.contract(1) is not None)
    listed = [view.model.contract(0), view.model.contract(1)]
    assert row.id in {c.id for c in listed} and all(c.overdue > 0 for c in listed)
    view.filters.status_box.setCurrentIndex(view.filters.status_box.findData("completed"))
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.no_match)
    view.no_match.clear_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)


def test_sorting_by_outstanding_reads_the_list_whole(qtbot, window, screen):
    view = screen.view
    view.table.sortByColumn(COLUMNS.index("outstanding"), Qt.SortOrder.AscendingOrder)

    def sorted_rows() -> bool:
        # The list was short enough not to be paged before the sort too: wait for the
        # sorted read, not for any two rows.
        first, second = view.model.contract(0), view.model.contract(1)
        return (
            not view.model.paged
            and first is not None
            and second is not None
            and first.outstanding <= second.outstanding
        )

    qtbot.waitUntil(sorted_rows)
    assert view.model.sort_key == "outstanding" and not view.model.descending


def test_editing_the_contract_and_the_balances_tab(qtbot, window, screen):
    newest(qtbot, screen)
    dialog = screen.act("edit")
    assert isinstance(dialog, ContractDialog)
    dialog.title_edit.setText("")
    dialog.save()
    assert dialog.problem_label.text() == "A contract needs a title."
    dialog.title_edit.setText("网站与画册 2027")
    dialog.status.setCurrentIndex(dialog.status.findData("completed"))
    dialog.save()
    qtbot.waitUntil(lambda: screen.dialog is None)
    wait_idle(qtbot, window)
    detail = screen.view.detail
    qtbot.waitUntil(lambda: detail.detail.title == "网站与画册 2027")
    assert "Completed" in detail.heading.text()

    screen.view.tabs.setCurrentWidget(screen.view.balances)
    table = screen.view.balances.table
    qtbot.waitUntil(lambda: table.rowCount() >= 1)
    wait_idle(qtbot, window)
    assert table.item(0, 6).text().startswith("¥")  # most overdue first, in red
    customer = table.item(0, 0).text()
    screen.view.balances.customerChosen.emit(customer)
    assert screen.view.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: screen.view.model.rowCount() >= 1)
    assert screen.view.filters.search.text() == customer


def test_deleting_the_contract_clears_the_detail(qtbot, window, screen):
    newest(qtbot, screen)
    screen.delete_contract(screen.view.detail.detail, ask=False)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: screen.view.model.rowCount() == 1)
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: screen.view.detail.detail is not None)
    assert screen.view.detail.detail.number == screen.view.model.contract(0).number


def test_an_overdue_payment_on_today_opens_its_contract(qtbot, window, contracts_path):
    open_and_wait(qtbot, window, contracts_path)
    window.show_view("today")
    today = window.screens["today"].view

    def rows():
        return today.rows("overdue_instalments")

    qtbot.waitUntil(lambda: len(rows()) == 2)  # the demo's contract and the fixture's
    row = rows()[0]
    contract_id = row.item.contract_id
    today.list.setFocus()
    assert today.select(row.key)
    QTest.keyClick(today.list, Qt.Key.Key_Return)  # Enter opens the row: its contract
    screen = window.screens["contracts"]
    assert window.current_view() == "contracts"
    qtbot.waitUntil(lambda: screen.view.selected() is not None)
    qtbot.waitUntil(lambda: screen.view.selected().id == contract_id)
