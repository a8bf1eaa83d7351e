"""Importing planned calls from a workbook (--entity followups): contacts by name, phone or
number, times in this computer's zone, repeats, problems on their cells, one undo."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.services.importing.followup_rows import kind_of, parse_clock, time_cell
from desktop_crm.services.workspace.handle import Workspace
from desktop_crm.store.models import FollowUp, Person
from tests.conftest import TODAY
from tests.drafts import company, person
from tests.sheets import write_csv, write_xlsx

ZH = ["联系人", "日期", "时间", "类型", "主题", "重复", "备注", "负责人"]
EN = ["Contact", "Due date", "Time", "Type", "Subject", "Repeat", "Notes", "Owner"]


@pytest.fixture(autouse=True)
def shanghai(monkeypatch: pytest.MonkeyPatch) -> None:
    """The computer's zone at the import: times in the sheet are read there."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")


@pytest.fixture
def contacts(workspace: Workspace) -> dict[str, str]:
    """Two 王芳 at two companies, 李雷 (by number), and the companies."""
    yuanshan = workspace.people.save_company(company("远山设计")).ids[0]
    qingmu = workspace.people.save_company(company("青木科技")).ids[0]
    wang = workspace.people.save(
        person("王芳", company_id=yuanshan, phones=[("mobile", "138 0013 8000")])
    ).ids[0]
    other = workspace.people.save(person("王芳", company_id=qingmu)).ids[0]
    li = workspace.people.save(person("李雷", phones=[("mobile", "139 1234 5678")])).ids[0]
    with workspace.store.read() as session:
        number = session.scalar(select(Person.number).where(Person.id == li))
    assert number
    return {
        "yuanshan": yuanshan,
        "qingmu": qingmu,
        "wang": wang,
        "other": other,
        "li": li,
        "li_number": number,
    }


def planned(workspace: Workspace) -> list[FollowUp]:
    with workspace.store.read() as session:
        return list(
            session.scalars(
                select(FollowUp)
                .where(FollowUp.deleted_at.is_(None))
                .order_by(FollowUp.due_on, FollowUp.subject)
            )
        )


def problems(preview) -> dict[tuple[int, str], str]:
    return {
        (row.number, preview.columns[col]): cell.problem
        for row in preview.rows
        for col, cell in enumerate(row.cells)
        if cell.problem
    }


def test_a_chinese_workbook_with_problems_on_their_cells(workspace, contacts, tmp_path):
    rows = [
        ["王芳 (远山设计)", "2026-12-01", "14:30", "电话", "报价跟进", "每周", "带样品", None],
        ["138-0013-8000", datetime(2026, 12, 2), time(9, 0), "拜访", None, None, None, None],
        [contacts["li_number"], "2026/12/3", "下午2点半", "微信", "发资料", None, None, None],
        ["远山设计", "2026-12-04", None, "会议", "季度回顾", "每月", None, None],
        ["王芳", "2026-12-05", None, None, None, None, None, None],
        ["张三", "2026-12-05", None, None, None, None, None, None],
        ["李雷", None, "10:00", None, None, None, None, None],
        ["李雷", "2026-12-05", "25:00", None, None, None, None, None],
        ["李雷", "2026-12-05", None, "传真", None, None, None, None],
        ["李雷", "2026-12-05", None, None, None, "每逢佳节", None, None],
        ["李雷", "2026-12-07", None, None, None, "每周三", None, None],
    ]
    path = write_xlsx(tmp_path / "回访计划.xlsx", ZH, rows)
    preview = workspace.imports.preview(path, entity="followups")
    assert preview.mapping == {
        i: f
        for i, f in enumerate(
            ("contact", "date", "time", "kind", "subject", "repeat", "notes", "owner")
        )
    }
    found = problems(preview)
    assert found.pop((6, "联系人")).startswith(
        "2 contacts match: 王芳 (远山设计), 王芳 (青木科技); write the name with its company"
    )
    assert found == {
        (7, "联系人"): "no person or company has this name, phone or customer number; "
        "import your contacts first",
        (8, "日期"): "no due date",
        (9, "时间"): "“25:00” is not a time of day (14:30, 2:30 pm, 下午2点)",
        (10, "类型"): "“传真” is not a type (call, meeting, visit, email or message)",
        (11, "重复"): "“每逢佳节” is not a repeat (daily, weekly, monthly, every 3 days, 每周, "
        "每2个月…)",
        (12, "重复"): "repeats on Wednesdays but 2026-12-07 is a Monday; start it on a Wednesday",
    }
    shown = {row.number: [c.shown for c in row.cells] for row in preview.rows}
    assert shown[2][:4] == ["王芳 (远山设计)", "2026-12-01", "14:30", "call"]
    assert shown[4][2] == "14:30"  # 下午2点半, as it will be stored

    report = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert (report.created, report.failed) == (4, 7)
    assert report.by_entity["followups"].created == 4
    assert report.error_workbook is not None and report.error_workbook.exists()
    failed = list(load_workbook(report.error_workbook).active.iter_rows(values_only=True))[1:]
    assert [row[0] for row in failed] == [6, 7, 8, 9, 10, 11, 12]
    assert failed[1][1].startswith("联系人 “张三”: no person or company") and failed[1][2] == "张三"
    first, second, third, fourth = planned(workspace)

    assert (first.person_id, first.company_id) == (contacts["wang"], contacts["yuanshan"])
    assert (first.kind, first.subject, first.notes) == ("call", "报价跟进", "带样品")
    assert first.due_on == date(2026, 12, 1)
    assert first.due_at == datetime(2026, 12, 1, 6, 30, tzinfo=UTC)  # 14:30 in Shanghai
    assert first.due_zone == "Asia/Shanghai"
    assert first.repeat == "FREQ=WEEKLY;INTERVAL=1"
    assert (first.series_start, first.series_id) == (first.due_on, first.id)
    assert first.owner_id == workspace.store.actor_id and first.status == "planned"

    assert second.person_id == contacts["wang"]  # found by phone, typed another way
    assert (second.kind, second.subject) == ("visit", "visit")  # no subject: the type's
    assert second.due_at == datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
    assert second.repeat is None and second.series_id is None

    assert third.person_id == contacts["li"]  # by customer number
    assert (third.kind, third.due_at) == ("message", datetime(2026, 12, 3, 6, 30, tzinfo=UTC))

    assert (fourth.person_id, fourth.company_id) == (None, contacts["yuanshan"])
    assert (fourth.due_at, fourth.due_zone) == (None, None)  # all-day
    assert fourth.repeat == "FREQ=MONTHLY;INTERVAL=1"

    workspace.history.undo(report.operation_id)
    assert planned(workspace) == []


def test_a_gbk_csv_with_problems_and_english_words(workspace, contacts, tmp_path):
    rows = [
        ["李雷", "2026-12-01", "2:30 pm", "meeting", "Demo", "every 2 weeks", "Bring, the laptop"],
        ["+86 139-1234-5678", "2026-12-02", "", "email", "Send the offer", "", ""],
        ["青木科技", "2026-12-03", "9.30", "", "", "", ""],
        ["王芳", "2026-12-04", "", "", "", "", ""],
        ["李雷", "2026-13-01", "", "", "", "", ""],
        ["", "2026-12-05", "", "", "", "", ""],
    ]
    path = write_csv(tmp_path / "calls.csv", EN[:7], rows, "gbk")
    preview = workspace.imports.preview(path, entity="followups")
    assert preview.encoding and preview.encoding.lower().replace("-", "") in ("gbk", "gb18030")
    found = problems(preview)
    assert set(found) == {(5, "Contact"), (6, "Due date"), (7, "Contact")}
    assert found[(6, "Due date")].startswith("“2026-13-01” is not a real date")
    assert found[(7, "Contact")] == "no contact"
    report = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert (report.created, report.failed) == (3, 3)
    demo, offer, qingmu = planned(workspace)
    assert (demo.kind, demo.subject, demo.notes) == ("meeting", "Demo", "Bring, the laptop")
    assert demo.due_at == datetime(2026, 12, 1, 6, 30, tzinfo=UTC)
    assert demo.repeat == "FREQ=WEEKLY;INTERVAL=2"
    assert (offer.person_id, offer.kind, offer.due_at) == (contacts["li"], "email", None)
    assert qingmu.company_id == contacts["qingmu"] and qingmu.person_id is None
    assert qingmu.due_at == datetime(2026, 12, 3, 1, 30, tzinfo=UTC)

    again = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert (again.created, again.skipped) == (0, 3)  # the same list twice plans nothing twice


def test_a_monthly_repeat_from_a_month_end_and_a_time_zone_of_its_own(
    workspace, contacts, tmp_path, monkeypatch
):
    monkeypatch.setenv("TZ", "Europe/Berlin")  # the computer is in Berlin this time
    path = write_xlsx(
        tmp_path / "monthly.xlsx",
        EN,
        [["李雷", "2027-01-31", "09:00", "call", "Invoice", "monthly", None, None]],
    )
    report = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert report.created == 1
    (row,) = planned(workspace)
    assert row.repeat == "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"
    assert (row.due_zone, row.due_at) == ("Europe/Berlin", datetime(2027, 1, 31, 8, tzinfo=UTC))
    target = tmp_path / "after-import.ics"
    assert workspace.calendar.export(target) == 1
    assert "DTSTART;TZID=Europe/Berlin:20270131T090000" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_the_template_maps_every_column_and_imports_its_example(
    workspace, tmp_path, language, capsys
):
    workspace.people.save(person("王芳" if language == "zh" else "Wang Fang"))
    target = tmp_path / f"followups-{language}.xlsx"
    assert main(["template", str(target), "--entity", "followups", "--language", language]) == 0
    capsys.readouterr()
    preview = workspace.imports.preview(target, entity="followups")
    assert preview.header_row == 1 and preview.total_rows == 1
    assert set(preview.mapping) == set(range(len(preview.columns))), preview.columns
    assert sorted(preview.mapping.values()) == sorted(
        ("contact", "date", "time", "kind", "subject", "repeat", "notes", "owner")
    )
    assert preview.problem_count == 0
    report = workspace.imports.import_file(target, entity="followups", today=TODAY)
    assert report.failed == 0 and report.created == 1 and not report.notes
    (row,) = planned(workspace)
    assert row.repeat == "FREQ=WEEKLY;INTERVAL=1" and row.due_zone == "Asia/Shanghai"


def test_the_command_line_imports_followups(workspace, contacts, tmp_path, capsys):
    path = write_xlsx(
        tmp_path / "calls.xlsx",
        ZH[:4],
        [["李雷", "2026-12-01", "10:00", "电话"], ["没有这个人", "2026-12-01", None, None]],
    )
    ws_path = workspace.path
    workspace.close(backup_if_changed=False)
    code = main(["import", str(ws_path), str(path), "--entity", "followups", "--json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["created"], report["failed"]) == (1, 1)
    assert report["by_entity"]["followups"]["created"] == 1
    assert main(["undo", str(ws_path), report["operation_id"], "--yes"]) == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("9.30", time(9, 30)),
        ("14:30:00", time(14, 30)),
        ("2:30 pm", time(14, 30)),
        ("12:15 am", time(0, 15)),
        ("12 pm", time(12, 0)),
        ("14点30", time(14, 30)),
        ("14点30分", time(14, 30)),
        ("下午2点", time(14, 0)),
        ("下午2点半", time(14, 30)),
        ("上午10点一刻", time(10, 15)),
        ("晚上八点", time(20, 0)),
        ("中午12点", time(12, 0)),
        ("中午1点", time(13, 0)),
        ("晚上12点", time(23, 59)),  # the midnight ending the day, kept on the day
        ("半夜十二点", time(23, 59)),
        ("晚上11点半", time(23, 30)),
        ("凌晨12点", time(0, 0)),
        ("凌晨1点", time(1, 0)),
        ("１４：３０", time(14, 30)),
        ("10", time(10, 0)),
    ],
)
def test_times_of_day_people_write(text, expected):
    assert time_cell(text) == (None, expected)


@pytest.mark.parametrize("text", ["25:00", "14:61", "14:30 pm", "soon", "下午", "1430"])
def test_what_is_no_time_of_day(text):
    with pytest.raises(ValueError, match="is not a time of day"):
        parse_clock(text)


def test_time_cells_excel_keeps():
    assert time_cell(0.5) == (None, time(12, 0))
    assert time_cell(datetime(2026, 12, 1, 9, 15)) == (date(2026, 12, 1), time(9, 15))
    assert time_cell("2026-12-01 14:30") == (date(2026, 12, 1), time(14, 30))
    with pytest.raises(ValueError):
        time_cell(1.5)


def test_type_words():
    assert [
        kind_of(w) for w in ("电话", "Call", "会议", "拜访", "邮件", "微信", "消息", "SMS")
    ] == [
        "call",
        "call",
        "meeting",
        "visit",
        "email",
        "message",
        "message",
        "message",
    ]
    assert kind_of("备注") is None and kind_of("note") is None and kind_of("传真") is None


def test_a_date_and_time_in_the_date_cell(workspace, contacts, tmp_path):
    path = write_xlsx(
        tmp_path / "moments.xlsx",
        ["联系人", "下次跟进日期"],
        [["李雷", datetime(2026, 12, 1, 16, 45)], ["李雷", "2026-12-02 08:05"]],
    )
    report = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert report.created == 2
    first, second = planned(workspace)
    assert first.due_at == datetime(2026, 12, 1, 8, 45, tzinfo=UTC)
    assert second.due_at == datetime(2026, 12, 2, 0, 5, tzinfo=UTC)


def test_unknown_owners_are_kept_in_notes(workspace, contacts, tmp_path):
    path = write_xlsx(
        tmp_path / "owners.xlsx",
        ["联系人", "日期", "负责人"],
        [["李雷", "2026-12-01", "赵六"]],
    )
    report = workspace.imports.import_file(path, entity="followups", today=TODAY)
    assert report.created == 1 and report.notes
    (row,) = planned(workspace)
    assert row.owner_id == workspace.store.actor_id
    assert "赵六" in (row.notes or "")
