"""The quote list's totals, priced from plain column values, agree with each quote's own."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D

import pytest

from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.quotes import pricing
from desktop_crm.services.quotes.dto import CurrencyTotals, LineDraft, QuoteDraft, QuoteFilter
from desktop_crm.services.quotes.service import QuoteService
from tests.conftest import TODAY
from tests.drafts import company


def item(price: str, quantity: str = "1", rate: int = 13, **fields: object) -> LineDraft:
    return LineDraft(
        description=str(fields.pop("description", "品牌设计")),
        quantity=D(quantity),
        unit_price=D(price),
        tax_rate=D(rate),
        **fields,
    )


@pytest.fixture
def quotes(workspace):
    """Quotes of every shape: sections, optional and inclusive lines, none, deleted ones."""
    service = QuoteService(workspace.store, today=lambda: TODAY)
    star = workspace.people.save_company(company("深圳星河设计工作室")).ids[0]
    harbour = workspace.people.save_company(company("Harbour Lights Ltd")).ids[0]
    heading = LineDraft(kind="section", description="设计")
    shapes = [
        (star, "CNY", (heading, item("0.05"), item("0.05"), item("0.05"))),
        (star, "CNY", (item("113.00", price_includes_tax=True), item("99.99", "3", 6))),
        (star, "CNY", (item("1000", discount=D(10)), item("50", optional=True))),
        (star, "CNY", (item("0.05"), item("0.05"), item("0.05"))),  # alike the first
        (star, "CNY", ()),  # no lines: counted, at zero
        (
            harbour,
            "USD",
            (
                item("1200", rate=0),
                item("80", "2.5", 20, discount_is_percent=False, discount=D(15)),
            ),
        ),
        (harbour, "JPY", (item("333.5", "3", 10),)),
        (harbour, "CNY", (heading, item("10", "7", 9, description="Logo 印刷"))),
    ]
    ids = [
        service.create(QuoteDraft(company_id=who, currency=cur, lines=lines)).ids[0]
        for who, cur, lines in shapes
    ]
    # A line removed (its row is tombstoned) and a quote deleted: neither counts.
    service.update(ids[1], replace(service.get(ids[1]).draft, lines=(item("113.00"),)))
    gone = service.create(QuoteDraft(company_id=star, lines=(item("9999"),))).ids[0]
    service.delete(gone)
    service.set_status(ids[2], "send")
    return service


def by_hand(service: QuoteService, flt: QuoteFilter) -> list[CurrencyTotals]:
    """What the list adds up to, from each quote's own priced detail."""
    sums: dict[str, list[D]] = {}
    counts: dict[str, int] = {}
    for qid in service.ids(flt):
        t = service.get(qid).totals
        figures = sums.setdefault(t.currency, [D(0)] * 4)
        for n, value in enumerate((t.subtotal, t.discount, t.tax, t.total)):
            figures[n] += value
        counts[t.currency] = counts.get(t.currency, 0) + 1
    return [CurrencyTotals(c, counts[c], *sums[c]) for c in sorted(sums)]


FILTERS = [
    QuoteFilter(),
    QuoteFilter(customer="星河"),
    QuoteFilter(text="印刷"),  # matches a line: the filter's own subquery over lines
    QuoteFilter(status=QuoteStatus.SENT),
    QuoteFilter(customer="nobody"),
]


@pytest.mark.parametrize("rounding", ["per_line", "per_rate"])
def test_list_totals_agree_with_every_quote_priced_alone(workspace, quotes, rounding):
    workspace.settings.update({"quotes.tax_rounding": rounding})
    for flt in FILTERS:
        assert quotes.totals(flt) == by_hand(quotes, flt), flt
    everything = {t.currency: t for t in quotes.totals()}
    assert (everything["CNY"].count, everything["USD"].count, everything["JPY"].count) == (6, 1, 1)
    assert quotes.totals(QuoteFilter(customer="nobody")) == []


def test_the_readers_add_up_the_same(workspace, quotes):
    assert workspace.reads.quotes.totals() == quotes.totals() == by_hand(quotes, QuoteFilter())


def test_pricing_alike_quotes_once_changes_no_figure(workspace, quotes, monkeypatch):
    remembered = quotes.totals()
    monkeypatch.setattr(pricing, "MEMO_LIMIT", 0)  # every quote priced on its own
    assert quotes.totals() == remembered
    monkeypatch.setattr(pricing, "MEMO_LIMIT", 1)  # the memo full after one line set
    assert quotes.totals() == remembered
    monkeypatch.setattr(pricing, "VALUES_LIMIT", 0)  # nor decimals or lines kept
    assert quotes.totals() == remembered


def test_rows_and_price_quotes_match_the_details(workspace, quotes):
    ids = quotes.ids()
    with workspace.store.read() as session:
        priced = pricing.price_quotes(session, ids)
        everything = pricing.price_quotes(session)
    assert set(priced) == set(ids) == set(everything)
    for qid in ids:
        detail = quotes.get(qid).totals
        assert priced[qid] == everything[qid]
        assert (priced[qid].subtotal, priced[qid].tax, priced[qid].total) == (
            detail.subtotal,
            detail.tax,
            detail.total,
        )
        assert priced[qid].tax_by_rate == detail.tax_by_rate
    rows = {r.id: r for r in quotes.rows(ids)}
    assert all(rows[q].total == everything[q].total for q in ids)
