"""Importing quotes from workbooks: one row per line, totals priced, problems on their cells."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop_crm.cli import main
from desktop_crm.domain.currency import currency_code
from desktop_crm.services.quotes.pricing import price_quotes
from desktop_crm.spreadsheet.number_formats import is_percent_format
from desktop_crm.spreadsheet.quote_cells import Discount, TaxRateColumn, parse_discount
from desktop_crm.store.models import ImportBatch, Quote, QuoteLine
from tests.conftest import TODAY
from tests.drafts import company, person
from tests.sheets import write_csv, write_xlsx

ZH = ["报价单号", "客户", "日期", "有效期至", "币种", "状态", "产品编码", "品名", "数量", "单位"]
ZH += ["单价", "折扣", "税率", "含税"]
EN = ["Quote No.", "Customer", "Date", "Valid until", "Currency", "Product code", "Description"]
EN += ["Quantity", "Unit", "Unit price", "Discount", "Tax rate", "Tax included"]
FIELDS = ["number", "customer", "date", "valid_until", "currency", "status", "sku"]
FIELDS += ["description", "quantity", "unit", "unit_price", "discount", "tax_rate", "tax_included"]


def head(number, customer=None, day=None, until=None, currency=None, status=None):
    """The quote's own cells of a row (left empty on most rows of a quote)."""
    return [number, customer, day, until, currency, status]


def line(sku=None, description=None, quantity=None, unit=None, price=None, *rest):
    """A row's line cells: code, name, quantity, unit, price, discount, tax rate, 含税."""
    return [sku, description, quantity, unit, price, *rest]


# Three quotes: catalogue lines, % and amount discounts, tax as 13%, 0.13 and 13, 含税 是/否,
# header cells left empty on later rows, and a number left empty (a merged cell).
ROWS = [
    head("BJ-001", "远山设计", "2026-03-02", "2026-04-01", "CNY") + line("VI-01", None, 1),
    head("BJ-001") + line(None, "标志设计", 2, "套", 5000, "10%", "13%", "否"),
    head("BJ-001", "远山 设计") + line(None, "印刷", 3, "批", 100, "50", 0.13, "是"),
    head("BJ-002", "青木科技", "2026-03-05", None, "CNY")
    + line(None, "服务器", 1, "台", 11300, None, 13, "是"),
    head("BJ-002") + line(None, "安装", 2, "次", 500, "5%", "13", "否"),
    head("BJ-003", "王芳", "2026/3/9", "2026-04-09", None, "已发送")
    + line(None, "咨询", 10, "小时", 800, None, "6%"),
    head(None) + line(None, "差旅", 1, None, "1,234.56", None, 0),
]


@pytest.fixture
def customers(workspace, tmp_path):
    """Two companies, a person, and a catalogue product VI-01 (36,000 a set, 6 %)."""
    workspace.people.save_company(company("远山设计"))
    workspace.people.save_company(company("青木科技"))
    workspace.people.save(person("王芳"))
    products = tmp_path / "products.csv"
    products.write_text("编码,产品名称,单位,单价,税率\nVI-01,VI 视觉识别系统,套,36000,6%\n")
    assert workspace.imports.import_file(products, entity="products").created == 1
    return workspace


def totals(workspace):
    with workspace.store.read() as session:
        numbers = {qid: n for qid, n in session.execute(select(Quote.id, Quote.number))}
        return {numbers[qid]: t for qid, t in price_quotes(session).items()}


def lines_of(workspace, number):
    with workspace.store.read() as session:
        return list(
            session.scalars(
                select(QuoteLine)
                .join(Quote, Quote.id == QuoteLine.quote_id)
                .where(Quote.number == number, QuoteLine.deleted_at.is_(None))
                .order_by(QuoteLine.position)
            )
        )


def quote(workspace, number):
    with workspace.store.read() as session:
        return session.scalar(select(Quote).where(Quote.number == number))


def test_chinese_workbook_of_three_quotes_imports_with_hand_checked_totals(customers, tmp_path):
    ws = customers
    path = write_xlsx(tmp_path / "报价单.xlsx", ZH, ROWS)
    preview = ws.imports.preview(path, entity="quotes")
    assert preview.mapping == dict(enumerate(FIELDS))
    assert preview.problem_count == 0, [r for r in preview.rows if r.problem]
    dry = ws.imports.import_file(path, entity="quotes", dry_run=True, today=TODAY)
    assert (dry.created, dry.failed, dry.by_entity["quotes"].created) == (3, 0, 3)
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed, report.problems) == (3, 0, ())
    assert report.by_entity["quotes"].created == 3 and report.operation_id
    found = totals(ws)
    one = found["BJ-001"]
    # 36,000 + 6 % = 38,160; 2 x 5,000 less 10 % = 9,000 + 13 % = 10,170; 3 x 100 less 50 =
    # 250 including 13 %: tax 250 x 13/113 = 28.76, net 221.24.
    assert one.subtotal == Decimal("45221.24") and one.discount == Decimal("1050.00")
    assert one.tax_by_rate == {Decimal(6): Decimal("2160.00"), Decimal(13): Decimal("1198.76")}
    assert one.total == Decimal("48580.00")
    two = found["BJ-002"]  # 11,300 including 13 %: 1,300 tax; 2 x 500 less 5 % = 950 + 123.50
    assert (two.subtotal, two.tax, two.total) == (
        Decimal("10950.00"),
        Decimal("1423.50"),
        Decimal("12373.50"),
    )
    three = found["BJ-003"]  # 8,000 + 6 % and 1,234.56 untaxed
    assert (three.subtotal, three.tax, three.total) == (
        Decimal("9234.56"),
        Decimal("480.00"),
        Decimal("9714.56"),
    )
    first = quote(ws, "BJ-001")
    assert (first.status, first.revision, first.currency) == ("draft", 1, "CNY")
    assert (first.issued_on, first.valid_until) == (date(2026, 3, 2), date(2026, 4, 1))
    assert first.company_id and first.person_id is None
    catalogue, logo, printing = lines_of(ws, "BJ-001")
    assert catalogue.product_id and (catalogue.description, catalogue.unit) == (
        "VI 视觉识别系统",
        "套",
    )
    assert (catalogue.unit_price, catalogue.tax_rate) == (Decimal(36000), Decimal(6))
    assert (logo.discount, logo.discount_is_percent, logo.price_includes_tax) == (10, True, False)
    assert (printing.discount, printing.discount_is_percent, printing.price_includes_tax) == (
        50,
        False,
        True,
    )
    assert [line.tax_rate for line in lines_of(ws, "BJ-002")] == [13, 13]
    sent = quote(ws, "BJ-003")
    assert sent.status == "sent" and sent.person_id and sent.company_id is None
    assert [line.description for line in lines_of(ws, "BJ-003")] == ["咨询", "差旅"]
    with ws.store.read() as session:
        [batch] = session.scalars(select(ImportBatch).where(ImportBatch.entity == "quotes"))
    assert (batch.entity, batch.created, batch.operation_id) == ("quotes", 3, report.operation_id)


def test_one_undo_takes_the_whole_import_back_and_it_imports_again(customers, tmp_path):
    ws = customers
    path = write_xlsx(tmp_path / "quotes.xlsx", ZH, ROWS)
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    ws.history.undo(report.operation_id)
    with ws.store.read() as session:
        live_quotes = session.scalars(select(Quote).where(Quote.deleted_at.is_(None))).all()
        live_lines = session.scalars(select(QuoteLine).where(QuoteLine.deleted_at.is_(None)))
        batches = session.scalars(
            select(ImportBatch).where(
                ImportBatch.deleted_at.is_(None), ImportBatch.entity == "quotes"
            )
        )
        assert (live_quotes, live_lines.all(), batches.all()) == ([], [], [])
    assert ws.imports.import_file(path, entity="quotes", today=TODAY).created == 3


def test_english_headers_with_real_excel_cells(customers, tmp_path):
    ws = customers
    own = ["Q-7", "Yuanshan", datetime(2026, 5, 4), datetime(2026, 6, 3), "usd"]
    rows = [
        [*own, None, "Audit", 2, "day", 1200.5, "10%", 0.13, "No"],
        ["Q-7", None, None, None, None, "vi-01", None, 1, None, 1000, 100.0, None, "true"],
    ]
    ws.people.save_company(company("Yuanshan"))
    path = write_xlsx(tmp_path / "quotes-en.xlsx", EN, rows)
    preview = ws.imports.preview(path, entity="quotes")
    assert len(preview.mapping) == len(EN) and preview.problem_count == 0
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (1, 0)
    assert quote(ws, "Q-7").currency == "USD"
    audit, catalogue = lines_of(ws, "Q-7")
    assert (audit.unit_price, audit.tax_rate, audit.discount) == (Decimal("1200.5"), 13, 10)
    # The row's own price wins over the product's; the product's 6 % fills the empty rate.
    assert (catalogue.unit_price, catalogue.tax_rate, catalogue.price_includes_tax) == (1000, 6, 1)
    # 2 x 1,200.50 = 2,401.00 less 10 % = 2,160.90 + 13 % (280.92) = 2,441.82;
    # 1,000 less 100 = 900 including 6 %: tax 50.94, net 849.06. Total 2,441.82 + 900.
    got = totals(ws)["Q-7"]
    assert (got.subtotal, got.tax, got.total) == (
        Decimal("3009.96"),
        Decimal("331.86"),
        Decimal("3341.82"),
    )


def test_utf8_csv_with_english_headers(customers, tmp_path):
    ws = customers
    rows = [["Q-8", "青木科技", "2026-01-05", None, None, None, "Support", 12, "month", "¥1,000"]]
    rows[0] += ["", "6", "yes"]
    path = write_csv(tmp_path / "quotes.csv", EN, rows, "utf-8")
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (1, 0)
    got = totals(ws)["Q-8"]  # 12,000 including 6 %: tax 679.25
    assert (got.total, got.tax) == (Decimal("12000.00"), Decimal("679.25"))


PROBLEM_ROWS = [
    [*head("BJ-001", "远山设计", "2026-03-02"), None, "重复", 1, None, 10, None, None, None],
    [*head("BJ-010", "无名公司", "2026-03-02"), None, "咨询", 1, None, 10, None, None, None],
    [*head("BJ-011", "远山设计", "2026-03-02"), None, "设计", 1, None, 1000, None, None, None],
    [*head("BJ-011"), None, "加急", 2, None, 500, "1200", "13%", "否"],
    [*head("BJ-012", "青木科技", "2026-03-02"), "NOPE", None, 1, None, None, None, None, None],
    [*head("BJ-013", "青木科技", "2026-03-02"), None, "维护", 1, None, 100, None, None, None],
    [*head("BJ-013", None, "2026-03-03"), None, "巡检", 1, None, 100, None, None, None],
    [*head("BJ-014", "青木科技", "2026-03-02"), None, "培训", 1, None, 100, "9折", "6%", "否"],
]


def test_problems_are_put_on_their_cells_in_a_gbk_csv(customers, tmp_path):
    ws = customers
    ws.imports.import_file(write_xlsx(tmp_path / "first.xlsx", ZH, ROWS[:3]), entity="quotes")
    path = write_csv(tmp_path / "有问题.csv", ZH, PROBLEM_ROWS, "gbk")
    preview = ws.imports.preview(path, entity="quotes")
    assert preview.encoding and preview.encoding.lower() in ("gbk", "gb18030")
    cells = {
        (row.number, preview.columns[col]): cell.problem
        for row in preview.rows
        for col, cell in enumerate(row.cells)
        if cell.problem
    }
    assert "already in the workspace" in cells[(2, "报价单号")]
    assert "no company or person of this name" in cells[(3, "客户")]
    assert "more than the line" in cells[(5, "折扣")]
    assert "no product has this code" in cells[(6, "产品编码")]
    assert "differs from row 7" in cells[(8, "日期")]
    assert len(cells) == 5
    by_row = {row.number: row.problem for row in preview.rows}
    assert by_row[4] == "quote BJ-011 is not imported: row 5 has a problem"  # its other line
    assert by_row[9] is None  # BJ-014 is fine
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (1, 7)
    problems = "\n".join(report.problems)
    assert "row 3: 客户 “无名公司”: no company or person of this name" in problems
    assert "row 5: 折扣 “1200”: the discount 1200.00 is more than the line (1000.00)" in problems
    assert "row 8: 日期 “2026-03-03”: differs from row 7 of quote BJ-013 (“2026-03-02”)" in problems
    assert report.error_workbook and report.error_workbook.is_file()
    errors = load_workbook(report.error_workbook).active
    assert errors.max_row == 8  # a header and the seven rows
    [training] = lines_of(ws, "BJ-014")  # 9折: 10 % off
    assert (training.discount, training.discount_is_percent) == (10, True)
    assert len(lines_of(ws, "BJ-001")) == 3  # the quote already there is left as it was


def test_a_quote_without_a_date_or_number_is_reported(customers, tmp_path):
    rows = [
        [*head(None, "远山设计", "2026-03-02"), None, "无单号", 1, None, 10],
        [*head("BJ-20", "远山设计"), None, "无日期", 1, None, 10],
        [*head("BJ-21", "远山设计", "2026-03-02", "2026-03-01"), None, "过期", 1, None, "abc"],
    ]
    path = write_xlsx(tmp_path / "q.xlsx", ZH[:11], rows)
    report = customers.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (0, 3)
    problems = "\n".join(report.problems)
    assert "row 2: 报价单号: no quote number" in problems
    assert "row 3: quote BJ-20 has no date" in problems
    assert "有效期至 “2026-03-01”: valid until 2026-03-01 is before the quote's date" in problems
    assert "单价: “abc” is not an amount" in problems


def test_the_exported_quotes_list_does_not_import_as_quotes(customers, tmp_path):
    ws = customers
    ws.imports.import_file(write_xlsx(tmp_path / "q.xlsx", ZH, ROWS), entity="quotes")
    for language in ("en", "zh"):
        target = tmp_path / f"list-{language}.xlsx"
        assert ws.exports.export_records(target, "xlsx", "quotes", language=language) == 3
        report = ws.imports.import_file(target, entity="quotes", today=TODAY)
        assert (report.created, report.failed) == (0, 3)  # lines missing, numbers in use
        assert all("already in the workspace" in p for p in report.problems)
    assert set(totals(ws)) == {"BJ-001", "BJ-002", "BJ-003"}


@pytest.mark.parametrize("language", ["en", "zh"])
def test_template_maps_every_column_and_imports_its_example(workspace, tmp_path, language):
    target = tmp_path / f"quotes-{language}.xlsx"
    assert main(["template", str(target), "--entity", "quotes", "--language", language]) == 0
    workspace.people.save_company(company("远山设计" if language == "zh" else "Yuanshan Design"))
    preview = workspace.imports.preview(target, entity="quotes")
    assert set(preview.mapping) == set(range(len(preview.columns))), preview.columns
    assert preview.problem_count == 0
    report = workspace.imports.import_file(target, entity="quotes", today=TODAY)
    assert (report.created, report.failed, report.notes) == (1, 0, ())


def test_cli_imports_quotes(customers, ws_path, tmp_path, capsys):
    path = write_xlsx(tmp_path / "q.xlsx", ZH, ROWS)
    customers.close(backup_if_changed=False)
    assert main(["import", str(ws_path), str(path), "--entity", "quotes"]) == 0
    out = capsys.readouterr().out
    assert "3 created" in out and "0 failed" in out


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("10%", Discount(Decimal(10), True)),
        ("12.5％", Discount(Decimal("12.5"), True)),
        ("50", Discount(Decimal(50), False)),
        (50.0, Discount(Decimal(50), False)),
        ("¥1,000", Discount(Decimal(1000), False)),
        ("9折", Discount(Decimal(10), True)),
        ("8.5折", Discount(Decimal(15), True)),
        ("85折", Discount(Decimal(15), True)),
        (None, Discount(Decimal(0), True)),
    ],
)
def test_discount_cells(cell, expected):
    assert parse_discount(cell) == expected


def test_a_discount_that_is_no_discount():
    with pytest.raises(ValueError, match="not a discount"):
        parse_discount("some")


def problems_by_cell(preview):
    return {
        (row.number, preview.columns[col]): cell.problem
        for row in preview.rows
        for col, cell in enumerate(row.cells)
        if cell.problem
    }


def test_currency_names_become_codes_and_unknown_ones_are_problems(customers, tmp_path):
    ws = customers
    rows = [
        head("C-1", "远山设计", "2026-03-02", None, "RMB") + line(None, "设计", 1, None, 100),
        head("C-2", "远山设计", "2026-03-02", None, "美元") + line(None, "设计", 1, None, 100),
        head("C-3", "远山设计", "2026-03-02", None, "US$") + line(None, "设计", 1, None, 100),
        head("C-4", "远山设计", "2026-03-02", None, "￥") + line(None, "设计", 1, None, 100),
        head("C-5", "远山设计", "2026-03-02", None, "XYZ") + line(None, "设计", 1, None, 100),
    ]
    path = write_xlsx(tmp_path / "币种.xlsx", ZH[:11], rows)
    preview = ws.imports.preview(path, entity="quotes")
    assert problems_by_cell(preview) == {
        (6, "币种"): "“XYZ” is not a currency (CNY, USD, EUR… or 人民币, 美元)"
    }
    assert [row.cells[4].shown for row in preview.rows[:4]] == ["CNY", "USD", "USD", "CNY"]
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (4, 1)
    assert "row 6: 币种 “XYZ”: “XYZ” is not a currency" in "\n".join(report.problems)
    got = {n: quote(ws, n).currency for n in ("C-1", "C-2", "C-3", "C-4")}
    assert got == {"C-1": "CNY", "C-2": "USD", "C-3": "USD", "C-4": "CNY"}
    assert quote(ws, "C-3").notes is None  # the reader's refusal of "US$" is not kept
    assert quote(ws, "C-5") is None


def write_formatted(path, rows, formats):
    """An .xlsx of ``rows`` under ZH headers; ``formats``: (row, column name) -> number format."""
    path = write_xlsx(path, ZH, rows)
    book = load_workbook(path)
    sheet = book.active
    for (row, name), number_format in formats.items():
        sheet.cell(row=row, column=ZH.index(name) + 1).number_format = number_format
    book.save(path)
    return path


def test_percent_formatted_excel_cells_are_percentages(customers, tmp_path):
    ws = customers
    rows = [
        head("P-1", "远山设计", "2026-03-02") + line(None, "设计", 1, None, 1000, 0.1, 0.13, "否"),
        head("P-1") + line(None, "印刷", 1, None, 1000, 0.125, 0.06, "否"),
        head("P-1") + line(None, "加急", 1, None, 1000, "5%", 13, "否"),
        head("P-1") + line(None, "运费", 1, None, 1000, 20, None, "否"),
    ]
    formats = {(2, "折扣"): "0%", (2, "税率"): "0.00%", (3, "折扣"): "0.00%", (3, "税率"): "0%"}
    path = write_formatted(tmp_path / "百分比.xlsx", rows, formats)
    preview = ws.imports.preview(path, entity="quotes")
    assert preview.problem_count == 0, problems_by_cell(preview)
    assert [(r.cells[11].shown, r.cells[12].shown) for r in preview.rows[:2]] == [
        ("10%", "13"),
        ("12.5%", "6"),
    ]
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.failed) == (1, 0)
    got = [(x.discount, x.discount_is_percent, x.tax_rate) for x in lines_of(ws, "P-1")]
    assert got == [(10, True, 13), (Decimal("12.5"), True, 6), (5, True, 13), (20, False, 0)]


@pytest.mark.parametrize(
    ("rates", "expected"),
    [
        ([0.13, 0.06, "0.09", 0], [13, 6, 9, 0]),  # a column of fractions
        ([13, 6, "9", 1], [13, 6, 9, 1]),  # a column of percents; 1 is 1 %
        ([13, 0.13, "13%", 0.5], [13, 13, 13, "“0.5” could be 0.5% or 50%"]),  # mixed
        ([0.13, 0.5, 1], [13, 50, "“1” could be 1% or 100%"]),  # fractions: 1 is ambiguous
    ],
)
def test_tax_rates_are_read_by_their_column(customers, tmp_path, rates, expected):
    rows = [
        head("R-1", "远山设计", "2026-03-02") + line(None, f"行{i}", 1, None, 100, None, rate)
        for i, rate in enumerate(rates)
    ]
    path = write_xlsx(tmp_path / "税率.xlsx", ZH[:13], rows)
    preview = customers.imports.preview(path, entity="quotes")
    got = [row.cells[12].problem or Decimal(row.cells[12].shown) for row in preview.rows]
    assert len(got) == len(expected)
    for value, wanted in zip(got, expected, strict=True):
        assert value.startswith(wanted) if isinstance(wanted, str) else value == wanted
    report = customers.imports.import_file(path, entity="quotes", today=TODAY)
    if all(not isinstance(e, str) for e in expected):
        assert [x.tax_rate for x in lines_of(customers, "R-1")] == expected
    else:
        assert (report.created, report.failed) == (0, len(rates))


def test_tax_rate_column_rules():
    fractions = TaxRateColumn([0.13, 0.06, None, "13%"])
    assert fractions.fractions and fractions.percent(0.09) == 9
    assert fractions.percent("1.5%") == Decimal("1.5")
    percents = TaxRateColumn([13, 6, 1, 0])
    assert not percents.fractions and percents.percent(1) == 1
    assert percents.percent(0.5, percent_format=True) == 50
    with pytest.raises(ValueError, match=r"could be 0\.5% or 50%"):
        percents.percent(0.5)


@pytest.mark.parametrize(
    ("code", "percent"),
    [("0%", True), ("0.00%", True), ('0.0"%"', False), ("0.00", False), ("[Red]0%", True)],
)
def test_percent_number_formats(code, percent):
    assert is_percent_format(code) is percent


def test_currency_code():
    assert [currency_code(x) for x in ("rmb", "人民币", "元", "￥", "美元", "€", "円", "HK$")] == [
        "CNY",
        "CNY",
        "CNY",
        "CNY",
        "USD",
        "EUR",
        "JPY",
        "HKD",
    ]
    assert currency_code("XYZ") is None and currency_code(" usd ") == "USD"


def test_section_headings_and_optional_lines(customers, tmp_path):
    ws = customers
    header = ["报价单号", "客户", "日期", "品名", "数量", "单价", "税率", "可选"]
    rows = [
        ["BJ-9", "远山设计", "2026-03-02", "一、设计费", None, None, None, None],
        [None, None, None, "标志设计", 1, 1000, "6%", "否"],
        [None, None, None, "二、选配", None, None, None, None],
        [None, None, None, "动画标志", 1, 500, "6%", "是"],
    ]
    path = write_xlsx(tmp_path / "sections.xlsx", header, rows)
    preview = ws.imports.preview(path, entity="quotes")
    assert preview.mapping[7] == "optional" and preview.problem_count == 0
    report = ws.imports.import_file(path, entity="quotes", today=TODAY)
    assert (report.created, report.problems) == (1, ())
    got = [(x.kind, x.description, x.optional) for x in lines_of(ws, "BJ-9")]
    assert got == [
        ("section", "一、设计费", False),
        ("item", "标志设计", False),
        ("section", "二、选配", False),
        ("item", "动画标志", True),
    ]
    priced = totals(ws)["BJ-9"]  # the optional line and the headings carry no money
    assert (priced.subtotal, priced.tax, priced.total) == (
        Decimal("1000.00"),
        Decimal("60.00"),
        Decimal("1060.00"),
    )
