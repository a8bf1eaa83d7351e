"""How a person's or company's values are stored, whoever writes them.

The editor, imports, merging and the demo all write people and companies; they store the
same typed values the same way because they all go through these functions (and the
session-bound resolution of companies and tags in ``services.contacts.contact_rules``).
Pure functions: no database, no Qt.
"""

from __future__ import annotations

import unicodedata

from desktop_crm.domain.phones import normalize_phone

NAME_LIMIT = 300
PART_LIMIT = 200
TAG_LIMIT = 100
PHONE_LIMIT = 100
EMAIL_LIMIT = 320
LABEL_LIMIT = 50

# Two-character Chinese surnames: "欧阳娜娜" is 欧阳 + 娜娜, not 欧 + 阳娜娜.
_COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "司马",
        "诸葛",
        "上官",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "令狐",
        "夏侯",
        "长孙",
        "宇文",
        "司徒",
        "端木",
        "西门",
        "南宫",
        "独孤",
        "百里",
        "呼延",
        "轩辕",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "万俟",
        "钟离",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
    ]
)


def clean(value: str | None, limit: int | None = None) -> str | None:
    """``value`` without surrounding spaces, cut to ``limit``; ``None`` when empty."""
    if value is None:
        return None
    text = value.strip()
    if limit is not None:
        text = text[:limit].rstrip()
    return text or None


def collapse(value: str | None) -> str:
    """``value`` with runs of whitespace made one space and the ends trimmed."""
    return " ".join((value or "").split())


def phone_value(value: str) -> str:
    """A phone as stored: as typed, trimmed (the E.164 form is stored beside it)."""
    return value.strip()[:PHONE_LIMIT]


def phone_e164(value: str, region: str) -> str | None:
    """The E.164 form stored beside a phone, read with the workspace's default ``region``.

    ``None`` when the text is not a possible number; the typed value is still stored.
    """
    return normalize_phone(value.strip(), region)


def email_value(value: str) -> str:
    """An email address as stored: trimmed, its domain lower-cased.

    The domain is case-insensitive everywhere; the part before ``@`` is kept as typed (it
    is case-sensitive in principle and people notice when "LiWei" becomes "liwei").
    """
    text = value.strip()
    local, at, domain = text.rpartition("@")
    return (f"{local}@{domain.lower()}" if at else text)[:EMAIL_LIMIT]


def email_key(value: str) -> str:
    """What makes two email addresses the same one (for duplicates and matching)."""
    return value.strip().lower()


def company_name(value: str | None) -> str | None:
    """A company name as stored: spaces collapsed and trimmed, ``None`` when empty."""
    return collapse(value)[:NAME_LIMIT].rstrip() or None


def company_key(value: str | None) -> str:
    """What makes two company names the same company: width, case and spaces ignored.

    "ACME Ltd", "acme ltd " and "ＡＣＭＥ　Ltd" are one company; so are "远山 设计" and "远山设计".
    """
    text = unicodedata.normalize("NFKC", value or "")
    return "".join(text.split()).casefold()


def tag_name(value: str | None) -> str | None:
    """A tag name as stored: spaces collapsed and trimmed, ``None`` when empty."""
    return collapse(value)[:TAG_LIMIT].rstrip() or None


def tag_key(value: str | None) -> str:
    """What makes two tag names the same tag: case and runs of spaces ignored ("VIP" = "vip")."""
    return collapse(value).casefold()


def person_name(value: str | None) -> str | None:
    """A person's display name as stored: trimmed, inner spaces kept as typed ("王  芳")."""
    return clean(value, NAME_LIMIT)


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in text)


def split_name(name: str) -> tuple[str | None, str | None]:
    """``(family, given)`` of a display name, as far as it can be told.

    Chinese names are family first with no space ("王芳" -> 王, 芳; "欧阳娜娜" -> 欧阳, 娜娜);
    "Smith, John" names the family first; otherwise the last word is the family name
    ("Mary Ann Lee" -> Lee, Mary Ann). A single word is a given name only.
    """
    text = collapse(name)
    if not text:
        return None, None
    if "," in text:
        family, _, given = text.partition(",")
        return clean(family, PART_LIMIT), clean(given, PART_LIMIT)
    if _is_cjk(text):
        words = text.split(" ")
        if len(words) > 1:
            return clean(words[0], PART_LIMIT), clean(" ".join(words[1:]), PART_LIMIT)
        if len(text) < 2:
            return None, text
        cut = 2 if text[:2] in _COMPOUND_SURNAMES and len(text) > 2 else 1
        return text[:cut], text[cut:][:PART_LIMIT]
    words = text.split(" ")
    if len(words) == 1:
        return None, clean(text, PART_LIMIT)
    return clean(words[-1], PART_LIMIT), clean(" ".join(words[:-1]), PART_LIMIT)


def join_name(family: str | None, given: str | None) -> str:
    """A display name from its parts: "王" + "芳" -> "王芳", "Lee" + "Ann" -> "Ann Lee"."""
    family, given = collapse(family), collapse(given)
    if _is_cjk(family + given):
        return family + given
    return " ".join(x for x in (given, family) if x)


def name_parts(
    name: str | None, family: str | None = None, given: str | None = None
) -> tuple[str, str | None, str | None]:
    """``(name, family, given)`` as stored: each part filled from the others when missing.

    Parts given are kept (a vCard's N says better than any guess); a missing display name
    is joined from the parts, missing parts are split from the name.
    """
    family, given = clean(family, PART_LIMIT), clean(given, PART_LIMIT)
    display = person_name(name) or person_name(join_name(family, given)) or ""
    if family is None and given is None:
        family, given = split_name(display)
    return display, family, given
