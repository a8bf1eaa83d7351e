"""How documents print money, quantities, prices, dates and label patterns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from desktop_crm.documents import formatting


def test_money_to_the_minor_unit_with_thousands():
    assert formatting.money(D("1234567.5"), "CNY") == "1,234,567.50"
    assert formatting.money(D("1234567.5"), "JPY") == "1,234,568"
    assert formatting.money(D("1234.5675"), "KWD") == "1,234.568"
    assert formatting.money(D("0.005"), "USD") == "0.01"  # half up, as the domain rounds


def test_money_with_its_sign_or_code():
    every = lambda text: True  # noqa: E731
    assert formatting.money_with_sign(D("450449.2"), "CNY", every) == "¥450,449.20"
    assert formatting.money_with_sign(D("12"), "GBP", every) == "£12.00"
    assert formatting.money_with_sign(D("1000"), "CHF", every) == "CHF 1,000.00"
    assert formatting.money_with_sign(D("-5"), "USD", every) == "-$5.00"
    assert formatting.money_with_sign(D("1000"), "KRW", lambda t: t != "₩") == "KRW 1,000"


def test_prices_and_quantities_keep_what_they_need():
    assert formatting.price(D("48500"), "CNY") == "48,500.00"
    assert formatting.price(D("0.125"), "CNY") == "0.125"
    assert formatting.quantity(D("1200.000")) == "1,200"
    assert formatting.quantity(D("2.50")) == "2.5"
    assert formatting.percent(D("13.00")) == "13%"


def test_days_and_patterns():
    assert formatting.day(date(2025, 12, 8), "en") == "8 Dec 2025"
    assert formatting.day(date(2025, 12, 8), "zh") == "2025年12月8日"
    assert formatting.fill("第 %1 页 共 %2 页", 3, 10) == "第 3 页 共 10 页"
    assert formatting.fill("%1 and %3", "a%2", "b") == "a%2 and %3"  # one pass
