"""Quote commands: ``quotes`` lists them with their totals, ``quote-pdf`` prints one to PDF.

``quotes --json`` is a contract read by other programs: a list of objects, one per quote at its
latest revision, with ``number``, ``revision``, ``customer``, ``status``, ``currency``,
``subtotal`` (net of discounts, before tax), ``discount``, ``tax``, ``tax_by_rate`` (keys such
as ``13%``) and ``total``; amounts are decimal strings rounded to the currency's minor unit.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg
from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import CrmError, WorkspaceLockedError
from desktop_crm.domain.quote_totals import rate_label

COMMANDS: dict[str, tuple[str, str]] = {
    "quotes": ("list the quotes with their totals", "list the quotes"),
    "quote-pdf": ("write a quote as a PDF file", "write the quote's PDF"),
}
_PAGE = 2_000  # rows priced per read, so a large list never holds every line at once
NOT_LOGGED = (
    "Note: the print was not logged because the workspace is open in the app (the PDF was written)."
)


def add_parsers(sub: Any) -> None:
    """Add the quote commands to the ``desktop-crm`` parser."""
    p = sub.add_parser(
        "quotes",
        help=COMMANDS["quotes"][0],
        description="List every quote at its latest revision with its status today (a sent "
        "quote past its valid-until day is expired) and its totals: subtotal (net of "
        "discounts, before tax), tax and total, in the quote's currency. With --json: a list "
        "of objects with number, revision, customer, status, currency, subtotal, discount, "
        "tax, tax_by_rate and total (amounts as decimal strings). Works while the app has the "
        "workspace open.",
    )
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser(
        "quote-pdf",
        help=COMMANDS["quote-pdf"][0],
        description="Write a quote (its latest revision unless --revision) as a PDF file and "
        "note it in the quote's print log. While the app has the workspace open the PDF is "
        "still written, but the print is not logged.",
    )
    workspace_arg(p)
    p.add_argument("number", help="the quote's number, e.g. Q-2026-0001")
    p.add_argument("file", type=Path, help="the PDF file to write")
    p.add_argument(
        "--template",
        help="the template's name (default: the quote's, else the "
        "company profile's default for quotes)",
    )
    p.add_argument(
        "--language", choices=("en", "zh"), help="the document's language (default: the quote's)"
    )
    p.add_argument("--paper", choices=("A4", "Letter"), help="default: the template's paper")
    p.add_argument("--revision", type=int, help="an earlier revision (default: the latest)")
    json_arg(p)


def cmd_quotes(args: argparse.Namespace) -> int:
    """``desktop-crm quotes PATH [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        quotes = reader.quotes
        ids = quotes.ids(sort="number", descending=False)
        rows = [
            row for at in range(0, len(ids), _PAGE) for row in quotes.rows(ids[at : at + _PAGE])
        ]
    finally:
        reader.close()
    listed = [_as_json(row) for row in rows]
    if args.json:
        print(json.dumps(listed, ensure_ascii=False))
        return EXIT_OK
    if not listed:
        print("No quotes.")
        return EXIT_OK
    header = ("Number", "Rev", "Customer", "Status", "Currency", "Subtotal", "Tax", "Total")
    table = [header] + [
        (
            q["number"],
            str(q["revision"]),
            q["customer"],
            q["status"],
            q["currency"],
            q["subtotal"],
            q["tax"],
            q["total"],
        )
        for q in listed
    ]
    print_table(table, {1, 5, 6, 7})
    return EXIT_OK


def print_table(table: list[tuple[str, ...]], right: set[int]) -> None:
    """Print ``table`` (a header row first) in aligned columns; ``right`` ones right-aligned."""
    widths = [max(_width(r[c]) for r in table) for c in range(len(table[0]))]
    for r in table:
        print("  ".join(_pad(r[c], widths[c], c in right) for c in range(len(r))).rstrip())


def cmd_quote_pdf(args: argparse.Namespace) -> int:
    """``desktop-crm quote-pdf PATH NUMBER FILE.pdf [...]``."""
    if args.revision is not None and args.revision < 1:
        raise UsageError("--revision takes a revision number from 1.")
    target = args.file.expanduser().absolute()
    with (
        opened_to_print(args.path) as (handle, logged),
        named_templates(handle, "quote", args.template),
    ):
        quote_id = handle.quotes.id_of(args.number)
        result = handle.quotes.print_pdf(
            quote_id,
            target,
            template=args.template,
            language=args.language,
            paper=args.paper,
            revision=args.revision,
            log=logged,
        )
    if not logged:
        print(NOT_LOGGED, file=sys.stderr)
    emit(
        args,
        {
            "path": result.path,
            "number": args.number.strip(),
            "pages": result.pages,
            "revision": result.revision,
            "template": result.template,
            "language": result.language,
            "paper": result.paper,
            "logged": logged,
        },
        f"Wrote quote {args.number.strip()} rev {result.revision} ({result.template}, "
        f"{result.language}, {result.paper}, {result.pages} "
        f"{'page' if result.pages == 1 else 'pages'}) to {result.path}.",
    )
    return EXIT_OK


@contextmanager
def opened_to_print(path: Path) -> Iterator[tuple[Any, bool]]:
    """The workspace to print from, and whether its print log can be written.

    The workspace is opened for writing (the print is logged) when it can be; while the app
    holds it, it is opened read-only beside the app instead (the PDF is still written).
    """
    from desktop_crm.services.workspace.handle import open_workspace
    from desktop_crm.services.workspace.reading import open_for_reading

    close: Callable[[], None]
    try:
        ws = open_workspace(path)
    except WorkspaceLockedError:
        reader = open_for_reading(path)  # no lock: works while the app has it open
        handle: Any = reader
        close, logged = reader.close, False
    else:
        handle = ws
        close, logged = (lambda: ws.close(backup_if_changed=False)), True
    try:
        yield handle, logged
    finally:
        close()


@contextmanager
def named_templates(handle: Any, kind: str, requested: str | None) -> Iterator[None]:
    """Turn "no such template" into a message listing the ``kind`` templates there are."""
    try:
        yield
    except CrmError as error:
        if error.code != "template.invalid" or not requested:
            raise
        every = handle.printing.templates()
        if any(t.name.casefold() == requested.strip().casefold() for t in every):
            raise  # it exists: the error is about something else (the kind, the paper)
        names = ", ".join(t.name for t in every if t.kind == kind)
        raise type(error)(
            f"There is no template “{requested}”; use one of {names}.", template=requested
        ) from None


def _as_json(row: Any) -> dict[str, Any]:
    currency = row.currency

    def money(value: Decimal) -> str:
        return format(to_minor_unit(value, currency), "f")

    return {
        "number": row.number,
        "revision": row.revision,
        "customer": row.customer,
        "status": row.status.value,
        "currency": currency,
        "subtotal": money(row.subtotal),
        "discount": money(row.discount),
        "tax": money(row.tax),
        "tax_by_rate": {rate_label(rate): money(tax) for rate, tax in row.tax_by_rate.items()},
        "total": money(row.total),
    }


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool) -> str:
    room = " " * (width - _width(text))
    return room + text if right else text + room
