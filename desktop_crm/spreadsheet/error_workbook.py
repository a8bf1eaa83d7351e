"""The error workbook: every failed row with its reason and its original cells.

The user fixes it and imports it again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from desktop_crm.spreadsheet.contact_rows import FailedRow


def write_error_workbook(target: Path, columns: Sequence[str], failed: Sequence[FailedRow]) -> Path:
    """Write ``failed`` to an .xlsx at ``target`` (bold frozen header, reasons first)."""
    from openpyxl import Workbook  # heavy: only when there is something to write
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Failed rows"
    sheet.append(["Row", "Reason", *columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in failed:
        sheet.append([row.number, row.reason, *(_plain(v) for v in row.cells)])
    sheet.column_dimensions["B"].width = 30
    workbook.save(target)
    return target


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool | date | datetime | time):
        return value
    return str(value)
