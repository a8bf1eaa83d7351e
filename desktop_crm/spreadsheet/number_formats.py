"""Which cells of an Excel workbook (.xlsx, .xlsm) show their number as a percentage.

calamine reads values without their number formats, so a discount cell Excel shows as "10%"
arrives as 0.1. The formats are read here straight from the file: ``xl/styles.xml`` (the
custom ``numFmts`` and the ``cellXfs`` that use them, a few kilobytes) and the ``s=``
attribute of the sheet's ``<c>`` elements, streamed with ``ElementTree.iterparse`` and cleared
row by row. That is cheaper than openpyxl, which even in read-only mode builds a cell object
(value converted, style looked up) for every cell of every column, wanted or not; here a
cell costs one attribute look-up and a sheet without percent styles is not read at all.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Collection
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

_BUILTIN_PERCENT = frozenset({9, 10})  # "0%" and "0.00%"
_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')  # quoted text, escapes, [colours]
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")
_TEXT_TYPES = frozenset({"s", "str", "inlineStr", "b", "e"})


def is_percent_format(code: str) -> bool:
    """Whether the number format ``code`` shows its number times 100 (``0%``, ``0.0%;-0%``)."""
    return "%" in _LITERALS.sub("", code)


def percent_cells(path: Path, sheet: str, columns: Collection[int]) -> frozenset[tuple[int, int]]:
    """``(row, column)`` (0-based) of the number cells in ``columns`` shown as percentages.

    Anything that cannot be read (not an .xlsx, a damaged part) finds none: the cells are
    then read by their values alone, as before.
    """
    if not columns:
        return frozenset()
    try:
        with zipfile.ZipFile(path) as book:
            styles = _percent_styles(book)
            part = _sheet_part(book, sheet) if styles else None
            if part is None:
                return frozenset()
            with book.open(part) as stream:
                return _cells(stream, styles, frozenset(columns))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, ElementTree.ParseError):
        return frozenset()


def _local(tag: str) -> str:
    """A tag without its namespace (transitional and strict OOXML alike)."""
    return tag.rpartition("}")[2]


def _percent_styles(book: zipfile.ZipFile) -> frozenset[int]:
    """Indexes of the cell styles (``cellXfs``) whose number format is a percentage."""
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    custom = {
        int(fmt.get("numFmtId", "-1")): fmt.get("formatCode", "")
        for fmt in root.iter()
        if _local(fmt.tag) == "numFmt"
    }
    percent = {i for i, code in custom.items() if is_percent_format(code)}
    percent |= _BUILTIN_PERCENT - custom.keys()
    found: set[int] = set()
    for xfs in root:
        if _local(xfs.tag) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in xfs if _local(x.tag) == "xf"):
            if int(xf.get("numFmtId", "0")) in percent:
                found.add(index)
    return frozenset(found)


def _sheet_part(book: zipfile.ZipFile, sheet: str) -> str | None:
    """The path inside the file of the worksheet named ``sheet``."""
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    rid = next(
        (
            value
            for element in workbook.iter()
            if _local(element.tag) == "sheet" and element.get("name") == sheet
            for key, value in element.attrib.items()
            if _local(key) == "id"
        ),
        None,
    )
    if rid is None:
        return None
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for rel in rels:
        if rel.get("Id") == rid:
            target = rel.get("Target", "")
            return (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("xl", target))
            )
    return None


def _cells(
    stream: IO[bytes], styles: frozenset[int], columns: frozenset[int]
) -> frozenset[tuple[int, int]]:
    """The cells of ``columns`` styled with one of ``styles``, the sheet XML streamed."""
    found: set[tuple[int, int]] = set()
    row, col = -1, -1
    for event, element in ElementTree.iterparse(stream, events=("start", "end")):
        tag = _local(element.tag)
        if event == "start":
            if tag == "row":
                number = element.get("r")
                row, col = (int(number) - 1 if number else row + 1), -1
            continue
        if tag == "c":
            ref = _CELL_REF.fullmatch(element.get("r") or "")
            col = _column(ref.group(1)) if ref else col + 1
            style = element.get("s")
            if (
                style is not None
                and col in columns
                and int(style) in styles
                and element.get("t") not in _TEXT_TYPES
            ):
                found.add((row, col))
        elif tag == "row":
            element.clear()
    return frozenset(found)


def _column(letters: str) -> int:
    """``A`` → 0, ``AB`` → 27."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1
