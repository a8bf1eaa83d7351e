"""The Products screen over a real demo workspace: list, filter, editor, archive, picker."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import QItemSelectionModel

from desktop_crm.services.products.dto import ProductAdded
from tests.ui.conftest import open_and_wait, type_text
from ui.products.product_picker import ProductPicker
from ui.products.quick_add import QuickAddDialog

DEMO_PRODUCTS = 8


@pytest.fixture
def products(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("products")
    view = window.screens["products"].view
    qtbot.waitUntil(lambda: view.model.rowCount() == DEMO_PRODUCTS)
    return view


def loaded(qtbot, view):
    """Touch every row so the model fetches its pages; the rows once they are in."""
    model = view.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: model.ready and view.window().worker.idle)
    return [model.product(r) for r in range(model.rowCount())]


def select(qtbot, view, sku):
    """Select the product with code ``sku``; the product."""
    rows = loaded(qtbot, view)
    codes = [r.sku for r in rows]
    view.table.selectionModel().select(
        view.model.index(codes.index(sku), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    return rows[codes.index(sku)]


def test_the_list_shows_the_demo_products_and_passes_the_model_tester(
    qtbot, qtmodeltester, products
):
    rows = loaded(qtbot, products)
    assert {r.sku for r in rows} >= {"LOGO-01", "VI-01", "VIDEO-01"}
    assert products.count_label.text() == "8 products"
    assert products.body.currentWidget() is products.table
    price = products.model.index(0, 4).data()
    assert price.startswith("¥")  # the demo's currency, with its sign
    qtmodeltester.check(products.model)


def test_the_filter_narrows_and_a_miss_says_so(qtbot, products):
    type_text(products.search, "logo")
    qtbot.waitUntil(lambda: products.model.rowCount() == 1)
    assert loaded(qtbot, products)[0].sku == "LOGO-01"
    products.search.setText("zzz-nothing")
    qtbot.waitUntil(lambda: products.body.currentWidget() is products.no_match)
    products.no_match.clear_button.click()
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS)


def test_the_editor_saves_and_the_row_appears(qtbot, window, products):
    editor = window.screens["products"].edit_product(None)
    qtbot.addWidget(editor)
    editor.sku.setText("MOOD-01")
    editor.name.setText("情绪板")
    editor.name_alt.setText("Mood boards")
    editor.price.setText("twelve")
    editor.save()
    assert "twelve" in editor.problem_label.text() and editor.isVisible()
    editor.price.setText("¥1,250.50")
    editor.tax_rate.setText("6%")
    editor.includes_tax.setChecked(True)
    editor.save()
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS + 1)
    mood = next(r for r in loaded(qtbot, products) if r.sku == "MOOD-01")
    assert (mood.name_alt, mood.price, mood.tax_rate) == ("Mood boards", Decimal("1250.50"), 6)
    assert mood.price_includes_tax
    assert "Add product 情绪板" in window.undo_action.text()


def test_a_taken_code_is_marked_in_the_editor(qtbot, window, products):
    editor = window.screens["products"].edit_product(None)
    qtbot.addWidget(editor)
    editor.sku.setText("logo-01")
    editor.name.setText("Copy")
    editor.save()
    qtbot.waitUntil(lambda: "already used" in editor.problem_label.text())
    assert editor.sku.property("problem") is True and editor.isVisible()
    editor.reject()


def test_archive_hides_it_from_the_active_list_and_all_shows_it(qtbot, window, products):
    select(qtbot, products, "LOGO-01")
    assert products.archive_button.isEnabled() and products.archive_button.text() == "Archive"
    products.archive_button.click()
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS - 1)
    assert "LOGO-01" not in [r.sku for r in loaded(qtbot, products)]
    products.shown_box.setCurrentIndex(1)  # all, archived too
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS)
    assert not select(qtbot, products, "LOGO-01").active
    assert products.archive_button.text() == "Put on sale"
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and products.model.ready)
    assert all(r.active for r in loaded(qtbot, products))


def test_delete_asks_nothing_when_told_and_undo_brings_it_back(qtbot, window, products):
    row = next(r for r in loaded(qtbot, products) if r.sku == "CONSULT")
    window.screens["products"].delete_product(row, ask=False)
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS - 1)
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS)


def test_an_empty_catalogue_shows_how_to_start(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, tmp_path / "new.crm", "new")
    window.show_view("products")
    view = window.screens["products"].view
    qtbot.waitUntil(lambda: view.body.currentWidget() is view.start_panel)


def test_the_picker_offers_matches_and_quick_add_adds_one(qtbot, window, products):
    ws = window.workspace
    picker = ProductPicker(window.worker)
    qtbot.addWidget(picker)
    picker.set_workspace(ws)
    picker.setText("vi-01")
    picker.refresh()
    qtbot.waitUntil(lambda: picker.matches.rowCount() > 0)
    assert picker.matches.item(0).text().startswith("VI-01")
    with qtbot.waitSignal(picker.productChosen) as chosen:
        picker.completer().activated[type(picker.matches.index(0, 0))].emit(
            picker.matches.index(0, 0)
        )
    assert chosen.args[0].sku == "VI-01" and picker.chosen is chosen.args[0]

    dialog = QuickAddDialog(window.worker, ws, name="加急费", parent=window)
    qtbot.addWidget(dialog)
    dialog.price.setText("500")
    dialog.unit.setText("次")
    with qtbot.waitSignal(dialog.added) as added:
        dialog.save()
    result = added.args[0]
    assert isinstance(result, ProductAdded) and result.product.price == Decimal(500)
    window.apply_changes(result.change)
    qtbot.waitUntil(lambda: products.model.rowCount() == DEMO_PRODUCTS + 1)
