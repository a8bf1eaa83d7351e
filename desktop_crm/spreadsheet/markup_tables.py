"""Tables saved as markup: HTML tables, Excel 2003 XML and flat OpenDocument spreadsheets.

Many web systems' "Export to Excel" writes an HTML table named ``.xls``, older tools write
SpreadsheetML (the Excel 2003 XML workbook) and LibreOffice can save a spreadsheet as one XML
file (.fods). Excel or LibreOffice open them, so users expect us to as well. Cells come out as
the text users see; merged cells keep the columns below them aligned.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any

from desktop_crm.domain.errors import FileFormatError

SPREADSHEET_NS = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + SPREADSHEET_NS + "}"
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_OFFICE = "{" + _ODF_OFFICE + "}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_REPEAT_LIMIT = 1_000  # empty cells or rows repeated more than this only pad the sheet's end
_HTML_START = re.compile(r"<(!doctype\s+html|html|table)\b", re.IGNORECASE)
_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_\-]+)""")
_HIDDEN = ("script", "style", "title")  # not <head>: pages often leave it unclosed
_INLINE_SPACE = re.compile(r"[ \t\r\n\f\xa0]+")
_BREAK = "\x00"  # where a <br> was (no page text holds NUL)

Rows = list[list[Any]]


def markup_kind(text: str) -> str | None:
    """``xml`` (SpreadsheetML), ``fods`` (flat OpenDocument), ``html`` (a page) or ``None``."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return None
    if SPREADSHEET_NS in head and "<Workbook" in head:
        return "xml"
    if _ODF_OFFICE in head and ":document" in head:
        return "fods"
    return "html" if _HTML_START.search(head) else None


def declared_encoding(data: bytes) -> str | None:
    """The encoding a markup file names in its XML declaration or ``<meta>``, if any."""
    found = _CHARSET.search(data[:2048])
    return found.group(1).decode("ascii").lower() if found else None


def read_markup(text: str, kind: str, name: str) -> list[tuple[str, Rows]]:
    """Every table of a markup file as ``(sheet name, rows)``.

    Raises:
        FileFormatError: Damaged XML, or no table at all.
    """
    readers = {"xml": _spreadsheet_xml, "fods": _flat_ods}
    sheets = readers[kind](text, name) if kind in readers else _html_tables(text)
    sheets = [(title, rows) for title, rows in sheets if any(any(r) for r in rows)]
    if not sheets:
        what = {"xml": "Excel 2003 XML workbook", "fods": "OpenDocument file"}.get(kind, "web page")
        raise FileFormatError(f"{name} is a {what} without any table to import.")
    return sheets


# --- HTML -------------------------------------------------------------------------------------


@dataclass
class _Cell:
    parts: list[str] = field(default_factory=list)
    colspan: int = 1
    rowspan: int = 1


@dataclass
class _OpenTable:
    """A ``<table>`` being read: its rows so far and the row and cell being read."""

    index: int  # its place in the page's tables
    rows: Rows = field(default_factory=list)
    row: list[Any] | None = None
    cell: _Cell | None = None
    caption: list[str] | None = None  # text of a <caption> being read
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # column -> rows merged
    title: str = ""


class _Tables(HTMLParser):
    """Collects every ``<table>`` (nested ones separately) as rows of cell texts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[str, Rows]] = []
        self._open: list[_OpenTable] = []  # innermost last
        self._skip = 0  # inside <script>, <style> or <title>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._skip += 1
            return
        if tag == "table":
            self._open.append(_OpenTable(len(self.tables)))
            self.tables.append(("", []))
            return
        if not self._open:
            return
        table = self._open[-1]
        if tag == "tr":
            self._end_row(table)
            table.row = []
        elif tag in ("td", "th"):
            self._end_cell(table)
            if table.row is None:
                table.row = []
            values = dict(attrs)
            table.cell = _Cell(
                colspan=_span(values.get("colspan")), rowspan=_span(values.get("rowspan"))
            )
        elif tag == "br" and table.cell is not None:
            table.cell.parts.append(_BREAK)
        elif tag == "caption":
            table.caption = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._skip = max(0, self._skip - 1)
            return
        if not self._open:
            return
        table = self._open[-1]
        if tag in ("td", "th"):
            self._end_cell(table)
        elif tag == "tr":
            self._end_row(table)
        elif tag == "caption" and table.caption is not None:
            table.title = _clean("".join(table.caption)) or ""
            table.caption = None
        elif tag == "table":
            self._end_row(table)
            self._open.pop()
            self.tables[table.index] = (table.title, table.rows)

    def handle_data(self, data: str) -> None:
        if self._skip or not self._open:
            return
        table = self._open[-1]
        if table.caption is not None:
            table.caption.append(data)
        elif table.cell is not None:
            table.cell.parts.append(data)

    def close(self) -> None:
        super().close()
        while self._open:  # a page cut short: keep what was read
            self.handle_endtag("table")

    def _end_cell(self, table: _OpenTable) -> None:
        cell, row = table.cell, table.row
        if cell is None or row is None:
            return
        table.cell = None
        here = len(table.rows)
        _skip_merged(row, table.spans, here)
        value = _clean("".join(cell.parts))
        for offset in range(cell.colspan):
            if cell.rowspan > 1:
                table.spans[len(row)] = (here, here + cell.rowspan - 1)
            row.append(value if offset == 0 else None)
        _skip_merged(row, table.spans, here)

    def _end_row(self, table: _OpenTable) -> None:
        self._end_cell(table)
        if table.row is not None:
            table.rows.append(table.row)
            table.row = None


def _skip_merged(row: list[Any], spans: dict[int, tuple[int, int]], here: int) -> None:
    """Leave empty the columns a cell merged down from an earlier row still covers."""
    while len(row) in spans and spans[len(row)][0] < here <= spans[len(row)][1]:
        row.append(None)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def _clean(text: str) -> str | None:
    """A cell's text as a browser shows it: white space runs are one space; ``<br>`` breaks."""
    lines = [_INLINE_SPACE.sub(" ", line).strip() for line in text.split(_BREAK)]
    joined = "\n".join(line for line in lines if line)
    return joined or None


def _html_tables(text: str) -> list[tuple[str, Rows]]:
    parser = _Tables()
    parser.feed(text)
    parser.close()
    return [
        (caption or f"Table {n}", rows) for n, (caption, rows) in enumerate(parser.tables, start=1)
    ]


# --- SpreadsheetML (Excel 2003 XML) -----------------------------------------------------------


def _parse_xml(text: str, name: str, what: str) -> ET.Element:
    try:
        return ET.fromstring(text)
    except ET.ParseError as exc:
        raise FileFormatError(
            f"{name} is {what} that cannot be read (it may be damaged): {exc}."
        ) from None


def _spreadsheet_xml(text: str, name: str) -> list[tuple[str, Rows]]:
    root = _parse_xml(text, name, "an Excel 2003 XML workbook")
    sheets = []
    for n, sheet in enumerate(root.iter(f"{_SS}Worksheet"), start=1):
        rows: Rows = []
        table = sheet.find(f"{_SS}Table")
        for row_el in table.iter(f"{_SS}Row") if table is not None else ():
            index = _index(row_el)
            while index is not None and len(rows) < index - 1:
                rows.append([])
            row: list[Any] = []
            for cell in row_el.iter(f"{_SS}Cell"):
                col = _index(cell)
                while col is not None and len(row) < col - 1:
                    row.append(None)
                data = cell.find(f"{_SS}Data")
                row.append(None if data is None else _xml_value(data))
                row.extend([None] * _span_across(cell))
            rows.append(row)
        sheets.append((sheet.get(f"{_SS}Name") or f"Sheet{n}", rows))
    return sheets


def _index(element: ET.Element) -> int | None:
    value = element.get(f"{_SS}Index")
    return int(value) if value and value.isdigit() else None


def _span_across(cell: ET.Element) -> int:
    value = cell.get(f"{_SS}MergeAcross") or "0"
    return min(int(value), 1000) if value.isdigit() else 0


def _xml_value(data: ET.Element) -> Any:
    raw = "".join(data.itertext())
    kind = data.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            number = float(raw)
        except ValueError:
            return raw.strip() or None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "DateTime":
        try:
            moment = datetime.fromisoformat(raw.strip()[:19])
        except ValueError:
            return raw.strip() or None
        return moment.date() if moment.time() == datetime.min.time() else moment
    if kind == "Boolean":
        return raw.strip() in ("1", "true", "TRUE")
    return raw if raw.strip() else None


# --- flat OpenDocument spreadsheet (.fods) ----------------------------------------------------


def _flat_ods(text: str, name: str) -> list[tuple[str, Rows]]:
    root = _parse_xml(text, name, "an OpenDocument file")
    body = root.find(f"{_OFFICE}body")
    if body is None or body.find(f"{_OFFICE}spreadsheet") is None:
        raise FileFormatError(f"{name} is an OpenDocument file but not a spreadsheet.")
    sheets = []
    for n, table in enumerate(body.iter(f"{_TABLE}table"), start=1):
        rows: Rows = []
        for row_el in table.iter(f"{_TABLE}table-row"):
            row: list[Any] = []
            for cell in row_el:
                if cell.tag not in (f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"):
                    continue
                value = _ods_value(cell)
                repeat = _repeat(cell, "number-columns-repeated")
                if value is None and repeat > _REPEAT_LIMIT:
                    continue  # the padding Calc writes up to its last column
                row.extend([value] * repeat)
            while row and row[-1] is None:
                row.pop()
            repeat = _repeat(row_el, "number-rows-repeated")
            if not row and repeat > _REPEAT_LIMIT:
                continue
            rows.extend([list(row) for _ in range(repeat)])
        while rows and not rows[-1]:
            rows.pop()
        sheets.append((table.get(f"{_TABLE}name") or f"Sheet{n}", rows))
    return sheets


def _repeat(element: ET.Element, attribute: str) -> int:
    value = element.get(f"{_TABLE}{attribute}") or "1"
    return int(value) if value.isdigit() else 1


def _ods_value(cell: ET.Element) -> Any:
    kind = cell.get(f"{_OFFICE}value-type")
    if kind in ("float", "percentage", "currency"):
        try:
            number = float(cell.get(f"{_OFFICE}value") or "")
        except ValueError:
            return None
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    if kind == "date":
        raw = cell.get(f"{_OFFICE}date-value") or ""
        try:
            moment = datetime.fromisoformat(raw[:19])
        except ValueError:
            return raw or None
        return moment.date() if len(raw) <= 10 else moment
    if kind == "boolean":
        return cell.get(f"{_OFFICE}boolean-value") == "true"
    paragraphs = ["".join(_ods_text(p)) for p in cell.iter(f"{_TEXT}p")]
    joined = "\n".join(paragraphs)
    return joined if joined.strip() else None


def _ods_text(element: ET.Element) -> list[str]:
    """A paragraph's text, with ``<text:s>`` spaces, tabs and line breaks as written."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{_TEXT}s":
            parts.append(" " * _count(child))
        elif child.tag == f"{_TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{_TEXT}line-break":
            parts.append("\n")
        else:
            parts.extend(_ods_text(child))
        parts.append(child.tail or "")
    return parts


def _count(element: ET.Element) -> int:
    value = element.get(f"{_TEXT}c") or "1"
    return min(int(value), 1000) if value.isdigit() else 1
