"""The product list exported to real .xlsx files and imported back into a fresh workspace."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from desktop_crm.cli import main
from desktop_crm.services.products.dto import ProductDraft, ProductFilter
from desktop_crm.services.workspace.handle import create_workspace
from tests.conftest import TODAY
from tests.sheets import write_csv

CATALOGUE = (
    ProductDraft(
        "品牌标志设计",
        sku="LOGO-01",
        name_alt="Logo design",
        unit="项",
        price=Decimal("8000"),
        tax_rate=Decimal("6"),
        price_includes_tax=True,
        description="三稿修改",
    ),
    ProductDraft("Website design", sku="007", price=Decimal("3800.5"), currency="USD"),
    ProductDraft("画册印刷", unit="批", price=Decimal("3200.50"), tax_rate=Decimal("13")),
    ProductDraft("Old service", sku="OLD-1", price=Decimal(1), active=False),
)


def _values(ws):
    rows = ws.products.page(ProductFilter(active_only=False), "name")
    return sorted((r.draft() for r in rows), key=lambda d: d.name)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_exported_products_import_into_a_fresh_workspace_as_the_same_catalogue(
    workspace, tmp_path, language
):
    for draft in CATALOGUE:
        workspace.products.create(draft)
    target = tmp_path / f"products-{language}.xlsx"
    assert workspace.exports.export_records(target, "xlsx", "products", language=language) == 4
    header = [c.value for c in load_workbook(target).active[1]]
    if language == "zh":
        assert {"英文名称", "含税", "单价", "税率", "在售"} <= set(header)
    else:
        assert {"Second name", "Tax included", "Unit price", "On sale"} <= set(header)

    fresh = create_workspace(tmp_path / f"fresh-{language}.crm")
    try:
        report = fresh.imports.import_file(target, entity="products", today=TODAY)
        assert report.created == 4 and not report.problems
        assert _values(fresh) == _values(workspace)
    finally:
        fresh.close(backup_if_changed=False)


def test_the_cli_exports_and_imports_the_new_columns(workspace, tmp_path):
    for draft in CATALOGUE:
        workspace.products.create(draft)
    source = workspace.path
    workspace.close(backup_if_changed=False)
    target = tmp_path / "products.xlsx"
    assert main(["export", str(source), str(target), "--entity", "products"]) == 0
    sheet = load_workbook(target).active
    rows = {r[1]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    header = [c.value for c in sheet[1]]
    logo = dict(zip(header, rows["品牌标志设计"], strict=True))
    assert (logo["Second name"], logo["Tax included"]) == ("Logo design", True)
    fresh = tmp_path / "fresh.crm"
    create_workspace(fresh).close(backup_if_changed=False)
    assert main(["import", str(fresh), str(target), "--entity", "products"]) == 0


@pytest.mark.parametrize(
    ("cell", "included"),
    [("是", True), ("否", False), ("Yes", True), ("no", False), ("true", True), ("FALSE", False)],
)
def test_tax_included_reads_yes_and_no_in_both_languages(workspace, tmp_path, cell, included):
    book = Workbook()
    sheet = book.active
    sheet.append(["产品编码", "产品名称", "英文名称", "单价", "是否含税"])
    sheet.append(["A-1", "打样", "Proofing", "¥1,200", cell])
    path = tmp_path / "price-list.xlsx"
    book.save(path)
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert report.created == 1
    (row,) = workspace.products.page(ProductFilter())
    assert (row.sku, row.name, row.name_alt, row.price) == ("A-1", "打样", "Proofing", 1200)
    assert row.price_includes_tax is included


def test_product_currencies_are_read_by_name_and_an_unknown_one_is_refused(workspace, tmp_path):
    sheet = tmp_path / "产品.csv"
    sheet.write_text(
        "编码,名称,单价,币种\nA-1,镜头,100,RMB\nA-2,脚架,50,美元\nA-3,滤镜,20,XYZ\n",
        encoding="utf-8",
    )
    report = workspace.imports.import_file(sheet, entity="products")
    assert report.created == 3
    with workspace.store.read() as session:
        from sqlalchemy import select

        from desktop_crm.store.models import Product

        stored = {
            sku: (currency, notes)
            for sku, currency, notes in session.execute(
                select(Product.sku, Product.currency, Product.description)
            )
        }
    # As with any cell the import cannot read: the problem is reported and the value kept in
    # the notes; the row takes the workspace's currency.
    assert stored == {"A-1": ("CNY", None), "A-2": ("USD", None), "A-3": ("CNY", "币种: XYZ")}


def _rates(ws):
    rows = ws.products.page(ProductFilter(active_only=False), "name")
    return {r.name: r.tax_rate for r in rows}


def test_product_tax_rates_are_read_by_their_column_and_excel_format(workspace, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["品名", "单价", "税率"])
    for name, rate in (("设计", 0.06), ("印刷", 0.13), ("咨询", 1), ("软件", 0)):
        sheet.append([name, 100, rate])
    for row in (2, 3, 4):  # Excel shows these as 6%, 13%, 100%: their numbers are fractions
        sheet.cell(row=row, column=3).number_format = "0%"
    path = tmp_path / "formatted.xlsx"
    book.save(path)
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert report.created == 4 and not report.problems
    assert _rates(workspace) == {"设计": 6, "印刷": 13, "咨询": 100, "软件": 0}


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (["0.13", "0.06", "0"], [13, 6, 0]),  # a column of fractions
        (["13", "6", "1"], [13, 6, 1]),  # a column of percents: 1 is 1 %, not 100 %
        (["13%", "0.06", "9"], [13, 6, 9]),  # 0.06 among percents is 6 %: a usual rate
    ],
)
def test_plain_tax_rates_in_a_csv_are_read_as_their_column(workspace, tmp_path, written, expected):
    path = write_csv(
        tmp_path / "rates.csv",
        ["Name", "Unit price", "Tax rate"],
        [[f"P{i}", 10, rate] for i, rate in enumerate(written)],
        "utf-8",
    )
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert report.created == 3 and not report.problems
    assert _rates(workspace) == {f"P{i}": Decimal(r) for i, r in enumerate(expected)}


def test_a_rate_that_could_be_either_is_a_problem_not_a_guess(workspace, tmp_path):
    path = write_csv(
        tmp_path / "rates.csv",
        ["Name", "Unit price", "Tax rate"],
        [["A", 10, "13"], ["B", 10, "0.5"]],
        "utf-8",
    )
    report = workspace.imports.import_file(path, entity="products", today=TODAY)
    assert report.created == 1
    assert len(report.problems) == 1 and "write it with %" in report.problems[0]
    assert _rates(workspace) == {"A": 13}
