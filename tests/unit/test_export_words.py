"""Exports write choices as words and amounts in the currency's unit; both import back."""

from __future__ import annotations

import csv
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop_crm.cli import main
from desktop_crm.services.contact_lists.dto import ContactFilter
from desktop_crm.services.contacts.dto import PersonDraft
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from tests.conftest import TODAY

STATUSES = {"王芳": "customer", "Ann Lee": "lead", "李雷": "prospect", "Bo": "inactive"}
DEALS = (
    "Deal,Company,Amount,Currency,Status\n"
    "Website,远山设计,73500,CNY,\n"
    "Catalogue,远山设计,1234.567,USD,won\n"
    "Tokyo shop,青木科技,980000,JPY,lost\n"
)


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return sorted(db.execute(sql).fetchall())


def _people(tmp_path: Path) -> Workspace:
    ws = create_workspace(tmp_path / "people.crm")
    for name, status in STATUSES.items():
        ws.people.save(PersonDraft(name, status=status), today=TODAY)
    return ws


def _deals(tmp_path: Path) -> Workspace:
    ws = create_workspace(tmp_path / "deals.crm")
    sheet = tmp_path / "deals-in.csv"
    sheet.write_text(DEALS, encoding="utf-8")
    report = ws.imports.import_file(sheet, entity="deals", today=TODAY)
    assert report.failed == 0
    return ws


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", {"Customer", "Lead", "Prospect", "Inactive"}),
        ("zh", {"成交客户", "线索", "意向客户", "不活跃"}),
    ],
)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_people_statuses_are_words_and_import_back(tmp_path, language, words, fmt):
    ws = _people(tmp_path)
    target = tmp_path / f"people.{fmt}"
    try:
        assert ws.exports.export_list(target, fmt, language=language) == len(STATUSES)
    finally:
        ws.close(backup_if_changed=False)
    if fmt == "csv":
        status = "状态" if language == "zh" else "Status"
        assert {r[status] for r in _csv(target)} == words
    else:
        sheet = load_workbook(target).active
        header = [c.value for c in sheet[1]]
        column = header.index("状态" if language == "zh" else "Status")
        assert {row[column].value for row in sheet.iter_rows(min_row=2)} == words
    again = create_workspace(tmp_path / "again.crm")
    try:
        report = again.imports.import_file(target, today=TODAY)
        assert report.failed == 0
    finally:
        again.close(backup_if_changed=False)
    people = _rows(tmp_path / "again.crm", "SELECT name, status FROM people")
    assert dict(people) == STATUSES


def test_all_fields_export_writes_status_words(tmp_path):
    ws = _people(tmp_path)
    target = tmp_path / "all.csv"
    try:
        ws.exports.export_all_fields(target, "csv", ContactFilter(), language="zh")
    finally:
        ws.close(backup_if_changed=False)
    assert {r["Name"]: r["Status"] for r in _csv(target)}["王芳"] == "成交客户"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_deal_amounts_in_the_currency_unit_and_words_import_back(tmp_path, language):
    ws = _deals(tmp_path)
    try:
        ws.exports.export_records(tmp_path / "d.csv", "csv", "deals", language=language)
        ws.exports.export_records(tmp_path / "d.xlsx", "xlsx", "deals", language=language)
    finally:
        ws.close(backup_if_changed=False)
    deal, amount, status = (
        ("商机名称", "金额", "状态") if language == "zh" else ("Deal", "Amount", "Status")
    )
    rows = {r[deal]: r for r in _csv(tmp_path / "d.csv")}
    # Never 73500.0000: two places for CNY and USD (rounded half up), none for JPY.
    assert [rows[d][amount] for d in ("Website", "Catalogue", "Tokyo shop")] == [
        "73500.00",
        "1234.57",
        "980000",
    ]
    words = {"en": ["Open", "Won", "Lost"], "zh": ["进行中", "赢单", "输单"]}[language]
    assert [rows[d][status] for d in ("Website", "Catalogue", "Tokyo shop")] == words
    sheet = load_workbook(tmp_path / "d.xlsx").active
    header = [c.value for c in sheet[1]]
    cells = {r[header.index(deal)].value: r[header.index(amount)] for r in sheet.iter_rows(2)}
    assert cells["Website"].value == 73500 and cells["Website"].number_format == "#,##0.00"
    assert cells["Tokyo shop"].value == 980000 and cells["Tokyo shop"].number_format == "#,##0"
    # Exported words import back to the same codes and amounts, from either file.
    for fmt in ("csv", "xlsx"):
        again = create_workspace(tmp_path / f"again-{fmt}.crm")
        try:
            report = again.imports.import_file(tmp_path / f"d.{fmt}", entity="deals", today=TODAY)
            assert report.failed == 0
        finally:
            again.close(backup_if_changed=False)
        sql = "SELECT title, status, currency, amount FROM deals"
        assert _rows(tmp_path / f"again-{fmt}.crm", sql) == [
            ("Catalogue", "won", "USD", 12345700),  # 1234.567 was exported as 1234.57
            ("Tokyo shop", "lost", "JPY", 9800000000),
            ("Website", "open", "CNY", 735000000),
        ]


def test_products_prices_rates_and_yes_no(tmp_path):
    ws = create_workspace(tmp_path / "p.crm")
    sheet = tmp_path / "p-in.csv"
    sheet.write_text("Code,Product,Unit price,Tax rate %\nA-1,Logo,8000,6\n", encoding="utf-8")
    try:
        assert ws.imports.import_file(sheet, entity="products", today=TODAY).failed == 0
        ws.exports.export_records(tmp_path / "p.csv", "csv", "products", language="zh")
    finally:
        ws.close(backup_if_changed=False)
    [row] = _csv(tmp_path / "p.csv")
    assert (row["单价"], row["税率"], row["在售"]) == ("8000.00", "6", "是")
    again = create_workspace(tmp_path / "again.crm")
    try:
        assert again.imports.import_file(tmp_path / "p.csv", entity="products").failed == 0
    finally:
        again.close(backup_if_changed=False)
    assert _rows(tmp_path / "again.crm", "SELECT sku, price, tax_rate, active FROM products") == [
        ("A-1", 80000000, 60000, 1)
    ]


def test_cli_export_language(tmp_path, capsys):
    ws = _people(tmp_path)
    ws.close(backup_if_changed=False)
    target = tmp_path / "zh.csv"
    assert main(["export", str(tmp_path / "people.crm"), str(target), "--language", "zh"]) == 0
    assert {r["姓名"]: r["状态"] for r in _csv(target)}["Ann Lee"] == "线索"
    assert main(["export", str(tmp_path / "people.crm"), str(target)]) == 0
    assert {r["Name"]: r["Status"] for r in _csv(target)}["Ann Lee"] == "Lead"
    with pytest.raises(SystemExit):
        main(["export", str(tmp_path / "people.crm"), str(target), "--language", "fr"])
    capsys.readouterr()


def test_decimals_stay_plain():
    from desktop_crm.services.exporting.cell_values import plain_decimal

    assert str(plain_decimal(Decimal("6.0000"))) == "6"
    assert str(plain_decimal(Decimal("100.0000"))) == "100"
    assert str(plain_decimal(Decimal("7.5000"))) == "7.5"


def test_columns_by_chinese_header():
    from desktop_crm.services.exporting.exports import resolve_columns

    assert resolve_columns("deals", ["商机名称", "金额", "Status"]) == ["title", "amount", "status"]
