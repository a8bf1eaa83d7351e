"""Page furniture: the frames of each page, the running header, the footer and "page X of Y".

The page count is known only once every page is laid out, so the canvas keeps each finished
page aside and draws the page numbers when the document is saved (reportlab's
"NumberedCanvas" recipe); one layout pass instead of two.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import IO, Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from desktop_crm.documents.formatting import fill
from desktop_crm.documents.theme import Theme

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
SIDE = 18 * mm
TOP = 15 * mm
BOTTOM = 20 * mm
# Room the running header of pages 2, 3… takes above their frame.
RUNNING_HEADER = 11 * mm
FOOTER_BASELINE = 10 * mm


@dataclass(frozen=True)
class Furniture:
    """What every page shows outside its frame.

    Attributes:
        theme: Font and colours.
        company: Our company's name, in the running header of later pages.
        running_title: The document's title, number and revision, in the running header.
        footer_text: The company's footer line(s), at the foot of every page.
        page_label: The pattern of the page number (``Page %1 of %2``).
    """

    theme: Theme
    company: str
    running_title: str
    footer_text: str
    page_label: str

    def running_header(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """Company on the left, document on the right, a hairline below: pages 2, 3…."""
        theme = self.theme
        width, height = doc.pagesize
        baseline = height - TOP - 4 * mm
        size = theme.size * 0.85
        canvas.saveState()
        canvas.setFont(theme.font, size)
        canvas.setFillColor(theme.muted)
        room = width - 2 * SIDE - theme.width(self.running_title, size) - 8 * mm
        theme.draw_string(canvas, SIDE, baseline, _fit(self.company, room, theme, size), size)
        theme.draw_string(canvas, width - SIDE, baseline, self.running_title, size, right=True)
        canvas.setStrokeColor(theme.rule)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE, baseline - 2.5 * mm, width - SIDE, baseline - 2.5 * mm)
        canvas.restoreState()
        self.footer(canvas, doc)

    def footer(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        """The footer text, wrapped, left of where the page number goes."""
        if not self.footer_text.strip():
            return
        width = doc.pagesize[0] - 2 * SIDE - 40 * mm
        para = self.theme.para(
            self.footer_text, size=self.theme.size * 0.78, colour=self.theme.muted
        )
        _, used = para.wrapOn(canvas, width, BOTTOM)
        canvas.saveState()
        para.drawOn(canvas, SIDE, FOOTER_BASELINE + self.theme.size * 0.78 - used + 1)
        canvas.restoreState()

    def page_number(self, canvas: Canvas, page: int, pages: int) -> None:
        """``Page page of pages`` at the right of the foot, above a hairline."""
        theme = self.theme
        width = canvas._pagesize[0]
        canvas.saveState()
        canvas.setStrokeColor(theme.rule)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE, FOOTER_BASELINE + 4.5 * mm, width - SIDE, FOOTER_BASELINE + 4.5 * mm)
        canvas.setFont(theme.font, theme.size * 0.78)
        canvas.setFillColor(theme.muted)
        label = fill(self.page_label, page, pages)
        theme.draw_string(
            canvas, width - SIDE, FOOTER_BASELINE, label, theme.size * 0.78, right=True
        )
        canvas.restoreState()


def _fit(text: str, room: float, theme: Theme, size: float) -> str:
    """``text`` cut short with an ellipsis to fit in ``room`` points (a long company name)."""
    if theme.width(text, size) <= room:
        return text
    while text and theme.width(text + "…", size) > room:
        text = text[:-1]
    return text.rstrip() + "…" if text else ""


class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
    """A canvas that draws "page X of Y" on every page once it knows Y."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's name
        """Keep the finished page aside instead of writing it out."""
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        """Number every kept page, then write them all."""
        count = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._furniture.page_number(self, number, count)
            super().showPage()
        super().save()


def make_doc(
    out: str | IO[bytes], paper: str, furniture: Furniture, *, title: str, author: str
) -> tuple[BaseDocTemplate, Any]:
    """A document template for ``paper`` with its first and later page layouts.

    Returns:
        The template and the canvas maker to build it with.
    """
    width, height = PAGE_SIZES[paper]
    frame_width = width - 2 * SIDE

    def frame(top: float, name: str) -> Frame:
        return Frame(
            SIDE, BOTTOM, frame_width, top - BOTTOM, id=name,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip

    doc = BaseDocTemplate(
        out,
        pagesize=(width, height),
        leftMargin=SIDE,
        rightMargin=SIDE,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=author,
        creator="Desktop CRM",
        # Every text is in the document font: without this the canvas would start each page
        # in Helvetica and list it among the PDF's fonts.
        initialFontName=furniture.theme.font,
        initialFontSize=furniture.theme.size,
        invariant=True,
    )
    doc.addPageTemplates(
        [
            PageTemplate("first", [frame(height - TOP, "first")], onPage=furniture.footer),
            PageTemplate(
                "later",
                [frame(height - TOP - RUNNING_HEADER, "later")],
                onPage=furniture.running_header,
            ),
        ]
    )
    return doc, partial(NumberedCanvas, furniture=furniture)
