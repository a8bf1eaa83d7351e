"""Importing companies, deals and products: values, matching, codes, undo, real files."""

import sqlite3
from decimal import Decimal

import pytest

from desktop_crm.domain.errors import ValidationError
from tests.conftest import REALWORLD, TODAY


def money(stored):
    """Money is stored as an integer of ten-thousandths."""
    return Decimal(stored) / 10_000


def rows(path, sql):
    with sqlite3.connect(path) as db:
        return db.execute(sql).fetchall()


def test_companies_with_phones_tags_custom_fields_and_fill(workspace, ws_path, tmp_path):
    sheet = tmp_path / "companies.csv"
    sheet.write_text(
        "公司名称,行业,电话,城市,标签,客户等级,员工数\n"
        "远山设计,设计,021-6288 0000,上海,VIP；老客户,A,12\n"
        "青木科技,,,北京,,B,80\n",
        encoding="utf-8-sig",
    )
    preview = workspace.imports.preview(sheet, entity="companies")
    assert preview.mapping == {
        0: "name",
        1: "industry",
        2: "phone",
        3: "city",
        4: "tags",
        5: "level",
    }
    mapping = dict(preview.mapping) | {6: "custom:员工数"}
    report = workspace.imports.import_file(sheet, entity="companies", mapping=mapping, today=TODAY)
    assert (report.created, report.failed) == (2, 0)
    [hit] = workspace.search.contacts("远山")
    card = workspace.cards.card("company", hit.id)
    assert card.title == "设计" and card.level == "A" and card.tags == ("VIP", "老客户")
    assert [p.value for p in card.phones] == ["021-6288 0000"]
    assert card.addresses[0].city == "上海"
    assert [(label, value) for _i, label, value in card.custom] == [("员工数", "12")]
    again = tmp_path / "more.csv"
    again.write_text("公司名称,行业\n青木 科技,软件\n", encoding="utf-8")
    filled = workspace.imports.import_file(again, entity="companies", duplicates="fill")
    assert (filled.created, filled.updated) == (0, 1)  # matched by name, spaces ignored
    assert rows(ws_path, "SELECT industry FROM companies WHERE name='青木科技'") == [("软件",)]
    workspace.history.undo(filled.operation_id)
    assert rows(ws_path, "SELECT industry FROM companies WHERE name='青木科技'") == [(None,)]


def test_products_from_the_erp_template_keep_codes_and_notes(workspace, ws_path):
    path = REALWORLD / "sheets" / "easyexcel_t01_import_template_merged_title.xls"
    preview = workspace.imports.preview(path, entity="products")
    assert preview.header_row == 2
    assert preview.mapping[4] == "name" and preview.mapping[6] == "unit"
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert (report.created, report.failed) == (1, 0)
    [(name, unit, description, price, active)] = rows(
        ws_path, "SELECT name, unit, description, price, active FROM products"
    )
    assert (name, unit, money(price), active) == ("加大平垫圈", "千支", 0, 1)
    assert "材质*: Q235(碳钢)" in description and "品牌: 通润春（TRC）" in description


def test_product_codes_with_leading_zeros_match_and_stay_unique(workspace, ws_path, tmp_path):
    path = REALWORLD / "sheets" / "easyexcel_t02_title_row_leading_zero.xlsx"
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert report.created == 1
    assert rows(ws_path, "SELECT sku, name FROM products") == [("01502200", "1,2-戊二醇")]
    sheet = tmp_path / "prices.csv"
    sheet.write_text(
        '编码,名称,单价,税率\n01502200,戊二醇,"¥1,280.50",13%\nP-2,新品,12,0.06\nP-2,重复,1,\n'
    )
    report = workspace.imports.import_file(sheet, entity="products", duplicates="overwrite")
    assert (report.created, report.updated, report.failed) == (1, 1, 1)
    assert "already used" in report.problems[0]
    got = dict(
        (sku, (name, money(price), money(tax)))
        for sku, name, price, tax in rows(
            ws_path, "SELECT sku, name, price, tax_rate FROM products"
        )
    )
    assert got["01502200"] == ("戊二醇", Decimal("1280.50"), Decimal("13"))
    assert got["P-2"] == ("新品", Decimal("12"), Decimal("6"))


def test_deals_find_or_make_company_and_contact_and_place_stages(workspace, ws_path, tmp_path):
    stages = [name for (name,) in rows(ws_path, "SELECT name FROM stages ORDER BY position")]
    sheet = tmp_path / "商机.csv"
    sheet.write_text(
        "商机名称,客户名称,联系人,金额,销售阶段,预计成交日期,状态\n"
        f"官网改版,远山设计,王芳,5万,{stages[1]},2026/12/31,\n"
        '品牌手册,远山设计,王芳,"12,000",不存在的阶段,,\n'
        "年度合作,青木科技,,8000,,2026-10-01,赢单\n"
        ",青木科技,,100,,,\n",
        encoding="gb18030",
    )
    report = workspace.imports.import_file(sheet, entity="deals", today=TODAY)
    assert report.failed == 1 and "no deal name" in report.problems[0]
    assert report.created == 3 + 2 + 1  # deals, companies, the contact
    assert any("不存在的阶段" in note for note in report.note_lines())
    deals = {
        title: rest
        for title, *rest in rows(
            ws_path,
            "SELECT d.title, d.amount, s.name, d.status, d.expected_close, c.name, p.name, d.notes"
            " FROM deals d JOIN stages s ON s.id = d.stage_id"
            " LEFT JOIN companies c ON c.id = d.company_id"
            " LEFT JOIN people p ON p.id = d.person_id",
        )
    }
    deals = {t: [money(r[0]), *r[1:]] for t, r in deals.items()}
    assert deals["官网改版"][:6] == [50000, stages[1], "open", "2026-12-31", "远山设计", "王芳"]
    assert deals["品牌手册"][0] == 12000 and "销售阶段: 不存在的阶段" in deals["品牌手册"][6]
    assert deals["年度合作"][2] == "won" and deals["年度合作"][5] is None
    assert rows(ws_path, "SELECT count(*) FROM deal_stage_changes") == [(3,)]
    again = workspace.imports.import_file(sheet, entity="deals", dry_run=True)
    assert (again.created, again.skipped) == (0, 3)  # matched by name and company
    workspace.history.undo(report.operation_id)
    assert rows(ws_path, "SELECT count(*) FROM deals WHERE deleted_at IS NULL") == [(0,)]


def test_a_sheet_without_the_needed_column_is_refused(workspace, tmp_path):
    sheet = tmp_path / "x.csv"
    sheet.write_text("Colour,Size\nred,10\n")
    with pytest.raises(ValidationError, match="no column looks like a product name or code"):
        workspace.imports.import_file(sheet, entity="products")
