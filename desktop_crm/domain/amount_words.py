"""Amounts in words for quotes and contracts: English for every currency, 大写 for CNY.

The Chinese form follows the banks' rules (《支付结算办法》): 人民币 before the amount, 零 where
digits are skipped (one 零 for a run of zeros), 壹拾 rather than 拾 at the front, 整 after 元
when there are no 角 and 分, and 零 after 元 when 角 is zero but 分 is not.
English uses num2words for the integer words (a maintained library, many languages) and names
the major and minor units of the currency.
"""

from __future__ import annotations

from decimal import Decimal

from num2words import num2words

from desktop_crm.domain.currency import minor_digits, to_minor_unit

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_SECTIONS = ("", "万", "亿", "万亿")

# (major singular, major plural, minor singular, minor plural)
_UNITS = {
    "CNY": ("yuan", "yuan", "fen", "fen"),
    "USD": ("dollar", "dollars", "cent", "cents"),
    "EUR": ("euro", "euros", "cent", "cents"),
    "GBP": ("pound", "pounds", "penny", "pence"),
    "HKD": ("Hong Kong dollar", "Hong Kong dollars", "cent", "cents"),
    "JPY": ("yen", "yen", "", ""),
}


def _four_digits(value: int) -> str:
    """大写 of ``0 < value < 10000``: internal zero runs read as one 零, trailing zeros dropped."""
    digits = f"{value:04d}"
    out: list[str] = []
    pending_zero = False
    for index, char in enumerate(digits):
        digit = int(char)
        if digit == 0:
            pending_zero = bool(out)
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(_DIGITS[digit] + _PLACES[3 - index])
    return "".join(out)


def _integer_capitals(value: int) -> str:
    """大写 of a whole number of yuan (without 元)."""
    if value == 0:
        return "零"
    sections: list[int] = []
    while value:
        sections.append(value % 10000)
        value //= 10000
    if len(sections) > len(_SECTIONS):
        raise ValueError("amount too large to write in words")
    out: list[str] = []
    need_zero = False
    for index in range(len(sections) - 1, -1, -1):
        section = sections[index]
        if section == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or section < 1000):
            out.append("零")
        out.append(_four_digits(section) + _SECTIONS[index])
        need_zero = False
    return "".join(out)


def chinese_capitals(amount: Decimal) -> str:
    """``amount`` yuan as banks write it: ``人民币壹万贰仟叁佰肆拾伍元陆角柒分``.

    Raises:
        ValueError: ``amount`` is negative or too large.
    """
    if amount < 0:
        raise ValueError("a negative amount has no 大写")
    fen_total = int(to_minor_unit(amount, "CNY") * 100)
    yuan, rest = divmod(fen_total, 100)
    jiao, fen = divmod(rest, 10)
    text = "人民币"
    if yuan:
        text += _integer_capitals(yuan) + "元"
    if not jiao and not fen:
        return text + ("整" if yuan else "零元整")
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


def english_words(amount: Decimal, currency: str) -> str:
    """``amount`` in English words with the currency's units, e.g.

    ``one thousand, four hundred and nine yuan and fifty fen``. Currencies without known unit
    names use their code (``1,000 CHF`` → ``one thousand CHF``).

    Raises:
        ValueError: ``amount`` is negative.
    """
    if amount < 0:
        raise ValueError("a negative amount has no words")
    code = currency.upper()
    digits = minor_digits(code)
    rounded = to_minor_unit(amount, code)
    major = int(rounded)
    minor = int((rounded - major) * (10**digits))
    names = _UNITS.get(code, (code, code, "", ""))
    major_name = names[0] if major == 1 else names[1]
    text = f"{num2words(major, lang='en')} {major_name}"
    if not minor:
        return text
    minor_name = names[2] if minor == 1 else names[3]
    if not minor_name:  # a currency whose minor unit we cannot name: "and 05/100"
        return f"{text} and {minor:0{digits}d}/{10**digits}"
    cents = f"{num2words(minor, lang='en')} {minor_name}"
    return f"{text} and {cents}" if major else cents
