"""Pricing quote lines: hand-checked cases for both tax roundings, and properties."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import (
    LineInput,
    TaxRounding,
    price_lines,
    rate_label,
    split_by_percent,
)

PER_LINE, PER_RATE = TaxRounding.PER_LINE, TaxRounding.PER_RATE


def test_exclusive_line_with_percent_discount() -> None:
    totals = price_lines([LineInput(D(3), D("33.333"), D(6), D(10))], "CNY")
    line = totals.lines[0]
    assert (line.list_amount, line.discount, line.amount, line.tax, line.total) == (
        D("100.00"), D("10.00"), D("90.00"), D("5.40"), D("95.40"),
    )  # fmt: skip
    assert (totals.subtotal, totals.discount, totals.tax, totals.total) == (
        D("90.00"), D("10.00"), D("5.40"), D("95.40"),
    )  # fmt: skip


def test_inclusive_price_splits_its_tax_out() -> None:
    totals = price_lines([LineInput(D(1), D("113.00"), D(13), price_includes_tax=True)], "CNY")
    assert (totals.subtotal, totals.tax, totals.total) == (D("100.00"), D("13.00"), D("113.00"))
    assert totals.tax_by_rate == {D(13): D("13.00")}


def test_the_two_roundings_differ_as_stated() -> None:
    lines = [LineInput(D(1), D("0.05"), D(13))] * 3
    per_line, per_rate = price_lines(lines, "CNY", PER_LINE), price_lines(lines, "CNY", PER_RATE)
    assert (per_line.tax, per_line.total) == (D("0.03"), D("0.18"))  # 3 x round(0.0065)
    assert (per_rate.tax, per_rate.total) == (D("0.02"), D("0.17"))  # round(0.0195)


def test_inclusive_lines_keep_their_gross_under_both_roundings() -> None:
    lines = [LineInput(D(1), D("1.00"), D(13), price_includes_tax=True)] * 3
    per_line, per_rate = price_lines(lines, "CNY", PER_LINE), price_lines(lines, "CNY", PER_RATE)
    assert (per_line.subtotal, per_line.tax, per_line.total) == (D("2.64"), D("0.36"), D("3.00"))
    assert (per_rate.subtotal, per_rate.tax, per_rate.total) == (D("2.65"), D("0.35"), D("3.00"))


def test_yen_has_no_minor_unit() -> None:
    totals = price_lines([LineInput(D(3), D("333.5"), D(10))], "JPY")
    assert (totals.subtotal, totals.tax, totals.total) == (D(1001), D(100), D(1101))
    assert to_minor_unit(D("0.5"), "JPY") == D(1)


def test_tax_per_rate_and_optional_lines() -> None:
    totals = price_lines(
        [
            LineInput(D(2), D(50), D(13)),
            LineInput(D(1), D(100), D(6), D(20), discount_is_percent=False),
            LineInput(D(1), D(1000), D(13), optional=True),
        ],
        "CNY",
    )
    assert totals.tax_by_rate == {D(6): D("4.80"), D(13): D("13.00")}
    assert [rate_label(r) for r in totals.tax_by_rate] == ["6%", "13%"]
    assert (totals.subtotal, totals.discount, totals.total) == (
        D("180.00"),
        D("20.00"),
        D("197.80"),
    )
    assert totals.optional_total == D("1130.00")


@pytest.mark.parametrize(
    "line",
    [
        LineInput(D(1), D(10), discount=D(11), discount_is_percent=False),
        LineInput(D(1), D(10), discount=D(101)),
        LineInput(D(-1), D(10)),
        LineInput(D(1), D(-10)),
        LineInput(D(1), D(10), discount=D(-1)),
    ],
)
def test_a_line_is_never_negative(line: LineInput) -> None:
    with pytest.raises(ValidationError) as caught:
        price_lines([LineInput(D(1), D(1)), line], "CNY")
    assert caught.value.params["line"] == 2


def test_split_by_percent_sums_to_the_total() -> None:
    assert split_by_percent(D("100.01"), [D(30), D(70)], "CNY") == [D("30.00"), D("70.01")]
    with pytest.raises(ValidationError):
        split_by_percent(D(100), [D(30), D(60)], "CNY")


money = st.decimals(min_value=0, max_value=D(100000), places=3)
lines = st.builds(
    LineInput,
    quantity=st.decimals(min_value=0, max_value=D(1000), places=2),
    unit_price=money,
    tax_rate=st.sampled_from([D(0), D(3), D(6), D(9), D(13)]),
    discount=st.decimals(min_value=0, max_value=D(100), places=1),
    discount_is_percent=st.just(True),
    price_includes_tax=st.booleans(),
    optional=st.booleans(),
)


@given(
    st.lists(lines, max_size=12),
    st.sampled_from(list(TaxRounding)),
    st.sampled_from(["CNY", "JPY"]),
)
def test_totals_add_up(items: list[LineInput], rounding: TaxRounding, currency: str) -> None:
    totals = price_lines(items, currency, rounding)
    assert totals.total == totals.subtotal + totals.tax
    assert totals.tax == sum(totals.tax_by_rate.values(), D(0))
    for figures in totals.lines:
        assert figures.amount >= 0 and figures.net >= 0 and figures.total >= 0
    counted = [f for f in totals.lines if not f.optional]
    if rounding is PER_LINE:
        assert totals.total == sum((f.total for f in counted), D(0))
    if all(item.price_includes_tax for item in items):
        # inclusive prices give back the entered gross
        assert totals.total == sum((f.amount for f in counted), D(0))
    for value in (totals.subtotal, totals.tax, totals.total):
        assert value == to_minor_unit(value, currency)
