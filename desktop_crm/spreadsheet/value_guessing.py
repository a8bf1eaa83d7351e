"""Guessing people's fields from what a column holds, where its header says nothing.

Emails and phone numbers always; names, companies and addresses when no header names the
person (a sheet without a header, or with headers in a language not known here).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_CN_MOBILE = re.compile(r"(\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}")
# Numbers written as phones: international (+44 20 7946 0958), with an area code in brackets,
# Chinese landlines (0755-12345678) and North American 212-555-0100. Codes, dates and plain
# digit runs do not qualify.
_PHONE = re.compile(
    r"\+\d[\d\s\-().]{6,22}|\(\d{2,5}\)[\d\s\-.]{5,16}|0\d{2,3}[-\s]\d{7,8}"
    r"|\d{3}[-.\s]\d{3}[-.\s]\d{4}"
)
# Personal names: Chinese and Japanese as two to five characters (佐々木 has 々), Japanese also
# with family and given name apart and a given name in kana (佐藤 さくら); Korean as two to
# four Hangul syllables.
_CJK_NAME = re.compile(
    r"[\u4e00-\u9fff][\u4e00-\u9fff々·]{1,4}"
    r"|[\u4e00-\u9fff][\u4e00-\u9fff々]{0,2}[ \u3000][\u4e00-\u9fff々\u3040-\u30ff]{1,4}"
    r"|[\uac00-\ud7a3]{2,4}"
)
# Companies by their legal form: in CJK scripts anywhere in the name, elsewhere as its last
# word (Acme Inc., Müller GmbH) or first (Công ty ..., ООО ...).
_CJK_COMPANY = re.compile(
    r"公司|集团|集團|株式会社|有限会社|合同会社|[(（][株有][)）]|㈱|회사|[(（]주[)）]|㈜"
)
_LEGAL_FORMS = frozenset(
    (
        *("inc", "llc", "ltd", "limited", "gmbh", "ag", "kg", "plc", "corp", "corporation"),
        *("company", "sas", "sarl", "srl", "spa", "pty", "llp", "oy"),
        *("aps", "sro", "kft", "zrt", "doo", "jsc", "tnhh"),
    )
)
_SHORT_LEGAL_FORMS = frozenset(("sa", "ag", "kg", "bv", "nv", "ab", "kk"))
_LEGAL_PREFIXES = ("công ty ", "cty ", "ооо ", "оао ", "зао ", "пао ", "тов ")
# Addresses: CJK ones by two administrative or street marks (市 and 区, 都 and 丁目), Korean
# by two words ending in one (강남구 테헤란로), others by a house number and a street word.
_CJK_ADDRESS_MARK = re.compile(r"丁目|番地|[省市区區县縣都道府県郡町村镇鎮乡鄉街路巷弄号號]")
_HANGUL_ADDRESS_WORD = re.compile(r"[\uac00-\ud7a3]+[시도구군동읍면로길](?=[\s\d,]|$)")
_STREET_WORD = re.compile(
    r"\b(?:street|st|road|rd|avenue|ave|av|boulevard|blvd|lane|ln|drive|dr|way|court|ct|"
    r"place|pl|square|sq|highway|hwy|parkway|terrace|crescent|rue|chemin|allée|route|via|"
    r"viale|piazza|corso|calle|avenida|paseo|plaza|rua|travessa|ul|ulica|aleja|al|náměstí|"
    r"třída|utca|út|đường|phố|quận|phường|улица|ул|проспект)\b"
    r"|\w(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|straat|laan|gatan|vej|veien)\b",
    re.IGNORECASE,
)
NAME_FIELDS = ("name", "given_name", "family_name")
_CONTACT_FIELDS = {"email", "email2", "mobile", "phone", "home_phone"}


def guess_from_values(
    mapping: dict[int, str], values: Sequence[Sequence[str]], *, headerless: bool
) -> dict[int, str]:
    """Add people's fields that a column's values show, where its header said nothing.

    Columns of emails and of phone numbers are unmistakable. When no header names the
    person (no header at all, or headers in a language not known here), columns are also
    looked at for the name, the company and the street. With a header this needs an email or
    phone column, so a list of products or ingredients is not read as people; and a column
    of short CJK words counts as names only when its values are nearly all different (cities
    and companies repeat down a contact list, names do not). Latin "First Last" values are
    too like cities, products and job titles to go by their shape: they count as names only
    where the emails agree (an.nguyen@... beside "Nguyễn Văn An").

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
    if used & set(NAME_FIELDS) or not (headerless or used & _CONTACT_FIELDS):
        return result
    for index, column in enumerate(values):
        if index in result or not column:
            continue
        if "company" not in used and _share(column, _is_company) >= 0.6:
            take(index, "company")
        elif "street" not in used and _share(column, _is_address) >= 0.6:
            take(index, "street")
    emails = [v for i, f in result.items() if f in ("email", "email2") for v in values[i]]
    for index, column in enumerate(values):
        if index in result or not column or len(set(column)) < 0.9 * len(column):
            continue
        if _mostly(column, _CJK_NAME) or _named_in_emails(column, emails):
            take(index, "name")
            break
    return result


def _mostly(values: Sequence[str], pattern: re.Pattern[str]) -> bool:
    """Whether at least four in five of ``values`` match ``pattern`` whole."""
    hits = sum(1 for v in values if pattern.fullmatch(v.strip()))
    return hits * 5 >= len(values) * 4


def _share(values: Sequence[str], test: Callable[[str], bool]) -> float:
    """The share of ``values`` that pass ``test``."""
    return sum(1 for v in values if test(v.strip())) / len(values)


def _is_company(value: str) -> bool:
    """Whether ``value`` names a company by its legal form (株式会社, Ltd, GmbH, Công ty)."""
    if _CJK_COMPANY.search(value):
        return True
    folded = value.casefold()
    if folded.startswith(_LEGAL_PREFIXES):
        return True
    words = value.replace(",", " ").split()  # "Acme, Inc."
    if len(words) < 2:
        return False
    last = words[-1].replace(".", "").casefold()  # S.r.l. -> srl
    if last in _SHORT_LEGAL_FORMS:
        return not any(ch.islower() for ch in words[-1])  # S.A., AG; not the name "Sa"
    return last in _LEGAL_FORMS or folded.replace(".", "").endswith(" sp z oo")


def _is_address(value: str) -> bool:
    """Whether ``value`` reads as a street address (see the patterns above)."""
    if re.search(r"[\u4e00-\u9fff]", value):
        return len(value) >= 5 and len(set(_CJK_ADDRESS_MARK.findall(value))) >= 2
    if len(_HANGUL_ADDRESS_WORD.findall(value)) >= 2:
        return True
    return bool(re.search(r"\d", value) and _STREET_WORD.search(value))


def _named_in_emails(column: Sequence[str], emails: Sequence[str]) -> bool:
    """Whether ``column`` holds "First Last" names that the emails' local parts spell.

    Four in five values must be two to four capitalised words, and half of all values must
    have a word (three letters or more, accents dropped) in some email before its "@".
    """
    locals_ = [_ascii_fold(e.split("@", 1)[0]) for e in emails if "@" in e]
    if not locals_:
        return False
    shaped = agreed = 0
    for value in column:
        words = value.split()
        if not 2 <= len(words) <= 4 or not all(_name_word(w) for w in words):
            continue
        shaped += 1
        tokens = {t for t in (_ascii_fold(w) for w in words) if len(t) >= 3}
        if any(t in local for t in tokens for local in locals_):
            agreed += 1
    return shaped * 5 >= len(column) * 4 and agreed * 2 >= len(column)


def _name_word(word: str) -> bool:
    """A capitalised word of letters (with ' - . of O'Brien, Jean-Luc, J.)."""
    return word[0].isupper() and all(ch.isalpha() or ch in "'’-." for ch in word)


def _ascii_fold(text: str) -> str:
    """Lower-case ASCII letters of ``text``, accents dropped (Nguyễn -> nguyen, Łukasz)."""
    plain = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l").replace("đ", "d"))
    return "".join(ch for ch in plain if "a" <= ch <= "z")
