"""The quotes list on 100,000 quotes: how long it takes to open (the count and the first page),
and to add up (the totals under the list, which price every listed quote).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.contacts.dto import CompanyDraft
from desktop_crm.services.quotes import pricing
from desktop_crm.services.quotes.dto import QuoteFilter
from desktop_crm.services.settings.numbering import allocate_numbers
from desktop_crm.services.workspace.handle import create_workspace, open_workspace
from desktop_crm.store.models import Quote, QuoteLine
from tests.bench.figures import Figure, median_of

QUOTES = 100_000
LINES = 3  # per quote
PAGE = 100
CHUNK = 10_000
TODAY = date(2026, 11, 23)
STATUSES = ("draft", "sent", "accepted", "rejected")


def ensure_quotes(workdir: Path) -> Path:
    """A workspace holding ``QUOTES`` quotes of ``LINES`` lines each (made once, then kept)."""
    path = workdir / "quotes-100k.crm"
    if path.exists():
        return path
    ws = create_workspace(path, "zh")
    try:
        customers = [
            ws.people.save_company(CompanyDraft(name)).ids[0]
            for name in ("深圳星河设计工作室", "Harbour Lights Ltd", "上海青禾文化传播有限公司")
        ]
        with ws.store.unit_of_work(op_label(LabelCode.DEMO), "demo", bulk=True) as (session, rec):
            numbers = allocate_numbers(session, "quote", TODAY, QUOTES)
            for start in range(0, QUOTES, CHUNK):
                quotes = [
                    {
                        "number": numbers[i],
                        "company_id": customers[i % len(customers)],
                        "owner_id": ws.store.actor_id,
                        "issued_on": TODAY - timedelta(days=i % 700),
                        "valid_until": TODAY - timedelta(days=i % 700) + timedelta(days=30),
                        "status": STATUSES[i % len(STATUSES)],
                        "currency": "CNY" if i % 5 else "USD",
                        "language": "zh",
                        "revision": 1,
                    }
                    for i in range(start, min(start + CHUNK, QUOTES))
                ]
                ids = rec.bulk_insert(session, Quote, quotes)
                rec.bulk_insert(
                    session,
                    QuoteLine,
                    [
                        {
                            "quote_id": qid,
                            "description": f"设计服务 {n + 1}",
                            "quantity": Decimal(n + 1),
                            "unit_price": Decimal("1280.50"),
                            "tax_rate": Decimal(6 if n else 13),
                            "discount": Decimal(5 if n == 0 else 0),
                            "position": n,
                        }
                        for qid in ids
                        for n in range(LINES)
                    ],
                )
    finally:
        ws.close(backup_if_changed=False)
    return path


def _seconds(work: Callable[[], object], runs: int) -> tuple[float, str]:
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return median_of(times)


def run(workdir: Path) -> list[Figure]:
    """Open the list (count + first page) cold, then warm, through the app's reader; add it up."""
    started = time.perf_counter()
    path = ensure_quotes(workdir)
    made = time.perf_counter() - started
    ws = open_workspace(path)
    try:
        reads = ws.reads.quotes
        cold_start = time.perf_counter()
        count = reads.count()
        rows = reads.page(limit=PAGE)
        cold = (time.perf_counter() - cold_start) * 1000
        assert count == QUOTES and len(rows) == PAGE
        warm: list[float] = []
        filtered: list[float] = []
        for _ in range(7):
            start = time.perf_counter()
            reads.count()
            reads.page(limit=PAGE)
            warm.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            flt = QuoteFilter(customer="星河")
            reads.count(flt)
            reads.page(flt, sort="customer", descending=False, limit=PAGE)
            filtered.append((time.perf_counter() - start) * 1000)
        totals, totals_spread = _seconds(reads.totals, 5)
        starred = QuoteFilter(customer="星河")
        some, some_spread = _seconds(lambda: reads.totals(starred), 5)
        # Every quote here has the same three lines, which a pass prices once: with that memo
        # off, price_lines runs for each quote, as in a workspace where no two are alike.
        memo_limit = pricing.MEMO_LIMIT
        pricing.MEMO_LIMIT = 0
        try:
            unlike, unlike_spread = _seconds(reads.totals, 3)
        finally:
            pricing.MEMO_LIMIT = memo_limit
    finally:
        ws.close(backup_if_changed=False)
    warm_value, warm_spread = median_of(warm)
    filtered_value, filtered_spread = median_of(filtered)
    return [
        Figure("quotes list (100k): open, first time", cold, "ms", 300),
        Figure("quotes list (100k): open", warm_value, "ms", 300, warm_spread),
        Figure("quotes list (100k): customer filter", filtered_value, "ms", 300, filtered_spread),
        Figure("quotes list (100k): totals of 100k quotes", totals, "s", 1, totals_spread),
        Figure("quotes list (100k): totals, customer filter (1/3)", some, "s", 1, some_spread),
        Figure(
            "quotes list (100k): totals, no two quotes alike",
            unlike,
            "s",
            detail=f"price_lines per quote; {unlike_spread}",
        ),
        Figure("quotes list (100k): making the workspace", made, "s", detail="bulk inserts"),
    ]
