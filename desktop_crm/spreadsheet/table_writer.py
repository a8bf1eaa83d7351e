"""Writing lists to .xlsx and .csv that Excel and WPS open as users expect.

xlsx: bold frozen header, autofilter, widths from the content, real dates and numbers, phone
numbers and codes as text (no 1.38E+10, no lost leading zero). csv: UTF-8 with a BOM, so
Excel shows Chinese.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop_crm.spreadsheet.xlsx_stream import cell_text, write_list_xlsx

TEXT_COLUMNS = frozenset({"phone", "number", "postcode", "sku"})


def write_xlsx(
    target: Path, headers: Sequence[str], keys: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Write ``rows`` under ``headers``; ``keys`` name the columns (phones and codes stay text)."""
    text = [key in TEXT_COLUMNS for key in keys]
    count = 0

    def save(path: str) -> None:
        nonlocal count
        count = write_list_xlsx(Path(path), headers, rows, text)

    _save(target, save)
    return count


def write_sheets(
    target: Path, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> None:
    """Write several sheets of ``(name, headers, rows)``, streaming.

    Bold frozen headers and nothing more: workspace exports hold every table and must stay
    quick to write.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, headers, rows in sheets:
        sheet = workbook.create_sheet(name[:31])
        sheet.freeze_panes = "A2"
        cells = []
        for title in headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            cells.append(cell)
        sheet.append(cells)
        for row in rows:
            sheet.append(list(row))
    _save(target, workbook.save)


def write_csv(target: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write ``rows`` as UTF-8 CSV with a BOM (Excel then reads Chinese correctly)."""
    count = 0

    def save(path: str) -> None:
        nonlocal count
        with open(path, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            for row in rows:
                writer.writerow(["" if v is None else cell_text(v) for v in row])
                count += 1

    _save(target, save)
    return count


def _save(target: Path, save: Any) -> None:
    """Write to a temporary file and move it into place: never half a file."""
    tmp = target.with_name(target.name + ".part")
    try:
        save(str(tmp))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
