"""Funnel, forecast, won/lost, win-rate, sales and target maths on a hand-checked data set.

The pipeline: open stages Q(10 %), N(25 %), P(50 %), G(75 %), then Won and Lost. The period
is 2025-01-01 … 2025-03-31; "now" is 2025-04-01 00:00 UTC. Seven deals (days are 2025 unless
said; every move at 00:00 UTC, so stays are whole days):

- D1 Ann, referral, 1000 CNY: Q Jan 1, N Jan 3, G Jan 7 (P skipped), Won Jan 17 (closed Jan 17).
  Depth 4 (won). Stays Q 2, N 4, G 10.
- D2 Bob, website, 2000 CNY, p 50, close Apr 15: Q Feb 1, P Feb 2 (N skipped), open there.
  Depth 3. Stays Q 1, P Feb 2 → Apr 1 = 28 + 30 = 58.
- D3 Bob, website, 500 CNY: Q Jan 10, N Jan 11, P Jan 13, back to N Jan 20, Lost Jan 30
  ("price"). Depth 3 (P reached, then moved backwards). Stays Q 1, N 2 + 10 = 12, P 7.
- D4 Ann, referral, 4000 CNY, p 75, close May 10: Q Mar 1, Won Mar 5, reopened into G Mar 10,
  open. Depth 4 (was won: reached every open stage) but not won now. Stays Q 4, G 22.
- D5 Bob, no source, 300 CNY: created 2024-12-20 in Q, Lost Feb 10 ("no budget"). Created
  outside the period: not in the funnel; closed in it: in won/lost and win rate.
- D6 Ann, website, 1000 USD, p 10, close Apr 30: Q Mar 20, open. Depth 1. Stay Q 12.
- D7 Bob, referral, 3000 CNY: Q Feb 1, N Feb 5, P Feb 10, G Feb 20, Won Mar 1. Depth 4.
  Stays Q 4, N 5, P 10, G 9 (Feb 20 → Mar 1, 2025 is no leap year).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal as D

from desktop_crm.domain.funnel import (
    DealRecord,
    FunnelRow,
    StageInfo,
    deal_progress,
    funnel,
)
from desktop_crm.domain.sales_reports import (
    Collected,
    Money,
    Target,
    forecast,
    group_deals,
    sales,
    targets,
    win_rate,
    won_lost,
)

STAGES = [
    StageInfo("q", "Q", 0, "open", 10),
    StageInfo("n", "N", 1, "open", 25),
    StageInfo("p", "P", 2, "open", 50),
    StageInfo("g", "G", 3, "open", 75),
    StageInfo("won", "Won", 4, "won", 100),
    StageInfo("lost", "Lost", 5, "lost", 0),
]
START, END = date(2025, 1, 1), date(2025, 3, 31)
NOW = datetime(2025, 4, 1, tzinfo=UTC)


def at(month: int, day: int, year: int = 2025) -> datetime:
    return datetime(year, month, day, tzinfo=UTC)


DEALS = [
    DealRecord(
        "D1", date(2025, 1, 1), "won", "won", D(1000), "CNY", 100, date(2025, 1, 20),
        date(2025, 1, 17), None, "referral", "Ann",
        (("q", at(1, 1)), ("n", at(1, 3)), ("g", at(1, 7)), ("won", at(1, 17))),
    ),
    DealRecord(
        "D2", date(2025, 2, 1), "p", "open", D(2000), "CNY", 50, date(2025, 4, 15),
        None, None, "website", "Bob",
        (("q", at(2, 1)), ("p", at(2, 2))),
    ),
    DealRecord(
        "D3", date(2025, 1, 10), "lost", "lost", D(500), "CNY", 0, None,
        date(2025, 1, 30), "price", "website", "Bob",
        (("q", at(1, 10)), ("n", at(1, 11)), ("p", at(1, 13)), ("n", at(1, 20)),
         ("lost", at(1, 30))),
    ),
    DealRecord(
        "D4", date(2025, 3, 1), "g", "open", D(4000), "CNY", 75, date(2025, 5, 10),
        None, None, "referral", "Ann",
        (("q", at(3, 1)), ("won", at(3, 5)), ("g", at(3, 10))),
    ),
    DealRecord(
        "D5", date(2024, 12, 20), "lost", "lost", D(300), "CNY", 0, None,
        date(2025, 2, 10), "no budget", None, "Bob",
        (("q", at(12, 20, 2024)), ("lost", at(2, 10))),
    ),
    DealRecord(
        "D6", date(2025, 3, 20), "q", "open", D(1000), "USD", 10, date(2025, 4, 30),
        None, None, "website", "Ann",
        (("q", at(3, 20)),),
    ),
    DealRecord(
        "D7", date(2025, 2, 1), "won", "won", D(3000), "CNY", 100, None,
        date(2025, 3, 1), None, "referral", "Bob",
        (("q", at(2, 1)), ("n", at(2, 5)), ("p", at(2, 10)), ("g", at(2, 20)),
         ("won", at(3, 1))),
    ),
]  # fmt: skip


def test_funnel_reached_conversion_and_days() -> None:
    result = funnel(STAGES, DEALS, START, END, NOW)
    # Cohort D1 D2 D3 D4 D6 D7 (D5 made in 2024). Depths 4, 3, 3, 4, 1, 4.
    # Reached: Q 6; N (depth ≥ 2) 5; P (≥ 3) 5; G (≥ 4: D1 D4 D7) 3; won now: D1 D7 = 2.
    # Conversion: 5/6 = 0.8333, 5/5 = 1, 3/5 = 0.6, G → Won 2/3 = 0.6667.
    # Average stay: Q (2+1+1+4+12+4)/6 = 4.0; N (4 + 2 + 10 + 5)/4 = 5.25 → 5.3 (D3 stayed
    # twice); P (58+7+10)/3 = 25.0; G (10+22+9)/3 = 13.67 → 13.7.
    assert result.deals == 6
    assert result.won == 2
    assert result.rows == (
        FunnelRow("Q", "q", 10, 6, D("0.8333"), D("4.0")),
        FunnelRow("N", "n", 25, 5, D("1.0000"), D("5.3")),
        FunnelRow("P", "p", 50, 5, D("0.6000"), D("25.0")),
        FunnelRow("G", "g", 75, 3, D("0.6667"), D("13.7")),
    )


def test_a_deal_made_outside_the_period_is_left_out() -> None:
    # Only D5 was made in December: Q reached 1, it stayed there Dec 20 → Feb 10 (52 days).
    result = funnel(STAGES, DEALS, date(2024, 12, 1), date(2024, 12, 31), NOW)
    assert [(r.reached, r.conversion, r.avg_days) for r in result.rows] == [
        (1, D(0), D("52.0")),
        (0, None, None),
        (0, None, None),
        (0, None, None),
    ]
    # With no bounds D5 joins the cohort: Q reached 7.
    assert funnel(STAGES, DEALS, None, None, NOW).rows[0].reached == 7


def test_skipped_backwards_and_reopened_deals() -> None:
    d1, d2, d3, d4 = (deal_progress(d, STAGES, NOW) for d in DEALS[:4])
    assert (d1.depth, d1.won) == (4, True)  # won: every open stage, P skipped or not
    assert d2.depth == 3 and "n" not in d2.stays  # N skipped: reached, but no stay
    assert d3.depth == 3 and d3.stays["n"] == (2, 12 * 86_400_000_000)  # two stays in N
    assert (d4.depth, d4.won) == (4, False)  # once won, reopened: reached all, not won now
    assert "won" not in d4.stays  # only open stages are timed


def test_a_lost_deal_reaches_nothing_by_losing() -> None:
    only_lost = DealRecord("X", date(2025, 1, 1), "lost", "lost", history=(("lost", at(1, 1)),))
    assert deal_progress(only_lost, STAGES, NOW).depth == 0


def test_forecast_by_month_of_expected_close() -> None:
    groups = group_deals(DEALS, None, None)
    # Open: D2 Apr 2000 CNY p50 → 1000; D6 Apr 1000 USD p10 → 100 USD; D4 May 4000 p75 → 3000.
    assert [(r.month, r.count, r.amount, r.weighted) for r in forecast(groups, "CNY")] == [
        ("2025-04", 2, Money(D(2000), {"USD": D(1000)}), Money(D(1000), {"USD": D(100)})),
        ("2025-05", 1, Money(D(4000)), Money(D(3000))),
    ]
    # No open deal is expected to close in the first quarter.
    assert forecast(group_deals(DEALS, START, END), "CNY") == []


def test_won_lost_by_reason_and_source() -> None:
    result = won_lost(group_deals(DEALS, START, END), "CNY")
    # Closed in Q1: D1 won 1000, D7 won 3000; D3 lost 500 (price), D5 lost 300 (no budget).
    assert (result.won.count, result.won.amount.amount) == (2, D(4000))
    assert (result.lost.count, result.lost.amount.amount) == (2, D(800))
    assert result.lost_by_reason == {"no budget": 1, "price": 1}
    assert result.by_source == {"referral": (2, 0), "": (0, 1), "website": (0, 1)}
    feb_on = won_lost(group_deals(DEALS, date(2025, 2, 1), END), "CNY")
    assert (feb_on.won.count, feb_on.lost.count) == (1, 1)  # D7 won, D5 lost


def test_win_rate_by_owner() -> None:
    # Ann: D1 won → 1/1. Bob: D7 won, D3 and D5 lost → 1/3.
    assert [(r.owner, r.won, r.lost, r.rate) for r in win_rate(group_deals(DEALS, START, END))] == [
        ("Ann", 1, 0, D("1.0000")),
        ("Bob", 1, 2, D("0.3333")),
    ]


def test_sales_by_owner_and_period() -> None:
    groups = group_deals(DEALS, START, END)
    assert [(r.owner, r.period, r.count, r.amount.amount) for r in sales(groups, "CNY")] == [
        ("Ann", "2025-01", 1, D(1000)),
        ("Bob", "2025-03", 1, D(3000)),
    ]
    by_quarter = sales(groups, "CNY", "quarter")
    assert [(r.owner, r.period) for r in by_quarter] == [("Ann", "2025-Q1"), ("Bob", "2025-Q1")]
    assert [r.period for r in sales(groups, "CNY", "year")] == ["2025", "2025"]


def test_targets_against_won_and_collected() -> None:
    goals = [
        Target("Ann", date(2025, 1, 1), date(2025, 1, 31), D(2000), "CNY"),
        Target("Bob", date(2025, 3, 1), date(2025, 3, 31), D(5000), "CNY"),
        Target("Bob", date(2025, 6, 1), date(2025, 6, 30), D(9000), "CNY"),  # after the period
    ]
    paid = [Collected("Ann", "2025-01", "CNY", D(600)), Collected("Bob", "2025-03", "CNY", D(1000))]
    rows = targets(goals, group_deals(DEALS, START, END), paid, "CNY", START, END)
    assert [
        (r.owner, r.month, r.target.amount, r.won.amount, r.collected.amount) for r in rows
    ] == [
        ("Ann", "2025-01", D(2000), D(1000), D(600)),
        ("Bob", "2025-03", D(5000), D(3000), D(1000)),
    ]


def test_empty_input_gives_zeros_not_errors() -> None:
    empty = funnel(STAGES, [], START, END, NOW)
    assert (empty.deals, empty.won) == (0, 0)
    assert [(r.reached, r.conversion, r.avg_days) for r in empty.rows] == [(0, None, None)] * 4
    assert funnel([], [], None, None, NOW).rows == ()
    assert forecast([], "CNY") == []
    nothing = won_lost([], "CNY")
    assert (nothing.won.count, nothing.won.amount.amount, nothing.lost_by_reason) == (0, D(0), {})
    assert win_rate([]) == [] and sales([], "CNY") == []
    assert targets([], [], [], "CNY", None, None) == []
