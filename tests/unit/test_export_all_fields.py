"""Exporting every field (``--columns all``), and naming columns by their headers."""

import csv
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop_crm.cli import main
from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.contacts.dto import AddressData, Labelled, PersonDraft
from desktop_crm.services.exporting.exports import resolve_columns
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from tests.conftest import TODAY


def _rich_person(workspace):
    workspace.custom_fields.define("person", "Shoe size")
    workspace.custom_fields.define("person", "Name")  # same as a built-in header
    fields = {f.label: f.id for f in workspace.custom_fields.definitions("person")}
    workspace.people.save(
        PersonDraft(
            name="王芳",
            company_name="远山设计",
            title="经理",
            department="设计部",
            birthday=date(1990, 4, 3),
            wechat="wf88",
            notes="喜欢微信联系\nsecond line",
            phones=(
                Labelled("mobile", "13800138000"),
                Labelled("work", "021-6288 0000"),
                Labelled("mobile", "13900139000"),
            ),
            emails=(Labelled("work", "wf@x.cn"), Labelled("other", "wf@home.cn")),
            addresses=(
                AddressData("work", "武定路88号", "上海", "上海", "200040", "中国"),
                AddressData("home", "Main St 1", "Hangzhou"),
            ),
            custom=((fields["Shoe size"], "38"), (fields["Name"], "nickname")),
            tags=("VIP", "老客户"),
            im=(("qq", "12345"), ("skype", "wang.f")),
        ),
        today=TODAY,
    )


def test_all_fields_of_people_with_custom_fields(workspace, tmp_path):
    _rich_person(workspace)
    workspace.people.save(PersonDraft(name="Ann"), today=TODAY)
    target = tmp_path / "all.xlsx"
    assert workspace.exports.export_all_fields(target, "xlsx") == 2
    sheet = load_workbook(target).active
    header = [c.value for c in sheet[1]]
    rows = [
        dict(zip(header, [c.value for c in r], strict=True)) for r in sheet.iter_rows(min_row=2)
    ]
    wang = next(r for r in rows if r["Name"] == "王芳")
    assert wang["Mobile"] == "13800138000; 13900139000" and wang["Work phone"] == "021-6288 0000"
    assert wang["Email"] == "wf@x.cn" and wang["Other email"] == "wf@home.cn"
    assert (wang["Street"], wang["City"], wang["Postcode"]) == ("武定路88号", "上海", "200040")
    assert wang["Other addresses"] == "home: Main St 1, Hangzhou"
    assert isinstance(wang["Birthday"], datetime) and wang["Birthday"].date() == date(1990, 4, 3)
    assert wang["Notes"] == "喜欢微信联系\nsecond line" and wang["Department"] == "设计部"
    assert wang["QQ"] == "12345" and wang["Other messengers"] == "skype: wang.f"
    assert wang["Tags"] == "VIP; 老客户" and wang["Company"] == "远山设计"
    assert wang["Shoe size"] == "38" and wang["Name (custom)"] == "nickname"
    row = 2 + rows.index(wang)
    assert sheet.cell(row, header.index("Mobile") + 1).data_type == "s"  # phones stay text


def test_all_fields_import_back_into_an_empty_workspace(workspace, tmp_path):
    _rich_person(workspace)
    target = tmp_path / "all.csv"
    assert workspace.exports.export_all_fields(target, "csv") == 1
    fresh = create_workspace(tmp_path / "fresh.crm")
    try:
        report = fresh.imports.import_file(target, today=TODAY)
        assert report.failed == 0
        [row] = fresh.contact_list.rows(fresh.contact_list.ids(ContactFilter()))
        card = fresh.cards.card("person", row.id)
    finally:
        fresh.close(backup_if_changed=False)
    assert card.birthday == date(1990, 4, 3)
    assert {p.value for p in card.phones} >= {"13800138000", "13900139000", "021-6288 0000"}
    assert {e.value for e in card.emails} == {"wf@x.cn", "wf@home.cn"}
    assert (card.addresses[0].street, card.addresses[0].region) == ("武定路88号", "上海")
    assert card.department == "设计部" and card.wechat == "wf88" and card.im == (("qq", "12345"),)
    assert set(card.tags) == {"VIP", "老客户"}
    assert "喜欢微信联系" in (card.notes or "")


def test_all_fields_of_companies_and_records(demo_path, tmp_path):
    target = tmp_path / "companies.csv"
    assert (
        main(["export", str(demo_path), str(target), "--entity", "companies", "--columns", "all"])
        == 0
    )
    with target.open(encoding="utf-8-sig") as handle:
        header = next(csv.reader(handle))
    assert header[:3] == ["No.", "Company name", "Industry"] and "Notes" in header
    target = tmp_path / "deals.csv"
    assert (
        main(["export", str(demo_path), str(target), "--entity", "deals", "--columns", "ALL"]) == 0
    )
    header = target.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[-2:] == ["Lost reason", "Notes"] and "Amount" in header


def test_columns_by_key_english_or_chinese_header():
    assert resolve_columns("people", ["Name", "姓名", " LAST_CONTACTED_AT ", "最近联系"]) == [
        "name",
        "name",
        "last_contacted_at",
        "last_contacted_at",
    ]
    assert resolve_columns("deals", ["Expected close", "amount"]) == ["expected_close", "amount"]
    assert resolve_columns("companies", ["all"]) == ["all"]
    with pytest.raises(ValidationError) as exc:
        resolve_columns("people", ["name", "bogus"])
    assert (
        "“bogus”" in exc.value.message and "last_contacted_at (Last contact)" in exc.value.message
    )


def test_cli_columns_errors_are_one_line(demo_path, tmp_path, capsys):
    target = tmp_path / "x.csv"
    assert main(["export", str(demo_path), str(target), "--columns", "Name,Nope"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "“Nope”" in err and "created_at (Created)" in err
    assert main(["export", str(demo_path), str(target), "--columns", "姓名,Phone"]) == 0
    assert target.read_text(encoding="utf-8-sig").splitlines()[0] == "Name,Phone"
    vcf = tmp_path / "x.vcf"
    assert main(["export", str(demo_path), str(vcf), "--columns", "name"]) == 2
    assert "vCard and workspace exports hold every field" in capsys.readouterr().err


def test_all_fields_follow_the_status_filter(demo_path, tmp_path):
    ws = open_workspace(demo_path)
    try:
        customers = len(ws.contact_list.ids(ContactFilter(status="customer")))
    finally:
        ws.close(backup_if_changed=False)
    target = tmp_path / "c.csv"
    args = ["export", str(demo_path), str(target), "--columns", "all", "--status", "customer"]
    assert main(args) == 0
    with target.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    # The status is written as a word ("Customer"), which imports back as the code.
    assert len(rows) == customers and {r["Status"] for r in rows} == {"Customer"}
