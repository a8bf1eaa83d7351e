"""Currencies: how many decimals an amount shows, and the symbol people write before it."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

# ISO 4217 minor units of currencies that have none (every other one used here has 2).
_NO_MINOR_UNIT = frozenset({"JPY", "KRW", "VND", "CLP", "ISK", "UGX", "XAF", "XOF", "PYG"})
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
    """Decimals an amount in ``currency`` shows: 2 (CNY, USD, EUR…), 0 (JPY, KRW…)."""
    return 0 if (currency or "").upper() in _NO_MINOR_UNIT else 2


def to_minor_unit(amount: Decimal, currency: str | None) -> Decimal:
    """``amount`` rounded half up to the currency's minor unit: 73500.0000 → 73500.00."""
    return amount.quantize(Decimal(1).scaleb(-minor_digits(currency)), ROUND_HALF_UP)


def symbol(currency: str | None) -> str:
    """The sign written before amounts (``¥``, ``$``); the code itself when there is none."""
    code = (currency or "").upper()
    return SYMBOLS.get(code, code)
