"""The line table: a header row repeated on every page, the lines, and the totals as its last row.

How the table may break across pages is said with reportlab's ``NOSPLIT`` row ranges (the table
never splits inside one): a section row is tied to the row after it, so a heading is never
left alone at a page foot, and the last line is tied to the totals row, so the totals never
start a page on their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import textsplit
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from desktop_crm.documents import formatting
from desktop_crm.documents.context import RenderContext
from desktop_crm.documents.document_data import DocLine
from desktop_crm.documents.templates import Column
from desktop_crm.documents.theme import Align, markup

PAD = 4.0
NUMERIC: frozenset[Column] = frozenset(("quantity", "unit_price", "discount", "tax_rate", "amount"))
ALIGN: dict[Column, Align] = {
    **dict.fromkeys(NUMERIC, "right"),
    "index": "center",
    "code": "left",
    "unit": "center",
    "description": "left",
}
# Cells print as plain strings (fast) when they fit; codes and units are at most this wide,
# and longer ones wrap as paragraphs.
TEXT_CAP = {"code": 30 * mm, "unit": 16 * mm}
# The tallest piece of a description one row holds (points); taller ones are cut into rows.
MAX_PIECE = 160.0
# The description keeps at least this share of the width; the figures give way first.
DESCRIPTION_SHARE = 0.34
# ...and never less than this share, even if figures must then be squeezed.
MIN_DESCRIPTION = 0.18


def visible_columns(ctx: RenderContext) -> tuple[Column, ...]:
    """The template's columns, less those no line fills (codes, units, discounts)."""
    items = [line for line in ctx.doc.lines if line.kind == "item"]
    hidden: set[Column] = set()
    if not any(line.code for line in items):
        hidden.add("code")
    if not any(line.unit for line in items):
        hidden.add("unit")
    if not any(line.discount for line in items):
        hidden.add("discount")
    return tuple(c for c in ctx.template.columns if c not in hidden)


def cell_text(ctx: RenderContext, line: DocLine, column: Column, index: int) -> str:
    """What ``line`` shows in ``column`` (not the description), as text."""
    match column:
        case "index":
            return str(index)
        case "code":
            return line.code or ""
        case "unit":
            return line.unit or ""
        case "quantity":
            return "" if line.quantity is None else formatting.quantity(line.quantity)
        case "unit_price":
            return (
                ""
                if line.unit_price is None
                else formatting.price(line.unit_price, ctx.doc.currency)
            )
        case "discount":
            if not line.discount:
                return ""
            if line.discount_is_percent:
                return formatting.percent(line.discount)
            return ctx.number(line.discount)
        case "tax_rate":
            return "" if line.tax_rate is None else formatting.percent(line.tax_rate)
        case "amount":
            return "" if line.amount is None else ctx.number(line.amount)
    return ""


def _description(ctx: RenderContext, line: DocLine, width: float) -> list[str | Paragraph]:
    """The description: one cell, or more when it is too tall to fit on a page.

    Most descriptions are one short line: a plain string skips reportlab's markup parser and
    line breaking, which is most of the time a long table takes. A description taller than
    ``MAX_PIECE`` is cut into pieces that become rows of their own, since the table splits
    only between rows.
    """
    theme = ctx.theme
    plain = line.description
    inner = width - 2 * PAD
    text_width = theme.width(plain)
    simple = not line.optional and "\n" not in plain and not theme.coverage.lacks(plain)
    if simple and text_width <= inner - 0.5:
        return [plain]
    colour = theme.muted if line.optional else theme.text
    guess = (text_width / max(inner, 1) + plain.count("\n") + 1) * theme.leading
    pieces = _cut(ctx, plain, inner) if guess > MAX_PIECE else [plain]
    cells: list[str | Paragraph] = [theme.para(piece, colour=colour) for piece in pieces]
    if line.optional:
        mark = markup(ctx.bracketed(ctx.label("optional")))
        accent = theme.accent.hexval().replace("0x", "#")
        text = f'<font color="{accent}">{mark}</font> {markup(pieces[0])}'
        cells[0] = theme.para(text, raw=True, colour=colour)
    return cells


def _cut(ctx: RenderContext, text: str, width: float) -> list[str]:
    """``text`` cut into pieces no taller than ``MAX_PIECE`` at ``width``.

    Cut between its lines where it can, else inside a line (at a space if there is one in the
    second half of the piece; Chinese has none and is cut between characters).
    """
    theme = ctx.theme

    def height(part: str) -> float:
        return float(theme.para(part).wrap(width, 1e9)[1])

    pieces: list[str] = []
    current: list[str] = []
    used = 0.0
    for paragraph in text.split("\n"):
        tall = height(paragraph)
        while tall > MAX_PIECE:  # one line taller than a piece: cut it by its length
            if current:
                pieces.append("\n".join(current))
                current, used = [], 0.0
            cut = max(1, int(len(paragraph) * MAX_PIECE / tall * 0.9))
            space = paragraph.rfind(" ", 0, cut)
            cut = space if space > cut // 2 else cut
            while cut < len(paragraph) - 1 and paragraph[cut] in textsplit.ALL_CANNOT_START:
                cut += 1  # a piece must not start with a comma or a closing bracket
            pieces.append(paragraph[:cut])
            paragraph = paragraph[cut:].lstrip(" ")
            tall = height(paragraph)
        if current and used + tall > MAX_PIECE:
            pieces.append("\n".join(current))
            current, used = [], 0.0
        current.append(paragraph)
        used += tall
    if current:
        pieces.append("\n".join(current))
    return pieces


def _header(ctx: RenderContext, columns: Sequence[Column]) -> list[Flowable]:
    theme = ctx.theme
    colour = theme.on_accent if theme.style == "classic" else theme.accent
    size = theme.size * 0.92
    return [
        theme.para(ctx.label(f"col_{c}"), size=size, colour=colour, align=ALIGN[c], strong=True)
        for c in columns
    ]


def _widths(
    ctx: RenderContext, columns: Sequence[Column], measured: dict[Column, list[float]]
) -> list[float]:
    """Each column as wide as its widest figure (and header); the description takes the rest."""
    theme = ctx.theme
    header_size = theme.size * 0.92
    figures: dict[Column, float] = {}
    headers: dict[Column, float] = {}
    for column in columns:
        if column == "description":
            continue
        widest = max(measured[column], default=0.0)
        figures[column] = min(widest, TEXT_CAP.get(column, widest)) + 2 * PAD
        headers[column] = theme.width(ctx.label(f"col_{column}"), header_size) + 2 * PAD + 1
    wanted = {c: max(figures[c], headers[c]) for c in figures}
    if sum(wanted.values()) > ctx.width * (1 - DESCRIPTION_SHARE):
        wanted = figures  # let the headers wrap before the description is squeezed
    others = sum(wanted.values())
    floor = ctx.width * MIN_DESCRIPTION
    if ctx.width - others < floor:  # huge figures at a large size: narrow them all alike
        wanted = {c: w * (ctx.width - floor) / others for c, w in wanted.items()}
    rest = ctx.width - sum(wanted.values())
    return [rest if c == "description" else wanted[c] for c in columns]


def line_table(ctx: RenderContext, totals: Flowable) -> Table:
    """The lines of ``ctx.doc`` in the template's columns, ending with the ``totals`` row."""
    theme = ctx.theme
    columns = visible_columns(ctx)
    lines = ctx.doc.lines
    texts: dict[Column, list[str]] = {c: [] for c in columns}
    index = 0
    for line in lines:
        if line.kind == "item":
            index += 1
            for column in columns:
                if column != "description":
                    texts[column].append(cell_text(ctx, line, column, index))
    measured = {c: [theme.width(text) for text in texts[c]] for c in columns}
    widths = _widths(ctx, columns, measured)
    width_of = dict(zip(columns, widths, strict=True))

    rows: list[list[Any]] = [_header(ctx, columns)]
    commands: list[tuple[Any, ...]] = []
    at = {c: 0 for c in columns}
    blank = [""] * (len(columns) - 1)
    where = columns.index("description")
    items = 0
    for line in lines:
        row = len(rows)
        if line.kind == "section":
            heading = theme.para(line.description, strong=True, colour=theme.accent)
            rows.append([heading, *blank])
            commands += _section_commands(ctx, row)
            continue
        pieces = _description(ctx, line, width_of["description"])
        cells: list[Any] = []
        for column in columns:
            if column == "description":
                cells.append(pieces[0])
                continue
            value, wide = texts[column][at[column]], measured[column][at[column]]
            at[column] += 1
            # A long code, squeezed figures, or a text that needs a fallback font.
            if wide > width_of[column] - 2 * PAD + 0.5 or theme.coverage.lacks(value):
                cells.append(theme.para(value, align=ALIGN[column]))
            else:
                cells.append(value)
        rows.append(cells)
        rows += [[*blank[:where], piece, *blank[where:]] for piece in pieces[1:]]
        commands += _item_commands(ctx, row, len(rows) - 1, items, optional=line.optional)
        items += 1
    last = len(rows)
    rows.append([totals, *blank])
    commands = _base_commands(ctx, columns, last - 1) + commands
    commands += [
        ("SPAN", (0, last), (-1, last)),
        ("LEFTPADDING", (0, last), (-1, last), 0),
        ("RIGHTPADDING", (0, last), (-1, last), 0),
        ("TOPPADDING", (0, last), (-1, last), theme.size * 0.9),
    ]
    if lines:
        # After the items' own rules, so it is drawn over the last one.
        commands += [
            ("LINEBELOW", (0, last - 1), (-1, last - 1), 0.9, theme.accent),
            ("NOSPLIT", (0, last - 1), (-1, last)),
        ]
    return Table(
        rows, colWidths=widths, repeatRows=1, style=theme.table_style(commands), hAlign="LEFT"
    )


def _item_commands(
    ctx: RenderContext, first: int, last: int, item: int, *, optional: bool
) -> list[tuple[Any, ...]]:
    """Banding (classic) or the rule under an item (modern), over all of the item's rows."""
    theme = ctx.theme
    commands: list[tuple[Any, ...]] = []
    if theme.style == "classic":
        if item % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), theme.band))
    else:
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, theme.rule))
    if optional:
        commands.append(("TEXTCOLOR", (0, first), (-1, last), theme.muted))
    if last > first:  # a description cut into pieces reads on without gaps
        commands += [
            ("BOTTOMPADDING", (0, first), (-1, last - 1), 0),
            ("TOPPADDING", (0, first + 1), (-1, last), 0),
        ]
    return commands


def _base_commands(
    ctx: RenderContext, columns: Sequence[Column], end: int
) -> list[tuple[Any, ...]]:
    """Padding, alignment and the header row's decoration; ``end`` is the last line's row."""
    theme = ctx.theme
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), theme.size * 0.33),
        ("BOTTOMPADDING", (0, 0), (-1, -1), theme.size * 0.45),
    ]
    for position, column in enumerate(columns):
        commands.append(("ALIGN", (position, 1), (position, max(end, 1)), ALIGN[column].upper()))
    if theme.style == "classic":
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), theme.accent),
            ("TOPPADDING", (0, 0), (-1, 0), theme.size * 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, 0), theme.size * 0.55),
        ]
    else:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 1.1, theme.accent),
            ("TOPPADDING", (0, 1), (-1, max(end, 1)), theme.size * 0.55),
            ("BOTTOMPADDING", (0, 1), (-1, max(end, 1)), theme.size * 0.6),
        ]
    return commands


def _section_commands(ctx: RenderContext, row: int) -> list[tuple[Any, ...]]:
    """A section row spans the table and stays on the page of the row after it."""
    theme = ctx.theme
    commands: list[tuple[Any, ...]] = [
        ("SPAN", (0, row), (-1, row)),
        ("NOSPLIT", (0, row), (-1, row + 1)),
        ("TOPPADDING", (0, row), (-1, row), theme.size * 0.7),
    ]
    if theme.style == "classic":
        commands.append(("BACKGROUND", (0, row), (-1, row), theme.band_strong))
    return commands
