"""``desktop-crm import``: a file into a workspace, with its preview, checks and report."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from desktop_crm.cli.common import EXIT_OK, UsageError
from desktop_crm.domain.choices import ImportEntity
from desktop_crm.domain.errors import CrmError, ValidationError

DATE_ORDERS = ("YMD", "DMY", "MDY")
IMPORT_ENTITIES: tuple[str, ...] = get_args(ImportEntity)
"""What ``import --entity`` and ``template --entity`` take."""


def cmd_import(args: argparse.Namespace) -> int:
    """Import ``args.file`` into ``args.path`` (or preview it); return the exit code."""
    from desktop_crm.domain.errors import FileFormatError
    from desktop_crm.services.archive.workbook import is_workspace_export
    from desktop_crm.services.importing.vcard_import import is_vcard_file
    from desktop_crm.services.workspace.handle import open_workspace

    path = args.file.expanduser()
    _check_date_orders(args.date_order)
    vcard = path.is_file() and is_vcard_file(path)
    if vcard and args.entity != "people":
        raise ValidationError(
            f"{path.name} is a vCard file, which holds people; import it without --entity "
            f"{args.entity}.",
            field="entity",
        )
    if vcard and args.preview:  # it used to import for real instead
        raise UsageError(f"{path.name} is a vCard file: see what it holds with --dry-run.")
    sheet: int | str = int(args.sheet) - 1 if args.sheet.isdigit() else args.sheet
    ws = open_workspace(args.path)
    try:
        mapping = orders = preview = None
        if (args.map or args.date_order or args.preview) and not vcard:
            preview = ws.imports.preview(path, entity=args.entity, sheet=sheet)
            mapping = dict(preview.mapping) | _pairs(args.map, preview.columns, "--map")
            orders = {
                c: o.upper()
                for c, o in _pairs(args.date_order, preview.columns, "--date-order").items()
            }
        if args.entity == "deals" and not args.map and not vcard and not is_workspace_export(path):
            _check_deal_columns(preview or ws.imports.preview(path, entity="deals", sheet=sheet))
        if args.preview and preview is not None:
            preview = ws.imports.preview(
                path, entity=args.entity, sheet=sheet, mapping=mapping, date_orders=orders
            )
            return _print_preview(args, preview)
        report = ws.imports.import_file(
            path,
            dry_run=args.dry_run,
            sheet=sheet,
            duplicates=args.duplicates,
            entity=args.entity,
            mapping=mapping,
            date_orders=orders,
            match_by=tuple(k.strip() for k in args.match_by.split(",") if k.strip()),
            create_owners=args.create_owners,
        )
    except FileFormatError as exc:
        raise _sheet_error(path, args.sheet) or exc from None
    finally:
        ws.close(backup_if_changed=False)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
        return EXIT_OK
    verb = "Would import" if report.dry_run else "Imported"
    print(
        f"{verb} {args.file.name}: {report.created} created, {report.updated} updated, "
        f"{report.skipped} skipped, {report.failed} failed"
        + (f" (operation {report.operation_id})." if report.operation_id else ".")
    )
    if len(report.by_entity) > 1:  # people and the companies made for them, say
        print("  " + "; ".join(_entity_line(k, c) for k, c in report.by_entity.items()))
    for line in report.problems + report.note_lines():
        print(f"  {line}")
    if report.error_workbook:
        print(f"  Failed rows with their reasons: {report.error_workbook}")
    return EXIT_OK


def _entity_line(kind: str, counts: Any) -> str:
    """One kind's counts of an import, e.g. "people: 5 created, 1 updated"."""
    parts = [f"{counts.created} created"]
    for number, what in ((counts.updated, "updated"), (counts.skipped, "skipped")):
        if number:
            parts.append(f"{number} {what}")
    return f"{kind}: {', '.join(parts)}"


def _check_date_orders(items: list[str]) -> None:
    """Refuse a ``--date-order`` other than YMD, DMY or MDY before anything is read."""
    for item in items:
        _column, _sep, order = item.partition("=")
        if order.strip() and order.strip().upper() not in DATE_ORDERS:
            raise UsageError(
                f"--date-order: “{order.strip()}” is not a date order; use YMD, DMY or MDY "
                "(year-month-day, day-month-year, month-day-year)."
            )


def _sheet_error(path: Path, asked: str) -> CrmError | None:
    """When the sheet asked for is not in the workbook: an error that lists the sheets."""
    from desktop_crm.domain.errors import FileFormatError
    from desktop_crm.spreadsheet.tables import read_table

    try:
        sheets = read_table(path, 0).sheets
    except FileFormatError:
        return None
    index = int(asked) - 1 if asked.isdigit() else None
    if (index is not None and 0 <= index < len(sheets)) or asked in sheets:
        return None  # the sheet is there: the error was about something else
    listed = ", ".join(f"{n} “{name}”" for n, name in enumerate(sheets, start=1))
    return ValidationError(
        f"{path.name} has no sheet {asked if index is not None else f'“{asked}”'}; its sheets "
        f"are {listed}. Use --sheet with a number or a name.",
        field="--sheet",
    )


# Deal fields no list of people or companies has; a sheet of deals has at least one of them
# (or a name column headed as a deal's, which people and companies do not recognise).
_DEAL_ONLY = ("amount", "stage", "expected_close", "closed_on", "lost_reason", "currency", "person")


def _check_deal_columns(preview: Any) -> None:
    """Refuse to import a sheet as deals when none of its columns is a deal's.

    A list of people maps its "Name" column to a deal's title and would become one deal per
    person; columns mapped by hand (``--map``) or remembered from an earlier import pass.
    """
    from desktop_crm.spreadsheet.mapping import guess_mapping

    if preview.profile:
        return
    contact_columns = set(guess_mapping(preview.columns, "people"))
    contact_columns |= set(guess_mapping(preview.columns, "companies"))
    for column, target in preview.mapping.items():
        if target in _DEAL_ONLY or (target == "title" and column not in contact_columns):
            return
    raise ValidationError(
        f"{preview.path.name} has no deal columns (such as amount, stage or expected close); "
        "use --entity people or companies, or --map COLUMN=title to import it as deals anyway.",
        field="entity",
    )


def _pairs(items: list[str], columns: Sequence[str], flag: str) -> dict[int, str]:
    """``COLUMN=VALUE`` options, the column by number (from 1) or header."""
    found: dict[int, str] = {}
    for item in items:
        column, sep, value = item.partition("=")
        if not sep or not value.strip():
            raise ValidationError(f"{flag} takes COLUMN=VALUE, not “{item}”.", field=flag)
        column = column.strip()
        if column.isdigit():
            index = int(column) - 1
        elif column in columns:
            index = list(columns).index(column)
        else:
            raise ValidationError(f"{flag}: no column “{column}” in the sheet.", field=flag)
        found[index] = value.strip()
    return found


def _print_preview(args: argparse.Namespace, preview: Any) -> int:
    if args.json:
        print(
            json.dumps(
                {
                    "sheet": preview.sheet,
                    "sheets": list(preview.sheets),
                    "header_row": preview.header_row,
                    "rows": preview.total_rows,
                    "columns": list(preview.columns),
                    "mapping": {preview.columns[c]: t for c, t in sorted(preview.mapping.items())},
                    "date_orders": {
                        preview.columns[c]: o for c, o in sorted(preview.date_orders.items())
                    },
                    "preview": [
                        {
                            "row": r.number,
                            "cells": [c.shown for c in r.cells],
                            "problems": {
                                preview.columns[i]
                                if i < len(preview.columns)
                                else str(i + 1): c.problem
                                for i, c in enumerate(r.cells)
                                if c.problem
                            },
                            "row_problem": r.problem,
                        }
                        for r in preview.rows
                    ],
                },
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    print(
        f"{preview.path.name}, sheet “{preview.sheet}”: {preview.total_rows} rows, header on "
        + (f"row {preview.header_row}" if preview.header_row else "no row")
        + (f" (mapping remembered from {preview.profile})" if preview.profile else "")
    )
    for col, name in enumerate(preview.columns):
        target = preview.mapping.get(col, "notes (unmapped)")
        order = preview.date_orders.get(col)
        print(f"  {col + 1:>3}. {name} -> {target}" + (f" [{order}]" if order else ""))
    for row in preview.rows[:10]:
        cells = " | ".join(c.shown + (f" (!{c.problem})" if c.problem else "") for c in row.cells)
        print(f"  row {row.number}: {cells}" + (f"  <- {row.problem}" if row.problem else ""))
    return EXIT_OK
