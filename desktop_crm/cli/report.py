"""The ``report`` command: a sales report as a table, JSON, an .xlsx sheet or a PNG chart.

``desktop-crm report PATH funnel|forecast|won-lost|win-rate|sales|targets [--from DATE]
[--to DATE] [--pipeline NAME] [--by month|quarter|year] [--language en|zh]
[--json | --xlsx FILE | --png FILE]``. The definitions are issue 13's, the same as the Reports
screen's (``domain/funnel.py``, ``domain/sales_reports.py``); the JSON shapes are in
``report_shapes.py``. Read on a read-only connection, so it works while the app has the file.
matplotlib is imported only for ``--png``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, workspace_arg
from desktop_crm.cli.quotes import print_table
from desktop_crm.cli.report_shapes import as_json, as_table, is_empty, other_codes, text_rows
from desktop_crm.domain.errors import CrmError
from desktop_crm.domain.report_periods import period_days

if TYPE_CHECKING:
    from desktop_crm.services.reports.dto import Report, ReportKind
    from desktop_crm.services.reports.service import ReportService

REPORTS = ("funnel", "forecast", "won-lost", "win-rate", "sales", "targets")

COMMANDS = {
    "report": (
        "a sales report (funnel, forecast, won-lost, win-rate, sales, targets) as a table, "
        "JSON, .xlsx or a PNG chart (also while the app has it open)",
        "write the report",
    ),
}

_DEFINITIONS = """reports (issue 13's definitions, as on the Reports screen):
  funnel     deals CREATED in the period, the pipeline's open stages in order: reached (its
             history holds the stage or a later one; a won deal reached every stage),
             conversion to the next stage (the last to Won) as a ratio 0-1, avg_days in it
  forecast   open deals by month of expected close: count, amount, weighted (amount x
             probability)
  won-lost   deals closed in the period: won and lost (by reason), both by source
  win-rate   per owner, among deals closed in the period: won / (won + lost)
  sales      won amount per owner and --by month|quarter|year (by closing day)
  targets    per owner and month: target, won amount, payments collected on the owner's
             contracts

The period is --from and --to (local days, both included); with neither, THIS YEAR (1 January
to 31 December). Amounts are in the pipeline's currency (without --pipeline: the workspace's;
the funnel reads the default pipeline); deals in other currencies are never converted, JSON
lists them in other_currencies. Amounts in JSON are decimal strings."""


def add_parsers(sub: Any) -> None:
    """Add the report command to the CLI's subparsers."""
    p = sub.add_parser(
        "report",
        help=COMMANDS["report"][0],
        description="Print a sales report, or write it as an .xlsx sheet or a PNG chart. "
        "Works while the app has the workspace open.",
        epilog=_DEFINITIONS,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    workspace_arg(p)
    p.add_argument("report", choices=REPORTS, help="which report")
    p.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        help=(
            "first day, YYYY-MM-DD (with neither --from nor --to: this year; the forecast: "
            "this month and the 11 after it)"
        ),
    )
    p.add_argument("--to", dest="end", metavar="DATE", help="last day, YYYY-MM-DD (both included)")
    p.add_argument("--pipeline", metavar="NAME", help="one pipeline, by name (case ignored)")
    p.add_argument(
        "--by",
        choices=("month", "quarter", "year"),
        default="month",
        help="the sales report's periods (default month)",
    )
    p.add_argument(
        "--language",
        choices=("en", "zh"),
        default="en",
        help="the chart's words with --png (default en)",
    )
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the report as JSON")
    out.add_argument("--xlsx", type=Path, metavar="FILE", help="write the table to an .xlsx file")
    out.add_argument("--png", type=Path, metavar="FILE", help="write the chart to a PNG file")


def cmd_report(args: argparse.Namespace) -> int:
    """``report PATH KIND [--from DATE] [--to DATE] [--pipeline NAME] [--json|--xlsx|--png]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    start = _day(args.start, "--from")
    end = _day(args.end, "--to")
    if start is not None and end is not None and end < start:
        raise UsageError(f"--to {end} is before --from {start}.")
    target = _target(args.xlsx or args.png)
    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        reports = reader.reports
        if start is None and end is None:
            start, end = _default_period(args.report, reports.today())
        report = _read(reports, args, start, end)
    finally:
        reader.close()
    if target is not None:
        return _write(args, report, target)
    data = as_json(report)
    if args.json:
        emit(args, data, "")
        return EXIT_OK
    _print(report, data)
    return EXIT_OK


def _read(
    reports: ReportService, args: argparse.Namespace, start: date | None, end: date | None
) -> Report[Any]:
    pipeline = reports.pipeline_named(args.pipeline).id if args.pipeline else None
    kind: ReportKind = args.report.replace("-", "_")
    if kind == "funnel":
        return reports.funnel(pipeline, start, end)
    if kind == "forecast":
        return reports.forecast(pipeline, start, end)
    if kind == "won_lost":
        return reports.won_lost(pipeline, start, end)
    if kind == "win_rate":
        return reports.win_rate(pipeline, start, end)
    if kind == "sales":
        return reports.sales(pipeline, start, end, args.by)
    return reports.targets(pipeline, start, end)


def _print(report: Report[Any], data: Any) -> None:
    about = report.pipeline or "every pipeline"
    span = f"{report.start or '…'} to {report.end or '…'}"
    print(f"{args_title(report)}: {about}, {span}, amounts in {report.currency}")
    if is_empty(report) and report.kind != "funnel":
        print("Nothing to report in this period.")
        return
    print_table(text_rows(as_table(report)), set(as_table(report).right))
    codes = other_codes(data) if report.kind != "funnel" else []
    if codes:
        print(f"Deals in {', '.join(codes)} are kept apart, not converted (see --json).")


def args_title(report: Report[Any]) -> str:
    """The report's name as the command line spells it."""
    return report.kind.replace("_", "-").capitalize()


def _write(args: argparse.Namespace, report: Report[Any], target: Path) -> int:
    try:
        if args.png is not None:
            from desktop_crm.services.reports.charts import write_png

            write_png(report, target, args.language)
            what = "chart"
        else:
            from desktop_crm.services.reports.sheet_export import write_report_sheet

            table = as_table(report)
            write_report_sheet(target, table.headers, table.rows, args_title(report))
            what = "table"
    except OSError as exc:
        raise CrmError(f"Could not write {target}: {exc.strerror or exc}.") from exc
    print(f"Wrote the {args.report} {what} to {target}.")
    return EXIT_OK


def _target(path: Path | None) -> Path | None:
    """The file to write, its folder checked first (before the workspace is opened)."""
    if path is None:
        return None
    target = path.expanduser().absolute()
    if target.is_dir():
        raise UsageError(f"{target} is a folder; name a file.")
    if not target.parent.is_dir():
        raise UsageError(f"The folder {target.parent} does not exist.")
    return target


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{flag} {text!r} is not a day; write YYYY-MM-DD.") from None


def _default_period(report: str, today: date) -> tuple[date, date]:
    """This year; for the forecast, which looks ahead, this month and the eleven after it."""
    return period_days("next_12_months" if report == "forecast" else "this_year", today)
