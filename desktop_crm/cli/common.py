"""What every command module shares: exit codes, arguments, and how results are printed."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from desktop_crm.domain.errors import CrmError

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_DAMAGED = 0, 1, 2, 3


class UsageError(CrmError):
    """A value argparse cannot check by itself; exits like argparse's own errors (2)."""

    code = "cli.usage"


def workspace_arg(p: argparse.ArgumentParser) -> None:
    """The workspace file, the first positional argument of every command."""
    p.add_argument("path", type=Path, help="the workspace file")


def json_arg(p: argparse.ArgumentParser) -> None:
    """``--json``: print one JSON document instead of lines for people."""
    p.add_argument("--json", action="store_true", help="print one JSON object")


def emit(args: argparse.Namespace, data: Any, line: str) -> None:
    """Print ``data`` as JSON with ``--json``, else ``line``."""
    if args.json:
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(line)


def counts(
    created: int = 0, updated: int = 0, operation_id: str | None = None, **extra: Any
) -> dict[str, Any]:
    """The JSON every command that changes data prints (created, updated, …, operation_id)."""
    return {
        "created": created,
        "updated": updated,
        "skipped": 0,
        "failed": 0,
        "operation_id": operation_id,
        **extra,
    }
