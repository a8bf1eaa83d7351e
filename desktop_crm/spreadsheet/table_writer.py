"""Writing lists to .xlsx and .csv that Excel and WPS open as users expect.

xlsx: bold frozen header, autofilter, widths from the content, real dates and numbers, phone
numbers and codes as text (no 1.38E+10, no lost leading zero). csv: UTF-8 with a BOM, so
Excel shows Chinese.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

TEXT_COLUMNS = frozenset({"phone", "number", "postcode", "sku"})


def write_xlsx(
    target: Path, headers: Sequence[str], keys: Sequence[str], rows: Iterable[Sequence[Any]]
) -> int:
    """Write ``rows`` under ``headers``; ``keys`` name the columns (phones stay text)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("List")
    widths = [max(8, min(40, _width(h) + 2)) for h in headers]
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.freeze_panes = "A2"
    buffered: list[list[Any]] = []
    count = 0
    for row in rows:
        values = []
        for i, (key, value) in enumerate(zip(keys, row, strict=True)):
            value = _excel_value(key, value)
            if value is not None and count < 200:
                widths[i] = max(widths[i], min(40, _width(str(value)) + 2))
            values.append(value)
        buffered.append(values)
        count += 1
    for i, width in enumerate(widths):
        sheet.column_dimensions[_column_letter(i)].width = width
    sheet.auto_filter.ref = f"A1:{_column_letter(len(headers) - 1)}{max(count + 1, 1)}"
    sheet.append(header_cells)
    for values in buffered:
        sheet.append(values)
    _save(target, workbook.save)
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
                writer.writerow(["" if v is None else _text(v) for v in row])
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


def _excel_value(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in TEXT_COLUMNS:
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone().replace(tzinfo=None) if value.tzinfo else value
    return value


def _text(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is twice as wide


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
