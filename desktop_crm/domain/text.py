"""Text keys for search: normalised case and width, pinyin for Chinese, digits for phones."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_PHONE_QUERY = re.compile(r"[\d\s\-+().]+")
# Surnames whose reading differs from the character's everyday one.
_SURNAMES = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "朴": "piao",
    "查": "zha",
    "区": "ou",
    "乐": "yue",
    "覃": "qin",
    "翟": "zhai",
    "盖": "ge",
    "缪": "miao",
    "召": "shao",
    "秘": "bi",
    "长": "chang",
    "重": "chong",
    "种": "chong",
    "尉": "yu",
    "那": "na",
    "繁": "po",
    "华": "hua",
}


def normalize(text: str) -> str:
    """Fold width (ＡＢＣ -> abc), case and runs of spaces, for matching."""
    if text.isascii():  # most text: skip the Unicode tables
        return " ".join(text.lower().split())
    # str.split() splits on exactly what the regex \s matches, several times faster.
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def is_cjk(char: str) -> bool:
    """Whether ``char`` is a CJK unified ideograph."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any CJK ideograph."""
    return _CJK.search(text) is not None


@lru_cache(maxsize=32_768)
def _char_pinyin(char: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return lazy_pinyin(char, style=Style.NORMAL)[0]


@lru_cache(maxsize=65_536)
def name_pinyin(name: str) -> tuple[str, str]:
    """Full pinyin and initials of a person's name ("张三" -> ("zhangsan", "zs")).

    Read character by character (fast for 100,000 names), with surname readings for the
    first character.
    """
    full, initials = [], []
    for index, char in enumerate(name):
        if is_cjk(char):
            reading = _SURNAMES.get(char) if index == 0 else None
            reading = reading or _char_pinyin(char)
            full.append(reading)
            initials.append(reading[:1])
    return "".join(full), "".join(initials)


@lru_cache(maxsize=16_384)
def phrase_pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of a phrase such as a company name, read in context.

    "重庆" gives "chongqing", where character by character would give "zhongqing".
    """
    if not has_cjk(text):
        return "", ""
    from pypinyin import Style, lazy_pinyin

    readings = lazy_pinyin(text, style=Style.NORMAL, errors="ignore")
    return "".join(readings), "".join(r[:1] for r in readings)


def escape_like(text: str) -> str:
    """``text`` with LIKE's wildcards and the escape character escaped by a backslash."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def phone_query_digits(query: str) -> str | None:
    """The digits of a query that looks like a phone number (3 digits or more), else None."""
    if _PHONE_QUERY.fullmatch(query) is None:
        return None
    digits = re.sub(r"\D", "", query)
    return digits if len(digits) >= 3 else None
