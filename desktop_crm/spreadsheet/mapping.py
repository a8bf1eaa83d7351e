"""Guessing which contact field each column of an imported table holds, from its header.

Header names come from :mod:`header_synonyms`; what a column's values show is guessed in
:mod:`value_guessing`. The user can change every guess in the import preview.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_crm.spreadsheet.header_synonyms import BIRTH_PARTS, BY_ENTITY

# Traditional characters of header words (Taiwan, Hong Kong) -> the simplified ones of the synonyms.
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
    "quotes": (("单号", "number"), ("客户", "customer"), ("编码", "sku"), ("单价", "unit_price")),
    "payments": (("合同", "contract"), ("金额", "amount"), ("日期", "date"), ("备注", "notes")),
    "followups": (
        ("联系人", "contact"),
        ("客户", "contact"),
        ("日期", "date"),
        ("时间", "time"),
        ("方式", "kind"),
        ("类型", "kind"),
        ("主题", "subject"),
        ("内容", "subject"),
        ("重复", "repeat"),
        ("备注", "notes"),
        ("负责", "owner"),
    ),
}
_CONTAINS = (
    ("手机", "mobile"),
    ("mobil", "mobile"),
    ("携帯", "mobile"),  # before 電話: 携帯電話 (番号) is the mobile
    ("邮箱", "email"),
    ("e-mail", "email"),
    ("email", "email"),
    ("メール", "email"),
    ("电话", "phone"),
    ("phone", "phone"),
    ("地址", "street"),
    ("住所", "street"),
    ("公司", "company"),
    ("会社", "company"),
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
        if index in mapping or name in lookup:  # a second "创建日期" is no close date
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
