"""What ``desktop-crm report`` prints: each report as JSON and as a table.

JSON (amounts are decimal strings to the currency's minor unit, in the report's currency:
the pipeline's, else the workspace's; deals in other currencies are never converted but listed
in ``other_currencies`` as ``{CODE: {field: amount}}``; ratios are numbers 0–1):

- ``funnel``: the open stages in order, each ``{stage, probability, reached, conversion,
  avg_days}`` (``conversion`` to the next stage, the last one to Won; ``null`` when no deal
  reached the stage; ``avg_days`` ``null`` when no deal stayed there).
- ``forecast``: ``[{month: "YYYY-MM", count, amount, weighted, other_currencies}]``.
- ``won-lost``: ``{won: {count, amount, other_currencies}, lost: {count, amount,
  other_currencies, by_reason: {REASON: count}}, by_source: {SOURCE: {won, lost}}}`` (a deal
  with no reason or source is listed under ``""``).
- ``win-rate``: ``[{owner, won, lost, win_rate}]`` (``owner`` ``null``: nobody).
- ``sales``: ``[{owner, period, count, amount, other_currencies}]``.
- ``targets``: ``[{owner, month, target, won, collected, other_currencies}]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.funnel import Funnel
from desktop_crm.domain.sales_reports import (
    ForecastRow,
    Money,
    SalesRow,
    TargetRow,
    WinRateRow,
    WonLost,
)
from desktop_crm.services.reports.dto import Report

Cell = str | int | Decimal | None


@dataclass(frozen=True)
class Table:
    """A report as rows of values: what the text output and the .xlsx file show.

    Attributes:
        headers: Column titles.
        rows: Cells: text, counts, ratios and amounts as numbers (``None``: nothing).
        right: Indexes of the columns of figures.
    """

    headers: tuple[str, ...]
    rows: list[tuple[Cell, ...]]
    right: frozenset[int]


def money(amount: Decimal, currency: str) -> str:
    """``amount`` as a decimal string to the currency's minor unit: ``"1234.50"``."""
    return format(to_minor_unit(amount, currency), "f")


def others(report: Report[Any], fields: Mapping[str, Money]) -> dict[str, dict[str, str]]:
    """Amounts in other currencies than the report's: ``{CODE: {field: amount}}``."""
    out: dict[str, dict[str, str]] = {}
    for name, value in fields.items():
        for code, amount in sorted(value.other_currencies.items()):
            out.setdefault(code, {})[name] = money(amount, code)
    return out


def _ratio(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def as_json(report: Report[Any]) -> Any:
    """The report as the JSON the module's docstring describes."""
    cur = report.currency
    if report.kind == "funnel":
        data: Funnel = report.data
        return [
            {
                "stage": r.stage,
                "probability": r.probability,
                "reached": r.reached,
                "conversion": _ratio(r.conversion),
                "avg_days": _ratio(r.avg_days),
            }
            for r in data.rows
        ]
    if report.kind == "forecast":
        rows: list[ForecastRow] = report.data
        return [
            {
                "month": r.month,
                "count": r.count,
                "amount": money(r.amount.amount, cur),
                "weighted": money(r.weighted.amount, cur),
                "other_currencies": others(report, {"amount": r.amount, "weighted": r.weighted}),
            }
            for r in rows
        ]
    if report.kind == "won_lost":
        closed: WonLost = report.data
        return {
            "won": {
                "count": closed.won.count,
                "amount": money(closed.won.amount.amount, cur),
                "other_currencies": others(report, {"amount": closed.won.amount}),
            },
            "lost": {
                "count": closed.lost.count,
                "amount": money(closed.lost.amount.amount, cur),
                "other_currencies": others(report, {"amount": closed.lost.amount}),
                "by_reason": dict(closed.lost_by_reason),
            },
            "by_source": {s: {"won": w, "lost": lo} for s, (w, lo) in closed.by_source.items()},
        }
    if report.kind == "win_rate":
        rates: list[WinRateRow] = report.data
        return [
            {"owner": r.owner, "won": r.won, "lost": r.lost, "win_rate": _ratio(r.rate)}
            for r in rates
        ]
    if report.kind == "sales":
        sales: list[SalesRow] = report.data
        return [
            {
                "owner": r.owner,
                "period": r.period,
                "count": r.count,
                "amount": money(r.amount.amount, cur),
                "other_currencies": others(report, {"amount": r.amount}),
            }
            for r in sales
        ]
    goals: list[TargetRow] = report.data
    return [
        {
            "owner": r.owner,
            "month": r.month,
            "target": money(r.target.amount, cur),
            "won": money(r.won.amount, cur),
            "collected": money(r.collected.amount, cur),
            "other_currencies": others(
                report, {"target": r.target, "won": r.won, "collected": r.collected}
            ),
        }
        for r in goals
    ]


def as_table(report: Report[Any]) -> Table:
    """The report's rows with English headers (amounts in the report's currency)."""
    cur = report.currency

    def m(value: Money) -> Decimal:
        return to_minor_unit(value.amount, cur)

    if report.kind == "funnel":
        data: Funnel = report.data
        return Table(
            ("Stage", "Probability %", "Reached", "Conversion", "Avg days"),
            [(r.stage, r.probability, r.reached, r.conversion, r.avg_days) for r in data.rows],
            frozenset({1, 2, 3, 4}),
        )
    if report.kind == "forecast":
        rows: list[ForecastRow] = report.data
        return Table(
            ("Month", "Deals", f"Amount {cur}", f"Weighted {cur}"),
            [(r.month, r.count, m(r.amount), m(r.weighted)) for r in rows],
            frozenset({1, 2, 3}),
        )
    if report.kind == "won_lost":
        closed: WonLost = report.data
        table: list[tuple[Cell, ...]] = [
            ("All closed deals", closed.won.count, closed.lost.count, m(closed.won.amount),
             m(closed.lost.amount)),
        ]  # fmt: skip
        table += [
            (f"Reason: {reason or '(none)'}", None, count, None, None)
            for reason, count in closed.lost_by_reason.items()
        ]
        table += [
            (f"Source: {source or '(none)'}", won, lost, None, None)
            for source, (won, lost) in closed.by_source.items()
        ]
        return Table(
            ("Deals", "Won", "Lost", f"Won amount {cur}", f"Lost amount {cur}"),
            table,
            frozenset({1, 2, 3, 4}),
        )
    if report.kind == "win_rate":
        rates: list[WinRateRow] = report.data
        return Table(
            ("Owner", "Won", "Lost", "Win rate"),
            [(r.owner or "(nobody)", r.won, r.lost, r.rate) for r in rates],
            frozenset({1, 2, 3}),
        )
    if report.kind == "sales":
        sales: list[SalesRow] = report.data
        return Table(
            ("Owner", "Period", "Deals won", f"Won amount {cur}"),
            [(r.owner or "(nobody)", r.period, r.count, m(r.amount)) for r in sales],
            frozenset({2, 3}),
        )
    goals: list[TargetRow] = report.data
    return Table(
        ("Owner", "Month", f"Target {cur}", f"Won {cur}", f"Collected {cur}"),
        [(r.owner or "(nobody)", r.month, m(r.target), m(r.won), m(r.collected)) for r in goals],
        frozenset({2, 3, 4}),
    )


def is_empty(report: Report[Any]) -> bool:
    """Nothing to report (no deal counted, no row)."""
    if report.kind == "funnel":
        return bool(report.data.deals == 0)
    if report.kind == "won_lost":
        return bool(report.data.won.count + report.data.lost.count == 0)
    return not report.data


def text_rows(table: Table) -> list[tuple[str, ...]]:
    """The table as text, the header first."""
    return [table.headers, *(tuple(_text(c) for c in row) for row in table.rows)]


def _text(cell: Cell) -> str:
    if cell is None:
        return "–"
    return str(cell)


def other_codes(data: Any) -> list[str]:
    """The other currencies found in ``as_json``'s answer (the text output names them)."""
    items = data if isinstance(data, list) else [data["won"], data["lost"]]
    return sorted({code for obj in items for code in obj.get("other_currencies", {})})
