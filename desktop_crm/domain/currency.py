"""Currencies: how many decimals an amount shows, and the symbol people write before it."""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 minor units that are not 2 (every other currency used here has 2).
_MINOR_DIGITS = {
    **dict.fromkeys(("JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"), 0),
    **dict.fromkeys(("KWD", "BHD", "OMR", "JOD", "TND"), 3),
}
SYMBOLS = {
    "CNY": "¥",
    "JPY": "¥",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "HKD": "HK$",
    "TWD": "NT$",
    "KRW": "₩",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "C$",
}


# Active ISO 4217 codes: what a price or a quote may be in (``is_known``).
_ISO_4217 = """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP
    GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR
    KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK
    MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
    SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS
    UAH UGX USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
"""
KNOWN_CODES = frozenset(_ISO_4217.split())


def is_known(currency: str | None) -> bool:
    """Whether ``currency`` is an ISO 4217 code in use (upper case: ``CNY``, ``USD``)."""
    return currency in KNOWN_CODES


def minor_digits(currency: str | None) -> int:
    """Decimals an amount in ``currency`` shows: 2 (CNY, USD, EUR…), 0 (JPY, KRW…), 3 (KWD…)."""
    return _MINOR_DIGITS.get((currency or "").upper(), 2)


def to_minor_unit(amount: Decimal, currency: str | None) -> Decimal:
    """``amount`` rounded half up to the currency's minor unit: 73500.0000 → 73500.00."""
    return amount.quantize(Decimal(1).scaleb(-minor_digits(currency)), ROUND_HALF_UP)


def symbol(currency: str | None) -> str:
    """The sign written before amounts (``¥``, ``$``); the code itself when there is none."""
    code = (currency or "").upper()
    return SYMBOLS.get(code, code)


# Names and signs people write for a currency instead of its code (keys as ``_name_key``
# makes them). ``¥`` is the yuan's: these workbooks are Chinese; yen are written 日元 or 円.
_NAMES = {
    **dict.fromkeys(("RMB", "人民币", "人民币元", "元", "¥", "CN¥", "RMB¥"), "CNY"),
    **dict.fromkeys(("美元", "美金", "US$", "$", "USD$"), "USD"),
    **dict.fromkeys(("欧元", "€"), "EUR"),
    **dict.fromkeys(("日元", "日币", "円", "JP¥"), "JPY"),
    **dict.fromkeys(("港币", "港元", "港幣", "HK$"), "HKD"),
    **dict.fromkeys(("英镑", "£"), "GBP"),
    **dict.fromkeys(("新台币", "台币", "NT$"), "TWD"),
    **dict.fromkeys(("韩元", "₩"), "KRW"),
}


def _name_key(text: str) -> str:
    """``text`` as names are compared: full-width forms folded (￥ → ¥), spaces out, upper."""
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def currency_code(text: str | None) -> str | None:
    """The ISO 4217 code ``text`` names: a code in any case, or a common name or sign.

    ``usd`` → USD, ``RMB``/``人民币``/``元``/``￥`` → CNY, ``美元``/``US$``/``$`` → USD,
    ``欧元``/``€`` → EUR, ``日元``/``円`` → JPY, ``港币``/``HK$`` → HKD; ``None`` for anything
    else (``XYZ`` is no currency in use).
    """
    key = _name_key(text or "")
    if key in KNOWN_CODES:
        return key
    return _NAMES.get(key)
