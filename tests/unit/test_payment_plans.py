"""Payment plans: typed as the CLI takes them, priced to the cent, settled oldest first."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.payment_plans import Instalment, outstanding, parse_plan, price_plan


def test_percent_plan_sums_to_the_total_exactly() -> None:
    plan = price_plan(parse_plan("30%:2027-01-15, 70%:2027-03-01"), D("10000.01"), "CNY")
    assert plan == [
        Instalment(date(2027, 1, 15), D("3000.00")),
        Instalment(date(2027, 3, 1), D("7000.01")),
    ]


def test_amount_plan_in_due_order_and_fullwidth_percent() -> None:
    plan = price_plan(parse_plan("7000:2027-03-01,3000:2027-01-15"), D(10000), "CNY")
    assert [i.due_on for i in plan] == [date(2027, 1, 15), date(2027, 3, 1)]
    assert parse_plan("100％:2027-01-01")[0].percent


@pytest.mark.parametrize(
    "text",
    ["", "30%", "30%:tomorrow", "abc:2027-01-01", "0:2027-01-01", "30%:2027-01-01,70:2027-02-01"],
)
def test_bad_plans_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_plan(text)


@pytest.mark.parametrize(
    "text", ["30%:2027-01-15,60%:2027-03-01", "3000:2027-01-15,6000:2027-03-01"]
)
def test_a_plan_must_cover_the_total(text: str) -> None:
    with pytest.raises(ValidationError):
        price_plan(parse_plan(text), D(10000), "CNY")


def test_payments_settle_the_oldest_instalment_first() -> None:
    plan = [Instalment(date(2027, 1, 15), D(3000)), Instalment(date(2027, 3, 1), D(7000))]
    assert outstanding(plan, D(0), date(2027, 2, 1)) == (D(10000), D(3000))
    assert outstanding(plan, D(2000), date(2027, 2, 1)) == (D(8000), D(1000))
    assert outstanding(plan, D(3000), date(2027, 4, 1)) == (D(7000), D(7000))
    assert outstanding(plan, D(10000), date(2027, 4, 1)) == (D(0), D(0))


@given(
    st.decimals(min_value=D("0.01"), max_value=D(10**9), places=2),
    st.lists(st.integers(min_value=1, max_value=50), min_size=1, max_size=8),
)
def test_percent_shares_always_sum_to_the_total(total: D, weights: list[int]) -> None:
    shares = [D(w) for w in weights]
    scale = D(100) / sum(shares)
    percents = [(s * scale).quantize(D("0.01")) for s in shares]
    percents[-1] = D(100) - sum(percents[:-1])
    if any(p <= 0 for p in percents):
        return
    text = ",".join(f"{p}%:2027-01-{i + 1:02d}" for i, p in enumerate(percents))
    plan = price_plan(parse_plan(text), total, "CNY")
    assert sum((i.amount for i in plan), D(0)) == total
