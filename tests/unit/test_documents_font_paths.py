"""Every text of a document is drawn in the chosen font: shipped, system TrueType or CID.

The glyph check reads the font programs embedded in the PDF with fontTools and every text
operator of every page (see ``test_documents_support.embedded_coverage``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from desktop_crm.documents import fonts
from desktop_crm.documents.document_data import Instalment
from tests.unit.test_documents_support import (
    Item,
    base_fonts,
    build,
    contains,
    embedded_coverage,
    font_dicts,
    page_texts,
    render,
)

CHINESE: list[Item | str] = [
    "硬件设备",
    Item("机架式服务器，双路 16 核处理器（含导轨）", "2", "48500", "13", "5", unit="台"),
    Item("管理员培训：不超过 8 人；含教材", "1", "6500", "6", optional=True, unit="场"),
]


def _documents() -> list[tuple[object, str]]:
    zh = build(CHINESE, language="zh", valid_until=date(2026, 1, 7), notes="备注：价格含税。")
    plan = (Instalment(date(2026, 1, 15), zh.totals.total, D(100)),)
    contract = build(
        CHINESE,
        kind="contract",
        language="zh",
        instalments=plan,
        starts_on=date(2026, 1, 1),
        terms="合同条款：质保三年。",
    )
    en = build([Item("Rack server", "2", "48500")], currency="GBP", revision=2)
    return [
        (zh, "quote-classic"),
        (zh, "quote-modern"),
        (contract, "contract-standard"),
        (en, "quote-modern"),
    ]


@pytest.mark.parametrize(("doc", "template"), _documents())
def test_every_character_drawn_is_in_the_embedded_shipped_font(doc, template):
    pdf, info = render(doc, template)
    assert (info.font_source, info.font) == ("shipped", fonts.SHIPPED_FAMILY)
    assert base_fonts(pdf) == {"WenQuanYiMicroHei"}  # header, footer, table: one font, no Helvetica
    drawn, notdef = embedded_coverage(pdf)
    assert notdef == 0
    text = "\n".join(page_texts(pdf))
    assert {c for c in text if not c.isspace()} <= drawn  # what reads back was drawn in it
    if doc.language == "zh":
        assert {"报", "价", "单", "甲", "乙", "（", "）", "：", "¥"} & drawn
        assert contains(text, "机架式服务器，双路 16 核处理器（含导轨）")


def _system_choice() -> fonts.FontChoice:
    present = [p for p in fonts.system_font_paths() if p.is_file()]
    choice = fonts.choose_font(shipped=[], system=present)
    if choice.source != "system":
        pytest.skip("no Chinese TrueType font on this machine (CI installs fonts-wqy-microhei)")
    return choice


def test_a_system_truetype_font_when_none_is_shipped():
    choice = _system_choice()
    doc = build(CHINESE, language="zh")
    pdf, info = render(doc, font=choice)
    assert (info.font_source, info.font) == ("system", choice.family)
    assert len(base_fonts(pdf)) == 1  # every text in the system font
    drawn, notdef = embedded_coverage(pdf)
    assert notdef == 0 and set("机架式服务器") <= drawn
    assert contains("\n".join(page_texts(pdf)), "机架式服务器，双路 16 核处理器（含导轨）")


def test_the_cid_font_when_no_truetype_font_is_usable(tmp_path):
    choice = fonts.choose_font(shipped=[tmp_path / "missing.ttf"], system=[])
    assert choice.source == "cid"
    doc = build(CHINESE, language="zh")
    pdf, info = render(doc, font=choice)
    assert (info.font_source, info.font) == ("cid", "STSong-Light")
    assert {name.split("-UniGB")[0] for name in base_fonts(pdf)} == {"STSong-Light"}
    for font in font_dicts(pdf):  # nothing embedded: the reader draws STSong from its own fonts
        for descendant in font.get("/DescendantFonts", [font]):
            descriptor = descendant.get_object().get("/FontDescriptor")
            assert descriptor is None or "/FontFile2" not in descriptor.get_object()
    text = "\n".join(page_texts(pdf))
    for expected in ("报价单", "机架式服务器", "大写金额", "合计", "第 1 页 共 1 页", "¥"):
        assert contains(text, expected), expected
    raw = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)
    assert "\xa0" not in raw  # no characters of our own a reader's CJK font may lack


def test_the_shipped_font_is_trusted_without_reading_it(monkeypatch):
    def never(*args: object) -> None:
        raise AssertionError("the shipped font's cmap was read")

    monkeypatch.setattr(fonts, "usable_face", never)
    fonts.default_font.cache_clear()
    try:
        choice = fonts.default_font()
        assert (choice.source, choice.path, choice.family) == (
            "shipped",
            fonts.SHIPPED_FONT,
            "WenQuanYi Micro Hei",
        )
    finally:
        fonts.default_font.cache_clear()


def test_a_font_is_registered_once_per_process():
    choice = fonts.default_font()
    name = fonts.registered_name(choice)
    count = len(pdfmetrics.getRegisteredFontNames())
    render(build([Item("Server")]))
    render(build([Item("服务器")], language="zh"))
    assert fonts.registered_name(choice) == name
    assert len(pdfmetrics.getRegisteredFontNames()) == count
