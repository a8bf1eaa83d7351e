"""What a rendered quote or contract says, read back from the PDF with pypdf."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import BytesIO

from pypdf import PdfReader

from desktop_crm.documents.document_data import Instalment
from desktop_crm.documents.formatting import money_with_sign
from desktop_crm.documents.pdf import render_pdf
from desktop_crm.documents.templates import load_template
from desktop_crm.domain.amount_words import chinese_capitals, english_words
from desktop_crm.domain.quote_totals import TaxRounding
from tests.unit.test_documents_support import (
    PROFILE_EN,
    PROFILE_ZH,
    Item,
    build,
    contains,
    page_texts,
    render,
    squash,
)


def sign(amount: D, currency: str) -> str:
    return money_with_sign(amount, currency, lambda text: True)


ENGLISH_LINES: list[Item | str] = [
    "Hardware",
    Item("Rack server, 2 x 16-core CPU", "2", "48500", "13", "5", code="SRV-R740"),
    Item("Enterprise SSD 3.84 TB", "8", "3260", "13", unit="pcs"),
    "Services",
    Item("Installation and configuration", "5", "2400", "6", unit="day"),
    Item("Administrator training", "1", "6500", "6", optional=True),
]


def test_an_english_quote_shows_every_line_the_totals_and_the_words():
    doc = build(ENGLISH_LINES, currency="USD", valid_until=date(2026, 1, 7))
    pdf, info = render(doc)
    text = "\n".join(page_texts(pdf))
    for line in doc.lines:
        assert contains(text, line.description)
    for figure in ("96,150.00" if False else "92,150.00", "26,080.00", "12,000.00", "6,500.00"):
        assert figure in text  # the line amounts as priced, with thousands separators
    totals = doc.totals
    for label, amount in (
        ("Subtotal", totals.subtotal),
        ("Tax 6%", dict(totals.tax_by_rate)[D(6)]),
        ("Tax 13%", dict(totals.tax_by_rate)[D(13)]),
        ("Total tax", totals.tax),
        ("Total", totals.total),
        ("Discounts included", totals.discount),
    ):
        assert contains(text, label) and sign(amount, "USD") in text
    assert contains(text, "Optional items (not included)") and sign(D("6890.00"), "USD") in text
    words = english_words(totals.total, "USD")
    assert contains(text, "Amount in words") and contains(text, words[0].upper() + words[1:])
    assert "(Optional)" in text
    for fixed in ("Quotation", "Q-2025-0042", "8 Dec 2025", "Valid until", "7 Jan 2026", "USD"):
        assert fixed in text
    assert info.pages == 1 and "Page 1 of 1" in text


def test_a_chinese_cny_quote_shows_daxie_english_words_and_chinese_labels():
    rows: list[Item | str] = [
        "硬件设备",
        Item(
            "机架式服务器，双路 16 核处理器，256 GB 内存，冗余电源",
            "2",
            "48500",
            "13",
            "5",
            unit="台",
        ),
        Item("企业级固态硬盘 3.84 TB，NVMe 接口，五年质保", "8", "3260", "13", unit="块"),
        "软件与服务",
        Item("现场安装、布线及系统配置服务", "5", "2400.5", "6", unit="人天"),
        Item("管理员培训（不超过 8 人）", "1", "6500", "6", optional=True, unit="场"),
    ]
    doc = build(
        rows,
        language="zh",
        currency="CNY",
        valid_until=date(2026, 1, 7),
        rounding=TaxRounding.PER_RATE,
        notes="可选项目不计入合计。",
    )
    pdf, _ = render(doc, "quote-modern")
    text = "\n".join(page_texts(pdf))
    for line in doc.lines:
        assert contains(text, line.description)
    total = doc.totals.total
    assert contains(text, "大写金额") and contains(text, chinese_capitals(total))
    assert chinese_capitals(total).startswith("人民币")
    words = english_words(total, "CNY")
    assert contains(text, "英文金额") and contains(text, words[0].upper() + words[1:])
    assert sign(total, "CNY") in text and total.as_tuple().exponent == -2
    for label in (
        "报价单",
        "序号",
        "品名/描述",
        "数量",
        "单位",
        "单价",
        "折扣",
        "金额",
        "小计",
        "税额（6%）",
        "税额（13%）",
        "合计",
        "有效期至",
        "2026年1月7日",
        "（可选）",
        "可选项合计（未计入）",
        "第 1 页 共 1 页",
        "备注",
        "条款与说明",
        "已含折扣",
    ):
        assert contains(text, label), label
    assert contains(text, "可选项目不计入合计。")
    assert contains(text, "交货期：收到预付款后 15 个工作日内。")  # the company's default terms


def test_no_daxie_for_other_currencies_or_english_documents():
    zh_usd, _ = render(build([Item("服务器", "1", "1000")], language="zh", currency="USD"))
    text = "\n".join(page_texts(zh_usd))
    assert "大写金额" not in text and "人民币" not in text
    assert contains(text, "One thousand, one hundred and thirty dollars")
    en_cny, _ = render(build([Item("Server", "1", "1000")], language="en", currency="CNY"))
    assert "人民币" not in "\n".join(page_texts(en_cny))


def test_amount_in_words_can_be_switched_off():
    template = load_template("quote-classic")
    from desktop_crm.documents.templates import with_changes

    quiet = with_changes(template, show_amount_in_words=False)
    pdf, _ = render(build([Item("Server", "1", "1000")], language="zh"), quiet)
    text = "\n".join(page_texts(pdf))
    assert "大写金额" not in text and "thousand" not in text


def test_revision_shows_from_the_second_on():
    first, _ = render(build([Item("Server")], revision=1))
    assert "rev" not in page_texts(first)[0]
    second, _ = render(build([Item("Server")], revision=2))
    assert "Q-2025-0042 rev 2" in page_texts(second)[0]
    chinese, _ = render(build([Item("服务器")], language="zh", revision=3))
    assert contains(page_texts(chinese)[0], "Q-2025-0042 第 3 版")


def test_a_chinese_contract_has_parties_plan_terms_and_signatures():
    doc = build(
        [Item("机架式服务器", "2", "48500", "13", unit="台"), Item("安装服务", "5", "2400", "6")],
        kind="contract",
        language="zh",
        title="数据中心机房升级项目",
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 12, 31),
        terms="1. 乙方负责送货及安装。\n2. 质保期三年。",
        contact_person="王晓明",
    )
    total = doc.totals.total
    first = (total * D("0.3")).quantize(D("0.01"))
    plan = (
        Instalment(date(2026, 1, 15), first, D(30), paid=first),
        Instalment(date(2026, 3, 1), total - first, D(70)),
    )
    pdf, info = render(doc.__class__(**{**doc.__dict__, "instalments": plan}))
    text = "\n".join(page_texts(pdf))
    for expected in (
        "合同",
        "HT-2025-0007",
        "数据中心机房升级项目",
        "甲方（需方）",
        "乙方（供方）",
        "杭州明德精密制造股份有限公司",
        "上海云启信息技术有限公司",
        "开户行：招商银行上海张江支行",
        "合同期限：2026年1月1日 至 2026年12月31日",
        "合同标的及价款",
        "付款计划",
        "期次",
        "付款日期",
        "比例",
        "已付",
        "2026年1月15日",
        "2026年3月1日",
        "30%",
        "70%",
        sign(first, "CNY"),
        sign(total - first, "CNY"),
        "合同条款",
        "乙方负责送货及安装。",
        "质保期三年。",
        "甲方（盖章）",
        "乙方（盖章）",
        "授权代表（签字）",
        "日期",
        chinese_capitals(total),
    ):
        assert contains(text, expected), expected
    assert info.pages == len(page_texts(pdf))


def test_an_english_contract():
    doc = build(
        [Item("Rack server", "2", "48500")],
        kind="contract",
        language="en",
        currency="GBP",
        terms="Delivery within 15 working days.",
    )
    pdf, _ = render(doc)
    text = "\n".join(page_texts(pdf))
    for expected in (
        "Contract",
        "Party A (Customer)",
        "Party B (Supplier)",
        "Products and prices",
        "Terms and conditions",
        "Delivery within 15 working days.",
        "Authorised signature",
        "Acme Precision Engineering plc",
    ):
        assert contains(text, expected), expected
    assert "Payment schedule" not in text  # no plan, no table


def test_long_descriptions_notes_and_terms_wrap():
    long_en = "A very long description of the configuration that keeps going " * 6
    long_zh = "包含机柜、配电单元、理线器、冗余电源及全部安装附件的完整机房解决方案" * 4
    notes = "Please note " + "that the delivery depends on stock " * 12
    doc = build([Item(long_en.strip()), Item(long_zh)], notes=notes, terms="Terms " * 80)
    pdf, _ = render(doc)
    text = page_texts(pdf)[0]
    assert contains(text, long_en) and contains(text, long_zh) and contains(text, notes)
    # Wrapped: the long texts come back on several lines, not one line running off the cell.
    description_lines = [line for line in text.splitlines() if "keeps going" in line]
    assert len(description_lines) >= 3
    assert (
        len([line for line in text.splitlines() if "机房解决方案" in line or "冗余" in line]) >= 2
    )


def test_a_description_taller_than_a_page_is_cut_into_rows():
    huge = ("A very long description that goes on. " * 40 + "\n") * 12
    chinese = "很长的描述文字，" * 900
    pdf, info = render(build([Item("First"), Item(huge), Item(chinese), Item("Last")]))
    assert info.pages >= 4
    text = squash("\n".join(page_texts(pdf)))  # cut across pages: count the sentences instead
    assert text.count("goeson.") == 480 and text.count("很") == text.count("，") == 900
    assert "Last" in text
    assert not any(line.startswith("，") for page in page_texts(pdf) for line in page.splitlines())


def test_an_empty_quote_and_both_kinds_of_output(tmp_path):
    doc = build([])
    path = tmp_path / "empty.pdf"
    info = render_pdf(doc, load_template("quote-classic"), PROFILE_EN, path)
    assert info.pages == 1 and PdfReader(path).pages[0].extract_text()
    stream = BytesIO()
    render_pdf(build([Item("x")], language="zh"), load_template("quote-modern"), PROFILE_ZH, stream)
    assert stream.getvalue().startswith(b"%PDF")
