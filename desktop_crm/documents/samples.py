"""A made-up quote or contract, priced for real, to preview a template with (and to test with).

The lines are priced by ``domain.quote_totals.price_lines`` like any real quote, so the figures
a preview shows add up.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from desktop_crm.documents.document_data import (
    CompanyProfile,
    DocLine,
    DocTotals,
    Document,
    Instalment,
    Party,
)
from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import LineInput, TaxRounding, price_lines, split_by_percent

# (code, English, Chinese, unit en, unit zh, quantity, unit price, tax rate, discount %)
_PRODUCTS = (
    (
        "SRV-R740",
        "Rack server, 2 x 16-core CPU, 256 GB RAM, dual power supply",
        "机架式服务器，双路 16 核处理器，256 GB 内存，冗余电源",
        "unit",
        "台",
        2,
        "48500.00",
        13,
        5,
    ),
    (
        "STO-4T",
        "Enterprise SSD 3.84 TB, NVMe, 5-year warranty",
        "企业级固态硬盘 3.84 TB，NVMe 接口，五年质保",
        "pcs",
        "块",
        8,
        "3260.00",
        13,
        0,
    ),
    (
        "NET-SW48",
        "48-port managed gigabit switch with 4 x 10G uplinks",
        "48 口千兆网管交换机，含 4 个万兆上行口",
        "unit",
        "台",
        3,
        "6980.00",
        13,
        0,
    ),
    (
        "LIC-VM",
        "Virtualisation licence, per CPU socket, 3 years",
        "虚拟化软件许可（按 CPU 计），三年",
        "licence",
        "套",
        4,
        "12800.00",
        6,
        10,
    ),
    (
        "SVC-INST",
        "On-site installation, cabling and configuration",
        "现场安装、布线及系统配置服务",
        "day",
        "人天",
        5,
        "2400.00",
        6,
        0,
    ),
    (
        "SVC-TRN",
        "Administrator training for up to 8 people",
        "管理员培训（不超过 8 人）",
        "session",
        "场",
        1,
        "6500.00",
        6,
        0,
    ),
    (
        "UPS-3K",
        "UPS 3 kVA online, rack mounted, with battery pack",
        "在线式 UPS 3 kVA，机架式，含电池组",
        "unit",
        "台",
        2,
        "8650.00",
        13,
        0,
    ),
    (
        "CAB-42U",
        "42U server cabinet with PDU and cable management",
        "42U 服务器机柜，含 PDU 及理线器",
        "unit",
        "台",
        1,
        "5280.00",
        13,
        0,
    ),
)
_SECTIONS = (("Hardware", "硬件设备"), ("Software and services", "软件与服务"))


def sample_profile(language: Language = "en") -> CompanyProfile:
    """Our made-up company."""
    if language == "zh":
        return CompanyProfile(
            name="上海云启信息技术有限公司",
            address_lines=("上海市浦东新区张江路 88 号 5 楼", "邮编 201203"),
            tax_id="91310115MA1K3XXXXX",
            bank_name="招商银行上海张江支行",
            bank_account="1219 0888 6610 901",
            contact="王晓明",
            phone="021-5080 1234",
            email="sales@yunqi.example.cn",
            website="www.yunqi.example.cn",
            header_text="专业的企业 IT 基础设施服务商",
            footer_text="上海云启信息技术有限公司 · 电话 021-5080 1234 · www.yunqi.example.cn",
            default_terms=(
                "1. 以上价格含税，含运费及现场安装。\n2. 交货期：合同签订并收到预付款后 15 个"
                "工作日内。\n\n3. 质保期：硬件三年原厂质保，软件按厂商许可条款执行。"
            ),
        )
    return CompanyProfile(
        name="Northwind Systems Ltd.",
        address_lines=("12 Harbour Street, Suite 400", "Bristol BS1 4QA, United Kingdom"),
        tax_id="GB 123 4567 89",
        bank_name="Barclays Bank, Bristol",
        bank_account="GB29 NWBK 6016 1331 9268 19",
        contact="Emma Clarke",
        phone="+44 117 496 0123",
        email="sales@northwind.example.com",
        website="www.northwind.example.com",
        header_text="IT infrastructure for growing businesses",
        footer_text="Northwind Systems Ltd. · Registered in England No. 01234567",
        default_terms=(
            "Prices include delivery and installation. Delivery within 15 working days of the "
            "order.\n\nPayment: 30 days net from the invoice date. Hardware carries a three-year "
            "manufacturer's warranty."
        ),
    )


def _customer(language: Language) -> Party:
    if language == "zh":
        return Party(
            name="杭州明德精密制造股份有限公司",
            address_lines=("浙江省杭州市滨江区江南大道 1288 号",),
            tax_id="91330108MA2XXXXXX8",
            contact="李建国 经理",
            phone="0571-8766 5432",
            email="lijg@mingde.example.cn",
        )
    return Party(
        name="Acme Precision Engineering plc",
        address_lines=("Unit 7, Riverside Business Park", "Leeds LS10 1AB"),
        tax_id="GB 987 6543 21",
        contact="James Whitfield",
        phone="+44 113 496 0456",
        email="j.whitfield@acme.example.com",
    )


def sample_lines(count: int, language: Language) -> list[tuple[DocLine | str, LineInput | None]]:
    """``count`` item lines (cycling through the products), with a section heading every 8."""
    out: list[tuple[DocLine | str, LineInput | None]] = []
    zh = language == "zh"
    for index in range(count):
        if index % 8 == 0 and count > 3:
            name = _SECTIONS[(index // 8) % 2][1 if zh else 0]
            out.append((name, None))
        code, en, cn, unit_en, unit_zh, qty, price, rate, discount = _PRODUCTS[
            index % len(_PRODUCTS)
        ]
        line = LineInput(
            quantity=Decimal(qty),
            unit_price=Decimal(price),
            tax_rate=Decimal(rate),
            discount=Decimal(discount),
            optional=index == 5,
        )
        doc_line = DocLine(
            kind="item",
            description=cn if zh else en,
            quantity=line.quantity,
            unit=unit_zh if zh else unit_en,
            unit_price=line.unit_price,
            discount=line.discount,
            tax_rate=line.tax_rate,
            optional=line.optional,
            code=code,
        )
        out.append((doc_line, line))
    return out


def sample_document(
    kind: str = "quote",
    language: Language = "en",
    *,
    lines: int = 8,
    currency: str | None = None,
    revision: int = 1,
) -> Document:
    """A priced made-up quote or contract of ``lines`` item lines."""
    currency = currency or ("CNY" if language == "zh" else "GBP")
    rows = sample_lines(lines, language)
    inputs = [line for _, line in rows if line is not None]
    totals = price_lines(inputs, currency, TaxRounding.PER_LINE)
    priced = iter(totals.lines)
    doc_lines: list[DocLine] = []
    for row, _ in rows:
        if isinstance(row, str):
            doc_lines.append(DocLine(kind="section", description=row))
            continue
        figures = next(priced)
        doc_lines.append(replace(row, amount=figures.amount))
    issued = date(2025, 12, 8)
    zh = language == "zh"
    plan: tuple[Instalment, ...] = ()
    if kind == "contract":
        percents = [Decimal(30), Decimal(60), Decimal(10)]
        amounts = split_by_percent(totals.total, percents, currency)
        days = [issued + timedelta(days=d) for d in (7, 45, 400)]
        plan = tuple(
            Instalment(d, a, p, paid=a if n == 0 else Decimal(0))
            for n, (d, a, p) in enumerate(zip(days, amounts, percents, strict=True))
        )
    return Document(
        kind="contract" if kind == "contract" else "quote",
        number=("HT" if kind == "contract" else "Q") + "-2025-0042",
        revision=revision,
        language=language,
        currency=currency,
        issued_on=issued,
        customer=_customer(language),
        lines=tuple(doc_lines),
        totals=DocTotals.from_quote_totals(totals),
        title="数据中心机房升级项目" if zh else "Data room upgrade",
        valid_until=issued + timedelta(days=30) if kind != "contract" else None,
        contact_person="王晓明" if zh else "Emma Clarke",
        notes=(
            "可选项目（标记为可选）不计入合计，如需要请在确认时注明。"
            if zh
            else "Items marked optional are not included in the total; tick them when you accept."
        ),
        instalments=plan,
        starts_on=issued if kind == "contract" else None,
        ends_on=issued + timedelta(days=365) if kind == "contract" else None,
        tax_rounding_note="税额按每行计算后四舍五入。" if zh else "Tax is rounded on each line.",
    )
