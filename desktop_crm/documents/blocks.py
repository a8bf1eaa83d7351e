"""Small building blocks the headers and closing parts share: parties, label/value lists, logo."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO
from typing import Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Table

from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.document_data import Party
from desktop_crm.documents.theme import Align

Pairs = list[tuple[str, str]]
NBSP = "\u00a0"
DOT = "·"
# Printed for a party without a name, so its line is there to write on.
BLANK_NAME = "________"


def name_or_blank(name: str) -> str:
    """``name``, or a blank line to write one on when it is empty."""
    return name if name.strip() else BLANK_NAME


def address_lines(lines: Iterable[str]) -> list[str]:
    """A postal address as printed: each line on its own line, whatever the language.

    Lines are never joined (a Latin address in a Chinese document keeps its breaks and
    spaces); a line holding line breaks becomes several, and blank lines are dropped.
    """
    return [part.strip() for line in lines for part in line.splitlines() if part.strip()]


def contact_line(ctx: RenderContext, phone: str | None, email: str | None) -> str:
    """``Tel.: … · Email: …`` for what is given.

    Each part is held together by no-break spaces, and the dot by the part before it, so the
    line wraps only between parts, never inside a phone number or after a label (plain spaces
    in a font without those characters).
    """
    given = (("phone", phone), ("email", email))
    parts = [ctx.labelled(key, value) for key, value in given if value]
    if not ctx.has_glyphs(NBSP + DOT):
        return "    ".join(parts)
    return f"{NBSP}{DOT}  ".join(part.replace(" ", NBSP) for part in parts)


def party_block(
    ctx: RenderContext, party: Party, caption: str | None = None, *, align: Align = "left"
) -> list[Flowable]:
    """A party's caption, name, address, contact, phone, email and tax id, one per line."""
    theme = ctx.theme
    small = theme.size * 0.9
    out: list[Flowable] = []
    if caption:
        out.append(
            theme.para(
                caption,
                size=theme.size * 0.82,
                colour=theme.accent,
                align=align,
                strong=True,
                space_after=2,
            )
        )
    out.append(
        theme.para(
            name_or_blank(party.name),
            size=theme.size * 1.12,
            colour=theme.text if party.name.strip() else theme.muted,
            strong=True,
            align=align,
            space_after=1.5,
        )
    )
    details = address_lines(party.address_lines)
    if party.contact:
        details.append(ctx.labelled("attention", party.contact))
    line = contact_line(ctx, party.phone, party.email)
    if line:
        details.append(line)
    if party.tax_id:
        details.append(ctx.labelled("tax_id", party.tax_id))
    out += [theme.para(text, size=small, colour=theme.muted, align=align) for text in details]
    return out


def company_details(ctx: RenderContext, *, bank: bool = True) -> list[str]:
    """Our address, phone and email, web, tax id and bank, one printed line each."""
    profile = ctx.profile
    lines = address_lines(profile.address_lines)
    line = contact_line(ctx, profile.phone, profile.email)
    if line:
        lines.append(line)
    if profile.website:
        lines.append(profile.website)
    if profile.tax_id:
        lines.append(ctx.labelled("tax_id", profile.tax_id))
    if bank:
        lines += bank_lines(ctx)
    return lines


def bank_lines(ctx: RenderContext) -> list[str]:
    """``Bank: …`` and ``Account: …`` of our company, one line each (so a number never wraps)."""
    profile = ctx.profile
    given = (("bank", profile.bank_name), ("bank_account", profile.bank_account))
    return [ctx.labelled(key, value) for key, value in given if value]


def pairs_table(
    ctx: RenderContext,
    pairs: Pairs,
    width: float,
    *,
    align: Align = "left",
    strong_first: bool = False,
) -> Table:
    """Labels in muted text beside their values; ``align`` right puts the block on the right."""
    theme = ctx.theme
    label_width = max((theme.width(label) for label, _ in pairs), default=0) + 10
    label_width = min(label_width, width * 0.45)
    data: list[list[Any]] = [
        [
            theme.para(label, colour=theme.muted),
            theme.para(value, align=align, strong=strong_first and index == 0),
        ]
        for index, (label, value) in enumerate(pairs)
    ]
    return Table(
        data,
        colWidths=[label_width, width - label_width],
        hAlign=align.upper(),
        style=theme.layout_style(
            [
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        ),
    )


def logo(ctx: RenderContext, max_width: float, max_height: float) -> Image | None:
    """The company's logo scaled to fit, or ``None`` (none, switched off, or unreadable).

    A logo reportlab cannot read is left out rather than failing: a quote must still print.
    """
    data = ctx.profile.logo
    if not data or not ctx.template.show_logo:
        return None
    try:
        width, height = ImageReader(BytesIO(data)).getSize()
    except Exception:  # PIL raises many kinds for a damaged image
        return None
    if not width or not height:
        return None
    scale = min(max_width / width, max_height / height)
    image = Image(BytesIO(data), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image
