"""Guessing which contact field each column of an imported table holds.

From header names in English and Chinese (and the German ones real exports carry) and from the
layouts of known exports: Google Contacts ("E-mail 1 - Value"), Outlook ("Job Title", "Business
Phone") and Thunderbird. The user can change every guess in the import preview.
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
    ),
    "family_name": ("last name", "family name", "surname", "姓", "姓氏", "nachname"),
    "given_name": ("first name", "given name", "名", "vorname"),
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
    ),
    "home_phone": (
        "home phone",
        "家庭电话",
        "住宅电话",
        "tel privat",
        "telefon (privat)",
        "tel. privat",
    ),
    "fax": ("fax", "传真", "business fax", "fax-nummer", "fax (geschäftlich)"),
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
    ),
    "email2": (
        "secondary email",
        "e-mail 2 - value",
        "sekundäre e-mail-adresse",
        "e-mail 2 address",
        "e-mail-adresse 2",
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
    ),
    "source": ("source", "lead source", "来源", "客户来源", "渠道", "获客渠道"),
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
    ),
    "level": ("level", "客户等级", "等级", "级别", "grade", "customer level"),
    "status": ("status", "状态", "客户状态"),
    "birthday": ("birthday", "生日", "出生日期", "date of birth", "geburtstag"),
    "wechat": ("wechat", "微信", "微信号", "weixin"),
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
    ),
}
FIELDS = tuple(SYNONYMS)
# Thunderbird splits the birthday into three columns.
BIRTH_PARTS = {
    "birthyear": ("geburtsjahr", "birth year"),
    "birthmonth": ("geburtsmonat", "birth month"),
    "birthday_day": ("geburtstag", "birth day"),
}


def key(header: str) -> str:
    """A header as compared: case, spaces and required-field marks folded."""
    text = re.sub(r"[*＊:：\s]+", " ", header.casefold()).strip()
    return re.sub(r"\s+", " ", text)


_LOOKUP = {key(name): field for field, names in SYNONYMS.items() for name in names}
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


def guess_mapping(columns: Sequence[str]) -> dict[int, str]:
    """``column index -> field`` for the columns recognised; each field is used once.

    Exact names win over partial ones; the first column of a name wins over later ones
    (a second email column becomes ``email2``).
    """
    names = [key(c) for c in columns]
    mapping: dict[int, str] = {}
    used: set[str] = set()
    layout_outlook = "job title" in names
    split_birthday = set(birthday_parts(columns).values())
    for index, name in enumerate(names):
        field = _LOOKUP.get(name)
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


def birthday_parts(columns: Sequence[str]) -> dict[str, int]:
    """Columns of a birthday split into year, month and day (Thunderbird), if all three."""
    names = [key(c) for c in columns]
    found = {
        part: names.index(next(n for n in aliases if n in names))
        for part, aliases in BIRTH_PARTS.items()
        if any(n in names for n in aliases)
    }
    return found if len(found) == 3 else {}
