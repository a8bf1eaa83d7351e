"""Reading tables from spreadsheets and text files as users really have them.

Excel (.xlsx/.xlsm/.xls), OpenDocument (.ods) through python-calamine, and CSV/TXT with the
encoding (BOM, UTF-16, UTF-8, GB18030, Big5, Shift_JIS, Windows-125x) and delimiter found.
The file's content decides how it is read, not its name: a ".csv" that is really an Excel
file is read as Excel. The header row is found under title rows and merged cells (or judged
absent), and blank rows in the middle of the data are skipped without ending it.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

from desktop_crm.domain.errors import FileFormatError
from desktop_crm.spreadsheet.charsets import plausibility, votes_big5
from desktop_crm.spreadsheet.ldif_table import looks_like_ldif, read_ldif
from desktop_crm.spreadsheet.markup_tables import declared_encoding, markup_kind, read_markup

Cell = str | float | int | bool | date | datetime | time | timedelta | None
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_NOT_TABLES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"{\\rtf": "an RTF document",
}
_ZIPPED_DOCUMENTS = (
    ("word/", "a Word document"),
    ("ppt/", "a PowerPoint presentation"),
    ("Index/", "an Apple Numbers file"),
)
_LEGACY = ("gb18030", "cp932", "big5", "cp1252", "cp1251", "cp1250", "euc_kr")
_SEP_HINT = re.compile(r"sep=(.)\r?\n")
HEADER_SCAN = 30
POOL_LIMIT = 2_000  # distinct values a column pools before it stops trying


@dataclass(frozen=True)
class Table:
    """One sheet (or a text file) read whole.

    Attributes:
        name: The sheet's name (the file name for text files).
        rows: Cells by row, empty cells as ``None``; row ``i`` is line ``i + 1`` of the sheet.
        sheets: Every sheet's name in the file (one for text files).
        kind: ``xlsx``, ``xls``, ``ods``, ``csv``, ``html`` (a web page's tables, which many
            systems export as ".xls"), ``xml`` (an Excel 2003 XML workbook), ``fods`` (a flat
            OpenDocument spreadsheet) or ``ldif`` (an address book, one row per person).
        encoding: The text encoding found (text files only).
        delimiter: The delimiter found (text files only).
    """

    name: str
    rows: list[list[Cell]]
    sheets: tuple[str, ...]
    kind: str
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class Layout:
    """Where a table's header and data are.

    Attributes:
        header_row: Index of the header row, or ``None`` when the table has no header.
        columns: A name per column (from the header, or "Column 1", "Column 2"...).
        data_rows: Indexes of the rows holding data, blank rows left out.
    """

    header_row: int | None
    columns: tuple[str, ...]
    data_rows: tuple[int, ...]


def read_table(path: Path, sheet: int | str = 0) -> Table:
    """Read one sheet of ``path`` (by index or name).

    Raises:
        FileFormatError: Empty, password-protected, corrupt, or not a table at all.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"{path.name} cannot be read: {exc.strerror}.") from None
    if not data.strip():
        raise FileFormatError(f"{path.name} is empty.", path=str(path))
    if data.startswith(_OLE) or data.startswith(_ZIP):
        return _read_workbook(path, data, sheet)
    for magic, what in _NOT_TABLES.items():
        if data.startswith(magic):
            raise _not_a_table(path, what)
    return _read_text(path, data, sheet)


def _not_a_table(path: Path, what: str) -> FileFormatError:
    advice = (
        "Unpack it and import the file inside."
        if what.startswith("a ZIP archive")
        else "Save it from its program as an Excel workbook (.xlsx) or CSV, then import that file."
    )
    return FileFormatError(f"{path.name} is {what}, not a table. {advice}", path=str(path))


def _read_workbook(path: Path, data: bytes, sheet: int | str) -> Table:
    workbook = _open_workbook(path, data)
    tabs = _importable(workbook)
    names = tuple(name for name, _index in tabs)
    if not names:
        raise FileFormatError(f"{path.name} holds no worksheet (only charts).", path=str(path))
    name, index = tabs[_pick_sheet(path, names, sheet)]
    table = _sheet(path, data, workbook, index)
    return Table(name, table.rows, names, table.kind)


def _importable(workbook: Any) -> list[tuple[str, int]]:
    """``(name, index)`` of the worksheets users can import: visible ones first, in tab order.

    Chart and macro sheets hold no rows. Hidden worksheets (lookup lists, old copies) come
    last, so the first sheet offered is the first one users see in Excel.
    """
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    shown: list[tuple[str, int]] = []
    hidden: list[tuple[str, int]] = []
    for index, sheet in enumerate(workbook.sheets_metadata):
        if sheet.typ != SheetTypeEnum.WorkSheet:
            continue
        visible = sheet.visible == SheetVisibleEnum.Visible
        (shown if visible else hidden).append((sheet.name, index))
    return shown + hidden


def read_all_sheets(path: Path) -> dict[str, Table]:
    """Every sheet of a workbook, read in one pass over the file.

    Raises:
        FileFormatError: Not a workbook that can be read.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileFormatError(f"{path.name} cannot be read: {exc.strerror}.") from None
    if not (data.startswith(_OLE) or data.startswith(_ZIP)):
        raise FileFormatError(f"{path.name} is not an Excel or OpenDocument workbook.")
    workbook = _open_workbook(path, data)
    return {
        name: _sheet(path, data, workbook, index) for index, name in enumerate(workbook.sheet_names)
    }


def _open_workbook(path: Path, data: bytes) -> Any:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine raises several types; all mean "cannot read"
        if data.startswith(_ZIP):
            what = _zipped_document(data)
            if what:
                raise _not_a_table(path, what) from None
        encrypted = data.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") in data
        if encrypted or "password" in str(exc).lower() or type(exc).__name__ == "PasswordError":
            raise FileFormatError(
                f"{path.name} is password-protected. Open it in Excel or WPS, remove the "
                "password (File > Info > Protect Workbook), save, and import again.",
                path=str(path),
                reason="password",
            ) from None
        raise FileFormatError(
            f"{path.name} is not a spreadsheet that can be read (it may be damaged): {exc}",
            path=str(path),
        ) from None


def _zipped_document(data: bytes) -> str | None:
    """What a ZIP file that is not a workbook is (Word, PowerPoint, Numbers, an archive)."""
    import zipfile

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    for prefix, what in _ZIPPED_DOCUMENTS:
        if any(name.startswith(prefix) for name in names):
            return what
    if "[Content_Types].xml" in names or "mimetype" in names:
        return None  # a workbook, damaged
    files = [name for name in names if not name.endswith("/")]
    shown = ", ".join(files[:3]) + (f" and {len(files) - 3} more" if len(files) > 3 else "")
    return f"a ZIP archive (holding {shown or 'nothing'})"


def _pick_sheet(path: Path, names: tuple[str, ...], sheet: int | str) -> int:
    """The index of ``sheet`` (a name or an index) among ``names``."""
    if isinstance(sheet, str):
        if sheet not in names:
            raise FileFormatError(
                f"{path.name} has no sheet called “{sheet}”.", path=str(path), sheets=list(names)
            )
        return names.index(sheet)
    if not 0 <= sheet < len(names):
        raise FileFormatError(f"{path.name} has no sheet {sheet + 1}.", path=str(path))
    return sheet


def _sheet(path: Path, data: bytes, workbook: Any, index: int) -> Table:
    names = tuple(workbook.sheet_names)
    try:
        rows = _cells(workbook.get_sheet_by_index(index))
    except Exception as exc:
        raise FileFormatError(
            f"{path.name}: sheet “{names[index]}” cannot be read: {exc}", path=str(path)
        ) from None
    kind = (
        "ods"
        if data.startswith(_ZIP) and b"opendocument" in data[:200]
        else ("xls" if data.startswith(_OLE) else "xlsx")
    )
    return Table(names[index], rows, names, kind)


def _cells(sheet: Any) -> list[list[Cell]]:
    """A calamine sheet's rows, row by row (one copy in memory, not two).

    Values that repeat down a column (cities, sources, levels) share one string: a column
    keeps a pool until it has seen ``POOL_LIMIT`` different values (a column of unique
    values, such as emails, soon stops pooling).
    """
    skipped = (sheet.start or (0, 0))[1]  # calamine leaves out leading empty columns
    pools: list[dict[Any, Any] | None] = []
    rows: list[list[Cell]] = []
    for raw in sheet.iter_rows():
        row: list[Cell] = [None] * skipped
        if len(pools) < len(raw):
            pools += [{} for _ in range(len(raw) - len(pools))]
        for col, value in enumerate(raw):
            if value.__class__ is str:
                if not value or value.isspace():
                    row.append(None)
                    continue
                pool = pools[col]
                if pool is not None:
                    value = pool.setdefault(value, value)
                    if len(pool) > POOL_LIMIT:
                        pools[col] = None
                row.append(value)
            else:
                row.append(_cell(value))
        rows.append(row)
    return rows


def _cell(value: Any) -> Cell:
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value  # type: ignore[no-any-return]


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)`` of a text file: BOMs first, then UTF-16, UTF-8, legacy codepages."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec), codec.replace("-sig", "")
    head = data[:400]
    if head.count(b"\x00") > len(head) // 4:
        codec = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    scored = []
    for order, codec in enumerate(_LEGACY):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        scored.append((plausibility(text), -order, codec, text))
    if not scored:
        return data.decode("gb18030", errors="replace"), "gb18030"
    scored.sort(reverse=True)
    best_score, _o, codec, text = scored[0]
    if codec == "gb18030" and votes_big5(data):
        for score, _o2, other, other_text in scored:
            if other == "big5" and score >= best_score * 0.9:
                return other_text, "big5"
    return text, codec


def _read_text(path: Path, data: bytes, sheet: int | str = 0) -> Table:
    if (
        b"\x00" in data[:4096]
        and not data[:4096].count(b"\x00") > 1000
        and not (data.startswith((b"\xff\xfe", b"\xfe\xff")))
    ):
        raise FileFormatError(
            f"{path.name} is not a text table (it holds binary data).", path=str(path)
        )
    text, encoding = decode_text(data)
    markup = markup_kind(text)
    if markup:
        return _markup_table(path, data, text, encoding, markup, sheet)
    if looks_like_ldif(text):
        columns, entries = read_ldif(text)
        rows: list[list[Cell]] = [list(columns)]
        rows += cast(list[list[Cell]], entries)
        return Table(path.name, rows, (path.name,), "ldif", encoding)
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" first line names the delimiter
        text, delimiter = text[hint.end() :], hint.group(1)
    else:
        delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows = [[_text_cell(c) for c in row] for row in reader]
    except csv.Error as exc:
        raise FileFormatError(
            f"{path.name} is not a readable CSV file: {exc}.", path=str(path)
        ) from None
    return Table(path.name, rows, (path.name,), "csv", encoding, delimiter)


def _text_cell(value: str) -> str | None:
    """A CSV field; ``="0123"`` (how exports keep leading zeros from Excel) is its text."""
    if not value or value.isspace():
        return None
    if value.startswith('="') and value.endswith('"') and len(value) > 2:
        return value[2:-1].replace('""', '"') or None
    return value


def _markup_table(
    path: Path, data: bytes, text: str, encoding: str, kind: str, sheet: int | str
) -> Table:
    declared = declared_encoding(data)
    if declared and not encoding.startswith("utf"):
        # Bytes that are valid UTF-8 (or carry a BOM) are what they say; otherwise the page's
        # own charset beats a guess between legacy codepages.
        with contextlib.suppress(LookupError, UnicodeDecodeError):
            text, encoding = data.decode(declared), declared
    sheets = read_markup(text, kind, path.name)
    names = tuple(name for name, _rows in sheets)
    index = _pick_sheet(path, names, sheet)
    rows = [[_cell(value) for value in row] for row in sheets[index][1]]
    return Table(names[index], rows, names, kind, encoding)


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t|"}
        return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def layout(rows: Sequence[list[Cell]]) -> Layout:
    """Find the header row (under titles and merged cells) and the data rows."""
    filled = [len(row) - row.count(None) for row in rows]
    widest = max(filled[:HEADER_SCAN], default=0)
    header = None
    for index, row in enumerate(rows[:HEADER_SCAN]):
        cells = [c for c in row if c is not None]
        texts = [c for c in cells if isinstance(c, str) and not _numberish(c)]
        # A header names most columns, with text; a title row fills one merged cell.
        if (
            len(texts) >= 2
            and len(cells) >= max(2, widest * 0.6)
            and len(texts) >= len(cells) * 0.8
        ):
            later = [f for f in filled[index + 1 : index + 6] if f]
            if later:
                header = index
                break
    width = max((len(r) for r in rows), default=0)
    if header is None:
        names = [f"Column {i + 1}" for i in range(width)]
        start = 0
    else:
        names = []
        for i in range(width):
            value = rows[header][i] if i < len(rows[header]) else None
            name = re.sub(r"\s+", " ", str(value)).strip() if value is not None else ""
            names.append(name or f"Column {i + 1}")
        start = header + 1
    data = tuple(i for i in range(start, len(rows)) if filled[i])
    return Layout(header, tuple(names), data)


def _numberish(text: str) -> bool:
    return bool(re.fullmatch(r"[\s+\-0-9.,:/%]+", text))
