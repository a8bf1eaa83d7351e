"""Spreadsheet files for import tests, written the way other software writes them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook


def write_xlsx(path: Path, header: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Path:
    """A one-sheet workbook: ``header`` then ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def write_csv(
    path: Path, header: Sequence[Any], rows: Iterable[Sequence[Any]], encoding: str
) -> Path:
    """A CSV file in ``encoding`` with CRLF line ends; a cell holding a comma is quoted."""

    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        return f'"{text}"' if "," in text else text

    lines = [",".join(map(str, header))] + [",".join(cell(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path
