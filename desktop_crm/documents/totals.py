"""The totals block under the lines: the amount in words on the left, the figures on the right.

The figures are those ``domain.quote_totals`` computed; this only lays them out. The total is
written in English words for every currency, and for CNY in a Chinese document also in 大写
(the bank form of the amount that Chinese contracts and invoices carry).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, Table

from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.formatting import fill
from desktop_crm.domain.amount_words import chinese_capitals, english_words
from desktop_crm.domain.quote_totals import rate_label

# Share of the width the figures take; the words have the rest.
FIGURES_SHARE = 0.46


def amount_in_words(ctx: RenderContext) -> list[tuple[str, str]]:
    """``(label, words)`` of the total: 大写 first for CNY in Chinese, then English."""
    total = ctx.doc.totals.total
    out: list[tuple[str, str]] = []
    if total < 0:
        return out
    if ctx.zh and ctx.doc.currency.upper() == "CNY":
        out.append((ctx.label("amount_in_capitals"), chinese_capitals(total)))
    words = english_words(total, ctx.doc.currency)
    out.append((ctx.label("amount_in_words"), words[:1].upper() + words[1:]))
    return out


def _words_column(ctx: RenderContext) -> list[Flowable]:
    theme = ctx.theme
    flowables: list[Flowable] = []
    if ctx.template.show_amount_in_words:
        for label, words in amount_in_words(ctx):
            flowables.append(theme.para(label, size=theme.size * 0.85, colour=theme.muted))
            flowables.append(
                theme.para(
                    words,
                    strong=label == ctx.label("amount_in_capitals"),
                    space_after=theme.size * 0.5,
                )
            )
    if ctx.doc.tax_rounding_note:
        flowables.append(
            theme.para(ctx.doc.tax_rounding_note, size=theme.size * 0.82, colour=theme.muted)
        )
    return flowables


def _figures(ctx: RenderContext, width: float) -> Table:
    """Label and amount rows, the total emphasised as the template's style says."""
    theme = ctx.theme
    totals = ctx.doc.totals
    rows: list[tuple[str, str, str]] = []  # (label, amount, role)
    if totals.discount:
        rows.append((ctx.label("discount_total"), ctx.money(totals.discount), "muted"))
    rows.append((ctx.label("subtotal"), ctx.money(totals.subtotal), "plain"))
    for rate, tax in totals.tax_by_rate:
        rows.append((fill(ctx.label("tax_rate"), rate_label(rate)), ctx.money(tax), "plain"))
    if len(totals.tax_by_rate) > 1:
        rows.append((ctx.label("tax"), ctx.money(totals.tax), "plain"))
    total_row = len(rows)
    rows.append((ctx.label("total"), ctx.money(totals.total), "total"))
    if totals.optional_total:
        rows.append((ctx.label("optional_total"), ctx.money(totals.optional_total), "muted"))

    classic = theme.style == "classic"
    big = theme.size * 1.25
    data: list[list[Any]] = []
    for label, amount, role in rows:
        if role == "total":
            colour = theme.on_accent if classic else theme.accent
            data.append(
                [
                    theme.para(label, size=big, colour=colour, strong=True),
                    theme.para(amount, size=big, colour=colour, strong=True, align="right"),
                ]
            )
            continue
        colour = theme.muted if role == "muted" else theme.text
        data.append(
            [theme.para(label, colour=colour), theme.para(amount, colour=colour, align="right")]
        )
    # The amounts as wide as the widest (the total, drawn larger); the labels get the rest.
    amount_width = max(theme.width(a, big if r == "total" else None) for _, a, r in rows) + 14
    label_width = width - min(amount_width, width * 0.55)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, total_row), (-1, total_row), 5),
        ("BOTTOMPADDING", (0, total_row), (-1, total_row), 6),
    ]
    if classic:
        commands.append(("BACKGROUND", (0, total_row), (-1, total_row), theme.accent))
    else:
        commands += [
            ("LINEABOVE", (0, total_row), (-1, total_row), 1.1, theme.accent),
            ("LINEBELOW", (0, total_row), (-1, total_row), 1.1, theme.accent),
        ]
    return Table(
        data, colWidths=[label_width, width - label_width], style=theme.table_style(commands)
    )


def totals_block(ctx: RenderContext) -> Table:
    """Words and notes on the left, the figures on the right, as wide as the frame."""
    figures_width = ctx.width * FIGURES_SHARE
    words_width = ctx.width - figures_width
    block = Table(
        [[_words_column(ctx), _figures(ctx, figures_width)]],
        colWidths=[words_width, figures_width],
        style=ctx.theme.layout_style([("RIGHTPADDING", (0, 0), (0, 0), 12)]),
    )
    return block
