"""What the reports service returns: a report with what it is about, and its table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Generic, Literal, TypeVar

from desktop_crm.domain.funnel import Funnel
from desktop_crm.domain.sales_reports import (
    Bucket,
    ForecastRow,
    SalesRow,
    TargetRow,
    WinRateRow,
    WonLost,
)

ReportKind = Literal["funnel", "forecast", "won_lost", "win_rate", "sales", "targets"]
REPORT_KINDS: tuple[ReportKind, ...] = (
    "funnel",
    "forecast",
    "won_lost",
    "win_rate",
    "sales",
    "targets",
)
Cell = str | int | Decimal | None
ReportData = (
    Funnel | list[ForecastRow] | WonLost | list[WinRateRow] | list[SalesRow] | list[TargetRow]
)
T = TypeVar("T", bound=ReportData)


@dataclass(frozen=True)
class Report(Generic[T]):
    """One report's answer.

    Attributes:
        kind: Which report.
        pipeline: The pipeline's name (``None``: every pipeline).
        currency: The currency its amounts are in (others are kept apart, never converted).
        start: The period's first day (``None``: from the beginning).
        end: Its last day (``None``: on and on).
        data: The domain's answer: a :class:`Funnel`, a list of forecast, win-rate, sales or
            target rows, or a :class:`WonLost`.
        bucket: The sales report's periods (month, quarter or year).
    """

    kind: ReportKind
    pipeline: str | None
    currency: str
    start: date | None
    end: date | None
    data: T
    bucket: Bucket = "month"


@dataclass(frozen=True)
class ReportTable:
    """A report as a table: what the text output, the .xlsx file and the chart read.

    Attributes:
        columns: Column keys (``stage``, ``reached``…), the header in English.
        rows: Cells per row: text, counts, ratios and amounts (Decimal), or empty.
        money_columns: Keys of the columns holding amounts in the report's currency.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    money_columns: frozenset[str] = frozenset()
