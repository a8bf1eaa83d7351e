"""Team mode commands: set up a hub, join it, sync, list and resolve conflicts.

``sync --json`` prints ``{"pushed", "pulled", "conflicts", "restored", "at"}``; ``conflicts
--json`` a list of ``{"id", "number", "field", "mine", "theirs", "base", "changed_by",
"changed_at"}`` (values in their stored JSON forms: text, decimal strings, ISO days and
moments). Passwords come from the OS keychain or ``DESKTOP_CRM_HUB_PASSWORD`` (a prompt when
run at a terminal), never from an argument. These names are read by scripts: they do not
change.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import datetime
from typing import Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg
from desktop_crm.domain.errors import HubError

COMMANDS = {
    "hub": ("set up a team hub (PostgreSQL) or add a member to it", "set up the hub"),
    "join": ("join a team hub: upload this workspace, or download the team's", "join the hub"),
    "sync": ("push and pull once with the team hub", "sync"),
    "conflicts": ("list the team conflicts waiting for a decision", "list conflicts"),
    "resolve": ("decide a team conflict: mine, theirs or a new value", "resolve the conflict"),
}
NEW_MEMBER_ENV = "DESKTOP_CRM_NEW_MEMBER_PASSWORD"


def add_parsers(sub: Any) -> None:
    """Add the team mode commands to the CLI's subparsers."""
    p = sub.add_parser(
        "hub",
        help=COMMANDS["hub"][0],
        description="Administer a team hub: an empty PostgreSQL 15+ database the laptops meet "
        "in. 'hub init URL --user ADMIN' creates or upgrades its schema and functions "
        "(idempotent); 'hub add-user URL NAME --user ADMIN' adds a member who may sync and do "
        "nothing else (the new member's password from DESKTOP_CRM_NEW_MEMBER_PASSWORD, or "
        "asked). URL is postgresql://host:port/database.",
    )
    hub = p.add_subparsers(dest="hub_command", required=True, metavar="{init,add-user}")
    init = hub.add_parser("init", help="create or upgrade the hub's schema and functions")
    init.add_argument("url", help="postgresql://host:port/database")
    init.add_argument("--user", required=True, help="an administrator of that database")
    member = hub.add_parser("add-user", help="add a team member (a login that may only sync)")
    member.add_argument("url", help="postgresql://host:port/database")
    member.add_argument("name", help="the member's login name")
    member.add_argument("--user", required=True, help="an administrator of that database")

    p = sub.add_parser(
        "join",
        help=COMMANDS["join"][0],
        description="Join the team hub at URL as --user. If PATH is a workspace, it is "
        "uploaded to the hub, which must be empty; if PATH does not exist, the team's "
        "workspace is downloaded into a new file there. Two workspaces are never merged.",
    )
    workspace_arg(p)
    p.add_argument("url", help="postgresql://host:port/database")
    p.add_argument("--user", required=True, help="your login on the hub")
    p.add_argument("--tls", choices=["disable", "prefer", "require", "verify-ca", "verify-full"])
    p.add_argument(
        "--remember-password", action="store_true", help="keep the password in the OS keychain"
    )
    json_arg(p)

    p = sub.add_parser(
        "sync",
        help=COMMANDS["sync"][0],
        description="Send this workspace's changes to its team hub and apply the team's. "
        "With --json: {pushed, pulled, conflicts, restored, at}.",
    )
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser(
        "conflicts",
        help=COMMANDS["conflicts"][0],
        description="List fields changed on two laptops apart, both values kept. With --json: "
        "a list of {id, number, field, mine, theirs, base, changed_by, changed_at}. Works "
        "while the app has the workspace open.",
    )
    workspace_arg(p)
    json_arg(p)

    p = sub.add_parser(
        "resolve",
        help=COMMANDS["resolve"][0],
        description="Decide a conflict (its id, or the start of it): keep 'mine' (this "
        "laptop's value), 'theirs', or --value V. One undoable operation; the next sync tells "
        "the team.",
    )
    workspace_arg(p)
    p.add_argument("conflict_id", help="the conflict's id (the first characters suffice)")
    p.add_argument("choice", nargs="?", choices=["mine", "theirs"])
    p.add_argument("--value", help="a new value instead of either")
    json_arg(p)


def _password(url: str, user: str, env: str = "DESKTOP_CRM_HUB_PASSWORD") -> str | None:
    """The keychain's or environment's password, else asked at a terminal (else None)."""
    from desktop_crm.services.team.password import lookup_password

    found = lookup_password(url, user)
    if found is None and sys.stdin.isatty():
        return getpass.getpass(f"Password for {user} at {url}: ")
    return found


def cmd_hub(args: argparse.Namespace) -> int:
    """``hub init URL --user ADMIN`` and ``hub add-user URL NAME --user ADMIN``."""
    from desktop_crm.services.team.admin import add_team_member, set_up_hub

    secret = _password(args.url, args.user)
    if args.hub_command == "init":
        print(f"Hub {set_up_hub(args.url, args.user, secret)}.")
        return EXIT_OK
    new = os.environ.get(NEW_MEMBER_ENV)
    if not new and sys.stdin.isatty():
        new = getpass.getpass(f"New password for {args.name}: ")
    if not new:
        raise UsageError(f"Give the new member's password in {NEW_MEMBER_ENV}.")
    add_team_member(args.url, args.user, args.name, new, secret)
    print(f"Added {args.name}: they may sync with this hub and nothing else.")
    return EXIT_OK


def cmd_join(args: argparse.Namespace) -> int:
    """``join PATH URL --user NAME``: upload a workspace, or download the team's."""
    secret = _password(args.url, args.user)
    path = args.path.expanduser()
    if path.exists() and path.stat().st_size > 0:
        from desktop_crm.services.workspace.handle import open_workspace

        ws = open_workspace(path)
        try:
            rows = ws.team.join(
                args.url, args.user, secret, tls=args.tls, remember=args.remember_password
            )
        except HubError as exc:
            if exc.params.get("reason") != "already_joined":
                raise
            emit(args, {"joined": True, "uploaded": 0, "downloaded": 0}, exc.message)
            return EXIT_OK
        finally:
            ws.close(backup_if_changed=False)
        emit(
            args,
            {"joined": True, "uploaded": rows, "downloaded": 0},
            f"Joined the hub as {args.user}: uploaded {rows} rows.",
        )
        return EXIT_OK
    from desktop_crm.services.workspace.handle import join_team_workspace

    ws = join_team_workspace(
        path, args.url, args.user, secret, tls=args.tls, remember=args.remember_password
    )
    try:
        status = ws.team.status()
    finally:
        ws.close(backup_if_changed=False)
    emit(
        args,
        {"joined": True, "uploaded": 0, "downloaded": True, "conflicts": status.conflicts},
        f"Joined the hub as {args.user}: the team's workspace is now in {path}.",
    )
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    """``sync PATH [--json]``: push and pull once."""
    from desktop_crm.services.workspace.handle import open_workspace

    ws = open_workspace(args.path)  # the lock: while the app has it, the app syncs
    try:
        status = ws.team.status()
        if status.url is None:
            raise HubError("This workspace has not joined a team hub.", reason="not_joined")
        secret = _password(status.url, status.user or "")
        report = ws.team.sync(password=secret)
    finally:
        ws.close(backup_if_changed=False)
    data = {
        "pushed": report.pushed,
        "pulled": report.pulled,
        "conflicts": report.conflicts,
        "restored": report.restored,
        "at": report.at.isoformat(),
    }
    line = f"pushed {report.pushed}, pulled {report.pulled}, conflicts {report.conflicts}"
    if report.restored:
        line += " (the hub had been restored from an older copy: everything was sent again)"
    emit(args, data, line)
    return EXIT_OK


def cmd_conflicts(args: argparse.Namespace) -> int:
    """``conflicts PATH [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    reader = open_for_reading(args.path)
    try:
        found = reader.team.conflicts()
    finally:
        reader.close()
    rows = [
        {
            "id": c.id,
            "number": c.number,
            "field": c.field,
            "mine": c.mine,
            "theirs": c.theirs,
            "base": c.base,
            "changed_by": c.changed_by,
            "changed_at": _iso(c.changed_at),
        }
        for c in found
    ]
    if args.json:
        emit(args, rows, "")
        return EXIT_OK
    if not rows:
        print("No conflicts.")
    for c in found:
        print(
            f"{c.id[:8]}  {c.number or c.record}  {c.field}: mine {c.mine!r}, theirs "
            f"{c.theirs!r} (by {c.changed_by or '?'}, {_iso(c.changed_at) or '?'})"
        )
    return EXIT_OK


def cmd_resolve(args: argparse.Namespace) -> int:
    """``resolve PATH CONFLICT_ID mine|theirs|--value V``."""
    from desktop_crm.services.workspace.handle import open_workspace

    if (args.choice is None) == (args.value is None):
        raise UsageError("Say mine, theirs or --value V (one of them).")
    ws = open_workspace(args.path)
    try:
        if args.value is not None:
            done = ws.team.resolve(args.conflict_id, "value", args.value)
        else:
            done = ws.team.resolve(args.conflict_id, args.choice)
    finally:
        ws.close(backup_if_changed=False)
    emit(
        args,
        {"id": done.id, "number": done.number, "field": done.field, "resolved": True},
        f"Resolved {done.field} of {done.number or done.record}; the next sync tells the team.",
    )
    return EXIT_OK


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
