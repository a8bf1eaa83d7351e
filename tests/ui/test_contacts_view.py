"""The Contacts screen over a real workspace: lazy model, SQL sorting, filters, bulk actions."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from tests import drafts
from tests.ui.conftest import open_and_wait


@pytest.fixture
def contacts(qtbot, window, demo_path):
    open_and_wait(qtbot, window, demo_path)
    window.show_view("contacts")
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 120)
    return view


def fill(qtbot, view):
    """Touch every row so the model fetches all pages, then wait for them."""
    model = view.model
    for row in range(model.rowCount()):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: model.ready and view.window().worker.idle)
    return [model.record(r) for r in range(model.rowCount())]


def test_model_passes_qt_model_tester(qtmodeltester, contacts):
    qtmodeltester.check(contacts.model)


def test_rows_arrive_lazily_and_sort_in_sql(qtbot, contacts):
    model = contacts.model
    assert model.record(0) is None  # nothing fetched before it is shown
    rows = fill(qtbot, contacts)
    names = [r.name for r in rows]
    assert len(names) == 120
    with qtbot.waitSignal(model.loaded):
        contacts.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [r.name for r in fill(qtbot, contacts)] == names[::-1]
    with qtbot.waitSignal(model.loaded):
        model.sort(model.columns.index("company"), Qt.SortOrder.AscendingOrder)
    companies = [r.company or "" for r in fill(qtbot, contacts)]
    assert companies == sorted(companies)


def test_filters_narrow_the_list(qtbot, contacts):
    with qtbot.waitSignal(contacts.model.loaded):
        contacts.status_box.setCurrentIndex(contacts.status_box.findData("customer"))
    rows = fill(qtbot, contacts)
    assert rows and all(r.status == "customer" for r in rows)
    assert contacts.count_label.text() == f"{len(rows)} people"
    contacts.search.setText("zzz-no-such-contact")
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 0, timeout=3000)
    contacts.clear_filters()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 120)
    contacts.kind_box.setCurrentIndex(1)
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 12)
    assert contacts.count_label.text() == "12 companies"


def test_bulk_status_is_one_undoable_action(qtbot, window, contacts, monkeypatch):
    fill(qtbot, contacts)
    selection = contacts.table.selectionModel()
    for row in (0, 1, 2):
        selection.select(
            contacts.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert (
        contacts.bulk_bar.isVisibleTo(contacts) and "3 selected" in contacts.selection_label.text()
    )
    chosen = [r.id for r in (contacts.model.record(i) for i in range(3))]
    before = [contacts.model.record(i).status for i in range(3)]
    action = next(a for a in contacts.status_button.menu().actions() if a.text() == "Inactive")
    action.trigger()
    qtbot.waitUntil(lambda: "Set status of 3 people" in window.undo_action.text())
    qtbot.waitUntil(lambda: window.worker.idle and contacts.model.ready)
    ws = window.workspace
    assert {ws.cards.card("person", i).status for i in chosen} == {"inactive"}
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.worker.idle and window.redo_action.isEnabled())
    assert [ws.cards.card("person", i).status for i in chosen] == before


def test_bulk_delete_asks_and_refreshes(qtbot, window, contacts, monkeypatch):
    fill(qtbot, contacts)
    contacts.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    contacts.delete_button.click()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 119, timeout=5000)


def test_columns_are_chosen_and_remembered(qtbot, window, contacts, qt_settings):
    contacts.toggle_column("tags", True)
    assert contacts.model.columns[-1] == "tags"
    assert "tags" in qt_settings.value("contacts/columns/person")
    contacts.toggle_column("email", False)
    assert "email" not in contacts.model.columns
    contacts._load_columns()
    assert contacts.model.columns[-1] == "tags" and "email" not in contacts.model.columns


def test_double_click_asks_for_the_card(qtbot, contacts):
    rows = fill(qtbot, contacts)
    with qtbot.waitSignal(contacts.openRequested) as opened:
        contacts.table.doubleClicked.emit(contacts.model.index(0, 0))
    assert opened.args == ["person", rows[0].id]


def test_new_contact_appears_after_refresh(qtbot, window, contacts):
    window.worker.submit(lambda: window.workspace.people.save(drafts.person("阿明")))
    qtbot.waitUntil(lambda: window.worker.idle)
    contacts.refresh()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 121)


def test_select_all_acts_on_rows_never_loaded(qtbot, window, contacts, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    qtbot.waitUntil(lambda: contacts.model.ready and window.worker.idle)
    assert contacts.model.record(119) is None  # the last page was never shown
    contacts.table.selectAll()
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("全选", True))
    contacts.tag_button.click()
    qtbot.waitUntil(lambda: "Tag 120 people with 全选" in window.undo_action.text(), timeout=5000)
    with qtbot.waitSignal(contacts.model.loaded):
        contacts.tag_box.setCurrentIndex(contacts.tag_box.findData("全选"))
    assert contacts.model.rowCount() == 120


def test_saved_views_live_in_the_sidebar(qtbot, window, contacts, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    with qtbot.waitSignal(contacts.model.loaded):
        contacts.status_box.setCurrentIndex(contacts.status_box.findData("customer"))
    customers = contacts.model.rowCount()
    contacts.toggle_column("tags", True)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("成交客户", True))
    contacts._ask_save_view()
    qtbot.waitUntil(
        lambda: any(v.name == "成交客户" for v in window.contacts.saved_views), timeout=5000
    )
    keys = [window.sidebar.key(r) for r in range(window.sidebar.count())]
    assert keys.index("contacts/成交客户") == keys.index("contacts") + 1
    contacts.clear_filters()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 120)
    window.show_view("today")
    window.sidebar.setCurrentRow(keys.index("contacts/成交客户"))
    assert window.current_view() == "contacts"
    qtbot.waitUntil(lambda: contacts.model.rowCount() == customers)
    assert contacts.status_box.currentData() == "customer" and "tags" in contacts.model.columns
    window.undo_action.trigger()  # saving a view is undoable
    qtbot.waitUntil(lambda: not window.contacts.saved_views, timeout=5000)
    assert "contacts/成交客户" not in [window.sidebar.key(r) for r in range(window.sidebar.count())]


def test_merge_three_selected_people(qtbot, window, contacts):
    fill(qtbot, contacts)
    selection = contacts.table.selectionModel()
    for row in (0, 1, 2):
        selection.select(
            contacts.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert contacts.merge_button.isVisibleTo(contacts)
    keep = contacts.model.record(0)
    contacts.merge_button.click()
    qtbot.waitUntil(
        lambda: (
            window.contacts._merge_dialog is not None and bool(window.contacts._merge_dialog.groups)
        )
    )
    dialog = window.contacts._merge_dialog
    assert len(dialog.keep_group.buttons()) == 3
    dialog._accept()
    qtbot.waitUntil(
        lambda: window.worker.idle and "Merge 3 people" in window.undo_action.text(), timeout=5000
    )
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 118)
    assert window.workspace.cards.card("person", keep.id).name == keep.name
