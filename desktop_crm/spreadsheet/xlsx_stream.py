# ruff: noqa: E501  (OOXML namespace and content-type strings are longer than a line)
"""A small streaming .xlsx writer for one-sheet lists: several times faster than openpyxl.

It writes what list exports need and nothing else: a bold frozen header, an autofilter,
column widths, inline strings, numbers, yes/no, and dates and moments as real Excel dates.
Rows go straight into the zip; only the first 200 are held to size the columns.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

_EPOCH = datetime(1899, 12, 30)
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
SIZING_ROWS = 200

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets>'
    '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
    "'{name}'!$A$1:${last}${rows}</definedName></definedNames>"
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Styles: 0 plain, 1 bold (header), 2 date, 3 date and time, 4 whole amount (#,##0),
# 5 amount with cents (#,##0.00): a Decimal shows the places it holds (see ``_decimal``).
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>'
    '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    "</cellStyles></styleSheet>"
)


def write_list_xlsx(
    target: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    text_columns: Sequence[bool],
    sheet_name: str = "List",
) -> int:
    """Write one sheet to ``target``; how many data rows.

    Args:
        target: The .xlsx file (written whole; the caller moves it into place).
        headers: Column titles (bold, frozen, with an autofilter).
        rows: Values: text, numbers, ``Decimal``, ``bool``, ``date``, aware ``datetime``
            (shown in local time), ``None``.
        text_columns: Per column, whether numbers must stay text (phones, codes).
        sheet_name: The sheet's name.
    """
    letters = [_letter(i) for i in range(len(headers))]
    iterator = iter(rows)
    head = [list(r) for _, r in zip(range(SIZING_ROWS), iterator, strict=False)]
    widths = [max(8, min(40, _width(h) + 2)) for h in headers]
    for row in head:
        for i, value in enumerate(row):
            if value is not None:
                widths[i] = max(widths[i], min(40, _width(cell_text(value)) + 2))
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _RELS)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w") as raw:
            count = _sheet(raw, headers, widths, letters, _chain(head, iterator), text_columns)
        name = _escape(sheet_name[:31]).replace("'", "''")
        book.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(name=name, last=letters[-1] if letters else "A", rows=count + 1),
        )
    return count


def _chain(head: list[list[Any]], rest: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    yield from head
    yield from rest


def _sheet(
    raw: IO[bytes],
    headers: Sequence[str],
    widths: list[int],
    letters: list[str],
    rows: Iterable[Sequence[Any]],
    text_columns: Sequence[bool],
) -> int:
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>'
    ]
    out += [
        f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(widths, 1)
    ]
    out.append('</cols><sheetData><row r="1">')
    out += [
        f'<c r="{letters[i]}1" t="inlineStr" s="1"><is><t>{_escape(h)}</t></is></c>'
        for i, h in enumerate(headers)
    ]
    out.append("</row>")
    count = 0
    for number, row in enumerate(rows, start=2):
        cells = [f'<row r="{number}">']
        for i, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{letters[i]}{number}"
            if isinstance(value, str) or text_columns[i]:
                text = value if isinstance(value, str) else cell_text(value)
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_escape(text)}</t></is></c>'
                )
            elif isinstance(value, bool):
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, Decimal):
                cells.append(_decimal(ref, value))
            elif isinstance(value, int | float):
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
            elif isinstance(value, datetime):
                local = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
                serial = (local - _EPOCH).total_seconds() / 86400
                cells.append(f'<c r="{ref}" s="3"><v>{serial:.8f}</v></c>')
            elif isinstance(value, date):
                cells.append(f'<c r="{ref}" s="2"><v>{(value - _EPOCH.date()).days}</v></c>')
            else:
                cells.append(
                    f'<c r="{ref}" t="inlineStr"><is><t>{_escape(str(value))}</t></is></c>'
                )
        cells.append("</row>")
        out.append("".join(cells))
        count += 1
        if len(out) >= 2000:
            raw.write("".join(out).encode("utf-8"))
            out = []
    last = letters[-1] if letters else "A"
    out.append(f'</sheetData><autoFilter ref="A1:{last}{count + 1}"/></worksheet>')
    raw.write("".join(out).encode("utf-8"))
    return count


def _decimal(ref: str, value: Decimal) -> str:
    """A number cell; amounts rounded to 0 or 2 places get the matching number format."""
    places = -int(value.as_tuple().exponent) if value.is_finite() else -1
    style = {0: ' s="4"', 2: ' s="5"'}.get(places, "")
    return f'<c r="{ref}"{style}><v>{value:f}</v></c>'


def _escape(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _ILLEGAL.sub("", text)


def cell_text(value: Any) -> str:
    """A value as a list shows it in text (moments in local time, whole floats bare)."""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return f"{value:f}"  # 73500.00, never 7.35E+4
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)  # CJK is twice as wide


def _letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
