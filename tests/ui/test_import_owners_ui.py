"""The import wizard's owner page and the finished message: each kind apart, notes from codes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import QMessageBox, QWizard

from desktop_crm.services.importing.dto import EntityCounts, ImportReport
from desktop_crm.services.importing.report_notes import TEMPLATES, ReportNote
from desktop_crm.store.types import id_text
from tests.ui.conftest import open_and_wait
from ui.imports.file_transfer import open_import, report_text
from ui.imports.import_summary import done_counts, note_text, planned_counts


def owner_sheet(path, owners):
    book = Workbook()
    book.active.append(["姓名", "手机", "负责人"])
    for i, owner in enumerate(owners):
        book.active.append([f"客户{i}", f"139{i:08d}", owner])
    book.save(path)
    return path


def users(path):
    with sqlite3.connect(path) as db:
        found = db.execute("SELECT name, id FROM users WHERE deleted_at IS NULL")
        return {name: id_text(id_) for name, id_ in found}


def owners_of(path):
    with sqlite3.connect(path) as db:
        found = db.execute("SELECT name, owner_id FROM people")
        return {name: None if id_ is None else id_text(id_) for name, id_ in found}


def test_owner_page_adds_maps_and_keeps_names(qtbot, window, workspace, tmp_path, monkeypatch):
    ws_path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, ws_path)
    (me,) = users(ws_path)
    sheet = owner_sheet(tmp_path / "客户.xlsx", ["张三", "李四", "王五", "张三", me.upper()])
    wizard = open_import(window, sheet)
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10_000)
    assert wizard.unknown_owners() == ("张三", "李四", "王五")
    wizard.next()
    wizard.next()
    assert wizard.currentPage() is wizard.preview_page
    wizard.next()
    page = wizard.owners_page
    assert wizard.currentPage() is page and page.table.rowCount() == 3
    page.choose_all(page.combo(0).itemData(1))  # "Add as a user" for all
    page.combo(1).setCurrentIndex(page.combo(1).findText(f"User: {me}"))  # 李四 is me
    page.combo(2).setCurrentIndex(0)  # 王五 stays in notes
    assert wizard.import_options()["new_owners"] == ("张三",)
    assert wizard.import_options()["owner_map"] == {"李四": users(ws_path)[me]}
    wizard.next()
    counts = wizard.options_page.counts
    qtbot.waitUntil(lambda: "create: 5 people" in counts.text(), timeout=10_000)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "5 people created" in shown[0]
    assert "负责人: added “张三” as a user." in shown[0]
    assert "负责人: “王五” is not a user (1 row" in shown[0]  # "1 row" with English plurals
    ids = users(ws_path)
    assert owners_of(ws_path) == {
        "客户0": ids["张三"],
        "客户1": ids[me],
        "客户2": ids[me],  # not a user: the importer owns it, the name is in its notes
        "客户3": ids["张三"],
        "客户4": ids[me],
    }


def test_no_owner_page_when_every_owner_is_a_user(qtbot, window, workspace, tmp_path):
    ws_path = workspace.path
    workspace.close(backup_if_changed=False)
    open_and_wait(qtbot, window, ws_path)
    (me,) = users(ws_path)
    wizard = open_import(window, owner_sheet(tmp_path / "mine.xlsx", [me, me.title()]))
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10_000)
    for _ in range(3):
        wizard.next()
    assert wizard.currentPage() is wizard.options_page
    wizard.reject()


def test_finished_message_counts_each_kind():
    report = ImportReport(
        Path("客户.xlsx"),
        7,
        1,
        2,
        1,
        "op",
        (),
        (),
        by_entity={"people": EntityCounts(5, 1, 2), "companies": EntityCounts(2)},
    )
    assert done_counts(report) == (
        "5 people created, 1 people updated, 2 people skipped, 2 companies created, 1 failed"
    )
    assert report_text(QMessageBox(), report).startswith("客户.xlsx: 5 people created, ")
    assert (
        planned_counts(report)
        == "The import will create: 5 people, 2 companies; update: 1; skip: 2."
    )


def test_every_note_code_is_rendered_by_the_ui():
    examples = {
        "row_no_name": ("3", "a@b.cn", "email"),
        "card_no_name": ("1", "4", "a@b.cn", "email"),
        "cell_kept": ("5", "邮箱", "“x” is not an email address; kept in notes"),
        "card_warning": ("2", "9", "the photo could not be decoded"),
        "deal_stage_unknown": ("7", "谈判"),
        "owner_unknown": ("负责人", "1", "3 rows", "张三"),
        "owners_created": ("负责人", "1", "张三"),
        "workspace_loaded": ("120",),
    }
    assert set(examples) == set(TEMPLATES)
    for code, args in examples.items():
        one = note_text(ReportNote(code, args))  # type: ignore[arg-type]
        assert one and "%" not in one, code
        for arg in args[:2]:
            if code not in ("owner_unknown", "owners_created", "workspace_loaded"):
                assert arg in one or arg == "email", (code, one)
    several = ReportNote("cell_kept", examples["cell_kept"], 4, (examples["cell_kept"],) * 2)
    text = note_text(several)
    assert text.startswith("邮箱: 4 values could not be stored as mapped") and text.endswith(
        "; …)."
    )
    names = ReportNote("owner_unknown", ("负责人", "12", "100,000 rows", "张三"), 100_000)
    assert note_text(names) == "负责人: 12 names are not users (100000 rows); kept in notes."
