"""Import reports: counts per kind of record, the sheet's own created dates, owner columns.

Real-world files (see ``shared/fixtures/realworld/MANIFEST.md``) are imported as they are; the
sheets with dates and owners are written here, in the shapes Chinese CRM exports have.
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime

import pytest
from openpyxl import Workbook

from desktop_crm.cli import main
from desktop_crm.services.importing.report_notes import NoteLog, ReportNote
from desktop_crm.store.types import from_micros, micros
from tests.conftest import REALWORLD, TODAY


def rows(path, sql, *params):
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


def by_entity(report):
    return json.loads(json.dumps(report.as_json()))["by_entity"]


def counts(created, updated=0, skipped=0):
    return {"created": created, "updated": updated, "skipped": skipped}


# Each real file, what it holds, and what an import makes of each kind (MANIFEST "Expect").
REAL = [
    ("vcard/ezvcard_John_Doe_GMAIL.vcf", "people", {"people": 1, "companies": 1}),
    ("vcard/ezvcard_John_Doe_ANDROID.vcf", "people", {"people": 6, "companies": 2}),
    ("vcard/fk_LargeFile.vcf", "people", {"people": 1000}),
    ("sheets/fkcontacts_Outlook365.csv", "people", {"people": 6, "companies": 2}),
    ("sheets/fkcontacts_Google.csv", "people", {"people": 1, "companies": 1}),
    ("sheets/messytables_blank_line_libreoffice.ods", "people", {"people": 3}),
    ("sheets/easyexcel_office_utf8_bom.csv", "people", {"people": 10}),
    ("sheets/fkcontacts_WindowsLiveMail.csv", "companies", {"companies": 1}),
    ("sheets/easyexcel_t02_title_row_leading_zero.xlsx", "products", {"products": 1}),
    ("sheets/easyexcel_t01_import_template_merged_title.xls", "products", {"products": 1}),
]


@pytest.mark.parametrize(("name", "entity", "made"), REAL, ids=[r[0] for r in REAL])
def test_real_files_report_each_kind(workspace, ws_path, name, entity, made):
    dry = workspace.imports.import_file(REALWORLD / name, entity=entity, dry_run=True)
    report = workspace.imports.import_file(REALWORLD / name, entity=entity, today=TODAY)
    expected = {kind: counts(n) for kind, n in made.items()}
    assert by_entity(report) == expected
    assert by_entity(dry) == expected  # the wizard's check says what the import does
    assert report.created == sum(made.values())  # the totals stay
    for kind, table in (("people", "people"), ("companies", "companies"), ("products", "products")):
        live = rows(ws_path, f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL")[0][0]
        assert live == made.get(kind, 0)


def test_a_second_import_counts_people_skipped_and_no_companies(workspace):
    path = REALWORLD / "sheets" / "fkcontacts_Outlook365.csv"
    workspace.imports.import_file(path, today=TODAY)
    again = workspace.imports.import_file(path, today=TODAY)
    assert by_entity(again) == {"people": counts(0, skipped=6)}  # companies found, none made
    filled = workspace.imports.import_file(path, duplicates="create", today=TODAY)
    assert by_entity(filled) == {"people": counts(6)}


def test_deals_report_deals_companies_and_contacts(workspace, tmp_path):
    sheet = tmp_path / "商机.csv"
    sheet.write_text(
        "商机名称,客户名称,联系人,金额\n官网改版,远山设计,王芳,5万\n品牌手册,远山设计,王芳,12000\n"
        "年度合作,青木科技,,8000\n",
        encoding="utf-8",
    )
    report = workspace.imports.import_file(sheet, entity="deals", today=TODAY)
    assert by_entity(report) == {
        "people": counts(1),
        "companies": counts(2),
        "deals": counts(3),
    }


def test_cli_json_keeps_totals_and_adds_by_entity(tmp_path, capsys):
    path = tmp_path / "w.crm"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    gmail = REALWORLD / "vcard" / "ezvcard_John_Doe_GMAIL.vcf"
    assert main(["import", str(path), str(gmail), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["created"], data["updated"], data["skipped"], data["failed"]) == (2, 0, 0, 0)
    assert data["by_entity"] == {
        "people": {"created": 1, "updated": 0, "skipped": 0},
        "companies": {"created": 1, "updated": 0, "skipped": 0},
    }
    android = REALWORLD / "vcard" / "ezvcard_John_Doe_ANDROID.vcf"
    assert main(["import", str(path), str(android)]) == 0
    out = capsys.readouterr().out
    assert "8 created" in out and "people: 6 created; companies: 2 created" in out
    assert "2 cards have no name" in out  # one note for both nameless cards


# The sheet's own creation date.


@pytest.fixture
def shanghai(monkeypatch):
    """Local time is China's (UTC+8) while the test runs."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_created_dates_of_the_sheet_are_kept(workspace, ws_path, tmp_path, shanghai):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "创建时间"])
    sheet.append(["张伟", "13800138000", datetime(2021, 3, 4, 9, 30)])  # a moment, local time
    sheet.append(["王芳", "13900139000", "2019-11-05"])  # a day, as text
    sheet.append(["李娜", "13700137000", None])  # none: the import's moment
    path = tmp_path / "客户.xlsx"
    book.save(path)
    preview = workspace.imports.preview(path)
    assert preview.mapping[2] == "created"
    assert [r.cells[2].shown for r in preview.rows] == ["2021-03-04 09:30", "2019-11-05", ""]
    before = datetime.now(UTC)
    workspace.imports.import_file(path, today=TODAY)
    created = {n: from_micros(at) for n, at in rows(ws_path, "SELECT name, created_at FROM people")}
    assert created["张伟"] == datetime(2021, 3, 4, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
    assert created["王芳"] == datetime(2019, 11, 4, 16, tzinfo=UTC)  # that day's 00:00 in Shanghai
    assert created["李娜"] >= before


def test_created_column_for_companies_deals_and_products(workspace, ws_path, tmp_path, shanghai):
    made = {}
    for entity, header, table in (
        ("companies", ["公司名称", "Created"], "companies"),
        ("deals", ["商机名称", "Date created"], "deals"),
        ("products", ["品名", "创建日期"], "products"),
    ):
        book = Workbook()
        book.active.append(header)
        book.active.append([f"{entity}-1", "2020-01-02 08:00"])
        path = tmp_path / f"{entity}.xlsx"
        book.save(path)
        workspace.imports.import_file(path, entity=entity, today=TODAY)
        column = "title" if table == "deals" else "name"
        made[entity] = rows(
            ws_path, f"SELECT created_at FROM {table} WHERE {column} = ?", f"{entity}-1"
        )
    moment = micros(datetime(2020, 1, 2, tzinfo=UTC))
    assert all(found == [(moment,)] for found in made.values()), made


def test_a_created_value_that_is_no_date_is_kept_in_notes(workspace, ws_path, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("Name,Created\nAnn,soon\n", encoding="utf-8")
    report = workspace.imports.import_file(sheet, today=TODAY)
    assert report.created == 1
    assert rows(ws_path, "SELECT notes FROM people")[0][0] == "Created: soon"
    assert [n.code for n in report.notes] == ["cell_kept"]


# Owner columns.


def owner_sheet(tmp_path, owners, name="owners.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "手机", "负责人"])
    for i, owner in enumerate(owners):
        sheet.append([f"客户{i}", f"139{i:08d}", owner])
    path = tmp_path / name
    book.save(path)
    return path


def local_user(ws_path):
    return rows(ws_path, "SELECT id, name FROM users ORDER BY created_at LIMIT 1")[0]


def test_unknown_owners_are_one_note_not_a_line_per_row(workspace, ws_path, tmp_path):
    me_id, me = local_user(ws_path)
    owners = ["张三", "李四", me.upper(), "王五"] * 1_250  # 5,000 rows over several chunks
    path = owner_sheet(tmp_path, owners)
    preview = workspace.imports.preview(path)
    assert preview.mapping[2] == "owner"
    assert preview.unknown_owners == ("张三", "李四", "王五")  # the whole sheet, in its order
    assert [u.name for u in preview.users] == [me]
    report = workspace.imports.import_file(path, today=TODAY)
    assert report.created == 5_000 and len(report.notes) == 1
    note = report.notes[0]
    assert (note.code, note.count) == ("owner_unknown", 3_750)
    assert note.text == "负责人: 3 names are not users (3,750 rows); kept in notes"
    found = dict(
        rows(ws_path, "SELECT name, owner_id FROM people WHERE name IN ('客户0', '客户2')")
    )
    assert found == {"客户0": me_id, "客户2": me_id}  # unknown: the importer; a user by name
    assert rows(ws_path, "SELECT notes FROM people WHERE name = '客户0'")[0][0] == "负责人: 张三"
    assert rows(ws_path, "SELECT notes FROM people WHERE name = '客户2'")[0][0] is None
    assert rows(ws_path, "SELECT count(*) FROM users")[0][0] == 1


def test_owners_added_as_users_and_undone_with_the_import(workspace, ws_path, tmp_path):
    path = owner_sheet(tmp_path, ["张三", "李四", "张三", "zhang"])
    dry = workspace.imports.import_file(path, create_owners=True, dry_run=True)
    assert [n.code for n in dry.notes] == ["owners_created"]
    assert rows(ws_path, "SELECT count(*) FROM users")[0][0] == 1  # a dry run adds nobody
    report = workspace.imports.import_file(path, create_owners=True, today=TODAY)
    assert [n.text for n in report.notes] == ["负责人: added 3 users (张三, 李四, zhang)"]
    users = dict(rows(ws_path, "SELECT name, id FROM users ORDER BY created_at LIMIT -1 OFFSET 1"))
    assert set(users) == {"张三", "李四", "zhang"}
    owned = dict(rows(ws_path, "SELECT name, owner_id FROM people"))
    assert owned == {
        "客户0": users["张三"],
        "客户1": users["李四"],
        "客户2": users["张三"],
        "客户3": users["zhang"],
    }
    assert all(n is None for (n,) in rows(ws_path, "SELECT notes FROM people"))
    workspace.history.undo()
    assert rows(ws_path, "SELECT count(*) FROM users WHERE deleted_at IS NULL")[0][0] == 1
    again = workspace.imports.import_file(path, create_owners=True, today=TODAY)
    assert (
        again.created == 4
        and len(rows(ws_path, "SELECT id FROM users WHERE deleted_at IS NULL")) == 4
    )


def test_owner_names_mapped_to_users_or_added_one_by_one(workspace, ws_path, tmp_path):
    me_id, _me = local_user(ws_path)
    path = owner_sheet(tmp_path, ["Sales A", "Sales B", "Sales C"])
    report = workspace.imports.import_file(
        path, owner_map={"sales a": me_id}, new_owners=("Sales B",), today=TODAY
    )
    owned = dict(rows(ws_path, "SELECT name, owner_id FROM people"))
    new_id = rows(ws_path, "SELECT id FROM users WHERE name = 'Sales B'")[0][0]
    assert owned["客户0"] == me_id and owned["客户1"] == new_id and owned["客户2"] == me_id
    assert [n.code for n in report.notes] == ["owners_created", "owner_unknown"]
    assert report.notes[1].text == "负责人: “Sales C” is not a user (1 row); kept in notes"


def test_cli_create_owners(tmp_path, capsys):
    path = tmp_path / "w.crm"
    assert main(["init", str(path)]) == 0
    capsys.readouterr()
    sheet = owner_sheet(tmp_path, ["张三", "李四"])
    assert main(["import", str(path), str(sheet), "--create-owners", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notes"] == ["负责人: added 2 users (张三, 李四)"]
    assert {
        n for (n,) in rows(path, "SELECT name FROM users ORDER BY created_at LIMIT -1 OFFSET 1")
    } == {
        "张三",
        "李四",
    }


def test_companies_and_deals_owners(workspace, ws_path, tmp_path):
    sheet = tmp_path / "companies.csv"
    sheet.write_text("公司名称,Sales rep\n远山设计,Mia\n青木科技,Mia\n", encoding="utf-8")
    report = workspace.imports.import_file(sheet, entity="companies", today=TODAY)
    assert [n.text for n in report.notes] == [
        "Sales rep: “Mia” is not a user (2 rows); kept in notes"
    ]
    workspace.imports.import_file(
        sheet, entity="companies", create_owners=True, duplicates="create"
    )
    mia = rows(ws_path, "SELECT id FROM users WHERE name = 'Mia'")[0][0]
    assert rows(ws_path, "SELECT count(*) FROM companies WHERE owner_id = ?", mia)[0][0] == 2


# Repeated notes are summarised by their code.


def test_repeated_cell_problems_are_one_note_with_a_count(workspace, tmp_path):
    sheet = tmp_path / "people.csv"
    lines = ["Name,Email,Level"] + [f"P{i},not-an-email-{i},A" for i in range(3_000)]
    lines.append("Q,q@example.com,VIP")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = workspace.imports.import_file(sheet, today=TODAY)
    assert report.created == 3_001
    codes = [(n.code, n.args[1], n.count) for n in report.notes]
    assert codes == [("cell_kept", "Email", 3_000), ("cell_kept", "Level", 1)]
    assert report.notes[0].text.startswith(
        "Email: 3000 values could not be stored as mapped and were kept in notes (row 2: "
    )
    assert (
        report.notes[1].text == "row 3002, Level: “VIP” is not a level (A, B or C); kept in notes"
    )


def test_nameless_rows_are_summarised(workspace, tmp_path):
    sheet = tmp_path / "emails.csv"
    sheet.write_text("Email\n" + "".join(f"u{i}@example.com\n" for i in range(50)), "utf-8")
    report = workspace.imports.import_file(sheet, today=TODAY)
    assert len(report.notes) == 1 and report.notes[0].count == 50
    assert report.notes[0].text == (
        "50 rows have no name; each was named from its email (row 2: “u0@example.com”; "
        "row 3: “u1@example.com”; row 4: “u2@example.com”; …)"
    )


def test_note_log_keeps_order_groups_and_examples():
    log = NoteLog(examples=2)
    for row in range(5):
        log.add("cell_kept", row, "Email", "bad", group="Email")
    log.add("row_no_name", 9, "x@y.z", "email", group="email")
    log.add("cell_kept", 7, "Birthday", "bad", group="Birthday")
    notes = log.notes()
    assert [(n.code, n.count) for n in notes] == [
        ("cell_kept", 5),
        ("row_no_name", 1),
        ("cell_kept", 1),
    ]
    assert notes[0].examples == (("0", "Email", "bad"), ("1", "Email", "bad"))
    assert str(notes[1]) == "row 9 has no name; named “x@y.z” from its email"
    assert ReportNote("workspace_loaded", ("12",)).text.startswith("the whole workspace (12 rows")


def test_many_failed_rows_of_one_reason_are_one_problem_line(workspace, tmp_path):
    sheet = tmp_path / "people.csv"
    body = ["Name,Email,Remark", "Ann,ann@example.com,"]
    body += [",,only a remark"] * 25 + ["Bob,bob@example.com,"]
    sheet.write_text("\n".join(body) + "\n", encoding="utf-8")
    report = workspace.imports.import_file(sheet, today=TODAY)
    assert (report.created, report.failed) == (2, 25)
    assert report.problems == (
        "25 rows: no name, email or phone; see the error workbook (rows 3, 4, 5, 6, 7, …)",
    )
    assert report.error_workbook is not None and report.error_workbook.exists()
