"""Choosing the font that prints Chinese: TrueType only, shipped before system, CID last.

The fonts are built in the test with fontTools, so the choice is checked on any machine: one
with TrueType outlines, one with CFF outlines (which reportlab cannot embed), one without Chinese.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from pypdf import PdfReader

from desktop_crm.documents.fonts import (
    CID_FALLBACK,
    PROBE,
    choose_font,
    register,
    system_font_paths,
    usable_face,
)

TEXT = PROBE + "ABC 123"


def _square(pen) -> None:
    pen.moveTo((100, 0))
    pen.lineTo((100, 700))
    pen.lineTo((800, 700))
    pen.lineTo((800, 0))
    pen.closePath()


def build_font(path: Path, chars: str, *, cff: bool = False, family: str = "Test CJK") -> Path:
    """A font whose every glyph is a square, mapping ``chars``."""
    names = [".notdef"] + [f"uni{ord(c):04X}" for c in chars]
    builder = FontBuilder(1000, isTTF=not cff)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): f"uni{ord(c):04X}" for c in chars})
    if cff:
        strings = {}
        for name in names:
            pen = T2CharStringPen(900, None)
            _square(pen)
            strings[name] = pen.getCharString()
        builder.setupCFF(family.replace(" ", ""), {"FullName": family}, strings, {})
    else:
        glyphs = {}
        for name in names:
            pen = TTGlyphPen(None)
            _square(pen)
            glyphs[name] = pen.glyph()
        builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: (900, 100) for name in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))
    return path


@pytest.fixture
def fonts(tmp_path: Path) -> dict[str, Path]:
    return {
        "truetype": build_font(tmp_path / "cjk.ttf", TEXT, family="Shipped CJK"),
        "cff": build_font(tmp_path / "cjk.otf", TEXT, cff=True),
        "latin": build_font(tmp_path / "latin.ttf", "ABC 123"),
    }


def test_only_truetype_faces_with_chinese_are_usable(fonts):
    assert usable_face(fonts["truetype"]) == (0, "Shipped CJK")
    assert usable_face(fonts["cff"]) is None  # reportlab cannot embed CFF outlines
    assert usable_face(fonts["latin"]) is None
    assert usable_face(fonts["truetype"].with_name("missing.ttf")) is None
    broken = fonts["truetype"].with_name("broken.ttf")
    broken.write_bytes(b"\x00\x01\x00\x00" + b"junk" * 10)
    assert usable_face(broken) is None


def test_shipped_before_system_before_cid(fonts):
    shipped = choose_font(shipped=[fonts["truetype"]], system=[fonts["cff"]])
    assert (shipped.source, shipped.path, shipped.embedded) == ("shipped", fonts["truetype"], True)
    system = choose_font(shipped=[fonts["latin"]], system=[fonts["cff"], fonts["truetype"]])
    assert (system.source, system.path) == ("system", fonts["truetype"])
    fallback = choose_font(shipped=[], system=[fonts["cff"], fonts["latin"]])
    assert (fallback.source, fallback.path, fallback.family) == ("cid", None, CID_FALLBACK)
    assert not fallback.embedded


def test_each_os_has_its_usual_places():
    assert any("msyh" in str(p) for p in system_font_paths("win32"))
    assert any("STHeiti" in str(p) for p in system_font_paths("darwin"))
    assert any("wqy" in str(p) for p in system_font_paths("linux"))


def _draw(path: Path, font_name: str) -> Path:
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    pdf.setFont(font_name, 14)
    pdf.drawString(72, 720, PROBE)
    pdf.save()
    return path


def _font_files(pdf: Path) -> list[str]:
    """The base names of the fonts of page 1 whose outlines are embedded."""
    found = []
    for font in PdfReader(pdf).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                found.append(str(font["/BaseFont"]))
    return found


def test_a_truetype_choice_embeds_its_glyphs_and_text_reads_back(fonts, tmp_path):
    name = register(choose_font(shipped=[fonts["truetype"]], system=[]), "Test-CJK")
    pdf = _draw(tmp_path / "t.pdf", name)
    assert PROBE in PdfReader(pdf).pages[0].extract_text()
    assert _font_files(pdf)  # a subset of the font travels inside the file


def test_the_cid_fallback_draws_chinese_without_embedding(tmp_path):
    name = register(choose_font(shipped=[], system=[]))
    assert name == CID_FALLBACK
    pdf = _draw(tmp_path / "cid.pdf", name)
    assert PROBE in PdfReader(pdf).pages[0].extract_text()
    assert _font_files(pdf) == []


def test_the_shipped_font_is_chosen_and_covers_gb2312():
    from fontTools.ttLib import TTFont as ToolsFont

    from desktop_crm.documents.fonts import SHIPPED_FONTS

    choice = choose_font(system=[])
    assert choice.source == "shipped" and choice.path is not None
    assert choice.path.parent == SHIPPED_FONTS
    assert choice.path.stat().st_size < 10_000_000  # the budget for a shipped font
    cmap = ToolsFont(str(choice.path), lazy=True).getBestCmap()
    gb2312 = {
        ord(bytes([lead, trail]).decode("gb2312"))
        for lead in range(0xB0, 0xF8)
        for trail in range(0xA1, 0xFF)
        if not (lead == 0xD7 and trail >= 0xFA)  # row 55 ends at F9: five unassigned points
    }
    assert not {c for c in gb2312 if c not in cmap}
    assert all(ord(c) in cmap for c in "喆堃镕珺¥€")  # common name characters beyond GB2312
