"""The look of one rendering: font, sizes, colours and paragraph styles taken from a template.

Every paragraph is made through :meth:`Theme.para`, which escapes the text, keeps its line
breaks, draws it in the document font and wraps CJK text by character (reportlab's default
wrapping breaks only at spaces, so Chinese would run out of its cell). Characters the document
font lacks are put in ``<font name=…>`` runs of a fallback font (see ``fonts.Coverage``); texts
drawn outside paragraphs go through :meth:`Theme.cell`, :meth:`Theme.width` and
:meth:`Theme.draw_string`, which do the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, TableStyle

from desktop_crm.documents.fonts import Coverage
from desktop_crm.documents.templates import TemplateSpec

_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
Align = Literal["left", "right", "center"]
_ALIGN = {"left": TA_LEFT, "right": TA_RIGHT, "center": TA_CENTER}
# How much thicker a "bold" glyph is drawn, as a share of the font size (see StrongParagraph).
_EMBOLDEN = 0.035


def _no_line_starts_with_chinese_punctuation() -> None:
    """Add Chinese full-width punctuation to reportlab's characters that may not start a line.

    reportlab's list (``textsplit.ALL_CANNOT_START``) is Japanese and lacks ，：；？！, so a
    comma could begin a wrapped line of Chinese. The wrappers read the list from their module
    globals at each call; adding to it is idempotent and only changes how CJK text breaks.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    missing = "".join(c for c in "，：；？！…·" if c not in textsplit.ALL_CANNOT_START)
    if missing:
        textsplit.ALL_CANNOT_START += missing
        paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START


_no_line_starts_with_chinese_punctuation()


def mix(colour: Color, share: float) -> Color:
    """``colour`` blended with white: ``share`` 1 is the colour, 0 is white."""
    return Color(*(1 - share + share * c for c in (colour.red, colour.green, colour.blue)))


class StrongParagraph(Paragraph):  # type: ignore[misc]  # reportlab is untyped
    """A paragraph drawn heavier: its glyphs are filled and stroked (PDF text render mode 2).

    Only one font ships (no bold face), and faking bold this way keeps every glyph in the same
    embedded font; the text still extracts as text.
    """

    def beginText(self, x: float, y: float) -> Any:  # reportlab's hook name
        """The text object the paragraph draws with, set to fill and stroke."""
        self.canv.setStrokeColor(self.style.textColor)
        self.canv.setLineWidth(self.style.fontSize * _EMBOLDEN)
        text = self.canv.beginText(x, y)
        text.setTextRenderMode(2)
        return text


def is_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese (or other CJK) characters or full-width punctuation."""
    return _CJK.search(text) is not None


def markup(text: str) -> str:
    """``text`` made safe for reportlab's paragraph markup, line breaks kept.

    Escaped here rather than with ``xml.sax.saxutils``, whose import alone costs the first PDF
    of a session ~15 ms.
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r\n", "\n").replace("\n", "<br/>")


@dataclass
class Theme:
    """Font, sizes and colours of one rendering, and the paragraph styles built from them.

    Attributes:
        font: The registered reportlab font every text is drawn in.
        size: Body text size (the template's font size).
        accent: Headings, rules and the table header.
        text: Body text.
        muted: Secondary text (labels, addresses, optional lines).
        rule: Hairlines between rows.
        band: The tint of every other row (classic).
        band_strong: The tint of section rows and boxed headings (classic).
        on_accent: Text drawn on an accent background.
        style: The template's design, ``classic`` or ``modern``.
        coverage: What the font draws, the fallback fonts for the rest, and what is lost.
    """

    font: str
    size: float
    accent: Color
    text: Color
    muted: Color
    rule: Color
    band: Color
    band_strong: Color
    on_accent: Color
    style: str
    coverage: Coverage
    _styles: dict[tuple[object, ...], ParagraphStyle] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, template: TemplateSpec, font: str) -> Theme:
        """The theme of ``template`` drawn in ``font``."""
        accent = HexColor(template.accent_colour)
        text = HexColor(template.text_colour)
        return cls(
            font=font,
            size=float(template.font_size),
            accent=accent,
            text=text,
            muted=mix(text, 0.62),
            rule=HexColor("#d5d9e0"),
            band=mix(accent, 0.07),
            band_strong=mix(accent, 0.16),
            on_accent=white,
            style=template.style,
            coverage=Coverage(font),
        )

    @property
    def leading(self) -> float:
        """Line height of body text."""
        return self.size * 1.35

    def table_style(self, commands: Iterable[tuple[Any, ...]] = ()) -> TableStyle:
        """``commands`` over cells that draw in the document font.

        reportlab's cells default to Helvetica, which an empty cell is enough to list among the
        PDF's fonts; every table sets the document font first.
        """
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("FONTSIZE", (0, 0), (-1, -1), self.size),
                ("LEADING", (0, 0), (-1, -1), self.leading),
                ("TEXTCOLOR", (0, 0), (-1, -1), self.text),
                *commands,
            ]
        )

    def layout_style(self, commands: Iterable[tuple[Any, ...]] = ()) -> TableStyle:
        """A layout table's style: no padding, top-aligned cells, then ``commands``."""
        return self.table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )

    def width(self, text: str, size: float | None = None) -> float:
        """How wide ``text`` prints in the document font (and its fallbacks)."""
        size = size or self.size
        if not self.coverage.lacks(text):
            return float(pdfmetrics.stringWidth(text, self.font, size))
        runs = self.coverage.runs(text)
        return float(sum(pdfmetrics.stringWidth(part, font, size) for font, part in runs))

    def cell(self, text: str, align: Align = "left") -> str | Paragraph:
        """``text`` for a table cell: the plain string, or a paragraph if it needs a fallback.

        A plain string is faster but drawn in the cell's one font.
        """
        return self.para(text, align=align) if self.coverage.lacks(text) else text

    def draw_string(
        self, canvas: Canvas, x: float, y: float, text: str, size: float, *, right: bool = False
    ) -> None:
        """Draw ``text`` at ``x`` (its right end there when ``right``), fallback runs included.

        The canvas's fill colour is used; its font is left set to the document font.
        """
        if right:
            x -= self.width(text, size)
        for font, part in self.coverage.runs(text):
            canvas.setFont(font, size)
            canvas.drawString(x, y, part)
            x += pdfmetrics.stringWidth(part, font, size)
        canvas.setFont(self.font, size)

    def paragraph_style(
        self,
        *,
        size: float | None = None,
        colour: Color | None = None,
        align: Align = "left",
        cjk: bool = False,
        leading: float | None = None,
        space_after: float = 0,
        space_before: float = 0,
        keep_with_next: bool = False,
    ) -> ParagraphStyle:
        """A paragraph style in the document font (made once per distinct set of values)."""
        size = size or self.size
        colour = colour or self.text
        key = (
            size,
            colour.hexval(),
            align,
            cjk,
            leading,
            space_after,
            space_before,
            keep_with_next,
        )
        style = self._styles.get(key)
        if style is None:
            style = ParagraphStyle(
                f"crm-{len(self._styles)}",
                fontName=self.font,
                fontSize=size,
                leading=leading or size * 1.35,
                textColor=colour,
                alignment=_ALIGN[align],
                wordWrap="CJK" if cjk else None,
                spaceAfter=space_after,
                spaceBefore=space_before,
                keepWithNext=int(keep_with_next),
                splitLongWords=1,
            )
            self._styles[key] = style
        return style

    def para(
        self,
        text: str,
        *,
        size: float | None = None,
        colour: Color | None = None,
        align: Align = "left",
        strong: bool = False,
        leading: float | None = None,
        space_after: float = 0,
        space_before: float = 0,
        keep_with_next: bool = False,
        raw: bool = False,
    ) -> Paragraph:
        """A paragraph of plain ``text`` (or of markup when ``raw``), wrapped as its script needs.

        Args:
            text: What to print; escaped unless ``raw``.
            size: Font size; the body size when ``None``.
            colour: Text colour; the body colour when ``None``.
            align: ``left``, ``right`` or ``center``.
            strong: Draw it heavier (headings, the total).
            leading: Line height; 1.35 x the size when ``None``.
            space_after: Space below it.
            space_before: Space above it.
            keep_with_next: Never leave it last on a page (headings).
            raw: ``text`` is already markup (callers escape the values they put in).
        """
        style = self.paragraph_style(
            size=size,
            colour=colour,
            align=align,
            cjk=is_cjk(text),
            leading=leading,
            space_after=space_after,
            space_before=space_before,
            keep_with_next=keep_with_next,
        )
        body = self.coverage.markup(text if raw else markup(text))
        return (StrongParagraph if strong else Paragraph)(body, style)
