"""How a document breaks across pages and how its template's settings show in the PDF."""

from __future__ import annotations

import re
from io import BytesIO

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop_crm.documents.formatting import money_with_sign
from desktop_crm.documents.templates import TemplateError, load_template, with_changes
from tests.unit.test_documents_support import (
    PROFILE_EN,
    Item,
    build,
    items,
    page_texts,
    render,
)


def test_a_200_line_quote_repeats_its_header_and_numbers_its_pages():
    doc = build(items(200), currency="USD")
    pdf, info = render(doc)
    pages = page_texts(pdf)
    assert info.pages == len(pages) >= 5
    everything = "\n".join(pages)
    for n in range(1, 201):
        assert everything.count(f"Item {n:03d}") == 1
    pages_with_items = 0
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
        first = re.search(r"Item \d{3}", text)
        if first is None:
            continue
        pages_with_items += 1
        for header in ("Description", "Qty", "Unit price", "Amount"):
            assert 0 <= text.find(header) < first.start(), (number, header)
    assert pages_with_items == len([p for p in pages if "Item" in p]) >= 5
    total = money_with_sign(doc.totals.total, "USD", lambda text: True)
    assert total in pages[-1] or total in pages[-2]


def test_a_section_heading_is_never_the_last_row_on_a_page():
    moved = 0
    for lead in range(12, 48):
        doc = build([*items(lead), "SECTION-X", *items(3, "After")])
        pdf, _ = render(doc)
        pages = page_texts(pdf)
        [page] = [p for p in pages if "SECTION-X" in p]
        assert "After 001" in page, lead
        assert page.index("SECTION-X") < page.index("After 001")
        if page is not pages[0] and f"Item {lead:03d}" in pages[0]:
            moved += 1  # it would have ended page 1: the heading went over with its first item
    assert moved >= 1


def test_the_totals_stay_on_the_page_of_the_last_line():
    alone = 0
    for lead in range(12, 48):
        doc = build(items(lead))
        pdf, _ = render(doc)
        pages = page_texts(pdf)
        total = money_with_sign(doc.totals.total, "CNY", lambda text: True)
        [last] = [p for p in pages if f"Item {lead:03d}" in p]
        assert total in last and "Subtotal" in last and "Amount in words" in last, lead
        if len(re.findall(r"Item \d{3}", last)) == 1 and len(pages) > 1:
            alone += 1  # the totals did not fit after it: the last line went over with them
    assert alone >= 1


def test_a4_and_letter():
    doc = build([Item("Server")])
    a4, _ = render(doc)
    box = PdfReader(BytesIO(a4)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    letter, _ = render(doc, paper="Letter")
    box = PdfReader(BytesIO(letter)).pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612, 792)
    template_letter, _ = render(doc, with_changes(load_template("quote-classic"), paper="Letter"))
    assert float(PdfReader(BytesIO(template_letter)).pages[0].mediabox.width) == 612
    overridden, _ = render(
        doc, with_changes(load_template("quote-classic"), paper="Letter"), paper="A4"
    )
    assert round(float(PdfReader(BytesIO(overridden)).pages[0].mediabox.width)) == 595
    with pytest.raises(TemplateError, match="A4 or Letter"):
        render(doc, paper="A3")


def _content(pdf: bytes) -> str:
    return "\n".join(
        p.get_contents().get_data().decode("latin-1") for p in PdfReader(BytesIO(pdf)).pages
    )


LINES: list[Item | str] = [
    Item("Rack server", "2", "48500", "13", "5", code="SRV-R740"),
    Item("Installation", "5", "2400", "6", unit="day"),
]


def test_labels_columns_colours_and_sizes_of_the_template_take_effect():
    doc = build(LINES)
    base = load_template("quote-classic")
    plain, _ = render(doc, base)
    text = page_texts(plain)[0]
    assert "Unit price" in text and "48,500.00" in text and "SRV-R740" in text
    assert "Grand total due" not in text

    relabelled, _ = render(doc, with_changes(base, labels={"en": {"total": "Grand total due"}}))
    assert "Grand total due" in page_texts(relabelled)[0]

    narrow = with_changes(base, columns=("index", "description", "quantity", "amount"))
    text = page_texts(render(doc, narrow)[0])[0]
    assert "Unit price" not in text and "48,500.00" not in text and "SRV-R740" not in text
    assert "92,150.00" in text  # the amounts are still there

    assert "1 0 0 rg" not in _content(plain)
    red = _content(render(doc, with_changes(base, accent_colour="#ff0000"))[0])
    assert "1 0 0 rg" in red  # the header row and the total are filled in the accent
    green_text = _content(render(doc, with_changes(base, text_colour="#00ff00"))[0])
    assert "0 1 0 rg" in green_text

    assert " 13 Tf" not in _content(plain)
    assert " 13 Tf" in _content(render(doc, with_changes(base, font_size=13))[0])

    modern, _ = render(doc, "quote-modern")
    assert _content(modern) != _content(plain)


def _png() -> bytes:
    out = BytesIO()
    Image.new("RGB", (300, 100), (31, 78, 121)).save(out, "PNG")
    return out.getvalue()


def _images(pdf: bytes) -> int:
    page = PdfReader(BytesIO(pdf)).pages[0]
    xobjects = page["/Resources"].get_object().get("/XObject", {})
    return sum(1 for x in xobjects.values() if x.get_object()["/Subtype"] == "/Image")


def test_the_logo_shows_when_the_template_says_so():
    doc = build([Item("Server")])
    profile = PROFILE_EN.__class__(**{**PROFILE_EN.__dict__, "logo": _png()})
    base = load_template("quote-classic")
    assert _images(render(doc, base, profile)[0]) == 1
    assert _images(render(doc, with_changes(base, show_logo=False), profile)[0]) == 0
    assert _images(render(doc, base, PROFILE_EN)[0]) == 0  # no logo in the profile
    broken = PROFILE_EN.__class__(**{**PROFILE_EN.__dict__, "logo": b"not an image"})
    assert _images(render(doc, base, broken)[0]) == 0  # left out; the quote still prints
    contract = build([Item("Server")], kind="contract")
    assert _images(render(contract, profile=profile)[0]) == 1


def test_a_template_of_the_other_kind_is_refused():
    with pytest.raises(TemplateError, match="is for contracts, not quotes"):
        render(build([Item("Server")]), "contract-standard")
    with pytest.raises(TemplateError, match="is for quotes, not contracts"):
        render(build([Item("Server")], kind="contract"), "quote-classic")
