"""Render a quote or a contract to PDF: the one entry point of the documents package.

``render_pdf(doc, template, profile, out)`` lays the parts out with reportlab's platypus and
writes the file. Every text is drawn in one font from ``documents.fonts`` (the shipped
WenQuanYi subset, else a system TrueType font, else the STSong-Light CID font), registered once
per process; a character that font lacks is drawn in a system fallback font that has it, and
one no font has is printed as a box and listed in ``RenderInfo.missing``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate

from desktop_crm.documents import closing, fonts, header
from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.document_data import CompanyProfile, Document
from desktop_crm.documents.furniture import PAGE_SIZES, SIDE, Furniture, make_doc
from desktop_crm.documents.line_table import line_table
from desktop_crm.documents.templates import TemplateError, TemplateSpec
from desktop_crm.documents.theme import Theme
from desktop_crm.documents.totals import totals_block


@dataclass(frozen=True)
class RenderInfo:
    """What a rendering produced.

    Attributes:
        pages: How many pages the PDF has.
        font: The family name of the font every text is drawn in.
        font_source: Where that font came from: ``shipped``, ``system`` or ``cid``.
        missing: Characters no available font draws, printed as boxes (callers may warn).
    """

    pages: int
    font: str
    font_source: str
    missing: tuple[str, ...] = ()


def _story(ctx: RenderContext) -> list[Flowable]:
    """The flowables of the document, top to bottom."""
    doc = ctx.doc
    story: list[Flowable] = [NextPageTemplate("later")]
    if doc.kind == "contract":
        story += header.contract_header(ctx)
        # Not keep-with-next: reportlab would keep the heading with the whole table and move
        # both to the next page; the heading only needs room for the first rows under it.
        story.append(CondPageBreak(ctx.theme.size * 9))
        story.append(closing.heading(ctx, ctx.label("items"), keep_with_next=False))
    elif ctx.template.style == "modern":
        story += header.modern_header(ctx)
    else:
        story += header.classic_header(ctx)
    story.append(line_table(ctx, totals_block(ctx)))
    if doc.kind == "contract":
        story += closing.payment_plan(ctx)
    story += closing.notes_and_terms(ctx)
    story += closing.signature_block(ctx)
    return story


def prepare(font: fonts.FontChoice | None = None) -> str:
    """Read and register the document font now, so the first PDF does not wait for it.

    A caller may run this on a worker thread once the app is idle (importing this module
    also loads reportlab). Returns the registered font name.
    """
    return fonts.registered_name(font or fonts.default_font())


def render_pdf(
    doc: Document,
    template: TemplateSpec,
    profile: CompanyProfile,
    out: Path | BinaryIO,
    *,
    paper: str | None = None,
    font: fonts.FontChoice | None = None,
) -> RenderInfo:
    """Write ``doc`` as a PDF laid out by ``template`` to ``out`` (a path or a binary file).

    Args:
        doc: What to print.
        template: The design and its fixed texts; its kind should match ``doc.kind``.
        profile: Our company, for the header, footer and signature block.
        out: Where the PDF goes.
        paper: ``A4`` or ``Letter``, overriding the template's paper.
        font: The font to draw with; the process's default font (shipped, else system, else
            CID) when ``None``.

    Raises:
        TemplateError: The template is for the other kind of document, or ``paper`` is
            neither A4 nor Letter.
    """
    if template.kind != doc.kind:
        raise TemplateError(
            f"The template “{template.name}” is for {template.kind}s, not {doc.kind}s.",
            template=template.name,
        )
    paper = paper or template.paper
    if paper not in PAGE_SIZES:
        raise TemplateError(
            f"The paper must be A4 or Letter, not “{paper}”.", template=template.name
        )
    choice = font or fonts.default_font()
    theme = Theme.of(template, fonts.registered_name(choice))
    width = PAGE_SIZES[paper][0] - 2 * SIDE
    ctx = RenderContext(doc, template, profile, theme, width)
    title = header.doc_title(ctx)
    running = f"{title}  {header.number_text(ctx)}"
    furniture = Furniture(
        theme=theme,
        company=profile.name,
        running_title=running,
        footer_text=profile.footer_text,
        page_label=ctx.label("page"),
    )
    target = str(out) if isinstance(out, Path) else out
    pdf, canvas_maker = make_doc(
        target, paper, furniture, title=f"{title} {doc.number}", author=profile.name
    )
    pdf.build(_story(ctx), canvasmaker=canvas_maker)
    return RenderInfo(
        pages=pdf.page,
        font=choice.family,
        font_source=choice.source,
        missing=tuple(theme.coverage.missing),
    )
