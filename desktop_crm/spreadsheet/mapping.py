"""Guessing which contact field each column of an imported table holds.

From header names in English and Chinese (and the German ones real exports carry) and from the
layouts of known exports: Google Contacts ("E-mail 1 - Value"), Outlook ("Job Title", "Business
Phone"), Thunderbird, Yahoo and common CRM exports; then, for people, from what unmapped
columns hold (emails, phone numbers, and Chinese names in a sheet without a header). The user
can change every guess in the import preview.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# field -> header names (compared case-, space- and punctuation-insensitively)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "姓名",
        "名字",
        "联系人",
        "联系人姓名",
        "客户姓名",
        "full name",
        "display name",
        "显示名称",
        "anzeigename",
        "contact",
        "contact name",
        "联络人",
    ),
    "family_name": (
        "last name",
        "family name",
        "surname",
        "姓",
        "姓氏",
        "nachname",
        "last",
        "lastname",
        "nom",
        "apellidos",
        "apellido",
    ),
    "given_name": (
        "first name",
        "given name",
        "名",
        "vorname",
        "first",
        "firstname",
        "forename",
        "prénom",
        "nombre",
    ),
    "company": (
        "company",
        "公司",
        "公司名称",
        "单位",
        "工作单位",
        "企业",
        "企业名称",
        "客户名称",
        "organization",
        "organisation",
        "organization 1 - name",
        "firma",
        "organisation",
        "company name",
        "account name",
        "organization name",
        "employer",
        "所在公司",
        "单位名称",
    ),
    "title": (
        "job title",
        "职位",
        "职务",
        "头衔",
        "岗位",
        "position",
        "arbeitstitel",
        "organization 1 - title",
        "beruf",
        "职称",
    ),
    "department": ("department", "部门", "abteilung", "organization 1 - department"),
    "mobile": (
        "mobile",
        "mobile phone",
        "cell",
        "cell phone",
        "手机",
        "手机号",
        "手机号码",
        "移动电话",
        "mobil-tel.-nr.",
        "mobiltelefon",
        "handy",
        "mobile number",
        "mobile phone number",
        "cellphone",
        "cell number",
        "行动电话",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "电话",
        "联系电话",
        "电话号码",
        "座机",
        "办公电话",
        "工作电话",
        "business phone",
        "work phone",
        "tel. dienstlich",
        "tel geschäftlich",
        "telefon (geschäftlich)",
        "phone 1 - value",
        "primary phone",
        "phone number",
        "telephone number",
        "联系方式",
        "联系号码",
        "市话",
        "联络电话",
    ),
    "home_phone": (
        "home phone",
        "家庭电话",
        "住宅电话",
        "tel privat",
        "telefon (privat)",
        "tel. privat",
    ),
    "fax": (
        "fax",
        "传真",
        "business fax",
        "fax-nummer",
        "fax (geschäftlich)",
        "fax number",
    ),
    "email": (
        "email",
        "e-mail",
        "邮箱",
        "电子邮件",
        "电子邮箱",
        "邮件",
        "email address",
        "e-mail address",
        "primary email",
        "e-mail 1 - value",
        "primäre e-mail-adresse",
        "e-mail-adresse",
        "e-mail-adresse (geschäftlich)",
        "mail",
        "emailaddress",
        "email 1",
        "邮箱地址",
        "电子邮件地址",
    ),
    "email2": (
        "secondary email",
        "e-mail 2 - value",
        "sekundäre e-mail-adresse",
        "e-mail 2 address",
        "e-mail-adresse 2",
        "alternate email",
        "alternate email 1",
        "other email",
        "email 2",
        "e-mail 2",
    ),
    "street": (
        "address",
        "地址",
        "详细地址",
        "通讯地址",
        "街道",
        "street",
        "business street",
        "work address",
        "address 1 - street",
        "straße",
        "straße (geschäftlich)",
        "arbeitsadresse",
        "privatadresse",
        "home street",
        "street address",
        "mailing street",
        "address line 1",
        "address 1",
        "business address",
        "home address",
        "公司地址",
        "家庭地址",
        "联系地址",
    ),
    "city": (
        "city",
        "城市",
        "所在城市",
        "市",
        "business city",
        "address 1 - city",
        "ort",
        "ort (geschäftlich)",
        "arbeitsort",
        "wohnort",
        "home city",
        "work city",
        "mailing city",
        "town",
    ),
    "region": (
        "state",
        "region",
        "province",
        "省",
        "省份",
        "地区",
        "business state",
        "address 1 - region",
        "bundesland",
        "bundesland (geschäftlich)",
        "work state",
        "home state",
        "mailing state",
        "state/region",
        "state/province",
        "所在省份",
    ),
    "postcode": (
        "zip",
        "zip code",
        "postcode",
        "postal code",
        "邮编",
        "邮政编码",
        "business postal code",
        "address 1 - postal code",
        "plz",
        "postleitzahl (geschäftlich)",
        "plz (geschäftlich)",
        "work zip",
        "home zip",
        "mailing zip",
        "zip/postal code",
        "home postal code",
        "zipcode",
        "home zipcode",
        "work zipcode",
        "邮递区号",
    ),
    "country": (
        "country",
        "国家",
        "国家/地区",
        "business country/region",
        "address 1 - country",
        "land",
        "land/region (geschäftlich)",
        "country/region",
        "work country",
        "home country",
        "mailing country",
    ),
    "notes": (
        "notes",
        "note",
        "备注",
        "备注信息",
        "说明",
        "描述",
        "comment",
        "comments",
        "notiz",
        "notizen",
        "anmerkungen",
        "remarks",
        "remark",
        "memo",
        "附注",
    ),
    "tags": (
        "tags",
        "tag",
        "标签",
        "分组",
        "类别",
        "客户类型",
        "categories",
        "group membership",
        "kategorien",
        "category",
        "group",
        "groups",
        "分类",
    ),
    "source": (
        "source",
        "lead source",
        "来源",
        "客户来源",
        "渠道",
        "获客渠道",
        "来源渠道",
    ),
    "owner": (
        "owner",
        "负责人",
        "业务员",
        "销售",
        "销售人员",
        "所属人",
        "跟进人",
        "account owner",
        "sales rep",
        "contact owner",
        "lead owner",
        "record owner",
        "归属人",
    ),
    "level": ("level", "客户等级", "等级", "级别", "grade", "customer level"),
    "status": ("status", "状态", "客户状态"),
    "birthday": (
        "birthday",
        "生日",
        "出生日期",
        "date of birth",
        "geburtstag",
        "birth date",
        "birthdate",
        "dob",
        "出生年月",
    ),
    "wechat": (
        "wechat",
        "微信",
        "微信号",
        "weixin",
        "微信号码",
    ),
    "qq": ("qq", "qq号", "qq号码"),
    "website": (
        "website",
        "web page",
        "网站",
        "网址",
        "主页",
        "homepage",
        "webseite",
        "webseite (geschäftlich)",
        "website 1 - value",
        "web",
        "url",
        "web site",
        "business website",
        "personal website",
        "个人主页",
        "web page 1",
    ),
}
_SHARED = ("phone", "mobile", "fax", "email", "street", "city", "region", "postcode", "country")
COMPANY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": (
        "company",
        "company name",
        "name",
        "公司",
        "公司名称",
        "名称",
        "单位",
        "单位名称",
        "企业",
        "企业名称",
        "客户",
        "客户名称",
        "organization",
        "organisation",
        "account",
        "account name",
        "firma",
    ),
    "industry": ("industry", "行业", "所属行业", "branche"),
    **{field: SYNONYMS[field] for field in _SHARED},
    **{f: SYNONYMS[f] for f in ("website", "tags", "source", "owner", "level", "status", "notes")},
}
DEAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": (
        "deal",
        "deal name",
        "opportunity",
        "opportunity name",
        "title",
        "name",
        "商机",
        "商机名称",
        "项目",
        "项目名称",
        "机会",
        "销售机会",
        "名称",
    ),
    "company": ("company", "account", "account name", "公司", "客户", "客户名称", "公司名称"),
    "person": ("contact", "contact name", "联系人", "联系人姓名", "客户联系人"),
    "amount": (
        "amount",
        "value",
        "deal value",
        "expected revenue",
        "金额",
        "预计金额",
        "商机金额",
        "合同金额",
        "销售金额",
    ),
    "currency": ("currency", "币种", "货币"),
    "stage": ("stage", "deal stage", "sales stage", "阶段", "销售阶段", "商机阶段"),
    "status": ("status", "状态", "赢单/输单", "结果"),
    "expected_close": (
        "expected close",
        "expected close date",
        "close date",
        "预计成交日期",
        "预计签单日期",
        "预计成交时间",
    ),
    "closed_on": ("closed on", "closed date", "成交日期", "关闭日期", "签单日期"),
    "lost_reason": ("lost reason", "reason lost", "输单原因", "丢单原因"),
    "owner": SYNONYMS["owner"],
    "notes": SYNONYMS["notes"],
}
PRODUCT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "sku": (
        "sku",
        "code",
        "item code",
        "product code",
        "part number",
        "编码",
        "编号",
        "产品编号",
        "产品编码",
        "商品编码",
        "物料编码",
        "货号",
        "原料编号",
        "artikelnummer",
    ),
    "name": (
        "name",
        "product",
        "product name",
        "item",
        "名称",
        "品名",
        "产品",
        "产品名称",
        "商品名称",
        "物料名称",
        "标准中文名",
        "artikel",
    ),
    "description": ("description", "描述", "说明", "规格", "规格型号", "备注", "notes"),
    "unit": ("unit", "uom", "单位", "计量单位", "einheit"),
    "price": ("price", "unit price", "单价", "价格", "售价", "销售价", "含税单价", "preis"),
    "currency": ("currency", "币种", "货币"),
    "tax_rate": ("tax", "tax rate", "vat", "税率", "增值税率"),
    "active": ("active", "on sale", "在售", "启用", "是否启用", "状态"),
}
BY_ENTITY = {
    "people": SYNONYMS,
    "companies": COMPANY_SYNONYMS,
    "deals": DEAL_SYNONYMS,
    "products": PRODUCT_SYNONYMS,
}
# Thunderbird splits the birthday into three columns.
BIRTH_PARTS = {
    "birthyear": ("geburtsjahr", "birth year"),
    "birthmonth": ("geburtsmonat", "birth month"),
    "birthday_day": ("geburtstag", "birth day"),
}


# Traditional characters of header words (Taiwan, Hong Kong) -> the simplified ones above.
_TRADITIONAL = str.maketrans(
    "電話機郵備註聯絡繫號碼業務員稱單區傳網頁籤標級戶類負責來職門組銷態狀國遞際動編齡別擁",
    "电话机邮备注联络系号码业务员称单区传网页签标级户类负责来职门组销态状国递际动编龄别拥",
)


def key(header: str) -> str:
    """A header as compared: case, spaces, underscores, marks and traditional characters folded."""
    text = re.sub(r"[*＊:：_\s]+", " ", header.casefold().translate(_TRADITIONAL)).strip()
    return re.sub(r"\s+", " ", text)


_LOOKUPS = {
    entity: {key(name): field for field, names in reversed(synonyms.items()) for name in names}
    for entity, synonyms in BY_ENTITY.items()
}
_CONTAINS_BY_ENTITY: dict[str, tuple[tuple[str, str], ...]] = {
    "companies": (("公司", "name"), ("电话", "phone"), ("邮箱", "email"), ("地址", "street")),
    "deals": (("金额", "amount"), ("阶段", "stage"), ("商机", "title"), ("日期", "expected_close")),
    "products": (("名称", "name"), ("编号", "sku"), ("编码", "sku"), ("价", "price")),
}
_CONTAINS = (
    ("手机", "mobile"),
    ("mobil", "mobile"),
    ("邮箱", "email"),
    ("e-mail", "email"),
    ("email", "email"),
    ("电话", "phone"),
    ("phone", "phone"),
    ("地址", "street"),
    ("公司", "company"),
    ("备注", "notes"),
    ("微信", "wechat"),
)


def guess_mapping(columns: Sequence[str], entity: str = "people") -> dict[int, str]:
    """``column index -> field`` for the columns recognised; each field is used once.

    Exact names win over partial ones; the first column of a name wins over later ones
    (a second email column becomes ``email2``).
    """
    if entity != "people":
        return _guess(columns, _LOOKUPS[entity], _CONTAINS_BY_ENTITY[entity])
    names = [key(c) for c in columns]
    lookup = _LOOKUPS["people"]
    mapping: dict[int, str] = {}
    used: set[str] = set()
    layout_outlook = "job title" in names
    split_birthday = set(birthday_parts(columns).values())
    for index, name in enumerate(names):
        field = lookup.get(name)
        if index in split_birthday:
            continue  # a part of a birthday split over three columns
        if name == "title" and not layout_outlook:
            field = "title"  # in Outlook "Title" is Mr/Dr; elsewhere it is the job title
        if field is None:
            continue
        if field == "email" and "email" in used:
            field = "email2"
        if field not in used:
            mapping[index] = field
            used.add(field)
    for index, name in enumerate(names):
        if index in mapping or index in split_birthday:
            continue
        for part, field in _CONTAINS:
            if part in name and field not in used:
                mapping[index] = field
                used.add(field)
                break
    return mapping


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_CN_MOBILE = re.compile(r"(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}")
# Numbers written as phones: international (+44 20 7946 0958), with an area code in brackets,
# Chinese landlines (0755-12345678) and North American 212-555-0100. Codes, dates and plain
# digit runs do not qualify.
_PHONE = re.compile(
    r"\+\d[\d\s\-().]{6,22}|\(\d{2,5}\)[\d\s\-.]{5,16}|0\d{2,3}[-\s]\d{7,8}"
    r"|\d{3}[-.\s]\d{3}[-.\s]\d{4}"
)
_CJK_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}")
NAME_FIELDS = ("name", "given_name", "family_name")


def guess_from_values(
    mapping: dict[int, str], values: Sequence[Sequence[str]], *, headerless: bool
) -> dict[int, str]:
    """Add people's fields that a column's values show, where its header said nothing.

    Columns of emails and of phone numbers are unmistakable. In a sheet without a header, a
    column of two- to five-character Chinese names is the name when no column is (with a
    header, such a column is as likely to hold product names or cities).

    Args:
        mapping: The guess from the headers (returned extended, not changed).
        values: Each column's first non-empty values as text.
        headerless: Whether the sheet has no header row.
    """
    result = dict(mapping)
    used = set(result.values())

    def take(index: int, *fields: str) -> None:
        for field in fields:
            if field not in used:
                result[index] = field
                used.add(field)
                return

    for index, column in enumerate(values):
        if index in result or not column:
            continue
        if _mostly(column, _EMAIL):
            take(index, "email", "email2")
        elif _mostly(column, _CN_MOBILE):
            take(index, "mobile", "phone", "home_phone")
        elif _mostly(column, _PHONE):
            take(index, "phone", "home_phone", "mobile")
    if headerless and not used & set(NAME_FIELDS):
        for index, column in enumerate(values):
            if index not in result and column and _mostly(column, _CJK_NAME):
                take(index, "name")
                break
    return result


def _mostly(values: Sequence[str], pattern: re.Pattern[str]) -> bool:
    """Whether at least four in five of ``values`` match ``pattern`` whole."""
    hits = sum(1 for v in values if pattern.fullmatch(v.strip()))
    return hits * 5 >= len(values) * 4


def _guess(
    columns: Sequence[str], lookup: dict[str, str], contains: tuple[tuple[str, str], ...]
) -> dict[int, str]:
    names = [key(c) for c in columns]
    mapping: dict[int, str] = {}
    used: set[str] = set()
    for index, name in enumerate(names):
        field = lookup.get(name)
        if field is not None and field not in used:
            mapping[index] = field
            used.add(field)
    for index, name in enumerate(names):
        if index in mapping:
            continue
        for part, field in contains:
            if part in name and field not in used:
                mapping[index] = field
                used.add(field)
                break
    return mapping


def birthday_parts(columns: Sequence[str]) -> dict[str, int]:
    """Columns of a birthday split into year, month and day (Thunderbird), if all three."""
    names = [key(c) for c in columns]
    found = {
        part: names.index(next(n for n in aliases if n in names))
        for part, aliases in BIRTH_PARTS.items()
        if any(n in names for n in aliases)
    }
    return found if len(found) == 3 else {}
