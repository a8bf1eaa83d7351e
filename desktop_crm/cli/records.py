"""One record by its number, for scripts: ``show`` its fields, ``edit`` them, ``delete`` it.

A number names a customer (person or company, C-00042), a deal, a quote or a contract.
``show --json`` prints ``{"number", "kind", "fields"}``: ``kind`` is person, company, deal,
quote or contract; ``fields`` holds the fields by the names the card or editor shows (foreign
keys as names), amounts as decimal strings to the currency's minor unit, days as
``YYYY-MM-DD``, moments as ISO 8601 in UTC, lists as lists. ``edit`` takes those same names.
These names are read by scripts outside the app: they do not change.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg

COMMANDS = {
    "show": ("print a customer, deal, quote or contract by its number", "show the record"),
    "edit": ("set fields of a record by its number (one undoable operation)", "edit the record"),
    "delete": ("delete a record by its number (undoable)", "delete the record"),
}


def add_parsers(sub: Any) -> None:
    """Add ``show``, ``edit`` and ``delete`` to the CLI's subparsers."""
    p = sub.add_parser(
        "show",
        help=COMMANDS["show"][0],
        description="Print the person, company, deal, quote or contract with that number and "
        "its fields by name, one 'field: value' line each (lists as field.N lines). With "
        '--json: {"number", "kind", "fields"}, amounts as decimal strings, days as '
        "YYYY-MM-DD, moments in UTC. Works while the app has the workspace open.",
    )
    workspace_arg(p)
    p.add_argument("number", help="a customer, deal, quote or contract number (C-00042)")
    json_arg(p)

    p = sub.add_parser(
        "edit",
        help=COMMANDS["edit"][0],
        description="Set fields of the record with that number, checked as its editor checks "
        "them, all in one undoable operation (nothing changes if one is refused). Fields are "
        "named as show prints them; days are YYYY-MM-DD, owners and stages by name, an empty "
        "value clears a field. People: name, company, title, department, status, level, "
        "owner, source, birthday, phone, email, city, wechat, website, tags, notes. "
        "Companies: name, industry, status, level, owner, source, website, phone, email, "
        "city, notes. Deals: title, amount, currency, stage, owner, expected_close, source, "
        "notes. Quotes: issued_on, valid_until, currency, language, owner, notes, terms (a "
        "sent quote becomes its next revision). Contracts: title, status, owner, signed_on, "
        "starts_on, ends_on, language, notes, terms.",
    )
    workspace_arg(p)
    p.add_argument("number", help="a customer, deal, quote or contract number")
    p.add_argument("changes", nargs="+", metavar="FIELD=VALUE", help="a field and its new value")
    json_arg(p)

    p = sub.add_parser(
        "delete",
        help=COMMANDS["delete"][0],
        description="Delete the record with that number (a person or company with its "
        "phones, emails, addresses and tags; a quote with its lines and revisions; a contract "
        "with its plan and payments) as one operation that undo brings back.",
    )
    workspace_arg(p)
    p.add_argument("number", help="a customer, deal, quote or contract number")
    json_arg(p)


def cmd_show(args: argparse.Namespace) -> int:
    """``show PATH NUMBER [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        record = reader.records.show(args.number)
    finally:
        reader.close()
    fields = {name: _json(value) for name, value in record.fields.items()}
    if args.json:
        emit(args, {"number": record.number, "kind": record.kind, "fields": fields}, "")
        return EXIT_OK
    print(f"number: {record.number}")
    print(f"kind: {record.kind}")
    for name, value in record.fields.items():
        for line in _lines(name, value):
            print(line)
    return EXIT_OK


def cmd_edit(args: argparse.Namespace) -> int:
    """``edit PATH NUMBER FIELD=VALUE… [--json]``."""
    from desktop_crm.services.workspace.handle import open_workspace

    changes = [_pair(text) for text in args.changes]
    ws = open_workspace(args.path)  # the lock: refused while the app has it open
    try:
        done = ws.record_edits.edit(args.number, changes)
    finally:
        ws.close(backup_if_changed=False)
    result = done.result
    which = f"{done.kind} {done.number} ({done.name})"
    if result.operation_id is None:
        line = f"Nothing to change on {which}: it already had those values."
    else:
        line = f"Edited {which}: {', '.join(done.fields)} (operation {result.operation_id})."
    emit(
        args,
        result.as_json() | {"number": done.number, "kind": done.kind, "fields": list(done.fields)},
        line,
    )
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    """``delete PATH NUMBER [--json]``."""
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(args.path)  # the lock: refused while the app has it open
    try:
        done = ws.record_edits.delete(args.number)
    finally:
        ws.close(backup_if_changed=False)
    emit(
        args,
        done.result.as_json() | {"number": done.number, "kind": done.kind, "name": done.name},
        f"Deleted {done.kind} {done.number} ({done.name}); undo brings it back "
        f"(operation {done.result.operation_id}).",
    )
    return EXIT_OK


def _pair(text: str) -> tuple[str, str]:
    """``FIELD=VALUE`` split at the first ``=`` (a value may hold more)."""
    field, sep, value = text.partition("=")
    if not sep or not field.strip():
        raise UsageError(f"“{text}” is not FIELD=VALUE (for example amount=12500 or city=上海)")
    return field.strip(), value


def _json(value: Any) -> Any:
    """``value`` as JSON: decimals as strings, days ISO, moments ISO in UTC."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _json(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_json(v) for v in value]
    return value


def _text(value: Any) -> str:
    """One value as a person reads it: nothing for none, yes/no for flags."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(_json(value))


def _lines(name: str, value: Any) -> list[str]:
    """``field: value`` lines: a list of names on one line, records and named values apart."""
    if isinstance(value, Mapping):
        named = [f"{name}.{key}: {_text(item)}" for key, item in value.items()]
        return named or [f"{name}: "]
    if isinstance(value, tuple) and value and isinstance(value[0], Mapping):
        return [
            f"{name}.{n}: "
            + ", ".join(f"{k}={_text(v)}" for k, v in item.items() if v is not None and v != "")
            for n, item in enumerate(value, 1)
        ]
    if isinstance(value, tuple):
        return [f"{name}: {', '.join(_text(v) for v in value)}"]
    return [f"{name}: {_text(value)}"]
