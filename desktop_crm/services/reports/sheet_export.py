"""A report's table, as the Reports screen shows it, written to an Excel file.

The screen passes its own headers (in the user's language) and the cells as values: counts
and ratios as numbers, amounts as ``Decimal`` in the report's currency, so the file can be
summed and charted in Excel.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from desktop_crm.spreadsheet.xlsx_stream import write_list_xlsx

SheetCell = str | int | Decimal | None


def write_report_sheet(
    target: Path,
    headers: Sequence[str],
    rows: Sequence[Sequence[SheetCell]],
    sheet_name: str = "Report",
) -> int:
    """Write one sheet to ``target`` (whole, or not at all); how many rows.

    Args:
        target: The .xlsx file; a half-written file never replaces an older one.
        headers: Column titles.
        rows: The cells.
        sheet_name: The sheet's name (the report's).
    """
    partial = target.with_name(target.name + ".part")
    try:
        count = write_list_xlsx(
            partial, headers, rows, [False] * len(headers), sheet_name=_sheet_name(sheet_name)
        )
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return count


def _sheet_name(name: str) -> str:
    """A name Excel accepts: none of its forbidden characters, at most 31 characters."""
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in name).strip()
    return cleaned[:31] or "Report"
