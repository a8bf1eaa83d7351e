"""The command line: the same services as the app, no Qt imported.

Every error is one clear line on stderr and a non-zero exit, never a traceback. Commands that
change data accept ``--json`` and then print one JSON object with at least ``created``,
``updated``, ``skipped``, ``failed`` and ``operation_id``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop_crm.cli.common import (
    EXIT_DAMAGED,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    counts,
    emit,
    json_arg,
    workspace_arg,
)
from desktop_crm.cli.importing import IMPORT_ENTITIES, cmd_import
from desktop_crm.domain.choices import ExportFormat, RecordKind
from desktop_crm.domain.errors import CrmError, ValidationError

# Modules holding a group of commands each: ``COMMANDS`` (name -> (help, what it does, for
# "could not ..." lines)), ``add_parsers(sub)``, and a handler ``cmd_<name>`` per command.
GROUP_MODULES: tuple[str, ...] = (
    "desktop_crm.cli.quotes",
    "desktop_crm.cli.contracts",
    "desktop_crm.cli.followups",
    "desktop_crm.cli.pool",
    "desktop_crm.cli.today",
    "desktop_crm.cli.calendar",
    "desktop_crm.cli.deals",
    "desktop_crm.cli.report",
    "desktop_crm.cli.records",
    "desktop_crm.cli.team",
)

BASE_COMMANDS = (
    "init",
    "demo",
    "import",
    "export",
    "template",
    "search",
    "backup",
    "restore",
    "check",
    "history",
    "undo",
    "redo",
)


BULK_KINDS = {"import": "an import", "bulk": "a bulk edit", "demo": "demo data"}
"""Operations that change many records at once: undoing or redoing one asks for ``--yes``."""

USAGE = (
    "desktop-crm [--workspace PATH] [--view SCREEN] [--language en|zh_CN] [--screenshot FILE]\n"
    "       desktop-crm COMMAND [options]   (desktop-crm COMMAND --help for its options)"
)
DESCRIPTION = """Desktop CRM. Without a command it starts the app:
  --workspace PATH      open this workspace file
  --view SCREEN         the screen to show first (today, contacts, ...)
  --language en|zh_CN   the app's language for this run
  --screenshot FILE.png render the main window to a PNG and exit (needs --workspace)
  PATH.crm              open this workspace (as a double-clicked file does)
  --self-test           check this installation in a temporary folder, one line per step
  --version             print the version

With a command it works on a workspace file from the command line (no window opens).
Errors are one line on stderr with a non-zero exit; commands that change data take --json."""

# What each command does, for the one line that names a failure ("could not ...").
_DOING = {
    "init": "create the workspace",
    "demo": "create the demo workspace",
    "import": "import",
    "export": "export",
    "template": "write the template",
    "search": "search",
    "backup": "back up",
    "restore": "restore",
    "check": "check the workspace",
    "history": "list the history",
    "undo": "undo",
    "redo": "redo",
}


class _Help(argparse.RawDescriptionHelpFormatter):
    """Help with every command's description beside its name.

    argparse measures command names two columns shallower than it prints them, so the longest
    (``contract-from-quote``) had its description pushed onto the next line.
    """

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=28)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is argparse.SUPPRESS:
            return
        for command in self._iter_indented_subactions(action):  # indented while iterating
            width = len(self._format_action_invocation(command)) + self._current_indent
            self._action_max_length = max(self._action_max_length, width)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"desktop-crm: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog="desktop-crm",
        usage=USAGE,
        description=DESCRIPTION,
        formatter_class=_Help,
    )
    sub = parser.add_subparsers(
        dest="command",
        required=True,
        parser_class=_Parser,
        title="commands",
        metavar="COMMAND",
        prog="desktop-crm",  # not the two-line usage above
    )

    p = sub.add_parser("init", help="create an empty workspace")
    workspace_arg(p)
    p.add_argument("--language", choices=("en", "zh"), default="en")
    json_arg(p)

    p = sub.add_parser("demo", help="create a workspace filled with demo data")
    workspace_arg(p)
    p.add_argument("--contacts", type=int, default=300, help="how many people (default 300)")
    p.add_argument("--language", choices=("en", "zh"), default="zh")
    p.add_argument("--seed", type=int, default=7)
    json_arg(p)

    p = sub.add_parser(
        "import",
        help="import people, companies, deals, products, quotes, payments or follow-ups from a "
        "file",
        description="Import from .vcf, .xlsx, .xls, .ods, .csv/.txt, .html, .xml, .fods or .ldif "
        "as one undoable operation.",
    )
    workspace_arg(p)
    p.add_argument("file", type=Path, help="the file to import")
    p.add_argument("--dry-run", action="store_true", help="read and report; write nothing")
    p.add_argument("--sheet", default="1", help="sheet number (from 1) or name")
    p.add_argument(
        "--entity",
        choices=IMPORT_ENTITIES,
        default="people",
        help="what the sheet holds (default people); quotes: one row per line, the lines of a "
        "quote sharing its number; payments: contract number, date, amount, note; followups: "
        "planned calls (contact by name, phone or number, due date, time, type, subject, "
        "repeat; a time is in this computer's time zone)",
    )
    p.add_argument(
        "--duplicates",
        choices=("skip", "fill", "overwrite", "create"),
        default="skip",
        help="records already there: skip them, fill their empty fields, overwrite, or create",
    )
    p.add_argument(
        "--match-by",
        default="email,phone,name",
        help="how people are matched: any of email,phone,name (name at the same company)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help="map a column (number from 1, or header) to a field, custom:<name> or ignore; "
        "repeatable; columns not given are guessed",
    )
    p.add_argument(
        "--date-order",
        action="append",
        default=[],
        metavar="COLUMN=ORDER",
        help="how a column's text dates are written: YMD, DMY or MDY; repeatable",
    )
    p.add_argument(
        "--preview",
        action="store_true",
        help="show the mapping and the first rows as they would be stored",
    )
    p.add_argument(
        "--create-owners",
        action="store_true",
        help="add the names in the owner column that are not users as users of the workspace "
        "(without it they are kept in each record's notes)",
    )
    json_arg(p)

    p = sub.add_parser("export", help="export a list, or the whole workspace, to a file")
    workspace_arg(p)
    p.add_argument("file", type=Path, help="the file to write")
    p.add_argument(
        "--entity",
        default="people",
        help="what to export: people, companies, deals, quotes, activities, products, or "
        "workspace (every table, one sheet each, to move a workspace losslessly)",
    )
    p.add_argument(
        "--columns",
        help="comma-separated columns, by name or header (default: the list's usual columns); "
        "'all' for every field (people and companies: every phone, email and address, "
        "birthday, notes, custom fields)",
    )
    p.add_argument("--status", help="only deals/quotes with this status, activities of this kind")
    p.add_argument(
        "--language",
        choices=("en", "zh"),
        default="en",
        help="the words statuses and kinds are written in (default en)",
    )
    p.add_argument(
        "--format", dest="fmt", default=None, help="xlsx, csv or vcf (default: from the file name)"
    )
    p.add_argument(
        "--version",
        dest="vcard_version",
        choices=("3.0", "4.0"),
        default="3.0",
        help="vCard version",
    )
    json_arg(p)

    p = sub.add_parser("template", help="write an import template (xlsx) to fill in")
    p.add_argument("file", type=Path, help="the .xlsx file to write")
    p.add_argument(
        "--entity",
        choices=IMPORT_ENTITIES,
        default="people",
    )
    p.add_argument("--language", choices=("en", "zh"), default="en")
    json_arg(p)

    p = sub.add_parser(
        "search", help="find people and companies (also while the app has the workspace open)"
    )
    workspace_arg(p)
    p.add_argument("query", help="name, pinyin, initials, phone digits, email, tag, city...")
    p.add_argument("--limit", type=int, default=20)
    json_arg(p)

    p = sub.add_parser(
        "backup", help="take a verified backup now (also while the app has the workspace open)"
    )
    workspace_arg(p)
    p.add_argument("--to", type=Path, dest="to", help="write the backup to this file")
    json_arg(p)

    p = sub.add_parser("restore", help="replace the workspace with a backup")
    workspace_arg(p)
    p.add_argument("backup", type=Path, help="the backup file")
    json_arg(p)

    p = sub.add_parser("check", help="check integrity and schema (exit code says the result)")
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser("history", help="list recent operations with their ids")
    workspace_arg(p)
    p.add_argument("--limit", type=int, default=20)
    json_arg(p)

    for name, what in (
        ("undo", "undo an operation (default: the last one)"),
        ("redo", "redo an undone operation (default: the last undone)"),
    ):
        p = sub.add_parser(name, help=what)
        workspace_arg(p)
        p.add_argument("operation_id", nargs="?", help="the operation (see history)")
        p.add_argument(
            "--yes",
            action="store_true",
            help=f"confirm {name}ing an import, bulk edit or demo data (many records at once)",
        )
        json_arg(p)
    for group in _groups():
        group.add_parsers(sub)
    return parser


def _groups() -> list[Any]:
    return [importlib.import_module(name) for name in GROUP_MODULES]


def _handler(command: str) -> Callable[[argparse.Namespace], int]:
    for group in _groups():
        if command in group.COMMANDS:
            handler: Callable[[argparse.Namespace], int] = getattr(
                group, f"cmd_{command.replace('-', '_')}"
            )
            return handler
    found: Callable[[argparse.Namespace], int] = globals()[f"_cmd_{command}"]
    return found


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit code."""
    from desktop_crm.services.workspace.error_log import setup_logging

    args = build_parser().parse_args(argv)
    handler = _handler(args.command)
    setup_logging()
    try:
        _refuse_folders(args)
        return handler(args)
    except CrmError as exc:
        print(f"desktop-crm: {exc.message}", file=sys.stderr)
        if isinstance(exc, UsageError):
            return EXIT_USAGE
        return EXIT_DAMAGED if exc.code == "workspace.damaged" else EXIT_ERROR
    except KeyboardInterrupt:
        print("desktop-crm: interrupted; nothing was written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``… | head``): nothing to say; keep Python's flush at exit quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"desktop-crm: {exc.strerror or exc}{where}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # the contract: one line, never a traceback
        if os.environ.get("DESKTOP_CRM_DEBUG"):
            raise
        print(f"desktop-crm: {_unexpected(args, exc)}", file=sys.stderr)
        return EXIT_ERROR


def _unexpected(args: argparse.Namespace, exc: BaseException) -> str:
    """Log ``exc`` in full; return the one line users see (no SQL, values or class names)."""
    from desktop_crm.services.workspace.error_log import log_unexpected

    doing = _DOING.get(args.command) or next(
        (g.COMMANDS[args.command][1] for g in _groups() if args.command in g.COMMANDS),
        args.command,
    )
    if args.command == "import":
        doing = f"import {args.file.name}"
    log = log_unexpected(exc, f"desktop-crm {args.command}: could not {doing}")
    where = f"details are in {log}" if log else "its details could not be written to a log"
    return f"could not {doing}: an unexpected error happened; {where}"


def _refuse_folders(args: argparse.Namespace) -> None:
    """A folder named as a file: say so before anything (such as a lock file) is made beside it."""
    from desktop_crm.services.workspace.reading import refuse_folder

    if getattr(args, "path", None) is not None:
        refuse_folder(args.path)
    if getattr(args, "backup", None) is not None:
        refuse_folder(args.backup, "backup")


def _cmd_init(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.handle import create_workspace

    ws = create_workspace(args.path, args.language)
    ws.close(backup_if_changed=False)
    emit(args, counts(path=str(ws.path)), f"Created an empty workspace at {ws.path}.")
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    from desktop_crm.services.demo.demo_data import create_demo_workspace

    if not 0 <= args.contacts <= 1_000_000:
        print("desktop-crm: --contacts must be between 0 and 1000000.", file=sys.stderr)
        return EXIT_USAGE
    ws = create_demo_workspace(args.path, args.contacts, language=args.language, seed=args.seed)
    try:
        info = ws.today.info()
        last = ws.history.recent(1)
    finally:
        ws.close(backup_if_changed=False)
    created = info.people + info.companies
    emit(
        args,
        counts(
            created,
            operation_id=last[0].id if last else None,
            path=str(ws.path),
            people=info.people,
            companies=info.companies,
            open_deals=info.open_deals,
        ),
        f"Created a demo workspace at {ws.path}: {info.people} people, {info.companies} "
        f"companies, {info.open_deals} open deals.",
    )
    return EXIT_OK


_cmd_import = cmd_import  # in a module of its own (importing.py); found here by name


def _cmd_export(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.handle import open_workspace

    fmt = (args.fmt or args.file.suffix.lstrip(".") or "").lower()
    if fmt == "vcard":
        fmt = "vcf"
    kinds: dict[str, RecordKind] = {"people": "person", "companies": "company"}
    records = ("deals", "quotes", "activities", "products")
    entities = (*kinds, *records, "workspace")
    if args.entity not in entities:
        print(
            f"desktop-crm: cannot export {args.entity}; use --entity {'|'.join(entities)}.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    allowed = {"people": ("xlsx", "csv", "vcf"), "workspace": ("xlsx",)}.get(
        args.entity, ("xlsx", "csv")
    )
    if fmt not in allowed:
        print(
            f"desktop-crm: {args.entity} can be exported as {' or '.join(allowed)}, "
            f"not {fmt or 'a file without an extension'}; use --format.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from desktop_crm.services.contact_lists.dto import ContactFilter
    from desktop_crm.services.exporting.exports import ALL, resolve_columns

    columns = None
    if args.columns is not None:
        if fmt == "vcf" or args.entity == "workspace":
            raise UsageError(
                "--columns chooses the columns of a list; vCard and workspace exports hold "
                "every field."
            )
        columns = resolve_columns(args.entity, args.columns.split(","))
    target = args.file.expanduser().resolve()
    table: ExportFormat = "csv" if fmt == "csv" else "xlsx"  # the table formats checked above
    ws = open_workspace(args.path)
    try:
        if fmt == "vcf":
            count = ws.exports.export_people_vcard(target, version=args.vcard_version)
        elif args.entity == "workspace":
            count = ws.exports.export_workspace(target)
        elif args.entity in records:
            count = ws.exports.export_records(
                target, table, args.entity, columns, args.status, language=args.language
            )
        else:
            flt = ContactFilter(kind=kinds[args.entity], status=args.status)
            if columns == [ALL]:
                count = ws.exports.export_all_fields(target, table, flt, language=args.language)
            elif columns:
                count = ws.exports.export_list(target, table, flt, columns, language=args.language)
            else:
                count = ws.exports.export_list(target, table, flt, language=args.language)
    finally:
        ws.close(backup_if_changed=False)
    what = "rows (every table)" if args.entity == "workspace" else args.entity
    emit(
        args,
        {"exported": count, "file": str(args.file), "format": fmt, "entity": args.entity},
        f"Exported {count} {what} to {args.file}"
        + (f" (vCard {args.vcard_version})." if fmt == "vcf" else "."),
    )
    return EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    from desktop_crm.services.exporting.exports import write_template

    target = args.file.expanduser()
    write_template(target, args.entity, args.language)
    emit(
        args,
        {"file": str(target), "entity": args.entity, "language": args.language},
        f"Wrote the {args.entity} import template to {target}.",
    )
    return EXIT_OK


def _cmd_search(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        hits = reader.search.contacts(args.query, max(1, args.limit))
    finally:
        reader.close()
    if args.json:
        print(
            json.dumps(
                [{"kind": h.kind, "id": h.id, "name": h.title, "detail": h.subtitle} for h in hits],
                ensure_ascii=False,
            )
        )
    else:
        for h in hits:
            print(f"{h.kind:<8} {h.title}" + (f"  ({h.subtitle})" if h.subtitle else ""))
        if not hits:
            print(f"No matches for “{args.query}”.")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.reading import open_for_reading

    if args.to is not None and args.to.expanduser().is_dir():
        raise ValidationError(
            f"{args.to} is a folder; give --to the backup file to write.", field="--to"
        )
    reader = open_for_reading(args.path)  # no lock: SQLite's backup API needs none
    try:
        dest = args.to.expanduser().resolve() if args.to is not None else None
        made_path = reader.backup(dest).path
    finally:
        reader.close()
    emit(args, counts(backup=str(made_path)), f"Backup written and verified: {made_path}")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.handle import restore_workspace

    aside = restore_workspace(args.path, args.backup)
    note = f" The damaged file was kept as {aside}." if aside else ""
    emit(
        args,
        counts(updated=1, restored_from=str(args.backup), damaged_kept=str(aside or "")),
        f"Restored {args.path} from {args.backup}.{note}",
    )
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.handle import check_workspace

    report = check_workspace(args.path)
    data = {
        "ok": report.ok,
        "path": str(report.path),
        "schema_version": report.schema_version,
        "supported_version": report.supported_version,
        "integrity": report.integrity,
        "problem": report.problem,
        "code": report.code,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    elif report.ok:
        print(f"OK: {report.path} (schema {report.schema_version}), integrity ok.")
    else:
        print(f"desktop-crm: {report.problem}", file=sys.stderr)
    if report.ok:
        return EXIT_OK
    return EXIT_DAMAGED if report.code == "workspace.damaged" else EXIT_ERROR


def _cmd_history(args: argparse.Namespace) -> int:
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(args.path)
    try:
        ops = ws.history.recent(args.limit)
    finally:
        ws.close(backup_if_changed=False)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": o.id,
                        "label": o.label,
                        "label_code": o.label_code,
                        "label_args": dict(o.label_args),
                        "kind": o.kind,
                        "at": o.at.isoformat(),
                        "changes": o.changes,
                        "undone": o.undone,
                    }
                    for o in ops
                ],
                ensure_ascii=False,
            )
        )
    else:
        for o in ops:
            flag = " (undone)" if o.undone else ""
            print(f"{o.id}  {o.at:%Y-%m-%d %H:%M:%S}  {o.kind:<7} {o.changes:>7}  {o.label}{flag}")
    return EXIT_OK


def _undo_or_redo(args: argparse.Namespace, redo: bool) -> int:
    from desktop_crm.services.workspace.handle import open_workspace

    verb = "redo" if redo else "undo"
    ws = open_workspace(args.path)
    try:
        target = _operation(ws, args.operation_id, redo)
        if target is not None and target["kind"] in BULK_KINDS and not args.yes:
            # Many records at once: say what it is and ask for --yes, rather than guess.
            what = (
                f"“{target['label']}” ({BULK_KINDS[target['kind']]}, {target['changes']} "
                f"changes, {target['at']:%Y-%m-%d %H:%M}; operation {target['id']})"
            )
            emit(args, {"would_" + verb: target, "confirmed": False}, f"Would {verb} {what}.")
            print(f"desktop-crm: add --yes to {verb} it.", file=sys.stderr)
            return EXIT_USAGE
        result = ws.history.redo(args.operation_id) if redo else ws.history.undo(args.operation_id)
    finally:
        ws.close(backup_if_changed=False)
    changed = result.created + result.updated + result.deleted + result.restored
    done = "Redid" if redo else "Undid"
    what = f"“{target['label']}”" if target else "it"
    emit(
        args,
        result.as_json(),
        f"{done} {what}: {changed} records changed (operation {result.operation_id}).",
    )
    return EXIT_OK


def _operation(ws: Any, operation_id: str | None, redo: bool) -> dict[str, Any] | None:
    """The operation an undo or redo would act on, with how many changes it made.

    ``None`` when there is none (the undo itself then says so).
    """
    from sqlalchemy import case, func, select

    from desktop_crm.domain.operation_labels import english
    from desktop_crm.store.changelog import BULK_ACTIONS, bulk_count
    from desktop_crm.store.models import Change, Operation

    if operation_id is None:
        pending = ws.history.next_redo() if redo else ws.history.next_undo()
        if pending is None:
            return None
        operation_id = pending.id
    with ws.store.read() as session:
        op = session.get(Operation, operation_id)
        if op is None:
            return None
        # A bulk change row stands for every id it lists (as in the history's counts).
        rows = case(
            (Change.action.in_(BULK_ACTIONS), bulk_count()),
            else_=1,
        )
        count = session.scalar(
            select(func.coalesce(func.sum(rows), 0)).where(Change.operation_id == op.id)
        )
        label = english(op.label)
        return {"id": op.id, "label": label, "kind": op.kind, "at": op.at, "changes": count}


def _cmd_undo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, redo=False)


def _cmd_redo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, redo=True)


# Every command, the grouped ones included.
COMMANDS = BASE_COMMANDS + tuple(name for group in _groups() for name in group.COMMANDS)
