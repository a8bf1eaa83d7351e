"""Currencies: how many decimals an amount shows, and the symbol people write before it."""

from __future__ import annotations

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
