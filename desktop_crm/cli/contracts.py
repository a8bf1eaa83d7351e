"""Contract commands: list contracts with what is paid and owed, print one, make one of a quote.

``contracts --json`` prints a list of objects with ``number``, ``quote``, ``customer``,
``currency``, ``total``, ``paid``, ``outstanding`` and ``overdue`` (the unpaid part of
instalments past due, as of today); amounts are decimal strings to the currency's minor unit.
These names are read by scripts outside the app: they do not change.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop_crm.cli.common import EXIT_OK, UsageError, counts, emit, json_arg, workspace_arg
from desktop_crm.cli.quotes import NOT_LOGGED, named_templates, opened_to_print, print_table
from desktop_crm.domain.currency import to_minor_unit

COMMANDS = {
    "contracts": ("list contracts with what is paid, outstanding and overdue", "list contracts"),
    "contract-pdf": ("print a contract to a PDF file", "print the contract"),
    "contract-from-quote": (
        "make a contract of a quote (accepting the quote if it is not yet)",
        "make the contract",
    ),
}

PAGE = 500  # contracts read per page: a long list is never held as ORM rows at once


def add_parsers(sub: Any) -> None:
    """Add the contract commands to the CLI's subparsers."""
    p = sub.add_parser(
        "contracts",
        help=COMMANDS["contracts"][0],
        description="List every contract with its quote, customer and total, and what is paid, "
        "outstanding and overdue (the unpaid part of instalments past due) as of today, in the "
        "contract's currency. With --json: a list of objects with number, quote, customer, "
        "currency, total, paid, outstanding and overdue (amounts as decimal strings). Works "
        "while the app has the workspace open.",
    )
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser(
        "contract-pdf",
        help=COMMANDS["contract-pdf"][0],
        description="Print a contract to PDF in the customer's language (or --language), "
        "with the lines, totals and payment plan it was signed with, and note it in its print "
        "log. While the app has the workspace open the PDF is still written, but the print is "
        "not logged.",
    )
    workspace_arg(p)
    p.add_argument("number", help="the contract's number")
    p.add_argument("file", type=Path, help="the PDF file to write")
    p.add_argument("--template", help="a template name (default: the contract design)")
    p.add_argument("--language", choices=("en", "zh"), help="default: the customer's")
    p.add_argument("--paper", choices=("A4", "Letter"), help="default: the template's")
    json_arg(p)

    p = sub.add_parser(
        "contract-from-quote",
        help=COMMANDS["contract-from-quote"][0],
        description="Make a contract of a quote with its lines, customer and total. A draft "
        "or sent quote is accepted first; a rejected or expired one is refused.",
    )
    workspace_arg(p)
    p.add_argument("quote_number", metavar="QUOTE_NUMBER", help="the quote's number")
    p.add_argument(
        "--plan",
        help='instalments as VALUE:DATE,…: shares ("30%%:2027-01-15,70%%:2027-03-01") or '
        "amounts that add up to the total (default: all due on the start day)",
    )
    json_arg(p)
    # A plan value may start with "-" (a mistyped amount gets its own clear message then,
    # not "expected one argument"): only "-" followed by a digit or dot is read as a value.
    p._negative_number_matcher = re.compile(r"^-[\d.]")


def money(amount: Decimal, currency: str) -> str:
    """``amount`` as a decimal string to the currency's minor unit: ``"1234.50"``, JPY ``"980"``."""
    return format(to_minor_unit(amount, currency), "f")


def cmd_contracts(args: argparse.Namespace) -> int:
    """``contracts PATH [--json]``."""
    from desktop_crm.services.contracts.dto import ContractFilter
    from desktop_crm.services.workspace.reading import open_for_reading

    today = date.today()
    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        contracts = reader.contracts
        flt = ContractFilter()
        size = contracts.open_list(flt, today).count
        rows = [
            row
            for offset in range(0, size, PAGE)
            for row in contracts.page(flt, today, offset, PAGE)
        ]
    finally:
        reader.close()
    listed = [
        {
            "number": r.number,
            "quote": r.quote,
            "customer": r.customer,
            "currency": r.currency,
            "total": money(r.total, r.currency),
            "paid": money(r.paid, r.currency),
            "outstanding": money(r.outstanding, r.currency),
            "overdue": money(r.overdue, r.currency),
        }
        for r in rows
    ]
    if args.json:
        emit(args, listed, "")
        return EXIT_OK
    if not listed:
        print("No contracts.")
        return EXIT_OK
    header = ("Number", "Quote", "Customer", "Currency", "Total", "Paid", "Outstanding", "Overdue")
    keys = ("number", "quote", "customer", "currency", "total", "paid", "outstanding", "overdue")
    table = [header] + [tuple(str(item[k] or "") for k in keys) for item in listed]
    print_table(table, {4, 5, 6, 7})
    return EXIT_OK


def cmd_contract_pdf(args: argparse.Namespace) -> int:
    """``contract-pdf PATH NUMBER FILE.pdf [--template] [--language] [--paper] [--json]``."""
    number = args.number.strip()
    if not number:
        raise UsageError("give a contract number")
    out = args.file.expanduser().absolute()
    with (
        opened_to_print(args.path) as (handle, logged),
        named_templates(handle, "contract", args.template),
    ):
        info = handle.contracts.write_pdf(
            number,
            out,
            template=args.template,
            language=args.language,
            paper=args.paper,
            log=logged,
        )
    if not logged:
        print(NOT_LOGGED, file=sys.stderr)
    pages = "page" if info.pages == 1 else "pages"
    emit(
        args,
        {
            "path": info.path,
            "number": number,
            "pages": info.pages,
            "revision": info.revision,
            "template": info.template,
            "language": info.language,
            "paper": info.paper,
            "logged": logged,
        },
        f"Wrote contract {number} to {out} ({info.pages} {pages}).",
    )
    return EXIT_OK


def cmd_contract_from_quote(args: argparse.Namespace) -> int:
    """``contract-from-quote PATH QUOTE_NUMBER [--plan …] [--json]``."""
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(args.path)
    try:
        result = ws.contracts.from_quote(args.quote_number, args.plan)
        number = ws.contracts.get(result.ids[0]).number
    finally:
        ws.close(backup_if_changed=False)
    emit(
        args,
        counts(result.created, result.updated, result.operation_id, number=number),
        number,
    )
    return EXIT_OK
