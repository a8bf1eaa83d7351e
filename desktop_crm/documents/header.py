"""The top of page 1: who it is from, what it is, who it is for, and its dates.

Quotes come in two designs: ``classic`` (company left, title right, a heavy rule, customer and
dates under it) and ``modern`` (a large title left, company right, no heavy rules). Contracts
have a centred title over the two parties side by side, 甲方 the customer and 乙方 our company.
Later pages carry only the running header (see ``furniture``).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, Spacer, Table

from desktop_crm.documents.blocks import (
    Pairs,
    bank_lines,
    company_details,
    logo,
    pairs_table,
    party_block,
)
from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.document_data import Party
from desktop_crm.documents.formatting import fill
from desktop_crm.documents.theme import Align

LOGO_HEIGHT = 16 * mm
LOGO_WIDTH = 55 * mm


def doc_title(ctx: RenderContext) -> str:
    """The template's title of the document in its language (报价单, Quotation)."""
    return ctx.template.title[ctx.doc.language]


def number_text(ctx: RenderContext) -> str:
    """The number, with ``rev N`` after it from the second revision on."""
    doc = ctx.doc
    if doc.revision > 1:
        return f"{doc.number}  {fill(ctx.label('revision'), doc.revision)}"
    return doc.number


def meta_pairs(ctx: RenderContext, *, number: bool = True) -> Pairs:
    """The document's number, dates, currency and our contact person."""
    doc = ctx.doc
    pairs: Pairs = []
    if number:
        pairs.append((ctx.label("number"), number_text(ctx)))
    pairs.append((ctx.label("issued_on"), ctx.day(doc.issued_on)))
    if doc.valid_until:
        pairs.append((ctx.label("valid_until"), ctx.day(doc.valid_until)))
    pairs.append((ctx.label("currency"), doc.currency.upper()))
    contact = doc.contact_person or ctx.profile.contact
    if contact:
        pairs.append((ctx.label("our_contact"), contact))
    return pairs


def _company(ctx: RenderContext, align: Align) -> list[Flowable]:
    theme = ctx.theme
    out: list[Flowable] = []
    image = logo(ctx, LOGO_WIDTH, LOGO_HEIGHT)
    if image is not None:
        image.hAlign = align.upper()
        out += [image, Spacer(1, 2.5 * mm)]
    if ctx.profile.name:
        out.append(
            theme.para(
                ctx.profile.name, size=theme.size * 1.4, strong=True, align=align, space_after=2
            )
        )
    if ctx.profile.header_text:
        out.append(
            theme.para(
                ctx.profile.header_text,
                colour=theme.accent,
                align=align,
                size=theme.size * 0.9,
                space_after=1.5,
            )
        )
    small = theme.size * 0.85
    out += [
        theme.para(t, size=small, colour=theme.muted, align=align) for t in company_details(ctx)
    ]
    return out


def _title(ctx: RenderContext, align: Align, size: float) -> list[Flowable]:
    theme = ctx.theme
    out: list[Flowable] = [
        theme.para(
            doc_title(ctx),
            size=size,
            leading=size * 1.15,
            colour=theme.accent,
            strong=True,
            align=align,
        )
    ]
    if ctx.doc.title:
        out.append(theme.para(ctx.doc.title, size=theme.size * 1.1, align=align, space_before=3))
    return out


def _row(ctx: RenderContext, cells: list[Any], widths: list[float]) -> Table:
    """A layout row; the last cell's tables sit at the right edge."""
    last = len(cells) - 1
    style = ctx.theme.layout_style([("ALIGN", (last, 0), (last, 0), "RIGHT")])
    return Table([cells], colWidths=widths, style=style)


def classic_header(ctx: RenderContext) -> list[Flowable]:
    """Company left and title right over an accent rule; customer left and dates right below."""
    theme = ctx.theme
    width = ctx.width
    left, right = width * 0.56, width * 0.44
    top = _row(ctx, [_company(ctx, "left"), _title(ctx, "right", theme.size * 2.5)], [left, right])
    below = _row(
        ctx,
        [
            party_block(ctx, ctx.doc.customer, ctx.label("customer")),
            pairs_table(ctx, meta_pairs(ctx), right * 0.86, align="right", strong_first=True),
        ],
        [left, right],
    )
    return [
        top,
        Spacer(1, 3 * mm),
        HRFlowable(width="100%", thickness=1.6, color=theme.accent, spaceAfter=4 * mm),
        below,
        Spacer(1, 6 * mm),
    ]


def modern_header(ctx: RenderContext) -> list[Flowable]:
    """A large title left with the number under it, the company right; then customer and dates."""
    theme = ctx.theme
    width = ctx.width
    left, right = width * 0.52, width * 0.48
    title = _title(ctx, "left", theme.size * 3.0)
    number = f"{ctx.label('number')}  {number_text(ctx)}"
    title.append(theme.para(number, size=theme.size * 1.05, colour=theme.muted, space_before=4))
    top = _row(ctx, [title, _company(ctx, "right")], [left, right])
    below = _row(
        ctx,
        [
            party_block(ctx, ctx.doc.customer, ctx.label("customer")),
            pairs_table(ctx, meta_pairs(ctx, number=False), right * 0.8, align="right"),
        ],
        [left, right],
    )
    return [
        top,
        Spacer(1, 7 * mm),
        HRFlowable(width="100%", thickness=0.5, color=theme.rule, spaceAfter=5 * mm),
        below,
        Spacer(1, 8 * mm),
    ]


def _our_party(ctx: RenderContext) -> Party:
    profile = ctx.profile
    return Party(
        name=profile.name,
        address_lines=profile.address_lines,
        tax_id=profile.tax_id,
        contact=ctx.doc.contact_person or profile.contact,
        phone=profile.phone,
        email=profile.email,
    )


def _parties(ctx: RenderContext) -> Table:
    """甲方 (the customer) and 乙方 (us) in two boxes of the same height, side by side."""
    theme = ctx.theme
    gap = 6 * mm
    half = (ctx.width - gap) / 2
    ours = party_block(ctx, _our_party(ctx))
    ours += [theme.para(t, size=theme.size * 0.9, colour=theme.muted) for t in bank_lines(ctx)]
    caption = {"strong": True, "colour": theme.accent}
    rows = [
        [
            theme.para(ctx.label("party_a"), **caption),
            "",
            theme.para(ctx.label("party_b"), **caption),
        ],
        [party_block(ctx, ctx.doc.customer), "", ours],
    ]
    boxes: list[tuple[Any, ...]] = []
    for column in (0, 2):
        boxes += [
            ("BOX", (column, 0), (column, 1), 0.6, theme.rule),
            ("BACKGROUND", (column, 0), (column, 0), theme.band_strong),
            ("LEFTPADDING", (column, 0), (column, 1), 7),
            ("RIGHTPADDING", (column, 0), (column, 1), 7),
            ("TOPPADDING", (column, 0), (column, 1), 4),
            ("BOTTOMPADDING", (column, 0), (column, 1), 6),
        ]
    return Table(rows, colWidths=[half, gap, half], style=theme.layout_style(boxes))


def contract_header(ctx: RenderContext) -> list[Flowable]:
    """Logo and number, a centred title, then 甲方 and 乙方 side by side and the term."""
    theme = ctx.theme
    width = ctx.width
    doc = ctx.doc
    image = logo(ctx, LOGO_WIDTH, LOGO_HEIGHT) or Spacer(1, 1)
    top = _row(
        ctx,
        [image, pairs_table(ctx, meta_pairs(ctx), width * 0.4, align="right")],
        [width * 0.6, width * 0.4],
    )
    out: list[Flowable] = [top, Spacer(1, 4 * mm), *_title(ctx, "center", theme.size * 2.4)]
    out += [Spacer(1, 6 * mm), _parties(ctx)]
    if doc.starts_on or doc.ends_on:
        period = fill(
            ctx.label("period"),
            ctx.day(doc.starts_on) if doc.starts_on else "…",
            ctx.day(doc.ends_on) if doc.ends_on else "…",
        )
        out.append(theme.para(ctx.labelled("contract_period", period), space_before=4 * mm))
    out.append(Spacer(1, 3 * mm))
    return out
