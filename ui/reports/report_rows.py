"""A report as the screen shows it: headers and cells in the user's language, and a chart's data.

Plain Python over the service's answer (no plotting library here: this is built on the GUI
thread from the reader's answer, and the chart module draws what it says).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from desktop_crm.domain.funnel import Funnel
from desktop_crm.domain.sales_reports import (
    ForecastRow,
    Money,
    SalesRow,
    TargetRow,
    WinRateRow,
    WonLost,
)
from desktop_crm.services.reports.chart_spec import ChartSpec, ChartTexts, chart_spec
from desktop_crm.services.reports.dto import Report, ReportKind
from ui.amounts import money_text, ui_locale
from ui.text_fill import fill
from ui.translation_context import TranslationContext

ColumnKind = Literal["text", "count", "percent", "days", "money"]
Cell = str | int | Decimal | Money | None


class ReportTexts(TranslationContext):
    """Translation context of the reports' names, definitions, headers and charts."""


@dataclass(frozen=True)
class ShownReport:
    """A report ready to show.

    Attributes:
        headers: Column names.
        kinds: What each column holds: ``text``, ``count``, ``percent`` (a ratio 0–1),
            ``days`` or ``money`` (a :class:`Money` in :attr:`currency`).
        values: The cells as values (what the Excel file holds), ``None`` for none.
        currency: The report's currency.
        chart: What to draw.
        empty: Nothing to report (the screen says so instead of drawing).
        note: A line under the table: amounts in other currencies, kept apart.
    """

    headers: tuple[str, ...]
    kinds: tuple[ColumnKind, ...]
    values: tuple[tuple[Cell, ...], ...]
    currency: str
    chart: ChartSpec
    empty: bool
    note: str = ""

    @property
    def rows(self) -> tuple[tuple[str, ...], ...]:
        """The cells as text in the user's language."""
        return tuple(
            tuple(cell_text(v, k, self.currency) for v, k in zip(row, self.kinds, strict=True))
            for row in self.values
        )

    @property
    def numbers(self) -> frozenset[int]:
        """Indexes of the columns of figures (aligned right)."""
        return frozenset(n for n, kind in enumerate(self.kinds) if kind != "text")

    def sheet_rows(self) -> list[list[str | int | Decimal | None]]:
        """The cells for a spreadsheet: numbers as numbers, amounts in the report's currency."""
        return [[v.amount if isinstance(v, Money) else v for v in row] for row in self.values]


def report_names() -> dict[ReportKind, str]:
    """Each report's name in the chooser."""
    return {
        "funnel": ReportTexts.tr("Funnel"),
        "forecast": ReportTexts.tr("Forecast"),
        "won_lost": ReportTexts.tr("Won and lost"),
        "win_rate": ReportTexts.tr("Win rate"),
        "sales": ReportTexts.tr("Sales"),
        "targets": ReportTexts.tr("Targets"),
    }


def definition(kind: ReportKind) -> str:
    """What the report counts, as issue 13 defines it (the CLI counts the same)."""
    texts: dict[ReportKind, str] = {
        "funnel": ReportTexts.tr(
            "Deals created in the period. A deal has reached a stage if its history holds that "
            "stage or a later one (a skipped stage counts as reached; a won deal reached every "
            "stage). Conversion = deals that reached the next stage ÷ deals that reached this "
            "one; the last stage converts to Won. Average days: the average stay in the stage, "
            "from the stage history (a deal still there counts until now)."
        ),
        "forecast": ReportTexts.tr(
            "Open deals by month of expected close, within the period. Weighted = Σ amount × "
            "the deal's win probability."
        ),
        "won_lost": ReportTexts.tr(
            "Deals won or lost in the period (by closing day): lost deals by reason, all of "
            "them by source."
        ),
        "win_rate": ReportTexts.tr(
            "Per owner, among deals closed in the period: win rate = won ÷ (won + lost)."
        ),
        "sales": ReportTexts.tr("Won amount per owner and month, by closing day."),
        "targets": ReportTexts.tr(
            "Per owner and month: the target against the amount won and the payments "
            "collected that month on the owner's contracts."
        ),
    }
    return texts[kind]


def empty_text(kind: ReportKind) -> str:
    """What an empty report says instead of a chart."""
    texts: dict[ReportKind, str] = {
        "funnel": ReportTexts.tr("No deals were created in this period."),
        "forecast": ReportTexts.tr("No open deals are expected to close in this period."),
        "won_lost": ReportTexts.tr("No deals were won or lost in this period."),
        "win_rate": ReportTexts.tr("No deals were won or lost in this period."),
        "sales": ReportTexts.tr("No deals were won in this period."),
        "targets": ReportTexts.tr("No targets and no deals won in this period."),
    }
    return texts[kind]


def shown_report(report: Report[Any]) -> ShownReport:
    """The report's table and chart in the user's language."""
    builders: dict[ReportKind, Callable[[Report[Any]], ShownReport]] = {
        "funnel": _funnel,
        "forecast": _forecast,
        "won_lost": _won_lost,
        "win_rate": _win_rate,
        "sales": _sales,
        "targets": _targets,
    }
    return builders[report.kind](report)


def _funnel(report: Report[Funnel]) -> ShownReport:
    data = report.data
    rows = tuple(
        (
            row.stage,
            Decimal(row.probability) / 100,
            row.reached,
            row.conversion,
            row.avg_days,
        )
        for row in data.rows
    )
    chart = _chart(report)
    headers = (
        ReportTexts.tr("Stage"),
        ReportTexts.tr("Probability"),
        ReportTexts.tr("Reached"),
        ReportTexts.tr("Conversion to next"),
        ReportTexts.tr("Average days"),
    )
    kinds: tuple[ColumnKind, ...] = ("text", "percent", "count", "percent", "days")
    return ShownReport(headers, kinds, rows, report.currency, chart, data.deals == 0)


def _forecast(report: Report[list[ForecastRow]]) -> ShownReport:
    cur = report.currency
    rows = tuple((r.month, r.count, r.amount, r.weighted) for r in report.data)
    amount, weighted = ReportTexts.tr("Amount"), ReportTexts.tr("Weighted")
    chart = _chart(report)
    headers = (ReportTexts.tr("Month"), ReportTexts.tr("Deals"), amount, weighted)
    note = _others(cur, (m for r in report.data for m in (r.amount, r.weighted)))
    kinds: tuple[ColumnKind, ...] = ("text", "count", "money", "money")
    return ShownReport(headers, kinds, rows, cur, chart, not report.data, note)


def _won_lost(report: Report[WonLost]) -> ShownReport:
    data, cur = report.data, report.currency
    won_word, lost_word = ReportTexts.tr("Won"), ReportTexts.tr("Lost")
    rows: list[tuple[Cell, ...]] = [
        (
            ReportTexts.tr("All closed deals"),
            data.won.count,
            data.lost.count,
            data.won.amount,
            data.lost.amount,
        )
    ]
    reasons = sorted(data.lost_by_reason.items(), key=lambda item: (-item[1], item[0]))
    for reason, count in reasons:
        name = reason or ReportTexts.tr("(no reason)")
        rows.append((fill(ReportTexts.tr("Reason: %1"), name), None, count, None, None))
    sources = sorted(data.by_source.items(), key=lambda item: (-sum(item[1]), item[0]))
    for source, (won, lost) in sources:
        name = source or ReportTexts.tr("(no source)")
        rows.append((fill(ReportTexts.tr("Source: %1"), name), won, lost, None, None))
    chart = _chart(report)
    headers = (
        ReportTexts.tr("Deals"),
        won_word,
        lost_word,
        ReportTexts.tr("Won amount"),
        ReportTexts.tr("Lost amount"),
    )
    note = _others(cur, (data.won.amount, data.lost.amount))
    empty = data.won.count + data.lost.count == 0
    kinds: tuple[ColumnKind, ...] = ("text", "count", "count", "money", "money")
    return ShownReport(headers, kinds, tuple(rows), cur, chart, empty, note)


def _win_rate(report: Report[list[WinRateRow]]) -> ShownReport:
    rows = tuple((_owner(r.owner), r.won, r.lost, r.rate) for r in report.data)
    chart = _chart(report)
    headers = (
        ReportTexts.tr("Owner"),
        ReportTexts.tr("Won"),
        ReportTexts.tr("Lost"),
        ReportTexts.tr("Win rate"),
    )
    kinds: tuple[ColumnKind, ...] = ("text", "count", "count", "percent")
    return ShownReport(headers, kinds, rows, report.currency, chart, not report.data)


def _sales(report: Report[list[SalesRow]]) -> ShownReport:
    cur = report.currency
    rows = tuple((_owner(r.owner), r.period, r.count, r.amount) for r in report.data)
    chart = _chart(report)
    headers = (
        ReportTexts.tr("Owner"),
        ReportTexts.tr("Period"),
        ReportTexts.tr("Deals won"),
        ReportTexts.tr("Won amount"),
    )
    note = _others(cur, (r.amount for r in report.data))
    kinds: tuple[ColumnKind, ...] = ("text", "text", "count", "money")
    return ShownReport(headers, kinds, rows, cur, chart, not report.data, note)


def _targets(report: Report[list[TargetRow]]) -> ShownReport:
    cur = report.currency
    rows = tuple((_owner(r.owner), r.month, r.target, r.won, r.collected) for r in report.data)
    target, won, collected = (
        ReportTexts.tr("Target"),
        ReportTexts.tr("Won"),
        ReportTexts.tr("Collected"),
    )
    chart = _chart(report)
    headers = (ReportTexts.tr("Owner"), ReportTexts.tr("Month"), target, won, collected)
    note = _others(cur, (m for r in report.data for m in (r.target, r.won, r.collected)))
    kinds: tuple[ColumnKind, ...] = ("text", "text", "money", "money", "money")
    return ShownReport(headers, kinds, rows, cur, chart, not report.data, note)


def chart_texts() -> ChartTexts:
    """The charts' words in the user's language (the CLI's are in ``chart_spec.CHART_TEXTS``)."""
    return ChartTexts(
        funnel_title=ReportTexts.tr("Deals reaching each stage (%1 created, %2 won)"),
        move_on=ReportTexts.tr("%1 move on"),
        to_won=ReportTexts.tr("%1 won"),
        reached=ReportTexts.tr("Reached"),
        deals=ReportTexts.tr("Deals"),
        forecast_title=ReportTexts.tr("Open deals by month of expected close (%1)"),
        amount=ReportTexts.tr("Amount"),
        weighted=ReportTexts.tr("Weighted"),
        won=ReportTexts.tr("Won"),
        lost=ReportTexts.tr("Lost"),
        by_reason=ReportTexts.tr("Lost deals by reason"),
        by_source=ReportTexts.tr("Won and lost by source"),
        no_reason=ReportTexts.tr("(no reason)"),
        no_source=ReportTexts.tr("(no source)"),
        win_rate_title=ReportTexts.tr("Win rate by owner"),
        win_rate=ReportTexts.tr("Win rate"),
        win_rate_axis=ReportTexts.tr("Win rate (%)"),
        sales_title=ReportTexts.tr("Won amount by owner (%1)"),
        targets_title=ReportTexts.tr("Targets by owner over the period (%1)"),
        target=ReportTexts.tr("Target"),
        collected=ReportTexts.tr("Collected"),
        nobody=ReportTexts.tr("(nobody)"),
    )


def _chart(report: Report[Any]) -> ChartSpec:
    return chart_spec(report, chart_texts(), _percent)


def _owner(owner: str | None) -> str:
    return owner or ReportTexts.tr("(nobody)")


def cell_text(value: Cell, kind: ColumnKind, currency: str) -> str:
    """One cell as the table shows it ("–" for a ratio or average with nothing to count)."""
    if value is None:
        return "–" if kind in ("percent", "days") else ""
    if isinstance(value, Money):
        return _money(value, currency)
    if kind == "percent" and isinstance(value, Decimal):
        return f"{(value * 100).quantize(Decimal('0.1'))} %"
    if kind == "count" and isinstance(value, int):
        return ui_locale().toString(value)
    return str(value)


def _percent(value: Decimal | None) -> str:
    return cell_text(value, "percent", "")


def _money(money: Money, currency: str) -> str:
    text = money_text(money.amount, currency)
    if money.other_currencies:
        others = ", ".join(money_text(v, c) for c, v in sorted(money.other_currencies.items()))
        text = f"{text} (+ {others})"
    return text


def _others(currency: str, amounts: Iterable[Money]) -> str:
    """Say that amounts in other currencies are shown apart, when there are any."""
    if not any(m.other_currencies for m in amounts):
        return ""
    return fill(
        ReportTexts.tr(
            "Amounts are in %1; deals in other currencies are shown apart in brackets, "
            "never converted, and left out of the chart."
        ),
        currency,
    )
