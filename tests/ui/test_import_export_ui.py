"""Importing and exporting vCard from the app: progress, report, undo, selection export."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_crm.spreadsheet.vcard_reader import read_vcards
from tests.conftest import REALWORLD
from tests.ui.conftest import open_and_wait
from ui.contacts.contact_export import run_export
from ui.imports.file_transfer import report_text, run_import


def test_import_shows_a_report_and_refreshes_the_list(qtbot, window, workspace, monkeypatch):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    window.show_view("contacts")
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    run_import(window, REALWORLD / "vcard" / "ezvcard_John_Doe_ANDROID.vcf")
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "6 people created, 2 companies created" in shown[0]  # each kind apart
    assert "2 cards have no name" in shown[0] and "“john.doe@company.com”" in shown[0]
    qtbot.waitUntil(lambda: window.contacts_view.model.rowCount() == 6)
    qtbot.waitUntil(lambda: "Import ezvcard_John_Doe_ANDROID.vcf" in window.undo_action.text())
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: window.contacts_view.model.rowCount() == 0)


def test_a_bad_file_is_a_clear_message(qtbot, window, workspace, monkeypatch, tmp_path):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)
    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    empty = tmp_path / "empty.vcf"
    empty.write_text("")
    run_import(window, empty)
    qtbot.waitUntil(lambda: bool(errors))
    assert "holds no vCard" in str(errors[0])


def test_export_of_the_selection(qtbot, window, demo_path, tmp_path):
    open_and_wait(qtbot, window, demo_path)
    view = window.contacts_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 120)
    view.table.selectRow(0)
    target = tmp_path / "one.vcf"
    run_export(window, target, view.model.resolver(view.selected_rows() or [0]), "4.0")
    qtbot.waitUntil(lambda: target.exists() and window.worker.idle)
    cards = read_vcards(target.read_bytes()).contacts
    assert len(cards) == 1
    target_all = tmp_path / "all.vcf"
    run_export(window, target_all, view.model.resolver(list(range(120))), "3.0")
    qtbot.waitUntil(lambda: target_all.exists() and window.worker.idle)
    assert len(read_vcards(target_all.read_bytes()).contacts) == 120


def test_report_text_lists_problems():
    from pathlib import Path

    from desktop_crm.services.importing.dto import ImportReport

    report = ImportReport(Path("x.vcf"), 3, 0, 0, 1, "op", ("card 2 (line 9): broken",), ())
    text = report_text(QMessageBox(), report)
    assert "3 created" in text and "1 failed" in text and "card 2 (line 9)" in text


def test_list_export_follows_the_screen(qtbot, window, demo_path, tmp_path):
    from openpyxl import load_workbook

    from ui.contacts.contact_export import run_list_export

    open_and_wait(qtbot, window, demo_path)
    view = window.contacts_view
    with qtbot.waitSignal(view.model.loaded):
        view.status_box.setCurrentIndex(view.status_box.findData("customer"))
    customers = view.model.rowCount()
    target = tmp_path / "customers.xlsx"
    run_list_export(window, window.contacts_view, target, "xlsx")
    qtbot.waitUntil(lambda: target.exists() and window.worker.idle)
    sheet = load_workbook(target).active
    assert sheet.max_row == customers + 1
    assert [c.value for c in sheet[1]][:2] == [view.headers[k] for k in view.model.columns[:2]]
