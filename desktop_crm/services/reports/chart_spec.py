"""What a report's chart draws, in plain values: no plotting library here.

:func:`chart_spec` turns a report into a :class:`ChartSpec` with its labels taken from a
:class:`ChartTexts`: the Reports screen passes its translated texts, the command line the
English or Chinese ones below (:data:`CHART_TEXTS`). ``charts.py`` draws a spec with
matplotlib; this module stays importable without it (the app's start never pays for it).

Amounts in the chart are those in the report's currency; deals in other currencies are kept
apart by the reports and left out of the chart (never converted).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from desktop_crm.documents.formatting import fill
from desktop_crm.domain.funnel import Funnel
from desktop_crm.domain.sales_reports import ForecastRow, Money, SalesRow, TargetRow, WinRateRow
from desktop_crm.domain.sales_reports import WonLost as WonLostData
from desktop_crm.services.reports.dto import Report, ReportKind

ChartKind = Literal["funnel", "bars", "percent", "won_lost"]
Language = Literal["en", "zh"]


@dataclass(frozen=True)
class Series:
    """One series of bars.

    Attributes:
        label: Its name in the legend.
        values: One value per category.
    """

    label: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class ChartSpec:
    """What a chart draws.

    Attributes:
        kind: ``funnel`` (horizontal bars, widest first), ``bars`` (grouped bars),
            ``percent`` (bars 0–100 %) or ``won_lost`` (two charts side by side).
        title: Above the chart.
        categories: The bars' names along the axis.
        series: The values, one series per colour.
        value_label: What the value axis counts.
        notes: A text by each category's bar (a funnel's conversion), or none.
        second: The second chart of ``won_lost``.
        legend: Name the series even when there is one (the sales report's owners).
    """

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    value_label: str = ""
    notes: tuple[str, ...] = ()
    second: ChartSpec | None = None
    legend: bool = False


@dataclass(frozen=True)
class ChartTexts:
    """A chart's words in one language (``%1``, ``%2`` are filled in one pass).

    Attributes:
        funnel_title: The funnel's title: %1 deals created, %2 won.
        move_on: By a funnel bar: %1 the conversion to the next stage.
        to_won: By the last open stage's bar: %1 its conversion to Won.
        reached: The funnel's series.
        deals: An axis counting deals.
        forecast_title: %1 the currency.
        amount: The amount series.
        weighted: The weighted amount series.
        won: Won deals.
        lost: Lost deals.
        by_reason: The lost-by-reason chart's title.
        by_source: The by-source chart's title.
        no_reason: A lost deal with no reason.
        no_source: A deal with no source.
        win_rate_title: The win rate chart's title.
        win_rate: The win rate series.
        win_rate_axis: Its axis.
        sales_title: %1 the currency.
        targets_title: %1 the currency.
        target: The target series.
        collected: The collected payments series.
        nobody: A deal with no owner.
    """

    funnel_title: str = "Deals reaching each stage (%1 created, %2 won)"
    move_on: str = "%1 move on"
    to_won: str = "%1 won"
    reached: str = "Reached"
    deals: str = "Deals"
    forecast_title: str = "Open deals by month of expected close (%1)"
    amount: str = "Amount"
    weighted: str = "Weighted"
    won: str = "Won"
    lost: str = "Lost"
    by_reason: str = "Lost deals by reason"
    by_source: str = "Won and lost by source"
    no_reason: str = "(no reason)"
    no_source: str = "(no source)"
    win_rate_title: str = "Win rate by owner"
    win_rate: str = "Win rate"
    win_rate_axis: str = "Win rate (%)"
    sales_title: str = "Won amount by owner (%1)"
    targets_title: str = "Targets by owner over the period (%1)"
    target: str = "Target"
    collected: str = "Collected"
    nobody: str = "(nobody)"


# The same words as the Reports screen's Chinese translation.
CHART_TEXTS: dict[Language, ChartTexts] = {
    "en": ChartTexts(),
    "zh": ChartTexts(
        funnel_title="到达各阶段的商机（新建 %1，赢单 %2）",
        move_on="%1 进入下一阶段",
        to_won="%1 赢单",
        reached="到达",
        deals="商机",
        forecast_title="按预计成交月份的进行中商机（%1）",
        amount="金额",
        weighted="加权金额",
        won="赢单",
        lost="输单",
        by_reason="按原因的输单",
        by_source="按来源的赢单与输单",
        no_reason="（无原因）",
        no_source="（无来源）",
        win_rate_title="各负责人赢单率",
        win_rate="赢单率",
        win_rate_axis="赢单率（%）",
        sales_title="各负责人赢单金额（%1）",
        targets_title="各负责人期间目标（%1）",
        target="目标",
        collected="已收款",
        nobody="（无人）",
    ),
}


def percent_text(ratio: Decimal) -> str:
    """A ratio 0–1 as ``12.5 %``."""
    return f"{(ratio * 100).quantize(Decimal('0.1'))} %"


def chart_spec(
    report: Report[Any],
    texts: ChartTexts | None = None,
    percent: Callable[[Decimal], str] = percent_text,
) -> ChartSpec:
    """What ``report``'s chart draws, labelled with ``texts`` (English when none).

    Args:
        report: A report from the reports service.
        texts: The chart's words.
        percent: How a ratio is written by a funnel bar (the screen uses its locale's).
    """
    words = texts or CHART_TEXTS["en"]
    builders: dict[ReportKind, Callable[[Report[Any], ChartTexts], ChartSpec]] = {
        "funnel": lambda r, t: _funnel(r, t, percent),
        "forecast": _forecast,
        "won_lost": _won_lost,
        "win_rate": _win_rate,
        "sales": _sales,
        "targets": _targets,
    }
    return builders[report.kind](report, words)


def _funnel(report: Report[Funnel], t: ChartTexts, percent: Callable[[Decimal], str]) -> ChartSpec:
    data = report.data
    return ChartSpec(
        "funnel",
        fill(t.funnel_title, data.deals, data.won),
        tuple(row.stage for row in data.rows),
        (Series(t.reached, tuple(float(row.reached) for row in data.rows)),),
        t.deals,
        tuple(
            # The last open stage converts to Won, not to another stage.
            fill(t.to_won if last else t.move_on, percent(row.conversion))
            if row.conversion is not None
            else ""
            for last, row in ((i == len(data.rows) - 1, row) for i, row in enumerate(data.rows))
        ),
    )


def _forecast(report: Report[list[ForecastRow]], t: ChartTexts) -> ChartSpec:
    rows = report.data
    return ChartSpec(
        "bars",
        fill(t.forecast_title, report.currency),
        tuple(r.month for r in rows),
        (
            Series(t.amount, tuple(float(r.amount.amount) for r in rows)),
            Series(t.weighted, tuple(float(r.weighted.amount) for r in rows)),
        ),
        report.currency,
    )


def _won_lost(report: Report[WonLostData], t: ChartTexts) -> ChartSpec:
    data = report.data
    reasons = sorted(data.lost_by_reason.items(), key=lambda item: (-item[1], item[0]))
    sources = sorted(data.by_source.items(), key=lambda item: (-sum(item[1]), item[0]))
    by_source = ChartSpec(
        "bars",
        t.by_source,
        tuple(source or t.no_source for source, _ in sources),
        (
            Series(t.won, tuple(float(w) for _, (w, _l) in sources)),
            Series(t.lost, tuple(float(lo) for _, (_w, lo) in sources)),
        ),
        t.deals,
    )
    return ChartSpec(
        "won_lost",
        t.by_reason,
        tuple(reason or t.no_reason for reason, _ in reasons),
        (Series(t.lost, tuple(float(count) for _, count in reasons)),),
        t.deals,
        second=by_source,
    )


def _win_rate(report: Report[list[WinRateRow]], t: ChartTexts) -> ChartSpec:
    rows = report.data
    return ChartSpec(
        "percent",
        t.win_rate_title,
        tuple(r.owner or t.nobody for r in rows),
        (Series(t.win_rate, tuple(float((r.rate or Decimal(0)) * 100) for r in rows)),),
        t.win_rate_axis,
    )


def _sales(report: Report[list[SalesRow]], t: ChartTexts) -> ChartSpec:
    rows = report.data
    periods = sorted({r.period for r in rows})
    owners = sorted({r.owner or t.nobody for r in rows})
    won = {(r.owner or t.nobody, r.period): float(r.amount.amount) for r in rows}
    return ChartSpec(
        "bars",
        fill(t.sales_title, report.currency),
        tuple(periods),
        tuple(Series(owner, tuple(won.get((owner, p), 0.0) for p in periods)) for owner in owners),
        report.currency,
        legend=True,
    )


def _targets(report: Report[list[TargetRow]], t: ChartTexts) -> ChartSpec:
    rows = report.data
    owners = sorted({r.owner or t.nobody for r in rows})

    def total(pick: Callable[[TargetRow], Money]) -> tuple[float, ...]:
        sums = dict.fromkeys(owners, 0.0)
        for r in rows:
            sums[r.owner or t.nobody] += float(pick(r).amount)
        return tuple(sums[owner] for owner in owners)

    return ChartSpec(
        "bars",
        fill(t.targets_title, report.currency),
        tuple(owners),
        (
            Series(t.target, total(lambda r: r.target)),
            Series(t.won, total(lambda r: r.won)),
            Series(t.collected, total(lambda r: r.collected)),
        ),
        report.currency,
    )
