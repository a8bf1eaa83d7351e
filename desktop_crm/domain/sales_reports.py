"""Sales reports over deals: forecast, won and lost, win rate, sales, targets.

Definitions (issue 13):

- Forecast by month of expected close: the OPEN deals expected to close in the period, per
  month ``YYYY-MM``: count, amount, weighted = Σ amount × probability ÷ 100 (the deal's
  probability, else its stage's). Open deals with no expected close are left out.
- Won and lost: deals closed (``closed_on``) in the period, with lost ones by reason and all
  by source (won and lost counts).
- Win rate by owner: won ÷ (won + lost) among deals closed in the period.
- Sales by owner and period: won amount by ``closed_on``, per month, quarter or year.
- Targets per owner per month: the target against the won amount and the payments collected
  that month (see :func:`targets`).

Amounts are never converted between currencies: each report has one currency (the pipeline's,
else the workspace's); its amounts are of deals in that currency, and amounts of deals in other
currencies are summed apart in ``other_currencies`` {code: amount}. Counts count every deal.

Deals arrive grouped (:class:`DealGroup`): the reports service groups 100,000 deals in one
SQL statement; :func:`group_deals` is the same grouping over records, the definition.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from desktop_crm.domain.funnel import DealRecord, ratio, within

Bucket = Literal["month", "quarter", "year"]
ZERO = Decimal(0)
# status, month, owner, currency, lost reason, source
_GroupKey = tuple[str, str | None, str | None, str, str | None, str | None]


@dataclass(frozen=True)
class DealGroup:
    """Deals alike in what the reports tell apart, counted and summed.

    Attributes:
        status: ``open``, ``won`` or ``lost``.
        month: ``YYYY-MM`` of the expected close (open deals) or of closing (closed ones);
            ``None`` when the deal has no such day.
        owner: Who is in charge (``None``: nobody).
        currency: ISO code of the amounts.
        lost_reason: Why they were lost (lost deals).
        source: Where they came from.
        count: How many deals.
        amount: Their amounts summed.
        weighted: Σ amount × probability ÷ 100.
    """

    status: str
    month: str | None
    owner: str | None
    currency: str
    lost_reason: str | None
    source: str | None
    count: int
    amount: Decimal
    weighted: Decimal


@dataclass(frozen=True)
class Money:
    """Amounts in the report's currency, and those in others kept apart.

    Attributes:
        amount: Sum in the report's currency.
        other_currencies: Sums in other currencies, by code.
    """

    amount: Decimal = ZERO
    other_currencies: Mapping[str, Decimal] = field(default_factory=dict)

    def plus(self, amount: Decimal, currency: str, report_currency: str) -> Money:
        """This plus ``amount`` in ``currency``."""
        if currency == report_currency:
            return Money(self.amount + amount, self.other_currencies)
        others = dict(self.other_currencies)
        others[currency] = others.get(currency, ZERO) + amount
        return Money(self.amount, others)


@dataclass(frozen=True)
class ForecastRow:
    """Open deals expected to close in one month.

    Attributes:
        month: ``YYYY-MM``.
        count: Deals (every currency).
        amount: Their amounts.
        weighted: Σ amount × probability ÷ 100 (report currency; other currencies apart).
    """

    month: str
    count: int
    amount: Money
    weighted: Money


@dataclass(frozen=True)
class Outcome:
    """Won or lost deals: how many, how much.

    Attributes:
        count: Deals.
        amount: Their amounts.
    """

    count: int = 0
    amount: Money = field(default_factory=Money)


@dataclass(frozen=True)
class WonLost:
    """Deals closed in the period.

    Attributes:
        won: The won ones.
        lost: The lost ones.
        lost_by_reason: Lost deals by reason ("" for none given).
        by_source: By source ("" for none): (won, lost) counts.
    """

    won: Outcome
    lost: Outcome
    lost_by_reason: Mapping[str, int]
    by_source: Mapping[str, tuple[int, int]]


@dataclass(frozen=True)
class WinRateRow:
    """One owner's closed deals.

    Attributes:
        owner: Who (``None``: nobody).
        won: Deals won.
        lost: Deals lost.
        rate: won ÷ (won + lost), 0–1 to four places (``None`` with none closed).
    """

    owner: str | None
    won: int
    lost: int
    rate: Decimal | None


@dataclass(frozen=True)
class SalesRow:
    """One owner's won deals in one bucket.

    Attributes:
        owner: Who (``None``: nobody).
        period: ``YYYY-MM``, ``YYYY-Qn`` or ``YYYY``.
        count: Deals won.
        amount: Their amounts.
    """

    owner: str | None
    period: str
    count: int
    amount: Money


@dataclass(frozen=True)
class Target:
    """A sales target: an owner's amount for a period.

    Attributes:
        owner: Whose.
        start: Its first day.
        end: Its last day.
        amount: The goal.
        currency: ISO code of ``amount``.
    """

    owner: str | None
    start: date
    end: date
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Collected:
    """Payments received, summed by owner, month and currency.

    Attributes:
        owner: Whose contracts.
        month: ``YYYY-MM`` of the payments.
        currency: ISO code.
        amount: Their sum.
    """

    owner: str | None
    month: str
    currency: str
    amount: Decimal


@dataclass(frozen=True)
class TargetRow:
    """One owner's month: target, won, collected.

    Attributes:
        owner: Who.
        month: ``YYYY-MM``.
        target: The goal for the month.
        won: Won amount (deals closed that month).
        collected: Payments received that month.
    """

    owner: str | None
    month: str
    target: Money
    won: Money
    collected: Money


def month_of(day: date | None) -> str | None:
    """``YYYY-MM`` of ``day``."""
    return None if day is None else f"{day.year:04d}-{day.month:02d}"


def bucket_of(month: str, bucket: Bucket) -> str:
    """The month ``YYYY-MM`` as a month, quarter (``YYYY-Qn``) or year label."""
    if bucket == "month":
        return month
    year, mm = month[:4], int(month[5:7])
    return year if bucket == "year" else f"{year}-Q{(mm - 1) // 3 + 1}"


def group_deals(
    deals: Iterable[DealRecord], start: date | None, end: date | None
) -> list[DealGroup]:
    """Group deals as the reports need them, keeping those whose report day is in the period.

    The report day is the expected close of open deals and ``closed_on`` of closed ones.
    Probability ``None`` counts as 0 here (the service resolves it to the stage's).
    """
    counts: dict[_GroupKey, int] = {}
    amounts: dict[_GroupKey, Decimal] = {}
    weighted: dict[_GroupKey, Decimal] = {}
    for d in deals:
        day = d.expected_close if d.status == "open" else d.closed_on
        if not within(day, start, end):
            continue
        key = (d.status, month_of(day), d.owner, d.currency, d.lost_reason, d.source)
        counts[key] = counts.get(key, 0) + 1
        amounts[key] = amounts.get(key, ZERO) + d.amount
        weighted[key] = weighted.get(key, ZERO) + d.amount * (d.probability or 0) / 100
    return [DealGroup(*k, counts[k], amounts[k], weighted[k]) for k in counts]


def forecast(groups: Iterable[DealGroup], currency: str) -> list[ForecastRow]:
    """Open deals by month of expected close, months in order."""
    rows: dict[str, tuple[int, Money, Money]] = {}
    for g in groups:
        if g.status != "open" or g.month is None:
            continue
        count, amount, weighted = rows.get(g.month, (0, Money(), Money()))
        rows[g.month] = (
            count + g.count,
            amount.plus(g.amount, g.currency, currency),
            weighted.plus(g.weighted, g.currency, currency),
        )
    return [ForecastRow(m, *rows[m]) for m in sorted(rows)]


def won_lost(groups: Iterable[DealGroup], currency: str) -> WonLost:
    """Closed deals: won and lost counts and amounts, lost by reason, all by source."""
    won, lost = Outcome(), Outcome()
    reasons: dict[str, int] = {}
    sources: dict[str, tuple[int, int]] = {}
    for g in groups:
        if g.status not in ("won", "lost"):
            continue
        source = g.source or ""
        w, lo = sources.get(source, (0, 0))
        if g.status == "won":
            won = Outcome(won.count + g.count, won.amount.plus(g.amount, g.currency, currency))
            sources[source] = (w + g.count, lo)
        else:
            lost = Outcome(lost.count + g.count, lost.amount.plus(g.amount, g.currency, currency))
            reason = g.lost_reason or ""
            reasons[reason] = reasons.get(reason, 0) + g.count
            sources[source] = (w, lo + g.count)
    return WonLost(
        won,
        lost,
        dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
        dict(sorted(sources.items(), key=lambda kv: (-sum(kv[1]), kv[0]))),
    )


def win_rate(groups: Iterable[DealGroup]) -> list[WinRateRow]:
    """Won ÷ closed per owner, owners by name (nobody last)."""
    counts: dict[str | None, tuple[int, int]] = {}
    for g in groups:
        if g.status in ("won", "lost"):
            w, lo = counts.get(g.owner, (0, 0))
            counts[g.owner] = (w + g.count, lo) if g.status == "won" else (w, lo + g.count)
    return [
        WinRateRow(owner, w, lo, ratio(w, w + lo))
        for owner, (w, lo) in sorted(counts.items(), key=lambda kv: _owner_key(kv[0]))
    ]


def sales(groups: Iterable[DealGroup], currency: str, bucket: Bucket = "month") -> list[SalesRow]:
    """Won amount per owner and month, quarter or year (owners by name, periods in order)."""
    rows: dict[tuple[str | None, str], tuple[int, Money]] = {}
    for g in groups:
        if g.status != "won" or g.month is None:
            continue
        key = (g.owner, bucket_of(g.month, bucket))
        count, amount = rows.get(key, (0, Money()))
        rows[key] = (count + g.count, amount.plus(g.amount, g.currency, currency))
    ordered = sorted(rows, key=lambda k: (_owner_key(k[0]), k[1]))
    return [SalesRow(k[0], k[1], *rows[k]) for k in ordered]


def targets(
    goals: Iterable[Target],
    groups: Iterable[DealGroup],
    collected: Iterable[Collected],
    currency: str,
    start: date | None,
    end: date | None,
) -> list[TargetRow]:
    """Per owner and month: the target, the won amount and the payments collected.

    A target belongs to the month of its first day (targets are set per month; a longer
    one is shown whole in its first month). Months with a target, a won deal or a payment
    are listed; a target's month must lie in the period (its first day counts).
    """
    rows: dict[tuple[str | None, str], tuple[Money, Money, Money]] = {}

    def add(owner: str | None, month: str, which: int, amount: Decimal, code: str) -> None:
        cell = list(rows.get((owner, month), (Money(), Money(), Money())))
        cell[which] = cell[which].plus(amount, code, currency)
        rows[(owner, month)] = (cell[0], cell[1], cell[2])

    for t in goals:
        month = month_of(t.start)
        if month is not None and within(t.start, _month_start(start), end):
            add(t.owner, month, 0, t.amount, t.currency)
    for g in groups:
        if g.status == "won" and g.month is not None:
            add(g.owner, g.month, 1, g.amount, g.currency)
    for c in collected:
        add(c.owner, c.month, 2, c.amount, c.currency)
    ordered = sorted(rows, key=lambda k: (_owner_key(k[0]), k[1]))
    return [TargetRow(k[0], k[1], *rows[k]) for k in ordered]


def _month_start(day: date | None) -> date | None:
    return None if day is None else day.replace(day=1)


def _owner_key(owner: str | None) -> tuple[bool, str]:
    return (owner is None, (owner or "").casefold())
