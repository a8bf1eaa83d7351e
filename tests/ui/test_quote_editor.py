"""The quote editor over a real demo workspace: lines, live totals, refusals, moves and save."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_crm.services.quotes.dto import LineDraft
from desktop_crm.services.search.dto import SearchHit
from desktop_crm.services.workspace.handle import open_workspace
from tests.ui.conftest import open_and_wait
from ui.quotes.line_model import COLUMNS
from ui.quotes.line_tools import product_line


def col(key: str) -> int:
    return COLUMNS.index(key)


@pytest.fixture
def catalogue(demo_path):
    """The demo's products and a company, read before the window opens the file."""
    ws = open_workspace(demo_path)
    try:
        products = ws.products.catalogue("", 20)
        companies = ws.contact_list.companies()
    finally:
        ws.close(backup_if_changed=False)
    return products, companies


@pytest.fixture
def editor(qtbot, window, demo_path, catalogue):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("quotes")
    editor = window.screens["quotes"].new_quote()
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: window.worker.idle)
    return editor


def typed(editor, row: int, key: str, text: str) -> bool:
    return editor.lines.setData(editor.lines.index(row, col(key)), text, Qt.ItemDataRole.EditRole)


def choose_customer(qtbot, editor, name: str) -> None:
    # As typed (key events would open the completer's popup, which grabs the keyboard: a Qt
    # warning offscreen).
    editor.table.setFocus()
    editor.header.customer.setText(name)
    editor.header.customer.textEdited.emit(name)
    qtbot.waitUntil(lambda: editor.header.customer.matches.rowCount() > 0, timeout=5000)
    assert editor.header.customer.choose_first()
    qtbot.waitUntil(lambda: editor.header.customer.text() == name)


def test_a_new_quote_with_items_a_section_and_an_optional_line_saves_the_totals_shown(
    qtbot, window, editor, catalogue
):
    products, companies = catalogue
    company_id, company = companies[0]
    choose_customer(qtbot, editor, company)
    assert editor.header.customer.chosen.id == company_id
    assert editor.header.language.itemText(0).startswith("The customer's")
    editor.add_line(LineDraft(kind="section", description="Design"))
    editor.add_line(product_line(products[0]))
    editor.add_line(product_line(products[1]))
    assert typed(editor, 2, "quantity", "3")
    assert typed(editor, 1, "discount", "10%")
    editor.add_line(LineDraft(kind="item"))
    assert typed(editor, 3, "description", "Extra revision round")
    assert typed(editor, 3, "unit_price", "¥1,200.50")
    editor.lines.setData(
        editor.lines.index(3, col("optional")),
        Qt.CheckState.Checked,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert editor.lines.line(3).optional and editor.lines.line(1).discount == Decimal(10)
    shown_total = editor.totals.figures["total"].text()
    assert "optional" in editor.totals.figures
    assert editor.totals.rule.text() == "Tax rounded per line"
    assert editor.problem_label.text() == ""

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save()
    quote_id = saved.args[0].ids[0]
    screen = window.screens["quotes"]
    qtbot.waitUntil(lambda: screen.view.select_quote(quote_id), timeout=10_000)
    row = screen.view.selected()
    assert row is not None and row.customer == company
    assert screen.view.display(row, "total") == shown_total
    assert not editor.isVisible()


def test_a_discount_larger_than_its_line_is_marked_and_refuses_save(
    qtbot, window, editor, catalogue
):
    products, companies = catalogue
    editor.header.customer.set_chosen(SearchHit("company", *companies[0]))
    editor.add_line(product_line(products[0]))
    assert typed(editor, 0, "discount", "120%")
    assert editor.lines.problem(0) is not None
    index = editor.lines.index(0, col("description"))
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Line 1" in editor.problem_label.text() and "discount" in editor.problem_label.text()
    assert typed(editor, 0, "discount", "99999999")  # an amount off the line, larger than it
    assert editor.lines.problem(0) is not None
    saved = []
    editor.saved.connect(saved.append)
    editor.save()
    qtbot.wait(200)
    assert not saved and editor.isVisible() and "Line 1" in editor.problem_label.text()
    assert not typed(editor, 0, "quantity", "lots")  # not a number: refused where typed
    assert "not a number" in editor.problem_label.text()
    assert typed(editor, 0, "discount", "5%")
    assert editor.lines.problem(0) is None and editor.problem_label.text() == ""


def names(editor) -> list[str]:
    return [line.description for line in editor.lines.lines]


def test_ctrl_down_and_ctrl_up_move_the_current_line(qtbot, editor):
    for name in ("A", "B", "C"):
        editor.add_line(LineDraft(kind="item", description=name, unit_price=Decimal(10)))
    editor.table.select_line(0, col("quantity"))
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(editor) == ["B", "A", "C"]
    assert editor.table.current_row() == 1
    qtbot.keyClick(editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert names(editor) == ["B", "C", "A"]
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert names(editor) == ["B", "A", "C"]


def test_drag_and_drop_reorders_lines(qtbot, editor):
    for name in ("A", "B", "C", "D"):
        editor.add_line(LineDraft(kind="item", description=name, unit_price=Decimal(10)))
    model = editor.lines
    data = model.mimeData([model.index(0, 0), model.index(0, 1)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert names(editor) == ["B", "C", "A", "D"]
    data = model.mimeData([model.index(3, 0)])  # dropped onto the first line: goes before it
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(0, 0))
    assert names(editor) == ["D", "B", "C", "A"]
    assert not model.dropMimeData(data, Qt.DropAction.CopyAction, 0, 0, QModelIndex())


def test_duplicate_and_delete_a_line(qtbot, editor):
    editor.add_line(LineDraft(kind="item", description="A", unit_price=Decimal(10)))
    editor.table.select_line(0)
    editor.duplicate_line()
    assert names(editor) == ["A", "A"]
    editor.delete_lines()
    assert names(editor) == ["A"]
