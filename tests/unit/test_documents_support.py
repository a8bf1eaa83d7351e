"""Helpers the document tests share (priced test documents, text and font read back from the PDF),
and tests that the font check really sees a character the font lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal as D
from io import BytesIO
from typing import Any

from fontTools.ttLib import TTFont as ToolsFont
from pypdf import PdfReader
from pypdf.generic import ContentStream, FloatObject, NumberObject

from desktop_crm.documents.document_data import (
    CompanyProfile,
    DocLine,
    DocTotals,
    Document,
    Instalment,
    Party,
)
from desktop_crm.documents.pdf import RenderInfo, render_pdf
from desktop_crm.documents.templates import TemplateSpec, load_template
from desktop_crm.domain.quote_totals import LineInput, TaxRounding, price_lines


@dataclass(frozen=True)
class Item:
    """A line as a test writes it; ``build`` prices it with ``domain.quote_totals``."""

    description: str
    quantity: str = "1"
    price: str = "100"
    rate: str = "13"
    discount: str = "0"
    optional: bool = False
    unit: str | None = "pcs"
    code: str | None = None


@dataclass(frozen=True)
class Priced:
    """A built document and the totals the domain computed for it."""

    doc: Document
    lines: list[Any] = field(default_factory=list)


PROFILE_EN = CompanyProfile(
    name="Northwind Systems Ltd.",
    address_lines=("12 Harbour Street", "Bristol BS1 4QA"),
    tax_id="GB 123 4567 89",
    bank_name="Barclays Bank",
    bank_account="GB29 NWBK 6016 1331 9268 19",
    phone="+44 117 496 0123",
    email="sales@northwind.example.com",
    footer_text="Northwind Systems Ltd. · Registered in England",
)
PROFILE_ZH = CompanyProfile(
    name="上海云启信息技术有限公司",
    address_lines=("上海市浦东新区张江路 88 号",),
    tax_id="91310115MA1K3XXXXX",
    bank_name="招商银行上海张江支行",
    bank_account="1219 0888 6610 901",
    phone="021-5080 1234",
    footer_text="上海云启信息技术有限公司 · 电话 021-5080 1234",
    default_terms="以上价格含税。\n\n交货期：收到预付款后 15 个工作日内。",
)


def build(
    rows: list[Item | str],
    *,
    kind: str = "quote",
    language: str = "en",
    currency: str = "CNY",
    rounding: TaxRounding = TaxRounding.PER_LINE,
    **fields: Any,
) -> Document:
    """A document of ``rows`` (a ``str`` is a section heading) priced by ``price_lines``."""
    items = [r for r in rows if isinstance(r, Item)]
    inputs = [
        LineInput(D(i.quantity), D(i.price), D(i.rate), D(i.discount), optional=i.optional)
        for i in items
    ]
    totals = price_lines(inputs, currency, rounding)
    figures = iter(totals.lines)
    lines: list[DocLine] = []
    for row in rows:
        if isinstance(row, str):
            lines.append(DocLine(kind="section", description=row))
            continue
        lines.append(
            DocLine(
                kind="item",
                description=row.description,
                quantity=D(row.quantity),
                unit=row.unit,
                unit_price=D(row.price),
                discount=D(row.discount),
                tax_rate=D(row.rate),
                amount=next(figures).amount,
                optional=row.optional,
                code=row.code,
            )
        )
    customer = (
        Party(
            "杭州明德精密制造股份有限公司",
            ("浙江省杭州市滨江区江南大道 1288 号",),
            contact="李建国",
        )
        if language == "zh"
        else Party("Acme Precision Engineering plc", ("Unit 7, Riverside Park", "Leeds"))
    )
    values: dict[str, Any] = {
        "kind": kind,
        "number": "HT-2025-0007" if kind == "contract" else "Q-2025-0042",
        "revision": 1,
        "language": language,
        "currency": currency,
        "issued_on": date(2025, 12, 8),
        "customer": customer,
        "lines": tuple(lines),
        "totals": DocTotals.from_quote_totals(totals),
        **fields,
    }
    return Document(**values)


def items(count: int, prefix: str = "Item") -> list[Item | str]:
    """``count`` distinct items named ``Item 001``…."""
    return [Item(f"{prefix} {n:03d}", price=str(100 + n)) for n in range(1, count + 1)]


def render(
    doc: Document,
    template: TemplateSpec | str | None = None,
    profile: CompanyProfile | None = None,
    **options: Any,
) -> tuple[bytes, RenderInfo]:
    """The PDF of ``doc`` (and what the renderer reports)."""
    if template is None:
        template = "contract-standard" if doc.kind == "contract" else "quote-classic"
    spec = load_template(template) if isinstance(template, str) else template
    if profile is None:
        profile = PROFILE_ZH if doc.language == "zh" else PROFILE_EN
    out = BytesIO()
    info = render_pdf(doc, spec, profile, out, **options)
    return out.getvalue(), info


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, no-break spaces as spaces."""
    return [p.extract_text().replace("\xa0", " ") for p in PdfReader(BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """``text`` without any whitespace: wrapped lines compare equal to the unwrapped text."""
    return re.sub(r"\s+", "", text)


def contains(text: str, needle: str) -> bool:
    """Whether ``needle`` is in ``text``, ignoring where lines wrapped."""
    return squash(needle) in squash(text)


def font_dicts(pdf: bytes) -> list[dict[str, Any]]:
    """Every distinct font dictionary of the PDF (all pages)."""
    seen: dict[int, dict[str, Any]] = {}
    for page in PdfReader(BytesIO(pdf)).pages:
        table = page["/Resources"].get_object().get("/Font", {})
        for name in table:
            ref = table.raw_get(name)
            seen[ref.idnum] = ref.get_object()
    return list(seen.values())


def _to_unicode(font: dict[str, Any]) -> dict[int, str]:
    """Character codes to text, from the font's ToUnicode CMap (bfchar and bfrange)."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            # reportlab writes a character beyond U+FFFF as its code point (<20BB7>), not UTF-16.
            odd = len(text) % 4
            out[int(code, 16)] = (
                chr(int(text, 16)) if odd else bytes.fromhex(text).decode("utf-16-be")
            )
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, start in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(start, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                out[code] = chr(first + offset)
    return out


def _program(font: Any) -> tuple[dict[int, str], ToolsFont] | None:
    """The embedded TrueType program of ``font`` and its code-to-glyph map, if embedded."""
    descriptor = font.get("/FontDescriptor")
    if descriptor is None or "/FontFile2" not in descriptor.get_object():
        return None
    data = descriptor.get_object()["/FontFile2"].get_object().get_data()
    program = ToolsFont(BytesIO(data))
    return next(t.cmap for t in program["cmap"].tables if t.cmap), program


def _shown_strings(page: Any, reader: PdfReader) -> list[tuple[str, bytes]]:
    """``(font resource name, bytes)`` of every text-showing operator on ``page``."""
    shown: list[tuple[str, bytes]] = []
    current = ""
    for operands, operator in ContentStream(page.get_contents(), reader).operations:
        if operator == b"Tf":
            current = str(operands[0])
        elif operator in (b"Tj", b"'", b'"'):
            shown.append((current, _raw(operands[-1])))
        elif operator == b"TJ":
            shown += [
                (current, _raw(part))
                for part in operands[0]
                if not isinstance(part, int | float | FloatObject | NumberObject)
            ]
    return shown


def _raw(value: Any) -> bytes:
    return bytes(value.original_bytes if hasattr(value, "original_bytes") else value)


def embedded_coverage(pdf: bytes) -> tuple[set[str], int]:
    """``(drawn, notdef)``: the characters drawn in embedded fonts, and how many glyphs drawn
    are missing from them.

    Every text-showing operator of every page is read with the font it is shown in: each code
    must map, in the embedded TrueType program itself, to a real glyph (not glyph 0, the
    ``.notdef`` reportlab draws for a character its font lacks, with outlines unless a space).
    """
    reader = PdfReader(BytesIO(pdf))
    drawn: set[str] = set()
    notdef = 0
    cache: dict[int, tuple[dict[int, str], dict[int, str], ToolsFont] | None] = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object().get("/Font", {})
        for name, data in _shown_strings(page, reader):
            ref = resources.raw_get(name)
            if ref.idnum not in cache:
                font = ref.get_object()
                found = _program(font)
                cache[ref.idnum] = None if found is None else (_to_unicode(font), *found)
            entry = cache[ref.idnum]
            assert entry is not None, f"text drawn in a font that is not embedded: {name}"
            to_unicode, cmap, program = entry
            for code in data:
                char, glyph = to_unicode.get(code, "\x00"), cmap.get(code)
                missing = glyph is None or program.getGlyphID(glyph) == 0 or char == "\x00"
                if not missing and not char.isspace():
                    missing = program["glyf"][glyph].numberOfContours == 0  # an empty outline
                if missing:
                    notdef += 1
                else:
                    drawn.add(char)
    return drawn, notdef


def base_fonts(pdf: bytes) -> set[str]:
    """The PostScript names of every font the PDF uses (``AAAAAA+`` subset tags dropped)."""
    return {str(f["/BaseFont"]).lstrip("/").split("+")[-1] for f in font_dicts(pdf)}


def test_the_coverage_check_sees_a_character_the_font_lacks():
    # The shipped font has no won sign (U+20A9) and no emoji: with no fallback font to draw
    # them in, both are drawn as .notdef.
    from desktop_crm.documents import fonts

    fonts.use_fallback_fonts([])
    try:
        _check_coverage()
    finally:
        fonts.use_fallback_fonts(None)


def _check_coverage() -> None:
    doc = build([Item("Seoul office ₩ budget 🙂"), Item("Plain item")])
    pdf, _ = render(doc)
    drawn, notdef = embedded_coverage(pdf)
    assert notdef == 2
    assert set("Seoul office budget Plain item") <= drawn
    clean, _ = render(build([Item("Seoul office budget"), Item("Plain item")]))
    assert embedded_coverage(clean)[1] == 0


def test_a_contract_with_a_payment_plan_builds():
    doc = build(
        [Item("Server", "2", "1000")],
        kind="contract",
        instalments=(Instalment(date(2026, 1, 1), D("1130.00"), D(50)),),
    )
    assert doc.totals.total == D("2260.00")
    pdf, info = render(doc)
    assert info.pages >= 1 and pdf.startswith(b"%PDF")
