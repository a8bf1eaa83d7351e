"""The import wizard over a real workspace: mapping, preview with problems, duplicates, run."""

from __future__ import annotations

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWizard

from tests.conftest import REALWORLD
from tests.ui.conftest import open_and_wait
from ui.imports import file_transfer
from ui.imports.file_transfer import open_import


def sheet(path):
    book = Workbook()
    for row in (
        ["客户名单"],
        ["姓名", "手机", "邮箱", "生日", "预算"],
        ["王芳", 13800138000, "wf@studio.cn", "03/04/1990", "5万"],
        ["李雷", "139 0013 9000", "not-an-email", "31/02/1990", ""],
        ["", "", "", "", "只有备注"],
    ):
        book.active.append(row)
    book.save(path)
    return path


def opened(qtbot, window, workspace):
    path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, path)


def test_wizard_maps_previews_and_imports(qtbot, window, workspace, tmp_path, monkeypatch):
    opened(qtbot, window, workspace)
    wizard = open_import(window, sheet(tmp_path / "名单.xlsx"))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10_000)
    assert "Data rows found: 3" in wizard.source_page.summary.text()
    assert "row 2" in wizard.source_page.summary.text()
    wizard.next()
    page = wizard.mapping_page
    assert page.combo(0).currentData() == "name" and page.combo(4).currentData() == ""
    assert "03/04/1990" in page.table.item(3, 1).text()
    # the budget column becomes a new custom field
    monkeypatch.setattr(
        "ui.imports.import_wizard.QInputDialog.getText", lambda *a, **k: ("预算", True)
    )
    box = page.combo(4)
    box.setCurrentIndex(box.count() - 1)
    box.activated.emit(box.count() - 1)
    qtbot.waitUntil(lambda: wizard.preview.mapping.get(4) == "custom:预算", timeout=10_000)
    wizard.next()
    model = wizard.preview_page.model
    assert model.rowCount() == 3
    assert model.data(model.index(0, 1)) == "13800138000"
    assert model.data(model.index(0, 3)) == "1990-04-03"  # day first: 31/02 decides it
    assert "not an email" in model.data(model.index(1, 2), Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, 2), Qt.ItemDataRole.BackgroundRole) is not None
    assert "no name" in model.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "预算" in model.headerData(4, Qt.Orientation.Horizontal)
    wizard.set_date_order(3, "MDY")
    qtbot.waitUntil(lambda: model.data(model.index(0, 3)) == "1990-03-04", timeout=10_000)
    wizard.next()
    counts = wizard.options_page.counts
    qtbot.waitUntil(lambda: "create: 2" in counts.text(), timeout=10_000)
    assert "cannot be imported: 1" in counts.text()
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "2 people created, 1 failed" in shown[0] and "名单-errors.xlsx" in shown[0]
    window.show_view("contacts")
    qtbot.waitUntil(lambda: window.contacts_view.model.rowCount() == 2, timeout=10_000)


def test_wizard_imports_products_and_reports_an_unreadable_file(
    qtbot, window, workspace, tmp_path, monkeypatch
):
    opened(qtbot, window, workspace)
    path = REALWORLD / "sheets" / "easyexcel_t01_import_template_merged_title.xls"
    wizard = open_import(window, path)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10_000)
    assert not wizard.mapping_page.isComplete() or wizard.preview.entity == "people"
    box = wizard.source_page.entity_box
    box.setCurrentIndex(box.findData("products"))
    qtbot.waitUntil(lambda: wizard.preview.entity == "products", timeout=10_000)
    wizard.next()
    assert wizard.mapping_page.combo(4).currentData() == "name"
    assert wizard.mapping_page.isComplete()
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: "create: 1" in wizard.options_page.counts.text(), timeout=10_000)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "1 product" in shown[0]  # "1 product created" with the English plurals
    locked = open_import(window, REALWORLD / "sheets" / "calamine_pass_protected.xlsx")
    qtbot.waitUntil(lambda: locked.error is not None, timeout=10_000)
    assert "password" in locked.source_page.summary.text()
    assert not locked.source_page.isComplete()
    locked.reject()


def test_wizard_reads_a_web_page_saved_as_xls(qtbot, window, workspace, tmp_path):
    opened(qtbot, window, workspace)
    path = tmp_path / "export.xls"
    path.write_bytes(
        "<html><head><meta charset=gbk></head><body><table>"
        "<tr><th>姓名</th><th>手机</th></tr><tr><td>王芳</td><td>013800138000</td></tr>"
        "</table></body></html>".encode("gbk")
    )
    wizard = open_import(window, path)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10_000)
    summary = wizard.source_page.summary.text()
    assert "web page" in summary and "Text encoding: gbk." in summary
    assert "Data rows found: 1" in summary and "separated by" not in summary
    wizard.next()
    wizard.next()
    assert wizard.preview_page.model.data(wizard.preview_page.model.index(0, 1)) == "013800138000"
    wizard.reject()


def test_file_menu_exports_lists_the_workspace_and_templates(
    qtbot, window, demo_path, tmp_path, monkeypatch
):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    open_and_wait(qtbot, window, demo_path)
    answers = iter(
        [
            (str(tmp_path / "deals.xlsx"), "Excel workbook (*.xlsx)"),
            (str(tmp_path / "everything.xlsx"), ""),
            (str(tmp_path / "模板.xlsx"), "中文模板 (*.xlsx)"),
        ]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    file_transfer.choose_record_export(window, "deals")
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10_000)
    assert load_workbook(tmp_path / "deals.xlsx").active["B1"].value == "Deal"
    file_transfer.choose_workspace_export(window)
    qtbot.waitUntil(lambda: "Wrote" in window.statusBar().currentMessage(), timeout=20_000)
    assert "change_log" in load_workbook(tmp_path / "everything.xlsx", read_only=True).sheetnames
    file_transfer.choose_template(window, "people")
    qtbot.waitUntil(lambda: (tmp_path / "模板.xlsx").exists() and window.worker.idle)
    assert load_workbook(tmp_path / "模板.xlsx").active["A1"].value == "姓名"
