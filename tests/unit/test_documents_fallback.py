"""Characters the document font lacks, parties without a name, and addresses in any language.

A fallback font made for the test (every glyph a square) stands in for the system fonts, so
what is drawn where does not depend on the fonts of the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop_crm.documents import fonts
from desktop_crm.documents.document_data import CompanyProfile, Party
from desktop_crm.documents.samples import sample_document, sample_profile
from tests.unit.test_document_fonts import build_font
from tests.unit.test_documents_support import (
    Item,
    build,
    contains,
    embedded_coverage,
    page_texts,
    render,
)

KOREAN = "한국어"
RARE = "\U00020bb7"  # 𠮷, outside GBK
GREEK = "ά"
EMOJI = "\U0001f600"


@pytest.fixture
def fallback(tmp_path: Path) -> Iterator[Path]:
    path = build_font(tmp_path / "fallback.ttf", KOREAN + RARE + GREEK, family="Test Fallback")
    fonts.use_fallback_fonts([tmp_path / "absent.ttf", path])
    yield path
    fonts.use_fallback_fonts(None)


def test_characters_the_font_lacks_are_drawn_in_a_fallback_font(fallback):
    doc = build(
        [Item(f"Seoul office {KOREAN}", code=f"K-{GREEK}"), Item(f"{RARE} {EMOJI}")],
        customer=Party(f"{KOREAN} Trading {GREEK}", (f"{KOREAN} street",)),
    )
    pdf, info = render(doc)
    drawn, notdef = embedded_coverage(pdf)
    assert set(KOREAN + RARE + GREEK) <= drawn
    assert notdef == 1  # the emoji: no font has it
    assert info.missing == (EMOJI,)
    text = "\n".join(page_texts(pdf))
    assert f"{KOREAN} Trading {GREEK}" in text and f"Seoul office {KOREAN}" in text


def test_a_company_name_in_the_running_header_uses_the_fallback(fallback):
    doc = build([Item(f"Item {n:03d}") for n in range(1, 80)])
    profile = replace(sample_profile("en"), name=f"{KOREAN} Ltd")
    pdf, info = render(doc, profile=profile)
    pages = page_texts(pdf)
    assert len(pages) > 1 and contains(pages[1], f"{KOREAN} Ltd")
    assert embedded_coverage(pdf)[1] == 0 and info.missing == ()


def test_no_fallback_font_is_read_when_the_main_font_has_everything(monkeypatch):
    def forbidden(path: Path) -> None:
        raise AssertionError(f"read {path}")

    fonts.use_fallback_fonts(None)
    monkeypatch.setattr(fonts, "_first_truetype_face", forbidden)
    for language in ("zh", "en"):
        _, info = render(sample_document("contract", language), "contract-standard")
        assert info.missing == ()


def _y_of(pdf: bytes, needle: str) -> list[float]:
    """The heights on page 1 at which texts holding ``needle`` are drawn."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if needle in text:
            found.append(round(cm[5] + tm[5] * cm[3], 1))

    PdfReader(BytesIO(pdf)).pages[-1].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_signature_lines_align_when_our_profile_is_empty(language):
    doc = sample_document("contract", language)
    pdf, _ = render(doc, "contract-standard", CompanyProfile())
    labels = ("授权代表", "日期") if language == "zh" else ("Authorised", "Date")
    for label in labels:
        heights = _y_of(pdf, label)
        assert len(heights) >= 2 and heights[-1] == heights[-2], (label, heights)
    everything = "\n".join(page_texts(pdf))
    assert everything.count("________") == 2  # 乙方's box and its signature column


def test_an_address_prints_line_by_line_in_a_chinese_document():
    customer = Party(
        "Acme Engineering Ltd",
        ("960 High Street", " Edinburgh EH1 1YZ\nScotland ", "  ", "UK"),
    )
    doc = build([Item("服务器")], language="zh", customer=customer)
    pdf, _ = render(doc)
    lines = [line.strip() for line in page_texts(pdf)[0].splitlines()]
    at = lines.index("960 High Street")
    assert lines[at : at + 4] == ["960 High Street", "Edinburgh EH1 1YZ", "Scotland", "UK"]
