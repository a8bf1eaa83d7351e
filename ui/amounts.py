"""Amounts as people read them: the currency's sign, grouped digits, in the UI's locale."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale

from desktop_crm.domain.currency import minor_digits, symbol
from ui.language import ui_language


def ui_locale() -> QLocale:
    """The locale of the UI's language (numbers grouped as its readers expect)."""
    if ui_language() == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def money_text(amount: Decimal, currency: str, *, whole: bool = False) -> str:
    """``amount`` in ``currency``: "¥73,500.00", "$1,234.57", "¥980,000" (JPY has no cents).

    Args:
        amount: The amount.
        currency: ISO code (CNY, USD, EUR, JPY…).
        whole: Round to whole units (a headline figure on a tile).
    """
    places = 0 if whole else minor_digits(currency)
    sign = symbol(currency)
    if sign == currency.upper():  # no sign of its own: "CHF 1,200.00"
        sign += "\u00a0"
    return ui_locale().toCurrencyString(float(amount), sign, places)
