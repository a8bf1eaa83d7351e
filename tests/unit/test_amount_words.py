"""Amounts in words: 大写 as banks write it and English, checked by hand and parsed back."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.amount_words import chinese_capitals, english_words

KNOWN = [
    ("0.05", "人民币伍分", "five fen"),
    ("10", "人民币壹拾元整", "ten yuan"),
    ("100.10", "人民币壹佰元壹角", "one hundred yuan and ten fen"),
    ("1000000", "人民币壹佰万元整", "one million yuan"),
    (
        "1409.50",
        "人民币壹仟肆佰零玖元伍角",
        "one thousand, four hundred and nine yuan and fifty fen",
    ),
    ("6007.14", "人民币陆仟零柒元壹角肆分", "six thousand and seven yuan and fourteen fen"),
    (
        "107000.53",
        "人民币壹拾万柒仟元伍角叁分",
        "one hundred and seven thousand yuan and fifty-three fen",
    ),
    (
        "9800005000",
        "人民币玖拾捌亿零伍仟元整",
        "nine billion, eight hundred million, five thousand yuan",
    ),
    (
        "12345.67",
        "人民币壹万贰仟叁佰肆拾伍元陆角柒分",
        "twelve thousand, three hundred and forty-five yuan and sixty-seven fen",
    ),
    ("100.05", "人民币壹佰元零伍分", "one hundred yuan and five fen"),
    ("100700", "人民币壹拾万零柒佰元整", "one hundred thousand, seven hundred yuan"),
    ("0", "人民币零元整", "zero yuan"),
]


@pytest.mark.parametrize(("amount", "capitals", "words"), KNOWN)
def test_known_amounts(amount: str, capitals: str, words: str) -> None:
    assert chinese_capitals(Decimal(amount)) == capitals
    assert english_words(Decimal(amount), "CNY") == words


def test_other_currencies_name_their_units() -> None:
    assert english_words(Decimal("1.01"), "USD") == "one dollar and one cent"
    assert english_words(Decimal("2500"), "JPY") == "two thousand, five hundred yen"
    assert english_words(Decimal("2.05"), "CHF") == "two CHF and 05/100"


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError):
        chinese_capitals(Decimal("-1"))
    with pytest.raises(ValueError):
        english_words(Decimal("-1"), "USD")


# --- parsers, written independently of the code under test -----------------------------------

_CN_DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_CN_PLACES = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_cn_integer(text: str) -> int:
    total = section = digit = 0
    for char in text:
        if char in _CN_DIGITS:
            digit = _CN_DIGITS[char]
        elif char in _CN_PLACES:
            section += digit * _CN_PLACES[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise AssertionError(f"unexpected {char!r} in {text!r}")
    return total + section + digit


def parse_capitals(text: str) -> Decimal:
    match = re.fullmatch(r"人民币(?:(.+)元)?(零?)(?:(.)角)?(?:(.)分)?(整?)", text)
    assert match, text
    yuan = _parse_cn_integer(match.group(1)) if match.group(1) else 0
    jiao = _CN_DIGITS[match.group(3)] if match.group(3) else 0
    fen = _CN_DIGITS[match.group(4)] if match.group(4) else 0
    assert bool(match.group(5)) == (jiao == fen == 0), text  # 整 exactly when no 角/分
    return Decimal(yuan) + Decimal(jiao) / 10 + Decimal(fen) / 100


_EN_SMALL = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_EN_TENS = {
    w: 10 * i
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2
    )
}
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9}


def _parse_en_integer(text: str) -> int:
    total = current = 0
    for word in re.split(r"[\s,-]+", text.strip()):
        if word in ("and", ""):
            continue
        if word in _EN_SMALL:
            current += _EN_SMALL[word]
        elif word in _EN_TENS:
            current += _EN_TENS[word]
        elif word == "hundred":
            current *= 100
        elif word in _EN_SCALES:
            total += current * _EN_SCALES[word]
            current = 0
        else:
            raise AssertionError(f"unexpected {word!r} in {text!r}")
    return total + current


def parse_english(text: str) -> Decimal:
    match = re.fullmatch(r"(?:(.+?) yuan)?(?: and )?(?:(.+) fen)?", text)
    assert match, text
    yuan = _parse_en_integer(match.group(1)) if match.group(1) else 0
    fen = _parse_en_integer(match.group(2)) if match.group(2) else 0
    return Decimal(yuan) + Decimal(fen) / 100


amounts = st.decimals(min_value=0, max_value=Decimal("99999999999.99"), places=2)


@given(amounts)
def test_capitals_parse_back_to_the_amount(amount: Decimal) -> None:
    assert parse_capitals(chinese_capitals(amount)) == amount


@given(amounts)
def test_english_words_parse_back_to_the_amount(amount: Decimal) -> None:
    assert parse_english(english_words(amount, "CNY")) == amount


@pytest.mark.parametrize(("amount", "capitals", "words"), KNOWN)
def test_parsers_agree_with_known_amounts(amount: str, capitals: str, words: str) -> None:
    assert parse_capitals(capitals) == Decimal(amount)
    assert parse_english(words) == Decimal(amount)
