"""Lead pool (公海) commands: list the records nobody holds, and run the returns by hand.

``pool --json`` prints a list of objects with ``kind``, ``id``, ``number``, ``name``,
``company``, ``level``, ``status``, ``last_contact`` (ISO moment or null) and ``phone``.
``recycle --json`` prints ``{"returned": [{kind, id, number, name, owner, rule_days}], "count":
N, "operation_id": …}`` (``operation_id`` null on a dry run or when nothing was due). These
names are read by scripts outside the app: they do not change.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop_crm.cli.common import EXIT_OK, emit, json_arg, workspace_arg
from desktop_crm.cli.quotes import print_table

COMMANDS = {
    "pool": ("list the lead pool: people and companies nobody holds", "list the pool"),
    "recycle": (
        "return held records whose pool rule's days have run out to the pool",
        "return records to the pool",
    ),
}


def add_parsers(sub: Any) -> None:
    """Add the pool commands to the CLI's subparsers."""
    p = sub.add_parser(
        "pool",
        help=COMMANDS["pool"][0],
        description="List the lead pool (公海): every person and company without an owner, "
        "those that came back to it last first. With --json: a list of objects with kind, "
        "id, number, name, company, level, status, last_contact (ISO moment or null) and "
        "phone. Works while the app has the workspace open.",
    )
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser(
        "recycle",
        help=COMMANDS["recycle"][0],
        description="Return to the pool every held record whose return rule (the pool.rules "
        "setting, by level or status) says its days without a logged contact have run out, "
        "as one operation that `undo` takes back. The app does this at start and on a timer. "
        "With --json: {returned: [{kind, id, number, name, owner, rule_days}], count, "
        "operation_id}. --dry-run changes nothing (and works while the app has the "
        "workspace open); a real run needs the app to close it.",
    )
    workspace_arg(p)
    p.add_argument("--dry-run", action="store_true", help="list what would return; change nothing")
    json_arg(p)


def cmd_pool(args: argparse.Namespace) -> int:
    """``pool PATH [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        # One query for the whole pool: paging by offset would sort it again per page.
        records = reader.pool.records(limit=reader.pool.count())
    finally:
        reader.close()
    listed = [
        {
            "kind": r.kind,
            "id": r.id,
            "number": r.number,
            "name": r.name,
            "company": r.company,
            "level": r.level,
            "status": r.status,
            "last_contact": r.last_contacted_at.isoformat() if r.last_contacted_at else None,
            "phone": r.phone,
        }
        for r in records
    ]
    if args.json:
        emit(args, listed, "")
        return EXIT_OK
    if not listed:
        print("The pool is empty.")
        return EXIT_OK
    table: list[tuple[str, ...]] = [
        ("Kind", "Number", "Name", "Company", "Level", "Status", "Last contact", "Phone")
    ]
    table += [
        (
            r.kind,
            r.number or "",
            r.name,
            r.company or "",
            r.level or "",
            r.status,
            f"{r.last_contacted_at.astimezone():%Y-%m-%d %H:%M}" if r.last_contacted_at else "",
            r.phone or "",
        )
        for r in records
    ]
    print_table(table, set())
    return EXIT_OK


def cmd_recycle(args: argparse.Namespace) -> int:
    """``recycle PATH [--dry-run] [--json]``."""
    if args.dry_run:
        from desktop_crm.services.workspace.reading import open_for_reading

        reader = open_for_reading(args.path)
        try:
            result = reader.pool.recycle(dry_run=True)
        finally:
            reader.close()
    else:
        from desktop_crm.services.workspace.handle import open_workspace

        ws = open_workspace(args.path)  # locked: the app holding it is a one-line error
        try:
            result = ws.pool.recycle()
        finally:
            ws.close(backup_if_changed=False)
    returned = [
        {
            "kind": r.kind,
            "id": r.id,
            "number": r.number,
            "name": r.name,
            "owner": r.owner,
            "rule_days": r.rule_days,
        }
        for r in result.returned
    ]
    data = {"returned": returned, "count": len(returned), "operation_id": result.operation_id}
    if args.json:
        emit(args, data, "")
        return EXIT_OK
    verb = "Would return" if args.dry_run else "Returned"
    noun = "record" if len(returned) == 1 else "records"
    if not returned:
        print("Nothing is due back in the pool.")
        return EXIT_OK
    print(f"{verb} {len(returned)} {noun} to the pool.")
    table: list[tuple[str, ...]] = [("Kind", "Number", "Name", "Owner", "Days")]
    table += [
        (
            str(r["kind"]),
            str(r["number"] or ""),
            str(r["name"]),
            str(r["owner"] or ""),
            str(r["rule_days"]),
        )
        for r in returned
    ]
    print_table(table, {4})
    if result.operation_id:
        print(f"Operation {result.operation_id} (undo takes it back).")
    return EXIT_OK
