"""Checks of what the app runs on: SQLite's full-text search, and fonts embedded in a PDF."""

from __future__ import annotations

import ctypes
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_crm.services.selftest.dto import StepFailed

# Words for the FTS5 check: a Chinese 3-gram and a Latin substring must each find their row.
_ROWS = ("星辰文化传媒有限公司", "Northwind Widgets Ltd")
_QUERIES = (("文化传", _ROWS[0]), ("idget", _ROWS[1]))

# ``N 0 obj << ... >>`` up to its stream or its end: the dictionaries of a PDF's objects.
_OBJECT = re.compile(rb"(\d+)\s+\d+\s+obj\b(.*?)(?:\bstream\b|\bendobj\b)", re.S)
_EMBEDDED = re.compile(rb"/FontFile[23]\s+\d+\s+\d+\s+R")


def check_sqlite(connect: Callable[[str], sqlite3.Connection] | None = None) -> str:
    """Check that the sqlite3 module in use has FTS5 with the trigram tokenizer.

    The search index is an FTS5 trigram table: without it no workspace opens.

    Args:
        connect: Opens a connection (``sqlite3.connect`` by default; tests pass a fake).

    Returns:
        The SQLite version.

    Raises:
        StepFailed: FTS5 or its trigram tokenizer is missing, or a match finds the wrong row.
    """
    version = sqlite3.sqlite_version
    con = (connect or sqlite3.connect)(":memory:")
    try:
        con.execute("CREATE VIRTUAL TABLE probe USING fts5(body, tokenize='trigram')")
        con.executemany("INSERT INTO probe(body) VALUES (?)", [(row,) for row in _ROWS])
        for query, expected in _QUERIES:
            found = [
                r[0]
                for r in con.execute("SELECT body FROM probe WHERE probe MATCH ?", (f'"{query}"',))
            ]
            if found != [expected]:
                raise StepFailed(
                    f"SQLite {version}: FTS5 trigram search for {query!r} found {found}"
                )
    except sqlite3.Error as exc:
        raise StepFailed(f"SQLite {version} has no FTS5 trigram tokenizer ({exc})") from exc
    finally:
        con.close()
    return version


def check_pdf_text(path: Path, needle: str) -> set[str]:
    """Check that ``needle`` extracts from the PDF's first page in fonts embedded in the file.

    PDFium (pypdfium2, what the app's preview uses) reads the text and names the font of each
    of ``needle``'s characters; the file's own bytes must then hold that font's program (a
    ``/FontFile2`` or ``/FontFile3`` in its descriptor). A font PDF readers substitute
    (reportlab's non-embedded CID font ``STSong-Light``) fails: the quote would look different
    on the customer's machine, or show boxes.

    Args:
        path: The PDF.
        needle: Text the page must hold (Chinese, to test the Chinese font).

    Returns:
        The names of the fonts that draw ``needle``.

    Raises:
        StepFailed: The text is not there, or a font drawing it is not embedded.
    """
    fonts = _fonts_drawing(path, needle)
    objects = {int(m[1]): m[2] for m in _OBJECT.finditer(path.read_bytes())}
    for name in fonts:
        _check_embedded(objects, name, needle)
    return fonts


def _fonts_drawing(path: Path, needle: str) -> set[str]:
    """The base font names PDFium reports for ``needle``'s characters, checked as embedded."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        textpage = page.get_textpage()
        try:
            count = pdfium_c.FPDFText_CountChars(textpage.raw)
            # One character per index (generated line breaks included), so indices match.
            text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
            at = text.find(needle)
            if at < 0:
                shown = " ".join(text.split())[:80]
                raise StepFailed(f"{needle!r} does not extract from the PDF (it reads {shown!r})")
            fonts = set()
            for i in range(at, at + len(needle)):
                obj = pdfium_c.FPDFText_GetTextObject(textpage.raw, i)
                font = pdfium_c.FPDFTextObj_GetFont(obj) if obj else None
                if not font:
                    raise StepFailed(f"PDFium finds no font for {text[i]!r} of {needle!r}")
                name = _base_font_name(pdfium_c, font)
                if not pdfium_c.FPDFFont_GetIsEmbedded(font):
                    raise StepFailed(f"the font drawing {needle!r} ({name}) is not embedded")
                fonts.add(name)
            return fonts
        finally:
            textpage.close()
            page.close()
    finally:
        pdf.close()


def _base_font_name(pdfium_c: Any, font: Any) -> str:
    size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, size)
    return buffer.value.decode("latin-1")


def _check_embedded(objects: dict[int, bytes], name: str, needle: str) -> None:
    """Every font object named ``name`` (any subset prefix) has a font program in the file."""
    named = re.compile(
        rb"/BaseFont\s*/(?:[A-Z]{6}\+)?" + re.escape(name.encode("latin-1")) + rb"(?![^\s/>\]\[])"
    )
    found = [body for body in objects.values() if named.search(body)]
    if not found:
        raise StepFailed(f"the PDF has no font object {name} (the font drawing {needle!r})")
    for body in found:
        descriptor = _descriptor(objects, body)
        if descriptor is None or not _EMBEDDED.search(descriptor):
            raise StepFailed(
                f"the font drawing {needle!r} ({name}) has no /FontFile2 or /FontFile3: "
                "it is not embedded"
            )


def _descriptor(objects: dict[int, bytes], font: bytes) -> bytes | None:
    """A font's descriptor, or its descendant CID font's (a Type0 font has none of its own)."""
    ref = re.search(rb"/FontDescriptor\s+(\d+)\s+\d+\s+R", font)
    if ref:
        return objects.get(int(ref[1]))
    child = re.search(rb"/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R", font)
    if child and int(child[1]) in objects:
        ref = re.search(rb"/FontDescriptor\s+(\d+)\s+\d+\s+R", objects[int(child[1])])
        if ref:
            return objects.get(int(ref[1]))
    return None
