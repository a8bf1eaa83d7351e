"""The import preview: the first rows exactly as stored, problems on their cells; mappings
edited, remembered per column layout, custom fields and ignored columns; matching choices."""

from datetime import date

import pytest
from openpyxl import Workbook

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contact_lists.dto import ContactFilter
from tests.conftest import TODAY


def people(ws):
    rows = ws.contact_list.rows(ws.contact_list.ids(ContactFilter()))
    return {r.name: ws.cards.card("person", r.id) for r in rows}


def xlsx(path, rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


@pytest.fixture
def sheet(tmp_path):
    return xlsx(
        tmp_path / "客户名单.xlsx",
        [
            ["客户名单 2025"],  # a title row above the header
            ["姓名", "手机", "邮箱", "生日", "客户等级", "预算", "内部编号"],
            ["王芳", 13800138000, "wf@studio.cn", "03/04/1990", "A级", "5万", "X-1"],
            ["李雷", "139 0013 9000", "not-an-email", "31/02/1990", "VIP", "", "X-2"],
            ["", "", "", "", "", "", "X-3"],
        ],
    )


def test_preview_shows_stored_values_and_marks_problems(workspace, sheet):
    preview = workspace.imports.preview(sheet)
    assert preview.header_row == 2 and preview.total_rows == 3
    assert preview.mapping == {0: "name", 1: "mobile", 2: "email", 3: "birthday", 4: "level"}
    assert preview.date_orders == {3: "DMY"}  # 31/02 can only be day first
    first, second, third = preview.rows
    assert [c.shown for c in first.cells[:5]] == [
        "王芳",
        "13800138000",  # stored as a number in Excel: every digit kept
        "wf@studio.cn",
        "1990-04-03",
        "A",
    ]
    assert first.cells[5].shown == "5万" and first.cells[5].problem is None  # unmapped: notes
    assert "not an email address" in second.cells[2].problem
    assert "not a real date" in second.cells[3].problem
    assert "not a level" in second.cells[4].problem
    assert third.problem == "no name, email or phone"
    assert preview.problem_count == 4


def test_date_order_chosen_per_column_changes_the_preview(workspace, sheet):
    preview = workspace.imports.preview(sheet, date_orders={3: "MDY"})
    assert preview.rows[0].cells[3].shown == "1990-03-04"


def test_custom_field_and_ignored_column_then_profile_offered_again(workspace, sheet, tmp_path):
    mapping = {0: "name", 1: "mobile", 2: "email", 3: "birthday", 4: "level"}
    mapping |= {5: "custom:预算", 6: "ignore"}
    report = workspace.imports.import_file(
        sheet, mapping=mapping, date_orders={3: "MDY"}, today=TODAY
    )
    assert (report.created, report.failed) == (2, 1)
    found = people(workspace)
    wang = found["王芳"]
    assert wang.birthday == date(1990, 3, 4)
    assert [(label, value) for _id, label, value in wang.custom] == [("预算", "5万")]
    assert "X-1" not in (wang.notes or "")  # ignored on purpose
    li = found["李雷"]
    assert "not-an-email" in li.notes and "Birthday" not in li.notes  # kept under its header
    assert "生日: 31/02/1990" in li.notes and "客户等级: VIP" in li.notes
    assert [p.value for p in li.phones] == ["139 0013 9000"]
    # another file with the same columns gets the remembered mapping
    again = xlsx(
        tmp_path / "more.xlsx",
        [
            ["姓名", "手机", "邮箱", "生日", "客户等级", "预算", "内部编号"],
            ["韩梅", "", "", "", "", 3, "Z"],
        ],
    )
    preview = workspace.imports.preview(again)
    assert preview.profile == "客户名单.xlsx"
    assert preview.mapping[5] == "custom:预算" and preview.mapping[6] == "ignore"
    assert preview.custom_fields == ("预算",)


def test_match_by_email_only_creates_a_namesake(workspace, tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("Name,Company,Email\nAnn Lee,Acme,ann@x.com\n")
    workspace.imports.import_file(first, today=TODAY)
    second = tmp_path / "b.csv"
    second.write_text("Name,Company,Email\nAnn Lee,Acme,ann.lee@y.com\n")
    by_name = workspace.imports.import_file(second, dry_run=True)
    assert (by_name.created, by_name.skipped) == (0, 1)
    by_email = workspace.imports.import_file(second, match_by=("email",), dry_run=True)
    assert (by_email.created, by_email.skipped) == (1, 0)
    with pytest.raises(ValidationError, match="Cannot match by"):
        workspace.imports.import_file(second, match_by=("shoe size",))


def test_bad_mapping_targets_are_refused(workspace, sheet):
    with pytest.raises(ValidationError, match="cannot go to"):
        workspace.imports.preview(sheet, mapping={0: "shoe_size"})
    with pytest.raises(ValidationError, match="not in the sheet"):
        workspace.imports.preview(sheet, mapping={40: "name"})
    with pytest.raises(ValidationError, match="Cannot import"):
        workspace.imports.preview(sheet, entity="invoices")
