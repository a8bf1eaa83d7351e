"""What follows the lines: notes, terms, a contract's payment plan and the signature block."""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desktop_crm.documents import formatting
from desktop_crm.documents.blocks import name_or_blank
from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.document_data import Party
from desktop_crm.documents.theme import Align

_BLANK_LINE = re.compile(r"\n\s*\n")


def heading(ctx: RenderContext, text: str, *, keep_with_next: bool = True) -> Paragraph:
    """A heading over a part, kept on the page of what follows it."""
    theme = ctx.theme
    return theme.para(
        text,
        size=theme.size * 1.12,
        colour=theme.accent,
        strong=True,
        space_before=5 * mm,
        space_after=2 * mm,
        keep_with_next=keep_with_next,
    )


def text_part(ctx: RenderContext, title: str, text: str) -> list[Flowable]:
    """A heading and ``text`` in paragraphs (split at blank lines; single breaks kept)."""
    if not text.strip():
        return []
    theme = ctx.theme
    paragraphs = [p.strip("\n") for p in _BLANK_LINE.split(text.strip()) if p.strip()]
    return [heading(ctx, title)] + [
        theme.para(p, leading=theme.size * 1.5, space_after=theme.size * 0.5) for p in paragraphs
    ]


def notes_and_terms(ctx: RenderContext) -> list[Flowable]:
    """The document's notes, then its terms (the company's default terms when it has none)."""
    terms = ctx.doc.terms or ctx.profile.default_terms
    return text_part(ctx, ctx.label("notes"), ctx.doc.notes) + text_part(
        ctx, ctx.label("terms"), terms
    )


def payment_plan(ctx: RenderContext) -> list[Flowable]:
    """A contract's instalments: number, due date, share, amount (and paid, if any is)."""
    plan = ctx.doc.instalments
    if not plan:
        return []
    theme = ctx.theme
    show_paid = any(i.paid for i in plan)
    keys = ["col_instalment", "col_due_on", "col_percent", "col_amount"]
    shares = [0.12, 0.3, 0.18, 0.4]
    if show_paid:
        keys.append("col_paid")
        shares = [0.1, 0.26, 0.14, 0.25, 0.25]
    classic = theme.style == "classic"
    head_colour = theme.on_accent if classic else theme.accent
    aligns: list[Align] = ["center", "left", "right", "right", "right"]
    rows: list[list[Any]] = [
        [
            theme.para(
                ctx.label(k),
                size=theme.size * 0.92,
                colour=head_colour,
                strong=True,
                align=aligns[n],
            )
            for n, k in enumerate(keys)
        ]
    ]
    for number, instalment in enumerate(plan, start=1):
        texts = [
            str(number),
            ctx.day(instalment.due_on),
            "" if instalment.percent is None else formatting.percent(instalment.percent),
            ctx.money(instalment.amount),
        ]
        if show_paid:
            texts.append(ctx.money(instalment.paid) if instalment.paid else "")
        rows.append([theme.cell(text, aligns[n]) for n, text in enumerate(texts)])
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), theme.font),
        ("FONTSIZE", (0, 0), (-1, -1), theme.size),
        ("TEXTCOLOR", (0, 0), (-1, -1), theme.text),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), theme.size * 0.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), theme.size * 0.5),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, theme.rule),
    ]
    commands += [("ALIGN", (n, 1), (n, -1), a.upper()) for n, a in enumerate(aligns[: len(keys)])]
    if classic:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), theme.accent))
    else:
        commands.append(("LINEBELOW", (0, 0), (-1, 0), 1.1, theme.accent))
    table = Table(
        rows,
        colWidths=[ctx.width * s for s in shares],
        repeatRows=1,
        style=theme.table_style(commands),
        hAlign="LEFT",
    )
    return [heading(ctx, ctx.label("payment_plan")), table]


def signature_block(ctx: RenderContext) -> list[Flowable]:
    """Two signature columns, the customer's (甲方) and ours (乙方), kept on one page.

    Both columns are rows of one table, so each row (caption, name, signature, date) is as tall
    as the taller of its two cells: the lines sit level whatever either party leaves empty. An
    empty name prints as a blank line to fill in.
    """
    if not ctx.template.show_signature:
        return []
    theme = ctx.theme
    gap = 14 * mm
    half = (ctx.width - gap) / 2
    customer: Party = ctx.doc.customer
    small = theme.size * 0.88

    def pair(make: Any, a: Any, b: Any) -> list[Any]:
        return [make(a), "", make(b)]

    def caption(text: str) -> Flowable:
        return theme.para(text, strong=True, colour=theme.accent)

    def muted(key: str) -> Flowable:
        return theme.para(ctx.label(key), size=small, colour=theme.muted)

    rows = [
        pair(caption, ctx.label("signature_a"), ctx.label("signature_b")),
        pair(theme.para, name_or_blank(customer.name), name_or_blank(ctx.profile.name)),
        ["", "", ""],
        pair(muted, "signatory", "signatory"),
        ["", "", ""],
        pair(muted, "sign_date", "sign_date"),
    ]
    commands: list[tuple[Any, ...]] = [
        ("TOPPADDING", (0, 3), (-1, 3), 2),
        ("TOPPADDING", (0, 5), (-1, 5), 2),
        ("BOTTOMPADDING", (0, 0), (-1, 1), 2),
    ]
    for column in (0, 2):
        commands += [
            ("LINEABOVE", (column, 3), (column, 3), 0.7, theme.text),
            ("LINEABOVE", (column, 5), (column, 5), 0.7, theme.text),
        ]
    block = Table(
        rows,
        colWidths=[half, gap, half],
        rowHeights=[None, None, 15 * mm, None, 9 * mm, None],
        style=theme.layout_style(commands),
    )
    return [KeepTogether([Spacer(1, 9 * mm), block])]
