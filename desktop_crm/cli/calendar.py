"""Calendar command: planned follow-ups written to an ``.ics`` file.

``ics --json`` prints ``{"events": N, "file": PATH, "from": DAY|null, "to": DAY|null}``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg

COMMANDS = {
    "ics": (
        "write planned follow-ups to an .ics calendar file (also while the app has it open)",
        "write the calendar file",
    ),
}


def add_parsers(sub: Any) -> None:
    """Add the calendar command to the CLI's subparsers."""
    p = sub.add_parser(
        "ics",
        help=COMMANDS["ics"][0],
        description="Write the planned follow-ups to an iCalendar (.ics) file that Outlook, "
        "Google Calendar and Apple Calendar import: one event per follow-up, timed ones in the "
        "time zone they were planned in, all-day ones as dates, repeats as recurrence rules, "
        "each with an alarm. --from and --to choose them by due day (both included; a repeat "
        "by its next occurrence). Works while the app has the workspace open.",
    )
    workspace_arg(p)
    p.add_argument("file", type=Path, help="the .ics file to write")
    p.add_argument("--from", dest="start", metavar="DATE", help="first due day, YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="DATE", help="last due day, YYYY-MM-DD")
    p.add_argument(
        "--language",
        choices=("en", "zh"),
        default="en",
        help="the words titles and details are written in (default en)",
    )
    json_arg(p)


def cmd_ics(args: argparse.Namespace) -> int:
    """``ics PATH FILE.ics [--from DATE] [--to DATE] [--language en|zh] [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    start = _day(args.start, "--from")
    end = _day(args.end, "--to")
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}.")
    target = args.file.expanduser().absolute()
    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        count = reader.calendar.export(target, start, end, language=args.language)
    finally:
        reader.close()
    events = "event" if count == 1 else "events"
    emit(
        args,
        {
            "events": count,
            "file": str(target),
            "from": None if start is None else start.isoformat(),
            "to": None if end is None else end.isoformat(),
        },
        f"Wrote {count} {events} to {target}.",
    )
    return EXIT_OK


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{flag}: “{text}” is not a date; write it as YYYY-MM-DD.") from None
