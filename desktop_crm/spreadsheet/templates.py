"""Import templates in English and Simplified Chinese.

A sheet with the headers the importer recognises and an example row, and a notes sheet
saying what each column takes.
"""

from __future__ import annotations

from pathlib import Path

# entity -> [(English header, Chinese header, example EN, example ZH, note EN, note ZH)]
_COLUMNS: dict[str, list[tuple[str, str, object, object, str, str]]] = {
    "people": [
        (
            "Name",
            "姓名",
            "Wang Fang",
            "王芳",
            "Required (or an email or phone).",
            "必填（或填邮箱、手机）。",
        ),
        (
            "Company",
            "公司",
            "Yuanshan Design",
            "远山设计",
            "Made when not there yet.",
            "没有的公司会自动创建。",
        ),
        ("Job title", "职位", "Studio manager", "工作室经理", "", ""),
        (
            "Mobile",
            "手机",
            "13800138000",
            "13800138000",
            "Several: separate with ;",
            "多个用 ; 分隔。",
        ),
        ("Phone", "电话", "021-6288 0000", "021-6288 0000", "", ""),
        (
            "Email",
            "邮箱",
            "wang@example.com",
            "wang@example.com",
            "Several: separate with ;",
            "多个用 ; 分隔。",
        ),
        ("WeChat", "微信", "wangfang88", "wangfang88", "", ""),
        ("City", "城市", "Shanghai", "上海", "", ""),
        ("Address", "地址", "88 Wuding Rd", "武定路88号", "", ""),
        ("Birthday", "生日", "1990-04-03", "1990-04-03", "Year-month-day.", "年-月-日。"),
        ("Tags", "标签", "VIP; repeat", "VIP；老客户", "Separate with ;", "用 ; 分隔。"),
        ("Source", "来源", "Referral", "转介绍", "", ""),
        ("Level", "客户等级", "A", "A", "A, B or C.", "A、B 或 C。"),
        (
            "Status",
            "状态",
            "customer",
            "成交客户",
            "lead, prospect, customer or inactive.",
            "线索、意向客户、成交客户或流失。",
        ),
        ("Notes", "备注", "Prefers WeChat", "喜欢微信联系", "", ""),
    ],
    "companies": [
        ("Company name", "公司名称", "Yuanshan Design", "远山设计", "Required.", "必填。"),
        ("Industry", "行业", "Design", "设计", "", ""),
        ("Phone", "电话", "021-6288 0000", "021-6288 0000", "", ""),
        ("Email", "邮箱", "hello@example.com", "hello@example.com", "", ""),
        ("Website", "网址", "https://example.com", "https://example.com", "", ""),
        ("City", "城市", "Shanghai", "上海", "", ""),
        ("Address", "地址", "88 Wuding Rd", "武定路88号", "", ""),
        ("Tags", "标签", "Key account", "重点客户", "Separate with ;", "用 ; 分隔。"),
        ("Level", "客户等级", "A", "A", "A, B or C.", "A、B 或 C。"),
        ("Notes", "备注", "", "", "", ""),
    ],
    "deals": [
        ("Deal name", "商机名称", "Website redesign", "官网改版", "Required.", "必填。"),
        (
            "Company",
            "客户名称",
            "Yuanshan Design",
            "远山设计",
            "Made when not there yet.",
            "没有的公司会自动创建。",
        ),
        (
            "Contact",
            "联系人",
            "Wang Fang",
            "王芳",
            "Found at that company, or made.",
            "在该公司下查找，没有则创建。",
        ),
        (
            "Amount",
            "金额",
            50000,
            50000,
            "A number; ¥ and 万 are understood.",
            "数字；可写 ¥ 或 万。",
        ),
        ("Currency", "币种", "CNY", "CNY", "Three letters (CNY, USD…).", "三个字母（CNY、USD…）。"),
        (
            "Stage",
            "销售阶段",
            "",
            "",
            "A stage of your pipeline; empty: the first.",
            "销售流程中的阶段名；留空为第一阶段。",
        ),
        (
            "Expected close",
            "预计成交日期",
            "2026-12-31",
            "2026-12-31",
            "Year-month-day.",
            "年-月-日。",
        ),
        ("Status", "状态", "open", "进行中", "open, won or lost.", "进行中、赢单或输单。"),
        ("Notes", "备注", "", "", "", ""),
    ],
    "products": [
        (
            "Code",
            "产品编码",
            "VI-01",
            "VI-01",
            "Unique; leading zeros are kept.",
            "唯一；保留开头的 0。",
        ),
        (
            "Product name",
            "产品名称",
            "Visual identity",
            "VI 视觉识别系统",
            "Required (or a code).",
            "必填（或填编码）。",
        ),
        (
            "Second name",
            "英文名称",
            "视觉识别系统",
            "Visual identity",
            "The name in your customers' other language.",
            "客户的另一种语言中的名称。",
        ),
        ("Unit", "单位", "set", "套", "", ""),
        ("Unit price", "单价", 36000, 36000, "A number.", "数字。"),
        ("Tax included", "含税", "no", "否", "yes if the price includes tax.", "单价含税填“是”。"),
        ("Currency", "币种", "CNY", "CNY", "", ""),
        ("Tax rate", "税率", "6%", "6%", "6% or 0.06.", "6% 或 0.06。"),
        ("Description", "描述", "", "", "", ""),
    ],
    "quotes": [
        (
            "Quote No.",
            "报价单号",
            "Q-2026-001",
            "BJ-2026-001",
            "Required. One row per line; the lines of a quote share its number.",
            "必填。每行一个明细，同一报价单的各行填相同单号。",
        ),
        (
            "Customer",
            "客户",
            "Yuanshan Design",
            "远山设计",
            "A company (or person) already in the workspace.",
            "须是已有的公司（或联系人）。",
        ),
        ("Date", "日期", "2026-03-02", "2026-03-02", "Year-month-day.", "年-月-日。"),
        ("Valid until", "有效期至", "2026-04-01", "2026-04-01", "Optional.", "可不填。"),
        ("Currency", "币种", "CNY", "CNY", "Three letters (CNY, USD…).", "三个字母（CNY、USD…）。"),
        (
            "Product code",
            "产品编码",
            "",
            "",
            "A product's code: fills the empty cells of the line.",
            "已有产品的编码：本行空着的信息从产品带出。",
        ),
        (
            "Description",
            "品名",
            "Logo design",
            "标志设计",
            "Required without a code.",
            "无编码时必填。",
        ),
        ("Quantity", "数量", 2, 2, "Empty: 1.", "留空为 1。"),
        ("Unit", "单位", "set", "套", "", ""),
        ("Unit price", "单价", 5000, 5000, "A number.", "数字。"),
        (
            "Discount",
            "折扣",
            "10%",
            "10%",
            "10% off the line, or an amount off it (50).",
            "10% 表示按比例，纯数字（如 50）表示减去的金额。",
        ),
        ("Tax rate", "税率", "6%", "6%", "6%, 0.06 or 6.", "6%、0.06 或 6。"),
        (
            "Tax included",
            "含税",
            "No",
            "是",
            "Yes: the price includes the tax.",
            "是：单价为含税价。",
        ),
        (
            "Optional",
            "可选",
            "No",
            "否",
            "Yes: priced but not in the total. A row with only a description is a heading.",
            "是：列出价格但不计入总价。只填品名的行是分组标题。",
        ),
        (
            "Status",
            "状态",
            "draft",
            "草稿",
            "Optional: draft or sent.",
            "可不填：草稿或已发送。",
        ),
    ],
    "payments": [
        (
            "Contract No.",
            "合同编号",
            "HT-2026-001",
            "HT-2026-001",
            "Required: a contract in the workspace.",
            "必填：须是已有的合同。",
        ),
        ("Date", "日期", "2026-03-15", "2026-03-15", "Year-month-day.", "年-月-日。"),
        (
            "Amount",
            "金额",
            "¥1,234.50",
            "¥1,234.50",
            "Above 0; ¥ and thousands separators are understood.",
            "大于 0；可写 ¥ 和千分位。",
        ),
        ("Note", "备注", "First instalment", "首付款", "", ""),
    ],
    "followups": [
        (
            "Contact",
            "联系人",
            "Wang Fang",
            "王芳",
            "Required: a person or company in the workspace, by name, phone or customer number.",
            "必填：已有的联系人或公司，可填姓名、电话或客户编号。",
        ),
        ("Due date", "日期", "2026-12-01", "2026-12-01", "Year-month-day.", "年-月-日。"),
        (
            "Time",
            "时间",
            "14:30",
            "14:30",
            "Optional (14:30, 2:30 pm); empty: all day. In this computer's time zone.",
            "可不填（14:30、下午2点半）；留空为全天。按本机时区。",
        ),
        (
            "Type",
            "类型",
            "call",
            "电话",
            "call, meeting, visit, email or message; empty: call.",
            "电话、会议、拜访、邮件或消息（微信）；留空为电话。",
        ),
        ("Subject", "主题", "Follow up the quote", "跟进报价", "", ""),
        (
            "Repeat",
            "重复",
            "weekly",
            "每周",
            "Optional: daily, weekly, monthly, every 2 weeks, every Monday.",
            "可不填：每天、每周、每月、每2周、每周一。",
        ),
        ("Notes", "备注", "Ask about the sample", "问一下样品", "", ""),
        (
            "Owner",
            "负责人",
            "",
            "",
            "Optional: a user of the workspace; empty: you.",
            "可不填：工作区中的用户；留空为自己。",
        ),
    ],
}


def template_headers(entity: str, language: str) -> list[str]:
    """The template's headers."""
    zh = language.startswith("zh")
    return [c[1] if zh else c[0] for c in _COLUMNS[entity]]


def write_template(target: Path, entity: str, language: str) -> None:
    """Write the import template of ``entity`` in ``language`` (``en`` or ``zh``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    zh = language.startswith("zh")
    columns = _COLUMNS[entity]
    book = Workbook()
    sheet = book.active
    sheet.title = "导入" if zh else "Import"
    sheet.append([c[1] if zh else c[0] for c in columns])
    sheet.append([c[3] if zh else c[2] for c in columns])
    for i, cell in enumerate(sheet[1]):
        cell.font = Font(bold=True)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = max(12, len(str(columns[i][3])) * 2 + 2)
        sheet[f"{letter}2"].number_format = "@" if isinstance(columns[i][2], str) else "General"
    sheet.freeze_panes = "A2"
    notes = book.create_sheet("说明" if zh else "Notes")
    notes.append(["列" if zh else "Column", "说明" if zh else "What it takes"])
    for c in columns:
        notes.append([c[1] if zh else c[0], c[5] if zh else c[4]])
    notes.append([])
    notes.append(
        [
            "第 2 行是示例，导入前请替换或删除。其他列会保存到备注中。"
            if zh
            else "Row 2 is an example: replace or delete it before importing. Other columns "
            "are kept in the notes."
        ]
    )
    for cell in notes[1]:
        cell.font = Font(bold=True)
    notes.column_dimensions["A"].width = 18
    notes.column_dimensions["B"].width = 60
    for row in notes.iter_rows(min_row=2):
        row[-1].alignment = Alignment(wrap_text=True)
    book.save(target)
